package verify

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math"
	"slices"
	"sync"
)

// The model file (verify-model-<fingerprint>.bin in the cache directory):
//
//	magic    "BVMODEL\x00"
//	body     the fields of modelFile in declaration order:
//	         int, length and count   uvarint
//	         string                  uvarint length, bytes
//	         []uint32                uvarint count, uvarint each
//	         [][]uint32              uvarint count, []uint32 each
//	         map[uint64]float32      uvarint count, (uvarint key, 4-byte
//	                                 little-endian float bits) in key order
//	         map[string]uint32       uvarint count, (string, uvarint) in key order
//	         []bibleFile             uvarint count, (Name, System, Text as
//	                                 count + strings, Toks as [][]uint32,
//	                                 NVerses) each
//	crc32    Castagnoli checksum of magic and body, 4 bytes little-endian
//
// A reader never trusts a count: each one is checked against the bytes left
// (every element takes at least one byte), so a damaged file is an error,
// never a huge allocation or a panic.
const modelMagic = "BVMODEL\x00"

// crcTable is made on first use: making it costs every process (most never
// touch a model) half a millisecond.
var crcTable = sync.OnceValue(func() *crc32.Table { return crc32.MakeTable(crc32.Castagnoli) })

var errDamaged = errors.New("verify: damaged model file")

type encoder struct{ b []byte }

func (e *encoder) uint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) str(s string)  { e.uint(uint64(len(s))); e.b = append(e.b, s...) }
func (e *encoder) u32s(s []uint32) {
	e.uint(uint64(len(s)))
	for _, v := range s {
		e.uint(uint64(v))
	}
}
func (e *encoder) u32ss(s [][]uint32) {
	e.uint(uint64(len(s)))
	for _, v := range s {
		e.u32s(v)
	}
}
func (e *encoder) strs(s []string) {
	e.uint(uint64(len(s)))
	for _, v := range s {
		e.str(v)
	}
}

// encodeModel returns the bytes of the model file for f.
func encodeModel(f *modelFile) []byte {
	e := &encoder{b: append(make([]byte, 0, 16<<20), modelMagic...)}
	e.uint(uint64(f.Version))
	e.str(f.Fingerprint)
	e.uint(uint64(len(f.Bibles)))
	for _, b := range f.Bibles {
		e.str(b.Name)
		e.str(b.System)
		e.strs(b.Text)
		e.u32ss(b.Toks)
		e.uint(uint64(b.NVerses))
	}
	e.strs(f.Terms)
	e.u32s(f.DF)
	e.uint(uint64(f.NDocs))
	keys := make([]uint64, 0, len(f.Syn))
	for k := range f.Syn {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	e.uint(uint64(len(keys)))
	for _, k := range keys {
		e.uint(k)
		e.b = binary.LittleEndian.AppendUint32(e.b, math.Float32bits(f.Syn[k]))
	}
	e.u32ss(f.Post)
	words := make([]string, 0, len(f.Words))
	for w := range f.Words {
		words = append(words, w)
	}
	slices.Sort(words)
	e.uint(uint64(len(words)))
	for _, w := range words {
		e.str(w)
		e.uint(uint64(f.Words[w]))
	}
	return appendChecksum(e.b)
}

// appendChecksum appends the file's checksum of b to b.
func appendChecksum(b []byte) []byte {
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, crcTable()))
}

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errDamaged
		return 0
	}
	d.b = d.b[n:]
	return v
}

// count reads a count of elements of at least min bytes each.
func (d *decoder) count(min int) int {
	n := d.uint()
	if d.err == nil && n > uint64(len(d.b)/min) {
		d.err = errDamaged
	}
	if d.err != nil {
		return 0
	}
	return int(n)
}

func (d *decoder) u32() uint32 {
	v := d.uint()
	if v > math.MaxUint32 {
		d.err = errDamaged
	}
	return uint32(v)
}

func (d *decoder) str() string {
	n := d.count(1)
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) u32s() []uint32 {
	s := make([]uint32, d.count(1))
	for i := range s {
		s[i] = d.u32()
	}
	return s
}

func (d *decoder) u32ss() [][]uint32 {
	s := make([][]uint32, d.count(1))
	for i := range s {
		s[i] = d.u32s()
	}
	return s
}

func (d *decoder) strs() []string {
	s := make([]string, d.count(1))
	for i := range s {
		s[i] = d.str()
	}
	return s
}

// decodeModel parses a model file, checking its magic and checksum.
func decodeModel(data []byte) (*modelFile, error) {
	if len(data) < len(modelMagic)+4 || string(data[:len(modelMagic)]) != modelMagic {
		return nil, errDamaged
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.Checksum(body, crcTable()) != sum {
		return nil, errDamaged
	}
	d := &decoder{b: body[len(modelMagic):]}
	f := &modelFile{}
	f.Version = int(d.u32())
	f.Fingerprint = d.str()
	f.Bibles = make([]bibleFile, d.count(4))
	for i := range f.Bibles {
		b := &f.Bibles[i]
		b.Name = d.str()
		b.System = d.str()
		b.Text = d.strs()
		b.Toks = d.u32ss()
		b.NVerses = int(d.u32())
	}
	f.Terms = d.strs()
	f.DF = d.u32s()
	f.NDocs = int(d.u32())
	n := d.count(5)
	f.Syn = make(map[uint64]float32, n)
	for range n {
		k := d.uint()
		if d.err != nil || len(d.b) < 4 {
			return nil, errDamaged
		}
		f.Syn[k] = math.Float32frombits(binary.LittleEndian.Uint32(d.b))
		d.b = d.b[4:]
	}
	f.Post = d.u32ss()
	n = d.count(2)
	f.Words = make(map[string]uint32, n)
	for range n {
		w := d.str()
		f.Words[w] = d.u32()
	}
	if d.err != nil || len(d.b) != 0 {
		return nil, errDamaged
	}
	return f, nil
}
