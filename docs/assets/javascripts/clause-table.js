/* The clause table the build publishes at the site root (clauses.json, written by
   overrides/hooks/clause_links.py): every clause with its chapter, texts, citations
   and page. The 404 helper and the citation builder read which chapters and
   clauses exist from it, so a new chapter needs no change here. */
import { SITE_ROOT } from "./site.js";

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
export function clauseTable(root = SITE_ROOT) {
  if (!loading) {
    loading = fetch(new URL("clauses.json", root).href)
      .then((r) => { if (!r.ok) throw new Error(`clauses.json: HTTP ${r.status}`); return r.json(); })
      .then(indexTable);
  }
  return loading;
}
