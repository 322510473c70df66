// What the link menu copies (docs/assets/javascripts/clause-links.js): node --test tests/js/
// The same expectations the browser test had for ten clicks, for the clauses whose
// citations differ in form (a sub-item, the 第一条 of chapters 16-18).
import { test } from "node:test";
import assert from "node:assert/strict";
import { buttonName, copyTexts } from "../../docs/assets/javascripts/clause-links.js";
import { NOT_BUILT, clauseRows } from "./built-site.mjs";

const S = "http://127.0.0.1:8000";
const ROOT = new URL(S + "/");

test("each menu item's text, from the paragraph's citations", () => {
  const cites = { zh: "《永定区编办管理制度》“财务管理制度”第8条", en: 'Yongding Office Rules, "Financial Management Rules", cl. 8' };
  assert.deepEqual(copyTexts("c12-8", cites, "zh", ROOT), {
    link: `${S}/ch12/#c12-8`,
    short: `${S}/c/12-8/`,
    zh: `《永定区编办管理制度》“财务管理制度”第8条（${S}/c/12-8/）`,
    zhPlain: "《永定区编办管理制度》“财务管理制度”第8条",
    en: `Yongding Office Rules, "Financial Management Rules", cl. 8 (${S}/en/c/12-8/)`,
  });
  const en = copyTexts("c12-8", cites, "en", ROOT);
  assert.equal(en.link, `${S}/en/ch12/#c12-8`);
  assert.equal(en.short, `${S}/en/c/12-8/`);
  assert.equal(en.zh, `《永定区编办管理制度》“财务管理制度”第8条（${S}/c/12-8/）`, "each citation keeps its language's link");
});

test("a version's link: offered on every clause, and carried by a pinned page's link and citations", () => {
  const cites = { zh: "《永定区编办管理制度》“财务管理制度”第8条（原始文本）", en: 'Yongding Office Rules, "Financial Management Rules", cl. 8 (original text)' };
  const url = `${S}/v/original/ch12/#c12-8`;
  const current = copyTexts("c12-8", cites, "zh", ROOT, { url, pinned: false });
  assert.equal(current.version, url);
  assert.equal(current.link, `${S}/ch12/#c12-8`, "the current page's full link stays the chapter page");
  assert.equal(current.zh, `${cites.zh}（${S}/c/12-8/）`);
  const pinned = copyTexts("c12-8", cites, "zh", ROOT, { url, pinned: true });
  assert.equal(pinned.link, url);
  assert.equal(pinned.zh, `${cites.zh}（${url}）`);
  assert.equal(pinned.en, `${cites.en} (${url})`);
  assert.equal(pinned.short, `${S}/c/12-8/`);
  assert.ok(!("version" in copyTexts("c12-8", cites, "zh", ROOT)), "no version item without a version link");
});

test("the button names the clause without the name of the work", () => {
  assert.equal(buttonName("《永定区编办管理制度》“财务管理制度”第8条"), "“财务管理制度”第8条");
  assert.equal(buttonName('Yongding Office Rules, "Financial Management Rules", cl. 8'), '"Financial Management Rules", cl. 8');
});

test("the citations the build publishes, copied with their short links", { skip: NOT_BUILT }, () => {
  const byId = Object.fromEntries(clauseRows().map((c) => [c.id, c]));
  const texts = (id, lang) => copyTexts(id, byId[id].citation, lang, ROOT);
  const en = (n) => clauseRows().find((c) => c.chapter === n).chapter_name.en;
  assert.equal(texts("c1-5-4", "zh").zh, `《永定区编办管理制度》“编办主任办公会议制度”第5条第④项（${S}/c/1-5-4/）`);
  assert.equal(texts("c1-5-4", "zh").en, `Yongding Office Rules, "${en(1)}", cl. 5(4) (${S}/en/c/1-5-4/)`);
  assert.equal(texts("c16-1", "zh").zh, `《永定区编办管理制度》“重大行政决策制度”第一条（${S}/c/16-1/）`);
  assert.equal(texts("c16-1", "en").en, `Yongding Office Rules, "${en(16)}", art. 1 (${S}/en/c/16-1/)`);
  assert.equal(texts("c18-2", "zh").zh, `《永定区编办管理制度》“卫生管理制度”第二条（${S}/c/18-2/）`);
  for (const c of clauseRows()) {
    const t = copyTexts(c.id, c.citation, "zh", ROOT);
    assert.ok(t.zh.startsWith(c.citation.zh + "（") && t.en.startsWith(c.citation.en + " ("), c.id);
    assert.ok(!buttonName(c.citation.zh).startsWith("《") && !buttonName(c.citation.en).startsWith("Yongding"), c.id);
  }
});
