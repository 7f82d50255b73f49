/* Behaviour for the generated pages (kb.pages), written by hand: no libraries, no CDN.
 * - tables inside .kb-sortable sort when a column heading is clicked;
 * - the timeline's .kb-filter drop-downs hide events of other kinds, countries or years, and the
 *   table of contents entries of the years and months left empty.
 */
(function () {
  "use strict";

  function cellText(row, index) {
    var cell = row.children[index];
    return cell ? cell.textContent.trim() : "";
  }

  // Numbers as numbers, text in natural order; empty cells stay last in either direction.
  function compare(a, b, descending) {
    if (a === "" || b === "") return a === b ? 0 : (a === "" ? 1 : -1);
    var order = /^-?\d+(\.\d+)?$/.test(a) && /^-?\d+(\.\d+)?$/.test(b)
      ? parseFloat(a) - parseFloat(b)
      : a.localeCompare(b, undefined, { numeric: true, sensitivity: "base" });
    return descending ? -order : order;
  }

  function makeSortable(table) {
    var headers = table.querySelectorAll("thead th");
    headers.forEach(function (th, index) {
      th.tabIndex = 0;
      th.title = "Sort by this column";
      function sort() {
        var descending = th.getAttribute("aria-sort") === "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r1, r2) {
          return compare(cellText(r1, index), cellText(r2, index), descending);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sort(); }
      });
    });
  }

  // The table of contents lists only the years and months that still show an event.
  function narrowContents(target) {
    document.querySelectorAll(".md-sidebar--secondary a.md-nav__link, .md-nav--secondary a.md-nav__link")
      .forEach(function (link) {
        var id = decodeURIComponent((link.getAttribute("href") || "").split("#")[1] || "");
        var heading = id ? document.getElementById(id) : null;
        if (!heading || !target.contains(heading)) return;
        var group = heading.closest(".kb-month, .kb-year");
        link.parentElement.hidden = !!group && (group.hidden || !!group.parentElement.closest("[hidden]"));
      });
  }

  function setUpFilter(form) {
    var target = document.querySelector(form.getAttribute("data-target"));
    if (!target) return;
    var selects = form.querySelectorAll("select[data-filter]");
    var count = form.querySelector(".kb-filter-count");
    function apply() {
      var want = {};
      selects.forEach(function (s) { want[s.getAttribute("data-filter")] = s.value; });
      var shown = 0;
      target.querySelectorAll(".kb-event").forEach(function (el) {
        var ok = (!want.kind || el.getAttribute("data-kind") === want.kind) &&
                 (!want.year || el.getAttribute("data-year") === want.year) &&
                 (!want.country || el.getAttribute("data-countries").indexOf("|" + want.country + "|") >= 0);
        el.hidden = !ok;
        if (ok) shown += 1;
      });
      // Hide month and year headings left without a visible event.
      target.querySelectorAll(".kb-month, .kb-year").forEach(function (group) {
        group.hidden = !group.querySelector(".kb-event:not([hidden])");
      });
      if (count) count.textContent = shown + " shown";
      narrowContents(target);
    }
    selects.forEach(function (s) { s.addEventListener("change", apply); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  function init() {
    document.querySelectorAll(".kb-sortable table").forEach(function (table) {
      if (!table.dataset.kbSortable) { table.dataset.kbSortable = "1"; makeSortable(table); }
    });
    document.querySelectorAll("form.kb-filter").forEach(function (form) {
      if (!form.dataset.kbReady) { form.dataset.kbReady = "1"; setUpFilter(form); }
    });
  }

  // Material's instant navigation (if ever enabled) swaps pages without a reload.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
