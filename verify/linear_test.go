package verify

import (
	"strings"
	"testing"
	"time"
)

// TestStripLinear reproduces issue 15's failure 8: a Markdown line of
// 400,000 '[' (or '<', or '[x]' without its '(') made the inline stripper
// rescan to the line's end for each one (83 s). It must stay linear: each
// input of 400,000 characters strips in well under a second, and the text
// is kept.
func TestStripLinear(t *testing.T) {
	const n = 400000
	for _, tc := range []struct{ name, line string }{
		{"brackets", strings.Repeat("[", n)},
		{"angles", strings.Repeat("<a", n/2)},
		{"links without a url", strings.Repeat("[x](", n/4)},
		{"closed brackets", strings.Repeat("[a]", n/3)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := "# Title\n\n" + tc.line + "\n"
			start := time.Now()
			d, err := parseDocument([]byte(src))
			took := time.Since(start)
			if err != nil {
				t.Fatal(err)
			}
			if took > 2*time.Second {
				t.Errorf("stripping %d characters took %v", len(tc.line), took)
			}
			if len(d.text) < n/4 {
				t.Errorf("only %d characters of text kept", len(d.text))
			}
		})
	}
}

// TestStripHTMLLinear: the HTML stripper scans each tag once: 1 MiB of
// "<a" (no '>' anywhere) or of tags with a quote left open stripped in
// well under a second (the first took 8.7 s under load), the text kept.
func TestStripHTMLLinear(t *testing.T) {
	const n = 1 << 20
	for _, tc := range []struct {
		name, body string
		text       bool // text is kept (the other: every "tag" pairs up)
	}{
		{"angles", strings.Repeat("<a", n/2), true},
		{"open quotes", `<b title="` + strings.Repeat(`<a title='x> `, n/13), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := &document{src: []rune("<p>" + tc.body)}
			start := time.Now()
			stripHTML(d)
			if took := time.Since(start); took > 2*time.Second {
				t.Errorf("stripping %d characters took %v", len(tc.body), took)
			}
			if tc.text && len(d.text) == 0 {
				t.Errorf("no text kept")
			}
		})
	}
	// A '>' inside a quoted attribute value is no end of the tag.
	for in, want := range map[string]string{
		`<a title="x>y">Heb 7:25</a> now`: "Heb 7:25 now",
		`a < b and <c`:                    "a < b and <c",
	} {
		d := &document{src: []rune(in)}
		stripHTML(d)
		if got := strings.TrimSpace(string(d.text)); got != want {
			t.Errorf("%q -> %q, want %q", in, got, want)
		}
	}
}

// TestStripMDInline: links keep their text, tags and markers go.
func TestStripMDInline(t *testing.T) {
	for in, want := range map[string]string{
		"see [Heb 7:25](https://x/y) now":  "see Heb 7:25 now",
		"*he* ever liveth <b>to</b> plead": "he ever liveth to plead",
		"[a] [b](c) [d":                    "[a] b [d",
		"a < b and <c":                     "a < b and <c",
		"![alt [x](y)](z)":                 "alt [x](z)",
	} {
		d := &document{src: []rune(in)}
		stripMDInline(d, 0, len(d.src))
		if got := string(d.text); got != want {
			t.Errorf("%q -> %q, want %q", in, got, want)
		}
	}
}
