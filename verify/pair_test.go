package verify

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"berean/ref"
)

// fakeMatches marks each of refs (in order of appearance) in the stripped
// text as a reference, independent of the reference parser.
func fakeMatches(text string, refs ...string) []ref.Match {
	var out []ref.Match
	from := 0
	for _, r := range refs {
		i := strings.Index(text[from:], r)
		if i < 0 {
			panic("no " + r)
		}
		i += from
		out = append(out, ref.Match{Text: r, Start: utf8.RuneCountInString(text[:i]), End: utf8.RuneCountInString(text[:i+len(r)])})
		from = i + len(r)
	}
	return out
}

func pairText(t *testing.T, in string, refs ...string) (*document, []citation) {
	t.Helper()
	d, err := parseDocument([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	ms := fakeMatches(string(d.text), refs...)
	return d, pairCitations(d, ms, findQuotations(d))
}

func TestPairing(t *testing.T) {
	tests := []struct {
		name string
		in   string
		refs []string
		want []string // the quotation of each reference ("" for none)
	}{
		{"parenthesis after", `He said: “Alas, this people has sinned.” (Exodus 32:31-32) Here Moses stands.`,
			[]string{"Exodus 32:31-32"}, []string{"Alas, this people has sinned."}},
		{"introduces on the next line", "The psalm also looks ahead. Psalm 110:4 declares,\n“The LORD has sworn and will not change his mind.” This points forward.",
			[]string{"Psalm 110:4"}, []string{"The LORD has sworn and will not change his mind."}},
		{"intro clause", `Hebrews 4:14-16 encourages believers to approach God with boldness: “Since then we have a great high priest.”`,
			[]string{"Hebrews 4:14-16"}, []string{"Since then we have a great high priest."}},
		{"sentence end before a scare quote", `It is found in John 17. While the word “intercession” is not used, the chapter is a prayer: “I am praying for them.” (John 17:9)`,
			[]string{"John 17", "John 17:9"}, []string{"", "I am praying for them."}},
		{"reference introducing the next quotation", `“I pray for them.” John 17:20 adds, “not for these only, but for those who believe.”`,
			[]string{"John 17:20"}, []string{"not for these only, but for those who believe."}},
		{"reference in parentheses without a quotation", `his prayer (John 17) and his words to Peter are instructive. Jesus tells Peter, “I have prayed for you.” (Luke 22:32)`,
			[]string{"John 17", "Luke 22:32"}, []string{"", "I have prayed for you."}},
		{"dash attribution", `“Jesus wept.” — John 11:35`, []string{"John 11:35"}, []string{"Jesus wept."}},
		{"nested single quotes", `“So Moses said, ‘Alas, this people has sinned.’” (Exodus 32:31)`,
			[]string{"Exodus 32:31"}, []string{"So Moses said, ‘Alas, this people has sinned.’"}},
		{"straight quotes", `Jesus "always lives to make intercession" (Hebrews 7:25), and "at the right hand of God... interceding for us" (Romans 8:34).`,
			[]string{"Hebrews 7:25", "Romans 8:34"}, []string{"always lives to make intercession", "at the right hand of God... interceding for us"}},
		{"two references in one parenthesis", `“You are a priest forever.” (Psalm 110:4; Hebrews 5:6)`,
			[]string{"Psalm 110:4", "Hebrews 5:6"}, []string{"You are a priest forever.", "You are a priest forever."}},
		{"markdown block quotation, attribution line", "Paul writes:\n\n> We know that all things work together for good.\n> to them that love God.\n>\n> — Romans 8:28\n\nNext.",
			[]string{"Romans 8:28"}, []string{"We know that all things work together for good.\nto them that love God."}},
		{"markdown block quotation, inline attribution", "> For God so loved the world. (John 3:16)\n",
			[]string{"John 3:16"}, []string{"For God so loved the world."}},
		{"block quotation introduced by the line before", "John 3:16 says:\n\n> For God so loved the world.\n",
			[]string{"John 3:16"}, []string{"For God so loved the world."}},
		{"attribution after the block", "> For God so loved the world.\n\n— John 3:16\n",
			[]string{"John 3:16"}, []string{"For God so loved the world."}},
		{"html", `<p>Jesus tells Peter, <q>I have prayed for you</q> (Luke 22:32).</p><blockquote><p>For God so loved the world.</p><p>&mdash; John 3:16</p></blockquote>`,
			[]string{"Luke 22:32", "John 3:16"}, []string{"I have prayed for you", "For God so loved the world."}},
		{"reference inside the quotation", `Jesus said: “I am the way, the truth, and the life (John 14:6).” Then he went on.`,
			[]string{"John 14:6"}, []string{"I am the way, the truth, and the life"}},
		{"reference inside the quotation after a dash", `“I am the way, the truth, and the life — John 14:6”`,
			[]string{"John 14:6"}, []string{"I am the way, the truth, and the life"}},
		{"introduction with a translation", "John 3:16 (ESV):\n\n> For God so loved the world.\n",
			[]string{"John 3:16"}, []string{"For God so loved the world."}},
		{"parenthesised reference right before the quotation", `Jesus said (John 3:16), “For God so loved the world.”`,
			[]string{"John 3:16"}, []string{"For God so loved the world."}},
		{"British single quotes", `Jesus’ words are plain: ‘For God so loved the world’ (John 3:16).`,
			[]string{"John 3:16"}, []string{"For God so loved the world"}},
		{"straight single quotes", `He wrote 'For God so loved the world' (John 3:16), didn't he?`,
			[]string{"John 3:16"}, []string{"For God so loved the world"}},
		{"unquoted paraphrase", `he is our advocate before the Father (1 John 2:1). His intercession is grounded.`,
			[]string{"1 John 2:1"}, []string{""}},
		{"possessive apostrophe is not a quotation", `Jesus’ intercession in John 17 is the believers’ hope.`,
			[]string{"John 17"}, []string{""}},
		{"long gap: no pairing", `Romans 8 is a chapter that many readers over the centuries have loved dearly and often memorized whole, and they say “this is good.”`,
			[]string{"Romans 8"}, []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, cs := pairText(t, tt.in, tt.refs...)
			for i, c := range cs {
				got := ""
				if c.quote != nil {
					got = c.quote.text(d)
				}
				if got != tt.want[i] {
					t.Errorf("%s: quotation %q, want %q", tt.refs[i], got, tt.want[i])
				}
			}
		})
	}
}

func TestFragments(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"at the right hand of God… interceding for us", 2},
		{"through his flesh... let us draw near", 2},
		{"one . . . two [...] three", 3},
		{"… leading ellipsis", 1},
		{"no ellipsis", 1},
	}
	for _, tt := range tests {
		if got := fragments(tt.in); len(got) != tt.want {
			t.Errorf("fragments(%q) = %q, want %d", tt.in, got, tt.want)
		}
	}
}

func TestDetectAndStrip(t *testing.T) {
	tests := []struct {
		in     string
		format Format
		text   string
	}{
		{"Plain text with John 3:16.", FormatText, "Plain text with John 3:16."},
		{"# Title\n\nSome **bold** and a [link](http://x/y) to `code`.", FormatMarkdown, "Title\n\nSome bold and a link to code."},
		{"- item one\n- item two", FormatMarkdown, "item one\nitem two"},
		{"<html><body><h1>T</h1><p>A &amp; B&nbsp;&ldquo;q&rdquo;</p><script>x()</script><!-- c --></body></html>", FormatHTML, "T\nA & B “q”\n"},
	}
	for _, tt := range tests {
		d, err := parseDocument([]byte(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		if d.format != tt.format {
			t.Errorf("%q: format %s, want %s", tt.in, d.format, tt.format)
		}
		if got := string(d.text); strings.TrimSpace(got) != strings.TrimSpace(tt.text) {
			t.Errorf("%q: stripped %q, want %q", tt.in, got, tt.text)
		}
	}
}

func TestOffsetsMapToOriginal(t *testing.T) {
	in := "<p>Caf&eacute; &ldquo;words&rdquo; (<b>John 3:16</b>)</p>"
	d, err := parseDocument([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	text := string(d.text)
	i := strings.Index(text, "John 3:16")
	s := utf8.RuneCountInString(text[:i])
	os, oe := d.origSpan(s, s+len("John 3:16"))
	rs := []rune(in)
	if got := string(rs[os:oe]); got != "John 3:16" {
		t.Errorf("original span %q", got)
	}
	// Markdown: link text keeps offsets.
	in = "See [John 3:16](https://example.org) — “ünïcode” here."
	d, _ = parseDocument([]byte(in))
	text = string(d.text)
	i = strings.Index(text, "John 3:16")
	s = utf8.RuneCountInString(text[:i])
	os, oe = d.origSpan(s, s+9)
	if got := string([]rune(in)[os:oe]); got != "John 3:16" {
		t.Errorf("markdown original span %q", got)
	}
}

func TestBadInput(t *testing.T) {
	if _, err := parseDocument(make([]byte, MaxInput+1)); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "2 MiB") {
		t.Errorf("too large: %v", err)
	}
	if _, err := parseDocument([]byte("PK\x03\x04\x00\x00binary")); !errors.Is(err, ErrBinary) {
		t.Errorf("binary: %v", err)
	}
	ctl := strings.Repeat("\x01\x02\x03\x04\x05\x06", 20) + "text"
	if _, err := parseDocument([]byte(ctl)); !errors.Is(err, ErrBinary) {
		t.Errorf("control characters: %v", err)
	}
	// Invalid UTF-8 is replaced, one U+FFFD per bad byte, and offsets count them.
	d, err := parseDocument([]byte("bad \xff\xfe byte “quote” (John 3:16)"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(d.text), "\uFFFD\uFFFD") {
		t.Errorf("invalid UTF-8 not replaced: %q", string(d.text))
	}
	// UTF-16 with a byte order mark is decoded.
	u := []byte{0xFF, 0xFE}
	for _, r := range "John 3:16" {
		u = append(u, byte(r), 0)
	}
	d, err = parseDocument(u)
	if err != nil || string(d.text) != "John 3:16" {
		t.Errorf("UTF-16: %q %v", string(d.text), err)
	}
}

func FuzzPairing(f *testing.F) {
	for _, s := range []string{
		`“Alas, this people has sinned.” (Exodus 32:31-32)`,
		"Psalm 110:4 declares,\n“The LORD has sworn”",
		"> quoted\n> — John 3:16\n",
		`<blockquote><q>x</q> &amp; <b>John 3:16</b></blockquote>`,
		"# h\n\n* a [b](c) `d` _e_\n\"straight 'single' quote\" ... …",
		"\xff\xfe\x00", "‘unclosed", "“unclosed\n\n“again”",
	} {
		f.Add(s)
	}
	f.Fuzz(fuzzPairingOnce)
}

func fuzzPairingOnce(t *testing.T, s string) {
	{
		d, err := parseDocument([]byte(s))
		if err != nil {
			return
		}
		if len(d.orig) != len(d.text)+1 {
			t.Fatalf("offset map length %d for %d code points", len(d.orig), len(d.text))
		}
		for i := 1; i < len(d.orig); i++ {
			if d.orig[i] < d.orig[i-1] && i < len(d.text) {
				t.Fatalf("offsets not monotonic at %d", i)
			}
		}
		// Every word-ish run is a fake reference.
		text := string(d.text)
		var ms []ref.Match
		pos := 0
		for i, w := range strings.Fields(text) {
			j := strings.Index(text[pos:], w) + pos
			pos = j + len(w)
			if i%3 == 0 {
				ms = append(ms, ref.Match{Text: w, Start: utf8.RuneCountInString(text[:j]), End: utf8.RuneCountInString(text[:pos])})
			}
		}
		qs := findQuotations(d)
		for _, q := range qs {
			if q.Start < 0 || q.End > len(d.text) || q.Start > q.End {
				t.Fatalf("bad quotation %+v", q)
			}
		}
		for _, c := range pairCitations(d, ms, qs) {
			if c.quote != nil {
				_ = fragments(c.quote.text(d))
			}
			s, e := d.origSpan(c.m.Start, c.m.End)
			if s < 0 || e > len(d.src) || s > e {
				t.Fatalf("bad original span %d-%d of %d", s, e, len(d.src))
			}
		}
	}
}

func TestScanRefsSplitsSentences(t *testing.T) {
	p := ref.NewParser(ref.Options{Apocrypha: true})
	text := []rune("It is in Hebrews 7:25. Romans 8:34 says more; see John 17:9, 20 and Heb. 4:14.")
	var got []string
	for _, m := range scanRefs(p, text) {
		got = append(got, string(text[m.Start:m.End])+"="+ref.OSIS(m.Ranges))
	}
	// The parser may keep "John 17:9, 20 and Heb. 4:14" as one list or
	// not; the two sentences must be apart.
	if len(got) < 3 || got[0] != "Hebrews 7:25=Heb.7.25" || got[1] != "Romans 8:34=Rom.8.34" || !strings.HasPrefix(got[2], "John 17:9, 20") {
		t.Errorf("got %q", got)
	}
}

func TestScanRefsLongText(t *testing.T) {
	p := ref.NewParser(ref.Options{})
	line := strings.Repeat("filler words without any reference at all ", 20) + "\n"
	text := []rune(strings.Repeat(line, 1500) + "the end: John 11:35.\n")
	if len(string(text)) <= 1<<20 {
		t.Fatalf("text too short: %d bytes", len(string(text)))
	}
	ms := scanRefs(p, text)
	if len(ms) != 1 || string(text[ms[0].Start:ms[0].End]) != "John 11:35" {
		t.Fatalf("matches %+v", ms)
	}
}

func TestVerseContinuations(t *testing.T) {
	p := ref.NewParser(ref.Options{})
	text := []rune("Romans 8:38 says it, and (v. 39) adds more. In verses 28–30 Paul explains; verse 99 does not exist.")
	var got []string
	for _, m := range scanRefs(p, text) {
		s := string(text[m.Start:m.End]) + "=" + ref.OSIS(m.Ranges)
		if m.Err != nil {
			s += "!"
		}
		got = append(got, s)
	}
	want := "Romans 8:38=Rom.8.38|v. 39=Rom.8.39|verses 28–30=Rom.8.28-Rom.8.30|verse 99=Rom.8.99!"
	if strings.Join(got, "|") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, "|"), want)
	}
}

func TestLooksCited(t *testing.T) {
	p := ref.NewParser(ref.Options{})
	text := []rune("I did the job 3 times; he acts 5 times; see https://example.com/john/3/16 now; but john 3:16 counts. Romans 5 counts, and (v. 3) too.")
	var got []string
	for _, m := range scanRefs(p, text) {
		if looksCited(text, m) {
			got = append(got, m.Text)
		}
	}
	want := "john 3:16|Romans 5|v. 3"
	if strings.Join(got, "|") != want {
		t.Errorf("got %q, want %q", strings.Join(got, "|"), want)
	}
}
