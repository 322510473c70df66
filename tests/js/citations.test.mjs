// Unit tests of the citation parser (docs/assets/javascripts/citations.js): node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseRefs, refId, toNumber, normalize, withLink } from "../../docs/assets/javascripts/citations.js";

const CHAPTERS = [
  { n: 1, zh: "编办主任办公会议制度", en: "Rules on the Director's Office Meeting" },
  { n: 12, zh: "财务管理制度", en: "Financial Management Rules" },
  { n: 16, zh: "重大行政决策制度", en: "Rules on Major Administrative Decision-Making" },
];
const ids = (text, chapters = CHAPTERS) => parseRefs(text, chapters).refs.map(refId);

test("what managers type for clause 8 of chapter 12", () => {
  for (const typed of ["第十二章第8条", "十二章8条", "第12章第8条", "12-8", "12.8", "c12-8", "C12-8",
                       "第十二章第八条", "第十二部分第8条", "十二、第8条", "１２－８", "第 12 章 第 8 条",
                       "ch. 12, cl. 8", "Chapter 12 clause 8", "ch12 cl8",
                       "art. 12.8", "Art 12-8", "Article 12.8", "clause 12.8", "cl. 12-8", "§ 12.8",
                       "第12.8条", "第12-8条"]) {
    assert.deepEqual(ids(typed), ["c12-8"], typed);
    assert.equal(parseRefs(typed, CHAPTERS).onlyRefs, true, typed);
  }
});

test("sub-items in every written form", () => {
  for (const typed of ["1-5-4", "c1-5-4", "1.5.4", "1-5(4)", "第一章第5条第④项", "第1章第5条第4项",
                       "一章5条④", "ch. 1, cl. 5(4)"]) {
    assert.deepEqual(ids(typed), ["c1-5-4"], typed);
  }
});

test("the handbook's own citations read back to their clause", () => {
  assert.deepEqual(ids("《永定区编办管理制度》“财务管理制度”第8条"), ["c12-8"]);
  assert.deepEqual(ids("《永定区编办管理制度》“编办主任办公会议制度”第5条第④项"), ["c1-5-4"]);
  assert.deepEqual(ids("《永定区编办管理制度》“重大行政决策制度”第一条"), ["c16-1"]);
  assert.deepEqual(ids('Yongding Office Rules, "Financial Management Rules", cl. 8'), ["c12-8"]);
  assert.deepEqual(ids('Yongding Office Rules, "Rules on Major Administrative Decision-Making", art. 1'), ["c16-1"]);
});

test("several references at once, with the separators people use", () => {
  assert.deepEqual(ids("12-8 1-5-4"), ["c12-8", "c1-5-4"]);
  assert.deepEqual(ids("12-8，16-1、第十二章第10条"), ["c12-8", "c16-1", "c12-10"]);
  assert.deepEqual(ids("第十二章第8条和第9条"), ["c12-8"]);      // "第9条" alone names no chapter
  assert.equal(parseRefs("第十二章第8条和第9条", CHAPTERS).onlyRefs, false);
});

test("a whole chapter", () => {
  assert.deepEqual(parseRefs("第十二章", CHAPTERS).refs, [{ chapter: 12, item: null, sub: null }]);
  assert.equal(refId(parseRefs("第十二章", CHAPTERS).refs[0]), "c12");
  assert.deepEqual(parseRefs("c19", CHAPTERS).refs, [{ chapter: 19, item: null, sub: null }]);
});

test("a citation with its link, in the brackets of its language", () => {
  assert.equal(withLink("《永定区编办管理制度》“财务管理制度”第8条", "http://h/c/12-8/", "zh"),
               "《永定区编办管理制度》“财务管理制度”第8条（http://h/c/12-8/）");
  assert.equal(withLink('Yongding Office Rules, "Financial Management Rules", cl. 8', "http://h/en/c/12-8/", "en"),
               'Yongding Office Rules, "Financial Management Rules", cl. 8 (http://h/en/c/12-8/)');
});

test("words are not references", () => {
  for (const words of ["慰问金", "annual leave", "报账 半月", ""]) {
    const r = parseRefs(words, CHAPTERS);
    assert.equal(r.onlyRefs, false, words);
  }
  assert.deepEqual(ids("慰问金"), []);
  assert.deepEqual(ids("12-8-4-5"), []);      // too many parts: not a clause id
  assert.deepEqual(ids("0-8"), []);
});

test("Chinese numerals", () => {
  assert.equal(toNumber("十"), 10);
  assert.equal(toNumber("十二"), 12);
  assert.equal(toNumber("二十"), 20);
  assert.equal(toNumber("二十一"), 21);
  assert.equal(toNumber("一百零八"), 108);
  assert.ok(Number.isNaN(toNumber("abc")));
  assert.equal(normalize("１２．８"), "12.8");
});
