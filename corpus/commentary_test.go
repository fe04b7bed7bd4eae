package corpus_test

import (
	"strings"
	"sync"
	"testing"

	"berean/corpus"
	"berean/ref"
	"berean/sword/swordtest"
)

// TestCommentaryFixture: ranges from links and from empty verses, each
// comment once, references from OSIS links, ThML scripRefs, link texts
// and plain text, and concurrent reads.
func TestCommentaryFixture(t *testing.T) {
	root := t.TempDir()
	if _, err := swordtest.WriteBible(root, swordtest.Bible{Name: "Linked", Driver: "zCom4", Entries: map[string]string{
		"Matt.28.1":  `Verses 1-8 He is risen; see <reference osisRef="Mark.16.6 Luke.24.6">Mark 16:6; Luke 24:6</reference>.`,
		"Matt.28.16": `Verses 16-20 <reference osisRef="ro 3:21 ro 3:22">Romans 3:21,22</reference> and <reference osisRef="Scofield:Ge 1:1">Genesis 1:1</reference>; compare Acts 1:8.`,
		"Ps.23.1":    `Psalm 23 <reference osisRef="bogus">John 10:11</reference>`,
	}, Links: map[string]string{"Matt.28.17": "Matt.28.16", "Matt.28.18": "Matt.28.16", "Matt.28.19": "Matt.28.16", "Matt.28.20": "Matt.28.16"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := swordtest.WriteBible(root, swordtest.Bible{Name: "Thml", Driver: "RawCom", SourceType: "ThML", Entries: map[string]string{
		"John.3.16": `God so loved; <scripRef passage="1John 4:9">1 John 4:9</scripRef> and <scripRef>Rom 5:8</scripRef>.`,
	}}); err != nil {
		t.Fatal(err)
	}
	c, err := corpus.Open([]string{root})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if n := len(c.Commentaries()); n != 2 {
		t.Fatalf("%d commentaries", n)
	}
	if _, err := c.Bible("Linked"); err == nil {
		t.Error("a commentary is listed as a Bible")
	}
	if _, err := c.Commentary("nosuch"); err == nil || !strings.Contains(err.Error(), "Linked") {
		t.Errorf("unknown commentary: %v", err)
	}
	p := ref.NewParser(ref.Options{})
	for _, tc := range []struct {
		module, ref string
		want        []string // osis: refs
	}{
		{"Linked", "Matt 28:19", []string{"Matt.28.16-Matt.28.20: Rom.3.21-Rom.3.22 Gen.1.1 Acts.1.8"}},
		{"Linked", "Matt 28:5-17", []string{"Matt.28.1-Matt.28.15: Mark.16.6 Luke.24.6", "Matt.28.16-Matt.28.20: Rom.3.21-Rom.3.22 Gen.1.1 Acts.1.8"}},
		{"Linked", "Matt 28", []string{"Matt.28.1-Matt.28.15: Mark.16.6 Luke.24.6", "Matt.28.16-Matt.28.20: Rom.3.21-Rom.3.22 Gen.1.1 Acts.1.8"}},
		{"Linked", "Ps 23:4", []string{"Ps.23.1-Ps.23.6: John.10.11 Ps.23"}},
		{"Linked", "Matt 27", nil},
		{"Thml", "John 3:16-17", []string{"John.3.16-John.3.36: 1John.4.9 Rom.5.8"}},
	} {
		cm, err := c.Commentary(tc.module)
		if err != nil {
			t.Fatal(err)
		}
		rs, err := p.Parse(tc.ref)
		if err != nil {
			t.Fatal(err)
		}
		got, err := cm.Comments(rs[0])
		if err != nil {
			t.Fatal(err)
		}
		var s []string
		for _, g := range got {
			var refs []string
			for _, r := range g.Refs {
				refs = append(refs, r.OSIS())
			}
			s = append(s, g.Range.OSIS()+": "+strings.Join(refs, " "))
		}
		if strings.Join(s, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%s %s:\n got %q\nwant %q", tc.module, tc.ref, s, tc.want)
		}
	}
	// Concurrent readers of one commentary agree.
	cm, _ := c.Commentary("Linked")
	rs, _ := p.Parse("Matt 28")
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 20 {
				got, err := cm.Comments(rs[0])
				if err != nil || len(got) != 2 {
					t.Errorf("concurrent read: %d comments, %v", len(got), err)
					return
				}
			}
		})
	}
	wg.Wait()
}
