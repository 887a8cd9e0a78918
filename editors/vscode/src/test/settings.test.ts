import assert from "node:assert/strict";
import { test } from "node:test";

import { DEFAULTS, fixAllArgs, readSettings } from "../settings";

function config(values: Record<string, unknown>) {
  return { get: (key: string) => values[key] };
}

test("readSettings: nothing set gives the defaults, with unsafe fixes off", () => {
  assert.deepEqual(readSettings(config({})), DEFAULTS);
  assert.equal(DEFAULTS.unsafeFixes, false);
});

test("readSettings: lists are trimmed, blanks and non-strings dropped, a lone string is a list", () => {
  const settings = readSettings(config({ path: "/opt/kqllint", select: [" P0 ", "", 3, "C002"], ignore: null, unsafeFixes: "yes" }));
  assert.deepEqual(settings, { path: ["/opt/kqllint"], interpreter: [], select: ["P0", "C002"], ignore: [], unsafeFixes: false });
});

const fixCases: Array<{ name: string; settings: Partial<typeof DEFAULTS>; file?: string; tail: string[] }> = [
  { name: "defaults: safe fixes only, the file named", settings: {}, file: "/w/a.kql", tail: ["--stdin-filename", "/w/a.kql", "-"] },
  { name: "an untitled document has no file name", settings: {}, tail: ["-"] },
  {
    name: "select, ignore and unsafe fixes as the CLI spells them",
    settings: { select: ["P", "J005"], ignore: ["trailing-comma"], unsafeFixes: true },
    file: "a.kql",
    tail: ["--select", "P,J005", "--ignore", "trailing-comma", "--unsafe-fixes", "--stdin-filename", "a.kql", "-"],
  },
];

for (const c of fixCases) {
  test(`fixAllArgs: ${c.name}`, () => {
    const args = fixAllArgs({ ...DEFAULTS, ...c.settings }, c.file);
    assert.deepEqual(args, ["check", "--fix", "--quiet", "--output-format", "concise", "--exit-zero", ...c.tail]);
  });
}
