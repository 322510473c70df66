// Unit tests of the display kinds (docs/assets/javascripts/calculators/display.js): node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { countLines, fileOf, fill, number, recordLines, tableOf, text } from "../../docs/assets/javascripts/calculators/display.js";

const ZH = { lang: "zh", yes: "是", no: "否", none: "无" };
const EN = { lang: "en", yes: "Yes", no: "No", none: "none" };

test("amounts as people write them", () => {
  assert.equal(number(1000, "zh"), "1000");
  assert.equal(number(150000, "zh"), "15万");
  assert.equal(number(1e9, "zh"), "10亿");
  assert.equal(number(2000, "en"), "2,000");
  assert.equal(number(12.5, "en"), "12.5");
});

test("scalar kinds", () => {
  assert.equal(text({ kind: "boolean" }, true, ZH), "是");
  assert.equal(text({ kind: "boolean" }, false, EN), "No");
  assert.equal(text({ kind: "boolean" }, null, EN), "—");
  assert.equal(text({ kind: "money" }, 1000, ZH), "1000");
  assert.equal(text({ kind: "days" }, 2.5, EN), "2.5");
  assert.equal(text({ kind: "year" }, 2026, EN), "2026");          // not 2,026
  assert.equal(text({ kind: "date" }, "2027-02-03", ZH), "2027-02-03");
  assert.equal(text({ kind: "date" }, null, ZH), "—");
  assert.equal(text({ kind: "ordinal" }, 0, ZH), "1");
  const approver = { kind: "code", labels: { deputy: "分管领导" } };
  assert.equal(text(approver, "deputy", ZH), "分管领导");
  assert.equal(text(approver, "other", ZH), "other");
  assert.equal(text({ kind: "code", none: "未被采用" }, null, ZH), "未被采用");
});

test("list kinds join in the reader's language, and say when empty", () => {
  assert.equal(text({ kind: "months" }, ["2027-02", "2027-03"], ZH), "2027-02、2027-03");
  const reasons = { kind: "codes", labels: { sick_leave: "Sick leave", personal_leave: "Personal leave" } };
  assert.equal(text(reasons, ["personal_leave", "sick_leave"], EN), "Personal leave, Sick leave");
  assert.equal(text(reasons, [], ZH), "无");
});

test("records: one line each, parts by their kinds", () => {
  const display = {
    kind: "records", line: "Article {index}: {reward} yuan ({outlet})",
    parts: [{ name: "index", kind: "ordinal" }, { name: "reward", kind: "money" },
      { name: "outlet", kind: "code", labels: { 红网手机报: "Rednet mobile news (红网手机报)" }, none: "not taken by any outlet" }],
  };
  assert.deepEqual(recordLines(display, [
    { index: 0, reward: 2000, outlet: "红网手机报" }, { index: 1, reward: 0, outlet: null }], EN), [
    "Article 1: 2,000 yuan (Rednet mobile news (红网手机报))", "Article 2: 0 yuan (not taken by any outlet)"]);
});

test("counts and table", () => {
  assert.deepEqual(countLines({ kind: "counts", labels: { a: "主任办公会" } }, { a: 24, b: 1 }, ZH),
    ["主任办公会：24", "b：1"]);
  const table = tableOf({ kind: "table", columns: [
    { name: "when", kind: "when", label: "Date" }, { name: "title", kind: "text", label: "Meeting" },
    { name: "clause", kind: "clause", label: "Clause" }] },
  [{ date: "2027-01-04", title_zh: "主任办公会", title_en: "Director's Office Meeting", clause: "c1-3" },
    { start: "2027-03-03", end: "2027-03-05", title_en: "Study", clause: "c9-1-2" }], EN);
  assert.deepEqual(table.heads, ["Date", "Meeting", "Clause"]);
  assert.deepEqual(table.rows[0], [{ text: "2027-01-04" }, { text: "Director's Office Meeting" }, { clause: "c1-3" }]);
  assert.equal(table.rows[1][0].text, "2027-03-03 – 2027-03-05");
});

test("a file: its name from the answer, the link's words", () => {
  const file = fileOf({ kind: "file", file_name: "meetings-{year}.ics", media_type: "text/calendar",
    link: "Download the calendar file {file}" }, { year: 2027 });
  assert.deepEqual(file, { name: "meetings-2027.ics", type: "text/calendar",
    link: "Download the calendar file meetings-2027.ics" });
  assert.equal(fill("{a} and {b}", { a: 1 }), "1 and {b}");
});
