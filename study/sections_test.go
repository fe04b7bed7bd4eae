package study

import (
	"testing"

	"berean/corpus"
)

// TestParseEntryRemarks: a parenthesised "→" line is a remark on the
// heading before it, so the lines after it stay under that heading (the
// note reads "PRIEST, HIGH PRIEST: On the Day of Atonement").
func TestParseEntryRemarks(t *testing.T) {
	e := parseEntry(&corpus.TopicEntry{Name: "PRIEST", Definition: "→ FIGURATIVE Ex 19:6\n" +
		"→ HIGH PRIEST\n→ (Moses did not denominate Aaron chief or high priest)\n" +
		"→ (The function he served was superior to that of other priests)\n" +
		"On the Day of Atonement Ex 30:10; Le 16; Heb 5:3"})
	var heads []string
	for _, sec := range e.sections {
		heads = append(heads, sec.heading)
	}
	want := []string{"FIGURATIVE", "HIGH PRIEST"}
	if len(heads) != len(want) || heads[0] != want[0] || heads[1] != want[1] {
		t.Fatalf("headings %q, want %q", heads, want)
	}
	var day *naveLine
	for i, l := range e.sections[1].lines {
		if l.text == "On the Day of Atonement" {
			day = &e.sections[1].lines[i]
		}
	}
	if day == nil || len(day.ords) != 3 {
		t.Errorf("the Day of Atonement line is not under HIGH PRIEST with its 3 references: %+v", e.sections[1].lines)
	}
}
