"use strict";
// The workbench page: every number and chart comes from the server's API
// (see package workbench); this script only keeps the user's edits.
const T = {
  en: {title: "simulate workbench", scenario: "Scenario", lang: "Language", reset: "Reset", iitotal: "Σ II over the period",
    share: "II share of growth over the period", inc2024: "II increment in 2024", yi: "100 million yuan", pub: "Published values beside the model",
    metric: "metric", published: "published", model: "model", dltoml: "Download scenario TOML", dlxlsx: "Download workbook",
    dlhtml: "Download HTML report", savetoml: "Save TOML into the output folder", compare: "Compare", pin: "Pin this state",
    clear: "Clear pins", dlcxlsx: "Comparison workbook", dlchtml: "Comparison report", name: "name", prices: "prices", period: "period",
    sharecol: "II share %", domain: "domain", source: "source", def: "default (not given by the scenario)", busy: "computing…",
    ms: "updated in", wrote: "wrote", pinmax: "at most 6 states can be pinned", years: "year", notapplied: "this year's split is given in another form", shift: "add to every year", apply: "apply"},
  zh: {title: "simulate 工作台", scenario: "情景", lang: "语言", reset: "重置", iitotal: "全期产业互联网GDP增量合计",
    share: "全期产业互联网对GDP增长的贡献率", inc2024: "2024年产业互联网带来的GDP增量", yi: "亿元", pub: "公布值与模型值",
    metric: "指标", published: "公布值", model: "模型值", dltoml: "下载情景 TOML", dlxlsx: "下载工作簿",
    dlhtml: "下载 HTML 报告", savetoml: "将 TOML 保存到输出文件夹", compare: "比较", pin: "固定当前状态",
    clear: "清除固定", dlcxlsx: "比较工作簿", dlchtml: "比较报告", name: "名称", prices: "价格基年", period: "时期",
    sharecol: "贡献率 %", domain: "取值范围", source: "来源", def: "默认值（情景未给出）", busy: "计算中…",
    ms: "更新用时", wrote: "已写入", pinmax: "最多固定 6 个状态", years: "年份", notapplied: "该年的分解以另一种形式给出", shift: "各年同时加上", apply: "应用"},
};
const CHARTS = ["ii_increment", "decomposition", "ii_channels"];
let scenarios = [], cur = null, lang = "en", edits = new Map(), pins = [], seq = 0, timer = null;
const $ = (id) => document.getElementById(id);
const t = (k) => T[lang][k] || T.en[k] || k;
const show = (v) => +v.toPrecision(12); // 3.7000000000000006 → 3.7
const fmt = (v, d) => v == null ? "–" : v.toLocaleString(lang === "zh" ? "zh-CN" : "en-US", {minimumFractionDigits: d, maximumFractionDigits: d});

async function api(path, body) {
  const r = await fetch(path, {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
  if (!r.ok) throw new Error(await r.text());
  return r;
}
const changes = () => [...edits].map(([p, v]) => p + "=" + v);
const body = () => ({scenario: cur.name, changes: changes(), lang});

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v; else if (k === "text") e.textContent = v; else e.setAttribute(k, v);
  }
  for (const k of kids) e.append(k);
  return e;
}

function edit(path, value) {
  edits.delete(path); // the latest edit is applied last
  edits.set(path, value);
  schedule();
}

function sliderRange(p, v) {
  let lo = p.min, hi = p.max;
  if (lo == null) lo = Math.min(0, v * 2);
  if (hi == null) hi = Math.max(v * 2, lo + 1);
  if (v > 0 && hi - lo > 20 * v) { lo = Math.max(lo, v / 2); hi = Math.min(hi, v * 2); } // a wide domain: around the value
  return [lo, hi];
}

function renderControls() {
  const box = $("controls");
  box.replaceChildren();
  for (const p of cur.params) {
    const label = lang === "zh" ? p.label_zh : p.label_en, unit = lang === "zh" ? p.unit_zh : p.unit_en;
    const d = el("div", {class: "param", id: "param-" + p.key, "data-key": p.key});
    d.append(el("div", {class: "lab", text: label + (unit ? " (" + unit + ")" : "")}));
    d.append(el("div", {class: "key", text: p.key}));
    d.append(el("div", {class: "meta", text: p.doc + " · " + t("domain") + " " + p.domain}));
    d.append(el("div", {class: "src", text: t("source") + ": " + (p.source ? p.source + (p.comment ? " — " + p.comment : "") : t("def"))}));
    if (!p.per_year) {
      const v = p.values[0], [lo, hi] = sliderRange(p, v);
      const step = (hi - lo) / 1000;
      const r = el("input", {type: "range", min: lo, max: hi, step: step, value: v, "aria-label": label, "data-ctl": p.key});
      const n = el("input", {type: "number", step: "any", value: show(v), "aria-label": label + " value", "data-num": p.key});
      if (p.min != null) n.min = p.min;
      if (p.max != null) n.max = p.max;
      r.addEventListener("input", () => { n.value = r.value; edit(p.key, r.value); });
      n.addEventListener("change", () => { r.value = n.value; edit(p.key, n.value); });
      d.append(r, " ", n);
    } else {
      const tb = el("table", {class: "years"});
      let hr = null, vr = null;
      p.years.forEach((y, i) => {
        if (i % 3 === 0) { hr = el("tr"); vr = el("tr"); tb.append(hr, vr); }
        hr.append(el("th", {text: y}));
        const n = el("input", {type: "number", step: "any", value: show(p.values[i]), "data-key": p.key, "data-year": y, "aria-label": label + " " + y});
        if (p.inactive && p.inactive[i]) { n.disabled = true; n.title = t("notapplied"); }
        n.addEventListener("change", () => edit(p.key + "[" + y + "]", n.value));
        vr.append(el("td", {}, n));
      });
      // Shift the whole path: the same amount added to every year.
      const sh = el("input", {type: "number", step: "any", value: 0, "aria-label": label + " " + t("shift"), "data-shift": p.key});
      const go = el("button", {type: "button", text: t("apply")});
      go.addEventListener("click", () => {
        const by = +sh.value;
        if (!by) return;
        tb.querySelectorAll("input:not(:disabled)").forEach((n) => {
          n.value = show(+n.value + by);
          edit(p.key + "[" + n.dataset.year + "]", n.value);
        });
        sh.value = 0;
      });
      d.append(tb, el("div", {class: "shift"}, t("shift") + " ", sh, " ", go));
    }
    box.append(d);
  }
}

// showInputs puts the state's resolved values into the controls the user is
// not touching (the other TFP weights follow a moved one).
function showInputs(inputs) {
  for (const p of cur.params) {
    const vals = inputs[p.key];
    if (!vals) continue;
    const div = $("param-" + p.key);
    const changed = vals.some((v, i) => v !== p.values[i]);
    div.classList.toggle("changed", changed);
    if (!p.per_year) {
      const r = div.querySelector("input[type=range]"), n = div.querySelector("input[type=number]");
      if (document.activeElement !== r && document.activeElement !== n) { r.value = vals[0]; n.value = show(vals[0]); }
    } else {
      div.querySelectorAll("input[data-year]").forEach((n, i) => { if (document.activeElement !== n) n.value = show(vals[i]); });
    }
  }
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(update, 30);
}

async function update() {
  const my = ++seq, t0 = performance.now();
  $("status").textContent = t("busy");
  try {
    const r = await (await api("/api/run", {...body(), charts: CHARTS})).json();
    if (my !== seq) return;
    $("error").hidden = true;
    $("h-total").textContent = fmt(r.headline.ii_total_yi, 1);
    $("h-share").textContent = fmt(r.headline.period_ii_share_pct, 2);
    $("h-2024").textContent = fmt(r.headline.ii_increment_2024_yi, 1);
    for (const c of CHARTS) $("chart-" + c).innerHTML = r.charts[c];
    const pt = $("published");
    pt.hidden = !r.published;
    pt.tBodies[0].replaceChildren(...(r.published || []).map((p) =>
      el("tr", {title: p.metric}, el("td", {text: lang === "zh" ? p.label_zh : p.label_en}), el("td", {text: fmt(p.published, 1)}), el("td", {text: fmt(p.model, 1)}))));
    $("notes").replaceChildren(...(r.notes || []).map((n) => el("p", {class: "note", text: n})));
    showInputs(r.inputs);
    $("status").textContent = t("ms") + " " + Math.round(performance.now() - t0) + " ms";
    document.body.dataset.seq = my;
  } catch (e) {
    if (my !== seq) return;
    $("error").hidden = false;
    $("error").textContent = e.message;
    $("status").textContent = "";
  }
}

async function download(path, b) {
  try {
    const r = await api(path, b);
    const name = (r.headers.get("Content-Disposition") || "").replace(/^.*filename="?([^"]*)"?$/, "$1") || "download";
    const url = URL.createObjectURL(await r.blob());
    const a = el("a", {href: url, download: name});
    document.body.append(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (e) { $("error").hidden = false; $("error").textContent = e.message; }
}

async function refreshCompare() {
  $("pins").replaceChildren(...pins.map((p) => el("li", {text: p.name + " — " + p.scenario + (p.changes.length ? ": " + p.changes.join(", ") : "")})));
  $("dl-cxlsx").disabled = $("dl-chtml").disabled = pins.length === 0;
  if (pins.length === 0) { $("ctable").hidden = true; $("ccharts").replaceChildren(); return; }
  try {
    const r = await (await api("/api/compare", {states: pins, lang})).json();
    $("ctable").hidden = false;
    $("ctable").tBodies[0].replaceChildren(...r.table.map((x) => el("tr", {},
      el("td", {text: x.name}), el("td", {text: x.scenario}), el("td", {text: x.price_base}), el("td", {text: x.period}),
      el("td", {text: fmt(x.ii_total_yi, 1)}), el("td", {text: fmt(x.delta_gdp_total_yi, 1)}), el("td", {text: fmt(x.period_ii_share_pct, 2)}))));
    $("ccharts").replaceChildren(...r.order.map((n) => { const f = el("figure", {id: "cchart-" + n}); f.innerHTML = r.charts[n]; return f; }));
  } catch (e) { $("error").hidden = false; $("error").textContent = e.message; }
}

function translate() {
  document.documentElement.lang = lang;
  document.querySelectorAll("[data-t]").forEach((e) => { e.textContent = t(e.dataset.t); });
  $("pin-name").placeholder = t("name");
  document.title = t("title");
}

function choose(name) {
  cur = scenarios.find((s) => s.name === name) || scenarios[0];
  edits = new Map();
  $("desc").textContent = cur.title + (cur.description ? " — " + cur.description : "");
  renderControls();
  update();
}

async function init() {
  scenarios = await (await fetch("/api/scenarios")).json();
  const sel = $("scenario");
  for (const s of scenarios) sel.append(el("option", {value: s.name, text: s.name + " — " + s.title}));
  const q = new URLSearchParams(location.search);
  if (q.get("lang") === "zh") { lang = "zh"; $("lang").value = "zh"; }
  sel.addEventListener("change", () => choose(sel.value));
  $("lang").addEventListener("change", () => { lang = $("lang").value; translate(); renderControls(); update(); refreshCompare(); });
  $("reset").addEventListener("click", () => choose(cur.name));
  $("dl-toml").addEventListener("click", () => download("/api/toml", body()));
  $("dl-xlsx").addEventListener("click", () => download("/api/workbook", body()));
  $("dl-html").addEventListener("click", () => download("/api/report", body()));
  $("dl-cxlsx").addEventListener("click", () => download("/api/workbook", {states: pins, lang}));
  $("dl-chtml").addEventListener("click", () => download("/api/report", {states: pins, lang}));
  $("save-toml").addEventListener("click", async () => {
    try {
      const r = await (await api("/api/save", {...body(), kind: "toml"})).json();
      $("saved").textContent = t("wrote") + " " + r.wrote.join(", ");
    } catch (e) { $("error").hidden = false; $("error").textContent = e.message; }
  });
  $("pin").addEventListener("click", () => {
    if (pins.length >= 6) { $("error").hidden = false; $("error").textContent = t("pinmax"); return; }
    let name = $("pin-name").value.trim().replace(/[^A-Za-z0-9._-]/g, "-") || "state" + (pins.length + 1);
    while (pins.some((p) => p.name === name)) name += "-" + (pins.length + 1);
    pins.push({name, scenario: cur.name, changes: changes()});
    $("pin-name").value = "";
    refreshCompare();
  });
  $("clear-pins").addEventListener("click", () => { pins = []; refreshCompare(); });
  translate();
  choose(scenarios[0].name);
}
init();
