package search

import "math/bits"

// bitset is a set of doc numbers of one Bible. A Bible has at most 65536
// docs, so a set is at most 8 KiB; the boolean operators of a query are
// word-wise loops over them (about 500 words for the KJV's 31102 verses),
// which costs less than merging sorted lists once lists are longer than a
// few hundred docs, and has no bad cases.
type bitset []uint64

func newBitset(n int) bitset { return make(bitset, (n+63)/64) }

func (s bitset) set(i int)      { s[i>>6] |= 1 << (uint(i) & 63) }
func (s bitset) has(i int) bool { return s[i>>6]&(1<<(uint(i)&63)) != 0 }

func (s bitset) clear() {
	for i := range s {
		s[i] = 0
	}
}

func (s bitset) and(o bitset) {
	for i := range s {
		s[i] &= o[i]
	}
}

func (s bitset) or(o bitset) {
	for i := range s {
		s[i] |= o[i]
	}
}

func (s bitset) andNot(o bitset) {
	for i := range s {
		s[i] &^= o[i]
	}
}

// setRange sets [lo, hi).
func (s bitset) setRange(lo, hi int) {
	for i := lo; i < hi; {
		if i&63 == 0 && hi-i >= 64 {
			s[i>>6] = ^uint64(0)
			i += 64
			continue
		}
		s.set(i)
		i++
	}
}

func (s bitset) count() int {
	n := 0
	for _, w := range s {
		n += bits.OnesCount64(w)
	}
	return n
}

func (s bitset) empty() bool {
	for _, w := range s {
		if w != 0 {
			return false
		}
	}
	return true
}

// next returns the first member >= i, or -1.
func (s bitset) next(i int) int {
	w := i >> 6
	if w >= len(s) {
		return -1
	}
	x := s[w] >> (uint(i) & 63)
	if x != 0 {
		return i + bits.TrailingZeros64(x)
	}
	for w++; w < len(s); w++ {
		if s[w] != 0 {
			return w<<6 + bits.TrailingZeros64(s[w])
		}
	}
	return -1
}

// countBefore counts members below i.
func (s bitset) countBefore(i int) int {
	n := 0
	for w := 0; w < i>>6 && w < len(s); w++ {
		n += bits.OnesCount64(s[w])
	}
	if w := i >> 6; w < len(s) && i&63 != 0 {
		n += bits.OnesCount64(s[w] & (1<<(uint(i)&63) - 1))
	}
	return n
}
