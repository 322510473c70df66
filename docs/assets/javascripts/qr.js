/* QR codes made in the page, from the address the reader is actually using
   (never a build-time host name). qrcode-generator is pinned in package.json
   and copied into the site by the build (vendor/qrcode.mjs). */
import qrcode from "./vendor/qrcode.mjs";

/** An SVG document (as text) of a QR code for `text`: black modules, quiet zone of 4. */
export function qrSvg(text, { scale = 4, border = 4, title = text } = {}) {
  const qr = qrcode(0, "M");
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  const size = (n + 2 * border) * scale;
  let d = "";
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (qr.isDark(r, c)) d += `M${(c + border) * scale} ${(r + border) * scale}h${scale}v${scale}h-${scale}z`;
    }
  }
  const esc = (s) => s.replace(/[&<>"]/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[ch]);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size}" height="${size}">` +
    `<title>${esc(title)}</title><rect width="100%" height="100%" fill="#fff"/>` +
    `<path fill="#000" d="${d}"/></svg>`;
}

/** The same as a data: URL, for an <img> or a download link. */
export function qrDataUrl(text, options) {
  return "data:image/svg+xml;charset=utf-8," + encodeURIComponent(qrSvg(text, options));
}
