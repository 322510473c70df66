/* Clause links for notices: the link button on every clause, arrival
   highlighting, the 404 page helper and the citation builder.
   No network access beyond this site, no dependencies.

   Clause paragraphs carry data-shortlink, data-cite-zh and data-cite-en
   (overrides/hooks/clause_links.py). The button added here holds an icon
   only: the paragraph's text stays exactly the clause text.
   References typed by people are read by citations.js (unit-tested);
   QR codes are made here from the page's own address (qr.js). */
import { parseRefs, refId, refPath } from "./citations.js";
import { qrDataUrl } from "./qr.js";

  var EN = /^en/i.test(document.documentElement.lang || "");
  var T = EN ? {
    button: "Link and citation: ",
    copyLink: "Copy full link",
    copyShort: "Copy short link (for paper)",
    copyZh: "Copy Chinese citation",
    copyEn: "Copy English citation",
    bilingual: "Side by side",
    copied: { link: "Link copied", short: "Short link copied", zh: "Chinese citation copied", en: "English citation copied",
              block: "Reference block copied" },
    manual: "Copying is not available here: select the text and press Ctrl+C (⌘C).",
    close: "Close"
  } : {
    button: "本条链接与引用：",
    copyLink: "复制完整链接",
    copyShort: "复制短链接（适合纸质文件）",
    copyZh: "复制中文引用",
    copyEn: "复制英文引用",
    bilingual: "中英对照",
    copied: { link: "已复制链接", short: "已复制短链接", zh: "已复制中文引用", en: "已复制英文引用",
              block: "已复制引用文本" },
    manual: "此处无法自动复制：请选中下面的文字，按 Ctrl+C（⌘C）复制。",
    close: "关闭"
  };
  var ICON = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M3.9 12c0-1.71 1.39-3.1 3.1-3.1h4V7H7a5 5 0 0 0-5 5 5 5 0 0 0 5 5h4v-1.9H7c-1.71 0-3.1-1.39-3.1-3.1M8 13h8v-2H8zm9-6h-4v1.9h4c1.71 0 3.1 1.39 3.1 3.1s-1.39 3.1-3.1 3.1h-4V17h4a5 5 0 0 0 5-5 5 5 0 0 0-5-5"/></svg>';

  /* ------------------------------------------------------------ site root */
  /* Material's __config.base points at this language's root (i18n_split
     rewrites it for /en/ pages); the site root is one level up for /en/. */
  function siteRoot() {
    var base = ".";
    try { base = JSON.parse(document.getElementById("__config").textContent).base; } catch (e) { /* keep "." */ }
    var root = new URL(base.replace(/\/?$/, "/"), window.location.href);
    if (EN && /\/en\/$/.test(root.pathname)) root = new URL("../", root);
    return root;
  }
  var ROOT = siteRoot();

  function absolute(path) {       /* "/c/12-8/" (site-absolute, from the hook) → full URL */
    return new URL(path.replace(/^\//, ""), ROOT).href;
  }

  function chapterPage(id) {          /* c12-8 → "ch12/" */
    var n = /^c(\d+)-/.exec(id)[1];
    return "ch" + (n.length < 2 ? "0" : "") + n + "/";
  }

  /* This clause's chapter page in the given language: origin + page path + #id. */
  function clauseUrlIn(lang, el) {
    return new URL((lang === "en" ? "en/" : "") + chapterPage(el.id), ROOT).href + "#" + el.id;
  }

  /* ------------------------------------------------------------ status + copy */
  var status;
  function statusBox() {
    if (status) return status;
    status = document.createElement("div");
    status.className = "clause-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    document.body.appendChild(status);
    return status;
  }
  var statusTimer;
  function announce(message, manualText) {
    var box = statusBox();
    box.textContent = "";
    clearTimeout(statusTimer);
    var msg = document.createElement("span");
    msg.textContent = message;
    box.appendChild(msg);
    box.classList.add("is-visible");
    if (manualText) {
      var area = document.createElement("textarea");
      area.readOnly = true;
      area.value = manualText;
      area.className = "clause-status__manual";
      area.setAttribute("aria-label", message);
      var close = document.createElement("button");
      close.type = "button";
      close.className = "clause-status__close";
      close.textContent = T.close;
      close.addEventListener("click", function () { box.classList.remove("is-visible"); box.textContent = ""; });
      box.appendChild(area);
      box.appendChild(close);
      area.focus();
      area.select();
    } else {
      statusTimer = setTimeout(function () { box.classList.remove("is-visible"); }, 4000);
    }
  }

  function legacyCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.top = "-1000px";
    document.body.appendChild(area);
    var active = document.activeElement;
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    if (active && active.focus) active.focus();
    return ok;
  }

  /* navigator.clipboard needs a secure context (https or localhost); on an
     http intranet fall back to execCommand, then to showing the text. */
  function copyText(text, done) {
    function fallback() {
      if (legacyCopy(text)) announce(done);
      else announce(T.manual, text);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { announce(done); }, fallback);
    } else {
      fallback();
    }
  }

  /* ------------------------------------------------------------ the menu */
  var menu, menuFor, menuButton;

  /* Citations carry the short link: permanent, and short enough for paper. */
  function shortIn(lang, el) {
    return new URL((lang === "en" ? "en/" : "") + "c/" + el.id.slice(1) + "/", ROOT).href;
  }
  function texts(el) {
    return {
      link: clauseUrlIn(EN ? "en" : "zh", el),
      short: shortIn(EN ? "en" : "zh", el),
      zh: el.getAttribute("data-cite-zh") + "（" + shortIn("zh", el) + "）",
      en: el.getAttribute("data-cite-en") + " (" + shortIn("en", el) + ")"
    };
  }

  function buildMenu() {
    menu = document.createElement("div");
    menu.className = "clause-menu";
    menu.setAttribute("role", "menu");
    menu.hidden = true;
    [["link", T.copyLink], ["short", T.copyShort], ["zh", T.copyZh], ["en", T.copyEn]].forEach(function (item) {
      var b = document.createElement("button");
      b.type = "button";
      b.setAttribute("role", "menuitem");
      b.setAttribute("data-copy", item[0]);
      b.textContent = item[1];
      menu.appendChild(b);
    });
    var bi = document.createElement("a");
    bi.setAttribute("role", "menuitem");
    bi.className = "clause-menu__bilingual";
    bi.textContent = T.bilingual;
    menu.appendChild(bi);
    menu.addEventListener("click", function (ev) {
      var b = ev.target.closest("[data-copy]");
      if (!b || !menuFor) return;
      var kind = b.getAttribute("data-copy");
      var el = menuFor;
      closeMenu(true);
      copyText(texts(el)[kind], T.copied[kind]);
    });
    menu.addEventListener("keydown", menuKeys);
    document.body.appendChild(menu);
  }

  function items() { return Array.prototype.slice.call(menu.querySelectorAll("[role=menuitem]")); }

  function menuKeys(ev) {
    var list = items();
    var i = list.indexOf(document.activeElement);
    if (ev.key === "ArrowDown") { list[(i + 1) % list.length].focus(); ev.preventDefault(); }
    else if (ev.key === "ArrowUp") { list[(i - 1 + list.length) % list.length].focus(); ev.preventDefault(); }
    else if (ev.key === "Home") { list[0].focus(); ev.preventDefault(); }
    else if (ev.key === "End") { list[list.length - 1].focus(); ev.preventDefault(); }
    else if (ev.key === "Escape") { closeMenu(true); ev.preventDefault(); }
    else if (ev.key === "Tab") { closeMenu(false); }
  }

  function openMenu(button, el) {
    if (!menu) buildMenu();
    if (menuFor === el && !menu.hidden) { closeMenu(true); return; }
    closeMenu(false);
    menuFor = el;
    menuButton = button;
    var bi = menu.querySelector(".clause-menu__bilingual");
    bi.href = new URL((EN ? "en/" : "") + "bilingual/" + chapterPage(el.id) + "#" + el.id, ROOT).href;
    menu.hidden = false;
    el.classList.add("has-menu");
    button.setAttribute("aria-expanded", "true");
    var r = button.getBoundingClientRect();
    var width = menu.offsetWidth;
    var left = Math.max(8, Math.min(r.right - width, document.documentElement.clientWidth - width - 8));
    menu.style.left = (left + window.scrollX) + "px";
    menu.style.top = (r.bottom + window.scrollY + 4) + "px";
    items()[0].focus();
  }

  function closeMenu(refocus) {
    if (!menu || menu.hidden) return;
    menu.hidden = true;
    if (menuFor) menuFor.classList.remove("has-menu");
    if (menuButton) {
      menuButton.setAttribute("aria-expanded", "false");
      if (refocus) menuButton.focus();
    }
    menuFor = null;
  }

  document.addEventListener("click", function (ev) {
    if (menu && !menu.hidden && !menu.contains(ev.target) && ev.target !== menuButton &&
        !(menuButton && menuButton.contains(ev.target))) closeMenu(false);
  });

  function addButtons() {
    var clauses = document.querySelectorAll("p.clause[id][data-cite-zh]");
    for (var i = 0; i < clauses.length; i++) {
      var el = clauses[i];
      if (el.querySelector(".clause-link")) continue;
      var b = document.createElement("button");
      b.type = "button";
      b.className = "clause-link";
      var name = el.getAttribute(EN ? "data-cite-en" : "data-cite-zh").replace(/^《[^》]*》|^Yongding Office Rules, /, "");
      b.setAttribute("aria-label", T.button + name);
      b.setAttribute("title", T.button + name);
      b.setAttribute("aria-haspopup", "menu");
      b.setAttribute("aria-expanded", "false");
      b.innerHTML = ICON;
      b.addEventListener("click", (function (p) {
        return function (ev) { ev.preventDefault(); openMenu(ev.currentTarget, p); };
      })(el));
      el.appendChild(b);
      /* On paper: the clause's short link, with the address this page is served from. */
      el.setAttribute("data-print-ref", absolute(el.getAttribute("data-shortlink")));
    }
  }

  /* ------------------------------------------------------------ arrival */
  function arrive(scroll) {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!/^c\d+-\d+(-\d+)?$/.test(id)) return;
    var el = document.getElementById(id);
    if (!el) return;
    var old = document.querySelectorAll(".is-arrived");
    for (var i = 0; i < old.length; i++) old[i].classList.remove("is-arrived");
    el.classList.add("is-arrived");
    /* scroll-margin-top (handbook.css) keeps it below the fixed header */
    if (scroll) el.scrollIntoView({ block: "start" });
  }

  /* ------------------------------------------------------------ clause table */
  var tablePromise;
  function clauseTable() {      /* clauses.json, once per page: ids and chapter names */
    if (!tablePromise) {
      tablePromise = fetch(new URL("clauses.json", ROOT).href)
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (rows) {
          var byId = {}, chapters = {};
          rows.forEach(function (c) {
            byId[c.id] = c;
            if (!chapters[c.chapter]) {
              chapters[c.chapter] = { n: c.chapter, zh: c.chapter_name.zh, en: c.chapter_name.en };
            }
          });
          return { rows: rows, byId: byId, chapters: Object.keys(chapters).map(function (k) { return chapters[k]; }) };
        });
    }
    return tablePromise;
  }

  /* ------------------------------------------------------------ 404 */
  function notFound() {
    var box = document.querySelector(".notfound");
    if (!box) return;
    var path = window.location.pathname;
    var codes = box.querySelectorAll(".notfound-path");
    for (var i = 0; i < codes.length; i++) codes[i].textContent = path;
    var root = box.getAttribute("data-root") || "/";
    var rel = path.indexOf(root) === 0 ? path.slice(root.length) : path.replace(/^\//, "");
    try { rel = decodeURIComponent(rel); } catch (e) { /* keep it encoded */ }
    var lang = /^en\//.test(rel) ? "en/" : "";
    rel = rel.replace(/^en\//, "").replace(/^(?:c|cite|clause)\//i, "").replace(/\/+$/, "").replace(/^ch(?=\d)/i, "").replace(/^(\d{1,3})$/, "第$1章");
    clauseTable().then(function (t) {
      var refs = parseRefs(rel, t.chapters).refs;
      if (!refs.length) return;
      var ref = refs[0];
      if (!t.chapters.some(function (c) { return c.n === ref.chapter; })) return;
      if (ref.item !== null && !t.byId[refId(ref)]) ref = { chapter: ref.chapter, item: null, sub: null };
      var target = root + lang + refPath(ref);
      var sugg = box.querySelectorAll(".notfound-suggest");
      for (var j = 0; j < sugg.length; j++) {
        var a = sugg[j].querySelector("a");
        a.href = target;
        a.textContent = target;
        sugg[j].hidden = false;
      }
    }, function () { /* no table: no suggestion, the search button still works */ });
    var buttons = box.querySelectorAll(".notfound-search");
    for (var k = 0; k < buttons.length; k++) {
      buttons[k].addEventListener("click", function () {
        var input = document.querySelector(".md-search__input");
        var toggle = document.getElementById("__search");
        if (toggle) { toggle.checked = true; toggle.dispatchEvent(new Event("change")); }
        if (input) input.focus();
      });
    }
  }

  /* ------------------------------------------------------------ citation builder */
  function citeBuilder() {
    var app = document.getElementById("cite-builder");
    if (!app) return;
    var query = app.querySelector(".cite-query");
    var results = app.querySelector(".cite-results");
    var chosenList = app.querySelector(".cite-chosen");
    var output = app.querySelector(".cite-output");
    var qr = app.querySelector(".cite-qr");
    var withText = app.querySelector(".cite-with-text");
    var data = [], byId = {}, chosen = [];

    function lang() {
      var r = app.querySelector("input[name=cite-lang]:checked");
      return r ? r.value : (EN ? "en" : "zh");
    }
    /* The same form as the copy menu: the citation, then its short link. */
    function line(c, i) {
      var l = lang();
      var short = absolute(c.urls[l === "en" ? "short_en" : "short_zh"]);
      var cite = c.citation[l] + (l === "en" ? " (" + short + ")" : "（" + short + "）");
      var text = withText && withText.checked ? "\n   " + (l === "en" ? c.en : c.zh) : "";
      return (chosen.length > 1 ? (i + 1) + ". " : "") + cite + text;
    }
    function render() {
      chosenList.textContent = "";
      chosen.forEach(function (id) {
        var c = byId[id];
        var li = document.createElement("li");
        li.setAttribute("data-id", id);
        var label = document.createElement("span");
        label.textContent = c.citation[lang()];
        var rm = document.createElement("button");
        rm.type = "button";
        rm.className = "cite-remove";
        rm.textContent = EN ? "Remove" : "移除";
        rm.setAttribute("aria-label", (EN ? "Remove " : "移除") + c.citation[lang()]);
        rm.addEventListener("click", function () {
          chosen = chosen.filter(function (x) { return x !== id; });
          render(); search();
        });
        li.appendChild(label);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(rm);
        chosenList.appendChild(li);
      });
      output.value = chosen.map(function (id, i) { return line(byId[id], i); }).join("\n");
      qr.textContent = "";
      chosen.forEach(function (id) {
        var c = byId[id];
        var target = absolute(c.urls[lang() === "en" ? "short_en" : "short_zh"]);
        var fig = document.createElement("figure");
        var img = document.createElement("img");
        img.src = qrDataUrl(target);
        img.alt = (EN ? "QR code: " : "二维码：") + target;
        img.setAttribute("data-target", target);
        img.width = 132; img.height = 132;
        var cap = document.createElement("figcaption");
        var a = document.createElement("a");
        a.href = img.src; a.download = id + ".svg";
        a.textContent = (EN ? "Save as SVG: " : "另存为 SVG：") + c.citation[lang()];
        cap.appendChild(a);
        fig.appendChild(img); fig.appendChild(cap);
        qr.appendChild(fig);
      });
    }
    var chapters = [];
    /* What a reference names: one clause, or every clause of a chapter. */
    function clausesOf(ref) {
      if (ref.item !== null) return byId[refId(ref)] ? [byId[refId(ref)]] : [];
      return data.filter(function (c) { return c.chapter === ref.chapter; });
    }
    function search() {
      var q = query.value.trim();
      results.textContent = "";
      if (!q) return;
      var parsed = parseRefs(q, chapters);
      var found;
      if (parsed.onlyRefs) {
        found = [];
        parsed.refs.forEach(function (ref) {
          clausesOf(ref).forEach(function (c) { if (found.indexOf(c) < 0) found.push(c); });
        });
      } else {
        var toks = q.split(/[\s,，、;；]+/).filter(Boolean);
        var words = toks.map(function (t) { return t.toLowerCase(); });
        found = data.filter(function (c) {
          var hay = (c.id + " " + c.zh + " " + c.en + " " + c.chapter_title.zh + " " + c.chapter_title.en).toLowerCase();
          return words.every(function (w) { return hay.indexOf(w) >= 0; });
        }).slice(0, 30);
      }
      if (!found.length) {
        var none = document.createElement("li");
        none.textContent = EN ? "No clause matches." : "没有匹配的条文。";
        results.appendChild(none);
      }
      found.forEach(function (c) {
        var li = document.createElement("li");
        var b = document.createElement("button");
        b.type = "button";
        b.className = "cite-add";
        b.setAttribute("data-id", c.id);
        var on = chosen.indexOf(c.id) >= 0;
        b.textContent = on ? (EN ? "Added" : "已添加") : (EN ? "Add" : "添加");
        b.disabled = on;
        b.addEventListener("click", function () {
          if (chosen.indexOf(c.id) < 0) chosen.push(c.id);
          render(); search();
        });
        var text = document.createElement("span");
        text.className = "cite-result-text";
        text.textContent = c.citation[EN ? "en" : "zh"] + "  " + (EN ? c.en : c.zh);
        li.appendChild(b);
        li.appendChild(text);
        results.appendChild(li);
      });
    }
    query.addEventListener("input", search);
    query.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") {
        ev.preventDefault();
        var adds = results.querySelectorAll(".cite-add:not([disabled])");
        if (adds.length && adds.length <= 5) { for (var i = 0; i < adds.length; i++) adds[i].click(); }
      }
    });
    Array.prototype.forEach.call(app.querySelectorAll("input[name=cite-lang], .cite-with-text"), function (r) {
      r.addEventListener("change", render);
    });
    app.querySelector(".cite-copy").addEventListener("click", function () {
      if (output.value) copyText(output.value, T.copied.block);
    });
    app.querySelector(".cite-clear").addEventListener("click", function () {
      chosen = []; render(); search();
    });
    clauseTable().then(function (t) {
      data = t.rows;
      byId = t.byId;
      chapters = t.chapters;
      app.classList.add("is-ready");
      var pre = new URLSearchParams(window.location.search).get("ids");
      if (pre) {
        parseRefs(pre, chapters).refs.forEach(function (ref) {
          clausesOf(ref).forEach(function (c) { if (chosen.indexOf(c.id) < 0) chosen.push(c.id); });
        });
        render();
      }
      if (query.value) search();
    }, function () {
      var none = document.createElement("li");
      none.textContent = EN ? "The clause table could not be loaded: reload the page." : "条文表未能加载，请刷新页面。";
      results.appendChild(none);
    });
  }

  function init() {
    addButtons();
    arrive(false);
    notFound();
    citeBuilder();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
  window.addEventListener("load", function () { arrive(true); });
  window.addEventListener("hashchange", function () { arrive(true); });
