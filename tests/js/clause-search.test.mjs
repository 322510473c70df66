// Unit tests of the site search's clause numbers (docs/assets/javascripts/clause-search.js):
// node --test tests/js/. The browser test (tests/browser/test_search.py) types them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { indexDocs, namedDocs, pinFirst } from "../../docs/assets/javascripts/clause-search.js";
import { SITE, NOT_BUILT } from "./built-site.mjs";

const DOCS = [
  { location: "ch01/", title: "一、编办主任办公会议制度", text: "",
    chapter: { n: 1, zh: "编办主任办公会议制度", en: "Rules on the Director's Office Meeting" } },
  { location: "ch01/?clause=c1-5", title: "第5条", text: "5." },
  { location: "ch01/?clause=c1-5-4", title: "第5条第④项", text: "④" },
  { location: "ch12/", title: "十二、财务管理制度", text: "",
    chapter: { n: 12, zh: "财务管理制度", en: "Financial Management Rules" } },
  { location: "ch12/?clause=c12-2", title: "第2条", text: "5000元以上" },
  { location: "ch12/?clause=c12-8", title: "第8条", text: "慰问金800元" },
  { location: "glossary/", title: "术语表", text: "" },
];
const INDEX = indexDocs(DOCS);
const named = (q) => namedDocs(q, INDEX).map((d) => d.location);

test("the index's clauses, chapters and chapter names", () => {
  assert.deepEqual([...INDEX.clauses.keys()], ["c1-5", "c1-5-4", "c12-2", "c12-8"]);
  assert.deepEqual([...INDEX.chapters.keys()], [1, 12]);
  assert.deepEqual(INDEX.names.map((c) => c.zh), ["编办主任办公会议制度", "财务管理制度"]);
});

test("clause numbers as people type them name the clause", () => {
  for (const q of ["12-2", "12.2", "第十二章第2条", "十二章2条", "“财务管理制度”第2条", "财务管理制度第二条",
                   "art. 12.2", "Art 12.2", "clause 12.2", "chapter 12 clause 2", "ch. 12, cl. 2",
                   "Financial Management Rules, cl. 2", " 12-2 ", "１２．２", "第12.2条"]) {
    assert.deepEqual(named(q), ["ch12/?clause=c12-2"], q);
  }
});

test("several clauses in the order typed; a chapter; a sub-item", () => {
  assert.deepEqual(named("12-8 12-2"), ["ch12/?clause=c12-8", "ch12/?clause=c12-2"]);
  assert.deepEqual(named("12-2，12-2"), ["ch12/?clause=c12-2"]);
  assert.deepEqual(named("第十二章"), ["ch12/"]);
  assert.deepEqual(named("1-5-4"), ["ch01/?clause=c1-5-4"]);
  assert.deepEqual(named("1-5-2"), ["ch01/?clause=c1-5"]);     // a sub-item the index lacks: its clause
});

test("words, amounts and numbers that name no clause are searched as before", () => {
  for (const q of ["慰问金", "5000元", "500", "800 yuan", "12 2", "12-", "1.5倍", "2026-12-07",
                   "12-99", "第十九章第1条", "annual leave", ""]) {
    assert.deepEqual(named(q), [], q);
  }
});

test("the named clause comes first, once, ahead of Material's ranking", () => {
  const hit = (location, score) => ({ location, title: location, text: "", score, terms: { "2": true } });
  const result = { items: [[hit("ch13/?clause=c13-2", 9)], [hit("ch12/?clause=c12-2", 2)], [hit("ch12/?clause=c12-8", 1)]] };
  const pinned = pinFirst(result, namedDocs("12-2", INDEX));
  assert.deepEqual(pinned.items.map((g) => g[0].location),
                   ["ch12/?clause=c12-2", "ch13/?clause=c13-2", "ch12/?clause=c12-8"]);
  assert.deepEqual(pinned.items[0][0].terms, {});           // no highlight: the number is not a word
  assert.ok(pinned.items[0][0].score > 9);
  assert.equal(pinned.items[0][0].text, "5000元以上");
  // Nothing named: Material's result as it was; no result at all: the clause alone.
  assert.equal(pinFirst(result, []), result);
  assert.deepEqual(pinFirst({ items: [] }, namedDocs("12.2", INDEX)).items.map((g) => g[0].location),
                   ["ch12/?clause=c12-2"]);
});

test("the built search indexes name every clause and chapter of clauses.json", { skip: NOT_BUILT }, () => {
  const rows = JSON.parse(readFileSync(path.join(SITE, "clauses.json"), "utf-8"));
  for (const rel of ["search/search_index.json", "en/search/search_index.json"]) {
    const index = indexDocs(JSON.parse(readFileSync(path.join(SITE, rel), "utf-8")).docs);
    assert.deepEqual([...index.clauses.keys()].sort(), rows.map((r) => r.id).sort(), rel);
    assert.equal(index.names.length, new Set(rows.map((r) => r.chapter)).size, rel);
    for (const r of rows) {
      const zh = `“${r.chapter_name.zh}”第${r.id.split("-")[1]}条`;
      assert.equal(namedDocs(zh, index)[0].location.split("clause=")[1],
                   r.id.split("-").slice(0, 2).join("-"), `${rel}: ${zh}`);
    }
  }
});
