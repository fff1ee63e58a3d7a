"use strict";
(function () {
  const head = REVIEW[0];
  const rows = REVIEW.slice(1);
  const col = {};
  head.forEach((h, k) => { col[h] = k; });
  const fields = [];
  head.forEach((h) => { if (h.startsWith("a_") && h !== "a_source" && h !== "a_id") fields.push(h.slice(2)); });
  const storeKey = "freedcount-review-" + REVIEW_ID;
  const keyOf = (row) => [row[col.a_source], row[col.a_id], row[col.b_source], row[col.b_id]].join("\u0000");

  let decisions = {};
  try { decisions = JSON.parse(localStorage.getItem(storeKey) || "{}"); } catch (e) { decisions = {}; }
  function save() {
    try { localStorage.setItem(storeKey, JSON.stringify(decisions)); } catch (e) { /* storage refused: keep in memory */ }
  }

  const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
  const main = document.getElementById("pairs");
  const status = document.getElementById("status");
  const cards = [];
  let current = 0;

  function text(tag, s, cls) {
    const e = document.createElement(tag);
    e.textContent = s;
    if (cls) e.className = cls;
    return e;
  }

  rows.forEach((row, k) => {
    const card = document.createElement("section");
    card.className = "pair";
    card.id = "pair-" + row[col.item];
    const h = text("h2", "Pair " + row[col.item] + " ");
    const meta = [row[col.a_source] + "/" + row[col.a_id], row[col.b_source] + "/" + row[col.b_id]];
    if (col.kind !== undefined) meta.push(row[col.kind], "score " + row[col.score] + " bits", row[col.linked] === "true" ? "linked" : "not linked");
    if (col.reason !== undefined && row[col.reason]) meta.push(row[col.reason]);
    h.appendChild(text("span", meta.join(" · "), "meta"));
    card.appendChild(h);
    const table = document.createElement("table");
    fields.forEach((f) => {
      const tr = document.createElement("tr");
      const a = row[col["a_" + f]], b = row[col["b_" + f]];
      tr.appendChild(text("th", f));
      const agree = a !== "" && b !== "" && fold(a) === fold(b);
      tr.appendChild(text("td", a || "—", agree ? "agree" : (a ? "" : "missing")));
      tr.appendChild(text("td", b || "—", agree ? "agree" : (b ? "" : "missing")));
      table.appendChild(tr);
    });
    card.appendChild(table);
    const buttons = document.createElement("div");
    buttons.className = "buttons";
    ["same", "different", "unsure"].forEach((v) => {
      const btn = text("button", v === "same" ? "Same person (s)" : v === "different" ? "Different people (d)" : "Unsure (u)", v);
      btn.type = "button";
      btn.dataset.verdict = v;
      btn.addEventListener("click", () => decide(k, v));
      buttons.appendChild(btn);
    });
    card.appendChild(buttons);
    card.addEventListener("click", () => focus(k));
    main.appendChild(card);
    cards.push(card);
  });

  function paint() {
    let n = 0;
    rows.forEach((row, k) => {
      const v = decisions[keyOf(row)] || "";
      if (v) n++;
      cards[k].querySelectorAll("button").forEach((b) => b.classList.toggle("chosen", b.dataset.verdict === v));
      cards[k].classList.toggle("current", k === current);
    });
    status.textContent = n + " of " + rows.length + " pairs decided";
  }

  function focus(k) {
    current = Math.max(0, Math.min(rows.length - 1, k));
    paint();
  }

  function decide(k, v) {
    decisions[keyOf(rows[k])] = v;
    save();
    current = Math.min(k + 1, rows.length - 1);
    paint();
    if (cards[current] && cards[current].scrollIntoView) cards[current].scrollIntoView({ block: "nearest" });
  }

  function csvField(s) {
    return /[",\r\n]/.test(s) || /^[ \t]/.test(s) ? "\"" + s.replace(/"/g, "\"\"") + "\"" : s;
  }

  function csv() {
    const out = [head.map(csvField).join(",")];
    rows.forEach((row) => {
      const r = row.slice();
      r[col.decision] = decisions[keyOf(row)] || "";
      out.push(r.map(csvField).join(","));
    });
    return out.join("\r\n") + "\r\n";
  }

  document.getElementById("download").addEventListener("click", () => {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([csv()], { type: "text/csv;charset=utf-8" }));
    a.download = "decisions-" + REVIEW_ID + ".csv";
    document.body.appendChild(a);
    a.click();
    a.remove();
  });
  document.getElementById("clear").addEventListener("click", () => {
    if (window.confirm("Forget every decision kept in this browser for this page?")) {
      decisions = {};
      save();
      paint();
    }
  });
  document.addEventListener("keydown", (e) => {
    const v = { s: "same", d: "different", u: "unsure" }[e.key];
    if (v) decide(current, v);
    else if (e.key === "ArrowDown" || e.key === "j") focus(current + 1);
    else if (e.key === "ArrowUp" || e.key === "k") focus(current - 1);
  });
  paint();

  // Test mode: decide pairs by clicking, as a reviewer would, and show the
  // CSV the page would download.
  const frag = decodeURIComponent(location.hash.slice(1));
  const out = document.getElementById("test-output");
  if (frag.startsWith("test-decide=")) {
    frag.slice("test-decide=".length).split(",").forEach((d) => {
      const [item, verdict] = d.split(":");
      const card = document.getElementById("pair-" + item);
      const btn = card && card.querySelector("button[data-verdict=\"" + verdict + "\"]");
      if (btn) btn.click();
    });
    out.textContent = csv();
  } else if (frag === "test-export") {
    out.textContent = csv();
  }
})();
