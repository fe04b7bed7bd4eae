package library

import (
	"strings"
	"sync"

	"berean/corpus"
	"berean/index"
	"berean/ref"
)

var (
	lineParser     *ref.Parser
	lineParserOnce sync.Once
)

// topicLines splits a topical entry's definition into its lines: the text
// of each line up to its first reference, the sub-heading it stands under
// (a line starting with "→" opens a sub-heading; a line of its own that
// also cites references is its own line, with no heading) and the OSIS
// references it cites. Lines that cite nothing (headings, "See" links)
// are left out; so are "See" lines' references, which belong to the topic
// they name. A TEI entry's lines carry their links (corpus, markup.Line),
// which say what each line cites; other entries' lines are read by the
// reference parser from their trailing references (a fifth of the index
// build when it was used for Nave's).
func topicLines(te *corpus.TopicEntry) []index.TopicLine {
	var out []index.TopicLine
	heading := ""
	add := func(head bool, text string, refs []string) {
		text = strings.Trim(strings.TrimSpace(text), " ,;:.")
		if head {
			heading = ""
			if len(refs) == 0 {
				heading = text
			}
		}
		if len(refs) == 0 || strings.HasPrefix(text, "See ") || strings.HasPrefix(text, "See") && len(text) > 3 && text[3] >= 'A' && text[3] <= 'Z' {
			return
		}
		out = append(out, index.TopicLine{Heading: heading, Text: text, Refs: refs})
	}
	// The entry's links say which references each line cites: no parsing.
	if te.Lines != nil {
		for _, l := range te.Lines {
			text, head := l.Text[:l.RefAt], false
			if t, ok := strings.CutPrefix(text, "→"); ok {
				text, head = t, true
			}
			add(head, text, l.Refs)
		}
		return out
	}
	lineParserOnce.Do(func() { lineParser = ref.NewParser(ref.Options{}) })
	for _, raw := range strings.Split(te.Definition, "\n") {
		line := strings.TrimSpace(raw)
		if line == "" {
			continue
		}
		head := false
		if t, ok := strings.CutPrefix(line, "→"); ok {
			head, line = true, strings.TrimSpace(t)
		}
		at := refTail(line)
		ms := lineParser.Scan(line[at:])
		text := line
		var refs []string
		for i, m := range ms {
			if i == 0 {
				text = line[:at] + string([]rune(line[at:])[:m.Start])
			}
			if m.Err != nil {
				continue
			}
			for _, r := range m.Ranges {
				refs = append(refs, r.OSIS())
			}
		}
		add(head, text, refs)
	}
	return out
}

// refTail returns the byte offset where the references at the end of a
// Nave's line begin ("... he feeds five thousand (at Lake Galilee) Mt
// 14:13-21; Mr 6:30-44"): the longest run of trailing fields that are
// numbers and punctuation or short capitalised abbreviations ("1Sa",
// "Joh"). Only the tail goes through the reference parser, which takes
// most of the build time when it reads whole lines.
func refTail(line string) int {
	at, start := len(line), len(line)
	for at > 0 {
		i := strings.LastIndexByte(line[:at], ' ') + 1
		f := strings.TrimRight(line[i:at], ",;:.")
		switch {
		case f == "":
		case refField(f):
			start = i
		case f == "with" || f == "and" || f == "also" || f == "see" || f == "cf":
			// joins two references ("2Sa 19:13; with 17:25")
		default:
			return start
		}
		if i == 0 {
			return 0
		}
		at = i - 1
	}
	return start
}

func refField(f string) bool {
	digits := true
	for i := 0; i < len(f); i++ {
		c := f[i]
		if !(c >= '0' && c <= '9' || strings.IndexByte(":-,;.", c) >= 0) {
			digits = false
			break
		}
	}
	if digits {
		return true
	}
	s := strings.TrimLeft(f, "123")
	if len(s) == 0 || len(s) > 5 || len(f)-len(s) > 1 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}
