package swordtest

import (
	"sort"
)

// bzip2Encode writes data as a bzip2 stream (level 9). It is a small,
// unoptimised encoder for test fixtures: initial run-length coding, a
// Burrows-Wheeler transform by prefix doubling, move-to-front with RUNA/RUNB
// zero runs, and two identical canonical Huffman tables whose code lengths
// differ by at most one (a complete code, no frequency analysis).
func bzip2Encode(data []byte) []byte {
	var w bitWriter
	w.bytes([]byte("BZh9"))
	var combined uint32
	const chunk = 400_000 // the RLE1 output of a chunk stays under 900k
	for len(data) > 0 {
		n := min(len(data), chunk)
		crc := bzCRC(data[:n])
		combined = (combined<<1 | combined>>31) ^ crc
		bzBlock(&w, data[:n], crc)
		data = data[n:]
	}
	w.bits(0x177245, 24)
	w.bits(0x385090, 24)
	w.bits(uint64(combined), 32)
	w.flush()
	return w.out
}

func bzBlock(w *bitWriter, data []byte, crc uint32) {
	// RLE1: runs of 4..255 equal bytes become 4 bytes and a count.
	var rle []byte
	for i := 0; i < len(data); {
		j := i
		for j < len(data) && j-i < 255 && data[j] == data[i] {
			j++
		}
		r := j - i
		if r >= 4 {
			rle = append(rle, data[i], data[i], data[i], data[i], byte(r-4))
		} else {
			rle = append(rle, data[i:j]...)
		}
		i = j
	}
	bwt, orig := bwtransform(rle)

	var inUse [256]bool
	for _, c := range rle {
		inUse[c] = true
	}
	var seq [256]byte
	var mtf []byte
	n := 0
	for c := 0; c < 256; c++ {
		if inUse[c] {
			seq[c] = byte(n)
			mtf = append(mtf, byte(n))
			n++
		}
	}
	eob := n + 1
	alpha := n + 2
	var syms []int
	zeros := 0
	flushZeros := func() {
		if zeros == 0 {
			return
		}
		z := zeros - 1
		for {
			syms = append(syms, z&1) // RUNA = 0, RUNB = 1
			if z < 2 {
				break
			}
			z = (z - 2) / 2
		}
		zeros = 0
	}
	for _, c := range bwt {
		s := seq[c]
		j := 0
		for mtf[j] != s {
			j++
		}
		if j == 0 {
			zeros++
			continue
		}
		flushZeros()
		copy(mtf[1:j+1], mtf[:j])
		mtf[0] = s
		syms = append(syms, j+1)
	}
	flushZeros()
	syms = append(syms, eob)

	// A complete canonical code: the first `short` symbols get L-1 bits.
	L := 1
	for 1<<L < alpha {
		L++
	}
	short := 1<<L - alpha
	lens := make([]int, alpha)
	for i := range lens {
		lens[i] = L
		if i < short {
			lens[i] = L - 1
		}
	}
	codes := make([]uint64, alpha)
	var vec uint64
	for l := 1; l <= L; l++ {
		for i := range lens {
			if lens[i] == l {
				codes[i] = vec
				vec++
			}
		}
		vec <<= 1
	}

	w.bits(0x314159, 24)
	w.bits(0x265359, 24)
	w.bits(uint64(crc), 32)
	w.bits(0, 1) // not randomised
	w.bits(uint64(orig), 24)
	var used16 uint64
	for i := 0; i < 16; i++ {
		for j := 0; j < 16; j++ {
			if inUse[i*16+j] {
				used16 |= 1 << (15 - i)
				break
			}
		}
	}
	w.bits(used16, 16)
	for i := 0; i < 16; i++ {
		if used16&(1<<(15-i)) == 0 {
			continue
		}
		var m uint64
		for j := 0; j < 16; j++ {
			if inUse[i*16+j] {
				m |= 1 << (15 - j)
			}
		}
		w.bits(m, 16)
	}
	const groups = 2
	nsel := (len(syms) + 49) / 50
	w.bits(groups, 3)
	w.bits(uint64(nsel), 15)
	for i := 0; i < nsel; i++ {
		w.bits(0, 1) // selector 0, move-to-front coded
	}
	for g := 0; g < groups; g++ {
		cur := lens[0]
		w.bits(uint64(cur), 5)
		for _, l := range lens {
			for cur < l {
				w.bits(2, 2) // 10: increment
				cur++
			}
			for cur > l {
				w.bits(3, 2) // 11: decrement
				cur--
			}
			w.bits(0, 1)
		}
	}
	for _, s := range syms {
		w.bits(codes[s], uint(lens[s]))
	}
}

// bwtransform returns the last column of the sorted rotations of s and the
// row of the rotation that starts at 0.
func bwtransform(s []byte) ([]byte, int) {
	n := len(s)
	if n == 0 {
		return nil, 0
	}
	sa := make([]int, n)
	rank := make([]int, n)
	tmp := make([]int, n)
	for i := range sa {
		sa[i] = i
		rank[i] = int(s[i])
	}
	for k := 1; ; k <<= 1 {
		key := func(i int) (int, int) { return rank[i], rank[(i+k)%n] }
		sort.Slice(sa, func(a, b int) bool {
			a1, a2 := key(sa[a])
			b1, b2 := key(sa[b])
			if a1 != b1 {
				return a1 < b1
			}
			return a2 < b2
		})
		tmp[sa[0]] = 0
		for i := 1; i < n; i++ {
			p1, p2 := key(sa[i-1])
			c1, c2 := key(sa[i])
			tmp[sa[i]] = tmp[sa[i-1]]
			if p1 != c1 || p2 != c2 {
				tmp[sa[i]]++
			}
		}
		copy(rank, tmp)
		if rank[sa[n-1]] == n-1 || k >= n {
			break
		}
	}
	out := make([]byte, n)
	orig := 0
	for j, i := range sa {
		out[j] = s[(i+n-1)%n]
		if i == 0 {
			orig = j
		}
	}
	return out, orig
}

var bzTable = func() (t [256]uint32) {
	for i := range t {
		c := uint32(i) << 24
		for k := 0; k < 8; k++ {
			if c&0x80000000 != 0 {
				c = c<<1 ^ 0x04c11db7
			} else {
				c <<= 1
			}
		}
		t[i] = c
	}
	return
}()

func bzCRC(b []byte) uint32 {
	c := ^uint32(0)
	for _, x := range b {
		c = c<<8 ^ bzTable[byte(c>>24)^x]
	}
	return ^c
}

// bitWriter writes bits most significant first.
type bitWriter struct {
	out  []byte
	acc  uint64
	nacc uint
}

func (w *bitWriter) bits(v uint64, n uint) {
	for n > 0 {
		take := min(n, 32)
		n -= take
		w.acc = w.acc<<take | (v>>n)&(1<<take-1)
		w.nacc += take
		for w.nacc >= 8 {
			w.nacc -= 8
			w.out = append(w.out, byte(w.acc>>w.nacc))
		}
	}
}

func (w *bitWriter) bytes(b []byte) {
	for _, c := range b {
		w.bits(uint64(c), 8)
	}
}

func (w *bitWriter) flush() {
	if w.nacc > 0 {
		w.out = append(w.out, byte(w.acc<<(8-w.nacc)))
		w.nacc = 0
	}
}
