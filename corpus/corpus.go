package corpus

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"berean/canon"
	"berean/markup"
	"berean/sword"
)

// Errors callers can test with errors.Is.
var (
	// ErrUnknownModule: no installed module by that name. The message lists
	// what is installed.
	ErrUnknownModule = errors.New("unknown module")
	// ErrNotFound: no such lexicon key or topic, or no module to look in.
	ErrNotFound = errors.New("not found")
)

// Corpus is the set of installed modules, opened once. It is safe for
// concurrent use.
type Corpus struct {
	lib     *sword.Library
	bibles  []*Bible
	byName  map[string]*Bible // lower-cased abbreviation and module name
	greek   []*dict           // Feature=GreekDef
	hebrew  []*dict           // Feature=HebrewDef
	topical []*dict           // topical dictionaries (Nave's)
	comms   []*Commentary     // commentaries, in library order

	blocks string // where verse modules keep verified block copies ("" none)

	mu      sync.Mutex // guards closers (modules open lazily)
	closers []func() error
}

// Open finds the modules under roots (see sword.DefaultRoots): the Bibles,
// Strong's lexicons and topical dictionaries among them. It reads only the
// confs; each module's files are opened when first used, so that a
// command reading one verse pays for one module. A module that fails to
// open reports its error on first use. Modules of other kinds and locked
// modules are left alone.
func Open(roots []string) (*Corpus, error) {
	lib, err := sword.OpenLibrary(roots)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	c := &Corpus{lib: lib}
	for _, mi := range lib.Modules() {
		c.add(mi)
	}
	c.index()
	return c, nil
}

// CacheBlocks makes the Bibles and commentaries opened from now on keep
// in dir verified copies of their inflated blocks, so that a later process
// reads a verse without inflating its block
// (sword.VerseModule.CacheBlocks). Call it right after Open.
func (c *Corpus) CacheBlocks(dir string) { c.blocks = dir }

// openVerse opens a Bible or commentary module on first use and closes it
// with the corpus.
func (c *Corpus) openVerse(mi *sword.ModuleInfo) (*sword.VerseModule, error) {
	m, err := sword.OpenVerse(mi)
	if err != nil {
		return nil, err
	}
	m.CacheBlocks(c.blocks)
	c.closeLater(m.Close)
	return m, nil
}

// closeLater registers what Close closes: a module opened on first use.
func (c *Corpus) closeLater(f func() error) {
	c.mu.Lock()
	c.closers = append(c.closers, f)
	c.mu.Unlock()
}

// add takes one module if it is of a kind the corpus uses.
func (c *Corpus) add(mi *sword.ModuleInfo) {
	if mi.Locked {
		return
	}
	switch strings.ToLower(mi.Type) {
	case "bible":
		sys := func() *canon.System {
			s, ok := canon.Get(mi.Versification)
			if !ok {
				s = canon.KJV() // as libsword (and sword.OpenVerse) do
			}
			return s
		}
		c.bibles = append(c.bibles, lazyBible(mi, sys, func() (entrySource, error) {
			m, err := c.openVerse(mi)
			if err != nil {
				return nil, err // not a typed nil in the interface
			}
			return m, nil
		}))
	case "commentary":
		c.comms = append(c.comms, lazyCommentary(mi, func() (*sword.VerseModule, error) { return c.openVerse(mi) }))
	case "lexicon":
		role := lexRole(mi)
		if role == roleNone {
			return
		}
		d := lazyDict(mi, func() (lexSource, error) {
			m, err := sword.OpenLex(mi)
			if err != nil {
				return nil, err
			}
			c.closeLater(m.Close)
			return m, nil
		})
		switch role {
		case roleGreek:
			c.greek = append(c.greek, d)
		case roleHebrew:
			c.hebrew = append(c.hebrew, d)
		case roleTopical:
			c.topical = append(c.topical, d)
		}
	}
}

type role int

const (
	roleNone role = iota
	roleGreek
	roleHebrew
	roleTopical
)

// lexRole decides what a lexicon module is for: a Strong's lexicon by its
// Feature (GreekDef, HebrewDef), a topical dictionary by its description,
// subject heading or name (Nave's has no Feature line).
func lexRole(mi *sword.ModuleInfo) role {
	var features []string
	var lcsh string
	if mi.Conf != nil {
		features, lcsh = mi.Conf.All("Feature"), mi.Conf.Get("LCSH")
	}
	for _, f := range features {
		switch strings.TrimSpace(f) {
		case "GreekDef":
			return roleGreek
		case "HebrewDef":
			return roleHebrew
		case "DailyDevotion", "Glossary", "Images", "GreekParse", "HebrewParse":
			return roleNone
		}
	}
	text := strings.ToLower(mi.Description + " " + lcsh + " " + mi.Name)
	if strings.Contains(text, "topical") || strings.Contains(text, "nave") {
		return roleTopical
	}
	return roleNone
}

// index builds the name table. Bibles keep the library's order; when two
// modules claim the same abbreviation the first keeps it.
func (c *Corpus) index() {
	c.byName = map[string]*Bible{}
	for _, b := range c.bibles {
		for _, n := range []string{b.Info.Name, b.Info.Abbreviation} {
			k := strings.ToLower(strings.TrimSpace(n))
			if _, taken := c.byName[k]; k != "" && !taken {
				c.byName[k] = b
			}
		}
	}
}

// Library is the underlying module library.
func (c *Corpus) Library() *sword.Library { return c.lib }

// Bibles are the installed Bibles in library order.
func (c *Corpus) Bibles() []*Bible { return append([]*Bible(nil), c.bibles...) }

// Bible finds a Bible by conf abbreviation ("KJV") or module name
// ("engKJV2006eb"), case-insensitively.
func (c *Corpus) Bible(name string) (*Bible, error) {
	if b, ok := c.byName[strings.ToLower(strings.TrimSpace(name))]; ok {
		return b, nil
	}
	if err := c.lib.RefusedError(strings.TrimSpace(name)); err != nil {
		// Its conf was refused: say why rather than "not installed".
		return nil, fmt.Errorf("%w: %w", ErrUnknownModule, err)
	}
	return nil, fmt.Errorf("%w: no Bible %q is installed; installed Bibles: %s", ErrUnknownModule, name, c.installed())
}

func (c *Corpus) installed() string {
	if len(c.bibles) == 0 {
		return "none (install sword-text-kjv or put modules in ~/.sword)"
	}
	names := make([]string, len(c.bibles))
	for i, b := range c.bibles {
		if b.Info.Abbreviation != "" && !strings.EqualFold(b.Info.Abbreviation, b.Info.Name) {
			names[i] = b.Info.Abbreviation + " (" + b.Info.Name + ")"
		} else {
			names[i] = b.Info.Name
		}
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// Close releases the modules.
func (c *Corpus) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	var errs []error
	for _, f := range c.closers {
		if err := f(); err != nil {
			errs = append(errs, err)
		}
	}
	c.closers = nil
	return errors.Join(errs...)
}

// System returns the versification of a Bible.
func (b *Bible) System() *canon.System { return b.system() }

// kindOf picks the markup of a module; a lexicon whose conf lacks
// SourceType (StrongsHebrew) is sniffed from its text.
func kindOf(sourceType string, sample []byte) markup.Kind {
	if strings.TrimSpace(sourceType) == "" && strings.Contains(string(sample), "<entryFree") {
		return markup.TEI
	}
	return markup.KindOf(sourceType)
}
