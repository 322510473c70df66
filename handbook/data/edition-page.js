/* Inlined after Material's <script id="__config"> of every page by
   handbook/editions.py: the page's content is parsed, and neither Material's
   bundle nor any module script has run. When edition-head.js picked a date for
   which this page holds another content, that content (the page as the build made
   on that date wrote it, a JSON string in <script data-edition-content>) replaces
   the build's; then Material's search is told to load that date's index. Scripts
   that run later (clause links, calculators, search, the clause table) see only
   the content in force. On any error the build's page stays as it is. */
(function () {
  var html = document.documentElement;
  var pick = html.getAttribute("data-edition");
  var data = document.getElementById("handbook-editions");
  try {
    if (!pick || !data) return;
    var cfg = JSON.parse(data.textContent);
    var key = cfg.page[pick];
    if (key) {
      var block = document.querySelector('script[data-edition-content="' + key + '"]');
      var region = document.querySelector("[data-edition-region]");
      var fresh = document.createElement("template");
      fresh.innerHTML = JSON.parse(block.textContent);
      region.replaceWith(fresh.content);
    }
    if (cfg.index && (cfg.files[pick] || []).indexOf(cfg.index) >= 0) {
      var config = document.getElementById("__config");
      var material = JSON.parse(config.textContent);
      material.search += (material.search.indexOf("?") < 0 ? "?" : "&") + "edition-index=" +
        encodeURIComponent("editions/" + pick + "/" + cfg.index);
      config.textContent = JSON.stringify(material);
    }
  } catch (e) {
    html.removeAttribute("data-edition");
  } finally {
    html.classList.remove("edition-switching");
  }
})();
