// The clause table the pages read (docs/assets/javascripts/clause-table.js): node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { clauseTable } from "../../docs/assets/javascripts/clause-table.js";

const ROW = (zh) => ({ id: "c12-8", chapter: 12, page: "ch12", zh, chapter_name: { zh: "财务管理制度", en: "Financial" } });

test("a page showing a later date's text reads that date's table, else the build's", async () => {
  const asked = [];
  globalThis.fetch = async (url) => {
    asked.push(url);
    if (url.includes("/editions/")) return { ok: false, status: 404 };   // gone since: a new build
    return { ok: true, json: async () => [ROW("8.…800元。")] };
  };
  const root = new URL("http://intranet.example/handbook/");
  const table = await clauseTable(root, { day: "2027-04-01", files: ["clauses.json"] });
  assert.deepEqual(asked, ["http://intranet.example/handbook/editions/2027-04-01/clauses.json",
                           "http://intranet.example/handbook/clauses.json"]);
  assert.equal(table.byId["c12-8"].zh, "8.…800元。");
  delete globalThis.fetch;
});
