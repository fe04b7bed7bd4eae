package index

// The thesaurus section (THES): for an English word, the words of the
// Bibles a thesaurus (WordNet) relates to it, with weights. Only entries
// that reach the Bibles' vocabulary are kept, so that ask reads one
// dictionary entry per question word. Format in doc.go.

import (
	"context"
	"encoding/binary"
	"iter"
	"math"
	"sort"
)

// ThesaurusWord is a word related to a thesaurus entry, with its weight in
// (0, 1].
type ThesaurusWord struct {
	Word   string
	Weight float64
}

// ThesaurusEntry is one word of a thesaurus and the words related to it.
type ThesaurusEntry struct {
	Word    string
	Related []ThesaurusWord
	// Forms are the word's irregular inflections, which no stemmer
	// relates to it: brethren for brother, wept for weep (INFLECT).
	Forms []string
}

// ThesaurusSource is a Source that also offers a thesaurus. Sources
// without it build indexes without the THES section.
type ThesaurusSource interface {
	Thesaurus(ctx context.Context) iter.Seq2[ThesaurusEntry, error]
}

// Thesaurus limits.
const (
	thesMax    = 12   // related stems kept per entry
	thesMinW   = 0.02 // weaker relations are dropped
	thesWScale = 255  // weights are stored as a byte: round(w × 255)
)

// collectThesaurus reads every entry of src, keyed by stem: a stem keeps
// for each related stem the best weight of its words; forms relates the
// stems of a word and of its irregular inflections, both ways.
func collectThesaurus(ctx context.Context, src ThesaurusSource) (thes map[string]map[string]float64, forms map[string]map[string]bool, err error) {
	out := map[string]map[string]float64{}
	forms = map[string]map[string]bool{}
	link := func(a, b string) {
		if forms[a] == nil {
			forms[a] = map[string]bool{}
		}
		forms[a][b] = true
	}
	for e, err := range src.Thesaurus(ctx) {
		if err != nil {
			return nil, nil, err
		}
		k := StemTerm(e.Word)
		if k == "" {
			continue
		}
		for _, f := range e.Forms {
			if s := StemTerm(f); s != "" && s != k {
				link(k, s)
				link(s, k)
			}
		}
		m := out[k]
		for _, r := range e.Related {
			s := StemTerm(r.Word)
			if s == "" || s == k || r.Weight < thesMinW {
				continue
			}
			if m == nil {
				m = map[string]float64{}
				out[k] = m
			}
			m[s] = math.Max(m[s], math.Min(1, r.Weight))
		}
	}
	return out, forms, nil
}

// buildInflect encodes the stems related by irregular inflection whose
// other stem is in vocab as the INFLECT dictionary: stem -> blob record
// "uvarint n, n × str stem", the stems sorted.
func buildInflect(forms map[string]map[string]bool, vocab map[string]bool) []byte {
	recs := map[string][]string{}
	for k, m := range forms {
		var l []string
		for s := range m {
			if vocab[s] {
				l = append(l, s)
			}
		}
		if len(l) > 0 {
			sort.Strings(l)
			recs[k] = l
		}
	}
	return strListDict(recs)
}

// Inflections returns the stems of the Bibles related to a stem term by an
// irregular inflection (brother: brethren; brethren: brother; weep: wept); nil
// when the index has no INFLECT section or none for it.
func (ix *Index) Inflections(stem string) []string { return ix.strListOf(&ix.inflect, stem) }

// buildThesaurus encodes the entries whose related stems are in vocab,
// only those, as the THES dictionary: stem -> blob record "uvarint n,
// n × (str stem, byte weight)".
func buildThesaurus(entries map[string]map[string]float64, vocab map[string]bool) []byte {
	type rw struct {
		s string
		w float64
	}
	recs := map[string][]rw{}
	for k, m := range entries {
		var l []rw
		for s, w := range m {
			if vocab[s] && math.Round(w*thesWScale) >= 1 {
				l = append(l, rw{s, w})
			}
		}
		if len(l) == 0 {
			continue
		}
		sort.Slice(l, func(i, j int) bool {
			if l[i].w != l[j].w {
				return l[i].w > l[j].w
			}
			return l[i].s < l[j].s
		})
		if len(l) > thesMax {
			l = l[:thesMax]
		}
		recs[k] = l
	}
	keys := sortedKeys(recs)
	vals := make([]uint32, len(keys))
	var blob []byte
	for i, k := range keys {
		vals[i] = uint32(len(blob))
		l := recs[k]
		blob = binary.AppendUvarint(blob, uint64(len(l)))
		for _, r := range l {
			blob = appendStr(blob, r.s)
			blob = append(blob, byte(math.Round(r.w*thesWScale)))
		}
	}
	return appendDict(nil, keys, vals, blob)
}

// Thesaurus returns the Bible stems the thesaurus relates to a stem term,
// best first (Word holds the stem); nil when the index has no THES
// section or no entry for it.
func (ix *Index) Thesaurus(stem string) []ThesaurusWord {
	if ix.thes.n == 0 {
		return nil
	}
	v, ok := ix.thes.blobOf(stem)
	if !ok {
		return nil
	}
	p := 0
	n := uvarint(v, &p)
	if n > thesMax || p > len(v) {
		return nil
	}
	out := make([]ThesaurusWord, 0, n)
	for range n {
		s := str(v, &p)
		if p >= len(v) {
			return out
		}
		w := float64(v[p]) / thesWScale
		p++
		out = append(out, ThesaurusWord{Word: s, Weight: w})
	}
	return out
}

// ThesaurusEntries is the number of entries of the THES section.
func (ix *Index) ThesaurusEntries() int { return ix.thes.n }
