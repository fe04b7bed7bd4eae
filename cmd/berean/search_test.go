package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestSearchJSON(t *testing.T) {
	needModules(t)
	code, out, errs := runCmd(t, "", "search", "--json", "-n", "2", "intercession")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc struct {
		Query   *string
		Total   *int
		Results []struct {
			OSIS, Bible, Text *string
			Score             *float64
			Matches           []struct{ Start, End int }
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if doc.Query == nil || *doc.Query != "intercession" || doc.Total == nil || *doc.Total != 10 || len(doc.Results) != 2 {
		t.Fatalf("search --json = %s", out)
	}
	r := doc.Results[0]
	if r.OSIS == nil || *r.OSIS != "Isa.53.12" || r.Bible == nil || *r.Bible != "KJV" || r.Text == nil || r.Score == nil || len(r.Matches) != 1 {
		t.Fatalf("first result %s", out)
	}
	if m := r.Matches[0]; string([]rune(*r.Text)[m.Start:m.End]) != "intercession" {
		t.Errorf("match %v in %q", m, *r.Text)
	}
}

func TestSearchText(t *testing.T) {
	needModules(t)
	code, out, errs := runCmd(t, "", "search", `"make intercession"`)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[2], "Hebrews 7:25 Wherefore he is able") || lines[3] != "3 verses" {
		t.Errorf("search \"make intercession\" =\n%s", out)
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("colour on a non-terminal")
	}
	_, out, _ = runCmd(t, "", "search", "--color", "always", "strong:G1793", "in:Heb")
	if !strings.Contains(out, hlOn+"intercession"+hlOff) {
		t.Errorf("no highlight:\n%q", out)
	}
}

func TestSearchBadInput(t *testing.T) {
	needModules(t)
	for _, args := range [][]string{
		{"search", `"unclosed`},
		{"search", "-b", "NOPE", "x"},
		{"search", "--order", "random", "x"},
		{"search", "x in:Nowhere"},
	} {
		if code, _, errs := runCmd(t, "", args...); code != 2 || errs == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
	}
}

func TestIndexCheck(t *testing.T) {
	needModules(t)
	if code, _, errs := runCmd(t, "", "index"); code != 0 {
		t.Fatalf("index: exit %d: %s", code, errs)
	}
	code, out, errs := runCmd(t, "", "index", "check", "--json")
	if code != 0 {
		t.Fatalf("index check: exit %d: %s %s", code, out, errs)
	}
	var rep struct {
		OK    *bool
		Stats struct{ Bytes int }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || rep.OK == nil || !*rep.OK || rep.Stats.Bytes == 0 {
		t.Errorf("index check --json = %s (%v)", out, err)
	}
}
