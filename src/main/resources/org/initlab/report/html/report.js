// initlab report: sortable tables, legend toggles, hover values. No network, no libraries.
(function () {
  "use strict";

  // Sortable tables: click a header to sort by its cells' data-sort values (numbers first).
  // Empty values sort last either way; numbers before text; ties keep the original order.
  function sortTable(table, col, th) {
    var body = table.tBodies[0];
    var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    var keyed = Array.prototype.map.call(body.rows, function (row, i) {
      var cell = row.cells[col];
      var v = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
      var n = Number(v);
      return { row: row, i: i, missing: v.trim() === "", num: v.trim() !== "" && isFinite(n) ? n : null, text: v };
    });
    keyed.sort(function (a, b) {
      if (a.missing || b.missing) return a.missing === b.missing ? a.i - b.i : (a.missing ? 1 : -1);
      var c;
      if (a.num !== null && b.num !== null) c = a.num - b.num;
      else if (a.num !== null || b.num !== null) c = a.num !== null ? -1 : 1;
      else c = a.text.localeCompare(b.text);
      return c !== 0 ? c * dir : a.i - b.i;
    });
    keyed.forEach(function (k) { body.appendChild(k.row); });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
      th.setAttribute("tabindex", "0");
      th.addEventListener("click", function () { sortTable(table, col, th); });
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") sortTable(table, col, th); });
    });
  });

  // Legend toggles: a legend entry with data-series hides or shows that series in its figure.
  function sameSeries(svg, key) {
    return Array.prototype.filter.call(svg.querySelectorAll("[data-series]"), function (el) {
      return el.getAttribute("data-series") === key;
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("svg.figure-svg .legend-entry[data-series]"), function (entry) {
    entry.addEventListener("click", function () {
      var svg = entry.ownerSVGElement;
      var off = !entry.classList.contains("off");
      sameSeries(svg, entry.getAttribute("data-series")).forEach(function (el) { el.classList.toggle("off", off); });
    });
  });

  // Tooltips: elements with data-tip show their text; hover targets show every visible series at the nearest x.
  var tip = document.createElement("div");
  tip.id = "tip";
  tip.setAttribute("role", "tooltip");
  document.body.appendChild(tip);
  var parsed = new WeakMap();

  function place(e) {
    var x = e.clientX + 14, y = e.clientY + 14;
    tip.style.display = "block";
    var w = tip.offsetWidth, h = tip.offsetHeight;
    if (x + w > window.innerWidth - 8) x = Math.max(8, e.clientX - w - 14);
    if (y + h > window.innerHeight - 8) y = Math.max(8, e.clientY - h - 14);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  function hide() {
    tip.style.display = "none";
    Array.prototype.forEach.call(document.querySelectorAll("svg .crosshair"), function (l) { l.setAttribute("visibility", "hidden"); });
  }
  // The series hidden in a figure: those whose legend entry is switched off.
  function hiddenSeries(svg) {
    var off = Object.create(null);
    Array.prototype.forEach.call(svg.querySelectorAll(".legend-entry.off"), function (e) { off[e.getAttribute("data-series")] = true; });
    return off;
  }
  function crosshair(target) {
    var svg = target.ownerSVGElement;
    var line = target.crosshair;
    if (!line) {
      line = document.createElementNS("http://www.w3.org/2000/svg", "line");
      line.setAttribute("class", "crosshair");
      line.setAttribute("stroke", "#555");
      line.setAttribute("stroke-width", "0.8");
      line.setAttribute("stroke-dasharray", "3 3");
      target.parentNode.insertBefore(line, target);
      target.crosshair = line;
    }
    return line;
  }
  function showHover(target, e) {
    var data = parsed.get(target);
    if (!data) { data = JSON.parse(target.getAttribute("data-hover")); parsed.set(target, data); }
    var svg = target.ownerSVGElement;
    var pt = svg.createSVGPoint();
    pt.x = e.clientX; pt.y = e.clientY;
    var local = pt.matrixTransform(target.getScreenCTM().inverse());
    var best = 0, dist = Infinity;
    data.x.forEach(function (x, i) { var d = Math.abs(x - local.x); if (d < dist) { dist = d; best = i; } });
    var line = crosshair(target);
    var top = parseFloat(target.getAttribute("y")), height = parseFloat(target.getAttribute("height"));
    line.setAttribute("x1", data.x[best]); line.setAttribute("x2", data.x[best]);
    line.setAttribute("y1", top); line.setAttribute("y2", top + height);
    line.setAttribute("visibility", "visible");
    tip.textContent = "";
    var title = document.createElement("div");
    title.className = "tip-title";
    title.textContent = data.t[best];
    tip.appendChild(title);
    var hidden = hiddenSeries(svg);
    data.s.forEach(function (s) {
      var v = s.v[best];
      if (!v || hidden[s.k] === true) return;
      var row = document.createElement("div");
      row.className = "tip-row";
      var sw = document.createElement("span");
      sw.className = "swatch";
      sw.style.background = s.c;
      row.appendChild(sw);
      row.appendChild(document.createTextNode(s.n + ": " + v));
      tip.appendChild(row);
    });
    place(e);
  }
  document.addEventListener("mousemove", function (e) {
    var el = e.target;
    if (!(el instanceof Element)) { hide(); return; }
    if (el.classList.contains("hover-target")) { showHover(el, e); return; }
    var t = el.closest("[data-tip]");
    if (t) {
      Array.prototype.forEach.call(document.querySelectorAll("svg .crosshair"), function (l) { l.setAttribute("visibility", "hidden"); });
      tip.textContent = t.getAttribute("data-tip");
      place(e);
    } else hide();
  });
  document.addEventListener("mouseleave", hide);

  // Self-check: every figure the report lists is in the page and has been laid out.
  var meta = JSON.parse(document.getElementById("report-meta").textContent);
  var rendered = 0;
  meta.figures.forEach(function (id) {
    var svg = document.getElementById(id);
    if (svg && svg.getBBox && svg.getBBox().width > 0 && svg.querySelectorAll("path, rect, text").length > 0) rendered++;
    else if (window.console) console.error("figure " + id + " did not render");
  });
  document.body.setAttribute("data-figures-expected", String(meta.figures.length));
  document.body.setAttribute("data-figures-rendered", String(rendered));
})();
