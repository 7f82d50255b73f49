/* Interactive graphs of people, events and agreements (kb.pages.graph_data writes their data
 * into the page). Drawn with Cytoscape.js, vendored in assets/vendor/ (pinned; see README,
 * "Dependencies") and loaded only on pages that have a graph: nothing comes from another host.
 * Without a script the pages keep their lists, and the graph page its build-time drawing.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var VENDOR = script ? new URL("vendor/cytoscape.min.js", script.src).href : "";
  var COLOURS = { "side-a": "#e8772e", "side-b": "#2e8b57", other: "#8a8a8a",
                  event: "#3f51b5", agreement: "#b0307a" };
  var loading = null;

  function loadCytoscape() {
    if (window.cytoscape) return Promise.resolve(window.cytoscape);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = VENDOR;
        tag.onload = function () { resolve(window.cytoscape); };
        tag.onerror = function () { reject(new Error("could not load " + VENDOR)); };
        document.head.appendChild(tag);
      });
    }
    return loading;
  }

  // Node hrefs are relative to the site's root; Material's config says where that is from here.
  function siteRoot() {
    var config = document.getElementById("__config");
    var base = ".";
    try { base = JSON.parse(config.textContent).base || "."; } catch (e) { /* keep "." */ }
    return new URL(base.replace(/\/?$/, "/"), window.location.href);
  }

  function style(local) {
    return [
      { selector: "node", style: {
        "background-color": function (n) { return COLOURS[n.data("group")] || COLOURS.other; },
        "label": "data(short)", "font-size": local ? 11 : 12, "color": "#333",
        "min-zoomed-font-size": 7, // labels too small to read are left out until one zooms in
        "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "ellipsis", "text-max-width": 140,
        "width": 16, "height": 16 } },
      { selector: "node[kind = 'event']", style: { "shape": "round-rectangle", "width": 12, "height": 12 } },
      { selector: "node[kind = 'agreement']", style: { "shape": "diamond", "width": 15, "height": 15 } },
      { selector: "node[?centre]", style: { "width": 26, "height": 26, "border-width": 3, "border-color": "#222",
                                             "font-weight": "bold" } },
      { selector: "node:selected, node.kb-hover", style: { "border-width": 2, "border-color": "#000",
                                                            "z-index": 10, "label": "data(label)" } },
      { selector: "edge", style: { "width": 1.2, "line-color": "#c4c4c4", "curve-style": "haystack" } },
      { selector: "edge[kind = 'signed']", style: { "line-style": "dashed" } }
    ];
  }

  // People are labelled by name; events and agreements by date (their title shows on hover).
  function shortLabel(node) {
    if (node.kind === "person") return node.label;
    return node.date || "";
  }

  function draw(box, cytoscape) {
    var data = JSON.parse(box.getAttribute("data-kb-graph"));
    var local = box.classList.contains("kb-cy-local");
    var elements = data.nodes.map(function (n) {
      n.short = local || n.kind === "person" ? (n.kind === "person" ? n.label : shortLabel(n)) : "";
      return { group: "nodes", data: n };
    }).concat(data.edges.map(function (e) {
      return { group: "edges", data: { id: e.source + ">" + e.target, source: e.source, target: e.target,
                                       kind: e.kind } };
    }));
    var canvas = document.createElement("div");
    canvas.className = "kb-cy-canvas";
    box.appendChild(canvas);
    var cy = cytoscape({
      container: canvas, elements: elements, style: style(local),
      minZoom: 0.2, maxZoom: 3, boxSelectionEnabled: false,
      layout: local
        ? { name: "concentric", animate: false, minNodeSpacing: 30,
            concentric: function (n) { return n.data("centre") ? 3 : n.neighborhood("[?centre]").length ? 2 : 1; },
            levelWidth: function () { return 1; } }
        : { name: "cose", animate: false, randomize: false, nodeRepulsion: function () { return 9000; },
            idealEdgeLength: function () { return 40; } }
    });
    var root = siteRoot();
    var info = box.parentNode.querySelector(".kb-graph-info");
    cy.on("tap", "node", function (event) {
      window.location.href = new URL(event.target.data("href"), root).href;
    });
    cy.on("mouseover", "node", function (event) {
      event.target.addClass("kb-hover");
      canvas.style.cursor = "pointer";
      if (info) {
        var d = event.target.data();
        info.textContent = d.label + (d.date ? " — " + d.date : "") + (d.country ? " — " + d.country : "");
      }
    });
    cy.on("mouseout", "node", function (event) {
      event.target.removeClass("kb-hover");
      canvas.style.cursor = "";
    });
    box.kbGraph = cy; // for the browser tests, and for a curious reader's console
    return cy;
  }

  // The graph page's filters: which kinds of node, which year, events between the two sides only.
  function setUpFilters(form, cy) {
    function apply() {
      var kinds = {};
      form.querySelectorAll("input[name='kind']").forEach(function (c) { kinds[c.value] = c.checked; });
      var year = form.querySelector("select[name='year']").value;
      var timelineOnly = form.querySelector("input[name='timeline']").checked;
      cy.batch(function () {
        cy.nodes().forEach(function (n) {
          var d = n.data();
          var ok = kinds[d.kind] !== false;
          if (d.kind !== "person") {
            if (year && (d.date || "").slice(0, 4) !== year) ok = false;
            if (timelineOnly && d.kind === "event" && !d.timeline) ok = false;
          }
          n.style("display", ok ? "element" : "none");
        });
        // People are shown with what they are connected to, unless only people are asked for.
        var onlyPeople = !kinds.event && !kinds.agreement;
        cy.nodes("[kind = 'person']").forEach(function (n) {
          if (n.style("display") === "none" || onlyPeople) return;
          var linked = n.neighborhood("node").filter(function (m) { return m.style("display") !== "none"; });
          if (!linked.length) n.style("display", "none");
        });
      });
      var shown = cy.nodes().filter(function (n) { return n.style("display") !== "none"; });
      var count = form.querySelector(".kb-graph-count");
      if (count) count.textContent = shown.length + " shown";
      cy.fit(shown, 20);
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }

  function init() {
    var boxes = document.querySelectorAll("[data-kb-graph]:not([data-kb-drawn])");
    if (!boxes.length) return;
    loadCytoscape().then(function (cytoscape) {
      boxes.forEach(function (box) {
        box.setAttribute("data-kb-drawn", "1");
        var section = box.closest("[hidden]");
        if (section) section.hidden = false; // shown before drawing: the layout needs its size
        var cy = draw(box, cytoscape);
        var form = section && section.querySelector("form.kb-graph-filter");
        if (form) setUpFilters(form, cy);
        document.querySelectorAll(".kb-graph-fallback").forEach(function (el) { el.hidden = true; });
      });
    }, function (error) {
      // No drawing: the lists and the build-time picture stay; say why in the console only.
      if (window.console) console.warn(error.message);
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
