package server

import (
	"encoding/json"
	"reflect"
	"strings"

	"berean"
	"berean/ask"
	"berean/search"
	"berean/study"
	"berean/verify"
	"berean/xref"
)

// The OpenAPI 3 document served at /api/openapi.json. Response schemas are
// derived from the Go result types by reflection (json tags: a field without
// omitempty is required), so the document cannot drift from what the handlers
// encode; TestOpenAPI checks real responses against it.

// apiEndpoint describes one route for the document.
type apiEndpoint struct {
	method, path, summary string
	params                []apiParam
	result                any // a value of the result type
	body                  bool
}

type apiParam struct {
	name, in, desc string
	required       bool
	typ            string // "string" or "integer"
}

func apiEndpoints() []apiEndpoint {
	bible := apiParam{name: "bible", in: "query", desc: "Bible abbreviation or module name (default KJV); comma-separated for several where supported", typ: "string"}
	lang := func(def string) apiParam {
		return apiParam{name: "lang", in: "query", desc: "language code of the book names read and written (es, de, fr ...; default " + def + ")", typ: "string"}
	}
	return []apiEndpoint{
		{method: "get", path: "/api/read", summary: "Passage text", result: berean.ReadResult{},
			params: []apiParam{{name: "ref", in: "query", required: true, desc: "reference list, e.g. Heb 7:23-25; Rom 8:34", typ: "string"}, bible, lang("the first Bible's language"),
				{name: "commentary", in: "query", desc: "commentary abbreviation or module name (MHCC); repeatable or comma-separated: each passage gets the comments covering it", typ: "string"}}},
		{method: "get", path: "/api/refs", summary: "Bible references found in a text", result: berean.RefsResult{},
			params: []apiParam{{name: "text", in: "query", required: true, desc: "running text", typ: "string"}, lang("English only")}},
		{method: "get", path: "/api/search", summary: "Concordance search (query language of the contract)", result: search.Result{},
			params: []apiParam{{name: "q", in: "query", required: true, desc: "query", typ: "string"}, bible,
				{name: "n", in: "query", desc: "results (default 20, at most 1000)", typ: "integer"},
				{name: "order", in: "query", desc: "bible (default) or relevance", typ: "string"},
				{name: "exact", in: "query", desc: "true: no archaic folding or stemming", typ: "string"},
				{name: "stats", in: "query", desc: "true: hits per book", typ: "string"}}},
		{method: "get", path: "/api/ask", summary: "Verses answering a question, best first", result: ask.Result{},
			params: []apiParam{{name: "q", in: "query", required: true, desc: "question", typ: "string"}, bible,
				{name: "n", in: "query", desc: "answers (default 10)", typ: "integer"}}},
		{method: "get", path: "/api/study", summary: "Topical study", result: study.Study{},
			params: []apiParam{{name: "topic", in: "query", required: true, desc: "topic or question", typ: "string"}, bible}},
		{method: "post", path: "/api/verify", summary: "Check every citation of an article (text/plain body, or JSON {\"text\":...}); at most 1 MiB", result: verify.Report{}, body: true},
		{method: "get", path: "/api/xref", summary: "Related passages", result: xref.Result{},
			params: []apiParam{{name: "ref", in: "query", required: true, desc: "reference", typ: "string"}, bible,
				{name: "n", in: "query", desc: "links (default 20)", typ: "integer"}}},
		{method: "get", path: "/api/lexicon/{key}", summary: "Strong's entry", result: berean.LexiconResult{},
			params: []apiParam{{name: "key", in: "path", required: true, desc: "G1793, H6293", typ: "string"}}},
		{method: "get", path: "/api/topic/{name}", summary: "Nave's topic", result: berean.TopicResult{},
			params: []apiParam{{name: "name", in: "path", required: true, desc: "topic name, any case", typ: "string"}}},
		{method: "get", path: "/api/modules", summary: "Installed modules", result: berean.ModulesResult{}},
	}
}

// schemaOf returns the JSON schema of t, registering named struct types in
// comps and returning a $ref to them.
func schemaOf(t reflect.Type, comps map[string]any) map[string]any {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice, reflect.Array:
		return map[string]any{"type": "array", "items": schemaOf(t.Elem(), comps)}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": schemaOf(t.Elem(), comps)}
	case reflect.Struct:
		name := componentName(t)
		if _, ok := comps[name]; !ok {
			comps[name] = nil // break cycles
			props := map[string]any{}
			var req []string
			for i := 0; i < t.NumField(); i++ {
				f := t.Field(i)
				if !f.IsExported() {
					continue
				}
				tag := f.Tag.Get("json")
				if tag == "-" {
					continue
				}
				fname, opts, _ := strings.Cut(tag, ",")
				if fname == "" {
					fname = f.Name
				}
				props[fname] = schemaOf(f.Type, comps)
				if !strings.Contains(opts, "omitempty") {
					req = append(req, fname)
				}
			}
			sc := map[string]any{"type": "object", "properties": props}
			if len(req) > 0 {
				sc["required"] = req
			}
			comps[name] = sc
		}
		return map[string]any{"$ref": "#/components/schemas/" + name}
	}
	return map[string]any{}
}

// componentName is "search.Result", "berean.ReadResult" as "search_Result".
func componentName(t reflect.Type) string {
	pkg := t.PkgPath()
	if i := strings.LastIndex(pkg, "/"); i >= 0 {
		pkg = pkg[i+1:]
	}
	return pkg + "_" + t.Name()
}

func openAPIDocument() ([]byte, error) {
	comps := map[string]any{
		"Error": map[string]any{
			"type":     "object",
			"required": []string{"error"},
			"properties": map[string]any{"error": map[string]any{
				"type":     "object",
				"required": []string{"code", "message"},
				"properties": map[string]any{
					"code":    map[string]any{"type": "string", "enum": berean.Codes()},
					"message": map[string]any{"type": "string"},
				},
			}},
		},
	}
	errResp := func(desc string) map[string]any {
		return map[string]any{"description": desc, "content": map[string]any{"application/json": map[string]any{
			"schema": map[string]any{"$ref": "#/components/schemas/Error"}}}}
	}
	paths := map[string]any{}
	for _, e := range apiEndpoints() {
		op := map[string]any{
			"summary":     e.summary,
			"operationId": strings.TrimPrefix(strings.ReplaceAll(strings.NewReplacer("{", "", "}", "").Replace(e.path), "/", "_"), "_api_"),
			"responses": map[string]any{
				"200": map[string]any{"description": "OK", "content": map[string]any{"application/json": map[string]any{
					"schema": schemaOf(reflect.TypeOf(e.result), comps)}}},
				"400": errResp("bad input (the error code says what)"),
				"404": errResp("unknown module, lexicon key or topic"),
				"413": errResp("body or input too large"),
				"503": errResp("deadline exceeded"),
			},
		}
		var ps []any
		for _, p := range e.params {
			ps = append(ps, map[string]any{"name": p.name, "in": p.in, "required": p.required, "description": p.desc,
				"schema": map[string]any{"type": p.typ}})
		}
		if len(ps) > 0 {
			op["parameters"] = ps
		}
		if e.body {
			op["requestBody"] = map[string]any{"required": true, "content": map[string]any{
				"text/plain": map[string]any{"schema": map[string]any{"type": "string"}},
				"application/json": map[string]any{"schema": map[string]any{"type": "object", "required": []string{"text"},
					"properties": map[string]any{"text": map[string]any{"type": "string"}}}},
			}}
		}
		paths[e.path] = map[string]any{e.method: op}
	}
	paths["/healthz"] = map[string]any{"get": map[string]any{"summary": "Liveness and readiness", "operationId": "healthz",
		"responses": map[string]any{"200": map[string]any{"description": "ok", "content": map[string]any{"text/plain": map[string]any{"schema": map[string]any{"type": "string"}}}}}}}
	paths["/metrics"] = map[string]any{"get": map[string]any{"summary": "Prometheus metrics", "operationId": "metrics",
		"responses": map[string]any{"200": map[string]any{"description": "Prometheus text format"}}}}
	doc := map[string]any{
		"openapi": "3.0.3",
		"info": map[string]any{"title": "berean", "version": "1",
			"description": "berean's JSON API: the same data and field names as the CLI's --json. Errors: {\"error\":{\"code\",\"message\"}}."},
		"paths":      paths,
		"components": map[string]any{"schemas": comps},
	}
	return json.MarshalIndent(doc, "", "  ")
}
