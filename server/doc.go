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
// JavaScript; static/app.js adds keyboard shortcuts and tap-to-open citation
// tips. The search box at / sends a reference (it parses, and has a number)
// to /read, a question (ends in "?", starts with a question word, or has six
// or more plain words) to /ask, and anything else to /search. /read shows
// translations side by side, aligned through the versification maps, with
// verse numbers and each word tagged with a Strong's number linking to
// /lexicon/{key}; /topic/{name} links its references; /search draws hits per
// book as an SVG bar chart (svg.go) and /study its passages on an SVG strip
// from Genesis to Revelation; /verify annotates a pasted article, each
// citation coloured by verdict (and marked with a symbol, not colour alone)
// with the passage shown on hover, focus or tap.
//
// The server holds no state besides the read-only engine and caches, so it
// scales out behind any load balancer.
package server
