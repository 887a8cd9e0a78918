// What the extension tells the user when kqllint cannot start. No `vscode` import.

import type { Found, NotFound } from "./executable";

/** The install command of the README's "Installing" section, with the language server's extra. */
export const INSTALL_SPEC = "'kqllint[lsp] @ git+https://github.com/kqllint/kqllint'";

/** `python -m pip install …` for the interpreter when it is known, else for `python3`. */
export function installCommand(python: string | undefined): string {
  return `${python !== undefined ? quote(python) : "python3"} -m pip install ${INSTALL_SPEC}`;
}

export function notFoundMessage(result: NotFound): string {
  return (
    `kqllint was not found (${result.tried.join("; ")}). Install it with \`${installCommand(undefined)}\`, ` +
    "or set `kqllint.path` or `kqllint.interpreter`."
  );
}

/**
 * Why the server ended before it answered, from its exit code and what it wrote on stderr, or
 * from the error of `spawn` (code undefined). The CLI's own message for a missing extra is
 * "`kqllint server` needs the lsp extra" (exit 2).
 */
export function startFailureMessage(
  found: Found,
  code: number | null | undefined,
  stderr: string,
  spawnError?: string,
  error?: unknown,
): string {
  const shown = found.prefix.join(" ");
  if (spawnError !== undefined) {
    return `kqllint could not run \`${shown}\`: ${spawnError}. Install kqllint with \`${installCommand(found.python)}\`, or fix \`kqllint.path\`.`;
  }
  if (stderr.includes("needs the lsp extra")) {
    return `\`${shown}\` has no language server: kqllint's \`lsp\` extra is missing. Install it with \`${installCommand(found.python)}\`.`;
  }
  if (/No module named kqllint\b/.test(stderr)) {
    return `${found.python ?? found.prefix[0]} has no kqllint. Install it with \`${installCommand(found.python)}\`.`;
  }
  if (/No such command '?server'?/.test(stderr)) {
    return `\`${shown}\` is a kqllint without \`kqllint server\`: upgrade it with \`${installCommand(found.python)}\`.`;
  }
  const last = stderr.trim().split(/\r?\n/).filter(Boolean).pop();
  if (code === undefined) {
    const why = last ?? (error instanceof Error ? error.message : error !== undefined ? String(error) : "no reason given");
    return `\`${shown} server\` did not start: ${why}. See "kqllint: Show output".`;
  }
  return `\`${shown} server\` exited with status ${code ?? "unknown"}${last !== undefined ? `: ${last}` : ""}. See "kqllint: Show output".`;
}

function quote(word: string): string {
  return /^[\w./:\\-]+$/.test(word) ? word : `"${word.replace(/"/g, '\\"')}"`;
}
