package sword

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"berean/internal/regfile"
)

// LexModule reads a lexicon or dictionary: RawLD, RawLD4 or zLD. Keys are
// kept in memory (a few thousand short strings); entry text is read on
// demand. It is safe for concurrent use.
type LexModule struct {
	info    *ModuleInfo
	z       bool
	size4   bool
	comp    Compression
	key     []byte
	pad     bool // Strong's padding of numeric keys
	upper   bool // upper-case keys
	digits  bool // every key is all digits (Strong's lexicons without G/H)
	idx     *os.File
	dat     *os.File
	zdx     *os.File
	zdt     *os.File
	datSize int64
	zdtSize int64
	zdxSize int64

	keys []string // normalised keys, in file order (sorted by bytes)
	offs []uint32 // .dat offset of each record
	lens []uint32 // .dat size of each record
	// bad lists the records left out because they point past the end of
	// the data file; the others are served.
	bad []error

	mu    sync.Mutex
	cache blockCache
}

// OpenLex opens a lexicon or dictionary module and reads its key index.
func OpenLex(mi *ModuleInfo) (*LexModule, error) {
	m := &LexModule{info: mi}
	switch strings.ToLower(mi.Driver) {
	case "rawld":
	case "rawld4":
		m.size4 = true
	case "zld":
		m.z = true
	default:
		return nil, fmt.Errorf("sword: module %s: %w: driver %s is not a lexicon driver berean reads (RawLD, RawLD4, zLD)", mi.Name, ErrUnsupported, mi.Driver)
	}
	if mi.Locked {
		return nil, fmt.Errorf("sword: module %s: %w: it is enciphered and its conf has an empty CipherKey; put the key in %s as CipherKey=YOURKEY", mi.Name, ErrLocked, mi.ConfPath)
	}
	m.key = []byte(mi.Conf.Get("CipherKey"))
	m.pad = !strings.EqualFold(mi.Conf.Get("StrongsPadding"), "false")
	m.upper = !strings.EqualFold(mi.Conf.Get("CaseSensitiveKeys"), "true")
	if m.z {
		c, err := ParseCompression(mi.Conf.Get("CompressType"))
		if err != nil {
			return nil, fmt.Errorf("sword: module %s: %w", mi.Name, err)
		}
		m.comp = c
		m.cache.max = 4
	}
	if err := m.open(); err != nil {
		m.Close()
		return nil, err
	}
	return m, nil
}

func (m *LexModule) open() error {
	p := m.info.DataPath
	var err error
	openf := func(ext string) (*os.File, int64, error) {
		f, st, err := regfile.Open(p + ext)
		if err != nil {
			return nil, 0, fmt.Errorf("sword: module %s: %w", m.info.Name, err)
		}
		return f, st.Size(), nil
	}
	var idxSize int64
	if m.idx, idxSize, err = openf(".idx"); err != nil {
		return err
	}
	if m.dat, m.datSize, err = openf(".dat"); err != nil {
		return err
	}
	if m.z {
		if m.zdx, m.zdxSize, err = openf(".zdx"); err != nil {
			return err
		}
		if m.zdt, m.zdtSize, err = openf(".zdt"); err != nil {
			return err
		}
	}
	rs := int64(6)
	if m.z || m.size4 {
		rs = 8
	}
	if idxSize%rs != 0 {
		return corrupt(m.info.Name, m.idx.Name(), idxSize, "index size %d is not a multiple of %d", idxSize, rs)
	}
	idx := make([]byte, idxSize)
	if _, err := m.idx.ReadAt(idx, 0); err != nil {
		return corrupt(m.info.Name, m.idx.Name(), 0, "%v", err)
	}
	dat := make([]byte, m.datSize)
	if _, err := m.dat.ReadAt(dat, 0); err != nil {
		return corrupt(m.info.Name, m.dat.Name(), 0, "%v", err)
	}
	n := int(idxSize / rs)
	m.keys = make([]string, 0, n)
	m.offs = make([]uint32, 0, n)
	m.lens = make([]uint32, 0, n)
	le := binary.LittleEndian
	digits := n > 0
	for i := 0; i < n; i++ {
		r := idx[int64(i)*rs:]
		off := le.Uint32(r)
		var size uint32
		if rs == 8 {
			size = le.Uint32(r[4:])
		} else {
			size = uint32(le.Uint16(r[4:]))
		}
		if int64(off)+int64(size) > m.datSize {
			// One bad record costs its own key only (libsword serves
			// the others too); it is named by Damaged.
			m.bad = append(m.bad, corrupt(m.info.Name, m.idx.Name(), int64(i)*rs, "record %d points at %d bytes at offset %d of %s, past its end (%d bytes)", i, size, off, filepath.Base(m.dat.Name()), m.datSize))
			continue
		}
		rec := dat[off : off+size]
		k := rec
		if j := bytes.IndexAny(rec, "\\\r\n"); j >= 0 {
			k = rec[:j]
		}
		key := m.norm(string(toUTF8(m.info.Encoding, k)), false)
		if digits && !allDigits(key) {
			digits = false
		}
		m.keys = append(m.keys, key)
		m.offs = append(m.offs, off)
		m.lens = append(m.lens, size)
	}
	if len(m.keys) == 0 && len(m.bad) > 0 {
		return m.bad[0] // nothing left to serve: the data file is gone
	}
	m.digits = digits
	return nil
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Close closes the data files.
func (m *LexModule) Close() error {
	for _, f := range []*os.File{m.idx, m.dat, m.zdx, m.zdt} {
		if f != nil {
			f.Close()
		}
	}
	return nil
}

// Info is the module's description.
func (m *LexModule) Info() *ModuleInfo { return m.info }

// Damaged lists the index records left out of the module because they are
// damaged (their keys cannot be read), as FormatErrors naming each record.
func (m *LexModule) Damaged() []error { return append([]error(nil), m.bad...) }

// Len is the number of records.
func (m *LexModule) Len() int { return len(m.keys) }

// Key is the normalised key of record i.
func (m *LexModule) Key(i int) string { return m.keys[i] }

// norm normalises a key as libsword does: Strong's padding of short numeric
// keys (5 digits bare, 4 after a G/H prefix, an optional letter suffix kept
// upper-cased), then upper-casing. For lookups in a lexicon whose keys are
// all digits, a G/H prefix is dropped and the number padded to 5 digits, so
// "G1793" finds 01793 (libsword snaps such lookups to the last entry).
func (m *LexModule) norm(k string, lookup bool) string {
	k = strings.TrimSpace(k)
	if m.pad {
		k = strongsPad(k, lookup && m.digits)
	}
	if m.upper {
		k = strings.ToUpper(k)
	}
	return k
}

func strongsPad(k string, dropPrefix bool) string {
	if len(k) == 0 || len(k) > 8 {
		return k
	}
	prefix := ""
	rest := k
	if c := rest[0]; c == 'G' || c == 'g' || c == 'H' || c == 'h' {
		prefix, rest = strings.ToUpper(rest[:1]), rest[1:]
	}
	d := 0
	for d < len(rest) && rest[d] >= '0' && rest[d] <= '9' {
		d++
	}
	if d == 0 || len(rest)-d > 2 {
		return k
	}
	suffix := rest[d:]
	if suffix != "" {
		r, _ := utf8.DecodeRuneInString(suffix)
		if suffix[0] == '!' {
			if len(suffix) > 2 {
				return k
			}
		} else if len(suffix) > 1 || !unicode.IsLetter(r) {
			return k
		}
		suffix = strings.ToUpper(suffix)
	}
	num := strings.TrimLeft(rest[:d], "0")
	width := 5
	if prefix != "" && !dropPrefix {
		width = 4
	} else if dropPrefix {
		prefix = ""
	}
	for len(num) < width {
		num = "0" + num
	}
	return prefix + num + suffix
}

// Lookup finds key. With no exact match it returns the entry libsword
// would ("snapping": the next key if it starts with the request, else the
// previous one) and exact=false, so callers can choose to be strict.
func (m *LexModule) Lookup(key string) (found string, text []byte, exact bool, err error) {
	if len(m.keys) == 0 {
		return "", nil, false, fmt.Errorf("sword: module %s: %w: it has no entries", m.info.Name, ErrNotFound)
	}
	k := m.norm(key, true)
	i := sort.Search(len(m.keys), func(i int) bool { return m.keys[i] > k }) // insertion point
	var at int
	switch {
	case i > 0 && m.keys[i-1] == k:
		at, exact = i-1, true
	case i < len(m.keys) && strings.HasPrefix(m.keys[i], k):
		at = i
	default:
		at = max(i-1, 0)
	}
	found, text, err = m.At(at)
	if err != nil {
		return "", nil, false, err
	}
	// Follow @LINK aliases (a few hops at most).
	for hops := 0; hops < 4 && bytes.HasPrefix(text, []byte("@LINK ")); hops++ {
		target := strings.TrimSpace(string(bytes.SplitN(text[6:], []byte("\n"), 2)[0]))
		tk := m.norm(target, false)
		j := sort.SearchStrings(m.keys, tk)
		if j >= len(m.keys) || m.keys[j] != tk {
			break
		}
		if _, text, err = m.At(j); err != nil {
			return "", nil, false, err
		}
	}
	return found, text, exact, nil
}

// At returns the key and entry text of record i, converted to UTF-8.
func (m *LexModule) At(i int) (string, []byte, error) {
	if i < 0 || i >= len(m.keys) {
		return "", nil, fmt.Errorf("sword: module %s: record %d: %w", m.info.Name, i, ErrNotFound)
	}
	off, size := int64(m.offs[i]), int64(m.lens[i])
	rec := make([]byte, size)
	if _, err := m.dat.ReadAt(rec, off); err != nil {
		return "", nil, corrupt(m.info.Name, m.dat.Name(), off, "%v", err)
	}
	nl := bytes.IndexByte(rec, '\n')
	if nl < 0 {
		return m.keys[i], nil, nil
	}
	body := rec[nl+1:]
	if !m.z {
		// libsword resolves a link before deciphering: "@LINK" is plain.
		if !bytes.HasPrefix(body, []byte("@LINK")) {
			decipher(m.key, body)
		}
		return m.keys[i], m.clean(body), nil
	}
	if bytes.HasPrefix(body, []byte("@LINK")) {
		return m.keys[i], m.clean(body), nil
	}
	if len(body) < 8 {
		return "", nil, corrupt(m.info.Name, m.dat.Name(), off, "record %d has no block pointer", i)
	}
	blk := binary.LittleEndian.Uint32(body)
	ent := binary.LittleEndian.Uint32(body[4:])
	b, err := m.block(blk)
	if err != nil {
		return "", nil, err
	}
	text, err := entryOf(b, ent)
	if err != nil {
		return "", nil, &FormatError{Module: m.info.Name, File: m.zdt.Name(), Offset: int64(blk), Err: err}
	}
	return m.keys[i], m.clean(text), nil
}

func (m *LexModule) clean(b []byte) []byte {
	return toUTF8(m.info.Encoding, append([]byte(nil), cutNUL(m.info.Encoding, b)...))
}

// entryOf extracts entry n of a decompressed zLD entries block: u32 count,
// count x (u32 offset, u32 size) from the block start, NUL-terminated
// entries (size includes the NUL; offset 0 marks a deleted entry).
func entryOf(b []byte, n uint32) ([]byte, error) {
	if len(b) < 4 {
		return nil, fmt.Errorf("%w: entries block of %d bytes", ErrCorrupt, len(b))
	}
	count := binary.LittleEndian.Uint32(b)
	if n >= count {
		return nil, fmt.Errorf("%w: entry %d of a block of %d", ErrCorrupt, n, count)
	}
	meta := 4 + int64(n)*8
	if meta+8 > int64(len(b)) {
		return nil, fmt.Errorf("%w: entry %d's record is past the block end", ErrCorrupt, n)
	}
	off := int64(binary.LittleEndian.Uint32(b[meta:]))
	size := int64(binary.LittleEndian.Uint32(b[meta+4:]))
	if off == 0 {
		return nil, nil
	}
	if off+size > int64(len(b)) {
		return nil, fmt.Errorf("%w: entry %d runs past the block end", ErrCorrupt, n)
	}
	return b[off : off+size], nil
}

func (m *LexModule) block(n uint32) ([]byte, error) {
	m.mu.Lock()
	if b, ok := m.cache.get(n); ok {
		m.mu.Unlock()
		return b, nil
	}
	m.mu.Unlock()
	off := int64(n) * 8
	if off+8 > m.zdxSize {
		return nil, corrupt(m.info.Name, m.zdx.Name(), off, "block %d is past the end of the block index", n)
	}
	var rec [8]byte
	if _, err := m.zdx.ReadAt(rec[:], off); err != nil {
		return nil, corrupt(m.info.Name, m.zdx.Name(), off, "%v", err)
	}
	zoff, zsize := int64(binary.LittleEndian.Uint32(rec[:])), int64(binary.LittleEndian.Uint32(rec[4:]))
	out, err := readBlock(m.info.Name, m.zdt, m.zdtSize, n, zoff, zsize, m.key, m.comp, int(min(zsize*64+65536, 64<<20)))
	if err != nil {
		return nil, err
	}
	m.mu.Lock()
	m.cache.put(n, out)
	m.mu.Unlock()
	return out, nil
}

// NormalizeLexKey normalises a lexicon key as libsword's writers and readers
// do: Strong's padding of short numeric keys (unless strongsPadding is false)
// and upper-casing (unless caseSensitive). Writers of test modules use it to
// store keys the way imp2ld does.
func NormalizeLexKey(key string, strongsPadding, caseSensitive bool) string {
	m := LexModule{pad: strongsPadding, upper: !caseSensitive}
	return m.norm(key, false)
}
