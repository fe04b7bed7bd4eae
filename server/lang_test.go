package server

import (
	"bytes"
	"os"
	"testing"
)

// TestLangPages: each text of a page carries its module's language, and a
// Spanish Bible reads and writes Spanish book names.
func TestLangPages(t *testing.T) {
	if _, err := os.Stat("/usr/share/sword/mods.d/spaRV1909eb.conf"); err != nil {
		t.Skip("the Spanish RV1909 (sword-text-sparv) is not installed")
	}
	_, ts := testServer(t)
	cases := []struct {
		path      string
		want, not []string
	}{
		{"/read?ref=Juan+3:16&bible=RV1909,KJV", []string{"Juan 3:16", `lang="es" data-bible="RV1909"`, `lang="en" data-bible="KJV"`, "Porque", "manera"}, nil},
		{"/read?ref=John+3:16&bible=KJV", []string{"John 3:16", `lang="en" data-bible="KJV"`}, []string{`lang="es"`}},
		{"/api/read?ref=Juan+3:16&bible=RV1909", []string{`"lang":"es"`, `"reference":"Juan 3:16"`}, nil},
		{"/api/refs?text=v%C3%A9ase+Juan+3:16&lang=es", []string{`"osis":"John.3.16"`}, nil},
		{"/api/refs?text=v%C3%A9ase+Juan+3:16", []string{`"refs":[]`}, nil},
		{"/ask?q=%C2%BFD%C3%B3nde+dice+la+Biblia+que+Dios+es+amor%3F", []string{"1 Juan 4:16", `lang="es"`}, []string{`role="note"`}},
		{"/search?q=amor&bible=RV1909", []string{"Génesis", `lang="es"`}, nil},
		// A question in a language no installed Bible has says so, on the
		// page and in the API (the Spanish one above says nothing).
		{"/ask?q=O%C3%B9+la+Bible+dit-elle+que+J%C3%A9sus+interc%C3%A8de+pour+nous", []string{`role="note"`, "French (fr)"}, nil},
		{"/api/ask?q=O%C3%B9+la+Bible+dit-elle+que+J%C3%A9sus+interc%C3%A8de+pour+nous", []string{`"note":"the question looks French (fr)`}, nil},
		{"/study?topic=O%C3%B9+la+Bible+dit-elle+que+J%C3%A9sus+interc%C3%A8de+pour+nous", []string{`role="note"`, "the topic looks French (fr)"}, nil},
	}
	for _, c := range cases {
		resp, body := do(t, ts, "GET", c.path, "", "")
		if resp.StatusCode != 200 {
			t.Errorf("%s: status %d: %.300s", c.path, resp.StatusCode, body)
			continue
		}
		for _, w := range c.want {
			if !bytes.Contains(body, []byte(w)) {
				t.Errorf("%s: no %q in %.400s", c.path, w, body)
			}
		}
		for _, w := range c.not {
			if bytes.Contains(body, []byte(w)) {
				t.Errorf("%s: %q in the page", c.path, w)
			}
		}
	}
}
