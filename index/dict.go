package index

import (
	"encoding/binary"
	"sort"
)

// A dict is the one table layout every dictionary section uses (see doc.go,
// "Dictionary sections"): sorted keys with one uint32 value each, plus an
// optional blob the values may point into.
//
// Readers never trust offsets: every accessor bounds-checks, so a damaged
// file whose checksum happens to pass yields wrong answers, never a panic.
type dict struct {
	n    int
	koff []byte // (n+1) uint32 key offsets into keys
	vals []byte // n uint32 values
	keys []byte
	blob []byte
}

var le = binary.LittleEndian

func parseDict(b []byte) (dict, error) {
	if len(b) < 4 {
		return dict{}, corruptf("dictionary section of %d bytes", len(b))
	}
	n := int(le.Uint32(b))
	if n < 0 || n > len(b)/8 {
		return dict{}, corruptf("dictionary claims %d keys in %d bytes", n, len(b))
	}
	p := 4
	need := (n+1)*4 + n*4
	if len(b)-p < need {
		return dict{}, corruptf("dictionary of %d keys truncated", n)
	}
	d := dict{n: n, koff: b[p : p+(n+1)*4]}
	p += (n + 1) * 4
	d.vals = b[p : p+n*4]
	p += n * 4
	kl := int(le.Uint32(d.koff[n*4:]))
	if kl < 0 || kl > len(b)-p {
		return dict{}, corruptf("dictionary keys blob of %d bytes past the section end", kl)
	}
	d.keys = b[p : p+kl]
	d.blob = b[p+kl:]
	return d, nil
}

// key returns key i, or nil when its offsets are damaged.
func (d *dict) key(i int) []byte {
	if i < 0 || i >= d.n {
		return nil
	}
	a, z := int(le.Uint32(d.koff[i*4:])), int(le.Uint32(d.koff[i*4+4:]))
	if a > z || z > len(d.keys) {
		return nil
	}
	return d.keys[a:z]
}

func (d *dict) value(i int) uint32 {
	if i < 0 || i >= d.n {
		return 0
	}
	return le.Uint32(d.vals[i*4:])
}

// find returns the index of key k.
func (d *dict) find(k string) (int, bool) {
	i := d.lowerBound(k)
	if i < d.n && string(d.key(i)) == k {
		return i, true
	}
	return 0, false
}

// lowerBound returns the first index whose key is >= k.
func (d *dict) lowerBound(k string) int {
	return sort.Search(d.n, func(i int) bool { return string(d.key(i)) >= k })
}

// prefix returns the index range [lo, hi) of keys starting with p.
func (d *dict) prefix(p string) (lo, hi int) {
	lo = d.lowerBound(p)
	hi = lo
	for hi < d.n {
		k := d.key(hi)
		if len(k) < len(p) || string(k[:len(p)]) != p {
			break
		}
		hi++
	}
	return lo, hi
}

// blobOf returns the blob record of key k; false when k is absent.
func (d *dict) blobOf(k string) ([]byte, bool) {
	i, ok := d.find(k)
	if !ok {
		return nil, false
	}
	return d.blobAt(d.value(i)), true
}

// blobAt returns the value blob from offset v on (nil when out of range).
func (d *dict) blobAt(v uint32) []byte {
	if int64(v) > int64(len(d.blob)) {
		return nil
	}
	return d.blob[v:]
}

// appendDict encodes a dictionary: keys must be sorted and unique.
func appendDict(dst []byte, keys []string, vals []uint32, blob []byte) []byte {
	dst = le.AppendUint32(dst, uint32(len(keys)))
	off := 0
	for _, k := range keys {
		dst = le.AppendUint32(dst, uint32(off))
		off += len(k)
	}
	dst = le.AppendUint32(dst, uint32(off))
	for _, v := range vals {
		dst = le.AppendUint32(dst, v)
	}
	for _, k := range keys {
		dst = append(dst, k...)
	}
	return append(dst, blob...)
}

// uvarint decodes an unsigned varint at b[*p:], advancing *p. On damaged
// input it returns 0 and sets *p past the end, so loops stop.
func uvarint(b []byte, p *int) uint64 {
	var x uint64
	var s uint
	for i := *p; i < len(b); i++ {
		c := b[i]
		if c < 0x80 {
			if i-*p > 9 {
				break
			}
			*p = i + 1
			return x | uint64(c)<<s
		}
		x |= uint64(c&0x7f) << s
		s += 7
	}
	*p = len(b) + 1
	return 0
}

// str decodes a uvarint-length-prefixed string at b[*p:].
func str(b []byte, p *int) string {
	n := uvarint(b, p)
	if *p > len(b) || n > uint64(len(b)-*p) {
		*p = len(b) + 1
		return ""
	}
	s := string(b[*p : *p+int(n)])
	*p += int(n)
	return s
}

func appendStr(dst []byte, s string) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(s)))
	return append(dst, s...)
}
