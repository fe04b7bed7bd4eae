package ask

import (
	"sync"

	"berean/canon"
	"berean/index"
	"berean/internal/versekey"
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
	to, from := b.KJVMaps()
	return &bibleMap{b: b, toKey: to, fromKy: from}
}

// keyRef is the reference of a KJV ordinal.
func keyRef(ord int) (book string, ch, v int) { return canon.KJV().VerseAt(ord) }

// topicVerses parses Nave's OSIS references ("Heb.7.25",
// "Rom.8.26-Rom.8.27", "Lev.16") into KJV ordinals, at most limit verses
// per reference.
func topicVerses(refs []string, limit int) []int32 {
	var out []int32
	seen := map[int32]bool{}
	for _, r := range refs {
		lo, n := refSpan(r, limit)
		for o := lo; o < lo+n; o++ {
			if !seen[int32(o)] {
				seen[int32(o)] = true
				out = append(out, int32(o))
			}
		}
	}
	return out
}

// refSpan is the first KJV ordinal of the OSIS reference r and how many
// of its verses to take: all, at most limit; none when r does not parse.
func refSpan(r string, limit int) (lo, n int) {
	lo, hi, ok := versekey.Span(r)
	if !ok {
		return 0, 0
	}
	return lo, max(0, min(hi-lo+1, limit))
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
