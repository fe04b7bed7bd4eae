package sword

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ulikunitz/xz"
)

// FuzzConf: the conf parser never panics, Get returns the first of All, and
// a DataPath that parses never resolves outside its root.
func FuzzConf(f *testing.F) {
	files, _ := filepath.Glob("testdata/conf/*.conf")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("[A]\nModDrv=zText\nDataPath=./x/../../y\n"))       // escaping DataPath
	f.Add([]byte("[A]\nK=v\\\n\\\n  w\\\\\nL=\\u-1?\\par\\u12"))     // continuations, RTF fragments
	f.Add([]byte("\xef\xbb\xbf[A]\r\nCipherKey=\r\n[B\nModDrv=zLD")) // BOM, CRLF, unclosed section
	f.Fuzz(func(t *testing.T, data []byte) {
		confs, err := ParseConf(bytes.NewReader(data))
		if err != nil {
			if len(data) <= MaxConfSize {
				t.Fatalf("ParseConf failed on %d bytes: %v", len(data), err)
			}
			return
		}
		root := "/lib/sword" // NewModuleInfo does not touch the file system
		for _, c := range confs {
			for _, k := range c.Keys() {
				all := c.All(k)
				if len(all) == 0 || c.Get(k) != all[0] || !c.Has(k) {
					t.Fatalf("key %q: Get %q All %q", k, c.Get(k), all)
				}
				_ = RTF(c.Get(k))
			}
			mi, err := NewModuleInfo(root, filepath.Join(root, "mods.d", "x.conf"), c)
			if err != nil {
				continue
			}
			rel, err := filepath.Rel(root, mi.DataPath)
			if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				t.Fatalf("DataPath %q resolved outside the root: %s", c.Get("DataPath"), mi.DataPath)
			}
		}
	})
}

// entriesBlock builds a zLD entries block.
func entriesBlock(entries ...string) []byte {
	b := binary.LittleEndian.AppendUint32(nil, uint32(len(entries)))
	off := 4 + 8*len(entries)
	var body []byte
	for _, e := range entries {
		b = binary.LittleEndian.AppendUint32(b, uint32(off+len(body)))
		b = binary.LittleEndian.AppendUint32(b, uint32(len(e)+1))
		body = append(body, e...)
		body = append(body, 0)
	}
	return append(b, body...)
}

// FuzzBlock: Decompress in every compression, and the entries-block parser,
// never panic, bound their output, and fail only with ErrCorrupt. Each run
// also flips a byte (at n, by data's first byte) of a real ZIP and XZ block,
// whole and through the prefix decoder, and
// requires the true text or an error: never other text.
func FuzzBlock(f *testing.F) {
	truth := bytes.Repeat([]byte("he divided their land to them by lot. "), 60)
	var real [][]byte
	for _, c := range []Compression{Zip, XZ} { // BZIP2: FuzzBlockFlip (its encoder is in swordtest)
		z, err := compressForTest(c, truth)
		if err != nil {
			f.Fatal(err)
		}
		real = append(real, z)
	}
	blk := entriesBlock("<entryFree n=\"00001\">Alpha</entryFree>", "", "beta")
	f.Add(blk, uint8(0), uint32(0))
	f.Add(blk, uint8(1), uint32(2))
	f.Add([]byte("\x78\x9c\x4b\x4c\x4a\x06\x00\x02\x4d\x01\x27"), uint8(1), uint32(0)) // zlib "abc"
	f.Add([]byte("BZh91AY&SY"), uint8(2), uint32(1))                                   // a bzip2 header, truncated
	f.Add([]byte("\xfd7zXZ\x00\x00\x04\xe6\xd6\xb4F"), uint8(3), uint32(3))            // an xz header, truncated
	f.Add([]byte("\xff\x00\x01\x02\x03\x04\x05\x06\x07\x00\xee\xf0"), uint8(0), uint32(0))
	f.Add([]byte("\x01\x00\x00\x00\xff\xff\xff\xff\xff\xff\xff\xff"), uint8(0), uint32(0)) // an entry past the end
	f.Fuzz(func(t *testing.T, data []byte, comp uint8, n uint32) {
		for ci, z := range real {
			z = bytes.Clone(z)
			mask := byte(1)
			if len(data) > 0 && data[0] != 0 {
				mask = data[0]
			}
			z[int(n)%len(z)] ^= mask
			c := []Compression{Zip, XZ}[ci]
			if out, err := Decompress(c, z, len(truth)+4096); err == nil && !bytes.Equal(out, truth) {
				t.Fatalf("%s: byte %d ^ %#x: other text without an error", c, int(n)%len(z), mask)
			}
			if out, _, err := decompressPrefix(c, z, 100, len(truth)+4096); err == nil && !bytes.Equal(out[:100], truth[:100]) {
				t.Fatalf("%s prefix: byte %d ^ %#x: other text without an error", c, int(n)%len(z), mask)
			}
		}
		const limit = 1 << 20
		c := Compression(comp % 4)
		out, err := Decompress(c, data, limit)
		if err != nil && !errors.Is(err, ErrCorrupt) {
			t.Fatalf("%s: error not ErrCorrupt: %v", c, err)
		}
		if len(out) > limit {
			t.Fatalf("%s: %d bytes out, limit %d", c, len(out), limit)
		}
		for _, b := range [][]byte{data, out} {
			e, err := entryOf(b, n)
			if err != nil && !errors.Is(err, ErrCorrupt) {
				t.Fatalf("entryOf: error not ErrCorrupt: %v", err)
			}
			if len(e) > len(b) {
				t.Fatalf("entryOf: %d bytes from a block of %d", len(e), len(b))
			}
		}
	})
}

// compressForTest encodes a block as the z-drivers store it.
func compressForTest(c Compression, b []byte) ([]byte, error) {
	var buf bytes.Buffer
	switch c {
	case Zip:
		w := zlib.NewWriter(&buf)
		w.Write(b)
		if err := w.Close(); err != nil {
			return nil, err
		}
	case XZ:
		w, err := xz.NewWriter(&buf)
		if err != nil {
			return nil, err
		}
		w.Write(b)
		if err := w.Close(); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("compressForTest: %s", c)
	}
	return buf.Bytes(), nil
}

// FuzzBlockCopy: a block copy of any content is refused, or read back
// only where its CRCs hold, never a panic; a copy written by write reads
// back whole.
func FuzzBlockCopy(f *testing.F) {
	var sum [16]byte
	copy(sum[:], "0123456789abcdef")
	dir := f.TempDir()
	c := &blockCopies{dir: dir, sum: sum, files: map[uint32]*copyFile{}}
	for i, block := range [][]byte{[]byte("In the beginning"), bytes.Repeat([]byte("abcdefgh"), 1500), nil} {
		c.write(uint32(i), block)
		data, err := os.ReadFile(filepath.Join(dir, strconv.Itoa(i)))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, uint16(0), uint16(len(block)))
	}
	f.Add([]byte(copyMagic), uint16(0), uint16(1))
	f.Fuzz(func(t *testing.T, data []byte, lo, hi uint16) {
		cf, err := readCopyHeader(bytes.NewReader(data), int64(len(data)), sum)
		if err != nil {
			return
		}
		b, ok := cf.read(int64(lo), int64(hi))
		if !ok {
			return
		}
		if int64(hi) > cf.length || lo > hi || len(b) != int(hi)-int(lo) {
			t.Fatalf("read [%d, %d) of %d bytes: %d bytes", lo, hi, cf.length, len(b))
		}
		if !bytes.Contains(data, b) {
			t.Fatalf("read bytes that are not in the copy")
		}
	})
}
