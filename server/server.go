package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/VictoriaMetrics/metrics"

	"berean"
)

// MaxBody is the largest request body accepted (1 MiB); larger bodies get 413.
const MaxBody = 1 << 20

// MaxQuery is the longest query string accepted; longer ones get 414.
const MaxQuery = 16 << 10

// Config holds what the server needs. The zero values of the optional fields
// are sensible defaults.
type Config struct {
	Engine *berean.Engine
	Logger *slog.Logger
	// Timeout is the deadline of every request (default 30 s).
	Timeout time.Duration
	// CORSOrigins lists the origins allowed to call the API from a browser;
	// "*" allows any. Empty: no CORS headers.
	CORSOrigins []string
	// Reopen opens the engine again after the installed modules changed
	// (see Watch). Nil: the server keeps its first engine.
	Reopen func() (*berean.Engine, error)
}

// Server is the HTTP API and web UI. It is stateless apart from the read-only
// engine, so any number of replicas can run behind a load balancer.
type Server struct {
	// gen is the engine in use and what is built on it. When the installed
	// modules change (see Watch), a new generation replaces it; requests
	// under way finish on the old one.
	gen     atomic.Pointer[generation]
	reopen  func() (*berean.Engine, error)
	log     *slog.Logger
	timeout time.Duration
	cors    []string
	metrics *metrics.Set
	mux     *http.ServeMux
	ui      *ui
	openapi []byte
	heavy   chan struct{} // turns of heavy requests (limit.go)
}

// generation is one opened engine (with the features built on it) and the
// cache of encoded responses it produced.
type generation struct {
	eng *berean.Engine
	// readCache keeps encoded /api/read responses (the read path is
	// dominated by parsing the reference and rendering markup).
	readCache *respCache
	// studies keeps the studies written (the costliest endpoint).
	studies *studyCache
}

func newGeneration(eng *berean.Engine) *generation {
	return &generation{eng: eng, readCache: newRespCache(20000, 32<<20, 256<<10), studies: newStudyCache(512)}
}

// cur is the generation requests use now.
func (s *Server) cur() *generation { return s.gen.Load() }

// New builds a server and its routes.
func New(cfg Config) (*Server, error) {
	if cfg.Engine == nil {
		return nil, errors.New("server: no engine")
	}
	s := &Server{
		reopen:  cfg.Reopen,
		log:     cfg.Logger,
		timeout: cfg.Timeout,
		cors:    cfg.CORSOrigins,
		metrics: metrics.NewSet(),
		mux:     http.NewServeMux(),
		heavy:   make(chan struct{}, heavySlots()),
	}
	s.gen.Store(newGeneration(cfg.Engine))
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.timeout <= 0 {
		s.timeout = 30 * time.Second
	}

	ui, err := newUI(s)
	if err != nil {
		return nil, err
	}
	s.ui = ui
	if s.openapi, err = openAPIDocument(); err != nil {
		return nil, err
	}
	s.routes()
	return s, nil
}

func (s *Server) routes() {
	api := func(pattern string, h apiHandler) {
		s.mux.Handle(pattern, s.instrument(pattern, s.serveAPI(h)))
	}
	api("GET /api/read", s.apiRead)
	api("GET /api/refs", s.apiRefs)
	api("GET /api/search", s.apiSearch)
	api("GET /api/ask", s.apiAsk)
	api("GET /api/study", s.apiStudy)
	api("POST /api/verify", s.apiVerify)
	api("GET /api/xref", s.apiXref)
	api("GET /api/lexicon/{key}", s.apiLexicon)
	api("GET /api/topic/{name}", s.apiTopic)
	api("GET /api/modules", s.apiModules)
	s.mux.Handle("GET /api/openapi.json", s.instrument("GET /api/openapi.json", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Write(s.openapi)
	})))
	api("/api/", func(r *http.Request) (any, error) {
		if allow := s.allowed(r.URL.Path); allow != "" {
			return nil, apiError(berean.CodeMethodNotAllowed, "%s is not allowed on %s; use %s", r.Method, r.URL.Path, allow)
		}
		return nil, apiError(berean.CodeNotFound, "no API endpoint %s %s; see /api/openapi.json", r.Method, r.URL.Path)
	})
	s.mux.Handle("GET /healthz", s.instrument("/healthz", http.HandlerFunc(s.healthz)))
	s.indexMetrics()
	s.mux.HandleFunc("GET /metrics", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		s.metrics.WritePrometheus(w)
		metrics.WriteProcessMetrics(w)
	})
	for _, p := range []string{"/healthz", "/metrics"} {
		s.mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			s.writeError(w, r, apiError(berean.CodeMethodNotAllowed, "%s is not allowed on %s; use GET", r.Method, p))
		})
	}
	s.ui.routes(s.mux)
}

// allowed is the method of an API path ("GET", "POST"), or "" when the path
// is no endpoint.
func (s *Server) allowed(path string) string {
	for _, e := range apiEndpoints() {
		p := e.path
		if i := strings.Index(p, "{"); i >= 0 {
			if strings.HasPrefix(path, p[:i]) && len(path) > i && !strings.Contains(path[i:], "/") {
				return strings.ToUpper(e.method)
			}
			continue
		}
		if path == p {
			return strings.ToUpper(e.method)
		}
	}
	return ""
}

// Handler returns the root handler with deadlines, limits, CORS and access logs.
//
// GET /_hello is a bare hello-world handler outside all middleware: the
// baseline that scripts/bench-server.sh measures the read path against in
// the same process.
func (s *Server) Handler() http.Handler {
	h := s.middleware(s.mux)
	hello := []byte("hello, world\n")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/_hello" {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.Write(hello)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// Error is an API error: an HTTP status and the contract's error shape
// {"error":{"code":...,"message":...}}.
type Error struct {
	Status  int
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Message }

// apiError is an error with a code of berean's list (errors.go) and the
// HTTP status of that code.
func apiError(code, format string, args ...any) *Error {
	return &Error{Status: berean.HTTPStatus(code), Code: code, Message: fmt.Sprintf(format, args...)}
}

type apiHandler func(r *http.Request) (any, error)

// serveAPI runs h and writes its result as JSON, or the error shape.
func (s *Server) serveAPI(h apiHandler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v, err := h(r)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, v)
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	var b []byte
	var err error
	if raw, ok := v.(rawJSON); ok {
		b = raw
	} else {
		b, err = json.Marshal(v)
	}
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"error":{"code":"internal","message":"could not encode the response"}}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)+1))
	w.WriteHeader(status)
	w.Write(b)
	w.Write([]byte{'\n'})
}

func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	e := classify(err)
	if e.Status >= 500 {
		s.log.ErrorContext(r.Context(), "request failed", "path", r.URL.Path, "err", err)
	}
	if e.Status == http.StatusMethodNotAllowed {
		allow := s.allowed(r.URL.Path)
		if allow == "" {
			allow = "GET"
		}
		w.Header().Set("Allow", allow)
	}
	writeJSON(w, e.Status, map[string]any{"error": map[string]string{"code": e.Code, "message": e.Message}})
}

// classify maps an error to a status and code: the user's mistakes are 4xx,
// never 5xx.
func classify(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	var be *http.MaxBytesError
	switch {
	case errors.As(err, &be):
		return apiError(berean.CodeTooLarge, "request body over %d bytes", be.Limit)
	case errors.Is(err, context.DeadlineExceeded):
		return apiError(berean.CodeTimeout, "the request took longer than its deadline")
	case errors.Is(err, context.Canceled):
		return apiError(berean.CodeCanceled, "the request was canceled")
	}
	if code, ok := berean.ErrorCode(err); ok {
		return &Error{Status: berean.HTTPStatus(code), Code: code, Message: err.Error()}
	}
	var ne *net.OpError
	if errors.As(err, &ne) {
		// Never show the connection's addresses.
		return apiError(berean.CodeInternal, "a network operation failed (%s)", ne.Op)
	}
	return &Error{Status: berean.HTTPStatus(berean.CodeInternal), Code: berean.CodeInternal, Message: err.Error()}
}

// param reads a query parameter, requiring it when required is set.
func param(r *http.Request, name string, required bool) (string, error) {
	return value(r.URL.Query(), name, required)
}

// value reads a parameter of parsed query values.
func value(q url.Values, name string, required bool) (string, error) {
	v := strings.TrimSpace(q.Get(name))
	if !utf8.ValidString(v) {
		return "", apiError(berean.CodeBadInput, "the query parameter %q is not valid UTF-8", name)
	}
	if v == "" && required {
		return "", apiError(berean.CodeMissingParameter, "the query parameter %q is required", name)
	}
	return v, nil
}

// intParam reads a positive integer parameter with a default and a maximum.
func intParam(r *http.Request, name string, def, max int) (int, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, apiError(berean.CodeBadParameter, "%s must be a positive whole number, not %q", name, v)
	}
	if n > max {
		n = max
	}
	return n, nil
}
