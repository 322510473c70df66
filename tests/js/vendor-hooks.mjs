// Module resolution hooks for the unit tests (registered by docs-modules.mjs): the site's
// modules import the QR library as ./vendor/qrcode.mjs, which the build copies from
// node_modules (overrides/hooks/clause_links.py); in docs/ it is resolved there directly.
const VENDOR = { "qrcode.mjs": new URL("../../node_modules/qrcode-generator/dist/qrcode.mjs", import.meta.url).href };

export async function resolve(specifier, context, next) {
  const m = /(?:^|\/)vendor\/([^/]+)$/.exec(specifier);
  if (m && VENDOR[m[1]] && context.parentURL && context.parentURL.includes("/docs/assets/javascripts/")) {
    return next(VENDOR[m[1]], context);
  }
  return next(specifier, context);
}
