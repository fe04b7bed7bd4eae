// Package server is berean's HTTP JSON API and web UI.
//
// Routes follow the contract: GET /api/read, /api/refs, /api/search, /api/ask,
// /api/study, /api/xref, /api/lexicon/{key}, /api/topic/{name}, /api/modules,
// POST /api/verify, plus /healthz, /metrics (Prometheus) and the UI at /.
//
// Every request gets a deadline, bodies are limited to 1 MiB (413 above),
// query strings to 16 KiB (414), and errors use the shape
// {"error":{"code":"...","message":"..."}}: 4xx for the user's mistakes,
// 5xx only for faults of the machine or the modules. The server holds no
// state besides the read-only engine, so it scales out behind any load
// balancer.
package server
