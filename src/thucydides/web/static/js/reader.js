// Document reader: hovering or focusing an evidence highlight shows its proposition in the side panel;
// j / k (or n / p) move to the next / previous highlight; a claim button in the panel focuses its highlight.
"use strict";
(function () {
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.ev[data-claim]"));
  var empty = document.getElementById("detail-empty");
  var shown = null;

  function show(key) {
    var detail = document.getElementById("cd-" + key);
    if (!detail) { return; }
    if (shown && shown !== detail) { shown.hidden = true; }
    detail.hidden = false;
    shown = detail;
    if (empty) { empty.hidden = true; }
    marks.forEach(function (m) { m.classList.toggle("active", m.dataset.claim === key); });
  }

  marks.forEach(function (mark) {
    mark.addEventListener("mouseenter", function () { show(mark.dataset.claim); });
    mark.addEventListener("focus", function () { show(mark.dataset.claim); });
    mark.addEventListener("click", function () { show(mark.dataset.claim); });
  });

  document.querySelectorAll("button.goto[data-claim]").forEach(function (button) {
    button.addEventListener("click", function () {
      var target = marks.filter(function (m) { return m.dataset.claim === button.dataset.claim; })[0];
      if (target) { target.focus(); target.scrollIntoView({block: "center"}); } else { show(button.dataset.claim); }
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.target.closest && event.target.closest("input, textarea, select")) { return; }
    var step = {j: 1, n: 1, k: -1, p: -1}[event.key];
    if (!step || !marks.length) { return; }
    var at = marks.indexOf(document.activeElement);
    if (at < 0) { at = marks.indexOf(document.querySelector("mark.ev.active")); }
    var next = at < 0 ? (step > 0 ? 0 : marks.length - 1) : (at + step + marks.length) % marks.length;
    marks[next].focus();
    event.preventDefault();
  });
})();
