// The clause scripts' wording (docs/assets/javascripts/ui-text.js), and that it stays
// there: node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { TEXT, fill, uiText } from "../../docs/assets/javascripts/ui-text.js";

const HAN = /[\u3400-\u9fff]/;

function leaves(table, prefix = "") {
  return Object.entries(table).flatMap(([k, v]) => (typeof v === "object" ? leaves(v, `${prefix}${k}.`) : [[prefix + k, v]]));
}

test("both languages say the same things, with the same placeholders", () => {
  const zh = Object.fromEntries(leaves(TEXT.zh));
  const en = Object.fromEntries(leaves(TEXT.en));
  assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort());
  const holes = (s) => (s.match(/\{\w+\}/g) || []).sort();
  for (const key of Object.keys(zh)) {
    assert.ok(zh[key].trim() && en[key].trim(), key);
    assert.deepEqual(holes(en[key]), holes(zh[key]), key);
    assert.ok(HAN.test(zh[key]), `zh ${key} is not Chinese: ${zh[key]}`);
    assert.ok(!HAN.test(en[key]), `en ${key} is not English: ${en[key]}`);
  }
});

test("a language's table, and placeholders filled", () => {
  assert.equal(uiText("en"), TEXT.en);
  assert.equal(uiText("zh"), TEXT.zh);
  assert.equal(uiText(undefined), TEXT.zh);
  assert.equal(fill(TEXT.zh.removeLabel, { citation: "“财务管理制度”第8条" }), "移除“财务管理制度”第8条");
  assert.equal(fill("{a} {b}", { a: 1 }), "1 {b}");
});

// The feature modules hold no wording of their own: no Chinese outside comments.
const MODULES = ["site.js", "copy.js", "clause-links.js", "arrival.js", "notfound.js", "cite-builder.js",
                 "clause-table.js"];

test("no wording inline in the feature modules", () => {
  for (const name of MODULES) {
    const source = readFileSync(new URL(`../../docs/assets/javascripts/${name}`, import.meta.url), "utf-8");
    const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'\\])\/\/.*$/gm, "$1");
    const line = code.split("\n").find((l) => HAN.test(l));
    assert.equal(line, undefined, `${name}: ${line}`);
  }
});
