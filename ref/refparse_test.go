package ref

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// refparseTSV is the shared compatibility data set (input, expected OSIS,
// source), kept outside the repository: ../shared/data from the repo root.
func refparseTSV() string {
	if p := os.Getenv("BEREAN_REFPARSE_TSV"); p != "" {
		return p
	}
	return filepath.Join("..", "..", "shared", "data", "refparse-dev.tsv")
}

func unescapeTSV(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	r := strings.NewReplacer(`\t`, "\t", `\r`, "\r", `\n`, "\n", `\\`, `\`)
	return r.Replace(s)
}

// TestRefparseCompat scores OSISOf against the Bible-Passage-Reference-Parser
// cases. Set BEREAN_REFPARSE_FAILS=1 to list the failing rows.
func TestRefparseCompat(t *testing.T) {
	f, err := os.Open(refparseTSV())
	if err != nil {
		t.Skipf("compatibility data not available: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var total, ok, gTotal, gOK int
	header := true
	show := os.Getenv("BEREAN_REFPARSE_FAILS") != ""
	for sc.Scan() {
		if header {
			header = false
			continue
		}
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 3 {
			continue
		}
		in, want, src := unescapeTSV(cols[0]), cols[1], cols[2]
		got := OSISOf(in)
		grammarRow := !strings.Contains(src, "/lang/")
		total++
		if grammarRow {
			gTotal++
		}
		if got == want {
			ok++
			if grammarRow {
				gOK++
			}
		} else if show {
			t.Logf("FAIL %q: got %q want %q (%s)", in, got, want, src)
		}
	}
	if total == 0 {
		t.Skip("no rows")
	}
	all := float64(ok) / float64(total) * 100
	gr := float64(gOK) / float64(gTotal) * 100
	t.Logf("refparse: %d/%d = %.2f%% overall; grammar rows %d/%d = %.2f%%", ok, total, all, gOK, gTotal, gr)
	if all < 97 || gr < 95 {
		t.Errorf("below target: %.2f%% overall (want >= 97), %.2f%% grammar (want >= 95)", all, gr)
	}
}
