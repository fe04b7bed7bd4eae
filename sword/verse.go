package sword

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"berean/canon"
	"berean/internal/regfile"
)

// VerseModule reads a verse-keyed module: a Bible (RawText, RawText4, zText,
// zText4) or a commentary (RawCom, RawCom4, zCom, zCom4). It is safe for
// concurrent use.
type VerseModule struct {
	info   *ModuleInfo
	sys    *canon.System
	z      bool // compressed driver
	size4  bool // the driver declares 4-byte entry sizes (each testament may differ: testament.size4)
	comp   Compression
	key    []byte
	testas [3]*testament // index 1 = OT, 2 = NT

	scans      atomic.Int32 // passes over the whole module under way (Scan)
	inflations atomic.Int64 // blocks read and decompressed (for tests)
}

// testament is one testament's open files.
type testament struct {
	name      string // "ot" or "nt"
	idx, data *os.File
	blocks    *os.File // .?zs (z-drivers)
	idxSize   int64
	dataSize  int64
	blkSize   int64
	rs        int64 // index record size: declared by the driver or detected (recordSize)
	size4     bool  // 4-byte entry sizes (rs 8 or 12)

	mu     sync.Mutex
	cache  blockCache
	starts map[uint32][]uint32 // per block, sorted entry starts (for u16 wrap recovery)
	copies *blockCopies        // verified copies of inflated blocks (nil: none; copies.go)
	states []os.FileInfo       // the data and block files as opened (the key of their copies)
}

// OpenVerse opens a verse-keyed module.
func OpenVerse(mi *ModuleInfo) (*VerseModule, error) {
	drv := strings.ToLower(mi.Driver)
	m := &VerseModule{info: mi}
	switch drv {
	case "rawtext", "rawcom", "rawgbf":
	case "rawtext4", "rawcom4":
		m.size4 = true
	case "ztext", "zcom":
		m.z = true
	case "ztext4", "zcom4":
		m.z, m.size4 = true, true
	default:
		return nil, fmt.Errorf("sword: module %s: %w: driver %s is not a verse driver berean reads (RawText, RawText4, zText, zText4, RawCom, RawCom4, zCom, zCom4)", mi.Name, ErrUnsupported, mi.Driver)
	}
	if mi.Locked {
		return nil, fmt.Errorf("sword: module %s: %w: it is enciphered and its conf has an empty CipherKey; put the key you received from the publisher in %s as CipherKey=YOURKEY", mi.Name, ErrLocked, mi.ConfPath)
	}
	m.key = []byte(mi.Conf.Get("CipherKey"))
	sys, ok := canon.Get(mi.Versification)
	if !ok {
		sys = canon.KJV() // libsword falls back to KJV
	}
	m.sys = sys
	if m.z {
		c, err := ParseCompression(mi.Conf.Get("CompressType"))
		if err != nil {
			return nil, fmt.Errorf("sword: module %s: %w", mi.Name, err)
		}
		m.comp = c
	}
	letter := blockLetter(mi.Conf.Get("BlockType"))
	if letter == "" {
		return nil, fmt.Errorf("sword: module %s: %w: BlockType %q (BOOK, CHAPTER or VERSE)", mi.Name, ErrUnsupported, mi.Conf.Get("BlockType"))
	}
	found := false
	for t, name := range []string{"", "ot", "nt"} {
		if name == "" {
			continue
		}
		ta, err := m.openTestament(canon.Testament(t), name, letter)
		if err != nil {
			m.Close()
			return nil, err
		}
		if ta != nil {
			found = true
		}
		m.testas[t] = ta
	}
	if !found {
		return nil, fmt.Errorf("sword: module %s: %w: no data files in %s (expected ot.* or nt.* files of driver %s)", mi.Name, ErrNotFound, mi.DataPath, mi.Driver)
	}
	return m, nil
}

func (m *VerseModule) openTestament(tt canon.Testament, name, letter string) (*testament, error) {
	dir := m.info.DataPath
	var idxName, dataName, blkName string
	if m.z {
		idxName, dataName, blkName = name+"."+letter+"zv", name+"."+letter+"zz", name+"."+letter+"zs"
	} else {
		idxName, dataName = name+".vss", name
	}
	idx, _, err := regfile.Open(filepath.Join(dir, idxName))
	if err != nil {
		if os.IsNotExist(err) {
			return nil, nil // a module may hold one testament only
		}
		return nil, fmt.Errorf("sword: module %s: %w", m.info.Name, err)
	}
	t := &testament{name: name, idx: idx}
	t.cache.max = 4
	open := func(n string) (*os.File, int64, error) {
		f, st, err := regfile.Open(filepath.Join(dir, n))
		if err != nil {
			return nil, 0, fmt.Errorf("sword: module %s: %w", m.info.Name, err)
		}
		t.states = append(t.states, st)
		return f, st.Size(), nil
	}
	st, err := idx.Stat()
	if err != nil {
		t.close()
		return nil, fmt.Errorf("sword: module %s: %w", m.info.Name, err)
	}
	t.idxSize = st.Size()
	t.rs = recordSize(m.z, m.size4, t.idxSize, int64(m.sys.Records(tt)))
	t.size4 = t.rs == 8 || t.rs == 12
	if t.data, t.dataSize, err = open(dataName); err != nil {
		t.close()
		return nil, err
	}
	if m.z {
		if t.blocks, t.blkSize, err = open(blkName); err != nil {
			t.close()
			return nil, err
		}
	}
	return t, nil
}

func (t *testament) close() {
	t.copies.close()
	for _, f := range []*os.File{t.idx, t.data, t.blocks} {
		if f != nil {
			f.Close()
		}
	}
}

// Close closes the data files.
func (m *VerseModule) Close() error {
	for _, t := range m.testas {
		if t != nil {
			t.close()
		}
	}
	return nil
}

// Info is the module's description.
func (m *VerseModule) Info() *ModuleInfo { return m.info }

// System is the module's versification.
func (m *VerseModule) System() *canon.System { return m.sys }

// Entry returns the raw markup of one slot, converted to UTF-8: a verse, or
// with v == 0 a chapter introduction, with ch == 0 a book introduction. An
// empty slot gives nil and no error. References outside the versification
// are errors that name the limit.
func (m *VerseModule) Entry(osis string, ch, v int) ([]byte, error) {
	t, ti, err := m.sys.Slot(osis, ch, v)
	if err != nil {
		return nil, err
	}
	return m.EntryAt(t, ti)
}

// EntryAt returns the raw markup of a testament slot (see canon.System.Slot).
func (m *VerseModule) EntryAt(tt canon.Testament, ti int) ([]byte, error) {
	if tt != canon.OT && tt != canon.NT {
		return nil, fmt.Errorf("sword: testament %d", tt)
	}
	t := m.testas[tt]
	if t == nil {
		return nil, nil
	}
	b, err := m.read(tt, t, ti)
	if err != nil || b == nil {
		return nil, err
	}
	if b = cutNUL(m.info.Encoding, b); len(b) == 0 {
		return nil, nil
	}
	return toUTF8(m.info.Encoding, b), nil
}

// recordSize is the index record size of one testament. The driver
// declares it (RawText 6, RawText4 8, zText 10, zText4 12), but some
// published modules are mislabelled: Debian's MHCC conf says zCom4 while its
// nt.bzv holds 82,460 bytes, 8,246 KJV New Testament slots of 10 bytes. So
// the file size decides between the two sizes of the driver family (6 or 8
// for the Raw drivers, 10 or 12 for the z-drivers): the declared size when
// the file holds exactly records records of it, else the other size when the
// file holds exactly records records of that one, else (neither matches:
// a short or damaged index) the declared size, as libsword reads it.
func recordSize(z, size4 bool, idxSize, records int64) int64 {
	small, large := int64(6), int64(8)
	if z {
		small, large = 10, 12
	}
	declared, other := small, large
	if size4 {
		declared, other = large, small
	}
	if records > 0 && idxSize != records*declared && idxSize == records*other {
		return other
	}
	return declared
}

// RecordSize is the index record size used for testament t (1 OT, 2 NT):
// the driver's, or the one detected from the index file's size (see
// recordSize); 0 when the module lacks the testament.
func (m *VerseModule) RecordSize(tt canon.Testament) int {
	if tt != canon.OT && tt != canon.NT || m.testas[tt] == nil {
		return 0
	}
	return int(m.testas[tt].rs)
}

// Location identifies the bytes of a testament slot's entry: two slots with
// the same non-zero Location share one entry (a linked verse). The zero
// Location is an empty slot. For the z-drivers it is the block, start and
// size of the index record; for the Raw drivers the start and size.
type Location struct {
	Block, Start, Size uint32
}

// Locate reads the index record of a testament slot without reading the
// entry.
func (m *VerseModule) Locate(tt canon.Testament, ti int) (Location, error) {
	if tt != canon.OT && tt != canon.NT {
		return Location{}, fmt.Errorf("sword: testament %d", tt)
	}
	t := m.testas[tt]
	if t == nil || ti < 0 {
		return Location{}, nil
	}
	off := int64(ti) * t.rs
	if off+t.rs > t.idxSize {
		return Location{}, nil
	}
	var rec [12]byte
	if _, err := t.idx.ReadAt(rec[:t.rs], off); err != nil {
		return Location{}, corrupt(m.info.Name, t.idx.Name(), off, "reading the index record: %v", err)
	}
	le := binary.LittleEndian
	r := rec[:]
	var l Location
	if m.z {
		l.Block = le.Uint32(r)
		r = r[4:]
	}
	l.Start = le.Uint32(r)
	if t.size4 {
		l.Size = le.Uint32(r[4:])
	} else {
		l.Size = uint32(le.Uint16(r[4:]))
	}
	if l.Size == 0 {
		return Location{}, nil
	}
	return l, nil
}

func (m *VerseModule) read(tt canon.Testament, t *testament, ti int) ([]byte, error) {
	rs := t.rs
	off := int64(ti) * rs
	if off+rs > t.idxSize {
		// Every writer lays out a record for each slot of the
		// versification: an index that ends early was truncated, and
		// the slots past its end are lost, not empty.
		first := int(t.idxSize / rs)
		return nil, &FormatError{Module: m.info.Name, File: t.idx.Name(), Offset: t.idxSize,
			Err:      fmt.Errorf("%w: the verse index ends after %d bytes, before the record of slot %d (the %s versification needs %d bytes)", ErrCorrupt, t.idxSize, ti, m.sys.Name, int64(m.sys.Records(tt))*rs),
			Affected: m.slotSpan(tt, first, m.sys.Records(tt)-1)}
	}
	var rec [12]byte
	if _, err := t.idx.ReadAt(rec[:rs], off); err != nil {
		return nil, corrupt(m.info.Name, t.idx.Name(), off, "reading the index record: %v", err)
	}
	le := binary.LittleEndian
	if !m.z {
		start := int64(le.Uint32(rec[0:]))
		var size int64
		if t.size4 {
			size = int64(le.Uint32(rec[4:]))
		} else {
			size = int64(le.Uint16(rec[4:]))
		}
		if size == 0 {
			return nil, nil
		}
		if start+size > t.dataSize {
			return nil, corrupt(m.info.Name, t.data.Name(), start, "entry of %d bytes runs past the end of the file (%d bytes)", size, t.dataSize)
		}
		buf := make([]byte, size)
		if _, err := t.data.ReadAt(buf, start); err != nil {
			return nil, corrupt(m.info.Name, t.data.Name(), start, "%v", err)
		}
		decipher(m.key, buf)
		return buf, nil
	}
	block := le.Uint32(rec[0:])
	start := le.Uint32(rec[4:])
	var size uint32
	if t.size4 {
		size = le.Uint32(rec[8:])
	} else {
		size = uint32(le.Uint16(rec[8:]))
	}
	if size == 0 {
		return nil, nil
	}
	if t.copies != nil {
		if b, ok := m.fromCopy(t, ti, block, start, size); ok {
			return b, nil
		}
	}
	end := int64(start) + int64(size)
	data, full, limit, err := m.block(t, block, end)
	if err != nil {
		return nil, withAffected(err, m.blockSpan(tt, t, block))
	}
	if !full && !t.size4 && int64(len(data)) >= end && !m.quickEnd(t, ti, block, end, int64(limit)) {
		// The 16-bit size may have wrapped: that takes the whole block.
		data, _, _, err = m.block(t, block, -1)
		if err != nil {
			return nil, withAffected(err, m.blockSpan(tt, t, block))
		}
	}
	if int64(start) >= int64(len(data)) {
		return nil, nil // libsword ignores a start beyond the block
	}
	if !t.size4 {
		end = m.unwrap(t, ti, block, start, size, len(data))
	}
	if end > int64(len(data)) {
		end = int64(len(data))
	}
	return append([]byte(nil), data[start:end]...), nil
}

// fromCopy reads an entry from the verified copy of its block (copies.go)
// as read does from the inflated block; false when the block has no
// usable copy (the copy is then forgotten, to be written again).
func (m *VerseModule) fromCopy(t *testament, ti int, block, start, size uint32) ([]byte, bool) {
	cf := t.copies.open(block)
	if cf == nil {
		return nil, false
	}
	if int64(start) >= cf.length {
		return nil, true // libsword ignores a start beyond the block
	}
	end := int64(start) + int64(size)
	if !t.size4 {
		end = m.unwrap(t, ti, block, start, size, int(cf.length))
	}
	b, ok := cf.read(int64(start), min(end, cf.length))
	if !ok {
		t.copies.drop(block)
		return nil, false
	}
	return b, true
}

// unwrap recovers the true end of an entry whose 16-bit size wrapped (zText
// stores the size modulo 65536; the WEB's Hosea introduction holds 125,566
// bytes but records 60,030). libsword returns the truncated text. The size is
// taken as wrapped only when all of these hold: the recorded end is neither
// the start of another entry of the block nor the block's end; some
// start+size+k*65536 is such a boundary; and no other entry starts between
// the entry's start and that boundary (an entry owns its bytes). The first
// such boundary is the true end.
func (m *VerseModule) unwrap(t *testament, ti int, block, start, size uint32, blockLen int) int64 {
	end := int64(start) + int64(size)
	if m.quickEnd(t, ti, block, end, int64(blockLen)) {
		return end
	}
	starts := t.blockStarts(m, block)
	isStart := func(e int64) bool {
		i := sort.Search(len(starts), func(i int) bool { return int64(starts[i]) >= e })
		return i < len(starts) && int64(starts[i]) == e
	}
	if end == int64(blockLen) || isStart(end) {
		return end
	}
	// The next entry start after this entry's own start bounds it.
	next := int64(blockLen)
	i := sort.Search(len(starts), func(i int) bool { return starts[i] > start })
	if i < len(starts) {
		next = int64(starts[i])
	}
	for e := end + 65536; e <= next; e += 65536 {
		if e == next {
			return e
		}
	}
	return end
}

// quickEnd reports whether the entry's recorded end is its true end without
// scanning the block's starts: the block (at most blockLen bytes) is too
// short for a wrapped size, or the next slot starts where this entry ends.
func (m *VerseModule) quickEnd(t *testament, ti int, block uint32, end, blockLen int64) bool {
	if end+65536 > blockLen {
		return true
	}
	var rec [10]byte
	if _, err := t.idx.ReadAt(rec[:], int64(ti+1)*t.rs); err == nil &&
		binary.LittleEndian.Uint32(rec[:]) == block && int64(binary.LittleEndian.Uint32(rec[4:])) == end {
		return true
	}
	return false
}

// blockStarts lists the non-empty entry starts of one block, scanning the
// index once. It reads records of any z-driver (u32 block, u32 start, then a
// u16 or u32 size), though only 16-bit sizes (zText, zCom) ever need it.
func (t *testament) blockStarts(m *VerseModule, block uint32) []uint32 {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.starts == nil {
		t.starts = map[uint32][]uint32{}
		rs := int(t.rs)
		buf := make([]byte, t.idxSize)
		if _, err := t.idx.ReadAt(buf, 0); err == nil {
			le := binary.LittleEndian
			for off := 0; off+rs <= len(buf); off += rs {
				r := buf[off : off+rs]
				var size uint32
				if t.size4 {
					size = le.Uint32(r[8:])
				} else {
					size = uint32(le.Uint16(r[8:]))
				}
				if size != 0 {
					b := le.Uint32(r)
					t.starts[b] = append(t.starts[b], le.Uint32(r[4:]))
				}
			}
			for b := range t.starts {
				sort.Slice(t.starts[b], func(i, j int) bool { return t.starts[b][i] < t.starts[b][j] })
			}
		}
	}
	return t.starts[block]
}

// block returns the decompressed block, from the cache when it is there.
// need > 0 asks only for the block's first need bytes: a zlib block is then
// inflated that far (full is false when it stopped short of the end) and the
// prefix is cached; a later read past it inflates the whole block. need < 0
// asks for the whole block. limit bounds the block's inflated size.
func (m *VerseModule) block(t *testament, n uint32, need int64) (data []byte, full bool, limit int, err error) {
	t.mu.Lock()
	e, ok := t.cache.getp(n)
	if ok && (e.full || (need >= 0 && int64(len(e.val)) >= need)) {
		t.mu.Unlock()
		return e.val, e.full, e.lim, nil
	}
	t.mu.Unlock()
	if ok {
		// A cached prefix was too short: a second miss on the same block
		// inflates it whole, so reading a book in order inflates each block
		// at most twice rather than once per verse.
		need = -1
	}
	off := int64(n) * 12
	if off+12 > t.blkSize {
		return nil, false, 0, corrupt(m.info.Name, t.blocks.Name(), off, "block %d is past the end of the block index", n)
	}
	var rec [12]byte
	if _, err := t.blocks.ReadAt(rec[:], off); err != nil {
		return nil, false, 0, corrupt(m.info.Name, t.blocks.Name(), off, "%v", err)
	}
	le := binary.LittleEndian
	zoff, zsize, usize := int64(le.Uint32(rec[0:])), int64(le.Uint32(rec[4:])), int64(le.Uint32(rec[8:]))
	if zsize == 0 {
		return nil, false, 0, corrupt(m.info.Name, t.blocks.Name(), off, "block %d is empty", n)
	}
	// The stated size bounds the output; allow slack for writers that
	// round, but never more than a sane multiple of the input.
	limit = int(min(max(usize, 1)+4096, 64<<20))
	want := -1
	if need >= 0 && need < int64(limit) {
		want = int(need)
	}
	copying := m.copying(t)
	if copying {
		want = -1 // the whole block, for its copy (copies.go)
	}
	m.inflations.Add(1)
	out, full, err := readBlockPrefix(m.info.Name, t.data, t.dataSize, n, zoff, zsize, m.key, m.comp, want, limit)
	if err != nil {
		return nil, false, 0, err
	}
	t.mu.Lock()
	t.cache.putp(n, cacheEntry{val: out, full: full, lim: limit})
	t.mu.Unlock()
	if full && copying {
		t.copies.write(n, out) // every check passed
	}
	return out, full, limit, nil
}

// readBlock reads compressed block n (zsize bytes at zoff of f, a file of
// fileSize bytes), deciphers it with key and decompresses it to at most limit
// bytes. zText's and zLD's blocks differ only in how they are indexed.
func readBlock(module string, f *os.File, fileSize int64, n uint32, zoff, zsize int64, key []byte, comp Compression, limit int) ([]byte, error) {
	out, _, err := readBlockPrefix(module, f, fileSize, n, zoff, zsize, key, comp, -1, limit)
	return out, err
}

// readBlockPrefix is readBlock inflating a zlib block only up to need bytes
// when need > 0 (see decompressPrefix).
func readBlockPrefix(module string, f *os.File, fileSize int64, n uint32, zoff, zsize int64, key []byte, comp Compression, need, limit int) ([]byte, bool, error) {
	if zoff+zsize > fileSize || zsize == 0 {
		return nil, false, corrupt(module, f.Name(), zoff, "block %d (%d bytes) does not fit the file (%d bytes)", n, zsize, fileSize)
	}
	buf := make([]byte, zsize)
	if _, err := f.ReadAt(buf, zoff); err != nil {
		return nil, false, corrupt(module, f.Name(), zoff, "%v", err)
	}
	decipher(key, buf)
	out, full, err := decompressPrefix(comp, buf, need, limit)
	if err != nil {
		return nil, false, &FormatError{Module: module, File: f.Name(), Offset: zoff, Err: fmt.Errorf("block %d: %w", n, err)}
	}
	return out, full, nil
}

// blockCache keeps the most recently used decompressed blocks. A verse
// module's entry may hold only a prefix of its block (full false).
type blockCache struct {
	max  int
	keys []uint32
	vals []cacheEntry
}

type cacheEntry struct {
	val  []byte
	full bool // val is the whole block
	lim  int  // the bound on the block's inflated size
}

// getp returns the entry for k, moving it to the front.
func (c *blockCache) getp(k uint32) (cacheEntry, bool) {
	for i, kk := range c.keys {
		if kk == k {
			v := c.vals[i]
			if i > 0 { // move to front
				copy(c.keys[1:i+1], c.keys[:i])
				copy(c.vals[1:i+1], c.vals[:i])
				c.keys[0], c.vals[0] = k, v
			}
			return v, true
		}
	}
	return cacheEntry{}, false
}

// putp stores the entry for k at the front, replacing any entry for k.
func (c *blockCache) putp(k uint32, v cacheEntry) {
	if _, ok := c.getp(k); ok {
		c.vals[0] = v
		return
	}
	if len(c.keys) < c.max {
		c.keys = append(c.keys, 0)
		c.vals = append(c.vals, cacheEntry{})
	}
	copy(c.keys[1:], c.keys[:len(c.keys)-1])
	copy(c.vals[1:], c.vals[:len(c.vals)-1])
	c.keys[0], c.vals[0] = k, v
}

func (c *blockCache) get(k uint32) ([]byte, bool) {
	e, ok := c.getp(k)
	return e.val, ok
}

func (c *blockCache) put(k uint32, v []byte) {
	if _, ok := c.getp(k); ok {
		return
	}
	c.putp(k, cacheEntry{val: v, full: true})
}

// blockLetter is the letter a compressed module's file names take for its
// BlockType (ot.bzs for BOOK, ot.czs for CHAPTER, the default, ot.vzs for
// VERSE); "" for a BlockType berean does not read.
func blockLetter(blockType string) string {
	switch strings.ToUpper(blockType) {
	case "", "CHAPTER":
		return "c"
	case "BOOK":
		return "b"
	case "VERSE":
		return "v"
	}
	return ""
}
