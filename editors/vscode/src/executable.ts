// Which kqllint the extension runs, and how. No `vscode` import: the unit tests run this under
// plain node, with a fake file system.

import * as path from "path";

import type { Settings } from "./settings";

/** The command that runs the kqllint CLI (`server` or `check` comes after it), and why this one. */
export interface Found {
  readonly kind: "found";
  /** For example `["/venv/bin/kqllint"]` or `["/usr/bin/python3", "-m", "kqllint"]`. */
  readonly prefix: readonly string[];
  /** The interpreter that runs it, when known: the install command names it. */
  readonly python?: string;
  /** Where it came from, for the output channel: "kqllint.path", "PATH", …. */
  readonly source: string;
}

export interface NotFound {
  readonly kind: "not-found";
  /** Why nothing was found, one line per place tried. */
  readonly tried: readonly string[];
}

/** What the search may look at: injected, so the tests need no real files. */
export interface Host {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  isFile(file: string): boolean;
}

/**
 * Find kqllint: `kqllint.path`, else `kqllint.interpreter -m kqllint`, else the kqllint script
 * beside the Python extension's active interpreter (`activePython`), else `kqllint` on PATH.
 * A path or interpreter set in the settings that does not exist is an answer too (not found):
 * running some other kqllint than the one the user named would hide their mistake.
 */
export function findKqllint(settings: Settings, activePython: string | undefined, host: Host): Found | NotFound {
  if (settings.path.length > 0) {
    const file = settings.path.find((candidate) => host.isFile(candidate));
    return file !== undefined
      ? withPython({ kind: "found", prefix: [file], source: "kqllint.path" }, host)
      : { kind: "not-found", tried: [`\`kqllint.path\` names no file that exists: ${settings.path.join(", ")}`] };
  }
  if (settings.interpreter.length > 0) {
    const python = settings.interpreter.find((candidate) => host.isFile(candidate));
    return python !== undefined
      ? { kind: "found", prefix: [python, "-m", "kqllint"], python, source: "kqllint.interpreter" }
      : { kind: "not-found", tried: [`\`kqllint.interpreter\` names no file that exists: ${settings.interpreter.join(", ")}`] };
  }
  const tried: string[] = [];
  if (activePython !== undefined) {
    const script = besideInterpreter(activePython, host);
    if (script !== undefined) {
      return { kind: "found", prefix: [script], python: activePython, source: `the Python environment of ${activePython}` };
    }
    tried.push(`the active Python environment (${activePython}) has no kqllint`);
  }
  const onPath = searchPath("kqllint", host);
  if (onPath !== undefined) {
    return withPython({ kind: "found", prefix: [onPath], source: "PATH" }, host);
  }
  tried.push("there is no `kqllint` on PATH");
  return { kind: "not-found", tried };
}

/** The command line of the language server. */
export function serverCommand(found: Found): { command: string; args: string[] } {
  const [command, ...args] = found.prefix;
  return { command, args: [...args, "server"] };
}

/** `found` with the interpreter beside its script (a venv's), so the install command names it. */
function withPython(found: Found, host: Host): Found {
  const p = host.platform === "win32" ? path.win32 : path.posix;
  const python = p.join(p.dirname(found.prefix[0]), host.platform === "win32" ? "python.exe" : "python");
  return host.isFile(python) ? { ...found, python } : found;
}

/** The `kqllint` console script installed beside `python` (in a venv's `bin/` or `Scripts\`). */
function besideInterpreter(python: string, host: Host): string | undefined {
  const p = host.platform === "win32" ? path.win32 : path.posix;
  const folder = p.dirname(python);
  const names = host.platform === "win32" ? ["kqllint.exe", p.join("Scripts", "kqllint.exe")] : ["kqllint"];
  return names.map((name) => p.join(folder, name)).find((file) => host.isFile(file));
}

/** The first `name` in the PATH's folders, with Windows' executable extensions tried there. */
export function searchPath(name: string, host: Host): string | undefined {
  const windows = host.platform === "win32";
  const p = windows ? path.win32 : path.posix;
  const variable = windows ? (host.env.Path ?? host.env.PATH) : host.env.PATH;
  const extensions = windows ? (host.env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";").filter(Boolean) : [""];
  for (const folder of (variable ?? "").split(p.delimiter)) {
    if (folder === "") {
      continue;
    }
    for (const extension of extensions) {
      const file = p.join(folder, name + extension.toLowerCase());
      if (host.isFile(file)) {
        return file;
      }
    }
  }
  return undefined;
}

/** The real file system and environment. */
export function realHost(): Host {
  // Imported here so that the tests, which pass their own host, never touch the disk.
  const fs = require("fs") as typeof import("fs");
  return {
    platform: process.platform,
    env: process.env,
    isFile(file: string): boolean {
      try {
        if (!fs.statSync(file).isFile()) {
          return false;
        }
        fs.accessSync(file, process.platform === "win32" ? fs.constants.F_OK : fs.constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
  };
}
