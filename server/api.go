package server

import (
	"bytes"
	"context"
	"encoding/json"
	"mime"
	"net/http"
	"strings"

	"berean"
	"berean/ask"
	"berean/study"
	"berean/verify"
	"berean/xref"
)

// MaxQuestion bounds the length of a question or study topic (bytes).
const MaxQuestion = berean.MaxQuestion

// The JSON API. Each handler reads its parameters, calls one engine method
// and returns the engine's result type, the same one the CLI prints with
// --json, so the two agree field for field.

func (s *Server) apiRead(r *http.Request) (any, error) {
	q := r.URL.Query()
	ref, err := value(q, "ref", true)
	if err != nil {
		return nil, err
	}
	bible, err := value(q, "bible", false)
	if err != nil {
		return nil, err
	}
	lang, err := value(q, "lang", false)
	if err != nil {
		return nil, err
	}
	comms := commentaryParams(q)
	g := s.cur()
	key := ref + "\x00" + bible + "\x00" + lang + "\x00" + strings.Join(comms, ",")
	if b, ok := g.readCache.get(key); ok {
		return rawJSON(b), nil
	}
	res, err := g.eng.ReadIn(r.Context(), []string{ref}, splitList(bible), lang)
	if err != nil {
		return nil, err
	}
	if err := g.eng.AddComments(r.Context(), res, comms); err != nil {
		return nil, err
	}
	b, err := json.Marshal(res)
	if err != nil {
		return nil, err
	}
	g.readCache.put(key, b)
	return rawJSON(b), nil
}

func (s *Server) apiRefs(r *http.Request) (any, error) {
	text, err := param(r, "text", true)
	if err != nil {
		return nil, err
	}
	lang, _ := param(r, "lang", false)
	return s.cur().eng.RefsIn(text, lang), nil
}

func (s *Server) apiModules(r *http.Request) (any, error) {
	return s.cur().eng.Modules(), nil
}

func (s *Server) apiLexicon(r *http.Request) (any, error) {
	return s.cur().eng.Lexicon(r.Context(), r.PathValue("key"))
}

func (s *Server) apiTopic(r *http.Request) (any, error) {
	return s.cur().eng.Topic(r.PathValue("name"))
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

func (s *Server) apiAsk(r *http.Request) (any, error) {
	q, err := param(r, "q", false) // an empty question is the engine's bad_input, as on the command line
	if err != nil {
		return nil, err
	}
	n, err := intParam(r, "n", 10, 100)
	if err != nil {
		return nil, err
	}
	bible, _ := param(r, "bible", false)
	return s.ask(r.Context(), q, bible, n)
}

// The four operations on the pooled Bibles are the engine's (Ask, Study,
// Xref, Verify: their language, the rebuild of a damaged index and their
// error codes); the server adds its turn among the heavy requests and the
// study cache. The web pages call the same methods and render the results.

func (s *Server) ask(ctx context.Context, q, bible string, n int) (*ask.Result, error) {
	done, err := s.heavyTurn(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	return s.cur().eng.Ask(ctx, berean.AskRequest{Question: q, Options: ask.Options{Bible: bible, N: n}})
}

func (s *Server) apiStudy(r *http.Request) (any, error) {
	topic, err := param(r, "topic", false)
	if err != nil {
		return nil, err
	}
	bible, _ := param(r, "bible", false)
	return s.study(r.Context(), topic, bible)
}

func (s *Server) study(ctx context.Context, topic, bible string) (*study.Study, error) {
	if len(topic) > berean.MaxQuestion || strings.TrimSpace(topic) == "" { // refused before the cache
		return s.cur().eng.Study(ctx, berean.StudyRequest{Topic: topic, Options: study.Options{Bible: bible}})
	}
	g := s.cur()
	return g.studies.get(ctx, bible+"\x00"+topic, func() (*study.Study, error) {
		done, err := s.heavyTurn(ctx)
		if err != nil {
			return nil, err
		}
		defer done()
		return g.eng.Study(ctx, berean.StudyRequest{Topic: topic, Options: study.Options{Bible: bible}})
	})
}

func (s *Server) apiXref(r *http.Request) (any, error) {
	ref, err := param(r, "ref", true)
	if err != nil {
		return nil, err
	}
	n, err := intParam(r, "n", 20, 200)
	if err != nil {
		return nil, err
	}
	bible, _ := param(r, "bible", false)
	return s.xref(r.Context(), ref, bible, n)
}

func (s *Server) xref(ctx context.Context, reference, bible string, n int) (*xref.Result, error) {
	done, err := s.heavyTurn(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	return s.cur().eng.Xref(ctx, berean.XrefRequest{Ref: reference, Options: xref.Options{N: n, Bible: bible}})
}

func (s *Server) apiVerify(r *http.Request) (any, error) {
	body, err := readArticle(r)
	if err != nil {
		return nil, err
	}
	return s.verify(r.Context(), body)
}

// readArticle reads the article of POST /api/verify: the body as text, or
// the "text" field of a JSON object when the body is JSON.
func readArticle(r *http.Request) ([]byte, error) {
	body, err := readBody(r)
	if err != nil {
		return nil, err
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct == "application/json" || (ct == "" && len(bytes.TrimSpace(body)) > 0 && bytes.TrimSpace(body)[0] == '{') {
		var in struct {
			Text *string `json:"text"`
		}
		dec := json.NewDecoder(bytes.NewReader(body))
		if err := dec.Decode(&in); err != nil {
			return nil, apiError(berean.CodeBadInput, "the body is not a JSON object {\"text\": \"...\"}: %v", err)
		}
		if in.Text == nil {
			return nil, apiError(berean.CodeMissingParameter, "the JSON body has no \"text\" field")
		}
		body = []byte(*in.Text)
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, apiError(berean.CodeMissingParameter, "the article is empty: POST it as text/plain, or JSON {\"text\": \"...\"}")
	}
	return body, nil
}

func (s *Server) verify(ctx context.Context, article []byte) (*verify.Report, error) {
	done, err := s.heavyTurn(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	return s.cur().eng.Verify(ctx, berean.VerifyRequest{Article: article, UseIndex: true})
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
	return s.cur().eng.Search(r.Context(), berean.SearchRequest{Query: q, Bibles: splitList(bible), N: n, Order: order,
		Exact: v.Get("exact") == "true" || v.Get("exact") == "1", Stats: v.Get("stats") == "true" || v.Get("stats") == "1"})
}
