// Package server is berean's HTTP JSON API and web UI.
//
// # API
//
// Routes follow the contract: GET /api/read, /api/refs, /api/search, /api/ask,
// /api/study, /api/xref, /api/lexicon/{key}, /api/topic/{name}, /api/modules,
// POST /api/verify (text/plain, or JSON {"text": ...}), plus /healthz,
// /metrics (Prometheus text format: requests by route and code, latency
// histograms by route, Go runtime and process metrics) and /api/openapi.json. Each handler calls
// one method of the engine (package berean: Read, Search, Ask, Study, Xref,
// Verify ...) and encodes its result type, the one the CLI prints with
// --json, so the two agree field for field. The OpenAPI document is derived
// from those Go types by reflection (openapi.go): a field without omitempty
// is required; TestOpenAPI checks real responses of every endpoint against it.
//
// Languages: ask, study and xref run in the language of the Bible a
// request names, else of its text (a Spanish question is answered from the
// Spanish Bibles), else the default Bible's (berean.Engine.LangFor);
// /api/read and /api/refs take lang for the book names; verify reads an
// article's citations in its detected language. Pages mark each text with
// its module's language (lang="es" on a Reina-Valera cell; the page itself
// is English).
//
// Every request gets a deadline (503 "timeout" when it passes; deadline.go
// arms its timer only when something waits on it, so a short request pays
// for no timer), bodies are
// limited to 1 MiB (413), query strings to 16 KiB (414), and errors use the
// shape {"error":{"code":"...","message":"..."}} with a code of the engine's
// one list, whose status it takes (berean.HTTPStatus): 4xx for the user's mistakes
// (400 bad input, 404 unknown module, key or topic, 405 wrong method, also
// for POST on /healthz and /metrics, 413 too_large for any input over a
// limit), 5xx only for faults of the machine or the modules. A body shorter
// than its Content-Length, or a client that stops sending or hangs up
// mid-body, is 400 bad_request; no message shows the connection's addresses.
// CORS headers are sent to the configured origins only. TestAdversarialInputs
// sends every endpoint inputs of 1 MiB built to be slow and checks each reply
// comes within the deadline.
//
// Damage found in the search index by any feature (a section or block whose
// checksum fails on first use) is handled by the engine (berean.Engine
// .WithIndex): the request is answered from a rebuilt index, never from the
// damaged one; the server logs it, counts it (berean_index_faults and
// berean_index_degraded on /metrics) and /healthz answers 503 "degraded"
// until the rebuild ends. `berean serve` reads its index into memory, so an
// index file truncated or overwritten in place cannot fault the process.
//
// Heavy requests (ask, study, xref, verify) run at most max(2, GOMAXPROCS)
// at a time (limit.go); studies are kept per generation and written once
// per topic however many requests ask at the same time (studycache.go).
// `berean serve` sets a soft memory limit of 220 MiB unless GOMEMLIMIT is
// set. Under 64 connections cycling through every endpoint (part 3 of
// scripts/bench-server.sh), on 2 cores also loaded by other work: p99 497
// ms, 855 req/s, RSS 226 MB at load average 15; p99 1.16-1.25 s, RSS 216-218
// MB at load average 20-30 (before: p99 3.4 s, RSS 376 MB); no errors.
//
// The read path caches encoded responses (cache.go): parsing the reference
// and rendering the markup cost ~80 µs, the cached answer ~1 µs, and the
// engine is read-only, so an entry never goes stale. GET /api/read?ref=John+3:16
// with 64 connections (part 1 of scripts/bench-server.sh: the server on CPU 1
// at GOMAXPROCS=1, wrk on CPU 0): about 54k req/s, 75% of the hello-world
// handler's; p99 4.7-5.7 ms against its 3.8 ms, the spread set by the other
// work of the shared machine (turning the collector off moves it by less).
// The access log is 8% of the server's time, the deadline 1-2%. GET /_hello is a bare
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
// With ?commentary=MHCC (a menu of the installed commentaries) the reader
// shows a pane beside each passage with the comments covering it, each once
// with its range, references linked to /read (comments.go; /api/read takes
// the same commentary= parameter).
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
