package index

import (
	"go/parser"
	gotoken "go/token"
	"path/filepath"
	"strconv"
	"testing"
)

// TestAnalysisBoundary keeps analyze.go's claim: of the index's non-test
// files, only analyze.go and lang.go import package analysis.
func TestAnalysisBoundary(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	allowed := map[string]bool{"analyze.go": true, "lang.go": true}
	fset := gotoken.NewFileSet()
	for _, f := range files {
		if filepath.Ext(f) != ".go" || len(f) > 8 && f[len(f)-8:] == "_test.go" {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, im := range af.Imports {
			p, _ := strconv.Unquote(im.Path.Value)
			if p == "berean/analysis" && !allowed[f] {
				t.Errorf("%s imports berean/analysis: go through analyze.go", f)
			}
		}
	}
}
