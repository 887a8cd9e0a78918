import assert from "node:assert/strict";
import { test } from "node:test";

import type { Found } from "../executable";
import { installCommand, notFoundMessage, startFailureMessage } from "../messages";

const script: Found = { kind: "found", prefix: ["/venv/bin/kqllint"], python: "/venv/bin/python", source: "PATH" };
const viaModule: Found = { kind: "found", prefix: ["/usr/bin/python3", "-m", "kqllint"], python: "/usr/bin/python3", source: "kqllint.interpreter" };
const bare: Found = { kind: "found", prefix: ["/usr/bin/kqllint"], source: "PATH" };
const PIP = "-m pip install 'kqllint[lsp] @ git+https://github.com/kqllint/kqllint'";

test("installCommand names the interpreter, quoting a path with spaces", () => {
  assert.equal(installCommand(undefined), `python3 ${PIP}`);
  assert.equal(installCommand("C:\\Program Files\\Python\\python.exe"), `"C:\\Program Files\\Python\\python.exe" ${PIP}`);
});

test("notFoundMessage lists where it looked and how to install", () => {
  assert.equal(
    notFoundMessage({ kind: "not-found", tried: ["there is no `kqllint` on PATH"] }),
    `kqllint was not found (there is no \`kqllint\` on PATH). Install it with \`python3 ${PIP}\`, or set \`kqllint.path\` or \`kqllint.interpreter\`.`,
  );
});

const failures: Array<[string, Found, number | null | undefined, string, string | undefined, string]> = [
  [
    "the CLI's own message for a missing lsp extra (exit 2)",
    script, 2,
    "error: `kqllint server` needs the lsp extra\nhelp: from a clone, `python3 -m pip install '.[lsp]'`\n", undefined,
    `\`/venv/bin/kqllint\` has no language server: kqllint's \`lsp\` extra is missing. Install it with \`/venv/bin/python ${PIP}\`.`,
  ],
  [
    "an interpreter without kqllint",
    viaModule, 1, "/usr/bin/python3: No module named kqllint\n", undefined,
    `/usr/bin/python3 has no kqllint. Install it with \`/usr/bin/python3 ${PIP}\`.`,
  ],
  [
    "a kqllint from before `kqllint server`",
    bare, 2, "Usage: kqllint [OPTIONS] COMMAND [ARGS]...\nError: No such command 'server'.\n", undefined,
    `\`/usr/bin/kqllint\` is a kqllint without \`kqllint server\`: upgrade it with \`python3 ${PIP}\`.`,
  ],
  [
    "a file that cannot be run",
    bare, undefined, "", "spawn /usr/bin/kqllint EACCES",
    `kqllint could not run \`/usr/bin/kqllint\`: spawn /usr/bin/kqllint EACCES. Install kqllint with \`python3 ${PIP}\`, or fix \`kqllint.path\`.`,
  ],
  [
    "anything else: the status and the last line of stderr",
    bare, 1, "Traceback (most recent call last):\n  ...\nImportError: cannot import name 'x'\n\n", undefined,
    "`/usr/bin/kqllint server` exited with status 1: ImportError: cannot import name 'x'. See \"kqllint: Show output\".",
  ],
  [
    "a server still running that did not answer `initialize`",
    bare, undefined, "", undefined,
    "`/usr/bin/kqllint server` did not start: no reason given. See \"kqllint: Show output\".",
  ],
];

for (const [name, found, code, stderr, spawnError, expected] of failures) {
  test(`startFailureMessage: ${name}`, () => {
    assert.equal(startFailureMessage(found, code, stderr, spawnError), expected);
  });
}

test("startFailureMessage: the client's error when the server gave no reason", () => {
  assert.equal(
    startFailureMessage(bare, undefined, "", undefined, new Error("Pending response rejected since connection got disposed")),
    "`/usr/bin/kqllint server` did not start: Pending response rejected since connection got disposed. See \"kqllint: Show output\".",
  );
});
