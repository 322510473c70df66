/* The citation builder (/cite/): find clauses by number or by words, collect
   them, and copy the reference block (citations with short links, optionally the
   clause text) or save the QR codes: one per clause, and with several clauses one
   for them all (this page with ?ids=c12-8,c16-1, which pre-fills it).
   The clause table is clauses.json (clause-table.js); the wording is ui-text.js. */
import { parseRefs, refId, withLink } from "./citations.js";
import { citationOn, clauseByNumber, clauseTable, everRenumbered, versionOn } from "./clause-table.js";
import { copyText } from "./copy.js";
import { qrDataUrl } from "./qr.js";
import { LANG, clauseUrl, langRoot, localDay, shortUrl } from "./site.js";
import { fill, uiText } from "./ui-text.js";

const T = uiText(LANG);
const MAX_RESULTS = 30;

/** The clauses a reference names: one clause (by the numbering in force on `day`,
    the date of the notice that cites it), or every clause of a chapter. A clause id
    (c12-8) names that clause whatever its printed number. */
export function clausesOf(ref, table, day = localDay(), byId = false) {
  if (ref.item !== null) {
    const c = byId || ref.id ? table.byId[refId(ref)] : clauseByNumber(table, ref, day);
    return c ? [c] : [];
  }
  return table.rows.filter((c) => c.chapter === ref.chapter && versionOn(c, day));
}

/** The clauses every reference in `text` names, in order, each once. `ids`: the
    text holds clause ids (a preset ?ids=12-8), not printed numbers. */
export function clausesNamed(text, table, day = localDay(), ids = false) {
  const found = [];
  for (const ref of parseRefs(text, table.chapters).refs) {
    for (const c of clausesOf(ref, table, day, ids)) if (!found.includes(c)) found.push(c);
  }
  return found;
}

/** What the search box finds: the clauses named when the query is only references
    (12-8 1-5-4, 第十二章), read by the numbering of `day`, else the clauses holding
    every word (at most 30). */
export function findClauses(query, table, day = localDay()) {
  const q = String(query || "").trim();
  if (!q) return [];
  if (parseRefs(q, table.chapters).onlyRefs) return clausesNamed(q, table, day);
  const words = q.split(/[\s,，、;；]+/).filter(Boolean).map((w) => w.toLowerCase());
  return table.rows.filter((c) => {
    const hay = `${c.id} ${c.zh || ""} ${c.en || ""} ${c.chapter_title.zh} ${c.chapter_title.en}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  }).slice(0, MAX_RESULTS);
}

/** A clause's text in `lang` as the table has it in force: a repealed clause or one
    not yet in force says so (its text is null), and a translation still pending is
    the Chinese, marked. */
export function clauseText(c, lang) {
  const words = uiText(lang);
  if (c.status === "repealed") return words.repealed;
  if (c.status === "not_yet_in_force") return words.notYet;
  if (lang === "en" && c.en == null) return fill(words.pending, { text: c.zh });
  return lang === "en" ? c.en : c.zh;
}

/** A clause's words as they stood on `day` (the notice's date), in `lang`, marked as
    clauseText marks them; a clause repealed since then says so too. */
export function wordsOn(c, day, lang) {
  if (!(c.versions && c.versions.length)) return clauseText(c, lang);   // a table without history
  const words = uiText(lang);
  const then = versionOn(c, day);
  let text;
  if (!then) text = words.notYet;
  else if (then.zh === null) text = words.repealed;
  else if (lang === "en" && then.en == null) text = fill(words.pending, { text: then.zh });
  else text = lang === "en" ? then.en : then.zh;
  const now = versionOn(c, localDay());
  return text + (then && then.zh !== null && now && now.zh === null ? words.repealedNow : "");
}

/** The reference block: one line per clause, the citation and its short link in
    `lang`, numbered when there are several, each optionally followed by its text. */
export function citationBlock(rows, lang, { withText = false, root, day = localDay() } = {}) {
  return rows.map((c, i) => {
    const cite = withLink(citationOn(c, day, lang), shortUrl(c.id, lang, root), lang);
    const text = withText ? `\n   ${wordsOn(c, day, lang)}` : "";
    return (rows.length > 1 ? `${i + 1}. ` : "") + cite + text;
  }).join("\n");
}

function el(tag, props, ...children) {
  const node = Object.assign(document.createElement(tag), props || {});
  node.append(...children);
  return node;
}

function init() {
  const app = document.getElementById("cite-builder");
  if (!app) return;
  const query = app.querySelector(".cite-query");
  const results = app.querySelector(".cite-results");
  const chosenList = app.querySelector(".cite-chosen");
  const output = app.querySelector(".cite-output");
  const qr = app.querySelector(".cite-qr");
  const withText = app.querySelector(".cite-with-text");
  const dateBox = app.querySelector(".cite-date");
  const dateInput = app.querySelector(".cite-date-input");
  let table = { rows: [], byId: {}, chapters: [] };
  let chosen = [];           // clause ids, in the order added

  const lang = () => {
    const r = app.querySelector("input[name=cite-lang]:checked");
    return r ? r.value : LANG;
  };
  // The notice's date: 第N条 is read by the numbering in force that day (asked for
  // only when some chapter was ever renumbered; otherwise every day reads the same).
  const noticeDay = () => (dateInput && /^\d{4}-\d{2}-\d{2}$/.test(dateInput.value) ? dateInput.value : localDay());
  const cite = (c, l) => citationOn(c, localDay(), l);
  const choose = (id) => { if (!chosen.includes(id)) chosen.push(id); };
  const update = () => { render(); search(); };

  function qrFigure(target, file, caption) {
    const img = el("img", { src: qrDataUrl(target), alt: fill(T.qrAlt, { target }), width: 132, height: 132 });
    img.setAttribute("data-target", target);
    const save = el("a", { href: img.src, download: file, textContent: caption });
    return el("figure", {}, img, el("figcaption", {}, save));
  }

  /* One code per clause; with several, first one code for them all: this page, listing them. */
  function qrFigures(rows) {
    const figures = rows.map((c) => qrFigure(shortUrl(c.id, lang()), `${c.id}.svg`,
                                             fill(T.qrSave, { citation: c.citation[lang()] })));
    if (rows.length > 1) {
      const ids = rows.map((c) => c.id).join(",");
      const all = new URL(`cite/?ids=${ids}`, langRoot(lang())).href;
      figures.unshift(qrFigure(all, "clauses.svg", fill(T.qrSaveAll, { count: rows.length })));
    }
    return figures;
  }

  function render() {
    const rows = chosen.map((id) => table.byId[id]);
    chosenList.replaceChildren(...rows.map((c) => {
      const rm = el("button", { type: "button", className: "cite-remove", textContent: T.remove });
      rm.setAttribute("aria-label", fill(T.removeLabel, { citation: cite(c, lang()) }));
      rm.addEventListener("click", () => { chosen = chosen.filter((x) => x !== c.id); update(); });
      const li = el("li", {}, el("a", { href: clauseUrl(c.id, lang()), textContent: cite(c, lang()) }), " ", rm);
      li.setAttribute("data-id", c.id);
      return li;
    }));
    output.value = citationBlock(rows, lang(), { withText: Boolean(withText && withText.checked) });
    qr.replaceChildren(...qrFigures(rows));
  }

  function search() {
    results.textContent = "";
    if (!query.value.trim()) return;
    const found = findClauses(query.value, table, noticeDay());
    if (!found.length) results.appendChild(el("li", { textContent: T.noMatch }));
    for (const c of found) {
      const on = chosen.includes(c.id);
      const b = el("button", { type: "button", className: "cite-add", textContent: on ? T.added : T.add, disabled: on });
      b.setAttribute("data-id", c.id);
      b.addEventListener("click", () => { choose(c.id); update(); });
      const text = el("span", { className: "cite-result-text",
                                textContent: `${citationOn(c, noticeDay(), LANG)}  ${wordsOn(c, noticeDay(), LANG)}` });
      results.appendChild(el("li", {}, b, text));
    }
  }

  query.addEventListener("input", search);
  query.addEventListener("keydown", (ev) => {
    if (ev.key !== "Enter") return;
    ev.preventDefault();
    const adds = results.querySelectorAll(".cite-add:not([disabled])");
    if (adds.length && adds.length <= 5) for (const b of adds) b.click();
  });
  if (dateInput) dateInput.addEventListener("input", search);
  for (const input of app.querySelectorAll("input[name=cite-lang], .cite-with-text")) {
    input.addEventListener("change", render);
  }
  app.querySelector(".cite-copy").addEventListener("click", () => {
    if (output.value) copyText(output.value, T.copied.block);
  });
  app.querySelector(".cite-clear").addEventListener("click", () => { chosen = []; update(); });

  clauseTable().then((t) => {
    table = t;
    app.classList.add("is-ready");
    if (dateBox && everRenumbered(table)) {
      dateInput.value = localDay();
      dateBox.hidden = false;
    }
    const preset = new URLSearchParams(window.location.search).get("ids");
    if (preset) {
      for (const c of clausesNamed(preset, table, localDay(), true)) choose(c.id);
      render();
    }
    if (query.value) search();
  }, () => {
    results.appendChild(el("li", { textContent: T.tableFailed }));
  });
}

if (globalThis.document) init();   // (a module runs once the page is parsed; Node imports only the functions)
