/* The header's search box, searched with Pagefind (its index is built into pagefind/ with the site).
 * Pagefind loads only the index chunks a query's words need and the fragments of the results shown,
 * so the first result does not wait for a whole-site index. Results use Material's search markup
 * (its CSS gives the look) and show each page's kind, date and a one-line summary.
 * Everything is loaded from this site: no other host is ever asked for anything.
 */
(function () {
  "use strict";

  var PAGE = 10;
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];
  var script = document.currentScript;
  // The site's root, from this script's own address (the site may be served under a path).
  var root = script ? script.src.replace(/assets\/kb-search\.js(\?.*)?$/, "") : "";
  var engine = null;
  var terms = null;

  function load() {
    if (!engine) {
      // A failed load (offline, say) is tried again on the next query.
      var retry = function (err) { engine = null; throw err; };
      engine = import(root + "pagefind/pagefind.js").then(function (pagefind) {
        return pagefind.options({ baseUrl: new URL(root).pathname, excerptLength: 24 }).then(function () {
          pagefind.init();
          return pagefind;
        });
      }).catch(retry);
      terms = fetch(root + "assets/kb-search-terms.json").then(function (r) { return r.ok ? r.json() : {}; })
        .catch(function () { return {}; });
    }
    return Promise.all([engine, terms]);
  }

  function humanDate(iso) {
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso || "");
    if (!m) return iso || "";
    var out = m[1];
    if (m[2]) out = MONTHS[parseInt(m[2], 10) - 1] + " " + out;
    if (m[3]) out = parseInt(m[3], 10) + " " + out;
    return out;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function item(data) {
    var meta = data.meta || {};
    var li = el("li", "md-search-result__item");
    var a = el("a", "md-search-result__link");
    a.href = data.url;
    a.tabIndex = -1;
    var article = el("article", "md-search-result__article md-typeset");
    article.appendChild(el("h1", null, meta.title || data.url));
    var line = [meta.kind, humanDate(meta.date), meta.summary].filter(Boolean).join(" · ");
    if (line) article.appendChild(el("p", "kb-search-kind", line));
    // A person's page text is a table of roles: its summary line says more than an excerpt of it.
    if (meta.kind !== "Person" && data.excerpt) {
      var p = el("p", "kb-search-excerpt");
      p.innerHTML = data.excerpt;  // Pagefind's excerpt: page text, escaped, with <mark> around the words found
      article.appendChild(p);
    }
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }

  function setUp(box) {
    var input = box.querySelector(".md-search__input");
    var list = box.querySelector(".md-search-result__list");
    var meta = box.querySelector(".md-search-result__meta");
    var toggle = document.getElementById("__search");
    var current = 0;  // queries answered out of order are dropped

    function open() {
      if (toggle && !toggle.checked) { toggle.checked = true; toggle.dispatchEvent(new Event("change")); }
      load().catch(function () {});
    }

    function close() {
      if (toggle && toggle.checked) { toggle.checked = false; toggle.dispatchEvent(new Event("change")); }
      input.blur();
    }

    // Results are shown in order as their fragments arrive: the first one does not wait for the tenth.
    function show(results, from, turn) {
      var chunk = results.slice(from, from + PAGE);
      var ready = [], next = 0;
      function flush() {
        if (turn !== current) return;
        while (next < chunk.length && ready[next]) {
          var more = list.querySelector(".kb-search-more");
          if (more) more.remove();
          list.appendChild(item(ready[next]));
          next += 1;
        }
        if (next === chunk.length && results.length > from + PAGE) {
          var li = el("li", "md-search-result__item kb-search-more");
          var button = el("button", "md-button", "Show more");
          button.type = "button";
          button.addEventListener("click", function () { show(results, from + PAGE, turn); });
          li.appendChild(button);
          list.appendChild(li);
        }
      }
      return Promise.all(chunk.map(function (r, i) {
        return r.data().then(function (d) { ready[i] = d; flush(); });
      }));
    }

    function run() {
      var query = input.value.trim();
      var turn = ++current;
      if (!query) {
        list.textContent = "";
        meta.textContent = "Type to search";
        return;
      }
      load().then(function (loaded) {
        var pagefind = loaded[0], forms = loaded[1] || {};
        // An abbreviation in capitals ("IN") is also a common word: search its long form.
        return pagefind.search(Object.prototype.hasOwnProperty.call(forms, query) ? forms[query] : query);
      }).then(function (found) {
        if (turn !== current || !found) return;
        var n = found.results.length;
        list.textContent = "";
        meta.textContent = n === 0 ? "No matching pages" : (n === 1 ? "1 matching page" : n + " matching pages");
        return show(found.results, 0, turn);
      }).catch(function (err) {
        if (turn === current) meta.textContent = "Search is not available: " + err;
      });
    }

    var timer = null;
    input.addEventListener("focus", open);
    // Fetch the search engine (a few small files) as soon as the reader shows an interest.
    box.addEventListener("pointerenter", function () { load().catch(function () {}); });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 80);
      // Start fetching the index chunks for the words typed so far while the typing goes on.
      if (input.value.trim()) load().then(function (l) { l[0].preload(input.value.trim()); });
    });
    box.querySelector("form").addEventListener("submit", function (event) {
      event.preventDefault();
      var first = list.querySelector(".md-search-result__link");
      if (first) window.location.href = first.href;
    });
    box.querySelector("form").addEventListener("reset", function () {
      setTimeout(run, 0);
    });
    document.addEventListener("keydown", function (event) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test((event.target && event.target.tagName) || "");
      if (event.key === "Escape" && toggle && toggle.checked) close();
      else if (!typing && (event.key === "/" || event.key === "s") && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        input.focus();
      }
    });
    if (toggle) {
      // The magnifier and the overlay toggle the box (mobile); opening it focuses the input.
      toggle.addEventListener("change", function () { if (toggle.checked) input.focus(); });
    }
  }

  function init() {
    document.querySelectorAll(".kb-search").forEach(function (box) {
      if (!box.dataset.kbReady) { box.dataset.kbReady = "1"; setUp(box); }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
