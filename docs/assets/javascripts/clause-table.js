/* The clause table the build publishes at the site root (clauses.json, written by
   handbook/site_outputs.py): every clause with its chapter, texts, citations
   and page. The 404 helper and the citation builder read which chapters and
   clauses exist from it, so a new chapter needs no change here. When the page
   shows the text of a later date (handbook/editions.py), the table is that date's
   (editions/<date>/clauses.json), and the build's if that one cannot be had. */
import { SITE_ROOT, editionPath, pageEdition } from "./site.js";

/** rows → {rows, byId, chapters}; chapters: [{n, zh, en, page}] in the table's order. */
export function indexTable(rows) {
  const byId = {};
  const chapters = new Map();
  for (const c of rows) {
    byId[c.id] = c;
    if (!chapters.has(c.chapter)) {
      chapters.set(c.chapter, { n: c.chapter, zh: c.chapter_name.zh, en: c.chapter_name.en, page: c.page });
    }
  }
  return { rows, byId, chapters: [...chapters.values()] };
}

let loading = null;

/** The indexed table, fetched once per page. */
export function clauseTable(root = SITE_ROOT, edition = pageEdition()) {
  if (!loading) {
    const get = (path) => fetch(new URL(path, root).href)
      .then((r) => { if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`); return r.json(); });
    const dated = editionPath("clauses.json", edition);
    loading = (dated === "clauses.json" ? get(dated) : get(dated).catch(() => get("clauses.json")))
      .then(indexTable);
  }
  return loading;
}
