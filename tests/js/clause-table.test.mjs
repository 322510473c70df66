// Citations by printed number, read by the numbering of a date (clause-table.js,
// cite-builder.js, notfound.js), on a small table shaped like clauses.json after
// 条文顺序作相应调整: c11-6 repealed and c11-7 printed 6 from 2027-04-01.
import { test } from "node:test";
import assert from "node:assert/strict";
import { clauseByNumber, citationOn, everRenumbered, indexTable, versionOn }
  from "../../docs/assets/javascripts/clause-table.js";
import { numberValue } from "../../docs/assets/javascripts/citations.js";
import { docsModule } from "./docs-modules.mjs";

const { findClauses } = await docsModule("cite-builder.js");
const { suggestion } = await docsModule("notfound.js");

const cite = (n) => ({ zh: `《永定区编办管理制度》“文明办公制度”第${n}条`, en: `Yongding Office Rules, "Rules on Office Conduct", cl. ${n}` });
const v = (in_force, until, number, zh, extra = {}) =>
  ({ in_force, until, number, zh, en: zh && `${number} …`, citation: zh ? cite(numberValue(number)) : null, former_number: null, ...extra });
const row = (id, item, versions) => ({
  id, chapter: 11, item, sub: null, parent: null, page: "ch11", number: versions.at(-1).number,
  zh: versions.at(-1).zh, en: "", citation: cite(item), chapter_name: { zh: "文明办公制度", en: "Rules on Office Conduct" },
  chapter_title: { zh: "十一、文明办公制度", en: "11. Rules on Office Conduct" }, versions });

const table = indexTable([
  row("c11-5", 5, [v(null, null, "5.", "5.上班时间不得上网玩游戏。")]),
  row("c11-6", 6, [v(null, "2027-04-01", "6.", "6.上班期间,中午不得喝酒。"),
                   v("2027-04-01", null, null, null, { action: "repeal", former_number: "6." })]),
  row("c11-7", 7, [v(null, "2027-04-01", "7.", "7.及时整理归档文件资料。"),
                   v("2027-04-01", null, "6.", "6.及时整理归档文件资料。", { action: "renumber", former_number: "7." })]),
]);

test("printed numbers read as numbers", () => {
  assert.deepEqual(["6.", "第十一条", "六、", "⑥", "x"].map(numberValue), [6, 11, 6, 6, NaN]);
});

test("a citation by number finds the clause of the notice's date", () => {
  const ref = (item) => ({ chapter: 11, item, sub: null });
  assert.equal(clauseByNumber(table, ref(7), "2027-03-31").id, "c11-7");
  assert.equal(clauseByNumber(table, ref(6), "2027-04-01").id, "c11-7", "new number, same clause");
  assert.equal(clauseByNumber(table, ref(6), "2027-03-31").id, "c11-6");
  assert.equal(clauseByNumber(table, ref(5), "2027-04-01").id, "c11-5");
  // 第7条 after the renumbering names no clause in force: its id is offered (it
  // says itself that it now prints 6), never another clause.
  assert.equal(clauseByNumber(table, ref(7), "2027-04-02").id, "c11-7");
  assert.equal(clauseByNumber(table, ref(9), "2027-04-02"), null);
  assert.ok(everRenumbered(table));
});

test("the citation made on a day carries that day's number", () => {
  assert.equal(citationOn(table.byId["c11-7"], "2027-03-31", "zh"), cite(7).zh);
  assert.equal(citationOn(table.byId["c11-7"], "2027-04-01", "zh"), cite(6).zh);
  assert.equal(versionOn(table.byId["c11-6"], "2027-04-01").zh, null);
});

test("the citation builder reads typed numbers by the notice's date", () => {
  assert.deepEqual(findClauses("第十一章第6条", table, "2027-04-01").map((c) => c.id), ["c11-7"]);
  assert.deepEqual(findClauses("第十一章第7条", table, "2027-03-01").map((c) => c.id), ["c11-7"]);
  assert.deepEqual(findClauses("11-6", table, "2027-03-01").map((c) => c.id), ["c11-6"]);
});

test("the 404 helper: a short link is an id, words are read by today's numbering", () => {
  assert.equal(suggestion("/c/11-7/", "/", table, "2027-05-01"), "/ch11/#c11-7");
  assert.equal(suggestion("/c/第十一章第6条/", "/", table, "2027-05-01"), "/ch11/#c11-7");
  assert.equal(suggestion("/c/第十一章第6条/", "/", table, "2027-03-01"), "/ch11/#c11-6");
});

test("c11-6 is a clause's id; 11-6 a printed number, read by the date", () => {
  assert.deepEqual(findClauses("c11-6", table, "2027-04-01").map((c) => c.id), ["c11-6"]);
  assert.deepEqual(findClauses("11-6", table, "2027-04-01").map((c) => c.id), ["c11-7"]);
  assert.deepEqual(findClauses("11-6", table, "2027-03-01").map((c) => c.id), ["c11-6"]);
});
