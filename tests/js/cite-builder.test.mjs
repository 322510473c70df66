// The citation builder's search and reference block (docs/assets/javascripts/cite-builder.js),
// on the clause table the build publishes: node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { indexTable } from "../../docs/assets/javascripts/clause-table.js";
import { NOT_BUILT, clauseRows } from "./built-site.mjs";
import { docsModule } from "./docs-modules.mjs";

const { citationBlock, clauseText, clausesNamed, findClauses } = await docsModule("cite-builder.js");   // imports qr.js

const S = "http://127.0.0.1:8000";
const ROOT = new URL(S + "/");
const ZH_12_8 = "《永定区编办管理制度》“财务管理制度”第8条";
const table = () => indexTable(clauseRows());
const ids = (rows) => rows.map((c) => c.id);

test("references find their clauses; words find the clauses holding them", { skip: NOT_BUILT }, () => {
  const t = table();
  for (const typed of ["第十二章第8条", "十二章8条", "第12章第8条", "12-8", "12.8", "c12-8",
                       "第十二章第八条", "１２－８", ZH_12_8]) {
    assert.deepEqual(ids(findClauses(typed, t)), ["c12-8"], typed);
  }
  assert.deepEqual(ids(findClauses("1-5-4 16-1", t)), ["c1-5-4", "c16-1"]);
  assert.deepEqual(ids(findClauses("第十二章", t)), ids(t.rows.filter((c) => c.chapter === 12)));
  assert.ok(ids(findClauses("慰问金", t)).includes("c12-8"));
  assert.ok(findClauses("慰问金", t).every((c) => c.zh.includes("慰问金")));
  assert.ok(ids(findClauses("sympathy payment", t)).includes("c12-8"), "English words, any case");
  assert.deepEqual(findClauses("12-99", t), []);
  assert.deepEqual(findClauses("   ", t), []);
  assert.deepEqual(findClauses("不存在的词语", t), []);
  assert.equal(findClauses("的", t).length, 30, "at most 30 results");
});

test("a preset names each clause once, in order", { skip: NOT_BUILT }, () => {
  const t = table();
  assert.deepEqual(ids(clausesNamed("第一章第5条第④项,16-1,1-5-4", t)), ["c1-5-4", "c16-1"]);
});

test("the reference block: numbered when several, the text when asked, in either language",
     { skip: NOT_BUILT }, () => {
  const t = table();
  const rows = [t.byId["c12-8"], t.byId["c1-5-4"]];
  assert.equal(citationBlock(rows, "zh", { root: ROOT }), [
    `1. ${ZH_12_8}（${S}/c/12-8/）`,
    `2. 《永定区编办管理制度》“编办主任办公会议制度”第5条第④项（${S}/c/1-5-4/）`,
  ].join("\n"));
  assert.equal(citationBlock(rows.slice(0, 1), "zh", { root: ROOT }), `${ZH_12_8}（${S}/c/12-8/）`);
  assert.equal(citationBlock(rows.slice(0, 1), "en", { root: ROOT, withText: true }),
               `${t.byId["c12-8"].citation.en} (${S}/en/c/12-8/)\n   ${t.byId["c12-8"].en}`);
  assert.equal(citationBlock([], "zh", { root: ROOT }), "");
});

test("a clause with no text in force says why, never null", () => {
  const row = (status, zh, en) => ({ id: "c18-3", status, zh, en, citation: { zh: "《永定区编办管理制度》“卫生管理制度”第三条", en: "c" } });
  assert.equal(clauseText(row("repealed", null, null), "zh"), "〔本条已废止〕");
  assert.equal(clauseText(row("repealed", null, null), "en"), "[Repealed]");
  assert.equal(clauseText(row("not_yet_in_force", null, null), "en"), "[Not yet in force]");
  assert.equal(clauseText(row("in_force", "三、新文本。", null), "en"),
               "三、新文本。 (translation pending: the Chinese text governs)");
  assert.equal(clauseText(row("in_force", "三、新文本。", "3. New."), "en"), "3. New.");
  const block = citationBlock([row("repealed", null, null)], "zh", { root: ROOT, withText: true });
  assert.ok(block.endsWith("\n   〔本条已废止〕") && !block.includes("null"), block);
});
