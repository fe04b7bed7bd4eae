package sword

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"berean/internal/regfile"
)

// Verified-block notes.
//
// A zlib block's checksum (Adler-32) covers the whole block, so reading
// one verse, which inflates its block only up to that verse, still
// inflates the rest into a scratch buffer to check it before any byte is
// used (decompressPrefix): for a verse of Hebrews, 170 KB inflated to use
// 400 bytes, about a tenth of a new process's time to read a passage.
// With notes kept (VerseModule.KeepNotes), the blocks that passed their
// checks are remembered across processes, in one small file per testament
// in the given directory, and a later read of a noted block inflates only
// what it needs.
//
// A note holds for one state of the files: its name and first line carry
// a hash (FNV-128a) of regfile.Stamp of the testament's data and block
// files (device, inode, size, modification and change times), the
// compression and the cipher key. Any write to either file changes its change time, which cannot be
// set back, so a modified module is checked again from scratch. Files
// changed less than noteAge before they were opened are not noted (file
// times are kept at the kernel's coarse clock, so a write in the same tick
// could keep the time). Bytes damaged on disk without any write (media
// failure) after a block was noted would go unseen past the verse read;
// reading the whole block (a chapter or book, the index build) checks it
// again. A note that cannot be read or parsed counts as empty; failing to
// write one only costs the next process the checks.
//
// The file, DIR/blocks-H.verified (H: the hash's first 16 hex digits):
//
//	berean verified blocks 1 <the hash, 32 hex digits>
//	<block numbers, decimal, space-separated, ascending>

// noteAge is how long before its opening a file must have last changed for
// its blocks to be noted.
const noteAge = 2 * time.Second

// maxNoteSize bounds a note file read (a verse-blocked Bible has about
// 31,000 blocks: 200 KB of numbers).
const maxNoteSize = 1 << 20

// blockNotes is one testament's set of verified blocks. Its methods are
// called with the testament's lock held; a nil *blockNotes keeps nothing.
type blockNotes struct {
	path   string
	header string
	loaded bool
	set    map[uint32]bool
	added  bool // blocks verified by this process, to be written
}

// KeepNotes makes the module remember, in dir, the compressed blocks whose
// checks passed, and trust them in later processes (see notes.go). Call it
// before the first read; an empty dir keeps nothing.
func (m *VerseModule) KeepNotes(dir string) { m.keepNotes(dir, noteAge) }

func (m *VerseModule) keepNotes(dir string, age time.Duration) {
	if dir == "" || !m.z {
		return
	}
	for _, t := range m.testas {
		if t == nil || t.unstamped || time.Since(t.changed) < age {
			continue
		}
		h := fnv.New128a()
		fmt.Fprintf(h, "%s%s\n%s", t.stamp, m.comp, m.key)
		sum := hex.EncodeToString(h.Sum(nil))
		t.mu.Lock()
		t.notes = &blockNotes{path: filepath.Join(dir, "blocks-"+sum[:16]+".verified"), header: "berean verified blocks 1 " + sum}
		t.mu.Unlock()
	}
}

// has reports whether block n passed its checks before.
func (b *blockNotes) has(n uint32) bool {
	if b == nil {
		return false
	}
	if !b.loaded {
		b.loaded = true
		b.set = readNote(b.path, b.header)
	}
	return b.set[n]
}

// add records that block n passed its checks.
func (b *blockNotes) add(n uint32) {
	if b == nil || b.has(n) {
		return
	}
	if b.set == nil {
		b.set = map[uint32]bool{}
	}
	b.set[n] = true
	b.added = true
}

// flush writes the note when this process verified new blocks, merged with
// what other processes noted meanwhile.
func (b *blockNotes) flush() {
	if b == nil || !b.added {
		return
	}
	b.added = false
	for n := range readNote(b.path, b.header) {
		b.set[n] = true
	}
	blocks := make([]uint32, 0, len(b.set))
	for n := range b.set {
		blocks = append(blocks, n)
	}
	slices.Sort(blocks)
	var buf bytes.Buffer
	buf.WriteString(b.header)
	buf.WriteByte('\n')
	for i, n := range blocks {
		if i > 0 {
			buf.WriteByte(' ')
		}
		buf.WriteString(strconv.FormatUint(uint64(n), 10))
	}
	buf.WriteByte('\n')
	dir := filepath.Dir(b.path)
	if os.MkdirAll(dir, 0o755) != nil {
		return
	}
	tmp, err := os.CreateTemp(dir, ".blocks-*")
	if err != nil {
		return
	}
	_, err = tmp.Write(buf.Bytes())
	if cerr := tmp.Close(); err == nil && cerr == nil {
		err = os.Rename(tmp.Name(), b.path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
}

// readNote reads the blocks of the note at path, nil when it is missing,
// unreadable, too large or not for header.
func readNote(path, header string) map[uint32]bool {
	data, err := regfile.ReadFile(path, maxNoteSize+1)
	if err != nil || len(data) > maxNoteSize {
		return nil
	}
	return parseNote(data, header)
}

// parseNote reads the blocks of a note's bytes, nil when they are not a
// note for header.
func parseNote(data []byte, header string) map[uint32]bool {
	first, rest, ok := bytes.Cut(data, []byte("\n"))
	if !ok || string(first) != header {
		return nil
	}
	set := map[uint32]bool{}
	for _, w := range bytes.Fields(rest) {
		n, err := strconv.ParseUint(string(w), 10, 32)
		if err != nil {
			return nil
		}
		set[uint32(n)] = true
	}
	return set
}
