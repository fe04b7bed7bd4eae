package server

import (
	"fmt"
	"net/http"
)

// healthz answers "ok", or 503 "degraded: ..." while the search index,
// found damaged, is being rebuilt (berean.Engine.IndexHealth).
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if h := s.cur().eng.IndexHealth(); h.Degraded {
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintf(w, "degraded: the search index was found damaged and is being rebuilt (%s)\n", h.Reason)
		return
	}
	fmt.Fprintln(w, "ok")
}

// indexMetrics exports the index faults found (berean_index_faults) and
// whether the server is degraded by one (berean_index_degraded).
func (s *Server) indexMetrics() {
	s.metrics.NewGauge("berean_index_faults", func() float64 {
		return float64(s.cur().eng.IndexHealth().Faults)
	})
	s.metrics.NewGauge("berean_index_degraded", func() float64 {
		if s.cur().eng.IndexHealth().Degraded {
			return 1
		}
		return 0
	})
}
