package server

import (
	"bytes"
	"net/http"
	"net/http/cookiejar"
	"regexp"
	"strings"
	"testing"
)

// TestReadStatusAgrees: /read and /api/read accept and refuse the same
// references (one Engine call, one limit).
func TestReadStatusAgrees(t *testing.T) {
	_, ts := testServer(t)
	for _, ref := range []string{
		"John+3:16", "Gen", "Gen+1-Deut+34", "Ps+119", "John+22", "Jude+2:1", "hello+world", "Sirach+1:1",
		"Gen-Rev", "Heb+7:23-25%3B+Rom+8:34", "3+John+1:15", "Psalm+151", "Rev+22:21", "Tob+1:1",
	} {
		for _, bible := range []string{"", "&bible=WEB", "&bible=KJV,WEB", "&bible=NOSUCH"} {
			api, _ := do(t, ts, "GET", "/api/read?ref="+ref+bible, "", "")
			page, _ := do(t, ts, "GET", "/read?ref="+ref+strings.ReplaceAll(bible, ",", "&bible="), "", "")
			if api.StatusCode != page.StatusCode {
				t.Errorf("%s%s: /api/read %d, /read %d", ref, bible, api.StatusCode, page.StatusCode)
			}
		}
	}
}

// TestReaderPages checks the reader and the index pages without
// JavaScript.
func TestReaderPages(t *testing.T) {
	_, ts := testServer(t)
	cases := []struct {
		path   string
		status int
		want   []string
		not    []string
	}{
		{"/read?ref=Ps+23", 200, []string{`rel="prev" href="/read?ref=Ps.22"`, "Psalm 22", `rel="next" href="/read?ref=Ps.24"`, "Psalm 24", `id="pick-book"`}, nil},
		{"/read?ref=Gen", 200, []string{"<h1>Genesis 1</h1>", `href="/read?ref=Gen&amp;whole=1"`, "In the beginning"}, []string{"Genesis 2:1"}},
		{"/read?ref=Mal+4", 200, []string{`href="/read?ref=Matt.1"`}, nil},
		{"/read?ref=Sirach+1:1&bible=KJV&bible=WEB", 200, []string{"All wisdom comes from the Lord", `class="pcell empty" role="cell" lang="en" data-bible="KJV"`}, nil},
		{"/read?ref=John+3:16&bible=WEB", 200, []string{`class="fn"`, "only born", `role="tooltip"`, "μονογενη"}, nil},
		{"/read?ref=Ps+23:1-2&bible=KJV&bible=WEB", 200, []string{`data-copy="Psalm 23:1-2 (KJV)` + "\n" + `1 The LORD is my shepherd`, "Psalm 23:1-2 (WEB)"}, nil},
		{"/read?ref=John+3", 200, []string{"For God so loved"}, []string{`class="w"`}},
		{"/read", 200, []string{`class="booklist"`, `href="/read?ref=Rev.1"`, `id="pick-book"`}, nil},
		{"/read?book=Rom&chapter=8", 200, []string{"<h1>Romans 8</h1>"}, nil},
		{"/read?ref=John+22", 400, []string{`value="John 22"`, "John has 21 chapters", `role="alert"`}, []string{"HTTP 400"}},
		{"/search?q=%22unclosed", 400, []string{`value="&#34;unclosed"`, `role="alert"`}, nil},
		{"/topic", 200, []string{`href="/topic/ABRAHAM"`, `href="/topic?letter=Z"`}, nil},
		{"/topic/", 200, []string{`href="/topic/ABRAHAM"`}, nil},
		{"/topic?q=interces", 200, []string{`href="/topic/INTERCESSION"`}, nil},
		{"/topic/anxiety", 200, []string{"<h1>CARE</h1>", "ANXIETY: see CARE"}, nil},
		{"/topic/LOVE", 200, []string{`href="/read?ref=Deut.5.10"`, `href="/read?ref=Deut.7.9"`}, nil},
		{"/topic/worry", 404, []string{`value="worry"`, `role="alert"`, `no topic &#34;worry&#34;`}, []string{"WORMWOOD"}},
		{"/topic/faithfulnes", 404, []string{`href="/topic/FAITHFULNESS"`}, nil},
		{"/lexicon", 200, []string{`href="/lexicon/G1"`, `href="/lexicon?lang=H"`}, nil},
		{"/lexicon?lang=H", 200, []string{`href="/lexicon/H1"`}, nil},
		{"/lexicon?q=intercession", 200, []string{`href="/lexicon/G1793"`}, nil},
		{"/lexicon?q=g1793", 200, []string{"Strong's G1793"}, nil},
		{"/lexicon/G99999", 404, []string{`value="G99999"`, `role="alert"`, "G99999 is not in StrongsGreek"}, nil},
		{"/?q=G1793", 200, []string{"Strong's G1793"}, nil},
		{"/?q=h6293", 200, []string{"Strong's H6293"}, nil},
		{"/?q=strong:G1793", 200, []string{`<mark>intercession</mark>`, "5</strong> verses"}, nil},
		{"/xref?ref=John+3:16", 200, []string{"<h1>John 3:16</h1>"}, nil},
		{"/xref", 200, []string{`class="booklist"`}, nil},
		{"/search?q=intercession", 200, []string{`href="/topic/INTERCESSION"`}, nil},
		{"/ask", 200, []string{`<select id="ab" name="bible">`}, nil},
		{"/study", 200, []string{`<select id="sb" name="bible">`}, nil},
		{"/study?topic=", 400, []string{"the topic is empty", `id="st"`}, nil},
		{"/study?topic=Psalm+23", 200, []string{"The passage studied", "John 10:11"}, nil},
		{"/study?topic=John+22", 400, []string{"John has 21 chapters", `role="alert"`}, nil},
	}
	for _, c := range cases {
		resp, body := checkPage(t, ts, c.path, c.status, c.want, c.not)
		if resp.StatusCode == 200 && (!bytes.Contains(body, []byte(`href="/topic"`)) || !bytes.Contains(body, []byte(`href="/lexicon"`))) {
			t.Errorf("%s: topics or lexicon missing from the navigation", c.path)
		}
	}
}

// TestLexiconVerses: /lexicon/G1793 lists the five KJV verses of the word,
// each with the word in context.
func TestLexiconVerses(t *testing.T) {
	_, ts := testServer(t)
	_, body := do(t, ts, "GET", "/lexicon/G1793", "", "")
	refs := regexp.MustCompile(`<td><a class="ref" href="/read\?ref=([^"]+)">`).FindAllSubmatch(body, -1)
	var got []string
	for _, m := range refs {
		got = append(got, string(m[1]))
	}
	want := "Acts.25.24 Rom.8.27 Rom.8.34 Rom.11.2 Heb.7.25"
	if strings.Join(got, " ") != want {
		t.Errorf("G1793 verses %v, want %s", got, want)
	}
	if n := bytes.Count(body, []byte(`<td class="km"><mark>intercession</mark></td>`)); n != 4 {
		t.Errorf("%d verses with intercession in context, want 4", n)
	}
}

// TestPrefsKept: the chosen Bibles and the Strong's setting follow the
// reader to pages opened without them.
func TestPrefsKept(t *testing.T) {
	_, ts := testServer(t)
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	get := func(path string) string {
		resp, err := c.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var b bytes.Buffer
		b.ReadFrom(resp.Body)
		return b.String()
	}
	get("/read?ref=John+3:16&bible=KJV&bible=WEB&strongs=off&strongs=on")
	page := get("/read?ref=Heb.7.25") // as a search result links it
	if !strings.Contains(page, `data-bible="WEB"`) || !strings.Contains(page, `href="/lexicon/G1793"`) {
		t.Errorf("a link followed lost the chosen Bibles or the Strong's setting")
	}
	page = get("/ask")
	if !strings.Contains(page, `<option value="KJV" selected>`) {
		t.Errorf("the ask page does not preselect the first chosen Bible")
	}
	get("/read?ref=John+3:16&strongs=off")
	if page = get("/read?ref=Heb.7.25"); strings.Contains(page, `class="w"`) {
		t.Errorf("Strong's links are back after being turned off")
	}
}

// TestStudyMarkdown: a study downloads as Markdown.
func TestStudyMarkdown(t *testing.T) {
	_, ts := testServer(t)
	resp, body := do(t, ts, "GET", "/study?topic=intercession&format=md", "", "")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/markdown") ||
		!strings.Contains(resp.Header.Get("Content-Disposition"), "attachment") || !bytes.HasPrefix(body, []byte("#")) {
		t.Errorf("study as Markdown: %d %s %q", resp.StatusCode, resp.Header, body[:min(len(body), 80)])
	}
}
