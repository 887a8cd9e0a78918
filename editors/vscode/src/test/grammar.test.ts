// The TextMate grammar, run by the same engine VS Code uses (vscode-textmate + oniguruma).

import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";

import * as oniguruma from "vscode-oniguruma";
import * as textmate from "vscode-textmate";

const ROOT = path.resolve(__dirname, "..", "..");

async function grammar(): Promise<textmate.IGrammar> {
  const wasm = fs.readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm")).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    // source.json is VS Code's; a one-rule stand-in shows where the embedded JSON begins and ends
    loadGrammar: async (scope: string) => {
      if (scope === "source.kusto") {
        const file = path.join(ROOT, "syntaxes", "kusto.tmLanguage.json");
        return textmate.parseRawGrammar(fs.readFileSync(file, "utf8"), file);
      }
      if (scope === "source.json") {
        const json = { scopeName: "source.json", patterns: [{ match: "\"[^\"]*\"", name: "string.json" }] };
        return textmate.parseRawGrammar(JSON.stringify(json), "json.json");
      }
      return null;
    },
  });
  const loaded = await registry.loadGrammar("source.kusto");
  assert.ok(loaded);
  return loaded;
}

/** Each token of `text` as `[text, innermost scopes]`, blank tokens left out. */
async function tokens(text: string): Promise<Array<[string, string]>> {
  const g = await grammar();
  let stack = textmate.INITIAL;
  const out: Array<[string, string]> = [];
  for (const line of text.split("\n")) {
    const result = g.tokenizeLine(line, stack);
    for (const token of result.tokens) {
      const piece = line.slice(token.startIndex, token.endIndex);
      if (piece.trim() !== "") {
        out.push([piece.trim(), token.scopes.slice(1).join(" ")]);
      }
    }
    stack = result.ruleStack;
  }
  return out;
}

const cases: Array<{ name: string; text: string; expected: Array<[string, string]> }> = [
  {
    name: "a command head, the entity, the policy kind and a fenced JSON payload",
    text: '.alter-merge database Sales policy managed_identity ```[{"ObjectId": "system"}]```',
    expected: [
      [".", "punctuation.definition.keyword.kusto"],
      ["alter-merge", "keyword.control.command.kusto"],
      ["database", "storage.type.entity.kusto"],
      ["Sales", ""],
      ["policy", "keyword.other.kusto"],
      ["managed_identity", "support.type.policy.kusto"],
      ["```", "punctuation.definition.string.begin.kusto"],
      ["[{", "meta.embedded.block.json"],
      ['"ObjectId"', "meta.embedded.block.json string.json"],
      [":", "meta.embedded.block.json"],
      ['"system"', "meta.embedded.block.json string.json"],
      ["}]", "meta.embedded.block.json"],
      ["```", "punctuation.definition.string.end.kusto"],
    ],
  },
  {
    name: "a tilde fence over several lines stays JSON until it closes",
    text: '.alter table T policy retention ~~~\n{"SoftDeletePeriod": "10.00:00:00"}\n~~~ // done',
    expected: [
      [".", "punctuation.definition.keyword.kusto"],
      ["alter", "keyword.control.command.kusto"],
      ["table", "storage.type.entity.kusto"],
      ["T", ""],
      ["policy", "keyword.other.kusto"],
      ["retention", "support.type.policy.kusto"],
      ["~~~", "punctuation.definition.string.begin.kusto"],
      ["{", "meta.embedded.block.json"],
      ['"SoftDeletePeriod"', "meta.embedded.block.json string.json"],
      [":", "meta.embedded.block.json"],
      ['"10.00:00:00"', "meta.embedded.block.json string.json"],
      ["}", "meta.embedded.block.json"],
      ["~~~", "punctuation.definition.string.end.kusto"],
      ["// done", "comment.line.double-slash.kusto"],
    ],
  },
  {
    name: "keyword arguments, a timespan, a verbatim string with a doubled quote, a comment",
    text: ".alter-merge database db policy retention softdelete = 10d\nT | where x == @'it''s' // why",
    expected: [
      [".", "punctuation.definition.keyword.kusto"],
      ["alter-merge", "keyword.control.command.kusto"],
      ["database", "storage.type.entity.kusto"],
      ["db", ""],
      ["policy", "keyword.other.kusto"],
      ["retention", "support.type.policy.kusto"],
      ["softdelete", ""],
      ["=", "keyword.operator.kusto"],
      ["10d", "constant.numeric.kusto"],
      ["T", ""],
      ["|", "keyword.operator.kusto"],
      ["where", "keyword.operator.query.kusto"],
      ["x", ""],
      ["==", "keyword.operator.kusto"],
      ["@'", "string.quoted.single.verbatim.kusto"],
      ["it", "string.quoted.single.verbatim.kusto"],
      ["''", "string.quoted.single.verbatim.kusto constant.character.escape.kusto"],
      ["s", "string.quoted.single.verbatim.kusto"],
      ["'", "string.quoted.single.verbatim.kusto"],
      ["// why", "comment.line.double-slash.kusto"],
    ],
  },
  {
    name: "a fence that holds no JSON is a plain string",
    text: ".create function f() ```T | take 1```",
    expected: [
      [".", "punctuation.definition.keyword.kusto"],
      ["create", "keyword.control.command.kusto"],
      ["function", "storage.type.entity.kusto"],
      ["f()", ""],
      ["```", "string.quoted.other.fenced.kusto punctuation.definition.string.begin.kusto"],
      ["T | take 1", "string.quoted.other.fenced.kusto"],
      ["```", "string.quoted.other.fenced.kusto punctuation.definition.string.end.kusto"],
    ],
  },
];

for (const c of cases) {
  test(`grammar: ${c.name}`, async () => {
    assert.deepEqual(await tokens(c.text), c.expected);
  });
}
