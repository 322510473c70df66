/* Inlined at the end of <head> of every page by handbook/editions.py (its CSP hash
   is taken with the others). It picks the edition for the reader's day: the
   browser's local date, as the calculators' date field does. The page's
   <script id="handbook-editions"> (JSON) lists the in-force dates after the build
   date, the site's files that differ from each date on (files), and the dates for
   which this page holds another content (page). On or after such a date it marks
   <html data-edition="YYYY-MM-DD">, takes the stylesheets of that date, and hides
   the content until the script after Material's config puts it in (no flash of
   the old text; versions.css shows it anyway after a few seconds). */
(function () {
  var html = document.documentElement;
  var data = document.getElementById("handbook-editions");
  if (!data) return;
  try {
    var cfg = JSON.parse(data.textContent);
    var now = new Date();
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    var today = now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate());
    var pick = null;
    for (var i = 0; i < cfg.dates.length; i++) if (cfg.dates[i] <= today) pick = cfg.dates[i];
    if (!pick) return;
    html.setAttribute("data-edition", pick);
    var root = new URL(cfg.root, location.href);
    var files = cfg.files[pick] || [];
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var j = 0; j < links.length; j++) {
      for (var k = 0; k < files.length; k++) {
        if (links[j].href === new URL(files[k], root).href) {
          links[j].href = new URL("editions/" + pick + "/" + files[k], root).href;
        }
      }
    }
    if (cfg.page[pick]) html.classList.add("edition-switching");
  } catch (e) {
    html.removeAttribute("data-edition");
    html.classList.remove("edition-switching");
  }
})();
