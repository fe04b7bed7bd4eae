package server

import (
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"berean"
)

// statusWriter records the status and size of a response for logs and metrics.
type statusWriter struct {
	http.ResponseWriter
	status int
	size   int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.size += n
	return n, err
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// instrument counts requests and observes latency under a fixed route name, so
// metrics have bounded cardinality. The series of the route (and its 200
// counter) are resolved once, here, not per request.
func (s *Server) instrument(route string, h http.Handler) http.Handler {
	lat := s.metrics.GetOrCreatePrometheusHistogramExt(`berean_http_request_duration_seconds{route="`+route+`"}`, latencyBuckets)
	ok := s.metrics.GetOrCreateCounter(`berean_http_requests_total{code="200",route="` + route + `"}`)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw, ok2 := w.(*statusWriter) // the middleware's, when there is one
		if !ok2 {
			sw = &statusWriter{ResponseWriter: w}
		}
		h.ServeHTTP(sw, r)
		if sw.status == 0 || sw.status == http.StatusOK {
			ok.Inc()
		} else {
			s.metrics.GetOrCreateCounter(`berean_http_requests_total{code="` + strconv.Itoa(sw.status) + `",route="` + route + `"}`).Inc()
		}
		lat.Update(time.Since(start).Seconds())
	})
}

// middleware applies, outermost first: access log, CORS, input limits, and
// the request deadline.
func (s *Server) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			s.log.LogAttrs(r.Context(), slog.LevelInfo, "request",
				slog.String("method", r.Method), slog.String("path", r.URL.Path),
				slog.Int("status", sw.status), slog.Int("bytes", sw.size),
				slog.Duration("took", time.Since(start)), slog.String("remote", r.RemoteAddr))
		}()
		if s.setCORS(sw, r) && r.Method == http.MethodOptions {
			sw.WriteHeader(http.StatusNoContent)
			return
		}
		if len(r.URL.RawQuery) > MaxQuery {
			s.writeError(sw, r, &Error{Status: http.StatusRequestURITooLong, Code: berean.CodeTooLarge,
				Message: "the query string is longer than " + strconv.Itoa(MaxQuery) + " bytes"})
			return
		}
		if !utf8.ValidString(r.URL.Path) {
			s.writeError(sw, r, apiError(berean.CodeBadRequest, "the path is not valid UTF-8"))
			return
		}
		if r.Body != nil && r.Body != http.NoBody {
			r.Body = http.MaxBytesReader(sw, r.Body, MaxBody)
		}
		ctx := withLazyDeadline(r.Context(), s.timeout)
		defer ctx.stop()
		next.ServeHTTP(sw, r.WithContext(ctx))
	})
}

// setCORS adds CORS headers when the request's origin is allowed, and reports
// whether it did.
func (s *Server) setCORS(w http.ResponseWriter, r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" || len(s.cors) == 0 {
		return false
	}
	if !slices.Contains(s.cors, "*") && !slices.Contains(s.cors, origin) {
		return false
	}
	h := w.Header()
	h.Set("Access-Control-Allow-Origin", origin)
	h.Set("Vary", "Origin")
	h.Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
	h.Set("Access-Control-Allow-Headers", "Content-Type")
	return true
}

var latencyBuckets = []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5}
