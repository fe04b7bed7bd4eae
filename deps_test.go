package berean

import (
	"go/build"
	"os/exec"
	"strings"
	"testing"
)

// allowed lists, for each package, the berean packages it may import. Data
// flows one way (module files -> markup -> tokens -> index -> query -> ranked
// results -> render), so lower packages never import higher ones. A package
// missing from this table fails the test: add it with its place in the flow.
// Search knows only the index (package library adapts the installed modules
// to it); study reads ask's results through package retrieval, never ask
// (the root package wires an ask.Asker into study.New).
var allowed = map[string][]string{
	"canon":           {},
	"locale":          {"canon"},
	"ref":             {"canon", "locale"},
	"sword":           {"canon"},
	"sword/swordtest": {"canon", "sword"},
	"strongs":         {},
	"markup":          {"strongs"},
	"corpus":          {"canon", "ref", "sword", "markup", "analysis", "strongs"},
	"analysis":        {},
	"wordnet":         {},
	"query":           {"canon", "ref"},
	"crossref":        {"canon"},
	"index":           {"analysis", "canon", "crossref"},
	"search":          {"analysis", "canon", "ref", "query", "index", "strongs"},
	"library":         {"canon", "ref", "index", "search", "corpus", "markup", "sword", "wordnet"},
	"install":         {"sword", "canon"},
	"retrieval":       {"canon"},
	"ask":             {"analysis", "canon", "ref", "query", "index", "search", "corpus", "markup", "sword", "retrieval"},
	"xref":            {"analysis", "canon", "ref", "query", "index", "search", "corpus", "markup", "sword", "crossref"},
	"study":           {"analysis", "canon", "ref", "query", "index", "search", "corpus", "markup", "sword", "retrieval", "xref", "crossref"},
	"verify":          {"analysis", "canon", "ref", "query", "index", "search", "corpus", "markup", "sword"},
	"":                {"analysis", "canon", "locale", "ref", "query", "index", "search", "corpus", "markup", "sword", "ask", "xref", "study", "verify", "install", "crossref", "library", "strongs", "retrieval"},
	"server":          {"", "analysis", "canon", "locale", "ref", "query", "index", "search", "corpus", "markup", "sword", "ask", "xref", "study", "verify", "install", "crossref", "library", "strongs", "retrieval"},
	"cmd/berean":      {"", "analysis", "canon", "locale", "ref", "query", "index", "search", "corpus", "markup", "sword", "ask", "xref", "study", "verify", "install", "server", "crossref", "library", "strongs", "retrieval"},
}

func TestDependencyDirection(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}}", "./...").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, path := range strings.Fields(string(out)) {
		rel := strings.TrimPrefix(strings.TrimPrefix(path, "berean"), "/")
		if strings.HasPrefix(rel, "internal/") || strings.Contains(rel, "/internal/") {
			continue
		}
		may, ok := allowed[rel]
		if !ok {
			t.Errorf("package %q is not in the dependency table of deps_test.go", path)
			continue
		}
		dir := "."
		if rel != "" {
			dir = "./" + rel
		}
		pkg, err := build.ImportDir(dir, 0)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		for _, imp := range pkg.Imports {
			if imp != "berean" && !strings.HasPrefix(imp, "berean/") {
				continue
			}
			irel := strings.TrimPrefix(strings.TrimPrefix(imp, "berean"), "/")
			if strings.Contains(irel, "internal") {
				continue
			}
			ok := false
			for _, m := range may {
				if irel == m {
					ok = true
				}
			}
			if !ok {
				t.Errorf("%s imports %s, which the one-way data flow does not allow", path, imp)
			}
		}
	}
}
