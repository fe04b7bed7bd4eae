package corpus

import (
	"context"
	"fmt"
	"iter"
	"regexp"
	"strings"
	"sync"

	"berean/canon"
	"berean/markup"
	"berean/ref"
	"berean/sword"
)

// Commentary is one installed commentary module (conf type commentary:
// RawCom, RawCom4, zCom, zCom4).
type Commentary struct {
	Info *sword.ModuleInfo
	kind markup.Kind
	sys  *canon.System

	once   sync.Once // the module files are opened on first read
	opener func() (*sword.VerseModule, error)
	m      *sword.VerseModule
	err    error

	parserOnce sync.Once
	parser     *ref.Parser
}

// Comment is one entry of a commentary with the verses it covers.
type Comment struct {
	// Range runs from the verse the entry is stored at to the last verse
	// it covers (see Commentary.Comments).
	Range ref.Range
	// Text is the entry for reading: its headings, then its clean text.
	Text string
	// Refs are the Bible references inside the entry, in order of first
	// appearance, each once: the targets of its reference links (OSIS
	// <reference osisRef>, ThML <scripRef passage>), then the references
	// its plain text cites.
	Refs []ref.Range
}

// entryKey identifies an entry of a commentary (its testament and record).
type entryKey struct {
	tt  canon.Testament
	loc sword.Location
}

func lazyCommentary(mi *sword.ModuleInfo, open func() (*sword.VerseModule, error)) *Commentary {
	sys, ok := canon.Get(mi.Versification)
	if !ok {
		sys = canon.KJV()
	}
	return &Commentary{Info: mi, kind: markup.KindOf(mi.SourceType), sys: sys, opener: open}
}

// Name is the conf abbreviation ("MHCC"), or the module name.
func (c *Commentary) Name() string {
	if c.Info.Abbreviation != "" {
		return c.Info.Abbreviation
	}
	return c.Info.Name
}

// Module is the module name.
func (c *Commentary) Module() string { return c.Info.Name }

// System is the commentary's versification.
func (c *Commentary) System() *canon.System { return c.sys }

func (c *Commentary) load() error {
	c.once.Do(func() {
		c.m, c.err = c.opener()
		if c.err != nil {
			c.err = fmt.Errorf("corpus: %s: %w", c.Info.Name, c.err)
		}
	})
	return c.err
}

func (c *Commentary) refParser() *ref.Parser {
	c.parserOnce.Do(func() { c.parser = ref.NewParser(ref.Options{System: c.sys, Apocrypha: true}) })
	return c.parser
}

// group is a run of verses of one chapter covered by one entry.
type group struct {
	loc    sword.Location
	first  int // verse numbers
	last   int
	osis   string
	chap   int
	tt     canon.Testament
	slotTI int
}

// chapterGroups reads the index records of a chapter's verses and cuts them
// into the entries that cover them. An entry is stored at the first verse
// it covers; the verses after it that share its record (links) or are
// empty are covered by it too, up to the next entry or the chapter's end.
// Verses before the chapter's first entry are covered by none.
func (c *Commentary) chapterGroups(osis string, ch int) ([]group, error) {
	bk, ok := c.sys.Book(osis)
	if !ok || ch < 1 || ch > bk.Chapters() {
		return nil, nil
	}
	var out []group
	for v := 1; v <= bk.Verses[ch-1]; v++ {
		tt, ti, err := c.sys.Slot(osis, ch, v)
		if err != nil {
			return nil, err
		}
		loc, err := c.m.Locate(tt, ti)
		if err != nil {
			return nil, fmt.Errorf("corpus: %s %s %d:%d: %w", c.Name(), osis, ch, v, err)
		}
		n := len(out)
		switch {
		case loc == (sword.Location{}) || (n > 0 && out[n-1].loc == loc):
			if n > 0 {
				out[n-1].last = v
			}
		default:
			out = append(out, group{loc: loc, first: v, last: v, osis: osis, chap: ch, tt: tt, slotTI: ti})
		}
	}
	return out, nil
}

// Comments returns the entries covering any verse of r, in order, each
// once (an entry linked to several verses, or reached from several
// chapters of r, is given once, with the range of its first run). Book
// and chapter introductions are not included.
func (c *Commentary) Comments(r ref.Range) ([]Comment, error) {
	if err := c.sys.Check(r.Start.Book, r.Start.Chapter, r.Start.Verse); err != nil {
		return nil, fmt.Errorf("%s: %w", c.Name(), err)
	}
	if err := c.load(); err != nil {
		return nil, err
	}
	var out []Comment
	seen := map[entryKey]bool{}
	type chap struct {
		osis string
		ch   int
	}
	var cur chap
	var groups []group
	var lo, hi int // verses of r in the current chapter
	flush := func() error {
		for _, g := range groups {
			if g.last < lo || g.first > hi {
				continue
			}
			key := entryKey{g.tt, g.loc}
			if seen[key] {
				continue
			}
			seen[key] = true
			cm, err := c.comment(g, true)
			if err != nil {
				return err
			}
			if cm.Text != "" {
				out = append(out, cm)
			}
		}
		return nil
	}
	for v := range r.Verses(c.sys) {
		if (chap{v.Book, v.Chapter}) != cur {
			if err := flush(); err != nil {
				return nil, err
			}
			cur = chap{v.Book, v.Chapter}
			var err error
			if groups, err = c.chapterGroups(v.Book, v.Chapter); err != nil {
				return nil, err
			}
			lo = v.Verse
		}
		hi = v.Verse
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return out, nil
}

// All yields every entry of the commentary once, in the order of the
// versification, stopping at the first error. Refs are left empty (finding
// them costs more than rendering).
func (c *Commentary) All(ctx context.Context) iter.Seq2[Comment, error] {
	return func(yield func(Comment, error) bool) {
		if err := c.load(); err != nil {
			yield(Comment{}, err)
			return
		}
		defer c.m.Scan()() // a pass over every comment: no block copies
		seen := map[entryKey]bool{}
		for _, bk := range c.sys.Books() {
			for ch := 1; ch <= bk.Chapters(); ch++ {
				if err := ctx.Err(); err != nil {
					yield(Comment{}, err)
					return
				}
				groups, err := c.chapterGroups(bk.OSIS, ch)
				if err != nil {
					yield(Comment{}, err)
					return
				}
				for _, g := range groups {
					key := entryKey{g.tt, g.loc}
					if seen[key] {
						continue
					}
					seen[key] = true
					cm, err := c.comment(g, false)
					if err != nil {
						if !yield(Comment{}, err) {
							return
						}
						continue
					}
					if cm.Text != "" && !yield(cm, nil) {
						return
					}
				}
			}
		}
	}
}

func (c *Commentary) comment(g group, withRefs bool) (Comment, error) {
	raw, err := c.m.EntryAt(g.tt, g.slotTI)
	if err != nil {
		return Comment{}, fmt.Errorf("corpus: %s %s %d:%d: %w", c.Name(), g.osis, g.chap, g.first, err)
	}
	t := markup.Render(raw, c.kind)
	text := t.Clean
	if t.Heading != "" {
		text = t.Heading + "\n" + text
	}
	rg := ref.Range{Start: ref.Ref{Book: g.osis, Chapter: g.chap, Verse: g.first}, End: ref.Ref{Book: g.osis, Chapter: g.chap, Verse: g.last}}
	cm := Comment{Range: rg, Text: strings.TrimSpace(text)}
	if withRefs {
		cm.Refs = c.refsOf(raw, t.Clean)
	}
	return cm, nil
}

// The link patterns are compiled on first use: a command that reads no
// commentary does not pay for them at start-up.
var (
	osisRefLink = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?s)<reference\b[^>]*?\bosisRef="([^"]*)"[^>]*>(.*?)</reference>`)
	})
	scripRef    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?s)<scripRef\b([^>]*)>(.*?)</scripRef>`) })
	passageAttr = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\bpassage="([^"]*)"`) })
	tagRE       = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<[^>]*>`) })
)

// refsOf lists the references of an entry: its links' targets, then the
// references cited in its clean text.
func (c *Commentary) refsOf(raw []byte, clean string) []ref.Range {
	var out []ref.Range
	seen := map[string]bool{}
	add := func(rs []ref.Range) {
		for _, r := range rs {
			if k := r.OSIS(); !seen[k] {
				seen[k] = true
				out = append(out, r)
			}
		}
	}
	s := string(raw)
	for _, m := range osisRefLink().FindAllStringSubmatch(s, -1) {
		add(c.linkTarget(m[1], m[2]))
	}
	for _, m := range scripRef().FindAllStringSubmatch(s, -1) {
		target := ""
		if a := passageAttr().FindStringSubmatch(m[1]); a != nil {
			target = a[1]
		}
		add(c.linkTarget(target, m[2]))
	}
	for _, m := range c.refParser().Scan(clean) {
		if m.Err == nil {
			add(m.Ranges)
		}
	}
	return out
}

// linkTarget resolves a link: its target as OSIS references (a
// space-separated list, an optional "Work:" prefix dropped), else the
// target read by the reference parser (Scofield writes "ro 3:21 ro 3:22"),
// else the link's text.
func (c *Commentary) linkTarget(target, text string) []ref.Range {
	target = strings.TrimSpace(target)
	if i := strings.IndexByte(target, ':'); i > 0 && !strings.ContainsAny(target[:i], ".- 0123456789") {
		target = target[i+1:]
	}
	if target != "" {
		var rs []ref.Range
		ok := true
		for _, f := range strings.Fields(target) {
			r, err := ParseOSIS(f)
			if err != nil || c.sys.Check(r.Start.Book, r.Start.Chapter, r.Start.Verse) != nil {
				ok = false
				break
			}
			rs = append(rs, r)
		}
		if ok && len(rs) > 0 {
			return rs
		}
		if rs, err := c.refParser().Parse(target); err == nil {
			return rs
		}
	}
	plain := strings.TrimSpace(tagRE().ReplaceAllString(text, ""))
	if plain == "" {
		return nil
	}
	if rs, err := c.refParser().Parse(plain); err == nil {
		return rs
	}
	return nil
}

// Commentaries are the installed commentaries in library order.
func (c *Corpus) Commentaries() []*Commentary { return append([]*Commentary(nil), c.comms...) }

// Commentary finds a commentary by conf abbreviation ("MHCC") or module
// name, case-insensitively; an unknown name is ErrUnknownModule with the
// installed commentaries listed.
func (c *Corpus) Commentary(name string) (*Commentary, error) {
	n := strings.TrimSpace(name)
	for _, byAbbrev := range []bool{false, true} {
		for _, cm := range c.comms {
			k := cm.Info.Name
			if byAbbrev {
				k = cm.Info.Abbreviation
			}
			if strings.EqualFold(k, n) {
				return cm, nil
			}
		}
	}
	var names []string
	for _, cm := range c.comms {
		names = append(names, cm.Name())
	}
	list := strings.Join(names, ", ")
	if list == "" {
		list = "none (install e.g. the Debian package sword-comm-mhcc)"
	}
	return nil, fmt.Errorf("%w: no commentary %q is installed; installed commentaries: %s", ErrUnknownModule, name, list)
}
