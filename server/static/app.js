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
  // Reader: the arrow keys move to the previous or next chapter.
  document.addEventListener("keydown", function (e) {
    var t = e.target, tag = t && t.tagName;
    if (e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") { return; }
    var id = e.key === "ArrowLeft" ? "prev-ch" : e.key === "ArrowRight" ? "next-ch" : "";
    var a = id && document.getElementById(id);
    if (a) { e.preventDefault(); window.location.href = a.href; }
  });
  // Footnotes: a marker opens its note on click, tap, Enter or Space;
  // Escape or a click elsewhere closes it.
  function setOpen(fn, open) {
    fn.classList.toggle("open", open);
    fn.setAttribute("aria-expanded", open ? "true" : "false");
  }
  document.addEventListener("click", function (e) {
    var fn = e.target.closest ? e.target.closest(".fn") : null;
    document.querySelectorAll(".fn.open").forEach(function (o) { if (o !== fn) { setOpen(o, false); } });
    if (fn) { setOpen(fn, !fn.classList.contains("open")); }
  });
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (t && t.classList && t.classList.contains("fn")) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); setOpen(t, !t.classList.contains("open")); }
      if (e.key === "Escape") { setOpen(t, false); }
    }
  });
  // Copy: the passage with its reference and translation.
  document.querySelectorAll("button.copy").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () {
      var text = b.getAttribute("data-copy");
      var done = function () { b.setAttribute("data-copied", text); b.textContent = "Copied"; setTimeout(function () { b.textContent = "Copy"; }, 1500); };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
      } else { fallback(text); done(); }
    });
  });
  function fallback(text) {
    var ta = document.createElement("textarea");
    ta.value = text; ta.setAttribute("readonly", ""); ta.style.position = "fixed"; ta.style.opacity = "0";
    document.body.appendChild(ta); ta.select();
    try { document.execCommand("copy"); } catch (err) { /* nothing more to try */ }
    document.body.removeChild(ta);
  }
})();
