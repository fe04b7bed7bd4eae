package index

// The concept sections: Strong's lexicons and Nave's topics, indexed by the
// stems of their words so that later features (ask: concept expansion) can
// go from an English word to Strong's keys and topics. Format in doc.go.

import (
	"context"
	"encoding/binary"
	"sort"
	"strings"
)

// buildGlobal indexes the lexicon and topic entries of src.
func buildGlobal(ctx context.Context, src Source) ([]sectionData, []ModuleMeta, error) {
	// Lexicon: key -> stem -> tf.
	byKey := map[string]map[string]uint32{}
	var toks []token
	stems := map[string]string{} // folded form -> stem, for this goroutine
	stem := func(folded string) string {
		if s, ok := stems[folded]; ok {
			return s
		}
		s := stemFolded(folded)
		stems[strings.Clone(folded)] = s
		return s
	}
	for e, err := range src.Lexicon(ctx) {
		if err != nil {
			return nil, nil, err
		}
		if e.Key == "" {
			continue
		}
		m := byKey[e.Key]
		if m == nil {
			m = map[string]uint32{}
			byKey[e.Key] = m
		}
		toks = tokenize(e.Text, toks[:0])
		for _, t := range toks {
			m[stem(t.Term)]++
		}
	}
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	type ktf struct{ key, tf uint32 }
	lexPost := map[string][]ktf{}
	for i, k := range keys {
		for term, tf := range byKey[k] {
			lexPost[term] = append(lexPost[term], ktf{uint32(i), tf})
		}
	}
	terms := sortedKeys(lexPost)
	var blob []byte
	vals := make([]uint32, len(terms))
	for i, t := range terms {
		list := lexPost[t]
		sort.Slice(list, func(a, b int) bool { return list[a].key < list[b].key })
		vals[i] = uint32(len(blob))
		blob = binary.AppendUvarint(blob, uint64(len(list)))
		prev := uint32(0)
		for _, e := range list {
			blob = binary.AppendUvarint(blob, uint64(e.key-prev))
			blob = binary.AppendUvarint(blob, uint64(e.tf))
			prev = e.key
		}
	}
	lexKeys := appendDict(nil, keys, make([]uint32, len(keys)), nil)
	lexDict := appendDict(nil, terms, vals, blob)
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}

	// Topics: name -> refs; stem of name words -> topic ids.
	refs := map[string][]string{}
	lines := map[string][]TopicLine{}
	see := map[string][]string{}
	for t, err := range src.Topics(ctx) {
		if err != nil {
			return nil, nil, err
		}
		if t.Name == "" {
			continue
		}
		refs[t.Name] = append(refs[t.Name], t.Refs...)
		lines[t.Name] = append(lines[t.Name], t.Lines...)
		if len(t.See) > 0 {
			see[t.Name] = append(see[t.Name], t.See...)
		}
	}
	names := sortedKeys(refs)
	blob = nil
	vals = make([]uint32, len(names))
	topicPost := map[string][]uint32{}
	for i, name := range names {
		vals[i] = uint32(len(blob))
		blob = appendStrList(blob, refs[name])
		toks = tokenize(name, toks[:0])
		for _, t := range toks {
			s := stem(t.Term)
			l := topicPost[s]
			if len(l) == 0 || l[len(l)-1] != uint32(i) {
				topicPost[s] = append(l, uint32(i))
			}
		}
	}
	topics := appendDict(nil, names, vals, blob)
	tterms := sortedKeys(topicPost)
	blob = nil
	vals = make([]uint32, len(tterms))
	for i, t := range tterms {
		vals[i] = uint32(len(blob))
		l := topicPost[t]
		blob = binary.AppendUvarint(blob, uint64(len(l)))
		prev := uint32(0)
		for _, id := range l {
			blob = binary.AppendUvarint(blob, uint64(id-prev))
			prev = id
		}
	}
	topicDict := appendDict(nil, tterms, vals, blob)
	linesSec, lineDict := buildLines(names, lines, stemFolded)
	var meta []ModuleMeta
	if len(keys) > 0 {
		meta = append(meta, ModuleMeta{Name: "lexicons", Kind: "lexicon", Entries: len(keys)})
	}
	if len(names) > 0 {
		meta = append(meta, ModuleMeta{Name: "topics", Kind: "topics", Entries: len(names)})
	}
	return []sectionData{
		{secLexKeys, lexKeys}, {secLexDict, lexDict},
		{secTopics, topics}, {secTopicDic, topicDict},
		{secLines, linesSec}, {secLineDict, lineDict},
		{secTopicVrs, buildTopicVerses(names, refs)},
		{secTopicSee, buildTopicSee(see)},
	}, meta, nil
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// LexiconKeys is the number of lexicon entries indexed.
func (ix *Index) LexiconKeys() int { return ix.lexKeys.n }

// DefinitionsWith returns the Strong's keys whose lexicon definition
// contains word (any form: it is stemmed), ordered by how often, then by
// key.
func (ix *Index) DefinitionsWith(word string) []KeyCount {
	if !ix.concepts() {
		return nil
	}
	v, ok := ix.lexDict.blobOf(StemTerm(word))
	if !ok {
		return nil
	}
	p := 0
	n := uvarint(v, &p)
	var out []KeyCount
	id := uint64(0)
	for k := uint64(0); k < n && p <= len(v); k++ {
		id += uvarint(v, &p)
		tf := uvarint(v, &p)
		if p > len(v) {
			break
		}
		if key := ix.lexKeys.key(int(id)); key != nil {
			out = append(out, KeyCount{string(key), int(tf)})
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Count > out[b].Count })
	return out
}

// StrongsForWord returns the Strong's keys that the Strong's-tagged Bibles
// translate with word (any form: it is stemmed), summed over those Bibles,
// most frequent first: "intercession" -> G1793, H6293, ... This is the
// translators' own concordance from English words to original words.
func (ix *Index) StrongsForWord(word string) []KeyCount {
	term := StemTerm(word)
	sum := map[string]int{}
	for _, b := range ix.bibles {
		for _, kc := range b.StrongsForTerm(term) {
			sum[kc.Key] += kc.Count
		}
	}
	out := make([]KeyCount, 0, len(sum))
	for k, c := range sum {
		out = append(out, KeyCount{k, c})
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Count != out[b].Count {
			return out[a].Count > out[b].Count
		}
		return out[a].Key < out[b].Key
	})
	return out
}

// Topics is the number of topics indexed.
func (ix *Index) Topics() int { return ix.topics.n }

// TopicsForWord returns the names of the topics whose name contains word
// (any form: it is stemmed), in name order.
func (ix *Index) TopicsForWord(word string) []string {
	if !ix.concepts() {
		return nil
	}
	v, ok := ix.topicDict.blobOf(StemTerm(word))
	if !ok {
		return nil
	}
	return ix.topicNames(v)
}

// TopicRefs returns the OSIS references of a topic, by exact name or,
// failing that, case-insensitively.
func (ix *Index) TopicRefs(name string) ([]string, bool) {
	if !ix.concepts() {
		return nil, false
	}
	v, ok := ix.topics.blobOf(name)
	if !ok {
		if v, ok = ix.topics.blobOf(strings.ToUpper(name)); !ok {
			return nil, false
		}
	}
	return strList(v), true
}

// buildTopicSee encodes the topics' See links as the TOPICSEE dictionary:
// topic name -> blob record "uvarint n, n × str name".
func buildTopicSee(see map[string][]string) []byte { return strListDict(see) }

// strListDict encodes m as a dictionary: key -> blob record "uvarint n, n
// × str" (TOPICSEE, INFLECT).
func strListDict(m map[string][]string) []byte {
	keys := sortedKeys(m)
	vals := make([]uint32, len(keys))
	var blob []byte
	for i, k := range keys {
		vals[i] = uint32(len(blob))
		blob = appendStrList(blob, m[k])
	}
	return appendDict(nil, keys, vals, blob)
}

// TopicSee returns the topics a topic points to ("ANXIETY" -> "CARE").
func (ix *Index) TopicSee(name string) []string { return ix.strListOf(&ix.topicSee, name) }

// strListOf reads the list of key in a dictionary strListDict wrote, once
// the concept sections are verified; nil when the section is absent or
// has no such key.
func (ix *Index) strListOf(d *dict, key string) []string {
	if d.n == 0 || !ix.concepts() {
		return nil
	}
	v, ok := d.blobOf(key)
	if !ok {
		return nil
	}
	return strList(v)
}

// appendStrList appends a list of strings as "uvarint n, n × str" (the
// records of TOPICS and TOPICSEE); strList reads one back, stopping at the
// blob's end.
func appendStrList(dst []byte, ss []string) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(ss)))
	for _, s := range ss {
		dst = appendStr(dst, s)
	}
	return dst
}

func strList(v []byte) []string {
	p := 0
	n := uvarint(v, &p)
	var out []string
	for k := uint64(0); k < n && p <= len(v); k++ {
		s := str(v, &p)
		if p > len(v) {
			break
		}
		out = append(out, s)
	}
	return out
}

// topicNames reads a list of topics as "uvarint n, n × uvarint delta of
// the TOPICS number" (the records of TOPICDICT and TOPICVERSES) and
// returns their names.
func (ix *Index) topicNames(v []byte) []string {
	p := 0
	n := uvarint(v, &p)
	var out []string
	id := uint64(0)
	for k := uint64(0); k < n && p <= len(v); k++ {
		id += uvarint(v, &p)
		if p > len(v) {
			break
		}
		if name := ix.topics.key(int(id)); name != nil {
			out = append(out, string(name))
		}
	}
	return out
}
