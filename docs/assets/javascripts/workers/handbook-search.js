/* Material's search worker, with Chinese queries matched as whole words.
 *
 * Material segments a Chinese query greedily against the index terms, but a
 * word may never end on the query's last character, so 收礼 was searched as
 * 收* and 四分之三 as 四分之*. Here each Chinese run is first cut into index
 * words by forward maximum matching, and every word is followed by a sentinel
 * character that is never indexed: Material's segmenter then keeps the whole
 * word and drops the sentinel. Characters that are in no index term are left
 * out, so the other words of the query still find their clauses.
 *
 * The text in force on the reader's day (handbook/editions.py): when the page
 * picked a later date's content, its script adds `edition-index=editions/<date>/…`
 * to this worker's address, and the index Material hands over is replaced by that
 * date's (the one a build made that day wrote), so results show the text in force.
 * Messages are handled one after another, so a query never meets the old index.
 */
(function () {
  "use strict";
  var SENTINEL = "\u3007";               /* 〇: a Han character, absent from the text */
  var HAN = /\p{sc=Han}+/gu;
  var MAX_WORD = 8;
  var vocabulary = new Set();

  var params = new URL(self.location.href).searchParams;
  var worker = params.get("material") || "";
  var SITE_ROOT = new URL("../../../", self.location.href);   /* assets/javascripts/workers/ */
  var editionIndex = params.get("edition-index");
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(worker))
    throw new Error("handbook-search: no Material search worker given");

  function learn(index) {
    var separator = new RegExp(index.config.separator, "g");
    index.docs.forEach(function (doc) {
      [doc.title, doc.text].concat(doc.tags || []).forEach(function (field) {
        String(field || "").replace(/<[^>]+>/g, " ").split(separator).forEach(function (term) {
          var han = term.match(HAN);
          if (han) han.forEach(function (h) { vocabulary.add(h); });
        });
      });
    });
  }

  function segment(run) {
    var words = [];
    for (var i = 0; i < run.length;) {
      var len = Math.min(MAX_WORD, run.length - i);
      while (len > 0 && !vocabulary.has(run.slice(i, i + len))) len--;
      if (len === 0) { i++; continue; }   /* not in the handbook at all */
      words.push(run.slice(i, i + len) + SENTINEL);
      i += len;
    }
    return " " + words.join(" ") + " ";
  }

  /* The index of the date the page shows, if it names one of this site's files;
     on any failure the build's index stays (its results are the build's text). */
  function dated(message) {
    if (!editionIndex || !message || message.type !== 0) return Promise.resolve(message);
    var url = new URL(editionIndex, SITE_ROOT);
    if (url.origin !== SITE_ROOT.origin || !/^editions\/\d{4}-\d{2}-\d{2}\//.test(editionIndex))
      return Promise.resolve(message);
    return fetch(url.href)
      .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
      .then(function (index) {
        if (!index || !index.docs || !message.data) return message;
        var data = {};                       /* Material's setup: config, docs, options */
        for (var key in message.data) data[key] = message.data[key];
        data.docs = index.docs;
        return { type: 0, data: data };
      },
            function () { return message; });
  }

  function rewrite(message) {
    if (!message || typeof message !== "object") return message;
    if (message.type === 0 && message.data && message.data.docs) learn(message.data);
    if (message.type === 2 && typeof message.data === "string")
      return { type: 2, data: message.data.replace(HAN, segment).trim() };
    return message;
  }

  var add = self.addEventListener.bind(self);
  var queue = Promise.resolve();
  self.addEventListener = function (type, listener, options) {
    if (type !== "message") return add(type, listener, options);
    if (!editionIndex)
      return add(type, function (ev) { return listener({ data: rewrite(ev.data) }); }, options);
    return add(type, function (ev) {
      queue = queue.then(function () { return dated(ev.data); })
        .then(function (message) { return listener({ data: rewrite(message) }); });
    }, options);
  };
  importScripts(worker);
})();
