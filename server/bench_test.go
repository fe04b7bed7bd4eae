package server

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
)

func benchHandler(b *testing.B, path string, logged bool) {
	cfg := Config{Engine: testEngine(b)}
	if logged {
		cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	s, err := New(cfg)
	if err != nil {
		b.Fatal(err)
	}
	h := s.Handler()
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			w := httptest.NewRecorder()
			h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
			if w.Code != 200 {
				b.Fatalf("%s: %d", path, w.Code)
			}
		}
	})
}

func BenchmarkHello(b *testing.B)       { benchHandler(b, "/_hello", true) }
func BenchmarkReadJohn316(b *testing.B) { benchHandler(b, "/api/read?ref=John+3:16", true) }
func BenchmarkHealthz(b *testing.B)     { benchHandler(b, "/healthz", true) }
