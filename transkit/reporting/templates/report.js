(function () {
  "use strict";
  // Filters, sorting and keyboard navigation. Without JavaScript the page shows everything,
  // in the order the report chose (worst first), and every control is an ordinary link.
  var form = document.getElementById("filters");
  var status = document.getElementById("filter-status");
  var byId = Object.prototype.hasOwnProperty;

  function checked(name) {
    var wanted = {};
    var boxes = form.querySelectorAll("input[name='" + name + "']");
    for (var i = 0; i < boxes.length; i++) { wanted[boxes[i].value] = boxes[i].checked; }
    return wanted;
  }
  function plural(count, word) { return count + " " + word + (count === 1 ? "" : "s"); }

  function apply() {
    var langs = checked("lang");
    var severities = checked("severity");
    var items = document.querySelectorAll("[data-lang]");
    var shownLangs = 0;
    for (var i = 0; i < items.length; i++) {
      var code = items[i].getAttribute("data-lang");
      items[i].toggleAttribute("hidden", byId.call(langs, code) && !langs[code]);
    }
    for (var code2 in langs) { if (byId.call(langs, code2) && langs[code2]) { shownLangs++; } }
    var rows = document.querySelectorAll("[data-severity]");
    for (var j = 0; j < rows.length; j++) {
      rows[j].toggleAttribute("hidden", !severities[rows[j].getAttribute("data-severity")]);
    }
    // A findings table with no row left is hidden, with a sentence saying why; the
    // language's count says how many findings the filters show.
    var shownFindings = 0;
    var tables = document.querySelectorAll(".scroll.findings");
    for (var t = 0; t < tables.length; t++) {
      var visible = tables[t].querySelectorAll("tr[data-severity]:not([hidden])").length;
      var total = tables[t].querySelectorAll("tr[data-severity]").length;
      tables[t].toggleAttribute("hidden", visible === 0);
      var note = tables[t].nextElementSibling;
      if (note && note.classList.contains("none-shown")) { note.toggleAttribute("hidden", visible !== 0); }
      var section = tables[t].closest("section[data-lang]");
      if (section && !section.hidden) { shownFindings += visible; }
      if (!section) { shownFindings += visible; }
      var count = section ? section.querySelector("[data-count='findings']") : null;
      if (count) {
        count.textContent = visible === total ? plural(total, "finding") : visible + " of " + plural(total, "finding") + " shown";
      }
    }
    if (status) {
      status.textContent = "Showing " + plural(shownLangs, "language") + " and " + plural(shownFindings, "finding") + ".";
    }
    roveAll();
  }

  // Sorting the status board by any column: numbers as numbers, the rest as text;
  // unreadable catalogs stay pinned on top.
  function sortable(table) {
    var heads = table.querySelectorAll("thead th[data-sort]");
    for (var h = 0; h < heads.length; h++) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (heads[h].firstChild) { button.appendChild(heads[h].firstChild); }
      heads[h].appendChild(button);
      button.addEventListener("click", sortBy(table, h, heads[h]));
    }
  }
  function sortBy(table, column, head) {
    return function () {
      var ascending = head.getAttribute("aria-sort") !== "ascending";
      var numeric = head.getAttribute("data-sort") === "num";
      var others = table.querySelectorAll("thead th[aria-sort]");
      for (var o = 0; o < others.length; o++) { others[o].removeAttribute("aria-sort"); }
      head.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      // With several domains each has its own group of rows (a tbody under its heading
      // row): rows are sorted within their domain.
      for (var t = 0; t < table.tBodies.length; t++) {
        var body = table.tBodies[t];
        var rows = Array.prototype.slice.call(body.rows).filter(function (row) {
          return !row.classList.contains("pinned") && !row.classList.contains("domain-row");
        });
        rows.sort(function (a, b) {
          var x = a.cells[column].getAttribute("data-value") || "";
          var y = b.cells[column].getAttribute("data-value") || "";
          var order = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
          return ascending ? order : -order;
        });
        for (var r = 0; r < rows.length; r++) { body.appendChild(rows[r]); }
      }
      roveAll();
    };
  }

  // One tab stop per table: the links, buttons and disclosure widgets inside a table are
  // reached with the arrow keys (roving tabindex), so the 300 cells of the matrix are not
  // 300 tab stops before the language list.
  var FOCUSABLE = "a[href], button, summary";
  function targets(table) {
    return Array.prototype.filter.call(table.querySelectorAll(FOCUSABLE), function (el) {
      return el.closest("tr") && !el.closest("[hidden]") && !el.closest("td details ul");
    });
  }
  function rove(table) {
    var items = targets(table);
    var current = items.filter(function (el) { return el.getAttribute("tabindex") === "0"; })[0] || items[0];
    for (var i = 0; i < items.length; i++) { items[i].setAttribute("tabindex", items[i] === current ? "0" : "-1"); }
    var region = table.closest(".scroll");
    // The scroll region need not be a tab stop of its own when a widget inside is one.
    if (region) { region.setAttribute("tabindex", items.length ? "-1" : "0"); }
  }
  function roveAll() {
    var tables = document.querySelectorAll("main table");
    for (var t = 0; t < tables.length; t++) { rove(tables[t]); }
  }
  function cellOf(el) { return el.closest("td, th"); }
  function move(table, from, key) {
    var items = targets(table);
    var cell = cellOf(from);
    var row = cell.parentElement;
    var rows = Array.prototype.filter.call(table.rows, function (r) { return !r.hidden; });
    var r = rows.indexOf(row);
    var c = Array.prototype.indexOf.call(row.cells, cell);
    var next = null;
    function at(rr, cc) {
      var rowEl = rows[rr];
      if (!rowEl || !rowEl.cells[cc]) { return null; }
      return items.filter(function (el) { return cellOf(el) === rowEl.cells[cc]; })[0] || null;
    }
    var k;
    if (key === "ArrowRight" || key === "ArrowLeft") {
      var step = key === "ArrowRight" ? 1 : -1;
      if (getComputedStyle(table).direction === "rtl") { step = -step; }
      for (k = c + step; k >= 0 && k < row.cells.length && !next; k += step) { next = at(r, k); }
    } else if (key === "ArrowDown" || key === "ArrowUp") {
      var down = key === "ArrowDown" ? 1 : -1;
      for (k = r + down; k >= 0 && k < rows.length && !next; k += down) { next = at(k, c); }
    } else if (key === "Home") {
      next = items[0];
    } else if (key === "End") {
      next = items[items.length - 1];
    }
    if (next) {
      from.setAttribute("tabindex", "-1");
      next.setAttribute("tabindex", "0");
      next.focus();
      return true;
    }
    return false;
  }
  document.addEventListener("keydown", function (event) {
    var el = event.target;
    if (!el.matches || !el.matches(FOCUSABLE)) { return; }
    var table = el.closest("main table");
    if (!table || ["ArrowRight", "ArrowLeft", "ArrowDown", "ArrowUp", "Home", "End"].indexOf(event.key) < 0) { return; }
    if (move(table, el, event.key)) { event.preventDefault(); }
  });
  document.addEventListener("focusin", function (event) {
    var table = event.target.closest && event.target.closest("main table");
    if (!table || !event.target.matches(FOCUSABLE)) { return; }
    var items = targets(table);
    for (var i = 0; i < items.length; i++) { items[i].setAttribute("tabindex", items[i] === event.target ? "0" : "-1"); }
  });

  // A link from the board to a language's messages opens the section it points into.
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) { return; }
    for (var d = target.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) { d.open = true; }
    target.scrollIntoView();
  }
  window.addEventListener("hashchange", reveal);

  var opened = [];
  window.addEventListener("beforeprint", function () {
    var closed = document.querySelectorAll("details.lang:not([open])");
    for (var d = 0; d < closed.length; d++) { closed[d].open = true; opened.push(closed[d]); }
  });
  window.addEventListener("afterprint", function () {
    while (opened.length) { opened.pop().open = false; }
  });

  var board = document.getElementById("board");
  if (board) { sortable(board); }
  if (form) {
    form.hidden = false;
    form.addEventListener("change", apply);
    var all = form.querySelectorAll("button[data-set]");
    for (var b = 0; b < all.length; b++) {
      all[b].addEventListener("click", function (event) {
        var on = event.currentTarget.getAttribute("data-set") === "all";
        var boxes = form.querySelectorAll("input[name='lang']");
        for (var x = 0; x < boxes.length; x++) { boxes[x].checked = on; }
        apply();
      });
    }
    apply();
  } else {
    roveAll();
  }
  reveal();
}());
