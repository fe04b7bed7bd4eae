package server

import (
	"fmt"
	"net/http"
)

// ui is the web interface. Placeholder page until the UI lands.
type ui struct{ s *Server }

func newUI(s *Server) (*ui, error) { return &ui{s: s}, nil }

func (u *ui) routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>berean</title></head><body><h1>berean</h1><form action="/api/read"><label>Reference <input name="ref"></label><button>Read</button></form></body></html>`)
	})
}
