package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestReadUnquoted: the arguments of read are joined and parsed as one text,
// as diatheke takes them.
func TestReadUnquoted(t *testing.T) {
	needModules(t)
	code, out, errs := runCmd(t, "", "read", "John", "3:16")
	if code != 0 || !strings.HasPrefix(out, "John 3:16 For God so loved the world") {
		t.Errorf("read John 3:16: exit %d, %q %s", code, out, errs)
	}
}

// TestReadAllBibles: -b all reads every installed Bible.
func TestReadAllBibles(t *testing.T) {
	needModules(t)
	code, out, errs := runCmd(t, "", "read", "--json", "-b", "all", "John 3:16")
	var doc struct{ Bibles []string }
	if err := json.Unmarshal([]byte(out), &doc); code != 0 || err != nil {
		t.Fatalf("exit %d %v: %s %s", code, err, out, errs)
	}
	has := map[string]bool{}
	for _, b := range doc.Bibles {
		has[b] = true
	}
	if !has["KJV"] || !has["WEB"] {
		t.Errorf("-b all read %v", doc.Bibles)
	}
}

// TestReadNotes: the WEB's footnote on John 3:16 is in notes, and printed
// after the passage.
func TestReadNotes(t *testing.T) {
	needModules(t)
	code, out, _ := runCmd(t, "", "read", "-b", "WEB", "--json", "John 3:16")
	var doc struct {
		Passages []struct {
			Notes []struct{ OSIS, Marker, Text string }
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); code != 0 || err != nil || len(doc.Passages) != 1 {
		t.Fatalf("exit %d %v: %s", code, err, out)
	}
	ns := doc.Passages[0].Notes
	if len(ns) != 1 || ns[0].OSIS != "John.3.16" || ns[0].Marker != "a" || !strings.Contains(ns[0].Text, "only born") {
		t.Errorf("notes %+v", ns)
	}
	_, out, _ = runCmd(t, "", "read", "-b", "WEB", "John 3:16")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.HasSuffix(lines[0], "eternal life. [a]") || !strings.HasPrefix(lines[1], "  [a] John 3:16: The phrase “only born”") {
		t.Errorf("read -b WEB John 3:16 =\n%s", out)
	}
}

// TestReadMissingBook: a Bible that lacks the book gets an empty line; the
// others are read.
func TestReadMissingBook(t *testing.T) {
	needModules(t)
	code, out, errs := runCmd(t, "", "read", "-b", "KJV,WEB", "Sirach 1:1")
	if code != 0 || !strings.Contains(out, "WEB   All wisdom comes from the Lord") {
		t.Errorf("exit %d %q %s", code, out, errs)
	}
}

// TestJSONErrors: with --json every error is a JSON document on stdout in
// the HTTP error shape, with the same exit status.
func TestJSONErrors(t *testing.T) {
	needModules(t)
	for _, tc := range []struct {
		args []string
		code string
	}{
		{[]string{"read", "--json", "John 22"}, "invalid_reference"},
		{[]string{"read", "--json", "-b", "NOSUCH", "John 1:1"}, "unknown_module"},
		{[]string{"lexicon", "--json", "G99999"}, "not_found"},
		{[]string{"topic", "--json", "NO SUCH TOPIC XYZ"}, "not_found"},
		{[]string{"study", "--json", ""}, "bad_input"},
		{[]string{"read", "--json", "--no-such-flag", "John 1:1"}, "bad_input"},
	} {
		code, out, errs := runCmd(t, "", tc.args...)
		var doc struct {
			Error struct{ Code, Message string }
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil || code != 2 || doc.Error.Code != tc.code || doc.Error.Message == "" || errs == "" {
			t.Errorf("%v: exit %d, stdout %q (%v), stderr %q; want exit 2 and code %s", tc.args, code, out, err, errs, tc.code)
		}
	}
}

// TestStudyEmpty: an empty topic is refused, as ask refuses an empty
// question.
func TestStudyEmpty(t *testing.T) {
	needModules(t)
	for _, args := range [][]string{{"study", ""}, {"study", " ", " "}} {
		if code, out, errs := runCmd(t, "", args...); code != 2 || out != "" || !strings.Contains(errs, "give a theme") {
			t.Errorf("%q: exit %d, %q %q", args, code, out, errs)
		}
	}
}

func TestPlural(t *testing.T) {
	for n, want := range map[int]string{0: "0 verses", 1: "1 verse", 2: "2 verses"} {
		if got := plural(n, "verse"); got != want {
			t.Errorf("plural(%d) = %q", n, got)
		}
	}
}

// TestTopicSee: an entry that only says See X shows X.
func TestTopicSee(t *testing.T) {
	needModules(t)
	code, out, _ := runCmd(t, "", "topic", "anxiety")
	if code != 0 || !strings.HasPrefix(out, "ANXIETY: see CARE\n\nCARE\n") || !strings.Contains(out, "Php 4:6") {
		t.Errorf("topic anxiety: exit %d\n%s", code, out)
	}
	_, _, errs := runCmd(t, "", "topic", "worry")
	if strings.Contains(errs, "WORMWOOD") {
		t.Errorf("topic worry suggests WORMWOOD: %s", errs)
	}
}

// TestAskLangNote: the CLI prints the engine's note before the answers of
// a question in a language no installed Bible has.
func TestAskLangNote(t *testing.T) {
	needModules(t)
	code, out, errs := runCmd(t, "", "ask", "-n", "1", "Où la Bible dit-elle que Jésus intercède pour nous ?")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.HasPrefix(out, "note: the question looks French (fr)") {
		t.Errorf("no note first:\n%s", out)
	}
	_, out, _ = runCmd(t, "", "ask", "-n", "1", "Where does the Bible say God is love?")
	if strings.Contains(out, "note:") {
		t.Errorf("an English question got a note:\n%s", out)
	}
}
