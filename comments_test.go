package berean

import (
	"context"
	"strings"
	"testing"

	"berean/sword/swordtest"
)

// TestReadComments: a comment linked to several verses is given once with
// its range, whichever of them is read; a Bible name that is a commentary
// says to use -c.
func TestReadComments(t *testing.T) {
	root := t.TempDir()
	if _, err := swordtest.WriteBible(root, swordtest.Bible{Name: "FixtureBible", Entries: map[string]string{
		"Matt.28.16": "Then the eleven disciples went away into Galilee.",
		"Matt.28.19": "Go ye therefore, and teach all nations.",
		"Matt.28.20": "Teaching them to observe all things.",
	}}); err != nil {
		t.Fatal(err)
	}
	if _, err := swordtest.WriteBible(root, swordtest.Bible{Name: "FixtureComm", Driver: "zCom", ConfDriver: "zCom4",
		Entries: map[string]string{
			"Matt.28.1":  "Verses 1-8 The resurrection.",
			"Matt.28.16": `Verses 16-20 The commission; compare <reference osisRef="Mark.16.15">Mark 16:15</reference> and Acts 1:8.`,
		},
		Links: map[string]string{"Matt.28.17": "Matt.28.16", "Matt.28.18": "Matt.28.16", "Matt.28.19": "Matt.28.16", "Matt.28.20": "Matt.28.16"},
	}); err != nil {
		t.Fatal(err)
	}
	eng, err := Open(Options{SwordPaths: []string{root}, CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	ctx := context.Background()
	for _, tc := range []struct {
		ref  string
		want []string // module osis
	}{
		{"Matt 28:19", []string{"FixtureComm Matt.28.16-Matt.28.20"}},
		{"Matt 28:16-20", []string{"FixtureComm Matt.28.16-Matt.28.20"}},
		{"Matt 28:7-17", []string{"FixtureComm Matt.28.1-Matt.28.15", "FixtureComm Matt.28.16-Matt.28.20"}},
		{"Matt 27:1", nil},
	} {
		res, err := eng.Read(ctx, []string{tc.ref}, []string{"FixtureBible"})
		if err != nil {
			t.Fatal(err)
		}
		if err := eng.AddComments(ctx, res, []string{"fixturecomm"}); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range res.Passages[0].Comments {
			got = append(got, c.Module+" "+c.OSIS)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%s: comments %q, want %q", tc.ref, got, tc.want)
		}
	}
	res, _ := eng.Read(ctx, []string{"Matt 28:19"}, []string{"FixtureBible"})
	if err := eng.AddComments(ctx, res, []string{"FixtureComm"}); err != nil {
		t.Fatal(err)
	}
	if c := res.Passages[0].Comments[0]; strings.Join(c.Refs, " ") != "Mark.16.15 Acts.1.8" {
		t.Errorf("refs %q, want the link's Mark.16.15 and the text's Acts.1.8", c.Refs)
	}
	_, err = eng.Read(ctx, []string{"Matt 28:19"}, []string{"FixtureComm"})
	if code, _ := ErrorCode(err); code != CodeUnknownModule || err == nil || !strings.Contains(err.Error(), "--commentary FixtureComm") {
		t.Errorf("reading a commentary as a Bible: %v, want an error saying to use -c", err)
	}
	if err := eng.AddComments(ctx, res, []string{"NoSuchComm"}); err == nil {
		t.Error("an unknown commentary was accepted")
	}
}
