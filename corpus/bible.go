package corpus

import (
	"context"
	"fmt"
	"iter"
	"sync"

	"berean/canon"
	"berean/markup"
	"berean/ref"
	"berean/sword"
)

// Bible is one installed Bible module.
type Bible struct {
	Info    *sword.ModuleInfo
	sysOnce sync.Once // the versification is built on first use
	sysFn   func() *canon.System
	sys     *canon.System
	kind    markup.Kind
	filters markup.Filters

	once   sync.Once // the module files are opened on first read
	opener func() (entrySource, error)
	src    entrySource
	err    error
}

// entrySource is what a Bible reads: the raw entry of a verse slot. It must
// be safe for concurrent use and return a slice the caller may keep
// (sword.VerseModule is and does).
type entrySource interface {
	Entry(osis string, ch, v int) ([]byte, error)
}

// scanner is a source told of a pass over all its entries
// (sword.VerseModule.Scan).
type scanner interface {
	Scan() (done func())
}

func newBible(mi *sword.ModuleInfo, sys *canon.System, src entrySource) *Bible {
	return lazyBible(mi, func() *canon.System { return sys }, func() (entrySource, error) { return src, nil })
}

// system returns the Bible's versification, building it once.
func (b *Bible) system() *canon.System {
	b.sysOnce.Do(func() { b.sys = b.sysFn() })
	return b.sys
}

// lazyBible describes a Bible from its conf; open opens its files when a
// verse is first read.
func lazyBible(mi *sword.ModuleInfo, sys func() *canon.System, open func() (entrySource, error)) *Bible {
	var filters []string
	if mi.Conf != nil {
		filters = mi.Conf.All("GlobalOptionFilter")
	}
	return &Bible{
		Info:    mi,
		sysFn:   sys,
		kind:    markup.KindOf(mi.SourceType),
		filters: markup.FiltersOf(filters),
		opener:  open,
	}
}

func (b *Bible) load() error {
	b.once.Do(func() {
		b.src, b.err = b.opener()
		if b.err != nil {
			b.err = fmt.Errorf("corpus: %s: %w", b.Info.Name, b.err)
		}
	})
	return b.err
}

// Verse is one verse of a Bible.
type Verse struct {
	Ref  ref.Ref
	Text markup.Text
}

// Name is the conf abbreviation ("KJV"), or the module name when there is
// none.
func (b *Bible) Name() string {
	if b.Info.Abbreviation != "" {
		return b.Info.Abbreviation
	}
	return b.Info.Name
}

// Module is the module name ("engKJV2006eb").
func (b *Bible) Module() string { return b.Info.Name }

// Kind is the module's markup.
func (b *Bible) Kind() markup.Kind { return b.kind }

// Raw returns the markup of a slot as stored (converted to UTF-8): a verse,
// a chapter introduction (v = 0) or a book introduction (ch = v = 0).
// An empty slot gives nil.
func (b *Bible) Raw(osis string, ch, v int) ([]byte, error) {
	if _, _, err := b.system().Slot(osis, ch, v); err != nil {
		return nil, fmt.Errorf("%s: %w", b.Name(), err)
	}
	if err := b.load(); err != nil {
		return nil, err
	}
	raw, err := b.src.Entry(osis, ch, v)
	if err != nil {
		return nil, fmt.Errorf("corpus: %s %s %d:%d: %w", b.Name(), osis, ch, v, err)
	}
	return raw, nil
}

func strongsPrefix(osis string) string {
	if canon.IsNT(osis) {
		return "G"
	}
	return "H"
}

// Verse renders one verse (see markup.Render). A verse the module leaves
// empty gives an empty Text; a verse outside the Bible's versification is
// an error naming the limit ("John has 21 chapters; John 22 does not
// exist").
func (b *Bible) Verse(osis string, ch, v int) (markup.Text, error) {
	if err := b.system().Check(osis, ch, v); err != nil || v == 0 {
		if err == nil {
			err = fmt.Errorf("%s %d:0 is not a verse", osis, ch)
		}
		return markup.Text{}, fmt.Errorf("%s: %w", b.Name(), err)
	}
	raw, err := b.Raw(osis, ch, v)
	if err != nil {
		return markup.Text{}, err
	}
	return b.render(osis, raw), nil
}

func (b *Bible) render(osis string, raw []byte) markup.Text {
	if len(raw) == 0 {
		return markup.Text{}
	}
	return markup.RenderOptions(raw, b.kind, markup.Options{StrongsPrefix: strongsPrefix(osis)})
}

// Intro renders a book introduction (ch = 0) or a chapter introduction.
func (b *Bible) Intro(osis string, ch int) (markup.Text, error) {
	raw, err := b.Raw(osis, ch, 0)
	if err != nil {
		return markup.Text{}, err
	}
	return b.render(osis, raw), nil
}

// Plain is the verse as `diatheke -f plain -o ""` prints it: the heading
// before the label and the text after it (see markup.Plain), with the
// filters the module's conf lists.
func (b *Bible) Plain(osis string, ch, v int) (heading, body string, err error) {
	raw, err := b.Raw(osis, ch, v)
	if err != nil {
		return "", "", err
	}
	heading, body = markup.PlainFilters(raw, b.kind, b.filters)
	return heading, body, nil
}

// Passage renders the verses of r in order. A reference outside the
// versification is an error naming the limit.
func (b *Bible) Passage(r ref.Range) ([]Verse, error) {
	if err := b.check(r.Start); err != nil {
		return nil, err
	}
	if r.End.Book != "" {
		if err := b.check(r.End); err != nil {
			return nil, err
		}
	}
	var out []Verse
	for v := range r.Verses(b.system()) {
		t, err := b.Verse(v.Book, v.Chapter, v.Verse)
		if err != nil {
			return nil, err
		}
		out = append(out, Verse{Ref: v, Text: t})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: %s is an empty or reversed range", b.Name(), r)
	}
	return out, nil
}

func (b *Bible) check(r ref.Ref) error {
	if err := b.system().Check(r.Book, r.Chapter, r.Verse); err != nil {
		return fmt.Errorf("%s: %w", b.Name(), err)
	}
	return nil
}

// All yields every verse of the versification in order, rendered, empty
// verses included (with an empty Text), so that the n-th verse yielded has
// ordinal n (canon.System.Ordinal). A slot that cannot be read is yielded
// empty; Verses reports such errors.
func (b *Bible) All() iter.Seq[Verse] {
	return func(yield func(Verse) bool) {
		for v := range b.Verses(context.Background()) {
			if !yield(v) {
				return
			}
		}
	}
}

// Verses is All with errors: it yields every verse in order, and an error
// (with the verse, empty) for a slot that cannot be read. It stops when ctx
// is done.
func (b *Bible) Verses(ctx context.Context) iter.Seq2[Verse, error] {
	return func(yield func(Verse, error) bool) {
		if b.load() == nil {
			if s, ok := b.src.(scanner); ok {
				defer s.Scan()() // a pass over every verse: no block copies
			}
		}
		n := b.system().VerseCount()
		for o := 0; o < n; o++ {
			if o&1023 == 0 && ctx.Err() != nil {
				yield(Verse{}, ctx.Err())
				return
			}
			osis, ch, v := b.system().VerseAt(o)
			r := ref.Ref{Book: osis, Chapter: ch, Verse: v}
			raw, err := b.Raw(osis, ch, v)
			if !yield(Verse{Ref: r, Text: b.render(osis, raw)}, err) {
				return
			}
		}
	}
}
