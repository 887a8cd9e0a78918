import assert from "node:assert/strict";
import { test } from "node:test";

import { DEFAULTS, needsRestart, readSettings, serverOptions } from "../settings";

function config(values: Record<string, unknown>) {
  return { get: (key: string) => values[key] };
}

test("readSettings: nothing set gives the defaults, with unsafe fixes off", () => {
  assert.deepEqual(readSettings(config({})), DEFAULTS);
  assert.equal(DEFAULTS.unsafeFixes, false);
});

test("readSettings: lists are trimmed, blanks and non-strings dropped, a lone string is a list", () => {
  const settings = readSettings(
    config({ path: "/opt/kqllint", select: [" P0 ", "", 3, "C002"], ignore: null, extendSelect: "J005", unsafeFixes: "yes" }),
  );
  assert.deepEqual(settings, {
    path: ["/opt/kqllint"], interpreter: [], select: ["P0", "C002"], ignore: [], extendSelect: ["J005"], unsafeFixes: false,
  });
});

// VS Code's settings -> what the server gets in `initializationOptions` and `didChangeConfiguration`
const optionCases: Array<{ name: string; values: Record<string, unknown>; options: Record<string, unknown> }> = [
  { name: "nothing set: the CLI's defaults", values: {}, options: { select: [], ignore: [], extendSelect: [], unsafeFixes: false } },
  {
    name: "the rule settings and unsafe fixes, as the CLI's flags take them",
    values: { select: ["P", "J005"], ignore: ["trailing-comma"], extendSelect: ["C002"], unsafeFixes: true },
    options: { select: ["P", "J005"], ignore: ["trailing-comma"], extendSelect: ["C002"], unsafeFixes: true },
  },
  {
    name: "the editor's own settings stay in the editor; entries are cleaned as read",
    values: { path: ["/opt/kqllint"], interpreter: ["python3"], select: [" P0 ", ""], ignore: "C002", unsafeFixes: 1 },
    options: { select: ["P0"], ignore: ["C002"], extendSelect: [], unsafeFixes: false },
  },
];

for (const c of optionCases) {
  test(`serverOptions: ${c.name}`, () => {
    const options = serverOptions(readSettings(config(c.values)));
    assert.deepEqual(options, c.options);
  });
}

const restartCases: Array<[string, Record<string, unknown>, Record<string, unknown>, boolean]> = [
  ["a rule setting: the running server is told", { select: ["P"] }, { select: ["C"], unsafeFixes: true }, false],
  ["the same settings", { path: ["/a"] }, { path: ["/a"] }, false],
  ["another executable", { path: ["/a"] }, { path: ["/b"] }, true],
  ["another interpreter", {}, { interpreter: ["python3"] }, true],
  ["the same executables in another order", { path: ["/a", "/b"] }, { path: ["/b", "/a"] }, true],
];

for (const [name, before, after, expected] of restartCases) {
  test(`needsRestart: ${name} -> ${expected}`, () => {
    assert.equal(needsRestart(readSettings(config(before)), readSettings(config(after))), expected);
  });
}
