// The site's addresses (docs/assets/javascripts/site.js): node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  SITE_ROOT, LANG, CLAUSE_ID, pageLang, langRoot, chapterPath, chapterPage, chapterUrl,
  clauseUrl, shortUrl, bilingualUrl, clauseFromHash, clauseParamUrl,
} from "../../docs/assets/javascripts/site.js";
import { NOT_BUILT, clauseRows } from "./built-site.mjs";

const ROOT = new URL("http://intranet.example/handbook/");   // served under a prefix

test("the site root is two folders above the module: docs/ here, the site root when served", () => {
  assert.ok(SITE_ROOT.href.endsWith("/docs/"), SITE_ROOT.href);
  assert.equal(LANG, "zh");    // no document in Node
});

test("the page language comes from <html lang>", () => {
  const doc = (lang) => ({ documentElement: { lang } });
  assert.equal(pageLang(doc("en")), "en");
  assert.equal(pageLang(doc("en-GB")), "en");
  assert.equal(pageLang(doc("zh-CN")), "zh");
  assert.equal(pageLang(doc("")), "zh");
  assert.equal(pageLang(undefined), "zh");
});

test("clause addresses in both languages, under a prefix", () => {
  assert.equal(langRoot("zh", ROOT).href, "http://intranet.example/handbook/");
  assert.equal(langRoot("en", ROOT).href, "http://intranet.example/handbook/en/");
  assert.equal(clauseUrl("c12-8", "zh", ROOT), "http://intranet.example/handbook/ch12/#c12-8");
  assert.equal(clauseUrl("c1-5-4", "en", ROOT), "http://intranet.example/handbook/en/ch01/#c1-5-4");
  assert.equal(shortUrl("c1-5-4", "zh", ROOT), "http://intranet.example/handbook/c/1-5-4/");
  assert.equal(shortUrl("c12-8", "en", ROOT), "http://intranet.example/handbook/en/c/12-8/");
  assert.equal(bilingualUrl("c12-8", "en", ROOT), "http://intranet.example/handbook/en/bilingual/ch12/#c12-8");
  assert.equal(chapterUrl(19, "zh", ROOT), "http://intranet.example/handbook/ch19/");
  assert.equal(chapterPath(3), "ch03");
  assert.equal(chapterPath(119), "ch119");
  for (const bad of ["c12", "12-8", "c12-8-", "x", "", null, "c1-5-4-2"]) {
    assert.equal(chapterPage(bad), null, String(bad));
    assert.equal(clauseUrl(bad, "zh", ROOT), null, String(bad));
    assert.equal(shortUrl(bad, "zh", ROOT), null, String(bad));
  }
});

test("the clause a hash names", () => {
  assert.equal(clauseFromHash("#c12-8"), "c12-8");
  assert.equal(clauseFromHash("c1-5-4"), "c1-5-4");
  assert.equal(clauseFromHash("#c%31-5"), "c1-5");
  for (const bad of ["", "#", "#top", "#ch12", "#c12-8x", "#%E0%A4%A", "#<img src=x>"]) {
    assert.equal(clauseFromHash(bad), null, bad);
  }
});

test("a search entry's ?clause= becomes the clause's anchor", () => {
  const base = "http://h/handbook/search/";
  assert.equal(clauseParamUrl("../ch12/?clause=c12-8", base).href, "http://h/handbook/ch12/#c12-8");
  assert.equal(clauseParamUrl("../ch12/?x=1&clause=c12-8", base).href, "http://h/handbook/ch12/?x=1#c12-8");
  assert.equal(clauseParamUrl("../ch12/", base), null);
  assert.equal(clauseParamUrl("../ch12/?clause=<b>", base), null);
});

test("the conventions agree with every clause the build publishes", { skip: NOT_BUILT }, () => {
  const rows = clauseRows();
  assert.ok(rows.length > 0);
  // clauses.json's urls are paths from the server root: "/ch12/#c12-8" (or "/prefix/ch12/#c12-8").
  const root = new URL("http://h/");
  const rel = (url) => "/" + url.slice(root.href.length);       // "/ch12/#c12-8"
  for (const c of rows) {
    assert.match(c.id, CLAUSE_ID);
    assert.equal(chapterPage(c.id), c.page, c.id);
    assert.ok(c.urls.zh.endsWith(rel(clauseUrl(c.id, "zh", root))), c.id);
    assert.ok(c.urls.en.endsWith(rel(clauseUrl(c.id, "en", root))), c.id);
    assert.ok(c.urls.short_zh.endsWith(rel(shortUrl(c.id, "zh", root))), c.id);
    assert.ok(c.urls.short_en.endsWith(rel(shortUrl(c.id, "en", root))), c.id);
    assert.ok(c.urls.bilingual.endsWith(rel(bilingualUrl(c.id, "zh", root))), c.id);
    assert.ok(c.urls.bilingual_en.endsWith(rel(bilingualUrl(c.id, "en", root))), c.id);
  }
});

test("a file of the edition shown: that date's copy when it differs, else the build's", async () => {
  const { editionPath, pageEdition } = await import("../../docs/assets/javascripts/site.js");
  const edition = { day: "2027-04-01", files: ["clauses.json", "en/search/search_index.json"] };
  assert.equal(editionPath("clauses.json", edition), "editions/2027-04-01/clauses.json");
  assert.equal(editionPath("search/search_index.json", edition), "search/search_index.json");
  assert.equal(editionPath("clauses.json", null), "clauses.json");
  const doc = (day, json) => ({
    documentElement: { getAttribute: (name) => (name === "data-edition" ? day : null) },
    getElementById: (id) => (id === "handbook-editions" && json !== undefined ? { textContent: json } : null),
  });
  const data = JSON.stringify({ dates: ["2027-04-01"], files: { "2027-04-01": ["clauses.json"] }, page: {} });
  assert.deepEqual(pageEdition(doc("2027-04-01", data)), { day: "2027-04-01", files: ["clauses.json"] });
  assert.equal(pageEdition(doc(null, data)), null);              // before the date: the build's
  assert.equal(pageEdition(doc("2027-04-01", undefined)), null);  // a page without the data
  assert.equal(pageEdition(doc("2027-04-01", "{not json")), null);
  assert.equal(pageEdition(undefined), null);
});
