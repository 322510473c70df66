// The built site the unit tests may read (clauses.json, the copied vendor files):
// $HANDBOOK_SITE (tests/test_js_units.py sets it), else site/ in the repository.
// Tests that need it are skipped when it is not built; run under pytest, none may skip.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";

export const SITE = process.env.HANDBOOK_SITE || fileURLToPath(new URL("../../site/", import.meta.url));
export const BUILT = existsSync(path.join(SITE, "clauses.json"));
export const NOT_BUILT = BUILT ? false : `${SITE} is not built (make build)`;

/** The rows of the built clauses.json, or [] when the site is not built. */
export function clauseRows() {
  return BUILT ? JSON.parse(readFileSync(path.join(SITE, "clauses.json"), "utf-8")) : [];
}

/** A module of the built site, e.g. "assets/javascripts/qr.js" (it imports files the build copies). */
export function siteModule(rel) {
  return import(pathToFileURL(path.join(SITE, rel)).href);
}
