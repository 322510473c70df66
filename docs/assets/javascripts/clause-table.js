/* The clause table the build publishes at the site root (clauses.json, written by
   handbook/site_outputs.py): every clause with its chapter, texts, citations
   and page. The 404 helper and the citation builder read which chapters and
   clauses exist from it, so a new chapter needs no change here. When the page
   shows the text of a later date (handbook/editions.py), the table is that date's
   (editions/<date>/clauses.json), and the build's if that one cannot be had. */
import { numberValue } from "./citations.js";
import { SITE_ROOT, editionPath, pageEdition } from "./site.js";

/** The version of a clause in force on `day` ("YYYY-MM-DD"; clauses.json `versions`),
    or null before an inserted clause takes effect. */
export function versionOn(clause, day) {
  let found = null;
  for (const v of clause.versions || []) if (v.in_force === null || v.in_force <= day) found = v;
  return found;
}

/** Whether any clause of the table was ever renumbered: only then does the date a
    citation was written matter to which clause 第N条 means. */
export function everRenumbered(table) {
  return table.rows.some((c) => (c.versions || []).some((v) => v.former_number));
}

/**
 * The clause a reference by printed number names on `day`: {chapter, item, sub} as
 * written in a notice (第6条 of a chapter renumbered since may be the clause whose
 * id is c11-7). Falls back to the clause with that id (a repealed clause that kept
 * its number, or a table without versions). null when there is none.
 */
export function clauseByNumber(table, ref, day) {
  if (ref.item === null) return null;
  for (const c of table.rows) {
    if (c.chapter !== ref.chapter || Boolean(c.parent) !== Boolean(ref.sub)) continue;
    const v = versionOn(c, day);
    if (!v || v.zh === null || !v.number) continue;
    if (!ref.sub) {
      if (numberValue(v.number) === ref.item) return c;
    } else {
      const p = table.byId[c.parent] ? versionOn(table.byId[c.parent], day) : null;
      if (p && numberValue(p.number) === ref.item && numberValue(v.number) === ref.sub) return c;
    }
  }
  const id = `c${ref.chapter}-${ref.item}` + (ref.sub ? `-${ref.sub}` : "");
  return table.byId[id] || null;
}

/** A clause's citation as made on `day` (the version then in force), else the table's. */
export function citationOn(clause, day, lang) {
  const v = versionOn(clause, day);
  return (v && v.citation && v.citation[lang]) || clause.citation[lang];
}

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
