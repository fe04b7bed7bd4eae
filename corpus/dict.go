package corpus

import (
	"fmt"
	"iter"
	"strings"
	"sync"

	"berean/markup"
	"berean/ref"
	"berean/strongs"
	"berean/sword"
)

// lexSource is what a dictionary reads (sword.LexModule). It must be safe
// for concurrent use and return slices the caller may keep.
type lexSource interface {
	Lookup(key string) (found string, text []byte, exact bool, err error)
	Len() int
	Key(i int) string
	At(i int) (key string, text []byte, err error)
}

// dict is one lexicon module, opened on first use (reading a lexicon's
// key index costs milliseconds that `berean read` should not pay).
type dict struct {
	info *sword.ModuleInfo
	name string

	once   sync.Once
	opener func() (lexSource, error)
	src    lexSource
	err    error
	kind   markup.Kind
}

// newDict wraps an opened lexicon.
func newDict(mi *sword.ModuleInfo, src lexSource) *dict {
	return lazyDict(mi, func() (lexSource, error) { return src, nil })
}

// lazyDict wraps a lexicon that open will open when it is first needed.
func lazyDict(mi *sword.ModuleInfo, open func() (lexSource, error)) *dict {
	return &dict{info: mi, name: mi.Name, opener: open, kind: markup.KindOf(mi.SourceType)}
}

// load opens the module once; a conf without SourceType (StrongsHebrew)
// has its markup sniffed from the first entry.
func (d *dict) load() error {
	d.once.Do(func() {
		d.src, d.err = d.opener()
		if d.err != nil {
			d.err = fmt.Errorf("corpus: %s: %w", d.name, d.err)
			return
		}
		if d.info.SourceType == "" && d.src.Len() > 0 {
			if _, text, err := d.src.At(0); err == nil {
				d.kind = kindOf("", text)
			}
		}
	})
	return d.err
}

// ConceptModules are the opened dictionary modules: the Strong's lexicons
// (Greek, then Hebrew) and the topical dictionaries.
func (c *Corpus) ConceptModules() []*sword.ModuleInfo {
	var out []*sword.ModuleInfo
	for _, ds := range [][]*dict{c.greek, c.hebrew, c.topical} {
		for _, d := range ds {
			out = append(out, d.info)
		}
	}
	return out
}

func (d *dict) lookup(key string) (string, []byte, bool, error) {
	if err := d.load(); err != nil {
		return "", nil, false, err
	}
	found, text, exact, err := d.src.Lookup(key)
	if err != nil {
		return "", nil, false, fmt.Errorf("corpus: %s: %q: %w", d.name, key, err)
	}
	return found, text, exact, nil
}

func (d *dict) at(i int) (string, []byte, error) {
	if err := d.load(); err != nil {
		return "", nil, err
	}
	key, text, err := d.src.At(i)
	if err != nil {
		return "", nil, fmt.Errorf("corpus: %s: entry %d: %w", d.name, i, err)
	}
	return key, text, nil
}

// len is the number of records (0 when the module does not open; the
// error comes with the first lookup).
func (d *dict) len() int {
	if d.load() != nil {
		return 0
	}
	return d.src.Len()
}

// keys lists every key in module order (sorted by bytes).
func (d *dict) keys() []string {
	n := d.len()
	out := make([]string, n)
	for i := range out {
		out[i] = d.src.Key(i)
	}
	return out
}

// ---- Strong's lexicons

// LexEntry is one Strong's lexicon entry.
type LexEntry struct {
	Key        string // canonical Strong's number: "G1793", "H6293"
	Module     string // "StrongsGreek"
	Lemma      string // "ἐντυγχάνω"
	Translit   string // "entynchánō"
	Pron       string // "en-toong-khan'-o"
	Definition string // plain text, one line per TEI line break
	Refs       []ref.Range
	SeeAlso    []string // other Strong's numbers it points to, canonical
}

// Lexicon looks up a Strong's number ("G1793", "H6293", "strong:G0846",
// "g1793") in the installed lexicons whose conf says Feature=GreekDef or
// HebrewDef. The on-disk keys are 5-digit numbers without a letter; a
// lookup that libsword would "snap" to a neighbour (or, for "G1793", to the
// last entry) is reported as ErrNotFound instead.
func (c *Corpus) Lexicon(key string) (*LexEntry, error) {
	canonical, ok := strongs.Norm(key, "")
	if !ok || (canonical[0] != 'G' && canonical[0] != 'H') {
		return nil, fmt.Errorf("%w: %q is not a Strong's number such as G1793 or H6293", ErrNotFound, key)
	}
	lexKey, prefix, _ := strongs.LexKey(canonical)
	dicts, lang := c.greek, "Greek"
	if prefix == "H" {
		dicts, lang = c.hebrew, "Hebrew"
	}
	if len(dicts) == 0 {
		return nil, fmt.Errorf("%w: no Strong's %s lexicon is installed (Feature=%sDef)", ErrNotFound, lang, lang)
	}
	for _, d := range dicts {
		found, text, exact, err := d.lookup(lexKey)
		if err != nil {
			return nil, err
		}
		if !exact && strings.TrimLeft(found, "0") != strings.TrimLeft(lexKey, "0") {
			continue
		}
		return lexEntry(d, canonical, text), nil
	}
	return nil, fmt.Errorf("%w: %s is not in %s%s", ErrNotFound, canonical, dictNames(dicts), damagedNote(dicts))
}

// damagedNote names the damaged records of the dictionaries, which may
// have held the key looked for: "" when there are none.
func damagedNote(dicts []*dict) string {
	var notes []string
	for _, d := range dicts {
		if dm, ok := d.src.(interface{ Damaged() []error }); ok {
			for _, err := range dm.Damaged() {
				notes = append(notes, err.Error())
			}
		}
	}
	if len(notes) == 0 {
		return ""
	}
	if len(notes) > 3 {
		notes = append(notes[:3], fmt.Sprintf("and %d more", len(notes)-3))
	}
	return "; it may be in a damaged record: " + strings.Join(notes, "; ")
}

// LexiconRaw returns the stored markup of a Strong's entry (TEI).
func (c *Corpus) LexiconRaw(key string) ([]byte, error) {
	canonical, ok := strongs.Norm(key, "")
	if !ok || (canonical[0] != 'G' && canonical[0] != 'H') {
		return nil, fmt.Errorf("%w: %q is not a Strong's number such as G1793 or H6293", ErrNotFound, key)
	}
	lexKey, prefix, _ := strongs.LexKey(canonical)
	dicts := c.greek
	if prefix == "H" {
		dicts = c.hebrew
	}
	for _, d := range dicts {
		found, text, exact, err := d.lookup(lexKey)
		if err != nil {
			return nil, err
		}
		if exact || strings.TrimLeft(found, "0") == strings.TrimLeft(lexKey, "0") {
			return text, nil
		}
	}
	return nil, fmt.Errorf("%w: %s", ErrNotFound, canonical)
}

func dictNames(ds []*dict) string {
	n := make([]string, len(ds))
	for i, d := range ds {
		n[i] = d.name
	}
	return strings.Join(n, ", ")
}

func lexEntry(d *dict, key string, text []byte) *LexEntry {
	e := &LexEntry{Key: key, Module: d.name}
	if d.kind != markup.TEI {
		e.Definition = markup.Render(text, d.kind).Clean
		return e
	}
	x := markup.Lexeme(text)
	e.Lemma, e.Translit, e.Pron, e.Definition, e.SeeAlso = x.Lemma, x.Translit, x.Pron, x.Definition, x.SeeAlso
	e.Refs = parseRefs(x.Refs)
	return e
}

// LexiconEntries yields every entry of the Strong's lexicons, Greek then
// Hebrew, in key order. A key the module stores twice (StrongsHebrew 02200)
// is yielded once.
func (c *Corpus) LexiconEntries() iter.Seq2[*LexEntry, error] {
	return func(yield func(*LexEntry, error) bool) {
		for _, group := range []struct {
			ds     []*dict
			prefix string
		}{{c.greek, "G"}, {c.hebrew, "H"}} {
			for _, d := range group.ds {
				seen := map[string]bool{}
				if err := d.load(); err != nil {
					if !yield(nil, err) {
						return
					}
					continue
				}
				n := d.len()
				for i := 0; i < n; i++ {
					k, text, err := d.at(i)
					if err != nil {
						if !yield(nil, err) {
							return
						}
						continue
					}
					canonical, ok := strongs.Norm(k, group.prefix)
					if !ok || seen[canonical] {
						continue
					}
					seen[canonical] = true
					if !yield(lexEntry(d, canonical, text), nil) {
						return
					}
				}
			}
		}
	}
}

// ---- topical dictionaries

// TopicEntry is one entry of a topical dictionary (Nave's).
type TopicEntry struct {
	Name       string // "INTERCESSION"
	Module     string // "Nave"
	Definition string // plain text, one line per sub-topic
	Refs       []ref.Range
	SeeAlso    []string // other topics it points to
	// Lines are Definition's lines with the references each links to
	// (TEI entries; nil for other markup).
	Lines []markup.Line
}

// OSIS lists the references in OSIS form ("1Sam.2.25", "Gen.41.9-Gen.41.13").
func (t *TopicEntry) OSIS() []string {
	out := make([]string, len(t.Refs))
	for i, r := range t.Refs {
		out[i] = r.OSIS()
	}
	return out
}

// Topic looks up a topic by name, case-insensitively ("intercession").
// Unlike libsword, which returns a neighbouring entry for any unknown
// name, a name that is not a topic is ErrNotFound, with the nearest topic
// names in the message.
func (c *Corpus) Topic(name string) (*TopicEntry, error) {
	key := strings.ToUpper(strings.Join(strings.Fields(name), " "))
	if key == "" {
		return nil, fmt.Errorf("%w: empty topic name", ErrNotFound)
	}
	if len(c.topical) == 0 {
		return nil, fmt.Errorf("%w: no topical dictionary is installed (sword-dict-naves)", ErrNotFound)
	}
	for _, d := range c.topical {
		found, text, exact, err := d.lookup(key)
		if err != nil {
			return nil, err
		}
		if exact || found == key {
			return topicEntry(d, found, text), nil
		}
	}
	msg := fmt.Sprintf("no topic %q in %s", name, dictNames(c.topical))
	if near := c.nearTopics(key); len(near) > 0 {
		msg += "; nearest: " + strings.Join(near, ", ")
	}
	return nil, fmt.Errorf("%w: %s", ErrNotFound, msg)
}

func topicEntry(d *dict, key string, text []byte) *TopicEntry {
	t := &TopicEntry{Name: key, Module: d.name}
	if d.kind != markup.TEI {
		t.Definition = markup.Render(text, d.kind).Clean
		return t
	}
	x := markup.Lexeme(text)
	if x.Key != "" {
		t.Name = x.Key
	}
	t.Definition, t.SeeAlso, t.Lines = x.Definition, x.SeeAlso, x.Lines
	t.Refs = parseRefs(x.Refs)
	return t
}

// TopicNames lists every topic name in dictionary order.
func (c *Corpus) TopicNames() ([]string, error) {
	var out []string
	for _, d := range c.topical {
		out = append(out, d.keys()...)
	}
	return out, nil
}

// Topics yields every topic with its references resolved. A name the
// module stores twice (Nave SIN, REVERENCE) is yielded once, with the
// copy a lookup returns.
func (c *Corpus) Topics() iter.Seq2[*TopicEntry, error] {
	return func(yield func(*TopicEntry, error) bool) {
		for _, d := range c.topical {
			if err := d.load(); err != nil {
				if !yield(nil, err) {
					return
				}
				continue
			}
			n := d.len()
			prev := ""
			for i := 0; i < n; i++ {
				k, text, err := d.at(i)
				if err != nil {
					if !yield(nil, err) {
						return
					}
					continue
				}
				if k == prev {
					continue
				}
				prev = k
				if i+1 < n { // a duplicate follows: take the copy Lookup gives
					if k2, _, err := d.at(i + 1); err == nil && k2 == k {
						if _, t2, _, err := d.lookup(k); err == nil {
							text = t2
						}
					}
				}
				if !yield(topicEntry(d, k, text), nil) {
					return
				}
			}
		}
	}
}

func parseRefs(osis []string) []ref.Range {
	out := make([]ref.Range, 0, len(osis))
	for _, s := range osis {
		if r, err := ParseOSIS(s); err == nil {
			out = append(out, r)
		}
	}
	return out
}
