package sword

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"berean/internal/regfile"
)

// Verified block copies.
//
// Reading one verse of a zText module inflates its block up to the verse,
// and a zlib block's checksum (Adler-32) covers the whole block, so the
// rest is inflated too before any byte is used (decompressPrefix): for a
// verse of Hebrews, 172 KB inflated to use 400 bytes, a tenth of a new
// process's time. With copies kept (VerseModule.CacheBlocks), a block
// whose checks passed is written, inflated, to a file of the cache
// directory with a CRC-32C of each 4 KiB chunk, and a later process reads
// a verse from it: the chunks the verse spans, their CRCs checked. A copy
// that is missing, short or fails a CRC is not used (the block is
// inflated from the module again and the copy written again). One process
// writes at most copyWrites copies of a testament: reading passages
// touches a few blocks, while an index build reads every block and would
// otherwise copy out whole modules (83 MB for the Debian set); the
// corpus's passes over every verse are marked (VerseModule.Scan) and copy
// nothing.
//
// A copy holds for one state of the module's files: its directory's name
// and each copy's header carry a hash (FNV-128a) of regfile.Stamp of the
// testament's data and block files (device, inode, size, modification and
// change times), the compression and the cipher key. Any write to either
// file changes its change time, which cannot be set back, so a modified
// module is read from its own files again. Files changed less than
// copyAge before they were opened get no copies (file times are kept at
// the kernel's coarse clock: a write within the same tick could keep
// them). Copies of a module state that is gone stay in the cache directory
// unused until it is cleaned. An enciphered module gets no copies: its
// text is not written out deciphered.
//
// The copy of block N: DIR/blocks-H/N (H: the hash's first 16 hex digits),
// little-endian:
//
//	0   8   magic "BRNBLK\x00\x01"
//	8   16  the hash
//	24  4   length: the inflated block's bytes
//	28  4   chunk: 4096
//	32  4n  CRC-32C (Castagnoli) of each chunk, n = ⌈length/chunk⌉
//	..  length  the block

const (
	copyMagic = "BRNBLK\x00\x01"
	copyChunk = 4096
	copyHead  = 32
	// copyAge is how long before its opening a file must have last changed
	// for copies of its blocks to be kept.
	copyAge = 2 * time.Second
	// copyMax bounds a copy's length (as a block's inflated size).
	copyMax = 64 << 20
	// copyWrites is how many copies of a testament one process writes at
	// most: a command reading passages touches a few blocks; an index build
	// touches them all and would write out the whole module.
	copyWrites = 16
)

// blockCopies are one testament's copies. Safe for concurrent use.
type blockCopies struct {
	dir    string
	sum    [16]byte
	failed atomic.Bool  // a write failed: this process keeps no more
	writes atomic.Int32 // copies this process wrote

	mu    sync.Mutex
	files map[uint32]*copyFile // opened copies; nil: none usable
}

// Scan marks a pass over the whole module (an index build, a model built
// from every verse) until done is called: the blocks it reads are not
// copied, since copies are for the few blocks a reader of passages comes
// back to.
func (m *VerseModule) Scan() (done func()) {
	m.scans.Add(1)
	var once sync.Once
	return func() { once.Do(func() { m.scans.Add(-1) }) }
}

// copying reports whether a block read now is copied.
func (m *VerseModule) copying(t *testament) bool {
	return t.copies != nil && m.scans.Load() == 0 && t.copies.canWrite()
}

// canWrite reports whether this process still keeps copies: not after a
// write failed, nor after copyWrites of them (a bulk reader, such as an
// index build reading every block, copies only its first blocks).
func (c *blockCopies) canWrite() bool {
	return !c.failed.Load() && c.writes.Load() < copyWrites
}

// copyFile is an opened copy.
type copyFile struct {
	r      io.ReaderAt
	c      io.Closer
	length int64
	crcs   []uint32
}

// CacheBlocks makes the module keep verified copies of its inflated blocks
// in dir, and read verses from them (see copies.go). Call it before the
// first read; an empty dir keeps none.
func (m *VerseModule) CacheBlocks(dir string) { m.cacheBlocks(dir, copyAge) }

func (m *VerseModule) cacheBlocks(dir string, age time.Duration) {
	if dir == "" || !m.z || len(m.key) > 0 {
		return // an enciphered module's text stays enciphered on disk
	}
	for _, t := range m.testas {
		if t == nil {
			continue
		}
		h := fnv.New128a()
		fresh := false
		for _, fi := range t.states {
			s, changed := regfile.Stamp(fi)
			fresh = fresh || s == "" || time.Since(changed) < age
			fmt.Fprintf(h, "%s\n", s)
		}
		if fresh {
			continue // a file's state is unknown or too recent to key copies by
		}
		fmt.Fprintf(h, "%s\n%s", m.comp, m.key)
		c := &blockCopies{files: map[uint32]*copyFile{}}
		copy(c.sum[:], h.Sum(nil))
		c.dir = filepath.Join(dir, "blocks-"+hex.EncodeToString(c.sum[:8]))
		t.copies = c
	}
}

// open returns the usable copy of block n, nil when there is none.
func (c *blockCopies) open(n uint32) *copyFile {
	c.mu.Lock()
	defer c.mu.Unlock()
	if cf, ok := c.files[n]; ok {
		return cf
	}
	cf := c.openFile(n)
	c.files[n] = cf
	return cf
}

func (c *blockCopies) openFile(n uint32) *copyFile {
	f, fi, err := regfile.Open(filepath.Join(c.dir, strconv.FormatUint(uint64(n), 10)))
	if err != nil {
		return nil
	}
	cf, err := readCopyHeader(f, fi.Size(), c.sum)
	if err != nil {
		f.Close()
		return nil
	}
	cf.c = f
	return cf
}

// readCopyHeader reads and checks a copy's header: magic, hash, length
// and chunk, and that the file holds exactly the header and the block.
func readCopyHeader(f io.ReaderAt, size int64, sum [16]byte) (*copyFile, error) {
	var h [copyHead]byte
	if _, err := f.ReadAt(h[:], 0); err != nil {
		return nil, err
	}
	le := binary.LittleEndian
	length, chunk := int64(le.Uint32(h[24:])), le.Uint32(h[28:])
	if string(h[:8]) != copyMagic || !bytes.Equal(h[8:24], sum[:]) || chunk != copyChunk || length > copyMax {
		return nil, errBadCopy
	}
	n := (length + copyChunk - 1) / copyChunk
	if size != copyHead+4*n+length {
		return nil, errBadCopy
	}
	raw := make([]byte, 4*n)
	if _, err := f.ReadAt(raw, copyHead); err != nil {
		return nil, err
	}
	cf := &copyFile{r: f, length: length, crcs: make([]uint32, n)}
	for i := range cf.crcs {
		cf.crcs[i] = le.Uint32(raw[4*i:])
	}
	return cf, nil
}

// castagnoliBytewise is CRC-32C's table of 256 entries, built here rather
// than by crc32.MakeTable(crc32.Castagnoli), which on a CPU with SSE 4.2
// also builds that instruction's shift tables: 1.5 MB of CRC work, about
// 0.15 ms, in a process that reads one verse (a tenth of its run). Given
// another table than its own, crc32.Checksum computes byte by byte, with
// the same result: a 4 KB chunk in a few microseconds.
var castagnoliBytewise = sync.OnceValue(func() *crc32.Table {
	t := new(crc32.Table)
	for i := range t {
		crc := uint32(i)
		for range 8 {
			if crc&1 == 1 {
				crc = crc>>1 ^ crc32.Castagnoli
			} else {
				crc >>= 1
			}
		}
		t[i] = crc
	}
	return t
})

var errBadCopy = fmt.Errorf("not a block copy of this module state")

// read returns the block's bytes [lo, hi), checking the CRCs of the chunks
// they span; false when a chunk cannot be read or fails its CRC.
func (cf *copyFile) read(lo, hi int64) ([]byte, bool) {
	if lo < 0 || hi > cf.length || lo > hi {
		return nil, false
	}
	if lo == hi {
		return nil, true
	}
	c0, c1 := lo/copyChunk, (hi-1)/copyChunk
	from, to := c0*copyChunk, min((c1+1)*copyChunk, cf.length)
	buf := make([]byte, to-from)
	if _, err := cf.r.ReadAt(buf, copyHead+4*int64(len(cf.crcs))+from); err != nil {
		return nil, false
	}
	for c := c0; c <= c1; c++ {
		s := (c - c0) * copyChunk
		e := min(s+copyChunk, int64(len(buf)))
		if crc32.Checksum(buf[s:e], castagnoliBytewise()) != cf.crcs[c] {
			return nil, false
		}
	}
	return buf[lo-from : hi-from], true
}

// drop forgets block n's copy (it failed a check) so that the block is
// inflated from the module and its copy written again.
func (c *blockCopies) drop(n uint32) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if cf := c.files[n]; cf != nil {
		cf.c.Close()
	}
	delete(c.files, n)
}

// write keeps the copy of block n, whose checks passed. A write that fails
// stops this process keeping copies of the testament (the next one tries
// again); it never fails a read.
func (c *blockCopies) write(n uint32, block []byte) {
	if !c.canWrite() || len(block) > copyMax {
		return
	}
	c.mu.Lock()
	if cf := c.files[n]; cf != nil {
		c.mu.Unlock()
		return // a usable copy is there
	}
	c.mu.Unlock()
	chunks := (len(block) + copyChunk - 1) / copyChunk
	buf := make([]byte, copyHead+4*chunks, copyHead+4*chunks+len(block))
	le := binary.LittleEndian
	copy(buf, copyMagic)
	copy(buf[8:], c.sum[:])
	le.PutUint32(buf[24:], uint32(len(block)))
	le.PutUint32(buf[28:], copyChunk)
	for i := range chunks {
		e := min((i+1)*copyChunk, len(block))
		le.PutUint32(buf[copyHead+4*i:], crc32.Checksum(block[i*copyChunk:e], castagnoliBytewise()))
	}
	buf = append(buf, block...)
	c.writes.Add(1)
	if err := writeAtomic(c.dir, strconv.FormatUint(uint64(n), 10), buf); err != nil {
		c.failed.Store(true)
		return
	}
	c.mu.Lock()
	delete(c.files, n) // opened afresh on the next read
	c.mu.Unlock()
}

// writeAtomic writes data to dir/name through a temporary file renamed
// into place, creating dir.
func writeAtomic(dir, name string, data []byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), filepath.Join(dir, name))
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// close closes the opened copies.
func (c *blockCopies) close() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for n, cf := range c.files {
		if cf != nil {
			cf.c.Close()
		}
		delete(c.files, n)
	}
}
