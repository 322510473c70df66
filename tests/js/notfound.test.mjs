// The 404 page's suggestion (docs/assets/javascripts/notfound.js) and the clause
// table it reads (clause-table.js): node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { suggestion } from "../../docs/assets/javascripts/notfound.js";
import { indexTable } from "../../docs/assets/javascripts/clause-table.js";
import { NOT_BUILT, clauseRows } from "./built-site.mjs";

const row = (chapter, item, sub = null, zh = "财务管理制度", en = "Financial Management Rules") => ({
  id: `c${chapter}-${item}` + (sub ? `-${sub}` : ""), chapter, item, sub,
  page: `ch${String(chapter).padStart(2, "0")}`, chapter_name: { zh, en },
});
// A small table with a chapter 19 that the handbook does not have (yet).
const TABLE = indexTable([
  row(1, 5), row(1, 5, 4), row(12, 8), row(12, 9),
  row(19, 1, null, "档案管理制度", "Archives Rules"), row(19, 2, null, "档案管理制度", "Archives Rules"),
]);

test("the clause table indexes ids and chapters in their order", () => {
  assert.deepEqual(TABLE.chapters.map((c) => [c.n, c.page]), [[1, "ch01"], [12, "ch12"], [19, "ch19"]]);
  assert.equal(TABLE.byId["c19-2"].item, 2);
  assert.deepEqual(TABLE.chapters[2], { n: 19, zh: "档案管理制度", en: "Archives Rules", page: "ch19" });
});

test("a mistyped clause address points to the clause, its parent or its chapter", () => {
  const s = (path, root = "/") => suggestion(path, root, TABLE);
  assert.equal(s("/c/12-8/"), "/ch12/#c12-8");
  assert.equal(s("/c/12-99/"), "/ch12/");                // no such clause: the chapter
  assert.equal(s("/c/1-5-9/"), "/ch01/#c1-5");           // no such sub-item: the clause
  assert.equal(s("/en/c/1-5-4x/"), "/en/ch01/#c1-5-4");
  assert.equal(s("/c/" + encodeURIComponent("第十二章第8条") + "/"), "/ch12/#c12-8");
  assert.equal(s("/cite/12.9"), "/ch12/#c12-9");
  assert.equal(s("/ch1/"), "/ch01/");
  assert.equal(s("/c/12/"), "/ch12/");
  assert.equal(s("/en/c/12/"), "/en/ch12/");
});

test("a chapter in the table is suggested, one outside it is not: no chapter count in the code", () => {
  assert.equal(suggestion("/c/19-2/", "/", TABLE), "/ch19/#c19-2");
  assert.equal(suggestion("/ch19/", "/", TABLE), "/ch19/");
  assert.equal(suggestion("/c/“档案管理制度”第1条/", "/", TABLE), "/ch19/#c19-1");
  assert.equal(suggestion("/c/20-1/", "/", TABLE), null);
  assert.equal(suggestion("/ch2/", "/", TABLE), null);
});

test("under a prefix, and for addresses that name nothing", () => {
  assert.equal(suggestion("/handbook/c/12-8/", "/handbook/", TABLE), "/handbook/ch12/#c12-8");
  assert.equal(suggestion("/handbook/en/ch12x/", "/handbook/", TABLE), "/handbook/en/ch12/");
  for (const path of ["/", "/nothing/", "/en/", "/assets/x.js", "/c/%E0%A4%A/", "/c/<script>/"]) {
    assert.equal(suggestion(path, "/", TABLE), null, path);
  }
});

test("with the built clauses.json: every clause and chapter, and nothing past the last chapter",
     { skip: NOT_BUILT }, () => {
  const table = indexTable(clauseRows());
  for (const c of table.rows) {
    assert.equal(suggestion(`/c/${c.id.slice(1)}/`, "/", table), `/${c.page}/#${c.id}`);
    assert.equal(suggestion(`/en/c/${c.id.slice(1)}/`, "/", table), `/en/${c.page}/#${c.id}`);
  }
  for (const ch of table.chapters) assert.equal(suggestion(`/c/${ch.n}/`, "/", table), `/${ch.page}/`);
  const next = Math.max(...table.chapters.map((c) => c.n)) + 1;
  assert.equal(suggestion(`/c/${next}-1/`, "/", table), null);
  assert.equal(suggestion(`/ch${next}/`, "/", table), null);
});
