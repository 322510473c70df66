/* Material's search worker, with two additions.
 *
 * Chinese queries are matched as whole words. Material segments a Chinese query
 * greedily against the index terms, but a word may never end on the query's last
 * character, so 收礼 was searched as 收* and 四分之三 as 四分之*. Here each Chinese
 * run is first cut into index words by forward maximum matching, and every word
 * is followed by a sentinel character that is never indexed: Material's segmenter
 * then keeps the whole word and drops the sentinel. Characters that are in no
 * index term are left out, so the other words of the query still find their
 * clauses; a run with no index word at all (酒) is searched as the index words
 * that contain its characters (喝酒, 饮酒 …).
 *
 * Clause numbers land on the clause: a query that is nothing but clause
 * references (12-2, 第十二章第2条, “财务管理制度”第2条, art. 12.2) is read with the
 * citation builder's parser, and the clauses it names come first in the results
 * (../clause-search.js, an ES module, loaded with import()). Until it has loaded,
 * queries wait for it; if it cannot load, search works as before.
 *
 * The text in force on the reader's day (handbook/editions.py): when the page
 * picked a later date's content, its script adds `edition-index=editions/<date>/…`
 * to this worker's address, and the index Material hands over is replaced by that
 * date's (the one a build made that day wrote), so results show the text in force.
 * Messages are handled one after another, so a query never meets the old index.
 *
 * Material's worker listens for "message" (type 0: the index, type 2: a query)
 * and answers each with postMessage (type 3: the result, in the queries' order);
 * both are wrapped here (handbook/material.py names these internals).
 */
(function () {
  "use strict";
  var SENTINEL = "\u3007";               /* 〇: a Han character, absent from the text */
  var HAN = /\p{sc=Han}+/gu;
  var MAX_WORD = 8;
  var MAX_EXPANSION = 12;                /* index words tried for a character no word is */
  var vocabulary = new Set();
  var docs = [];
  var refs = null;                       /* ../clause-search.js, once loaded */
  var refIndex = null;
  var named = [];                        /* per query not yet answered: the docs to put first */

  var params = new URL(self.location.href).searchParams;
  var worker = params.get("material") || "";
  var SITE_ROOT = new URL("../../../", self.location.href);   /* assets/javascripts/workers/ */
  var editionIndex = params.get("edition-index");
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(worker))
    throw new Error("handbook-search: no Material search worker given");

  var loading = import("../clause-search.js")
    .then(function (module) { refs = module; }, function () { /* words still work */ });

  function learn(index) {
    var separator = new RegExp(index.config.separator, "g");
    docs = index.docs;
    refIndex = null;
    index.docs.forEach(function (doc) {
      [doc.title, doc.text].concat(doc.tags || []).forEach(function (field) {
        String(field || "").replace(/<[^>]+>/g, " ").split(separator).forEach(function (term) {
          var han = term.match(HAN);
          if (han) han.forEach(function (h) { vocabulary.add(h); });
        });
      });
    });
  }

  /* The index words that contain `ch`, shortest first. */
  function wordsWith(ch) {
    var found = [];
    vocabulary.forEach(function (word) { if (word.length > 1 && word.indexOf(ch) >= 0) found.push(word); });
    found.sort(function (a, b) { return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0); });
    return found.slice(0, MAX_EXPANSION);
  }

  function segment(run) {
    var words = [];
    for (var i = 0; i < run.length;) {
      var len = Math.min(MAX_WORD, run.length - i);
      while (len > 0 && !vocabulary.has(run.slice(i, i + len))) len--;
      if (len === 0) { i++; continue; }   /* not in the handbook at all */
      words.push(run.slice(i, i + len));
      i += len;
    }
    if (!words.length) {
      Array.from(run).forEach(function (ch) { words = words.concat(wordsWith(ch)); });
    }
    return " " + words.map(function (w) { return w + SENTINEL; }).join(" ") + " ";
  }

  function namedBy(query) {
    if (!refs) return [];
    if (!refIndex) refIndex = refs.indexDocs(docs);
    try {
      return refs.namedDocs(query, refIndex);
    } catch (error) {
      return [];
    }
  }

  var post = self.postMessage.bind(self);
  self.postMessage = function (message, options) {
    if (message && message.type === 3 && named.length) {
      var first = named.shift();
      if (first.length && refs) message = { type: 3, data: refs.pinFirst(message.data, first) };
    }
    return post(message, options);
  };

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
      }, function () { return message; });
  }

  /* Messages are handled one after the other; one that fails does not stop the rest. */
  var queue = Promise.resolve();
  function then(run) {
    queue = queue.then(run).catch(function (error) { console.error(error); });
  }

  var add = self.addEventListener.bind(self);
  self.addEventListener = function (type, listener, options) {
    if (type !== "message") return add(type, listener, options);
    return add(type, function (ev) {
      var message = ev.data;
      if (message && message.type === 0) {
        then(function () {
          return dated(message).then(function (index) {
            if (index && index.data && index.data.docs) learn(index.data);
            return listener({ data: index });
          });
        });
        return;
      }
      if (!message || message.type !== 2 || typeof message.data !== "string") {
        then(function () { return listener({ data: message }); });
        return;
      }
      /* a query: once the parser has loaded (or failed to), in the order typed */
      then(function () {
        return loading.then(function () {
          named.push(namedBy(message.data));
          return listener({ data: { type: 2, data: message.data.replace(HAN, segment).trim() } });
        });
      });
    }, options);
  };
  importScripts(worker);
})();
