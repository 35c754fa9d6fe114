// initlab report: sortable tables, legend toggles, hover values, views to choose, single panels to save,
// and the interactive curves (drawn with uPlot, inlined before this script). No network.
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

  // Fixed columns: a wide table scrolls sideways inside its frame while its first columns (class "fixed")
  // stay in view; each is pinned at the summed width of the fixed columns left of it. They take at most
  // PINNED of the frame (the first always): a study with many factors leaves room for the values.
  var PINNED = 0.4;
  function pinColumns(table) {
    var left = 0, lefts = [], loose = [], full = false, budget = PINNED * table.parentNode.clientWidth;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
      if (!th.classList.contains("fixed")) return;
      var w = th.getBoundingClientRect().width;
      full = full || (left > 0 && left + w > budget);
      if (full) { loose[col] = true; return; }
      lefts[col] = left;
      left += w;
    });
    Array.prototype.forEach.call(table.rows, function (row) {
      Array.prototype.forEach.call(row.cells, function (c, col) {
        if (lefts[col] !== undefined) c.style.left = lefts[col] + "px";
        else if (loose[col]) c.classList.remove("fixed");
      });
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.fixed-columns"), pinColumns);

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

  // Choices of view (accuracy as error, accuracy or difference; weight axis): a choice applies to every
  // figure that has it, and to the interactive curves. A view shows where its data-options name the option.
  var choiceListeners = [];
  function choose(choice, option) {
    Array.prototype.forEach.call(document.querySelectorAll('.choice[data-choice="' + choice + '"] input[type=radio]'), function (r) {
      r.checked = r.value === option;
    });
    Array.prototype.forEach.call(document.querySelectorAll('svg g.variant[data-choice="' + choice + '"]'), function (g) {
      var on = (" " + g.getAttribute("data-options") + " ").indexOf(" " + option + " ") >= 0;
      if (on) g.removeAttribute("display"); else g.setAttribute("display", "none");
    });
    choiceListeners.forEach(function (f) { f(choice, option); });
  }
  Array.prototype.forEach.call(document.querySelectorAll(".choice[data-choice] input[type=radio]"), function (r) {
    r.addEventListener("change", function () { if (r.checked) choose(r.closest(".choice").getAttribute("data-choice"), r.value); });
  });

  // One panel alone, as SVG or as a 300 dpi PNG, at the print scale the figure states (data-panel-cm-per-px):
  // the panel's group, its row's name above it, and the legend entries of the series it shows below it.
  var SVG_NS = "http://www.w3.org/2000/svg";
  function visible(el, root) {
    for (var e = el; e && e !== root; e = e.parentNode) {
      if (e.getAttribute && (e.getAttribute("display") === "none" || (e.classList && e.classList.contains("off")))) return false;
    }
    return true;
  }
  function panelSvg(svg, index) {
    var box = svg.querySelector('g.panel-box[data-panel="' + index + '"]');
    var b = box.getAttribute("data-box").split(" ").map(Number);
    var cmPerPx = Number(svg.getAttribute("data-panel-cm-per-px"));
    var keys = {};
    Array.prototype.forEach.call(box.querySelectorAll("[data-series]"), function (el) { if (visible(el, box)) keys[el.getAttribute("data-series")] = true; });
    var out = document.createElementNS(SVG_NS, "svg");
    out.setAttribute("xmlns", SVG_NS);
    out.setAttribute("font-family", svg.getAttribute("font-family"));
    var head = 18, x = 6, y = b[3] + head + 4, rowH = 20, width = b[2];
    var legend = [];
    Array.prototype.forEach.call(svg.querySelectorAll(".legend-entry"), function (e) {
      var key = e.getAttribute("data-series");
      if (key !== null && !keys[key]) return;
      if (e.classList.contains("off")) return;
      var bb = e.getBBox();
      if (x + bb.width > width - 4 && x > 6) { x = 6; y += rowH; }
      legend.push({ el: e, dx: x - bb.x, dy: y - bb.y });
      x += bb.width + 12;
    });
    var height = legend.length ? y + rowH : b[3] + head;
    out.setAttribute("viewBox", "0 0 " + width + " " + height);
    out.setAttribute("width", (width * cmPerPx).toFixed(3) + "cm");
    out.setAttribute("height", (height * cmPerPx).toFixed(3) + "cm");
    var bg = document.createElementNS(SVG_NS, "rect");
    bg.setAttribute("width", "100%"); bg.setAttribute("height", "100%"); bg.setAttribute("fill", "#ffffff");
    out.appendChild(bg);
    var title = document.createElementNS(SVG_NS, "text");
    title.setAttribute("x", "4"); title.setAttribute("y", "13"); title.setAttribute("font-size", "10"); title.setAttribute("font-weight", "bold");
    title.setAttribute("fill", "#222222");
    title.textContent = box.getAttribute("data-name");
    out.appendChild(title);
    var g = document.createElementNS(SVG_NS, "g");
    g.setAttribute("transform", "translate(" + (-b[0]) + "," + (head - b[1]) + ")");
    var clone = box.cloneNode(true);
    Array.prototype.forEach.call(clone.querySelectorAll('[display="none"], .off, .hover-target, .crosshair'), function (el) { el.parentNode.removeChild(el); });
    g.appendChild(clone);
    out.appendChild(g);
    legend.forEach(function (l) {
      var lg = document.createElementNS(SVG_NS, "g");
      lg.setAttribute("transform", "translate(" + l.dx + "," + l.dy + ")");
      lg.appendChild(l.el.cloneNode(true));
      out.appendChild(lg);
    });
    return { svg: out, width: width, height: height, cmPerPx: cmPerPx };
  }
  var CRC_TABLE = (function () {
    var t = [];
    for (var n = 0; n < 256; n++) { var c = n; for (var k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1; t[n] = c >>> 0; }
    return t;
  })();
  function crc32(bytes, from, to) {
    var c = 0xFFFFFFFF;
    for (var i = from; i < to; i++) c = CRC_TABLE[(c ^ bytes[i]) & 255] ^ (c >>> 8);
    return (c ^ 0xFFFFFFFF) >>> 0;
  }
  // The PNG's resolution as a pHYs chunk (PNG spec 11.3.5.3) after IHDR, so it prints at its size.
  function withResolution(bytes, dpi) {
    var ppm = Math.round(dpi / 0.0254), chunk = new Uint8Array(21), v = new DataView(chunk.buffer);
    v.setUint32(0, 9);
    chunk.set([0x70, 0x48, 0x59, 0x73], 4);
    v.setUint32(8, ppm); v.setUint32(12, ppm); chunk[16] = 1;
    v.setUint32(17, crc32(chunk, 4, 17));
    var out = new Uint8Array(bytes.length + 21);
    out.set(bytes.subarray(0, 33), 0); out.set(chunk, 33); out.set(bytes.subarray(33), 54);
    return out;
  }
  function exportPanel(svgId, index, format) {
    var svg = document.getElementById(svgId);
    var p = panelSvg(svg, index);
    var text = '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(p.svg);
    if (format === "svg") return Promise.resolve(new Blob([text], { type: "image/svg+xml" }));
    var dpi = 300, w = Math.round(p.width * p.cmPerPx / 2.54 * dpi), h = Math.round(p.height * p.cmPerPx / 2.54 * dpi);
    p.svg.setAttribute("width", w); p.svg.setAttribute("height", h);
    var url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(p.svg)], { type: "image/svg+xml" }));
    return new Promise(function (resolve, reject) {
      var img = new Image();
      img.onload = function () {
        var canvas = document.createElement("canvas");
        canvas.width = w; canvas.height = h;
        var ctx = canvas.getContext("2d");
        ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, w, h);
        ctx.drawImage(img, 0, 0, w, h);
        URL.revokeObjectURL(url);
        canvas.toBlob(function (blob) {
          blob.arrayBuffer().then(function (buf) { resolve(new Blob([withResolution(new Uint8Array(buf), dpi)], { type: "image/png" })); });
        }, "image/png");
      };
      img.onerror = function () { URL.revokeObjectURL(url); reject(new Error("the panel did not draw")); };
      img.src = url;
    });
  }
  function download(blob, name) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.parentNode.removeChild(a); }, 1000);
  }
  Array.prototype.forEach.call(document.querySelectorAll(".panel-export"), function (span) {
    var id = span.getAttribute("data-figure"), svg = document.getElementById(id), select = span.querySelector("select");
    if (!svg) { span.parentNode.removeChild(span); return; }
    Array.prototype.forEach.call(svg.querySelectorAll("g.panel-box"), function (box) {
      var o = document.createElement("option");
      o.value = box.getAttribute("data-panel");
      o.textContent = box.getAttribute("data-name") || "panel " + (Number(o.value) + 1);
      select.appendChild(o);
      box.addEventListener("click", function () { select.value = o.value; });
    });
    Array.prototype.forEach.call(span.querySelectorAll("button[data-format]"), function (button) {
      button.addEventListener("click", function () {
        var format = button.getAttribute("data-format");
        exportPanel(id, select.value, format).then(function (blob) { download(blob, id + "-panel-" + (Number(select.value) + 1) + "." + format); },
          function (e) { console.error(e.message); });
      });
    });
  });
  window.initlabReport = { exportPanel: exportPanel, choose: choose };

  // The interactive curves: uPlot charts of the scenario chosen, zoom and pan, smoothing, drill-down.
  var explorerData = document.getElementById("explorer-data");
  if (explorerData && window.uPlot) window.initlabReport.explorer = explorer(JSON.parse(explorerData.textContent));

  function explorer(data) {
    var root = document.getElementById("explorer"), chartsEl = document.getElementById("explorer-charts");
    var legendEl = document.getElementById("explorer-legend"), drillEl = document.getElementById("explorer-drill");
    var select = document.getElementById("explorer-scenario"), slider = document.getElementById("explorer-smoothing");
    var state = { scenario: 0, accuracy: "error", smoothing: Number(slider.value), hidden: {}, charts: [], drill: [], drillMember: null };
    data.scenarios.forEach(function (s, i) {
      var o = document.createElement("option");
      o.value = String(i); o.textContent = s.title; select.appendChild(o);
    });
    var SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    function pow10(e) { return "10" + (e < 0 ? "⁻" : "") + String(Math.abs(e)).split("").map(function (d) { return SUP[+d]; }).join(""); }
    function plain(v) { return v === null || v === undefined ? "" : v === 0 ? "0" : Number(v.toPrecision(4)).toString().replace("-", "−"); }
    // one number style per axis: plain numbers between 0.01 and 1000, else powers of ten
    function logValues(u, splits) {
      var min = u.scales.y.min, max = u.scales.y.max, asPlain = min >= 0.01 && max <= 1000;
      return splits.map(function (v) {
        if (v === null || !(v > 0)) return "";
        var e = Math.floor(Math.log10(v) + 1e-9), mantissa = v / Math.pow(10, e), decade = Math.abs(mantissa - 1) < 1e-6;
        var nice = decade || Math.abs(mantissa - 2) < 1e-6 || Math.abs(mantissa - 5) < 1e-6;
        return asPlain ? (nice && (decade || max / min < 1000) ? plain(v) : "") : (decade ? pow10(e) : "");
      });
    }
    function smooth(y, alpha) {
      // exponential moving average with bias correction (as TensorBoard's), skipping missing values
      var out = new Array(y.length), acc = 0, weight = 0;
      for (var i = 0; i < y.length; i++) {
        if (y[i] === null) { out[i] = null; continue; }
        acc = alpha * acc + (1 - alpha) * y[i]; weight = alpha * weight + (1 - alpha);
        out[i] = acc / weight;
      }
      return out;
    }
    function rgba(hex, a) {
      var v = parseInt(hex.slice(1), 16);
      return "rgba(" + (v >> 16 & 255) + "," + (v >> 8 & 255) + "," + (v & 255) + "," + a + ")";
    }
    // the range of a log chart: its values, but at most three decades from their median (a diverging run does not stretch it),
    // its ends rounded outward to one significant digit: uPlot's log ticks step from the lower end, and an end that is not such
    // a round number makes its tick loop run forever or throw a RangeError (as live.js's logRange)
    function robustLog(values) {
      var v = values.filter(function (x) { return x !== null && x > 0 && isFinite(x); }).sort(function (a, b) { return a - b; });
      if (!v.length) return [0.01, 10];
      var med = v[Math.floor(v.length / 2)], lo = v[0], hi = v[v.length - 1];
      return roundLogRange(Math.max(lo, med / 1000) / 1.15, Math.min(hi, med * 1000) * 1.15);
    }
    function roundLogRange(lo, hi) {
      var dl = Math.pow(10, Math.floor(Math.log10(lo))), dh = Math.pow(10, Math.floor(Math.log10(hi)));
      var a = Math.max(1e-300, Number((Math.floor(lo / dl) * dl).toPrecision(1))), b = Number((Math.ceil(hi / dh) * dh).toPrecision(1));
      return [a, b > a ? b : Number((a * 10).toPrecision(1))];
    }
    function linear(values) {
      var v = values.filter(function (x) { return x !== null && isFinite(x); });
      if (!v.length) return [0, 1];
      var lo = Math.min.apply(null, v), hi = Math.max.apply(null, v), pad = (hi - lo) * 0.05 || 1;
      return [lo - pad, hi + pad];
    }
    function metricOf(s, which) {
      if (which !== "accuracy-view") return which;
      if (state.accuracy === "difference" && s.members[0].curves.difference) return "difference";
      return "accuracy";
    }
    function transform(which, v) {
      if (v === null) return null;
      if (which === "accuracy-view") {
        if (state.accuracy === "error") return 100 - 100 * v;
        if (state.accuracy === "accuracy") return 100 * v;
      }
      return v;
    }
    function chartTitle(s, which) {
      if (which === "steps") return "training loss, per minibatch (smoothed)";
      if (which === "accuracy-view") {
        var what = s.accuracy.replace(" accuracy", "");
        if (state.accuracy === "error") return what + " error (%), log axis";
        if (state.accuracy === "accuracy") return what + " accuracy (%)";
        return s.best !== null ? what + " accuracy − " + s.best + "'s (points, paired by seed)" : what + " accuracy (%)";
      }
      return which.replace("_", " ").replace("train ", "training ") + " per epoch, log axis";
    }
    function isLog(which) { return which !== "accuracy-view" || state.accuracy === "error"; }

    // Zoom: drag (uPlot's own selection), the wheel, Shift-drag to pan; all charts of a group share x.
    function zoomable(u, group) {
      u.over.addEventListener("wheel", function (e) {
        e.preventDefault();
        var x = u.posToVal(e.offsetX, "x"), min = u.scales.x.min, max = u.scales.x.max, f = e.deltaY < 0 ? 0.8 : 1.25;
        setX(group, x - (x - min) * f, x + (max - x) * f);
      }, { passive: false });
      u.root.addEventListener("mousedown", function (e) {
        if (!e.shiftKey || !u.over.contains(e.target)) return;
        e.stopPropagation(); e.preventDefault();
        var x0 = e.clientX, min = u.scales.x.min, max = u.scales.x.max, per = (max - min) / u.over.clientWidth;
        function move(m) { var d = (x0 - m.clientX) * per; setX(group, min + d, max + d); }
        function up() { document.removeEventListener("mousemove", move); document.removeEventListener("mouseup", up); }
        document.addEventListener("mousemove", move); document.addEventListener("mouseup", up);
      }, true);
    }
    var syncing = false;
    function setX(group, min, max) {
      if (syncing) return;
      syncing = true;
      group.forEach(function (c) { c.setScale("x", { min: min, max: max }); });
      syncing = false;
    }
    function syncHook(group) {
      return function (u, key) {
        if (key !== "x" || syncing) return;
        syncing = true;
        group.forEach(function (c) { if (c !== u) c.setScale("x", { min: u.scales.x.min, max: u.scales.x.max }); });
        syncing = false;
      };
    }
    function readout(el, u, label) {
      return function () {
        var i = u.cursor.idx;
        if (i === null || i === undefined) { el.textContent = "\u00a0"; return; }
        var parts = [label(u.data[0][i])];
        u.series.forEach(function (s, k) {
          if (k === 0 || !s.show || !s.readout) return;
          var v = u.data[k][i];
          // n: the seeds behind this mean, given where fewer than the configuration's
          var n = s.nAt ? s.nAt[i] : null;
          if (v !== null && v !== undefined) parts.push(s.label + " " + plain(v) + (n !== null && n !== undefined && n < s.total ? " (n = " + n + " of " + s.total + ")" : ""));
        });
        (u.initlabMarks || []).forEach(function (m) { if (m.epoch !== undefined && Math.abs(m.x - u.data[0][i]) < 1e-9) parts.push("✕ " + m.text); });
        el.textContent = parts.join(" · ");
      };
    }
    function makeChart(host, title, xs, series, opts) {
      var box = document.createElement("div");
      box.className = "explorer-chart";
      var h = document.createElement("div"); h.className = "explorer-title"; h.textContent = title; box.appendChild(h);
      var plotEl = document.createElement("div"); box.appendChild(plotEl);
      var out = document.createElement("div"); out.className = "explorer-readout"; out.textContent = "\u00a0"; box.appendChild(out);
      host.appendChild(box);
      var width = Math.max(280, Math.floor(host.clientWidth / opts.columns) - 16);
      // the box as wide as its chart: a long readout wraps instead of widening it (which would push the next chart to a new row)
      box.style.width = width + "px";
      var o = {
        width: width, height: opts.height || 240, legend: { show: false },
        cursor: { sync: { key: opts.sync }, drag: { x: true, y: false, setScale: true } },
        scales: { x: { time: false }, y: opts.log ? { distr: 3, range: function () { return opts.yRange; } } : { range: function () { return opts.yRange; } } },
        axes: [{ label: opts.xLabel, labelSize: 18, size: 36, font: "11px DejaVu Sans, sans-serif", labelFont: "11px DejaVu Sans, sans-serif",
                 values: opts.xValues },
               { size: 52, font: "11px DejaVu Sans, sans-serif", values: opts.log ? logValues : function (u, v) { return v.map(plain); } }],
        series: [{}].concat(series), bands: opts.bands || [],
        hooks: { setScale: [opts.onScale || function () {}], setCursor: [], draw: [drawMarks] }
      };
      if (opts.xDistr) o.scales.x.distr = opts.xDistr;
      if (opts.xAsinh) o.scales.x.asinh = opts.xAsinh;
      var u = new uPlot(o, [xs].concat(opts.columnsData), plotEl);
      u.initlabMarks = opts.marks || [];
      u.redraw(false, false);
      u.hooks.setCursor = u.hooks.setCursor || [];
      u.hooks.setCursor.push(readout(out, u, opts.xText || function (x) { return "epoch " + plain(x); }));
      u.over.addEventListener("click", function (e) { if (opts.onPick && !e.shiftKey) opts.onPick(u, e); });
      return u;
    }
    // where seeds diverged: a dashed vertical line in the member's colour, with ✕ at its top
    function drawMarks(u) {
      var ctx = u.ctx, marks = u.initlabMarks || [];
      marks.forEach(function (m) {
        if (m.hidden && m.hidden()) return;
        var x = u.valToPos(m.x, "x", true);
        if (!(x >= u.bbox.left - 1 && x <= u.bbox.left + u.bbox.width + 1)) return;
        var top = u.bbox.top, bottom = u.bbox.top + u.bbox.height, r = 4 * devicePixelRatio;
        ctx.save();
        ctx.strokeStyle = m.colour; ctx.lineWidth = 1.2 * devicePixelRatio;
        ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
        ctx.beginPath(); ctx.moveTo(x, top + 2 * r); ctx.lineTo(x, bottom); ctx.stroke();
        ctx.setLineDash([]); ctx.lineWidth = 1.8 * devicePixelRatio;
        ctx.beginPath(); ctx.moveTo(x - r, top + r - r); ctx.lineTo(x + r, top + r + r); ctx.moveTo(x - r, top + r + r); ctx.lineTo(x + r, top + r - r); ctx.stroke();
        ctx.restore();
      });
    }
    function marksOf(s, progress) {
      var out = [];
      s.members.forEach(function (m) {
        (m.divergences || []).forEach(function (d) {
          out.push({ x: progress ? d.progress : d.epoch, epoch: progress ? undefined : d.epoch, colour: m.colour, text: m.level + ": " + d.text,
                     hidden: function () { return state.hidden[m.level] === true; } });
        });
      });
      return out;
    }
    function lineSeries(m, label, k, readable) {
      return { label: label, stroke: m.colour, width: 2, dash: m.dash.length ? m.dash : undefined, spanGaps: false, readout: readable !== false,
               points: { show: true, size: 6, fill: m.colour }, member: k };
    }
    // the member whose line is nearest the click (within 24 px), for the drill-down
    function pick(u, e) {
      var i = u.cursor.idx, best = null, dist = 24;
      if (i === null || i === undefined) return;
      u.series.forEach(function (s, k) {
        if (k === 0 || !s.show || s.member === undefined || !s.readout) return;
        var v = u.data[k][i];
        if (v === null || v === undefined) return;
        var d = Math.abs(u.valToPos(v, "y") - e.offsetY);
        if (d < dist) { dist = d; best = s.member; }
      });
      if (best !== null) openDrill(best);
    }

    function destroy(list) { list.forEach(function (u) { u.destroy(); }); list.length = 0; }
    function render() {
      destroy(state.charts);
      chartsEl.textContent = "";
      var s = data.scenarios[state.scenario];
      legend(s);
      var group = state.charts;
      ["steps", "validation_loss", "test_loss", "accuracy-view"].forEach(function (which) {
        var series = [], columns = [], bands = [], values = [], xs;
        if (which === "steps") {
          var tables = [], stepCounts = [];
          s.members.forEach(function (m, k) {
            var seeds = m.steps.seeds.map(function (sd) { return smooth(sd.y, state.smoothing); });
            var x = m.steps.seeds.reduce(function (a, b) { return a.x.length >= b.x.length ? a : b; }).x;
            var counts = [];
            var mean = x.map(function (_, i) {
              var sum = 0, n = 0;
              seeds.forEach(function (y) { if (y[i] !== null && y[i] !== undefined) { sum += y[i]; n++; } });
              counts.push(n);
              return n ? sum / n : null;
            });
            tables.push([x, mean]);
            stepCounts.push({ x: x, n: counts });
            var ls = lineSeries(m, m.level, k); ls.points = { show: false }; ls.spanGaps = true; ls.width = 1.6;
            ls.total = m.seeds.length;
            ls.show = !state.hidden[m.level];
            series.push(ls);
            values = values.concat(mean);
          });
          var joined = uPlot.join(tables);
          xs = joined[0]; columns = joined.slice(1);
          // each member's n at the joined x values
          stepCounts.forEach(function (sc, k) {
            var at = {};
            sc.x.forEach(function (x, i) { at[x] = sc.n[i]; });
            series[k].nAt = xs.map(function (x) { return at[x] === undefined ? null : at[x]; });
          });
        } else {
          var metric = metricOf(s, which);
          xs = s.members[0].curves[metric] ? s.members[0].curves[metric].x : [0];
          s.members.forEach(function (m) { var c = m.curves[metric]; if (c && c.x.length > xs.length) xs = c.x; });
          s.members.forEach(function (m, k) {
            var c = m.curves[metric];
            var at = function (arr) { return xs.map(function (x) { var i = c ? c.x.indexOf(x) : -1; return i < 0 ? null : transform(which, arr[i]); }); };
            var mean = at(c ? c.m : []), lo = at(c ? c.l : []), hi = at(c ? c.h : []);
            var ns = xs.map(function (x) { var i = c && c.n ? c.x.indexOf(x) : -1; return i < 0 ? null : c.n[i]; });
            if (which === "accuracy-view" && state.accuracy === "error") { var t = lo; lo = hi; hi = t; }
            var show = !state.hidden[m.level];
            var base = series.length + 1;
            var ls = lineSeries(m, m.level, k); ls.show = show; ls.nAt = ns; ls.total = m.seeds.length;
            series.push(ls, { label: m.level + " low", stroke: "transparent", width: 0, points: { show: false }, show: show, member: k },
                        { label: m.level + " high", stroke: "transparent", width: 0, points: { show: false }, show: show, member: k });
            columns.push(mean, lo, hi);
            bands.push({ series: [base + 2, base + 1], fill: rgba(m.colour, 0.14) });
            values = values.concat(mean);
          });
        }
        var log = which === "steps" || isLog(which);
        var range = log ? robustLog(values) : linear(values);
        // an error is at most 100%: the axis does not go past it
        if (which === "accuracy-view" && state.accuracy === "error") range = [range[0], Math.min(range[1], 100)];
        var u = makeChart(chartsEl, chartTitle(s, which), xs, series, {
          columns: 2, sync: "explorer", log: log, yRange: range, columnsData: columns, bands: bands, xLabel: "epoch",
          onScale: syncHook(group), onPick: pick, marks: marksOf(s, which === "steps") });
        u.initlabKind = which;
        zoomable(u, group);
        group.push(u);
      });
      if (state.drillMember !== null) openDrill(state.drillMember);
    }
    function legend(s) {
      legendEl.textContent = "";
      s.members.forEach(function (m, k) {
        var item = document.createElement("span");
        item.className = "explorer-key";
        var box = document.createElement("input");
        box.type = "checkbox"; box.checked = !state.hidden[m.level]; box.setAttribute("aria-label", "show " + m.level);
        box.addEventListener("change", function () {
          state.hidden[m.level] = !box.checked;
          state.charts.forEach(function (u) { u.series.forEach(function (sr, i) { if (i > 0 && sr.member === k) u.setSeries(i, { show: box.checked }); }); u.redraw(false, false); });
        });
        var sw = document.createElement("span"); sw.className = "swatch"; sw.style.background = m.colour;
        var name = document.createElement("button");
        name.type = "button"; name.className = "explorer-open"; name.textContent = m.level + (m.diverged.indexOf(true) >= 0 ? " (diverged)" : "");
        name.title = "show " + m.level + "'s seeds and layers";
        name.addEventListener("click", function () { openDrill(k); });
        item.appendChild(box); item.appendChild(sw); item.appendChild(name);
        legendEl.appendChild(item);
      });
    }

    // Drill-down: one configuration's seeds, and its layers' histograms at every epoch.
    var VIRIDIS = ["#440154", "#472d7b", "#3b528b", "#2c728e", "#21918c", "#28ae80", "#5ec962", "#addc30"];
    var SEED_DASH = [[], [7, 3], [2, 2.5], [9, 3, 2, 3], [4, 2, 1, 2, 1, 2]];
    function openDrill(k) {
      destroy(state.drill);
      state.drillMember = k;
      var s = data.scenarios[state.scenario], m = s.members[k];
      drillEl.hidden = false;
      drillEl.textContent = "";
      var head = document.createElement("div"); head.className = "drill-head";
      var h = document.createElement("h4");
      var diverged = m.seeds.filter(function (_, i) { return m.diverged[i]; });
      h.textContent = m.level + " — " + s.title + ": " + m.seeds.length + " seeds" + (diverged.length ? " (" + (m.divergences || []).map(function (d) { return d.text; }).join("; ") + ")" : "");
      var close = document.createElement("button"); close.type = "button"; close.textContent = "Close";
      close.addEventListener("click", function () { destroy(state.drill); drillEl.hidden = true; state.drillMember = null; });
      head.appendChild(h); head.appendChild(close); drillEl.appendChild(head);
      var seedsEl = document.createElement("div"); seedsEl.className = "explorer-charts"; drillEl.appendChild(seedsEl);
      var group = state.drill;
      // per epoch with points (a split measured only at the end is a point, not a line); minibatches as lines
      var seedSeries = function (points) {
        return m.seeds.map(function (sd, i) {
          return { label: "seed " + sd, stroke: m.colour, width: 1.6, dash: SEED_DASH[i % SEED_DASH.length], spanGaps: false, readout: true,
                   points: points ? { show: true, size: 5, fill: m.colour } : { show: false } };
        });
      };
      // accuracy as the explorer shows it: error on a log axis, else accuracy (a difference from the best is not a seed's own curve)
      var asError = state.accuracy === "error";
      var accuracyTitle = asError ? s.accuracy.replace(" accuracy", "") + " error, each seed (%), log axis" : s.accuracy + ", each seed (%)";
      [["steps", "training loss per minibatch, each seed (smoothed)"], ["validation_loss", "validation loss, each seed"],
       ["test_loss", "test loss, each seed"], ["accuracy", accuracyTitle]].forEach(function (c) {
        var xs, cols, values = [];
        if (c[0] === "steps") {
          var joined = uPlot.join(m.steps.seeds.map(function (sd) { return [sd.x, smooth(sd.y, state.smoothing)]; }));
          xs = joined[0]; cols = joined.slice(1);
        } else {
          var cv = m.curves[c[0]];
          xs = cv.x;
          cols = cv.seeds.map(function (v) {
            return v.map(function (x) { return x === null ? null : c[0] !== "accuracy" ? x : asError ? 100 - 100 * x : 100 * x; });
          });
        }
        cols.forEach(function (v) { values = values.concat(v); });
        var log = c[0] !== "accuracy" || asError;
        var marks = (m.divergences || []).map(function (d) {
          return { x: c[0] === "steps" ? d.progress : d.epoch, epoch: c[0] === "steps" ? undefined : d.epoch, colour: m.colour, text: d.text };
        });
        var range = log ? robustLog(values) : linear(values);
        if (c[0] === "accuracy" && asError) range = [range[0], Math.min(range[1], 100)];
        var u = makeChart(seedsEl, c[1], xs, seedSeries(c[0] !== "steps"), { columns: 4, height: 200, sync: "drill", log: log,
          yRange: range, columnsData: cols, xLabel: "epoch", onScale: syncHook(group), marks: marks });
        zoomable(u, group);
        group.push(u);
      });
      var controls = document.createElement("div"); controls.className = "explorer-controls";
      controls.innerHTML = "";
      var kindSel = document.createElement("select"), axisSel = document.createElement("select");
      [["weights", "weights"], ["activations", "activations on the probe batch"]].forEach(function (o) { kindSel.add(new Option(o[1], o[0])); });
      [["linear", "linear axis, density (share ÷ bin width)"], ["asinh", "asinh axis, share per bin"]].forEach(function (o) { axisSel.add(new Option(o[1], o[0])); });
      kindSel.className = "drill-kind"; axisSel.className = "drill-axis";
      var l1 = document.createElement("label"); l1.textContent = "Histograms of "; l1.appendChild(kindSel);
      var l2 = document.createElement("label"); l2.textContent = " on a "; l2.appendChild(axisSel);
      var note = document.createElement("span"); note.className = "note";
      controls.appendChild(l1); controls.appendChild(l2); controls.appendChild(note);
      drillEl.appendChild(controls);
      var layersEl = document.createElement("div"); layersEl.className = "explorer-charts"; drillEl.appendChild(layersEl);
      var layerCharts = [];
      function drawLayers() {
        destroy(layerCharts);
        layersEl.textContent = "";
        var kind = kindSel.value, asinh = axisSel.value === "asinh", epochs = null;
        m.layers.forEach(function (layer) {
          var hst = layer[kind];
          if (!hst) return;
          epochs = hst.epochs;
          var e = hst.edges, centre = [];
          for (var i = 0; i < e.length; i++) centre.push(e[i]);
          var cols = [], values = [];
          hst.shares.forEach(function (sh) {
            var y = sh.map(function (v, i) { return asinh ? 100 * v : v / (e[i + 1] - e[i]); });
            // the spike of a rectifier's exact zeros does not set the axis
            y.forEach(function (v, i) { if (!(e[i] <= 0 && e[i + 1] > 0)) values.push(v); });
            y.push(y[y.length - 1]);
            cols.push(y);
          });
          var series = hst.epochs.map(function (ep, i) {
            return { label: "epoch " + ep, stroke: VIRIDIS[Math.round(i * (VIRIDIS.length - 1) / Math.max(1, hst.epochs.length - 1))], width: 1.4,
                     paths: uPlot.paths.stepped({ align: 1 }), points: { show: false }, readout: true };
          });
          var top = values.length ? Math.max.apply(null, values) * 1.08 : 1;
          var u = makeChart(layersEl, layer.name + " — " + kind, centre, series, {
            columns: Math.min(4, m.layers.length), height: 190, sync: "layers", log: false, yRange: [0, top || 1], columnsData: cols,
            xLabel: kind === "weights" ? "weight" : "activation", xDistr: asinh ? 4 : 1, xAsinh: asinh ? data.histogramBase : undefined,
            xText: function (x) { return "from " + plain(x); } });
          layerCharts.push(u);
        });
        note.textContent = " Seeds summed; a line per epoch, " + (epochs ? "epoch " + epochs[0] + " (dark) to " + epochs[epochs.length - 1] + " (light)" : "")
          + (asinh ? "; asinh(x/" + data.histogramBase + "): linear near 0, logarithmic beyond." : "; heights are densities on the stored bins (narrow near 0, 10% of |x| wide far out).");
      }
      kindSel.addEventListener("change", drawLayers);
      axisSel.addEventListener("change", drawLayers);
      drawLayers();
      state.drillLayers = layerCharts;
    }

    select.addEventListener("change", function () { state.scenario = Number(select.value); state.drillMember = null; destroy(state.drill); drillEl.hidden = true; render(); });
    slider.addEventListener("input", function () {
      state.smoothing = Number(slider.value);
      document.getElementById("explorer-smoothing-value").textContent = state.smoothing.toFixed(2);
      render();
    });
    document.getElementById("explorer-reset").addEventListener("click", function () {
      state.charts.concat(state.drill).forEach(function (u) {
        var x = u.data[0];
        u.setScale("x", { min: x[0], max: x[x.length - 1] });
      });
    });
    choiceListeners.push(function (choice, option) { if (choice === "accuracy") { state.accuracy = option; render(); } });
    render();
    return state;
  }

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
