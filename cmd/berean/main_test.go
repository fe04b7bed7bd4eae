package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// These tests run the command as a user would, in-process, against the
// installed Debian modules (make test installs them) and check the exit
// status, the text and the JSON shapes of the contract.

func needModules(t *testing.T) {
	t.Helper()
	if _, err := os.Stat("/usr/share/sword/mods.d/engkjv2006eb.conf"); err != nil {
		if _, err := os.Stat("/usr/share/sword/mods.d/engKJV2006eb.conf"); err != nil {
			t.Skip("the KJV SWORD module is not installed")
		}
	}
}

func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	// A private cache so that tests never share an index being rebuilt.
	args = append([]string{"--cache-dir", filepath.Join(cacheDir(t), "cache")}, args...)
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

var sharedCache string

func cacheDir(t *testing.T) string {
	if sharedCache == "" {
		d, err := os.MkdirTemp("", "berean-cmd-test")
		if err != nil {
			t.Fatal(err)
		}
		sharedCache = d
	}
	return sharedCache
}

func TestMain(m *testing.M) {
	code := m.Run()
	if sharedCache != "" {
		os.RemoveAll(sharedCache)
	}
	os.Exit(code)
}

func TestReadText(t *testing.T) {
	needModules(t)
	code, out, errs := runCmd(t, "", "read", "Heb 7:23-25")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[2], "Hebrews 7:25 Wherefore he is able also to save them to the uttermost") {
		t.Errorf("read Heb 7:23-25 =\n%s", out)
	}
}

func TestReadJSON(t *testing.T) {
	needModules(t)
	code, out, errs := runCmd(t, "", "read", "--json", "Heb 7:23-25")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc struct {
		Bible, Module string
		Passages      []struct {
			OSIS   string
			Verses []struct{ OSIS, Text string }
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Bible != "KJV" || doc.Module != "engKJV2006eb" || len(doc.Passages) != 1 ||
		doc.Passages[0].OSIS != "Heb.7.23-Heb.7.25" || len(doc.Passages[0].Verses) != 3 ||
		doc.Passages[0].Verses[2].OSIS != "Heb.7.25" {
		t.Errorf("read --json = %s", out)
	}
}

func TestReadDeuterocanonInWEB(t *testing.T) {
	needModules(t)
	code, out, errs := runCmd(t, "", "read", "-b", "WEB", "Sirach 1:1")
	if code != 0 || !strings.HasPrefix(out, "Sirach 1:1 All wisdom comes from the Lord") {
		t.Errorf("exit %d, %q %s", code, out, errs)
	}
}

func TestReadParallel(t *testing.T) {
	needModules(t)
	code, out, errs := runCmd(t, "", "read", "--json", "-b", "KJV,WEB", "3 John 1:14")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, `"bible": "WEB"`) || !strings.Contains(out, "face to face") {
		t.Errorf("parallel read = %s", out)
	}
}

func TestBadInputExitsTwo(t *testing.T) {
	needModules(t)
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"read", "John 22"}, "John has 21 chapters"},
		{[]string{"read", "Jude 2:1"}, "Jude has 1 chapter"},
		{[]string{"read", "Psalm 151"}, "151"},
		{[]string{"read", "-b", "NOSUCH", "John 1:1"}, "NOSUCH"},
		{[]string{"read", "hello world"}, "not a Bible reference"},
		{[]string{"read", "--no-such-flag", "John 1:1"}, "no-such-flag"},
		{[]string{"lexicon", "G99999"}, "G99999"},
		{[]string{"topic", "NO SUCH TOPIC XYZ"}, "NO SUCH TOPIC"},
		{[]string{"study", ""}, "give a theme"},
		{[]string{"study", "  ", "\t"}, "give a theme"},
	} {
		code, out, errs := runCmd(t, "", tc.args...)
		if code != 2 || !strings.Contains(errs, tc.msg) || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and a message with %q", tc.args, code, out, errs, tc.msg)
		}
	}
}

func TestRefsOSISEachLine(t *testing.T) {
	needModules(t)
	code, out, _ := runCmd(t, "Heb 7:23, 25\nno reference here\nJn 3:16-18; Gen 1\n", "refs", "--osis", "--each-line")
	want := "Heb.7.23,Heb.7.25\n\nJohn.3.16-John.3.18,Gen.1\n"
	if code != 0 || out != want {
		t.Errorf("refs --osis --each-line: exit %d\n%q\nwant\n%q", code, out, want)
	}
}

func TestRefsJSONOffsets(t *testing.T) {
	needModules(t)
	text := "Read “Hebrews 7:23-25” now"
	code, out, _ := runCmd(t, "", "refs", "--json", text)
	var doc struct {
		Refs []struct {
			OSIS, Text string
			Start, End int
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); code != 0 || err != nil || len(doc.Refs) != 1 {
		t.Fatalf("exit %d %v: %s", code, err, out)
	}
	r := doc.Refs[0]
	runes := []rune(text)
	if r.OSIS != "Heb.7.23-Heb.7.25" || string(runes[r.Start:r.End]) != r.Text || r.Text != "Hebrews 7:23-25" {
		t.Errorf("refs --json = %+v", r)
	}
}

func TestModulesList(t *testing.T) {
	needModules(t)
	code, out, _ := runCmd(t, "", "modules", "list", "--json")
	if code != 0 || !strings.Contains(out, `"name": "engKJV2006eb"`) || !strings.Contains(out, `"versification": "NRSVA"`) {
		t.Errorf("modules list --json: exit %d %s", code, out)
	}
}

func TestTopicJSON(t *testing.T) {
	needModules(t)
	code, out, errs := runCmd(t, "", "topic", "--json", "intercession")
	if code != 0 || !strings.Contains(out, `"topic": "INTERCESSION"`) || !strings.Contains(out, `"1Sam.2.25"`) {
		t.Errorf("topic --json: exit %d %s %s", code, out, errs)
	}
}
