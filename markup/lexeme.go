package markup

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"berean/strongs"
)

// Entry is a dictionary entry (TEI) split into fields.
type Entry struct {
	// Key is the entry's own name: the entryFree n attribute ("01793",
	// "6293", "INTERCESSION").
	Key string
	// Lemma is the headword in its own script (the first <orth> with no
	// type): "ἐντυγχάνω", "פּגע".
	Lemma string
	// Translit is the transliteration (<orth type="trans">): "entynchánō".
	Translit string
	// Pron is the pronunciation (<pron>): "en-toong-khan'-o".
	Pron string
	// Definition is the rest of the entry as plain text: one line per
	// TEI line break, list item or paragraph; spaces collapsed; Beta-code
	// spellings (<orth type="writing">) left out.
	Definition string
	// Refs are the Bible references (<ref osisRef>) in order, without
	// duplicates: "1Sam.2.25", "Gen.41.9-Gen.41.13".
	Refs []string
	// SeeAlso are the other entries it points to (<ref target>): Strong's
	// numbers in canonical form ("G1722", "H433") and Nave topics
	// ("PRIEST"), in order, without duplicates.
	SeeAlso []string
	// Lines are Definition's lines, each with the Bible references it
	// cites: a topical dictionary's sub-entries ("→ Of the lamb 2Sa
	// 12:1-6" with 2Sam.12.1-2Sam.12.6), read from the links, so that no
	// reference needs parsing from the text.
	Lines []Line
}

// Line is one line of a dictionary entry's Definition.
type Line struct {
	Text string
	// Refs are the references the line's links cite, in order.
	Refs []string
	// RefAt is the byte offset in Text where the first link's text
	// begins, or len(Text) when the line cites nothing.
	RefAt int
}

// Lexeme reads a TEI dictionary entry (Strong's Greek and Hebrew, Nave's).
//
// The headword group is the first <orth> without a type, the first
// <orth type="trans"> and the first <pron>; they fill Lemma, Translit and
// Pron and are left out of Definition. Later headword groups (Greek 3588
// has three: ὁ, ἡ, τό) stay in Definition. <lb/>, <list>, <item>, <p>,
// <sense> and <entryFree> end a line. A <ref target="StrongsGreek:06646">
// whose text reads "H06646" is taken at its text's word: the text names
// the testament correctly where the target does not. Nave's links to
// one-chapter books written "<ref osisRef="Jude.1.1">Jude 1</ref>:8-13"
// give the verses the text names (Jude.1.8-Jude.1.13; 246 such links).
func Lexeme(src []byte) Entry {
	toks := scan(src)
	var e Entry
	var lemmaAt, translitAt, pronAt = -1, -1, -1
	for i := range toks {
		t := &toks[i]
		if t.kind != tokTag || t.end || t.empty {
			continue
		}
		switch t.name {
		case "entryFree":
			if e.Key == "" {
				e.Key = strings.TrimSpace(t.get("n"))
			}
		case "orth":
			switch t.get("type") {
			case "":
				if lemmaAt < 0 {
					lemmaAt = i
				}
			case "trans":
				if translitAt < 0 {
					translitAt = i
				}
			}
		case "pron":
			if pronAt < 0 {
				pronAt = i
			}
		}
	}
	skip := map[int]int{} // start token -> end token of elements left out of Definition
	field := func(at int) string {
		if at < 0 {
			return ""
		}
		j := match(toks, at)
		skip[at] = j
		return strings.TrimSpace(Render(joinToks(toks[at+1:min(j, len(toks))]), TEI).Clean)
	}
	e.Lemma, e.Translit, e.Pron = field(lemmaAt), field(translitAt), field(pronAt)

	var lines []string
	var cur strings.Builder
	pending := false
	var lineRefs []string
	refAt := -1
	flush := func() {
		raw := cur.String()
		if s := strings.TrimSpace(raw); s != "" {
			lines = append(lines, s)
			at := len(s)
			if refAt >= 0 {
				lead := len(raw) - len(strings.TrimLeft(raw, " "))
				at = min(max(refAt-lead, 0), len(s))
			}
			e.Lines = append(e.Lines, Line{Text: s, Refs: lineRefs, RefAt: at})
		}
		cur.Reset()
		pending = false
		lineRefs, refAt = nil, -1
	}
	seenRef := map[string]bool{}
	seenSee := map[string]bool{}
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.kind == tokText {
			for _, c := range t.text {
				if unicode.IsSpace(c) || unicode.IsControl(c) {
					pending = true
					continue
				}
				if pending && cur.Len() > 0 {
					cur.WriteByte(' ')
				}
				pending = false
				cur.WriteRune(c)
			}
			continue
		}
		if j, ok := skip[i]; ok {
			i = j
			pending = true
			continue
		}
		switch t.name {
		case "orth":
			if !t.end && !t.empty && t.get("type") == "writing" {
				i = match(toks, i)
				pending = true
			}
		case "lb", "list", "item", "p", "sense", "entryFree", "div":
			flush()
		case "ref":
			if t.end || t.empty {
				break
			}
			if v := strings.TrimSpace(t.get("osisRef")); v != "" {
				refs := []string{v}
				if j := match(toks, i); j+1 < len(toks) && toks[j+1].kind == tokText {
					if fixed := chapterOneVerses(v, toks[j+1].text); fixed != nil {
						refs = fixed
					}
				}
				if refAt < 0 {
					refAt = cur.Len()
				}
				lineRefs = append(lineRefs, refs...)
				for _, v := range refs {
					if !seenRef[v] {
						seenRef[v] = true
						e.Refs = append(e.Refs, v)
					}
				}
			}
			if v := t.get("target"); v != "" {
				j := match(toks, i)
				var text string
				if j < len(toks) {
					text = strings.TrimSpace(Render(joinToks(toks[i+1:j]), TEI).Clean)
				}
				if s := seeAlso(v, text); s != "" && !seenSee[s] {
					seenSee[s] = true
					e.SeeAlso = append(e.SeeAlso, s)
				}
			}
		}
	}
	flush()
	e.Definition = strings.Join(lines, "\n")
	return e
}

// chapterOneVerses repairs Nave's references to one-chapter books, written
// "<ref osisRef="Jude.1.1">Jude 1</ref>:8-13": the link points at verse 1
// while the text after it names the verses. It returns the references the
// text names (Jude.1.8-Jude.1.13), or nil when after is not such a verse
// list.
func chapterOneVerses(osisRef, after string) []string {
	book, ok := strings.CutSuffix(osisRef, ".1.1")
	if !ok || strings.ContainsAny(book, ".-") || !strings.HasPrefix(after, ":") {
		return nil
	}
	var out []string
	s := after[1:]
	for {
		a, rest := leadingNumber(s)
		if a == "" {
			break
		}
		r := book + ".1." + a
		if strings.HasPrefix(rest, "-") {
			if b, rest2 := leadingNumber(rest[1:]); b != "" {
				r += "-" + book + ".1." + b
				rest = rest2
			}
		}
		out = append(out, r)
		if !strings.HasPrefix(rest, ",") {
			break
		}
		s = rest[1:]
	}
	return out
}

func leadingNumber(s string) (num, rest string) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i], s[i:]
}

// seeAlso turns a TEI ref target into a key: Strong's targets become
// canonical numbers, other targets lose their module prefix.
func seeAlso(target, text string) string {
	mod, key, ok := strings.Cut(target, ":")
	if !ok {
		key, mod = target, ""
	}
	key = strings.TrimSpace(key)
	lm := strings.ToLower(mod)
	if strings.HasPrefix(lm, "strongs") {
		if c, ok := strongs.Norm(text, ""); ok && (c[0] == 'G' || c[0] == 'H') {
			return c
		}
		prefix := "G"
		if strings.Contains(lm, "hebrew") {
			prefix = "H"
		}
		if c, ok := strongs.Norm(key, prefix); ok {
			return c
		}
	}
	return key
}

// joinToks re-creates markup from tokens (for rendering a sub-range).
func joinToks(toks []token) []byte {
	var b []byte
	for _, t := range toks {
		if t.kind == tokTag {
			b = append(b, '<')
			b = append(b, t.text...)
			b = append(b, '>')
			continue
		}
		for _, c := range t.text {
			switch c {
			case '<':
				b = append(b, "&lt;"...)
			case '>':
				b = append(b, "&gt;"...)
			case '&':
				b = append(b, "&amp;"...)
			default:
				b = utf8.AppendRune(b, c)
			}
		}
	}
	return b
}
