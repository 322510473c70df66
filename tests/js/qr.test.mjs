// QR codes made in the page (docs/assets/javascripts/qr.js): node --test tests/js/
// (Decoding a code is checked in the browser with zbarimg: test_clause_links.py.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { docsModule } from "./docs-modules.mjs";

const { qrSvg, qrDataUrl } = await docsModule("qr.js");
const URL_ = "http://127.0.0.1:8000/en/c/12-8/";

test("an SVG of black modules with a quiet zone, the same for the same text", () => {
  const svg = qrSvg(URL_);
  assert.equal(qrSvg(URL_), svg);
  assert.notEqual(qrSvg(URL_ + "x"), svg);
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)[1]);
  const modules = size / 4 - 2 * 4;                // scale 4, border 4
  assert.ok(Number.isInteger(modules) && modules >= 21 && (modules - 17) % 4 === 0, `${modules} modules`);
  // The first module is the finder pattern's corner, at the quiet zone's edge.
  assert.match(svg, /<path fill="#000" d="M16 16h4v4h-4z/);
  assert.equal(qrSvg(URL_, { scale: 2, border: 2 }).match(/viewBox="0 0 (\d+)/)[1], String((modules + 4) * 2));
});

test("the title is the text, escaped", () => {
  assert.match(qrSvg('a<b>&"c"'), /<title>a&lt;b&gt;&amp;&quot;c&quot;<\/title>/);
  assert.match(qrSvg(URL_, { title: "二维码" }), /<title>二维码<\/title>/);
});

test("as a data: URL for an <img> or a download", () => {
  const url = qrDataUrl(URL_);
  assert.ok(url.startsWith("data:image/svg+xml;charset=utf-8,"));
  assert.equal(decodeURIComponent(url.slice(url.indexOf(",") + 1)), qrSvg(URL_));
});
