/* Clause numbers typed into the site search, as managers write them (12-2, 12.2,
   第十二章第2条, 十二章2条, “财务管理制度”第2条, art. 12.2, chapter 12 clause 2):
   read with the citation builder's parser (citations.js), and the clause they
   name put first in Material's results. Used by the search worker
   (workers/handbook-search.js); pure functions, unit-tested with
   `node --test tests/js/`.

   The search index (handbook/search.py) has one entry per clause, located at
   `ch12/?clause=c12-2`, and one per chapter page (`ch12/`) that carries the
   chapter's number and names: `chapter: {n, zh, en}`. */
import { parseRefs, refId } from "./citations.js";

const CLAUSE_ENTRY = /[?&]clause=(c\d+-\d+(?:-\d+)?)$/;

/** The index's documents → {clauses: id → doc, chapters: n → doc, names: [{n, zh, en}]}. */
export function indexDocs(docs) {
  const clauses = new Map();
  const chapters = new Map();
  const names = [];
  for (const doc of docs || []) {
    const m = CLAUSE_ENTRY.exec(doc.location || "");
    if (m) {
      clauses.set(m[1], doc);
    } else if (doc.chapter && Number.isInteger(doc.chapter.n)) {
      chapters.set(doc.chapter.n, doc);
      names.push(doc.chapter);
    }
  }
  return { clauses, chapters, names };
}

/** The documents a query names by number, in the order typed; [] when the query
    is anything but references (words, an amount, a half-typed number). A sub-item
    the index does not hold falls back to its clause. */
export function namedDocs(query, index) {
  const { refs, onlyRefs } = parseRefs(query, index.names);
  if (!onlyRefs) return [];
  const found = [];
  for (const ref of refs) {
    const doc = ref.item === null
      ? index.chapters.get(ref.chapter)
      : index.clauses.get(refId(ref)) || index.clauses.get(refId({ ...ref, sub: null }));
    if (doc && !found.includes(doc)) found.push(doc);
  }
  return found;
}

/** Material's search result ({items: [[item, …], …]}) with `docs` first, each its
    own result, and the rest as Material ranked it (without those docs). */
export function pinFirst(result, docs) {
  const items = (result && Array.isArray(result.items)) ? result.items : [];
  if (!docs.length) return result;
  const pinned = new Set(docs.map((d) => d.location));
  const rest = items.filter((group) => !group.some((item) => pinned.has(item.location)));
  const top = items.length && items[0].length ? Number(items[0][0].score) || 0 : 0;
  const first = docs.map((doc, i) => [{ ...doc, score: top + docs.length - i, terms: {} }]);
  return { ...result, items: [...first, ...rest] };
}
