import assert from "node:assert/strict";
import { test } from "node:test";

import { findingOf, keepShown, shown } from "../filter";

// [code, name, select, ignore, shown?] — the same longest-prefix rule as kqllint's `Config.enabled`
const cases: Array<[string, string, string[], string[], boolean]> = [
  ["P011", "renamed-usage", [], [], true],
  ["P011", "renamed-usage", ["P"], [], true],
  ["C002", "keyword-case", ["P"], [], false],
  ["P011", "renamed-usage", [], ["P01"], false],
  ["P011", "renamed-usage", ["P011"], ["P01"], true], // the longer entry wins
  ["P011", "renamed-usage", ["P0"], ["P01"], false],
  ["P011", "renamed-usage", ["ALL"], ["P"], false],
  ["P011", "renamed-usage", ["renamed-usage"], ["P"], true], // a name counts as the whole code
  ["P011", "renamed-usage", ["P"], ["renamed-usage"], false],
  ["P011", "renamed-usage", ["P"], ["P"], false], // a tie is ignored, as in the CLI
];

for (const [code, name, select, ignore, expected] of cases) {
  test(`shown(${code}) select=${JSON.stringify(select)} ignore=${JSON.stringify(ignore)} -> ${expected}`, () => {
    assert.equal(shown({ code, name }, select, ignore), expected);
  });
}

test("findingOf reads a plain code, a code with a target, and the name from data", () => {
  assert.deepEqual(findingOf({ code: "P011", source: "kqllint", data: { name: "renamed-usage" } }), { code: "P011", name: "renamed-usage" });
  assert.deepEqual(findingOf({ code: { value: "S001", target: "https://x/S001.md" }, source: "kqllint" }), { code: "S001" });
  assert.equal(findingOf({ code: "E501", source: "other" }), undefined);
  assert.equal(findingOf({ code: 7, source: "kqllint" }), undefined);
});

test("keepShown drops the hidden kqllint findings and keeps everything else", () => {
  const items = [
    { code: "P011", source: "kqllint", data: { name: "renamed-usage" } },
    { code: "C002", source: "kqllint", data: { name: "keyword-case" } },
    { code: "C002", source: "another-linter" },
  ];
  assert.deepEqual(keepShown(items, [], ["C"]), [items[0], items[2]]);
  assert.deepEqual(keepShown(items, [], []), items);
});
