// initlab's live view. The server pushes the study's changes as Server-Sent Events (api/events:
// a snapshot, then "run" and "study" events as its folder changes); the page fetches a run's new
// epoch records when an event says it has some (api/runs/ID?from=E), never on a timer. The study
// at #, a run at #run/ID. Everything from the study is set as text, never as markup. Charts by
// uPlot (vendored with the report); histograms and heat maps drawn on canvases.
(function () {
  "use strict";
  var COLOURS = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#444444", "#8c564b", "#9467bd", "#bcbd22"];
  var VIRIDIS = [[68, 1, 84], [71, 45, 123], [59, 82, 139], [44, 114, 142], [33, 145, 140], [40, 174, 128], [94, 201, 98], [173, 220, 48], [253, 231, 37]];
  var MAX_SHOWN = 10, MAX_ROWS = 400, FONT = "11px DejaVu Sans, Verdana, sans-serif";
  var state = { summary: null, runs: {}, order: [], data: {}, shown: [], colour: {}, nextColour: 0, latest: null, latestPinned: false,
                latestData: null, histo: null, view: null };
  var charts = { running: [], latest: [], run: [] };
  var live = window.initlabLive = { state: state, charts: charts, events: 0, fetches: 0 };

  // ---------- small helpers
  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function fmt(v) {
    if (v === null || v === undefined || !isFinite(v)) return "—";
    if (v === 0) return "0";
    var a = Math.abs(v);
    return (a >= 1e5 || a < 1e-3 ? v.toExponential(2) : Number(v.toPrecision(4)).toString()).replace("-", "−");
  }
  // an axis label: short (a power of ten as 1e−4)
  function tickFmt(v) {
    if (v === null || v === undefined) return "";
    var a = Math.abs(v);
    return a !== 0 && (a < 1e-3 || a >= 1e5) ? v.toExponential(0).replace("-", "−").replace("e+", "e") : fmt(v);
  }
  // a log axis labels 1, 2 and 5 × 10ᵏ only
  function logTick(v) {
    if (!(v > 0)) return "";
    var m = v / Math.pow(10, Math.floor(Math.log10(v) + 1e-9));
    return [1, 2, 5].some(function (k) { return Math.abs(m - k) < 1e-6; }) ? tickFmt(v) : "";
  }
  function pct(v) { return v === null || v === undefined ? "—" : (100 * v).toFixed(2) + "%"; }
  function duration(s) {
    if (s === null || s === undefined) return "—";
    s = Math.round(s);
    if (s < 60) return s + " s";
    if (s < 3600) return Math.floor(s / 60) + "m " + String(s % 60).padStart(2, "0") + "s";
    return Math.floor(s / 3600) + "h " + String(Math.floor(s % 3600 / 60)).padStart(2, "0") + "m";
  }
  function keys() { return state.summary ? state.summary.keys : []; }
  function describe(r) {
    var parts = keys().map(function (k) { var v = r.labels[k]; return v === undefined ? null : (k === "seed" ? "seed " + v : v); })
      .filter(function (x) { return x !== null; });
    return parts.length ? parts.join(" · ") : r.id;
  }
  function colourOf(id) {
    if (!state.colour[id]) state.colour[id] = COLOURS[state.nextColour++ % COLOURS.length];
    return state.colour[id];
  }
  var inFlight = 0;
  function getJson(url) {
    live.fetches++;
    inFlight++;
    return fetch(url, { credentials: "same-origin", cache: "no-store" }).then(function (r) {
      if (!r.ok) throw new Error(url + ": HTTP " + r.status);
      return r.json();
    }).finally(function () { inFlight--; });
  }
  var pending = {};
  // runs a drawing once for a burst of events
  function later(name, fn) {
    if (pending[name]) return;
    pending[name] = setTimeout(function () { pending[name] = null; fn(); }, 60);
  }
  // nothing fetched or drawn is outstanding: the page shows what the last event said (for tests)
  live.settled = function () {
    return inFlight === 0 && Object.keys(pending).every(function (k) { return !pending[k]; });
  };
  function positive(v) { return v !== null && v !== undefined && v > 0 && isFinite(v) ? v : null; }
  function finite(v) { return v !== null && v !== undefined && isFinite(v) ? v : null; }

  // ---------- a run's epoch records, fetched as events announce them
  // data[id] = {epochs: [...], elapsed: [...], histograms: bool, info: {...}, loading: bool, again: bool}
  function lastEpoch(d) { return d && d.epochs.length ? d.epochs[d.epochs.length - 1].epoch : -1; }
  function ensure(id, histograms, then) {
    var d = state.data[id], r = state.runs[id];
    if (d && histograms && !d.histograms) { d = null; }
    if (d && r && r.epoch !== null && r.epoch < lastEpoch(d)) d = null; // trained again from the start
    if (!d) d = state.data[id] = { epochs: [], elapsed: [], histograms: !!histograms, info: null, loading: false, again: false, waiting: [] };
    if (then) d.waiting.push(then);
    var want = r && r.epoch !== null ? r.epoch : -1;
    if (d.info && lastEpoch(d) >= want && d.infoStatus === (r && r.status)) { flush(d); return; }
    if (d.loading) { d.again = true; return; }
    d.loading = true;
    var from = lastEpoch(d) + 1;
    getJson("api/runs/" + encodeURIComponent(id) + "?from=" + from + (d.histograms ? "" : "&histograms=0")).then(function (j) {
      if (state.data[id] !== d) return;
      j.epochs.forEach(function (e, i) {
        if (e.epoch > lastEpoch(d)) { d.epochs.push(e); d.elapsed.push(j.elapsed[i]); }
      });
      d.info = j;
      d.infoStatus = j.state.status;
      state.histo = j.histogram;
    }).catch(function (err) { if (window.console) console.warn(String(err)); })
      .then(function () {
        d.loading = false;
        if (d.again) { d.again = false; ensure(id, d.histograms); } else flush(d);
      });
  }
  function flush(d) {
    var w = d.waiting; d.waiting = [];
    w.forEach(function (f) { f(); });
  }

  // ---------- events
  function applySnapshot(s) {
    state.summary = s.summary;
    state.runs = {}; state.order = [];
    s.runs.forEach(function (r) { state.runs[r.id] = r; state.order.push(r.id); });
    state.shown = state.shown.filter(function (id) { return state.runs[id]; });
    Object.keys(state.data).forEach(function (id) { if (!state.runs[id]) delete state.data[id]; });
    s.runs.forEach(function (r) { if (r.status === "running" || r.status === "stalled") show(r.id); });
    if (!state.shown.length) {
      // nothing in training: the runs that finished last
      s.runs.filter(function (r) { return r.status === "done"; }).sort(function (a, b) { return b.updated - a.updated; })
        .slice(0, 6).forEach(function (r) { show(r.id); });
    }
    renderSummary();
    refreshAll();
  }
  function applyRun(r) {
    var before = state.runs[r.id];
    if (!before) state.order.push(r.id);
    state.runs[r.id] = r;
    // in training, or ended since the page opened (also between two events: a short run)
    if (r.status === "running" || (r.status === "done" && before && before.status !== "done")) show(r.id);
    if (state.shown.indexOf(r.id) >= 0) ensure(r.id, false, function () { later("running", renderRunning); });
    if (!state.latestPinned || state.latest === r.id) later("latest", chooseLatest);
    later("table", renderTable);
    if (state.view && (state.view === r.id || siblingsOf(state.view).indexOf(r.id) >= 0)) later("run", renderRunView);
  }
  // runs in training join the charts; finished ones stay until newer ones need their place
  function show(id) {
    if (state.shown.indexOf(id) >= 0) return;
    state.shown.push(id);
    while (state.shown.length > MAX_SHOWN) {
      var drop = state.shown.findIndex(function (x) { var s = state.runs[x] && state.runs[x].status; return s !== "running"; });
      state.shown.splice(drop < 0 ? 0 : drop, 1);
    }
    later("running-layout", function () { destroy(charts.running); renderRunning(); });
  }
  function refreshAll() {
    state.shown.forEach(function (id) { ensure(id, false, function () { later("running", renderRunning); }); });
    destroy(charts.running);
    renderRunning();
    chooseLatest();
    renderTable();
    route();
  }

  // ---------- the header: name, progress, ETA, the report
  function renderSummary() {
    var s = state.summary;
    if (!s) return;
    $("study-name").textContent = s.name || "(no study yet)";
    document.title = (s.name || "study") + " — initlab live";
    $("study-description").textContent = s.description || "";
    var c = s.counts, total = s.total || 0;
    function w(n) { return total ? (100 * n / total) + "%" : "0"; }
    $("bar-done").style.width = w(c.done);
    $("bar-running").style.width = w(c.running);
    $("bar-failed").style.width = w(c.failed + c.broken);
    var counts = $("counts");
    counts.textContent = "";
    function part(n, text) { var b = el("b", null, n); counts.appendChild(b); counts.appendChild(document.createTextNode(" " + text)); }
    part(c.done, "of " + total + " runs done");
    counts.appendChild(document.createTextNode(" · "));
    part(c.running, "training");
    counts.appendChild(document.createTextNode(" · "));
    part(c.todo + c.stalled + c.failed + c.broken, "to do");
    if (c.stalled) counts.appendChild(document.createTextNode(" (" + c.stalled + " stalled)"));
    if (c.failed) counts.appendChild(document.createTextNode(" (" + c.failed + " failed)"));
    if (s.diverged) counts.appendChild(document.createTextNode(" · " + s.diverged + " diverged"));
    if (!s.finished) {
      counts.appendChild(document.createTextNode(" · ETA "));
      // 0 s left: the runs in training are past the time they were on course for (or their process stopped)
      counts.appendChild(el("b", null, s.eta === null ? "—" : s.eta < 1 ? "any moment" : duration(s.eta)));
      if (s.etaBasis) counts.appendChild(el("span", "note", " (" + s.etaBasis + ")"));
    }
    var p = $("problem");
    p.hidden = !s.problem;
    p.textContent = s.problem || "";
    var rep = $("report");
    rep.textContent = "";
    rep.hidden = !s.report;
    rep.className = "report" + (s.finished ? " finished" : "");
    if (s.report) {
      rep.appendChild(document.createTextNode(s.finished ? "The study is finished. " : "A report of the runs finished so far is written. "));
      var a = el("a", null, "Open the report");
      a.href = s.report.href; a.target = "_blank"; a.rel = "noopener";
      rep.appendChild(a);
      rep.appendChild(el("span", "note", " (written " + new Date(s.report.written).toLocaleString() + ")"));
    }
  }

  // ---------- charts
  function destroy(list) { list.forEach(function (u) { u.destroy(); }); list.length = 0; }
  function chart(host, title, columns, series, opts) {
    var box = el("div", "chart");
    box.appendChild(el("div", "chart-title", title));
    var plot = el("div");
    box.appendChild(plot);
    host.appendChild(box);
    var width = Math.max(280, Math.floor((host.clientWidth || 1200) / (opts.perRow || 2)) - 18);
    if (!columns[0].length) {
      plot.appendChild(el("div", "chart-empty", opts.empty || "no points yet"));
      plot.firstChild.style.width = width + "px";
      return null;
    }
    var o = {
      width: width, height: opts.height || 220,
      legend: { show: false }, cursor: { drag: { x: true, y: false } },
      scales: { x: { time: false }, y: opts.log ? { distr: 3 } : {} },
      axes: [{ label: opts.xLabel, labelSize: 16, size: 34, font: FONT, labelFont: FONT },
             { size: 54, font: FONT, values: function (u, v) { return v.map(opts.log ? logTick : tickFmt); } }],
      series: [{ label: opts.xLabel }].concat(series)
    };
    if (opts.yRange) o.scales.y.range = function () { return opts.yRange; };
    else if (opts.log) o.scales.y.range = logRange;
    // epochs and layers are whole numbers: ticks only there
    if (opts.xLabel === "epoch" || opts.xLabel === "layer") o.axes[0].incrs = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];
    var u = new uPlot(o, columns, plot);
    u.initlabTitle = title;
    return u;
  }
  // a log axis around the data, spanning at least a factor of 3 (so that it has a few labelled ticks), not stretched to whole
  // decades; its ends one significant digit round (uPlot's log ticks step from the axis's lower end, which must be such a number)
  function logRange(u, min, max) {
    if (!(min > 0) || !(max > 0) || !isFinite(min) || !isFinite(max)) return [0.1, 10];
    var span = Math.max(Math.log(max / min), Math.log(3)), mid = (Math.log(max) + Math.log(min)) / 2;
    var lo = Math.exp(mid - span / 2) / 1.05, hi = Math.exp(mid + span / 2) * 1.05;
    var dl = Math.pow(10, Math.floor(Math.log10(lo))), dh = Math.pow(10, Math.floor(Math.log10(hi)));
    return [Math.max(1e-300, Number((Math.floor(lo / dl) * dl).toPrecision(1))), Number((Math.ceil(hi / dh) * dh).toPrecision(1))];
  }
  function line(label, colour, extra) {
    var s = { label: label, stroke: colour, width: 1.8, spanGaps: true, points: { show: true, size: 5, fill: colour } };
    if (extra) Object.keys(extra).forEach(function (k) { s[k] = extra[k]; });
    return s;
  }
  // [[x...], [y of series 1...], ...] from per-series (x, y) lists
  function joined(tables) {
    if (!tables.length) return [[]];
    var nonEmpty = tables.filter(function (t) { return t[0].length; });
    if (!nonEmpty.length) return [[]].concat(tables.map(function () { return []; }));
    return uPlot.join(tables.map(function (t) { return t[0].length ? t : [[nonEmpty[0][0][0]], [null]]; }));
  }
  function perEpoch(d, pick) {
    var x = [], y = [];
    (d ? d.epochs : []).forEach(function (e) { var v = pick(e); if (v !== null) { x.push(e.epoch); y.push(v); } });
    return [x, y];
  }
  function minibatch(d) {
    var x = [], y = [];
    (d ? d.epochs : []).forEach(function (e) {
      var st = e.values && e.values.minibatch_loss_step, lo = e.values && e.values.minibatch_loss;
      if (!st || !lo) return;
      for (var i = 0; i < st.length; i++) { x.push(st[i]); y.push(positive(lo[i])); }
    });
    return [x, y];
  }

  // ---------- the runs in training: their curves, updated as epochs come
  var RUNNING_CHARTS = [
    { title: "training loss per minibatch, log axis", x: "step", log: true, table: minibatch },
    { title: "training loss per epoch, log axis", x: "epoch", log: true, table: function (d) { return perEpoch(d, function (e) { return positive(e.trainLoss); }); } },
    { title: "validation loss per epoch, log axis", x: "epoch", log: true,
      table: function (d) { return perEpoch(d, function (e) { return positive(e.validationLoss !== null ? e.validationLoss : e.testLoss); }); } },
    { title: "validation accuracy per epoch (%)", x: "epoch", log: false,
      table: function (d) { return perEpoch(d, function (e) { var a = e.validationAccuracy !== null ? e.validationAccuracy : e.testAccuracy; return a === null ? null : 100 * a; }); } }
  ];
  function renderRunning() {
    var host = $("running-charts"), legend = $("running-legend");
    var ids = state.shown.slice();
    var running = state.order.filter(function (id) { return state.runs[id].status === "running"; }).length;
    $("running-note").textContent = running ? running + " run" + (running === 1 ? "" : "s") + " training now" +
      (ids.length > running ? "; runs that ended while this page was open stay until newer ones need their place" : "") + "."
      : ids.length ? "No run is training now; the last ones trained are shown." : "No run is training now.";
    legend.textContent = "";
    ids.forEach(function (id) {
      var r = state.runs[id], item = el("span");
      var sw = el("span", "swatch"); sw.style.background = colourOf(id);
      var a = el("a", null, describe(r)); a.href = "#run/" + id;
      item.appendChild(sw); item.appendChild(a);
      item.appendChild(el("span", "note", " " + progressText(r)));
      legend.appendChild(item);
    });
    var tables = RUNNING_CHARTS.map(function (c) { return ids.map(function (id) { return c.table(state.data[id]); }); });
    if (charts.running.length === RUNNING_CHARTS.length && charts.running.every(function (u) { return u; })
        && charts.running[0].series.length === ids.length + 1) {
      charts.running.forEach(function (u, k) { u.setData(joined(tables[k])); });
      return;
    }
    destroy(charts.running);
    host.textContent = "";
    RUNNING_CHARTS.forEach(function (c, k) {
      var series = ids.map(function (id) { return line(describe(state.runs[id]), colourOf(id), c.x === "step" ? { points: { show: false }, width: 1.2 } : null); });
      var loading = ids.some(function (id) { return !state.data[id] || !state.data[id].info; });
      var u = chart(host, c.title, joined(tables[k]), series, { log: c.log, xLabel: c.x,
        empty: loading ? "loading…" : ids.length ? "no epoch recorded yet" : "no run in training" });
      charts.running.push(u);
    });
    if (charts.running.some(function (u) { return !u; })) { var keep = charts.running.filter(function (u) { return u; }); charts.running.length = 0; keep.forEach(function (u) { charts.running.push(u); }); }
  }
  function progressText(r) {
    var t = r.status === "running" ? "epoch " + (r.epoch === null ? "—" : r.epoch) + (r.epochs ? "/" + r.epochs : "")
      : r.status === "done" ? (r.diverged ? "diverged" : "done, val acc " + pct(r.validationAccuracy)) : r.status;
    return "(" + t + ")";
  }
  // the number of points the running charts hold (what a test watches grow)
  live.points = function () {
    var n = 0;
    charts.running.forEach(function (u) { for (var k = 1; k < u.data.length; k++) u.data[k].forEach(function (v) { if (v !== null && v !== undefined) n++; }); });
    return n;
  };

  // ---------- the latest epoch of one run: histograms per layer, gradient norms through depth
  function chooseLatest() {
    var sel = $("latest-run");
    var candidates = state.order.filter(function (id) { return state.runs[id].epoch !== null && state.runs[id].status !== "todo"; });
    candidates.sort(function (a, b) {
      var ra = state.runs[a], rb = state.runs[b];
      var ta = ra.status === "running" ? 1 : 0, tb = rb.status === "running" ? 1 : 0;
      return tb - ta || rb.updated - ra.updated;
    });
    candidates = candidates.slice(0, 60);
    if (!state.latestPinned || candidates.indexOf(state.latest) < 0) { state.latest = candidates.length ? candidates[0] : null; state.latestPinned = false; }
    if (state.latest && candidates.indexOf(state.latest) < 0) candidates.unshift(state.latest);
    sel.textContent = "";
    candidates.forEach(function (id) {
      var r = state.runs[id];
      var o = new Option(describe(r) + " — epoch " + r.epoch + (r.status === "running" ? " (training)" : ""), id);
      sel.appendChild(o);
    });
    if (state.latest) sel.value = state.latest;
    loadLatest();
  }
  function loadLatest() {
    var id = state.latest, r = id && state.runs[id];
    if (!r || r.epoch === null) { renderLatest(null); return; }
    var have = state.latestData;
    if (have && have.id === id && have.record.epoch === r.epoch) return;
    if (!have || have.id !== id) $("latest-note").textContent = "loading…";
    getJson("api/runs/" + encodeURIComponent(id) + "?from=" + r.epoch).then(function (j) {
      if (state.latest !== id || !j.epochs.length) return;
      state.histo = j.histogram;
      state.latestData = { id: id, record: j.epochs[j.epochs.length - 1] };
      renderLatest(state.latestData);
    }).catch(function (err) { if (window.console) console.warn(String(err)); });
  }
  function layerValue(layer, name) { return layer.values ? layer.values[name] : undefined; }
  function renderLatest(ld) {
    destroy(charts.latest);
    var gHost = $("latest-gradients"), hHost = $("latest-histograms");
    gHost.textContent = ""; hHost.textContent = "";
    if (!ld) { $("latest-note").textContent = "No run has recorded an epoch yet."; return; }
    var rec = ld.record, r = state.runs[ld.id];
    $("latest-note").textContent = "Epoch " + rec.epoch + (rec.epoch === 0 ? " (at initialisation)" : "") + " of " + describe(r)
      + ": each layer's weights and its activations on the probe batch (asinh axis: linear near 0, logarithmic beyond), and gradient norms through depth.";
    var xs = rec.layers.map(function (_, i) { return i + 1; });
    var gradSeries = [], cols = [xs];
    [["grad_norm_mean", "mean ‖∂L/∂W‖ over the epoch", "#0072b2"], ["grad_norm_max", "largest ‖∂L/∂W‖", "#d55e00"],
     ["grad_norm_first_step", "at the first step", "#009e73"]].forEach(function (g) {
      var ys = rec.layers.map(function (l) { return positive(layerValue(l, g[0])); });
      if (ys.some(function (v) { return v !== null; })) { gradSeries.push(line(g[1], g[2])); cols.push(ys); }
    });
    if (gradSeries.length) {
      charts.latest.push(chart(gHost, "gradient norm per layer (input side first), log axis",
        cols, gradSeries, { log: true, xLabel: "layer", perRow: 1.6, height: 200 }));
      legendFor(gHost, gradSeries);
    } else {
      gHost.appendChild(el("p", "note", "No gradient norms at epoch " + rec.epoch + (rec.epoch === 0 ? " (none before the first step)." : ".")));
    }
    rec.layers.forEach(function (layer) {
      var card = el("div", "histogram");
      card.appendChild(el("div", "chart-title", layer.layer + " (" + layer["in"] + " → " + layer.out + ")"));
      [["weight_histogram", "weights", "#0072b2"], ["act_histogram", "activations", "#d55e00"]].forEach(function (k) {
        var h = layerValue(layer, k[0]);
        if (!h || !h.counts) return;
        var c = document.createElement("canvas");
        card.appendChild(c);
        drawBars(c, h, k[2], k[1]);
      });
      var facts = [];
      var dead = layerValue(layer, "dead_fraction"), sat = layerValue(layer, "saturated_fraction"), wsum = layerValue(layer, "weight");
      if (wsum && wsum.std !== undefined) facts.push("weight std " + fmt(wsum.std));
      if (dead !== undefined && dead !== null) facts.push(pct(dead) + " dead");
      if (sat !== undefined && sat !== null) facts.push(pct(sat) + " saturated");
      if (facts.length) card.appendChild(el("div", "note", facts.join(" · ")));
      hHost.appendChild(card);
    });
  }
  function legendFor(host, series) {
    var lg = el("div", "legend");
    series.forEach(function (s) {
      var item = el("span"), sw = el("span", "swatch");
      sw.style.background = s.stroke;
      item.appendChild(sw); item.appendChild(document.createTextNode(s.label));
      lg.appendChild(item);
    });
    host.appendChild(lg);
  }

  // ---------- histograms on initlab's bins (uniform in asinh(x / scale)) and heat maps of them
  function uMax() { return state.histo.bins / 2 * state.histo.du; }
  function binPos(x) { var u = Math.asinh(x / state.histo.scale); return (u + uMax()) / state.histo.du; }
  function edge(i) { return state.histo.scale * Math.sinh(-uMax() + i * state.histo.du); }
  // ticks at 0 and ±powers of ten, the most telling first (0, ±1, ±0.1, ...), none closer than 1/9 of the axis to another
  var TICKS = [0, 1, -1, 0.1, -0.1, 0.01, -0.01, 10, -10, 0.001, -0.001, 100, -100, 1000, -1000];
  function ticks(lo, hi) {
    var kept = [];
    TICKS.forEach(function (v) {
      var p = binPos(v);
      if (p < lo || p > hi) return;
      if (kept.every(function (t) { return Math.abs(t.p - p) > (hi - lo) / 9; })) kept.push({ v: v, p: p });
    });
    return kept.sort(function (a, b) { return a.p - b.p; });
  }
  function tickText(v) { return v === 0 ? "0" : (Math.abs(v) >= 1 ? String(v) : String(v).replace("0.", ".")).replace("-", "−"); }
  function canvasOf(c, w, h) {
    var dpr = window.devicePixelRatio || 1;
    c.width = Math.round(w * dpr); c.height = Math.round(h * dpr);
    c.style.width = w + "px"; c.style.height = h + "px";
    var g = c.getContext("2d");
    g.scale(dpr, dpr);
    g.font = FONT;
    return g;
  }
  function drawBars(c, h, colour, what) {
    var W = 300, H = 96, left = 8, right = 8, top = 14, bottom = 18;
    var g = canvasOf(c, W, H);
    var total = h.counts.reduce(function (a, b) { return a + b; }, 0) + (h.underflow || 0) + (h.overflow || 0) + (h.nonFinite || 0);
    var lo = h.offset - 2, hi = h.offset + h.counts.length + 2;
    // the spike of a rectifier's exact zeros does not set the axis: it is drawn clipped, with its share
    var zero = Math.floor(binPos(0)) - h.offset, others = h.counts.filter(function (_, i) { return i !== zero; });
    var max = Math.max.apply(null, h.counts.concat([1])), spike = null;
    var rest = Math.max.apply(null, others.concat([1]));
    if (zero >= 0 && zero < h.counts.length && h.counts[zero] > 2 * rest) { spike = h.counts[zero]; max = rest * 1.15; }
    var pw = W - left - right, ph = H - top - bottom, bw = pw / (hi - lo);
    g.fillStyle = "#222"; g.textBaseline = "top";
    g.fillText(what + (total ? "" : " (none)"), left, 0);
    g.fillStyle = colour;
    h.counts.forEach(function (n, i) {
      if (!n) return;
      var bh = Math.max(1, Math.min(ph, ph * n / max));
      g.fillRect(left + (h.offset + i - lo) * bw, top + ph - bh, Math.max(1, bw - 0.5), bh);
    });
    if (spike !== null) {
      var sx = left + (h.offset + zero - lo + 0.5) * bw;
      g.fillStyle = "#222"; g.textAlign = sx > W / 2 ? "right" : "left";
      g.fillText("▲ " + pct(spike / total).replace(/\.\d+%/, "%") + " at 0", sx + (sx > W / 2 ? -4 : 4), top);
      g.textAlign = "left"; g.fillStyle = colour;
    }
    g.strokeStyle = "#999"; g.beginPath(); g.moveTo(left, top + ph + 0.5); g.lineTo(W - right, top + ph + 0.5); g.stroke();
    g.fillStyle = "#555"; g.textAlign = "center";
    ticks(lo, hi).forEach(function (t) {
      var x = left + (t.p - lo) * bw;
      g.fillRect(Math.round(x), top + ph, 1, 3);
      g.fillText(tickText(t.v), Math.min(W - 12, Math.max(12, x)), top + ph + 4);
    });
    c.setAttribute("aria-label", what + " histogram");
  }
  function viridis(t) {
    t = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
    var i = Math.min(VIRIDIS.length - 2, Math.floor(t)), f = t - i, a = VIRIDIS[i], b = VIRIDIS[i + 1];
    return "rgb(" + Math.round(a[0] + f * (b[0] - a[0])) + "," + Math.round(a[1] + f * (b[1] - a[1])) + "," + Math.round(a[2] + f * (b[2] - a[2])) + ")";
  }
  function drawHeatmap(c, records, layerIndex, kind) {
    var hs = [], lo = Infinity, hi = -Infinity;
    records.forEach(function (rec) {
      var l = rec.layers[layerIndex], h = l && l.values ? l.values[kind] : null;
      if (!h || !h.counts || !h.counts.length) return;
      hs.push({ epoch: rec.epoch, h: h });
      lo = Math.min(lo, h.offset); hi = Math.max(hi, h.offset + h.counts.length);
    });
    var W = 320, H = 190, left = 44, right = 6, top = 6, bottom = 30;
    var g = canvasOf(c, W, H);
    if (!hs.length) { g.fillStyle = "#666"; g.fillText("not recorded", left, top + 20); return 0; }
    var pw = W - left - right, ph = H - top - bottom, cw = pw / hs.length, rh = ph / (hi - lo);
    g.fillStyle = "#fafafa"; g.fillRect(left, top, pw, ph);
    // one log colour scale for the map, from its largest share down three decades: epochs compare
    var largest = -Infinity;
    hs.forEach(function (e) {
      var total = e.h.counts.reduce(function (a, b) { return a + b; }, 0) || 1;
      e.total = total;
      e.h.counts.forEach(function (n) { if (n) largest = Math.max(largest, Math.log10(n / total)); });
    });
    hs.forEach(function (e, col) {
      var total = e.total;
      e.h.counts.forEach(function (n, i) {
        if (!n) return;
        var share = n / total, t = (Math.log10(share) - largest + 3) / 3;
        g.fillStyle = viridis(t);
        var bin = e.h.offset + i;
        g.fillRect(left + col * cw, top + (hi - bin - 1) * rh, Math.ceil(cw), Math.max(1, Math.ceil(rh)));
      });
    });
    g.fillStyle = "#555"; g.textAlign = "right"; g.textBaseline = "middle";
    ticks(lo, hi).forEach(function (t) {
      var y = top + (hi - t.p) * rh;
      g.fillRect(left - 3, Math.round(y), 3, 1);
      g.fillText(tickText(t.v), left - 5, y);
    });
    g.textAlign = "center"; g.textBaseline = "top";
    var step = Math.max(1, Math.ceil(hs.length / 8));
    hs.forEach(function (e, col) {
      if (col % step && col !== hs.length - 1) return;
      g.fillText(String(e.epoch), left + (col + 0.5) * cw, top + ph + 3);
    });
    g.fillText("epoch", left + pw / 2, top + ph + 16);
    return hs.length;
  }

  // ---------- the table of every run
  var COLUMNS = [["train loss", function (r) { return fmt(r.trainLoss); }], ["val loss", function (r) { return fmt(r.validationLoss); }],
                 ["val acc", function (r) { return pct(r.validationAccuracy); }], ["test acc", function (r) { return pct(r.testAccuracy); }],
                 ["time", function (r) { return duration(r.seconds); }]];
  var RANK = { running: 0, stalled: 1, failed: 2, broken: 3, done: 4, todo: 5 };
  function renderTable() {
    var filter = $("runs-filter").value, table = $("runs-table");
    var head = table.tHead, body = table.tBodies[0];
    head.textContent = ""; body.textContent = "";
    var hr = el("tr");
    hr.appendChild(el("th", "text", "status"));
    keys().forEach(function (k) { hr.appendChild(el("th", "text", k)); });
    hr.appendChild(el("th", null, "epoch"));
    COLUMNS.forEach(function (c) { hr.appendChild(el("th", null, c[0])); });
    head.appendChild(hr);
    var ids = state.order.filter(function (id) {
      var s = state.runs[id].status;
      return filter === "all" || (filter === "done" ? s === "done" : filter === "todo" ? s === "todo" : s !== "done" && s !== "todo");
    });
    ids.sort(function (a, b) { var ra = state.runs[a], rb = state.runs[b]; return RANK[ra.status] - RANK[rb.status] || rb.updated - ra.updated; });
    $("runs-note").textContent = ids.length > MAX_ROWS ? "the first " + MAX_ROWS + " of " + ids.length + " runs" : ids.length + " run" + (ids.length === 1 ? "" : "s");
    ids.slice(0, MAX_ROWS).forEach(function (id) {
      var r = state.runs[id], tr = el("tr");
      var st = el("td", "text"); st.appendChild(el("span", "status " + r.status, r.diverged ? "diverged" : r.status));
      if (r.message) st.title = r.message;
      tr.appendChild(st);
      keys().forEach(function (k) { tr.appendChild(el("td", "text", r.labels[k] === undefined ? "" : r.labels[k])); });
      tr.appendChild(el("td", null, r.epoch === null ? "—" : r.epoch + (r.epochs ? "/" + r.epochs : "")));
      COLUMNS.forEach(function (c) { tr.appendChild(el("td", null, c[1](r))); });
      tr.addEventListener("click", function () { location.hash = "#run/" + id; });
      tr.dataset.run = id;
      body.appendChild(tr);
    });
  }

  // ---------- a run's page
  function siblingsOf(id) {
    var d = state.data[id];
    return d && d.info ? d.info.seeds.map(function (s) { return s.id; }) : [];
  }
  function route() {
    var m = /^#run\/([0-9a-f]{4,64})$/.exec(location.hash);
    state.view = m ? m[1] : null;
    $("study-view").hidden = !!m;
    $("run-view").hidden = !m;
    destroy(charts.run);
    if (m) { window.scrollTo(0, 0); renderRunView(); }
    else { destroy(charts.running); renderRunning(); if (state.latestData) renderLatest(state.latestData); }
  }
  function renderRunView() {
    var id = state.view;
    if (!id) return;
    if (!state.runs[id]) { $("run-title").textContent = "No run " + id + " in this study"; return; }
    ensure(id, true, function () {
      if (state.view !== id) return;
      var sibs = siblingsOf(id), left = sibs.length;
      if (!left) { drawRunView(id); return; }
      sibs.forEach(function (s) { ensure(s, s === id, function () { if (--left === 0 && state.view === id) drawRunView(id); }); });
    });
  }
  function drawRunView(id) {
    destroy(charts.run);
    var r = state.runs[id], d = state.data[id], info = d.info;
    $("run-title").textContent = describe(r);
    var meta = $("run-meta");
    meta.textContent = "";
    var st = el("span"); st.appendChild(el("span", "status " + r.status, r.diverged ? "diverged" : r.status)); meta.appendChild(st);
    meta.appendChild(el("span", null, "run " + id));
    meta.appendChild(el("span", null, "epoch " + (r.epoch === null ? "—" : r.epoch) + (r.epochs ? " of " + r.epochs : "")));
    if (r.seconds !== null) meta.appendChild(el("span", null, duration(r.seconds) + (r.status === "done" ? " of training" : " so far")));
    if (info.started) meta.appendChild(el("span", null, "started " + new Date(info.started).toLocaleString()));
    if (info.finished) meta.appendChild(el("span", null, "finished " + new Date(info.finished).toLocaleString()));
    if (info.finalMetrics) meta.appendChild(el("span", null, "final validation accuracy " + pct(info.finalMetrics.validationAccuracy) + ", test " + pct(info.finalMetrics.testAccuracy)));
    if (r.message) meta.appendChild(el("span", null, r.message));
    if (info.divergence) meta.appendChild(el("span", null, "diverged: " + info.divergence));

    var host = $("run-charts");
    host.textContent = "";
    var mb = minibatch(d);
    charts.run.push(chart(host, "training loss per minibatch, log axis", mb, [line("training loss", "#0072b2", { points: { show: false }, width: 1.2 })],
      { log: true, xLabel: "step", perRow: 3 }));
    var losses = [["training", "trainLoss", "#0072b2"], ["validation", "validationLoss", "#d55e00"], ["test", "testLoss", "#009e73"]];
    var lt = losses.map(function (m) { return perEpoch(d, function (e) { return positive(e[m[1]]); }); });
    var ls = losses.map(function (m) { return line(m[0], m[2]); });
    charts.run.push(chart(host, "loss per epoch, log axis — training, validation, test", joined(lt), ls, { log: true, xLabel: "epoch", perRow: 3 }));
    var accs = [["training", "trainAccuracy", "#0072b2"], ["validation", "validationAccuracy", "#d55e00"], ["test", "testAccuracy", "#009e73"]];
    var at = accs.map(function (m) { return perEpoch(d, function (e) { return e[m[1]] === null || e[m[1]] === undefined ? null : 100 * e[m[1]]; }); });
    charts.run.push(chart(host, "accuracy per epoch (%) — training, validation, test", joined(at), accs.map(function (m) { return line(m[0], m[2]); }),
      { log: false, xLabel: "epoch", perRow: 3 }));
    legendFor(host, ls);

    drawHeatmaps(d);
    var kind = $("run-heat-kind");
    kind.onchange = function () { drawHeatmaps(d); };

    var gHost = $("run-gradients");
    gHost.textContent = "";
    var layers = d.epochs.length ? d.epochs[d.epochs.length - 1].layers.map(function (l) { return l.layer; }) : [];
    [["grad_norm_mean", "mean gradient norm ‖∂L/∂W‖ per epoch, by layer, log axis"], ["update_ratio", "update : weight ratio per epoch, by layer, log axis"]].forEach(function (g) {
      var tables = layers.map(function (_, li) { return perEpoch(d, function (e) { var l = e.layers[li]; return l ? positive(layerValue(l, g[0])) : null; }); });
      var series = layers.map(function (name, li) { return line(name, viridis(layers.length > 1 ? li / (layers.length - 1) : 0.3)); });
      charts.run.push(chart(gHost, g[1], joined(tables), series, { log: true, xLabel: "epoch", perRow: 2, empty: "not recorded yet" }));
    });
    legendFor(gHost, layers.map(function (name, li) { return { label: name, stroke: viridis(layers.length > 1 ? li / (layers.length - 1) : 0.3) }; }));

    drawSeeds(id, d);
    $("run-spec").textContent = info.spec ? JSON.stringify({ spec: info.spec, labels: r.labels, experiments: r.experiments, probeSettings: info.probeSettings }, null, 2)
      : "(not known yet)";
    var keep = charts.run.filter(function (u) { return u; });
    charts.run.length = 0; keep.forEach(function (u) { charts.run.push(u); });
  }
  function drawHeatmaps(d) {
    var host = $("run-heatmaps"), kind = $("run-heat-kind").value;
    host.textContent = "";
    if (!state.histo || !d.epochs.length) { host.appendChild(el("p", "note", "No epoch recorded yet.")); return; }
    d.epochs[d.epochs.length - 1].layers.forEach(function (layer, li) {
      var card = el("div", "heatmap");
      card.appendChild(el("div", "chart-title", layer.layer + " (" + layer["in"] + " → " + layer.out + ")"));
      var c = document.createElement("canvas");
      card.appendChild(c);
      host.appendChild(card);
      drawHeatmap(c, d.epochs, li, kind);
      c.setAttribute("aria-label", layer.layer + " " + kind + " over epochs");
    });
  }
  function drawSeeds(id, d) {
    var host = $("run-seeds"), cHost = $("run-seed-charts");
    host.textContent = ""; cHost.textContent = "";
    var seeds = d.info.seeds;
    if (seeds.length < 2) { host.appendChild(el("p", "note", "This configuration has one seed.")); return; }
    var wrap = el("div", "table-wrap"), t = el("table", "seeds"), head = el("tr");
    head.appendChild(el("th", "text", ""));
    seeds.forEach(function (s) {
      var th = el("th"), a = el("a", null, "seed " + s.seed);
      a.href = "#run/" + s.id; th.appendChild(a); head.appendChild(th);
    });
    var thead = el("thead"); thead.appendChild(head); t.appendChild(thead);
    var tb = el("tbody");
    [["status", function (r) { return r.diverged ? "diverged" : r.status; }], ["epoch", function (r) { return r.epoch === null ? "—" : r.epoch + (r.epochs ? "/" + r.epochs : ""); }]]
      .concat(COLUMNS).forEach(function (row) {
        var tr = el("tr");
        tr.appendChild(el("th", "text", row[0]));
        seeds.forEach(function (s) { var td = el("td", null, row[1](state.runs[s.id])); if (s.id === id) td.style.fontWeight = "bold"; tr.appendChild(td); });
        tb.appendChild(tr);
      });
    t.appendChild(tb); wrap.appendChild(t); host.appendChild(wrap);
    var dash = [[], [6, 3], [2, 2], [8, 3, 2, 3], [4, 2, 1, 2]];
    function seedSeries() {
      return seeds.map(function (s, i) { return line("seed " + s.seed, s.id === id ? "#0072b2" : "#777", { dash: dash[i % dash.length], width: s.id === id ? 2.2 : 1.4 }); });
    }
    [["validation loss per epoch, each seed, log axis", true, function (e) { return positive(e.validationLoss !== null ? e.validationLoss : e.testLoss); }],
     ["validation accuracy per epoch (%), each seed", false, function (e) { var a = e.validationAccuracy !== null ? e.validationAccuracy : e.testAccuracy; return a === null ? null : 100 * a; }]]
      .forEach(function (c) {
        var tables = seeds.map(function (s) { return perEpoch(state.data[s.id], c[2]); });
        charts.run.push(chart(cHost, c[0], joined(tables), seedSeries(), { log: c[1], xLabel: "epoch", perRow: 2 }));
      });
    legendFor(cHost, seedSeries());
  }

  // ---------- start
  $("runs-filter").addEventListener("change", renderTable);
  $("latest-run").addEventListener("change", function () { state.latest = this.value; state.latestPinned = true; loadLatest(); });
  window.addEventListener("hashchange", route);
  var connection = $("connection");
  var source = new EventSource("api/events");
  source.addEventListener("open", function () { connection.textContent = "live"; connection.className = "connection live"; });
  source.addEventListener("error", function () { connection.textContent = "reconnecting…"; connection.className = "connection lost"; });
  source.addEventListener("snapshot", function (e) { live.events++; applySnapshot(JSON.parse(e.data)); });
  source.addEventListener("run", function (e) { live.events++; applyRun(JSON.parse(e.data)); });
  source.addEventListener("study", function (e) { live.events++; state.summary = JSON.parse(e.data); renderSummary(); });
  live.source = source;
})();
