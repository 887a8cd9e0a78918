import assert from "node:assert/strict";
import { test } from "node:test";

import { findKqllint, searchPath, serverCommand, type Host } from "../executable";
import { DEFAULTS, type Settings } from "../settings";

function host(files: string[], env: Record<string, string> = { PATH: "/usr/local/bin:/usr/bin" }, platform: NodeJS.Platform = "linux"): Host {
  return { platform, env, isFile: (file) => files.includes(file) };
}

const cases: Array<{
  name: string;
  settings?: Partial<Settings>;
  python?: string;
  files: string[];
  env?: Record<string, string>;
  platform?: NodeJS.Platform;
  expected: { prefix: string[]; source: string; python?: string } | { tried: string[] };
}> = [
  {
    name: "kqllint.path comes first, its first existing entry",
    settings: { path: ["/gone/kqllint", "/opt/kqllint"], interpreter: ["/usr/bin/python3"] },
    python: "/venv/bin/python",
    files: ["/opt/kqllint", "/usr/bin/python3", "/venv/bin/kqllint", "/usr/bin/kqllint"],
    expected: { prefix: ["/opt/kqllint"], source: "kqllint.path" },
  },
  {
    name: "a kqllint.path in a venv: its python is the one to install the extra into",
    settings: { path: ["/proj/.venv/bin/kqllint"] },
    files: ["/proj/.venv/bin/kqllint", "/proj/.venv/bin/python"],
    expected: { prefix: ["/proj/.venv/bin/kqllint"], python: "/proj/.venv/bin/python", source: "kqllint.path" },
  },
  {
    name: "a kqllint.path that does not exist is not replaced by another kqllint",
    settings: { path: ["/gone/kqllint"] },
    files: ["/usr/bin/kqllint"],
    expected: { tried: ["`kqllint.path` names no file that exists: /gone/kqllint"] },
  },
  {
    name: "kqllint.interpreter runs `-m kqllint`",
    settings: { interpreter: ["/usr/bin/python3"] },
    python: "/venv/bin/python",
    files: ["/usr/bin/python3", "/venv/bin/kqllint"],
    expected: { prefix: ["/usr/bin/python3", "-m", "kqllint"], python: "/usr/bin/python3", source: "kqllint.interpreter" },
  },
  {
    name: "a missing kqllint.interpreter is reported",
    settings: { interpreter: ["/nope/python"] },
    files: ["/usr/bin/kqllint"],
    expected: { tried: ["`kqllint.interpreter` names no file that exists: /nope/python"] },
  },
  {
    name: "the active Python environment's script",
    python: "/work/.venv/bin/python",
    files: ["/work/.venv/bin/kqllint", "/usr/bin/kqllint"],
    expected: { prefix: ["/work/.venv/bin/kqllint"], python: "/work/.venv/bin/python", source: "the Python environment of /work/.venv/bin/python" },
  },
  {
    name: "an environment without kqllint falls back to PATH, in PATH's order",
    python: "/work/.venv/bin/python",
    files: ["/usr/bin/kqllint", "/usr/local/bin/kqllint"],
    expected: { prefix: ["/usr/local/bin/kqllint"], source: "PATH" },
  },
  {
    name: "nothing anywhere: each place tried is named",
    python: "/work/.venv/bin/python",
    files: [],
    expected: { tried: ["the active Python environment (/work/.venv/bin/python) has no kqllint", "there is no `kqllint` on PATH"] },
  },
  {
    name: "Windows: the venv's Scripts folder and PATHEXT",
    python: "C:\\proj\\.venv\\Scripts\\python.exe",
    files: ["C:\\proj\\.venv\\Scripts\\kqllint.exe"],
    platform: "win32",
    env: { Path: "C:\\Python\\Scripts" },
    expected: { prefix: ["C:\\proj\\.venv\\Scripts\\kqllint.exe"], python: "C:\\proj\\.venv\\Scripts\\python.exe", source: "the Python environment of C:\\proj\\.venv\\Scripts\\python.exe" },
  },
];

for (const c of cases) {
  test(`findKqllint: ${c.name}`, () => {
    const settings = { ...DEFAULTS, ...c.settings };
    const found = findKqllint(settings, c.python, host(c.files, c.env, c.platform));
    if ("tried" in c.expected) {
      assert.deepEqual(found, { kind: "not-found", tried: c.expected.tried });
    } else {
      assert.deepEqual(found, { kind: "found", ...c.expected });
    }
  });
}

test("searchPath tries PATHEXT's extensions in lower case on Windows", () => {
  const found = searchPath("kqllint", host(["D:\\tools\\kqllint.cmd"], { Path: "C:\\bin;D:\\tools", PATHEXT: ".EXE;.CMD" }, "win32"));
  assert.equal(found, "D:\\tools\\kqllint.cmd");
});

test("searchPath skips empty PATH entries and finds nothing in an empty PATH", () => {
  assert.equal(searchPath("kqllint", host(["kqllint"], { PATH: "" })), undefined);
  assert.equal(searchPath("kqllint", host(["/bin/kqllint"], { PATH: "::/bin" })), "/bin/kqllint");
});

test("serverCommand appends `server` to each kind of prefix", () => {
  assert.deepEqual(serverCommand({ kind: "found", prefix: ["/opt/kqllint"], source: "PATH" }), { command: "/opt/kqllint", args: ["server"] });
  assert.deepEqual(serverCommand({ kind: "found", prefix: ["py", "-m", "kqllint"], source: "x" }), { command: "py", args: ["-m", "kqllint", "server"] });
});
