package analysis

import (
	"bufio"
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata goldens")

// TestArchaicGolden pins Modernize on every -eth/-est/-st/-dst word of the
// KJV vocabulary (and the WEB's -eth names), so a rule change shows up as a
// readable diff of testdata/archaic.tsv.
func TestArchaicGolden(t *testing.T) {
	const path = "testdata/archaic.tsv"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	n := 0
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			out.WriteString(line + "\n")
			continue
		}
		word, want, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("%s: bad line %q", path, line)
		}
		got := Modernize(word)
		if got != want && !*update {
			t.Errorf("Modernize(%q) = %q, golden says %q", word, got, want)
		}
		out.WriteString(word + "\t" + got + "\n")
		n++
	}
	if *update {
		if err := os.WriteFile(path, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if n < 1000 {
		t.Errorf("%s: only %d words", path, n)
	}
}
