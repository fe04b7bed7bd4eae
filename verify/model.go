package verify

import (
	"context"
	"fmt"
	"iter"
	"math"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"berean/canon"
	"berean/ref"
)

// Library is what verify reads from the installed Bibles. FromCorpus adapts
// the opened modules; tests use small fixtures.
type Library interface {
	// Bibles are the installed Bibles' names (conf abbreviations), in order
	// of preference (the first is reported when several match equally).
	Bibles() []string
	// System is a Bible's versification.
	System(bible string) *canon.System
	// Verses yields every verse of a Bible that has text.
	Verses(bible string) iter.Seq2[ref.Ref, Verse]
}

// Verse is one verse's plain text and its Strong's-tagged words.
type Verse struct {
	Text  string
	Words []Word
}

// Model is everything verify learns from the installed Bibles once: the
// verse texts and their content terms, term statistics, the synonym table
// learned from Strong's tags and an inverted index for finding quotations
// anywhere. It is immutable after NewModel and safe for concurrent use.
type Model struct {
	lang    string // the language of its Bibles and of its terms ("en", "es")
	bibles  []*bible
	vocab   map[string]uint32 // term -> id
	terms   []string
	df      []uint32 // verses (of all Bibles) holding the term
	ndocs   int
	syn     map[uint64]float32 // learned synonyms: pair key -> strength
	post    [][]uint32         // content term -> verses holding it (bible<<24 | ordinal)
	words   map[string]uint32  // word form -> term id (+1), or 0 for stop words; read-only after NewModel
	base    []int              // first global verse index of each Bible
	scratch sync.Pool          // *scoreBuf
}

type bible struct {
	name  string
	sys   *canon.System
	text  []string   // by ordinal
	toks  [][]uint32 // content term ids by ordinal
	nvers int
}

func posting(bible, ord int) uint32 { return uint32(bible)<<24 | uint32(ord) }

func unposting(p uint32) (bible, ord int) { return int(p >> 24), int(p & (1<<24 - 1)) }

// NewModel reads every verse of every Bible of lib and learns the model.
// It takes a second or two for two Bibles; build it once and share it.
func NewModel(ctx context.Context, lib Library) (*Model, error) {
	m := &Model{lang: libLang(lib), vocab: map[string]uint32{}, words: map[string]uint32{}}
	names := lib.Bibles()
	if len(names) == 0 {
		return nil, fmt.Errorf("verify: no Bible installed")
	}
	if len(names) > 255 {
		names = names[:255]
	}
	// Strong's tags of the first Bible, by verse, to pair with the others.
	strongID := map[string]uint32{}
	var firstTags map[ref.Ref][]tag
	pairs := map[uint64]uint32{}
	tagged := map[uint32]uint32{}
	for bi, name := range names {
		sys := lib.System(name)
		if sys == nil {
			return nil, fmt.Errorf("verify: %s: no versification", name)
		}
		b := &bible{name: name, sys: sys, text: make([]string, sys.VerseCount()), toks: make([][]uint32, sys.VerseCount())}
		tags := map[ref.Ref][]tag{}
		n := 0
		for r, v := range lib.Verses(name) {
			if n++; n%4096 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			ord, ok := sys.Ordinal(r.Book, r.Chapter, r.Verse)
			if !ok {
				continue
			}
			text := v.Text
			if len(text) > maxVerseBytes {
				// No verse is this long (Esther 8:9, the longest, has about
				// 500 bytes): a damaged entry must not match everything.
				text = truncateUTF8(text, maxVerseBytes)
			}
			b.text[ord] = text
			b.toks[ord] = m.learnTokens(text)
			if len(b.toks[ord]) > maxVerseTerms {
				b.toks[ord] = b.toks[ord][:maxVerseTerms]
			}
			b.nvers++
			var ts []tag
			// A phrase: consecutive tagged words sharing a Strong's number
			// ("go up", "years old"), numbered by its first word.
			phrase := map[uint32]uint32{}
			prev := map[uint32]bool{}
			for wi, w := range v.Words {
				if len(w.Strongs) == 0 {
					continue
				}
				cur := map[uint32]bool{}
				for _, s := range w.Strongs {
					s = normStrong(s)
					sid, ok := strongID[s]
					if !ok {
						sid = uint32(len(strongID))
						strongID[s] = sid
					}
					cur[sid] = true
					if !prev[sid] {
						phrase[sid] = uint32(wi)
					}
				}
				prev = cur
				for _, word := range splitWords(w.Text) {
					id, ok := m.learnTerm(word)
					if !ok {
						continue
					}
					for _, s := range w.Strongs {
						s = normStrong(s)
						sid, ok := strongID[s]
						if !ok {
							sid = uint32(len(strongID))
							strongID[s] = sid
						}
						ts = append(ts, tag{sid, id, phrase[sid]})
						tagged[id]++
					}
				}
			}
			if len(ts) == 0 {
				continue
			}
			if bi == 0 {
				tags[r] = ts
				continue
			}
			// Pair with the first Bible's words of the same Strong's number
			// in the same verse, but not with the other words of its own
			// phrase: where both read "go up" (one tagged word each), go
			// and up are not synonyms.
			ft := firstTags[r]
			for _, a := range ft {
				for _, t := range ts {
					if a.strong == t.strong && a.term != t.term && !inPhrase(ft, a, t.term) && !inPhrase(ts, t, a.term) {
						pairs[pairKey(a.term, t.term)]++
					}
				}
			}
		}
		if bi == 0 {
			firstTags = tags
		}
		m.bibles = append(m.bibles, b)
	}
	m.buildStats()
	m.buildSynonyms(pairs, tagged)
	m.finish()
	return m, nil
}

// inPhrase: term is another word of the phrase x belongs to.
func inPhrase(ts []tag, x tag, term uint32) bool {
	for _, y := range ts {
		if y.word == x.word && y.term == term {
			return true
		}
	}
	return false
}

// tag is a content word of a verse with one of its Strong's numbers, and
// the phrase it is part of (the index of the phrase's first tagged word).
type tag struct{ strong, term, word uint32 }

// maxVerseBytes and maxVerseTerms cap a verse's text and content words
// (the longest verse, Esther 8:9, has about 500 bytes and 40 content
// words), so that a damaged entry holding many verses cannot match
// everything.
const maxVerseTerms = 70

// maxVerseBytes caps a verse's text.
const maxVerseBytes = 1200

func truncateUTF8(s string, n int) string {
	for n > 0 && n < len(s) && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// finish sets up what a built or loaded model derives.
func (m *Model) finish() {
	total := 0
	m.base = nil
	for _, b := range m.bibles {
		m.base = append(m.base, total)
		total += len(b.toks)
	}
	m.scratch.New = func() any { return &scoreBuf{score: make([]float32, total)} }
}

func normStrong(s string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	if len(s) > 1 {
		p, num := s[:1], strings.TrimLeft(s[1:], "0")
		return p + num
	}
	return s
}

func pairKey(a, b uint32) uint64 {
	if a > b {
		a, b = b, a
	}
	return uint64(a)<<32 | uint64(b)
}

// learnTerm interns a word's term; stop words and empty terms are not
// content and return false. Only NewModel calls it (not concurrent).
func (m *Model) learnTerm(word string) (uint32, bool) {
	if id, ok := m.words[word]; ok {
		return id - 1, id != 0
	}
	t, ok := contentTerm(m.lang, word)
	if !ok {
		m.words[word] = 0
		return 0, false
	}
	id, ok := m.vocab[t]
	if !ok {
		id = uint32(len(m.terms))
		m.vocab[t] = id
		m.terms = append(m.terms, t)
	}
	m.words[word] = id + 1
	return id, true
}

func (m *Model) learnTokens(s string) []uint32 {
	ws := splitWords(s)
	out := make([]uint32, 0, len(ws)/2)
	for _, w := range ws {
		if id, ok := m.learnTerm(w); ok {
			out = append(out, id)
		}
	}
	return out
}

// contentTerm normalises a word (case and diacritics folded, archaic forms
// modernised, stemmed); stop words are not content.
func contentTerm(lang, word string) (string, bool) {
	if isStopIn(lang, word) || isNumber(word) {
		return "", false
	}
	t := termIn(lang, word)
	if t == "" {
		return "", false
	}
	return t, true
}

// isNumber: verse numbers printed inside a quotation ("16 For God so
// loved ... 17 For God sent") are not words of the text.
func isNumber(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}

// qterm is a quotation's content word: its term id in the model, or
// unknown (a word no Bible uses) with its term for fuzzy matching.
type qterm struct {
	word    string // as written
	id      uint32
	known   bool
	term    string
	weight  float64
	fragEnd bool // the last word of an ellipsis fragment
}

// quoteTerms normalises a quotation's content words (word forms the
// Bibles use are looked up, others normalised).
func (m *Model) quoteTerms(frags []string) []qterm {
	var out []qterm
	for _, f := range frags {
		ws := splitWords(f)
		skip := connectives(ws)
		for i, w := range ws {
			if skip[i] {
				continue
			}
			var q qterm
			if id, ok := m.words[w]; ok {
				if id == 0 {
					continue
				}
				q = qterm{id: id - 1, known: true, term: m.terms[id-1]}
			} else {
				t, ok := contentTerm(m.lang, w)
				if !ok {
					continue
				}
				if id, ok := m.vocab[t]; ok {
					q = qterm{id: id, known: true, term: t}
				} else {
					q = qterm{term: t}
				}
			}
			q.word = w
			q.weight = m.weight(q)
			out = append(out, q)
		}
		if len(out) > 0 {
			out[len(out)-1].fragEnd = true
		}
	}
	return out
}

// idf is the inverse document frequency of a term over all verses.
func (m *Model) idf(id uint32) float64 {
	return math.Log(float64(m.ndocs+1) / float64(m.df[id]+1))
}

// weight of a quotation word: rarer words weigh more (0.5 for the most
// common, 1 from an idf of 6 up, about one verse in 400); words no Bible
// uses weigh 0.8 (names spelled differently, modern words).
func (m *Model) weight(q qterm) float64 {
	if !q.known {
		return 0.8
	}
	return 0.5 + 0.5*math.Min(1, m.idf(q.id)/6)
}

func (m *Model) buildStats() {
	m.df = make([]uint32, len(m.terms))
	m.post = make([][]uint32, len(m.terms))
	seen := make([]uint32, len(m.terms))
	stamp := uint32(0)
	for bi, b := range m.bibles {
		for ord, ts := range b.toks {
			if len(ts) == 0 {
				continue
			}
			stamp++
			m.ndocs++
			for _, t := range ts {
				if seen[t] == stamp {
					continue
				}
				seen[t] = stamp
				m.df[t]++
				m.post[t] = append(m.post[t], posting(bi, ord))
			}
		}
	}
}

// buildSynonyms keeps the word pairs that render the same Strong's number
// in the same verse of two translations often enough: at least twice, and
// in at least 2% of the rarer word's tagged uses (so that words that merely
// share a verse phrase with a frequent word are not taken for synonyms).
func (m *Model) buildSynonyms(pairs map[uint64]uint32, tagged map[uint32]uint32) {
	m.syn = map[uint64]float32{}
	for k, n := range pairs {
		a, b := uint32(k>>32), uint32(k)
		lo := min(tagged[a], tagged[b])
		if n < 2 || float64(n) < 0.02*float64(lo) {
			continue
		}
		s := 0.75 + 0.2*math.Min(1, float64(n)/float64(max(lo, 1))*4)
		m.syn[k] = float32(s)
	}
}

// Synonyms lists the learned synonyms of a word, strongest first (for
// documentation, tests and debugging).
func (m *Model) Synonyms(word string) []string {
	t, ok := contentTerm(m.lang, word)
	if !ok {
		return nil
	}
	id, ok := m.vocab[t]
	if !ok {
		return nil
	}
	type ws struct {
		w string
		s float32
	}
	var out []ws
	for k, s := range m.syn {
		a, b := uint32(k>>32), uint32(k)
		if a == id {
			out = append(out, ws{m.terms[b], s})
		} else if b == id {
			out = append(out, ws{m.terms[a], s})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].s != out[j].s {
			return out[i].s > out[j].s
		}
		return out[i].w < out[j].w
	})
	r := make([]string, len(out))
	for i, o := range out {
		r[i] = o.w
	}
	return r
}

// splitWords splits text into words: runs of letters and digits, with
// apostrophes inside a word kept together and a possessive "'s" dropped.
// Dashes and hyphens separate words.
func splitWords(s string) []string {
	var out []string
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := s[start:end]
		w = strings.TrimRight(w, "'\u2019")
		for _, suf := range []string{"'s", "\u2019s", "'S", "\u2019S"} {
			if strings.HasSuffix(w, suf) && len(w) > len(suf) {
				w = w[:len(w)-len(suf)]
			}
		}
		if w != "" {
			out = append(out, w)
		}
		start = -1
	}
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if start < 0 {
				start = i
			}
		case (r == '\'' || r == '\u2019') && start >= 0:
			// kept inside a word; trimmed at its end
		default:
			flush(i)
		}
	}
	flush(len(s))
	return out
}

// connectivePhrases are phrases modern translations add to join clauses
// ("In the same way, faith by itself...": "Even so faith..."). Their words
// are not stop words one by one ("way", "same", "reason", "result" are
// content elsewhere), but together they are function words, and they are
// not compared.
var connectivePhrases = [][]string{
	{"in", "the", "same", "way"},
	{"in", "the", "same", "manner"},
	{"in", "this", "way"},
	{"in", "that", "way"},
	{"for", "this", "reason"},
	{"for", "that", "reason"},
	{"as", "a", "result"},
	{"in", "order", "that"},
	{"in", "order", "to"},
	{"in", "other", "words"},
	{"at", "the", "same", "time"},
}

// connectives marks the words of a quotation that belong to a connective
// phrase.
func connectives(ws []string) []bool {
	skip := make([]bool, len(ws))
	for i := range ws {
		for _, p := range connectivePhrases {
			if i+len(p) > len(ws) {
				continue
			}
			match := true
			for k, pw := range p {
				if !strings.EqualFold(ws[i+k], pw) {
					match = false
					break
				}
			}
			if match {
				for k := range p {
					skip[i+k] = true
				}
			}
		}
	}
	return skip
}
