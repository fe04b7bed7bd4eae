// Package server is berean's HTTP JSON API and web UI.
//
// # API
//
// Routes follow the contract: GET /api/read, /api/refs, /api/search, /api/ask,
// /api/study, /api/xref, /api/lexicon/{key}, /api/topic/{name}, /api/modules,
// POST /api/verify (text/plain, or JSON {"text": ...}), plus /healthz,
// /metrics (Prometheus text format: requests by route and code, latency
// histograms by route, Go runtime and process metrics) and /api/openapi.json. Each handler calls
// one engine (package berean, or ask, study, xref and verify over the shared
// search index) and encodes its result type, the one the CLI prints with
// --json, so the two agree field for field. The OpenAPI document is derived
// from those Go types by reflection (openapi.go): a field without omitempty
// is required; TestOpenAPI checks real responses of every endpoint against it.
//
// Every request gets a deadline (503 "timeout" when it passes), bodies are
// limited to 1 MiB (413), query strings to 16 KiB (414), and errors use the
// shape {"error":{"code":"...","message":"..."}}: 4xx for the user's mistakes
// (400 bad input, 404 unknown module, key or topic, 405 wrong method), 5xx
// only for faults of the machine or the modules. CORS headers are sent to the
// configured origins only.
//
// The read path caches encoded responses (cache.go): parsing the reference
// and rendering the markup cost ~80 µs, the cached answer ~1 µs, and the
// engine is read-only, so an entry never goes stale. GET /_hello is a bare
// hello-world handler outside all middleware, the baseline of
// scripts/bench-server.sh.
//
// Metrics use the VictoriaMetrics metrics client, which writes the
// Prometheus exposition format (counters, histograms with le buckets) and
// costs nothing at process start. The official client's package init (its
// default registry with Go and process collectors, procfs, protobuf) took
// 1.5-2 ms of every berean process, a quarter of `berean read`, whether or
// not it serves.
//
// # Web UI
//
// Pages are html/template files (templates/, parsed per page in New, no
// package-level templates) with embedded assets (static/). They work without
// JavaScript; static/app.js adds keyboard shortcuts (/ focuses the box, the
// arrow keys move chapters), tap-to-open citation tips and footnotes, and
// the copy buttons. The search box at / sends a Strong's number (G1793) to
// /lexicon/{key}, "topic:NAME" to /topic, a reference (it parses, and has a
// number) to /read, a question (ends in "?", starts with a question word, or
// has six or more plain words) to /ask, and anything else to /search (which
// names the Nave's topic the query is, if any).
//
// The reader (reader.go) reads through Engine.ReadRows, the call /api/read
// uses, so both accept and refuse the same references (TestReadStatusAgrees
// walks a table of them through both). /read alone lists the books; a bare
// book shows chapter 1 with a link to the whole book; a reference to a book
// one chosen Bible lacks (Sirach in KJV and WEB) is read from the first that
// has it, the other column left empty. Translations are side by side,
// aligned through the versification maps; previous and next chapter links
// cross book boundaries; a picker chooses book and chapter; the module's
// footnotes and cross-reference notes are markers (a, b, ...) whose note
// opens on hover, focus, Enter or tap and is listed under the passage; a copy
// button puts "Psalm 23:1-2 (KJV)\n1 The LORD ..." on the clipboard.
// Strong's links are off by default. The chosen Bibles and the Strong's
// setting live in two cookies (prefs.go), so a link followed (a search hit,
// a topic's passage) opens in them; the server itself keeps nothing.
//
// Index pages (pages.go): /topic lists Nave's topics A-Z with a filter;
// /topic/{name} links every reference of every line from the entry's own
// links (the references the JSON gives) and follows a "See X" entry;
// /lexicon lists Strong's Greek and Hebrew by number, 200 a page, and finds
// entries by number or by a word of their definition; /lexicon/{key} lists
// the verses of the word, 50 a page, in keyword-in-context form; /xref sends
// the reader to the related passages. A bad input is shown as a sentence
// next to the form, the input kept as typed (formError). /search draws hits
// per book as an SVG bar chart (svg.go) and /study its passages on an SVG
// strip from Genesis to Revelation, with a Markdown download
// (?format=md) and a JSON link; ask and study have a translation choice;
// /verify annotates a pasted article, each citation coloured by verdict (and
// marked with a symbol, not colour alone) with the passage shown on hover,
// focus or tap, its table of citations turning into cards on a phone.
//
// Measured (2 cores, KJV and WEB, warm index): John 3 in KJV and WEB is
// 36 KB of HTML with Strong's links off, 121 KB and 1,377 links with them
// on; /lexicon builds its rows of the Strong's entries (G1-G5624,
// H1-H8674) on first use (2.3 s cold, then 10 ms a page; a word search
// 40 ms); /topic 60 ms.
//
// Browser tests (chromedp, the installed chromium) check the chapter keys,
// the copy text, the footnote popovers, that no page scrolls sideways at
// 390 px, and an accessibility pass on every page (labels, landmarks, WCAG AA
// contrast of the main text colours).
//
// The server holds no state besides the read-only engine and caches, so it
// scales out behind any load balancer.
package server
