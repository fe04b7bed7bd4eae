package server

import (
	"net/http"
	"strings"

	"berean"
)

// The JSON API. Each handler reads its parameters, calls one engine method
// and returns the engine's result type, the same one the CLI prints with
// --json, so the two agree field for field.

func (s *Server) apiRead(r *http.Request) (any, error) {
	ref, err := param(r, "ref", true)
	if err != nil {
		return nil, err
	}
	bible, _ := param(r, "bible", false)
	return s.eng.Read(r.Context(), []string{ref}, splitList(bible))
}

func (s *Server) apiRefs(r *http.Request) (any, error) {
	text, err := param(r, "text", true)
	if err != nil {
		return nil, err
	}
	return s.eng.Refs(text), nil
}

func (s *Server) apiModules(r *http.Request) (any, error) {
	return s.eng.Modules(), nil
}

func (s *Server) apiLexicon(r *http.Request) (any, error) {
	return s.eng.Lexicon(r.Context(), r.PathValue("key"))
}

func (s *Server) apiTopic(r *http.Request) (any, error) {
	return s.eng.Topic(r.PathValue("name"))
}

// splitList splits a comma-separated parameter, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func notBuilt(what string) error {
	return &Error{Status: http.StatusNotImplemented, Code: "not_implemented", Message: what + " is not available in this build yet"}
}

func (s *Server) apiAsk(r *http.Request) (any, error)    { return nil, notBuilt("ask") }
func (s *Server) apiStudy(r *http.Request) (any, error)  { return nil, notBuilt("study") }
func (s *Server) apiVerify(r *http.Request) (any, error) { return nil, notBuilt("verify") }
func (s *Server) apiXref(r *http.Request) (any, error)   { return nil, notBuilt("xref") }
func (s *Server) apiOpenAPI(r *http.Request) (any, error) {
	return nil, notBuilt("the OpenAPI document")
}

func (s *Server) apiSearch(r *http.Request) (any, error) {
	q, err := param(r, "q", true)
	if err != nil {
		return nil, err
	}
	n, err := intParam(r, "n", 20, berean.MaxSearchResults)
	if err != nil {
		return nil, err
	}
	bible, _ := param(r, "bible", false)
	order, _ := param(r, "order", false)
	v := r.URL.Query()
	return s.eng.Search(r.Context(), berean.SearchRequest{Query: q, Bibles: splitList(bible), N: n, Order: order,
		Exact: v.Get("exact") == "true" || v.Get("exact") == "1", Stats: v.Get("stats") == "true" || v.Get("stats") == "1"})
}
