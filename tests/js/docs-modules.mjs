// Import a module of docs/assets/javascripts/ that needs a file the build copies in
// (vendor/qrcode.mjs): `const { qrSvg } = await docsModule("qr.js")`. A dynamic import,
// because static imports are resolved before any hook could be registered.
import { register } from "node:module";

register("./vendor-hooks.mjs", import.meta.url);

export function docsModule(rel) {
  return import(new URL(`../../docs/assets/javascripts/${rel}`, import.meta.url).href);
}
