// berean: small enhancements. Every page works without this file.
(function () {
  "use strict";
  // "/" focuses the search box (unless typing somewhere already).
  document.addEventListener("keydown", function (e) {
    var t = e.target, tag = t && t.tagName;
    if (e.key === "/" && tag !== "INPUT" && tag !== "TEXTAREA" && !e.ctrlKey && !e.metaKey && !e.altKey) {
      var q = document.getElementById("q");
      if (q) { e.preventDefault(); q.focus(); q.select(); }
    }
    // Escape closes an open citation tip.
    if (e.key === "Escape") {
      document.querySelectorAll(".cite.open").forEach(function (c) { c.classList.remove("open"); });
      if (t && t.classList && t.classList.contains("cite")) { t.blur(); }
    }
  });
  // Tapping a citation toggles its passage (touch screens have no hover).
  document.addEventListener("click", function (e) {
    var c = e.target.closest ? e.target.closest(".article .cite") : null;
    if (e.target.closest && e.target.closest(".tip a")) { return; }
    document.querySelectorAll(".cite.open").forEach(function (o) { if (o !== c) { o.classList.remove("open"); } });
    if (c) { c.classList.toggle("open"); }
  });
  // Enter or Space on a focused citation toggles it as well.
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if ((e.key === "Enter" || e.key === " ") && t.classList && t.classList.contains("cite")) {
      e.preventDefault(); t.classList.toggle("open");
    }
  });
  // Verify: Ctrl+Enter submits the article.
  var ta = document.getElementById("text");
  if (ta && ta.form) {
    ta.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { ta.form.submit(); }
    });
  }
})();
