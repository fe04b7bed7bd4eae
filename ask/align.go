package ask

import (
	"strconv"
	"strings"
	"sync"

	"berean/canon"
	"berean/index"
)

// Verses of every Bible are compared in one key space: the verse ordinals
// of the KJV versification (canon.KJV().Ordinal). A Bible in another
// versification (the WEB is NRSVA) is mapped with canon.Map; its verses
// without a KJV counterpart (the deuterocanon) get no key and are left out.

// bibleMap maps one Bible's docs to KJV ordinals and back.
type bibleMap struct {
	b      *index.Bible
	toKey  []int32 // doc -> KJV ordinal, -1 when none
	fromKy []int32 // KJV ordinal -> doc, -1 when none
}

func newBibleMap(b *index.Bible) *bibleMap {
	kjv := canon.KJV()
	m := &bibleMap{b: b, toKey: make([]int32, b.Docs()), fromKy: make([]int32, kjv.VerseCount())}
	for i := range m.fromKy {
		m.fromKy[i] = -1
	}
	sys, ok := canon.Get(b.Versification())
	same := !ok || sys.Name == kjv.Name
	for d := 0; d < b.Docs(); d++ {
		m.toKey[d] = -1
		book, ch, v := b.Ref(d)
		var ord int
		var found bool
		if same {
			ord, found = kjv.Ordinal(book, ch, v)
		} else {
			for _, r := range canon.Map(sys, kjv, book, ch, v) {
				if r.Verse > 0 {
					ord, found = kjv.Ordinal(r.Book, r.Chapter, r.Verse)
					break
				}
			}
		}
		if !found {
			continue
		}
		m.toKey[d] = int32(ord)
		if m.fromKy[ord] < 0 {
			m.fromKy[ord] = int32(d)
		}
	}
	return m
}

// keyRef is the reference of a KJV ordinal.
func keyRef(ord int) (book string, ch, v int) { return canon.KJV().VerseAt(ord) }

// keyOSIS is the OSIS id of a KJV ordinal.
func keyOSIS(ord int) string {
	b, c, v := keyRef(ord)
	return b + "." + strconv.Itoa(c) + "." + strconv.Itoa(v)
}

// sameChapter reports whether two ordinals are in one chapter.
func sameChapter(a, b int) bool {
	ba, ca, _ := keyRef(a)
	bb, cb, _ := keyRef(b)
	return ba == bb && ca == cb
}

// topicVerses parses Nave's OSIS references ("Heb.7.25",
// "Rom.8.26-Rom.8.27", "Lev.16") into KJV ordinals, at most limit verses
// per reference.
func topicVerses(refs []string, limit int) []int32 {
	kjv := canon.KJV()
	var out []int32
	seen := map[int32]bool{}
	for _, r := range refs {
		s, e, _ := strings.Cut(r, "-")
		if e == "" {
			e = s
		}
		lo, ok1 := parseOrd(kjv, s, false)
		hi, ok2 := parseOrd(kjv, e, true)
		if !ok1 || !ok2 || hi < lo {
			continue
		}
		for o := lo; o <= hi && o-lo < limit; o++ {
			if !seen[int32(o)] {
				seen[int32(o)] = true
				out = append(out, int32(o))
			}
		}
	}
	return out
}

func parseOrd(sys *canon.System, s string, end bool) (int, bool) {
	p := strings.Split(s, ".")
	bk, ok := sys.Book(p[0])
	if !ok {
		return 0, false
	}
	ch, v := 1, 1
	if len(p) > 1 {
		ch, _ = strconv.Atoi(p[1])
	} else if end {
		ch = bk.Chapters()
	}
	if ch < 1 || ch > bk.Chapters() {
		return 0, false
	}
	if len(p) > 2 {
		v, _ = strconv.Atoi(p[2])
	} else if end {
		v = bk.Verses[ch-1]
	}
	return sys.Ordinal(p[0], ch, v)
}

// topicCache memoises topicVerses per topic name.
type topicCache struct {
	mu sync.Mutex
	m  map[string][]int32
}

func (c *topicCache) get(ix *index.Index, name string) []int32 {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.m[name]; ok {
		return v
	}
	refs, _ := ix.TopicRefs(name)
	v := topicVerses(refs, 60)
	if c.m == nil {
		c.m = map[string][]int32{}
	}
	c.m[name] = v
	return v
}
