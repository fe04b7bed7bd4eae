package index

// Verification. Open checks the header, the TOC and trailer, and every
// section except the large ones a query reads only a little of: the
// posting lists (POST) and texts (TEXT) of each Bible, which carry a
// CRC-32C per 4 KiB block (BLOCKS section), and the concept sections
// (LEXKEYS, LEXDICT, TOPICS, TOPICDICT), checked whole on first use, or
// in the background ahead of it (CheckAhead, which package ask starts). A
// reader checks the blocks it touches before it trusts them, once each.
//
// Why: checking all of a 19 MB KJV+WEB file costs 2.7 ms in a new process
// (memory bandwidth and page faults), more than the rest of a search; a
// single-word search reads a few dozen blocks. Open now costs about 0.4 ms.
//
// A failed check makes the index fail for good (Err returns a wrapped
// ErrCorrupt, searches return it) and removes the file, so that the next
// Load rebuilds it. Check verifies everything.

import (
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
)

const blockSize = 4096

// lazySection is a section checked block by block as it is read.
type lazySection struct {
	kind uint16
	data []byte
	crcs []byte          // 4 bytes per block
	done []atomic.Uint64 // bitmap of verified blocks
	ix   *Index
	bib  int
}

// ok verifies the blocks overlapping data[off:off+n] and reports whether
// they are intact (false also when the range is outside the section).
func (l *lazySection) ok(off, n int) bool {
	if l == nil {
		return true
	}
	if off < 0 || n < 0 || off > len(l.data) || n > len(l.data)-off {
		return false
	}
	if n == 0 {
		return true
	}
	for b := off / blockSize; b <= (off+n-1)/blockSize; b++ {
		w, bit := b/64, uint64(1)<<(b%64)
		if l.done[w].Load()&bit != 0 {
			continue
		}
		end := min((b+1)*blockSize, len(l.data))
		if 4*b+4 > len(l.crcs) || crc32.Checksum(l.data[b*blockSize:end], crcTable()) != le.Uint32(l.crcs[4*b:]) {
			l.ix.fail(corruptf("section %s (Bible %d) block %d checksum mismatch", secName(l.kind), l.bib, b))
			return false
		}
		l.done[w].Or(bit)
	}
	return true
}

// blockCRCs appends the BLOCKS record of one section.
func blockCRCs(dst []byte, kind uint16, data []byte) []byte {
	n := (len(data) + blockSize - 1) / blockSize
	dst = le.AppendUint16(dst, kind)
	dst = le.AppendUint32(dst, blockSize)
	dst = le.AppendUint32(dst, uint32(n))
	for b := 0; b < n; b++ {
		dst = le.AppendUint32(dst, crc32.Checksum(data[b*blockSize:min((b+1)*blockSize, len(data))], crcTable()))
	}
	return dst
}

// parseBlocks reads a BLOCKS section: kind -> CRC table.
func parseBlocks(b []byte) (map[uint16][]byte, error) {
	out := map[uint16][]byte{}
	for p := 0; p < len(b); {
		if len(b)-p < 10 {
			return nil, corruptf("BLOCKS record truncated")
		}
		kind, bs, n := le.Uint16(b[p:]), le.Uint32(b[p+2:]), int(le.Uint32(b[p+6:]))
		p += 10
		if bs != blockSize || n < 0 || n > (len(b)-p)/4 {
			return nil, corruptf("BLOCKS record for %s: block size %d, %d blocks", secName(kind), bs, n)
		}
		out[kind] = b[p : p+4*n]
		p += 4 * n
	}
	return out, nil
}

// lazyKinds are the per-Bible sections checked by block; conceptKinds the
// global ones checked on first use.
var (
	lazyKinds    = map[uint16]bool{secPost: true, secText: true}
	conceptKinds = map[uint16]bool{secLexKeys: true, secLexDict: true, secTopics: true, secTopicDic: true, secLines: true, secLineDict: true, secThes: true, secCommDict: true, secCommLens: true, secTopicSee: true, secInflect: true}
	xrefKinds    = map[uint16]bool{secXrefs: true, secXrefIn: true, secTopicVrs: true} // checked on first use (crossref.go)
)

// eagerSections returns the sections Open must check whole: all but the
// block-checked ones whose Bible has a BLOCKS record for them, and the
// concept sections.
func eagerSections(secs []section, blocks map[uint16]map[uint16][]byte) []section {
	var out []section
	for _, s := range secs {
		if (conceptKinds[s.kind] || xrefKinds[s.kind]) && s.bible == globalBible {
			continue
		}
		if lazyKinds[s.kind] && blocks[s.bible] != nil && blocks[s.bible][s.kind] != nil {
			continue
		}
		out = append(out, s)
	}
	return out
}

// verifySections checks the CRC of every given section. Reading is bound
// by memory bandwidth, and one core reads about 7 GB/s here against 13 GB/s
// for two, so large sets are shared among GOMAXPROCS goroutines, largest
// section first to the least loaded.
func verifySections(data []byte, secs []section) error {
	total := uint64(0)
	for _, s := range secs {
		total += s.len
	}
	workers := min(runtime.GOMAXPROCS(0), 4)
	if workers <= 1 || total < 1<<20 {
		for _, s := range secs {
			if err := verifySection(data, s); err != nil {
				return err
			}
		}
		return nil
	}
	order := make([]int, len(secs))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return secs[order[a]].len > secs[order[b]].len })
	load := make([]uint64, workers)
	share := make([][]section, workers)
	for _, i := range order {
		w := 0
		for k := range load {
			if load[k] < load[w] {
				w = k
			}
		}
		load[w] += secs[i].len
		share[w] = append(share[w], secs[i])
	}
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := 1; w < workers; w++ {
		wg.Go(func() {
			for _, s := range share[w] {
				if errs[w] = verifySection(data, s); errs[w] != nil {
					return
				}
			}
		})
	}
	for _, s := range share[0] {
		if errs[0] = verifySection(data, s); errs[0] != nil {
			break
		}
	}
	wg.Wait()
	return errors.Join(errs...)
}

func verifySection(data []byte, s section) error {
	if c := crc32.Checksum(data[s.off:s.off+s.len], crcTable()); c != s.crc {
		return corruptf("section %s (Bible %d) checksum mismatch", secName(s.kind), s.bible)
	}
	return nil
}

// fail records the first integrity failure found after Open and removes the
// file it came from (when it is still the file opened), so that the next
// Load rebuilds it. Every later search fails with it.
func (ix *Index) fail(err error) {
	ix.st.failOnce.Do(func() {
		ix.st.err.Store(&err)
		if ix.path == "" || ix.fileInfo == nil {
			return
		}
		if fi, e := os.Stat(ix.path); e == nil && os.SameFile(fi, ix.fileInfo) {
			os.Remove(ix.path)
			os.Remove(ix.path + stampSuffix)
		}
	})
}

// Err reports an integrity failure found while reading (a block or concept
// section whose checksum does not match), wrapping ErrCorrupt; nil while
// everything read was intact.
func (ix *Index) Err() error {
	if e := ix.st.err.Load(); e != nil {
		if ix.path != "" {
			return fmt.Errorf("index: %s: %w", ix.path, *e)
		}
		return fmt.Errorf("index: %w", *e)
	}
	return nil
}

// concepts checks the concept sections on first use.
func (ix *Index) concepts() bool {
	ix.st.conceptOnce.Do(func() {
		var secs []section
		for _, s := range ix.secs {
			if conceptKinds[s.kind] && s.bible == globalBible {
				secs = append(secs, s)
			}
		}
		if err := verifySections(ix.data, secs); err != nil {
			ix.fail(err)
		}
	})
	return ix.st.err.Load() == nil
}

// CheckAhead starts checking, in the background, the sections checked
// whole on first use (the concept and cross-reference sections: 17 MB on
// an index of everything installed), so that the first question does not
// wait for them: package ask calls it when it is made, and a question's
// first steps (reading it, the tables it needs) leave a CPU idle. A reader
// that needs them before the check is done waits for it, as before; a
// failed check fails the index as before. Close waits for it.
func (ix *Index) CheckAhead() {
	ix.st.ahead.Add(1)
	go func() {
		defer ix.st.ahead.Done()
		ix.concepts()
		ix.xrefsOK()
	}()
}

// verifyAll checks every section and every block (Check).
func (ix *Index) verifyAll() error {
	if err := verifySections(ix.data, ix.secs); err != nil {
		return err
	}
	for _, b := range ix.bibles {
		for _, l := range []*lazySection{b.lazyPost, b.lazyText} {
			if l != nil && !l.ok(0, len(l.data)) {
				return ix.Err()
			}
		}
	}
	return nil
}
