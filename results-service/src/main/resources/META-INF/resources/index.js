/* The study list: one row per study, kept live from /studies/overview/stream. */
"use strict";

function renderStudies(list) {
  const body = document.querySelector("#studies tbody");
  document.getElementById("none").style.display = list.length ? "none" : "";
  body.replaceChildren(
    ...list.map((s) => {
      const budget = s.budget > 0 ? s.budget : null;
      const bar = nh.el("span", { class: "progress" },
        nh.el("i", { style: `width:${budget ? Math.min(100, (100 * s.trialsDone) / budget) : 0}%` }));
      return nh.el("tr", { "data-study": s.studyId },
        nh.el("td", {}, nh.el("a", { href: "study.html?id=" + encodeURIComponent(s.studyId) }, s.studyId)),
        nh.el("td", {}, s.name ?? "\u2013"),
        nh.el("td", {}, nh.el("span", { class: "badge " + s.status }, s.status)),
        nh.el("td", {}, s.strategy ?? "\u2013"),
        nh.el("td", {}, s.dataset ?? "\u2013"),
        nh.el("td", { class: "num" }, bar, `${s.trialsDone} / ${budget ?? "?"}`
          + (s.trialsPruned ? ` (${s.trialsPruned} pruned)` : "")),
        nh.el("td", { class: "num" }, nh.fmt(s.bestMeanValidationAccuracy)),
        nh.el("td", { class: "num" }, nh.fmt(s.bestMeanTestAccuracy)),
        nh.el("td", {}, nh.time(s.createdAt)));
    }));
}

nh.stream("studies/overview/stream", renderStudies);
