/*
 * A study's page: its events from /studies/{id}/events (history first, then live) drive the
 * charts and the trial table; the rerun spec of the best set comes from /studies/{id}.
 */
"use strict";

const studyId = new URLSearchParams(location.search).get("id");
const state = {
  spec: null,
  status: "running",
  requested: new Set(), // "trial@rung": a scheduled study's trial is requested once per rung
  completed: new Set(),
  trials: [], // completed trials, in completion order, with their run figures averaged
  seen: new Map(), // trial number -> its row (a promoted trial's row is replaced by its higher rung)
  pruned: new Set(),
  best: null,
  bestSet: null, // the service's best (GET /studies/{id}), pooled over a set's trials
  sort: { key: "trialNumber", dir: 1 },
  bySet: false, // the table: one row per trial, or one per HP set with its trials' runs pooled
};

const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

/*
 * What the study optimises and ranks by: the validation accuracy. A record of schema version 1
 * (written before validation existed) has none and was selected on its test accuracy.
 */
const objective = (t) => t.meanValidationAccuracy ?? t.meanTestAccuracy;
const objectiveStd = (t) => t.stdValidationAccuracy ?? t.stdTestAccuracy;

/** A TrialCompleted event with the averages of its runs' figures, as the table shows them. */
function trialRow(t) {
  const runs = t.runs;
  return {
    trialNumber: t.trialNumber,
    objective: objective(t),
    objectiveStd: objectiveStd(t),
    meanValidationAccuracy: t.meanValidationAccuracy ?? null,
    stdValidationAccuracy: t.stdValidationAccuracy ?? null,
    meanTestAccuracy: t.meanTestAccuracy,
    stdTestAccuracy: t.stdTestAccuracy,
    runs: runs.length,
    failures: t.failures.length,
    spikesPerSample: mean(runs.map((r) => r.spikesPerSample)),
    synapseEventsPerSample: mean(runs.map((r) => r.synapseEventsPerSample)),
    neurons: mean(runs.map((r) => r.neurons)),
    synapses: mean(runs.map((r) => r.synapses)),
    seconds: mean(runs.map((r) => r.seconds)),
    runAccuracies: runs.map((r) => r.validationAccuracy ?? r.testAccuracy),
    runValidation: runs.map((r) => r.validationAccuracy ?? null),
    runTest: runs.map((r) => r.testAccuracy),
    trialsOfSet: [t.trialNumber],
    params: t.params,
    rung: t.rung ?? null,
    pruned: state.pruned.has(t.trialNumber),
  };
}

/* The recommendation: the highest rung first (a scheduled study), then the objective, then the earlier trial. */
function beats(a, b) {
  const ra = a.rung ?? -1, rb = b.rung ?? -1;
  if (ra !== rb) return ra > rb;
  return a.objective > b.objective || (a.objective === b.objective && a.trialNumber < b.trialNumber);
}

function onEvent(e) {
  switch (e.type) {
    case "StudyCreated":
      state.spec = e.spec;
      break;
    case "TrialRequested":
      state.requested.add(`${e.trialNumber}@${e.rung ?? 0}`);
      break;
    case "TrialPruned": {
      state.pruned.add(e.trialNumber);
      const row = state.seen.get(e.trialNumber);
      if (row) row.pruned = true;
      break;
    }
    case "TrialCompleted": {
      const before = state.seen.get(e.trialNumber);
      if (before && (before.rung ?? -1) >= (e.rung ?? -1)) return;
      state.completed.add(`${e.trialNumber}@${e.rung ?? 0}`);
      const row = trialRow(e);
      state.seen.set(e.trialNumber, row);
      if (before) state.trials[state.trials.indexOf(before)] = row;
      else state.trials.push(row);
      if (!state.best || state.best === before || beats(row, state.best)) {
        state.best = state.trials.reduce((a, b) => (beats(b, a) ? b : a));
      }
      // the service's best may change without a better trial: a re-run set is pooled there
      loadRerun();
      break;
    }
    case "StudyCompleted":
      state.status = "completed";
      break;
    case "StudyStopped":
      state.status = "stopped";
      break;
    default:
      return; // runs: shown through their trial
  }
  render();
}

/* ---- header ---- */

function renderFacts() {
  const s = state.spec;
  document.title = `neurohpo ${studyId}`;
  document.getElementById("title").textContent = studyId;
  const status = document.getElementById("status");
  status.textContent = state.status;
  status.className = "badge " + state.status;
  document.getElementById("name").textContent = s ? s.name : "\u2013";
  document.getElementById("strategy").textContent = s ? s.strategy : "\u2013";
  document.getElementById("dataset").textContent = s ? s.dataset : "\u2013";
  document.getElementById("progress").textContent = `${state.trials.length} / ${s ? s.budget : "?"}`;
  document.getElementById("inflight").textContent =
    state.status === "running" ? Math.max(0, state.requested.size - state.completed.size) : 0;
  const b = state.bestSet ?? state.best;
  document.getElementById("best").textContent = b
    ? `${nh.fmt(b.meanValidationAccuracy ?? b.meanTestAccuracy)} (test ${nh.fmt(b.meanTestAccuracy)}, trial ${b.trialNumber})`
    : "\u2013";
  document.getElementById("runs").textContent = !s ? "\u2013" : s.scheduler
    ? `${s.scheduler.min}\u2013${s.scheduler.max} (${s.scheduler.type}, eta ${s.scheduler.eta}; ${state.pruned.size} pruned)`
    : s.seeds.length;
}

/* ---- charts ---- */

const charts = {};
function chart(id) {
  if (!charts[id]) {
    charts[id] = echarts.init(document.getElementById(id), null, { renderer: "canvas" });
    window.addEventListener("resize", () => charts[id].resize());
  }
  return charts[id];
}
function setPoints(id, n) {
  document.getElementById(id).dataset.points = String(n);
}
const accuracyAxis = { type: "value", name: "mean validation accuracy", nameLocation: "middle", nameGap: 40, scale: true };

function renderBestCurve() {
  let best = -Infinity;
  const points = state.trials.map((t, i) => {
    best = Math.max(best, t.objective);
    return [i + 1, best];
  });
  chart("best-curve").setOption({
    animation: false,
    grid: { left: 60, right: 20, top: 20, bottom: 45 },
    tooltip: { trigger: "axis" },
    xAxis: { type: "value", name: "trials completed", nameLocation: "middle", nameGap: 28, minInterval: 1 },
    yAxis: accuracyAxis,
    series: [{ type: "line", step: "end", data: points, symbolSize: 5, lineStyle: { width: 2 } }],
  });
  setPoints("best-curve", points.length);
}

function renderScatter() {
  const means = state.trials.map((t) => [t.trialNumber, t.objective, t.objectiveStd]);
  const runs = state.trials.flatMap((t) => t.runAccuracies.map((a) => [t.trialNumber, a]));
  chart("scatter").setOption({
    animation: false,
    grid: { left: 60, right: 20, top: 30, bottom: 45 },
    legend: { top: 0 },
    tooltip: {
      trigger: "item",
      formatter: (p) => `trial ${p.value[0]}: ${nh.fmt(p.value[1])}` + (p.value.length > 2 ? ` \u00b1 ${nh.fmt(p.value[2])}` : ""),
    },
    xAxis: { type: "value", name: "trial number", nameLocation: "middle", nameGap: 28, minInterval: 1 },
    yAxis: accuracyAxis,
    series: [
      { name: "runs", type: "scatter", data: runs, symbolSize: 4, itemStyle: { opacity: 0.25, color: "#8a94a6" } },
      { name: "trial mean", type: "scatter", data: means, symbolSize: 8, itemStyle: { color: "#2f6fde" } },
      {
        name: "best", type: "scatter", symbol: "diamond", symbolSize: 16, itemStyle: { color: "#d9480f" },
        data: state.best ? [[state.best.trialNumber, state.best.objective]] : [],
      },
    ],
  });
  setPoints("scatter", means.length);
}

/** The HPs that vary among the trials, each with its axis: numeric or categorical. */
function dimensions() {
  const names = [];
  for (const t of state.trials) for (const k of Object.keys(t.params)) if (!names.includes(k)) names.push(k);
  const dims = [];
  for (const name of names) {
    const values = state.trials.map((t) => t.params[name]);
    const distinct = new Set(values.map((v) => JSON.stringify(v ?? null)));
    if (distinct.size < 2) continue; // fixed or not yet varied: nothing to see
    const numeric = values.every((v) => typeof v === "number");
    const categories = numeric ? null
      : [...new Set(values.map((v) => (v === undefined || v === null ? "n/a" : String(v))))].sort();
    dims.push({ name, numeric, categories });
  }
  return dims;
}

function renderParallel() {
  const dims = dimensions();
  const acc = state.trials.map((t) => t.objective);
  const axes = dims.map((d, i) => d.numeric
    ? { dim: i, name: d.name, type: "value", scale: true }
    : { dim: i, name: d.name, type: "category", data: d.categories });
  axes.push({ dim: dims.length, name: "accuracy", type: "value", scale: true });
  const data = state.trials.map((t) => [
    ...dims.map((d) => (d.numeric ? t.params[d.name] : String(t.params[d.name] ?? "n/a"))),
    t.objective,
  ]);
  chart("parallel").setOption({
    animation: false,
    parallel: {
      left: 60, right: 110, top: 40, bottom: 30,
      parallelAxisDefault: { nameTextStyle: { fontWeight: "bold" }, axisLabel: { margin: 6 } },
    },
    parallelAxis: axes,
    visualMap: {
      type: "continuous", dimension: dims.length, right: 0, top: "center", calculable: true, precision: 3,
      min: acc.length ? Math.min(...acc) : 0, max: acc.length ? Math.max(...acc) : 1,
      inRange: { color: ["#c6dbef", "#2171b5", "#08306b"] }, text: ["high", "low"],
    },
    series: [{ type: "parallel", data, lineStyle: { width: 1.5, opacity: 0.6 } }],
  }, { notMerge: true });
  setPoints("parallel", data.length);
}

/** Trials no other trial beats on both accuracy (higher) and energy (lower), by energy. */
function front(points) {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out = [];
  let best = -Infinity;
  for (const p of sorted) if (p[1] > best) { out.push(p); best = p[1]; }
  return out;
}

function renderEnergy() {
  const points = state.trials
    .filter((t) => !Number.isNaN(t.synapseEventsPerSample))
    .map((t) => [t.synapseEventsPerSample, t.objective, t.trialNumber, t.neurons]);
  chart("energy").setOption({
    animation: false,
    grid: { left: 60, right: 20, top: 20, bottom: 45 },
    tooltip: {
      trigger: "item",
      formatter: (p) => `trial ${p.value[2]}: accuracy ${nh.fmt(p.value[1])}, ${nh.compact(p.value[0])} synapse events per inference`,
    },
    xAxis: { type: "value", name: "synapse events per inference", nameLocation: "middle", nameGap: 28, scale: true },
    yAxis: accuracyAxis,
    series: [
      { type: "scatter", data: points, symbolSize: 8, itemStyle: { color: "#2f6fde", opacity: 0.7 } },
      { type: "line", step: "end", data: front(points), symbol: "none", lineStyle: { color: "#d9480f", width: 2 } },
    ],
  });
  setPoints("energy", points.length);
}

/* ---- best set and how to rerun it ---- */

let rerunSpec = null;
const loadRerun = nh.throttle(async () => {
  const r = await fetch("studies/" + encodeURIComponent(studyId));
  if (!r.ok) return;
  const body = await r.json();
  rerunSpec = body.rerunSpec;
  if (body.best) {
    // the service's rule: a set measured in several trials (GP-BO re-runs) by all their runs,
    // under its earliest trial
    state.bestSet = body.best;
    state.best = state.seen.get(body.best.trialNumber) ?? state.best;
    render();
  }
  renderBestSet();
}, 300);

function evaluateCommand() {
  const b = state.best;
  const s = state.spec;
  if (!b || !s) return null;
  const params = Object.entries(b.params).map(([k, v]) => `-p ${k}=${v}`).join(" ");
  return `./neurohpo evaluate --dataset ${s.dataset} --seeds ${s.seeds.join(",")} ${params}`;
}

function renderBestSet() {
  const box = document.getElementById("best-set");
  const b = state.bestSet ?? state.best;
  if (!b) return;
  box.className = "";
  box.replaceChildren(nh.el("table", { id: "best-params" },
    nh.el("tbody", {},
      nh.el("tr", {}, nh.el("th", {}, "trial"), nh.el("td", { class: "num" }, b.trialNumber)),
      nh.el("tr", {}, nh.el("th", {}, "mean validation accuracy"),
        nh.el("td", { class: "num" }, `${nh.fmt(b.meanValidationAccuracy)} \u00b1 ${nh.fmt(b.stdValidationAccuracy)}`)),
      nh.el("tr", {}, nh.el("th", {}, "mean test accuracy"),
        nh.el("td", { class: "num" }, `${nh.fmt(b.meanTestAccuracy)} \u00b1 ${nh.fmt(b.stdTestAccuracy)}`)),
      ...Object.entries(b.params).map(([k, v]) => nh.el("tr", {}, nh.el("th", {}, k), nh.el("td", { class: "num" }, v))))));
  const pre = document.getElementById("rerun-spec");
  if (rerunSpec) {
    pre.textContent = JSON.stringify(rerunSpec, null, 2);
    pre.hidden = false;
    document.getElementById("copy-spec").disabled = false;
  }
  document.getElementById("copy-cmd").disabled = !evaluateCommand();
}

async function copy(text, what) {
  const note = document.getElementById("copied");
  try {
    await navigator.clipboard.writeText(text);
  } catch (e) {
    // not a secure context (plain http to another host): copy through a selection instead
    const area = nh.el("textarea", {}, text);
    document.body.append(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }
  note.textContent = what + " copied";
  setTimeout(() => (note.textContent = ""), 2000);
}
document.getElementById("copy-spec").onclick = () => copy(JSON.stringify(rerunSpec, null, 2), "spec");
document.getElementById("copy-cmd").onclick = () => copy(evaluateCommand(), "command");

/* ---- trial table ---- */

/** Sample standard deviation (n - 1), 0 for one value, as the service's. */
function std(xs) {
  if (xs.length < 2) return xs.length ? 0 : NaN;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) * (x - m), 0) / (xs.length - 1));
}

const setKey = (params) => JSON.stringify(Object.keys(params).sort().map((k) => [k, params[k]]));

/*
 * One row per HP set: a set GP-BO measured in several trials (its end-of-budget re-runs) with all
 * their runs pooled, under its earliest trial, as the service's best-set rule pools them. Figures
 * are means over every run; a trial whose runs all failed counts its failures only.
 */
function setRows() {
  const groups = new Map();
  for (const t of state.trials) {
    const k = setKey(t.params);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(t);
  }
  return [...groups.values()].map((ts) => {
    if (ts.length === 1) return ts[0];
    const first = ts.reduce((a, b) => (b.trialNumber < a.trialNumber ? b : a));
    const all = (f) => ts.flatMap(f);
    const valid = all((t) => t.runValidation);
    const validated = valid.every((v) => v !== null);
    const test = all((t) => t.runTest);
    const weighted = (key) => {
      const n = ts.reduce((a, t) => a + (Number.isNaN(t[key]) ? 0 : t.runs), 0);
      return n ? ts.reduce((a, t) => a + (Number.isNaN(t[key]) ? 0 : t[key] * t.runs), 0) / n : NaN;
    };
    const row = {
      ...first,
      meanValidationAccuracy: validated ? mean(valid) : null,
      stdValidationAccuracy: validated ? std(valid) : null,
      meanTestAccuracy: mean(test),
      stdTestAccuracy: std(test),
      runs: test.length,
      failures: ts.reduce((a, t) => a + t.failures, 0),
      spikesPerSample: weighted("spikesPerSample"),
      synapseEventsPerSample: weighted("synapseEventsPerSample"),
      neurons: weighted("neurons"),
      synapses: weighted("synapses"),
      seconds: weighted("seconds"),
      rung: ts.reduce((a, t) => Math.max(a, t.rung ?? -1), -1),
      pruned: ts.every((t) => t.pruned),
      trialsOfSet: ts.map((t) => t.trialNumber).sort((a, b) => a - b),
    };
    if (row.rung < 0) row.rung = null;
    row.objective = row.meanValidationAccuracy ?? row.meanTestAccuracy;
    row.objectiveStd = row.stdValidationAccuracy ?? row.stdTestAccuracy;
    return row;
  });
}

/** Whether a row of the table is the study's best (the service's best set, else the client's). */
function isBest(t) {
  if (state.bySet && state.bestSet) return setKey(t.params) === setKey(state.bestSet.params);
  return state.bySet ? t.trialsOfSet.includes(state.best?.trialNumber) : state.best === t;
}

const COLUMNS = [
  { key: "trialNumber", label: "trial", num: true, show: (v) => v },
  { key: "trialsOfSet", label: "trials of the set", num: false, bySet: true, show: (v) => v.join(", ") },
  { key: "meanValidationAccuracy", label: "mean valid. acc.", num: true, show: (v) => nh.fmt(v) },
  { key: "stdValidationAccuracy", label: "std", num: true, show: (v) => nh.fmt(v) },
  { key: "meanTestAccuracy", label: "mean test acc.", num: true, show: (v) => nh.fmt(v) },
  { key: "stdTestAccuracy", label: "std", num: true, show: (v) => nh.fmt(v) },
  { key: "runs", label: "runs", num: true, show: (v) => v },
  { key: "failures", label: "failed runs", num: true, show: (v) => v },
  { key: "rung", label: "rung", num: true, show: (v) => v ?? "\u2013" },
  { key: "pruned", label: "pruned", num: false, show: (v) => (v ? "pruned" : "") },
  { key: "spikesPerSample", label: "spikes / inf.", num: true, show: nh.compact },
  { key: "synapseEventsPerSample", label: "syn. events / inf.", num: true, show: nh.compact },
  { key: "neurons", label: "neurons", num: true, show: (v) => nh.fmt(v, 1) },
  { key: "synapses", label: "synapses", num: true, show: (v) => nh.fmt(v, 1) },
  { key: "seconds", label: "s / run", num: true, show: (v) => nh.fmt(v, 2) },
];

function columns() {
  const hps = [];
  for (const t of state.trials) for (const k of Object.keys(t.params)) if (!hps.includes(k)) hps.push(k);
  return [...COLUMNS.filter((c) => !c.bySet || state.bySet), ...hps.map((k) => ({ key: "param:" + k, label: k, num: false, show: (v) => v ?? "\u2013" }))];
}

function value(t, key) {
  return key.startsWith("param:") ? t.params[key.slice(6)] : t[key];
}

function compare(a, b) {
  if (a === b) return 0;
  if (a === undefined || a === null) return 1;
  if (b === undefined || b === null) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

function renderTable() {
  const cols = columns();
  const { key, dir } = state.sort;
  const head = nh.el("tr", {}, ...cols.map((c) => {
    const th = nh.el("th", { "data-key": c.key, class: (c.num ? "num " : "") + (c.key === key ? `sorted ${dir > 0 ? "asc" : "desc"}` : "") }, c.label);
    th.onclick = () => {
      state.sort = { key: c.key, dir: c.key === key ? -dir : c.num ? -1 : 1 };
      renderTable();
    };
    return th;
  }));
  document.querySelector("#trials thead").replaceChildren(head);
  const rows = (state.bySet ? setRows() : [...state.trials]).sort((a, b) => dir * compare(value(a, key), value(b, key))
    || a.trialNumber - b.trialNumber);
  document.querySelector("#trials tbody").replaceChildren(...rows.map((t) => nh.el("tr",
    { "data-trial": t.trialNumber, "data-trials": t.trialsOfSet.join(" "), "data-mean": t.objective, "data-test": t.meanTestAccuracy, class: isBest(t) ? "best" : t.pruned ? "pruned" : null },
    ...cols.map((c) => nh.el("td", { class: c.num ? "num" : null }, c.show(value(t, c.key)))))));
}

document.getElementById("by-set").onchange = (e) => {
  state.bySet = e.target.checked;
  renderTable();
};

/* ---- all together, at most five times a second ---- */

const render = nh.throttle(() => {
  renderFacts();
  renderBestCurve();
  renderScatter();
  renderParallel();
  renderEnergy();
  renderBestSet();
  renderTable();
}, 200);

if (!studyId) {
  document.querySelector("main").replaceChildren(nh.el("p", { class: "empty" }, "no study given: open this page as study.html?id=STUDY_ID"));
} else {
  render();
  // a study the results service let go (ended before those it holds) answers 410: say so, since
  // its event stream would only fail; any other answer (a study not seen yet too) streams
  fetch("studies/" + encodeURIComponent(studyId)).then(async (r) => {
    if (r.status === 410) {
      const body = await r.json();
      document.querySelector("main").replaceChildren(nh.el("p", { class: "empty", id: "gone" }, body.problems.join("; ")));
    } else {
      nh.stream("studies/" + encodeURIComponent(studyId) + "/events", onEvent);
    }
  });
}
