// Package swordtest writes tiny synthetic SWORD modules for tests, as
// net/http/httptest starts tiny servers: a map of references (or lexicon
// keys) to markup becomes a library root holding mods.d/<name>.conf and the
// module's data files, in any driver, compression, block type, cipher,
// versification and encoding berean reads. The files follow the layouts of
// package sword's doc.go byte for byte, as libsword's writers lay them out,
// so the same modules can be read by diatheke.
package swordtest

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"berean/canon"
	"berean/sword"

	"github.com/ulikunitz/xz"
)

// Bible describes a verse-keyed module: a Bible or a commentary.
type Bible struct {
	Name   string // conf section name; default "Test"
	Driver string // zText (default), zText4, RawText, RawText4, zCom, zCom4, RawCom, RawCom4
	// ConfDriver, when set, is the ModDrv written to the conf instead of
	// Driver: a mislabelled module (Debian's MHCC says zCom4 but its index
	// has zCom's 10-byte records).
	ConfDriver string
	// Compression is the conf CompressType of the z-drivers: ZIP (default),
	// BZIP2, XZ or LZSS. "none" writes no CompressType line (libsword's
	// default, LZSS).
	Compression string
	BlockType   string // BOOK (default), CHAPTER or VERSE (z-drivers)
	// CipherKey enciphers the module (Sapphire II) and is written to the
	// conf; Locked writes "CipherKey=" with no value instead (a locked
	// module, still enciphered with CipherKey when that is set).
	CipherKey string
	Locked    bool
	// Versification is the conf Versification (default KJV: no line).
	Versification string
	// Encoding is the conf Encoding: "UTF-8", "UTF-16" (entries written as
	// UTF-16LE), "Latin-1" (entries written as Latin-1), or "" (no
	// Encoding line; entries written as the bytes of the strings).
	Encoding   string
	SourceType string // default OSIS; "none" writes no line
	// Entries maps references to entry text. A reference is an OSIS
	// reference "Gen.1.1", "Gen.1.0" (chapter introduction), "Gen.0.0" or
	// "Gen" (book introduction), the human form "Gen 1:1", or a raw slot
	// "OT:0" / "NT:1" (module and testament headings).
	Entries map[string]string
	// Links maps references to references whose entry they share (the
	// index records point at the same bytes, as osis2mod writes linked
	// verses).
	Links map[string]string
	// XZPadding appends this many zero bytes after each XZ stream (libsword
	// 1.9 stores the encoder's worst-case bound as the compressed size).
	XZPadding int
	// LiteralLZSS writes LZSS blocks of literals only.
	LiteralLZSS bool
	Conf        []string // extra conf lines, "Key=Value"
}

// Lexicon describes a lexicon or dictionary module.
type Lexicon struct {
	Name        string // default "TestDict"
	Driver      string // zLD (default), RawLD, RawLD4
	Compression string // as Bible.Compression (zLD)
	BlockCount  int    // zLD entries per block; default 30, as imp2ld
	CipherKey   string
	Locked      bool
	Encoding    string // as Bible.Encoding
	SourceType  string // default TEI; "none" writes no line
	// Entries maps keys to text. Keys are stored normalised as libsword
	// does (Strong's padding, upper case) unless NoStrongsPadding or
	// CaseSensitive say otherwise; two keys that normalise alike are an
	// error.
	Entries map[string]string
	// Links maps keys to the key they alias: RawLD stores "@LINK target" as
	// the body; zLD stores it in place of the block pointer.
	Links            map[string]string
	NoStrongsPadding bool
	CaseSensitive    bool
	LiteralLZSS      bool
	XZPadding        int
	Conf             []string
}

// NewBible writes b into a new temporary library root and returns its
// description; it fails t on error.
func NewBible(t testing.TB, b Bible) *sword.ModuleInfo {
	t.Helper()
	mi, err := WriteBible(t.TempDir(), b)
	if err != nil {
		t.Fatal(err)
	}
	return mi
}

// NewLexicon writes l into a new temporary library root.
func NewLexicon(t testing.TB, l Lexicon) *sword.ModuleInfo {
	t.Helper()
	mi, err := WriteLexicon(t.TempDir(), l)
	if err != nil {
		t.Fatal(err)
	}
	return mi
}

// compressor returns the CompressType conf value and the block encoder.
func compressor(name string, literal bool, xzPad int) (string, func([]byte) ([]byte, error), error) {
	switch strings.ToUpper(name) {
	case "", "ZIP":
		return "ZIP", zlibEncode, nil
	case "NONE":
		return "", func(b []byte) ([]byte, error) { return lzssEncode(b, literal), nil }, nil
	case "LZSS":
		return "LZSS", func(b []byte) ([]byte, error) { return lzssEncode(b, literal), nil }, nil
	case "BZIP2":
		return "BZIP2", func(b []byte) ([]byte, error) { return bzip2Encode(b), nil }, nil
	case "XZ":
		return "XZ", func(b []byte) ([]byte, error) {
			var buf bytes.Buffer
			w, err := xz.NewWriter(&buf)
			if err != nil {
				return nil, err
			}
			if _, err := w.Write(b); err != nil {
				return nil, err
			}
			if err := w.Close(); err != nil {
				return nil, err
			}
			return append(buf.Bytes(), make([]byte, xzPad)...), nil
		}, nil
	}
	return "", nil, fmt.Errorf("swordtest: unknown compression %q", name)
}

// Compress encodes one block as a module with CompressType c stores it
// ("" is ZIP); tests use it to build corrupt blocks.
func Compress(c string, data []byte) ([]byte, error) {
	_, enc, err := compressor(c, false, 0)
	if err != nil {
		return nil, err
	}
	return enc(data)
}

// encode converts entry text to the module's Encoding.
func encode(enc, s string) []byte {
	switch strings.ToUpper(strings.ReplaceAll(enc, "-", "")) {
	case "UTF16":
		var out []byte
		for _, u := range utf16.Encode([]rune(s)) {
			out = binary.LittleEndian.AppendUint16(out, u)
		}
		return out
	case "LATIN1":
		var out []byte
		for _, r := range s {
			if r > 0xFF {
				r = '?'
			}
			out = append(out, byte(r))
		}
		return out
	}
	return []byte(s)
}

type slot struct {
	t     canon.Testament
	ti    int
	group int // block grouping key (heading slots, book, chapter or verse)
}

// parseRef reads an Entries key.
func parseRef(sys *canon.System, ref string) (osis string, ch, v int, raw bool, t canon.Testament, ti int, err error) {
	s := strings.TrimSpace(ref)
	if tt, n, ok := strings.Cut(s, ":"); ok && (tt == "OT" || tt == "NT") {
		ti, err = strconv.Atoi(n)
		t = canon.OT
		if tt == "NT" {
			t = canon.NT
		}
		if err != nil || ti < 0 || ti >= sys.Records(t) {
			return "", 0, 0, false, 0, 0, fmt.Errorf("swordtest: bad slot %q", ref)
		}
		return "", 0, 0, true, t, ti, nil
	}
	var parts []string
	if strings.Contains(s, " ") {
		b, cv, _ := strings.Cut(s, " ")
		c, vv, ok := strings.Cut(cv, ":")
		if !ok {
			vv = "0"
		}
		parts = []string{b, c, vv}
	} else {
		parts = strings.Split(s, ".")
	}
	for len(parts) < 3 {
		parts = append(parts, "0")
	}
	if len(parts) != 3 {
		return "", 0, 0, false, 0, 0, fmt.Errorf("swordtest: bad reference %q", ref)
	}
	osis = parts[0]
	if ch, err = strconv.Atoi(parts[1]); err == nil {
		v, err = strconv.Atoi(parts[2])
	}
	if err != nil {
		return "", 0, 0, false, 0, 0, fmt.Errorf("swordtest: bad reference %q", ref)
	}
	t, ti, err = sys.Slot(osis, ch, v)
	if err != nil {
		return "", 0, 0, false, 0, 0, fmt.Errorf("swordtest: %q: %w", ref, err)
	}
	return osis, ch, v, false, t, ti, nil
}

// WriteBible writes b under the library root dir (created if needed):
// dir/mods.d/<name>.conf and dir/modules/texts/<driver>/<name>/ot.*, nt.*.
// Both testaments' files are written, with every slot of the
// versification. A zText/zCom entry longer than 65535 bytes stores its size
// modulo 65536, as libsword's writers do.
func WriteBible(dir string, b Bible) (*sword.ModuleInfo, error) {
	if b.Name == "" {
		b.Name = "Test"
	}
	if b.Driver == "" {
		b.Driver = "zText"
	}
	drv := strings.ToLower(b.Driver)
	var z, four bool
	switch drv {
	case "ztext", "zcom":
		z = true
	case "ztext4", "zcom4":
		z, four = true, true
	case "rawtext", "rawcom":
	case "rawtext4", "rawcom4":
		four = true
	default:
		return nil, fmt.Errorf("swordtest: driver %q is not a verse driver", b.Driver)
	}
	sysName := b.Versification
	if sysName == "" {
		sysName = "KJV"
	}
	sys, ok := canon.Get(sysName)
	if !ok {
		return nil, fmt.Errorf("swordtest: unknown versification %q", sysName)
	}
	blockType := strings.ToUpper(b.BlockType)
	if blockType == "" {
		blockType = "BOOK"
	}
	letter := map[string]string{"BOOK": "b", "CHAPTER": "c", "VERSE": "v"}[blockType]
	if letter == "" {
		return nil, fmt.Errorf("swordtest: BlockType %q", b.BlockType)
	}
	ctype, enc, err := compressor(b.Compression, b.LiteralLZSS, b.XZPadding)
	if err != nil {
		return nil, err
	}

	// Group keys: every book and chapter intro starts a new BOOK or CHAPTER
	// group; the two heading slots form group 0.
	groupOf := func(t canon.Testament, ti int) int {
		if blockType == "VERSE" || ti < 2 {
			return ti
		}
		g := 0
		for _, bk := range sys.Books() {
			bt, start, _ := sys.Slot(bk.OSIS, 0, 0)
			if bt != t || start > ti {
				continue
			}
			g = start
			if blockType == "CHAPTER" {
				for c := 1; c <= bk.Chapters(); c++ {
					if _, cs, _ := sys.Slot(bk.OSIS, c, 0); cs <= ti {
						g = cs
					}
				}
			}
		}
		return g
	}
	texts := map[slot][]byte{}
	for ref, text := range b.Entries {
		_, _, _, _, t, ti, err := parseRef(sys, ref)
		if err != nil {
			return nil, err
		}
		s := slot{t, ti, groupOf(t, ti)}
		if _, dup := texts[s]; dup {
			return nil, fmt.Errorf("swordtest: two entries for the slot of %q", ref)
		}
		texts[s] = encode(b.Encoding, text)
	}
	links := map[slot]slot{}
	for from, to := range b.Links {
		_, _, _, _, ft, fti, err := parseRef(sys, from)
		if err != nil {
			return nil, err
		}
		_, _, _, _, tt, tti, err := parseRef(sys, to)
		if err != nil {
			return nil, err
		}
		target := slot{tt, tti, groupOf(tt, tti)}
		if _, ok := texts[target]; !ok || tt != ft {
			return nil, fmt.Errorf("swordtest: link %q -> %q: the target has no entry in the same testament", from, to)
		}
		links[slot{ft, fti, 0}] = target
	}

	rel := filepath.Join("modules", map[bool]string{true: "texts", false: "comments"}[strings.Contains(drv, "text")], drv, strings.ToLower(b.Name))
	data := filepath.Join(dir, rel)
	if err := os.MkdirAll(data, 0o755); err != nil {
		return nil, err
	}
	key := []byte(b.CipherKey)
	for _, t := range []canon.Testament{canon.OT, canon.NT} {
		name := strings.ToLower(t.String())
		var slots []slot
		for s := range texts {
			if s.t == t {
				slots = append(slots, s)
			}
		}
		sort.Slice(slots, func(i, j int) bool { return slots[i].ti < slots[j].ti })
		n := sys.Records(t)
		rs := map[[2]bool]int{{false, false}: 6, {false, true}: 8, {true, false}: 10, {true, true}: 12}[[2]bool{z, four}]
		idx := make([]byte, n*rs)
		type loc struct{ block, start, size uint32 }
		locs := map[int]loc{}
		var dat, blkIdx []byte
		if z {
			var block []byte
			nblocks := 0
			flush := func() error {
				if len(block) == 0 {
					return nil
				}
				c, err := enc(block)
				if err != nil {
					return err
				}
				sword.Encipher(key, c)
				blkIdx = binary.LittleEndian.AppendUint32(blkIdx, uint32(len(dat)))
				blkIdx = binary.LittleEndian.AppendUint32(blkIdx, uint32(len(c)))
				blkIdx = binary.LittleEndian.AppendUint32(blkIdx, uint32(len(block)))
				dat = append(dat, c...)
				block = nil
				nblocks++
				return nil
			}
			for i, s := range slots {
				if i > 0 && s.group != slots[i-1].group {
					if err := flush(); err != nil {
						return nil, err
					}
				}
				locs[s.ti] = loc{uint32(nblocks), uint32(len(block)), uint32(len(texts[s]))}
				block = append(block, texts[s]...)
			}
			if err := flush(); err != nil {
				return nil, err
			}
		} else {
			for _, s := range slots {
				text := append([]byte(nil), texts[s]...)
				if !four && len(text) > 0xFFFF {
					return nil, fmt.Errorf("swordtest: %s entry of %d bytes needs %s4", b.Driver, len(text), b.Driver)
				}
				sword.Encipher(key, text)
				locs[s.ti] = loc{0, uint32(len(dat)), uint32(len(text))}
				dat = append(dat, text...)
				dat = append(dat, '\n') // libsword's writers add one, outside the size
			}
		}
		for from, to := range links {
			if from.t == t {
				locs[from.ti] = locs[to.ti]
			}
		}
		for ti, l := range locs {
			r := idx[ti*rs:]
			le := binary.LittleEndian
			if z {
				le.PutUint32(r, l.block)
				r = r[4:]
			}
			le.PutUint32(r, l.start)
			if four {
				le.PutUint32(r[4:], l.size)
			} else {
				le.PutUint16(r[4:], uint16(l.size)) // wraps past 65535, as libsword's writers do
			}
		}
		files := map[string][]byte{}
		if z {
			files[name+"."+letter+"zv"] = idx
			files[name+"."+letter+"zs"] = blkIdx
			files[name+"."+letter+"zz"] = dat
		} else {
			files[name+".vss"] = idx
			files[name] = dat
		}
		for f, content := range files {
			if err := os.WriteFile(filepath.Join(data, f), content, 0o644); err != nil {
				return nil, err
			}
		}
	}
	modDrv := b.Driver
	if b.ConfDriver != "" {
		modDrv = b.ConfDriver
	}
	conf := []string{"DataPath=./" + filepath.ToSlash(rel) + "/", "ModDrv=" + modDrv}
	if z {
		if ctype != "" {
			conf = append(conf, "CompressType="+ctype)
		}
		conf = append(conf, "BlockType="+blockType)
	}
	conf = append(conf, common(b.SourceType, "OSIS", b.Encoding, b.Versification, b.CipherKey, b.Locked)...)
	conf = append(conf, "Description=swordtest module "+b.Name)
	conf = append(conf, b.Conf...)
	return writeConf(dir, b.Name, conf)
}

func common(sourceType, defSource, encoding, v11n, cipher string, locked bool) []string {
	var out []string
	switch sourceType {
	case "":
		out = append(out, "SourceType="+defSource)
	case "none":
	default:
		out = append(out, "SourceType="+sourceType)
	}
	if encoding != "" {
		out = append(out, "Encoding="+encoding)
	}
	if v11n != "" {
		out = append(out, "Versification="+v11n)
	}
	switch {
	case locked:
		out = append(out, "CipherKey=")
	case cipher != "":
		out = append(out, "CipherKey="+cipher)
	}
	return out
}

func writeConf(dir, name string, lines []string) (*sword.ModuleInfo, error) {
	if err := os.MkdirAll(filepath.Join(dir, "mods.d"), 0o755); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, "mods.d", strings.ToLower(name)+".conf")
	text := "[" + name + "]\n" + strings.Join(lines, "\n") + "\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		return nil, err
	}
	mods, err := sword.ReadConfFile(dir, path)
	if err != nil {
		return nil, err
	}
	if len(mods) != 1 {
		return nil, fmt.Errorf("swordtest: %s holds %d modules", path, len(mods))
	}
	return mods[0], nil
}

// WriteLexicon writes l under the library root dir:
// dir/mods.d/<name>.conf and dir/modules/lexdict/<driver>/<name>/dict.*.
func WriteLexicon(dir string, l Lexicon) (*sword.ModuleInfo, error) {
	if l.Name == "" {
		l.Name = "TestDict"
	}
	if l.Driver == "" {
		l.Driver = "zLD"
	}
	if l.BlockCount <= 0 {
		l.BlockCount = 30
	}
	drv := strings.ToLower(l.Driver)
	var z, four bool
	switch drv {
	case "zld":
		z = true
	case "rawld":
	case "rawld4":
		four = true
	default:
		return nil, fmt.Errorf("swordtest: driver %q is not a lexicon driver", l.Driver)
	}
	ctype, enc, err := compressor(l.Compression, l.LiteralLZSS, l.XZPadding)
	if err != nil {
		return nil, err
	}
	norm := func(k string) string { return sword.NormalizeLexKey(k, !l.NoStrongsPadding, l.CaseSensitive) }
	type rec struct {
		key  string
		text []byte
		link string
	}
	var recs []rec
	seen := map[string]string{}
	add := func(k string, r rec) error {
		nk := norm(k)
		if prev, dup := seen[nk]; dup {
			return fmt.Errorf("swordtest: keys %q and %q both normalise to %q", prev, k, nk)
		}
		seen[nk] = k
		r.key = nk
		recs = append(recs, r)
		return nil
	}
	for k, v := range l.Entries {
		if err := add(k, rec{text: encode(l.Encoding, v)}); err != nil {
			return nil, err
		}
	}
	for k, target := range l.Links {
		if err := add(k, rec{link: norm(target)}); err != nil {
			return nil, err
		}
	}
	sort.Slice(recs, func(i, j int) bool { return recs[i].key < recs[j].key })

	key := []byte(l.CipherKey)
	le := binary.LittleEndian
	var idx, dat, zdx, zdt []byte
	// zLD: blocks of BlockCount entries, in key order.
	type ptr struct{ block, entry uint32 }
	ptrs := map[int]ptr{}
	if z {
		var members []int
		for i, r := range recs {
			if r.link == "" {
				members = append(members, i)
			}
		}
		for b := 0; b*l.BlockCount < len(members); b++ {
			part := members[b*l.BlockCount : min(len(members), (b+1)*l.BlockCount)]
			blk := le.AppendUint32(nil, uint32(len(part)))
			off := 4 + 8*len(part)
			var body []byte
			for e, i := range part {
				size := len(recs[i].text) + 1
				blk = le.AppendUint32(blk, uint32(off+len(body)))
				blk = le.AppendUint32(blk, uint32(size))
				body = append(body, recs[i].text...)
				body = append(body, 0)
				ptrs[i] = ptr{uint32(b), uint32(e)}
			}
			blk = append(blk, body...)
			c, err := enc(blk)
			if err != nil {
				return nil, err
			}
			sword.Encipher(key, c)
			zdx = le.AppendUint32(zdx, uint32(len(zdt)))
			zdx = le.AppendUint32(zdx, uint32(len(c)))
			zdt = append(zdt, c...)
		}
	}
	for i, r := range recs {
		record := []byte(r.key + "\r\n")
		switch {
		case r.link != "":
			record = append(record, "@LINK "+r.link...)
		case z:
			record = le.AppendUint32(record, ptrs[i].block)
			record = le.AppendUint32(record, ptrs[i].entry)
		default:
			text := append([]byte(nil), r.text...)
			sword.Encipher(key, text)
			record = append(record, text...)
		}
		if !z && !four && len(record) > 0xFFFF {
			return nil, fmt.Errorf("swordtest: RawLD record %q of %d bytes needs RawLD4", r.key, len(record))
		}
		idx = le.AppendUint32(idx, uint32(len(dat)))
		if z || four {
			idx = le.AppendUint32(idx, uint32(len(record)))
		} else {
			idx = le.AppendUint16(idx, uint16(len(record)))
		}
		dat = append(dat, record...)
		if z {
			dat = append(dat, '\r', '\n')
		} else {
			dat = append(dat, '\n')
		}
	}
	rel := filepath.Join("modules", "lexdict", drv, strings.ToLower(l.Name))
	if err := os.MkdirAll(filepath.Join(dir, rel), 0o755); err != nil {
		return nil, err
	}
	files := map[string][]byte{"dict.idx": idx, "dict.dat": dat}
	if z {
		files["dict.zdx"], files["dict.zdt"] = zdx, zdt
	}
	for f, content := range files {
		if err := os.WriteFile(filepath.Join(dir, rel, f), content, 0o644); err != nil {
			return nil, err
		}
	}
	conf := []string{"DataPath=./" + filepath.ToSlash(rel) + "/dict", "ModDrv=" + l.Driver}
	if z && ctype != "" {
		conf = append(conf, "CompressType="+ctype)
	}
	conf = append(conf, common(l.SourceType, "TEI", l.Encoding, "", l.CipherKey, l.Locked)...)
	if l.NoStrongsPadding {
		conf = append(conf, "StrongsPadding=false")
	}
	if l.CaseSensitive {
		conf = append(conf, "CaseSensitiveKeys=true")
	}
	conf = append(conf, "Description=swordtest dictionary "+l.Name)
	conf = append(conf, l.Conf...)
	return writeConf(dir, l.Name, conf)
}

func zlibEncode(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	w := zlibWriter(&buf)
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
