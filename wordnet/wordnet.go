package wordnet

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Relation is how a word is related to the lemma asked about.
type Relation uint8

const (
	Synonym    Relation = iota + 1 // another word of one of its senses
	Derivation                     // a derivationally related form (pointer +)
	Similar                        // a word of a similar adjective sense (pointer &)
	Hypernym                       // a word of a broader sense (pointer @, @i)
	Hyponym                        // a word of a narrower sense (pointer ~; not ~i, instances)
)

func (r Relation) String() string {
	switch r {
	case Synonym:
		return "synonym"
	case Derivation:
		return "derivation"
	case Similar:
		return "similar"
	case Hypernym:
		return "hypernym"
	case Hyponym:
		return "hyponym"
	}
	return "relation" + strconv.Itoa(int(r))
}

// factor is the share of a sense's weight a relation passes on.
var factor = map[Relation]float64{Synonym: 1, Derivation: 0.7, Similar: 0.5, Hypernym: 0.3, Hyponym: 0.3}

// Related is a word related to a lemma.
type Related struct {
	Word   string // lower case
	Weight float64
	Via    Relation
}

// poses are the parts of speech, in the order of the files.
var poses = []string{"noun", "verb", "adj", "adv"}

// ssDigit is the digit of a synset type in a sense key.
var ssDigit = map[byte]byte{'n': '1', 'v': '2', 'a': '3', 'r': '4', 's': '5'}

type pointer struct {
	sym      string
	pos      byte // n v a r (s read as a)
	off      uint32
	src, tgt uint8
}

type synset struct {
	typ     byte // n v a s r
	lexFile string
	words   []string
	lexIDs  []string
	ptrs    []pointer
}

// DB is a WordNet database in memory.
type DB struct {
	synsets map[uint64]*synset    // pos<<32 | offset
	lemmas  map[string][][]uint32 // lemma -> offsets per pos (index order)
	counts  map[string]int        // sense key up to lex_id -> tag count
	posOf   map[string][]byte     // lemma -> the poses it has, in order
	forms   map[string][]string   // lemma -> its irregular inflections (noun.exc, verb.exc)
}

func key(pos byte, off uint32) uint64 {
	if pos == 's' {
		pos = 'a'
	}
	return uint64(pos)<<32 | uint64(off)
}

// Open reads the database in dir. Errors name the file and line.
func Open(dir string) (*DB, error) {
	db := &DB{synsets: map[uint64]*synset{}, lemmas: map[string][][]uint32{}, counts: map[string]int{}, posOf: map[string][]byte{},
		forms: map[string][]string{}}
	// The data files are read in parallel into per-file maps, then merged.
	type part struct {
		syn map[uint64]*synset
		err error
	}
	parts := make([]part, len(poses))
	var wg sync.WaitGroup
	for pi, p := range poses {
		pos := p[0]
		if p == "adv" {
			pos = 'r'
		}
		wg.Go(func() {
			m := map[uint64]*synset{}
			parts[pi].err = readLines(filepath.Join(dir, "data."+p), func(n int, line []byte) error {
				return dataLine(m, pos, line)
			})
			parts[pi].syn = m
		})
	}
	found := false
	for pi, p := range poses {
		pos := p[0]
		if p == "adv" {
			pos = 'r'
		}
		if err := readLines(filepath.Join(dir, "index."+p), func(n int, line []byte) error {
			return db.indexLine(pi, pos, line)
		}); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			wg.Wait()
			return nil, err
		}
		found = true
	}
	wg.Wait()
	for pi, pt := range parts {
		if pt.err != nil && (!errors.Is(pt.err, fs.ErrNotExist) || len(db.lemmas) > 0 && hasPos(db, pi)) {
			return nil, pt.err
		}
		for k, v := range pt.syn {
			db.synsets[k] = v
		}
	}
	if !found {
		return nil, fmt.Errorf("wordnet: %s: no index files (index.noun, index.verb ...): %w", dir, fs.ErrNotExist)
	}
	err := readLines(filepath.Join(dir, "cntlist.rev"), func(n int, line []byte) error {
		f := bytes.Fields(line)
		if len(f) != 3 {
			return fmt.Errorf("want sense_key sense_number tag_cnt")
		}
		c, err := strconv.Atoi(string(f[2]))
		if err != nil {
			return err
		}
		k := string(f[0])
		if i := nthIndex(k, ':', 3); i > 0 {
			k = k[:i]
		}
		db.counts[k] += c
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	// The verbs' past tenses are often words of their own (lay for lie,
	// ground for grind, wound for wind, left for leave): a verb's form
	// that is itself a lemma is left out; the nouns' plurals rarely are
	// (brethren is a lemma and a plural of brother).
	for _, f := range []string{"noun.exc", "verb.exc"} {
		verbs := f == "verb.exc"
		err := readLines(filepath.Join(dir, f), func(n int, line []byte) error {
			ws := strings.Fields(string(line))
			if len(ws) == 0 {
				return nil
			}
			if len(ws) < 2 {
				return fmt.Errorf("want an inflected form and its base forms")
			}
			if verbs && db.lemmas[ws[0]] != nil {
				return nil
			}
			for _, base := range ws[1:] {
				if base != ws[0] && !strings.ContainsAny(ws[0]+base, "_-.'") && !slices.Contains(db.forms[base], ws[0]) {
					db.forms[base] = append(db.forms[base], ws[0])
				}
			}
			return nil
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	db.addMenPlurals()
	db.dropAmbiguousForms()
	return db, nil
}

// addMenPlurals gives each noun lemma ending in "man" the plural morphy's
// detachment rule "men -> man" reads (woman: women, kinsman: kinsmen),
// which noun.exc does not list because the rule makes it.
func (db *DB) addMenPlurals() {
	for l, offs := range db.lemmas {
		if len(offs) == 0 || len(offs[0]) == 0 || !strings.HasSuffix(l, "man") || strings.ContainsAny(l, "_-.'") {
			continue
		}
		if f := l[:len(l)-3] + "men"; !slices.Contains(db.forms[l], f) {
			db.forms[l] = append(db.forms[l], f)
		}
	}
}

// dropAmbiguousForms leaves out a plural that is also a regular form of
// another lemma: "lives" is the plural of life and a form of the verb
// live, "leaves" of leaf and of leave; a stem match cannot tell them apart.
func (db *DB) dropAmbiguousForms() {
	for base, fs := range db.forms {
		kept := fs[:0]
		for _, f := range fs {
			ambiguous := false
			for _, suf := range []string{"s", "es", "ed", "d", "ing"} {
				if o, ok := strings.CutSuffix(f, suf); ok && o != base && db.lemmas[o] != nil {
					ambiguous = true
					break
				}
			}
			if !ambiguous {
				kept = append(kept, f)
			}
		}
		if len(kept) == 0 {
			delete(db.forms, base)
			continue
		}
		db.forms[base] = kept
	}
}

// Inflections returns the inflections of a lemma that no regular rule
// makes, from WordNet's exception lists (noun.exc, verb.exc) in their
// order, and the "-men" plural of a noun in "-man" (morphy's rule):
// brethren for brother, children for child, women for woman, wept for
// weep, begat and begotten for beget. Left out: a plural that is also a
// regular form of another lemma (lives: live; wives: wive) and a verb's
// form that is a lemma of its own (lay for lie, ground for grind). Single
// words only; nil for a lemma with none.
func (db *DB) Inflections(lemma string) []string { return db.forms[lemma] }

// nthIndex is the index of the n-th sep in s (1-based), or -1.
func nthIndex(s string, sep byte, n int) int {
	for i := 0; i < len(s); i++ {
		if s[i] == sep {
			n--
			if n == 0 {
				return i
			}
		}
	}
	return -1
}

func readLines(path string, fn func(n int, line []byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("wordnet: %w", err)
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<16)
	for n := 1; ; n++ {
		line, err := r.ReadSlice('\n')
		if len(line) > 0 && !bytes.HasPrefix(line, []byte("  ")) {
			if e := fn(n, bytes.TrimRight(line, " \r\n")); e != nil {
				return fmt.Errorf("wordnet: %s:%d: %w", path, n, e)
			}
		}
		if err == bufio.ErrBufferFull {
			return fmt.Errorf("wordnet: %s:%d: line longer than 64 KiB", path, n)
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("wordnet: %s: %w", path, err)
		}
	}
}

func (db *DB) indexLine(pi int, pos byte, line []byte) error {
	f := strings.Fields(string(line))
	if len(f) < 6 {
		return fmt.Errorf("short index line")
	}
	n, err1 := strconv.Atoi(f[2])
	p, err2 := strconv.Atoi(f[3])
	if err1 != nil || err2 != nil || n < 0 || p < 0 || 4+p+2+n > len(f) {
		return fmt.Errorf("bad counts in index line %q", f[0])
	}
	offs := make([]uint32, 0, n)
	for _, s := range f[4+p+2 : 4+p+2+n] {
		o, err := strconv.ParseUint(s, 10, 32)
		if err != nil {
			return fmt.Errorf("bad offset %q", s)
		}
		offs = append(offs, uint32(o))
	}
	lemma := f[0]
	l := db.lemmas[lemma]
	if l == nil {
		l = make([][]uint32, len(poses))
		db.lemmas[lemma] = l
	}
	l[pi] = offs
	db.posOf[lemma] = append(db.posOf[lemma], pos)
	return nil
}

// hasPos reports whether some lemma has senses of the pi-th part of speech.
func hasPos(db *DB, pi int) bool {
	for _, l := range db.lemmas {
		if len(l[pi]) > 0 {
			return true
		}
	}
	return false
}

func dataLine(syn map[uint64]*synset, pos byte, line []byte) error {
	if i := bytes.IndexByte(line, '|'); i >= 0 {
		line = line[:i]
	}
	f := strings.Fields(string(line))
	if len(f) < 4 {
		return fmt.Errorf("short data line")
	}
	off, err := strconv.ParseUint(f[0], 10, 32)
	if err != nil {
		return fmt.Errorf("bad offset %q", f[0])
	}
	s := &synset{lexFile: f[1], typ: f[2][0]}
	wc, err := strconv.ParseUint(f[3], 16, 8)
	if err != nil || 4+2*int(wc)+1 > len(f) {
		return fmt.Errorf("bad word count at %s", f[0])
	}
	i := 4
	for w := 0; w < int(wc); w++ {
		word := strings.ToLower(f[i])
		if j := strings.IndexByte(word, '('); j > 0 {
			word = word[:j]
		}
		s.words = append(s.words, word)
		s.lexIDs = append(s.lexIDs, f[i+1])
		i += 2
	}
	pc, err := strconv.Atoi(f[i])
	if err != nil || i+1+4*pc > len(f) {
		return fmt.Errorf("bad pointer count at %s", f[0])
	}
	i++
	for p := 0; p < pc; p++ {
		o, err := strconv.ParseUint(f[i+1], 10, 32)
		st, err2 := strconv.ParseUint(f[i+3], 16, 16)
		if err != nil || err2 != nil || len(f[i+2]) != 1 {
			return fmt.Errorf("bad pointer at %s", f[0])
		}
		s.ptrs = append(s.ptrs, pointer{sym: f[i], pos: f[i+2][0], off: uint32(o), src: uint8(st >> 8), tgt: uint8(st)})
		i += 4
	}
	syn[key(pos, uint32(off))] = s
	return nil
}

// Lemmas returns the single-word lemmas, sorted.
func (db *DB) Lemmas() []string {
	out := make([]string, 0, len(db.lemmas))
	for l := range db.lemmas {
		if !strings.ContainsAny(l, "_-.'") {
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return out
}

// Related returns the single words WordNet relates to lemma (lower case,
// "_" for spaces), best first; nil for a lemma it lacks.
func (db *DB) Related(lemma string) []Related {
	offsByPos := db.lemmas[lemma]
	if offsByPos == nil {
		return nil
	}
	best := map[string]Related{}
	add := func(w string, weight float64, via Relation) {
		if w == lemma || strings.ContainsAny(w, "_-.'") {
			return
		}
		if r, ok := best[w]; !ok || weight > r.Weight {
			best[w] = Related{Word: w, Weight: weight, Via: via}
		}
	}
	// The lemma's senses over all parts of speech, with their counts.
	var sets []*synset
	var counts []int
	total := 0
	for pi, offs := range offsByPos {
		pos := poses[pi][0]
		if poses[pi] == "adv" {
			pos = 'r'
		}
		for _, o := range offs {
			s := db.synsets[key(pos, o)]
			if s == nil {
				continue
			}
			c := 0
			for wi, w := range s.words {
				if w == lemma {
					c = db.counts[fmt.Sprintf("%s%%%c:%s:%02d", lemma, ssDigit[s.typ], s.lexFile, hexInt(s.lexIDs[wi]))]
				}
			}
			sets = append(sets, s)
			counts = append(counts, c)
			total += c
		}
	}
	{
		for i, s := range sets {
			p := float64(counts[i]+1) / float64(total+len(sets))
			self := 0
			for wi, w := range s.words {
				if w == lemma {
					self = wi + 1
				} else {
					add(w, p*factor[Synonym], Synonym)
				}
			}
			for _, ptr := range s.ptrs {
				t := db.synsets[key(ptr.pos, ptr.off)]
				if t == nil {
					continue
				}
				switch ptr.sym {
				case "+":
					if int(ptr.src) == self && ptr.tgt > 0 && int(ptr.tgt) <= len(t.words) {
						add(t.words[ptr.tgt-1], p*factor[Derivation], Derivation)
						// The narrower senses of the related form: 'pray'
						// -> prayer -> intercession, supplication.
						for _, h := range db.hyponyms(t) {
							for _, w := range h.words {
								add(w, p*factor[Derivation]*factor[Hyponym], Hyponym)
							}
						}
					}
				case "&":
					for _, w := range t.words {
						add(w, p*factor[Similar], Similar)
					}
				case "@", "@i":
					for _, w := range t.words {
						add(w, p*factor[Hypernym], Hypernym)
					}
				case "~": // not "~i": instances are names (Darrow for lawyer)
					for _, w := range t.words {
						add(w, p*factor[Hyponym], Hyponym)
					}
				}
			}
		}
	}
	out := make([]Related, 0, len(best))
	for _, r := range best {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Weight != out[j].Weight {
			return out[i].Weight > out[j].Weight
		}
		return out[i].Word < out[j].Word
	})
	return out
}

// hyponyms are the narrower synsets of s (pointer ~; not the instances,
// ~i).
func (db *DB) hyponyms(s *synset) []*synset {
	var out []*synset
	for _, q := range s.ptrs {
		if q.sym != "~" {
			continue
		}
		if h := db.synsets[key(q.pos, q.off)]; h != nil {
			out = append(out, h)
		}
	}
	return out
}

func hexInt(s string) int {
	v, _ := strconv.ParseUint(s, 16, 8)
	return int(v)
}
