package index

// Writing the file: see doc.go for the layout. Sections are laid out in the
// order added, each followed by nothing (no padding: every multi-byte field
// is read with encoding/binary, so alignment does not matter).

import (
	"encoding/json"
	"hash/crc32"
)

type fileWriter struct {
	secs []sectionData
	toc  []section
}

func (w *fileWriter) add(kind, bible uint16, data []byte) {
	w.secs = append(w.secs, sectionData{kind, data})
	w.toc = append(w.toc, section{kind: kind, bible: bible, crc: crc32.Checksum(data, crcTable()), len: uint64(len(data))})
}

// bytes assembles header, sections, TOC and trailer.
func (w *fileWriter) bytes(fp [32]byte) []byte {
	size := headerSize + len(w.toc)*tocEntrySz + trailerSize
	for _, s := range w.secs {
		size += len(s.data)
	}
	out := make([]byte, 0, size)
	out = append(out, magic...)
	out = le.AppendUint32(out, FormatVersion)
	out = le.AppendUint32(out, 0) // flags
	for i, s := range w.secs {
		w.toc[i].off = uint64(len(out))
		out = append(out, s.data...)
	}
	tocOff := len(out)
	for _, e := range w.toc {
		out = le.AppendUint16(out, e.kind)
		out = le.AppendUint16(out, e.bible)
		out = le.AppendUint32(out, e.crc)
		out = le.AppendUint64(out, e.off)
		out = le.AppendUint64(out, e.len)
	}
	tr := len(out)
	out = append(out, fp[:]...)
	out = le.AppendUint64(out, uint64(tocOff))
	out = le.AppendUint32(out, uint32(len(w.toc)))
	crc := crc32.Update(0, crcTable(), out[:headerSize])
	crc = crc32.Update(crc, crcTable(), out[tocOff:tr])
	crc = crc32.Update(crc, crcTable(), out[tr:])
	out = le.AppendUint32(out, crc)
	out = append(out, trailerMagic...)
	return out
}

func (m Meta) encode() []byte {
	b, _ := json.Marshal(m)
	return b
}
