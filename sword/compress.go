package sword

import (
	"bytes"
	"compress/bzip2"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"strings"

	"github.com/klauspost/compress/zlib"
	"github.com/ulikunitz/xz"
)

// Compression is a block compression scheme of the z-drivers.
type Compression int

const (
	LZSS Compression = iota // libsword's default when CompressType is absent
	Zip                     // zlib (RFC 1950)
	Bzip2
	XZ
)

func (c Compression) String() string {
	return [...]string{"LZSS", "ZIP", "BZIP2", "XZ"}[c]
}

// ParseCompression reads a conf CompressType value ("" means LZSS).
func ParseCompression(s string) (Compression, error) {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "", "LZSS":
		return LZSS, nil
	case "ZIP":
		return Zip, nil
	case "BZIP2":
		return Bzip2, nil
	case "XZ":
		return XZ, nil
	}
	return 0, fmt.Errorf("%w: CompressType %q (berean reads ZIP, BZIP2, XZ and LZSS)", ErrUnsupported, s)
}

// Decompress inflates one block. limit caps the output size: a block larger
// than limit is corrupt (the block index states the expected size, and the
// caller passes a bound derived from it or from the file size). XZ streams may
// be followed by zero padding, which is ignored.
func Decompress(c Compression, data []byte, limit int) ([]byte, error) {
	if limit <= 0 {
		limit = 64 << 20
	}
	var r io.Reader
	switch c {
	case LZSS:
		return lzssDecode(data, limit)
	case Zip:
		limit = min(limit, deflateBound(len(data)))
		zr, err := zlib.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("%w: zlib: %v", ErrCorrupt, err)
		}
		defer zr.Close()
		r = zr
	case Bzip2:
		return bzip2Decode(data, limit)
	case XZ:
		// libsword 1.9 records the encoder's worst-case bound as the
		// compressed size, so zero bytes follow the stream. A stream ends
		// in its footer's magic "YZ", never in a zero byte, so trimming
		// the zeros leaves exactly the stream.
		capped, err := xzCapDict(bytes.TrimRight(data, "\x00"), limit)
		if err != nil {
			return nil, err
		}
		cfg := xz.ReaderConfig{SingleStream: true}
		xr, err := cfg.NewReader(bytes.NewReader(capped))
		if err != nil {
			return nil, fmt.Errorf("%w: xz: %v", ErrCorrupt, err)
		}
		r = xr
	default:
		return nil, fmt.Errorf("%w: compression %d", ErrUnsupported, c)
	}
	out, err := readAll(r, limit)
	if err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%w: %s block is truncated", ErrCorrupt, c)
		}
		return nil, fmt.Errorf("%w: %s: %v", ErrCorrupt, c, err)
	}
	if len(out) > limit {
		return nil, fmt.Errorf("%w: %s block inflates past %d bytes", ErrCorrupt, c, limit)
	}
	return out, nil
}

// lzssDecode decodes Okumura's LZSS as libsword writes it: a 4096-byte ring
// whose first 4078 bytes start as spaces, write position 4078; each flag byte
// governs 8 items, least significant bit first; a 1 bit is a literal byte, a 0
// bit a 2-byte reference b0,b1 to ring position b0|(b1&0xF0)<<4 of length
// (b1&0x0F)+3.
func lzssDecode(in []byte, limit int) ([]byte, error) {
	const n, f = 4096, 18
	var ring [n]byte
	for i := 0; i < n-f; i++ {
		ring[i] = ' '
	}
	r := n - f
	out := make([]byte, 0, min(limit, 4*len(in)+16))
	i := 0
	for i < len(in) {
		flags := in[i]
		i++
		for bit := 0; bit < 8 && i < len(in); bit++ {
			if flags&(1<<bit) != 0 {
				c := in[i]
				i++
				if len(out) >= limit {
					return nil, fmt.Errorf("%w: LZSS block inflates past %d bytes", ErrCorrupt, limit)
				}
				out = append(out, c)
				ring[r] = c
				r = (r + 1) & (n - 1)
				continue
			}
			if i+1 >= len(in) {
				return nil, fmt.Errorf("%w: LZSS block is truncated", ErrCorrupt)
			}
			pos := int(in[i]) | int(in[i+1]&0xF0)<<4
			length := int(in[i+1]&0x0F) + 3
			i += 2
			if len(out)+length > limit {
				return nil, fmt.Errorf("%w: LZSS block inflates past %d bytes", ErrCorrupt, limit)
			}
			for k := 0; k < length; k++ {
				c := ring[(pos+k)&(n-1)]
				out = append(out, c)
				ring[r] = c
				r = (r + 1) & (n - 1)
			}
		}
	}
	return out, nil
}

// bzip2Decode decodes one bzip2 stream. libsword 1.9 stores a compressed
// size larger than the stream and fills the rest with zero bytes, which Go's
// reader would take for a second, bad stream. The zeros are trimmed; as the
// stream's own last bytes (the combined CRC and the bit padding) may be zero
// too, up to 5 of them are given back while the decoder reports a truncated
// stream.
func bzip2Decode(data []byte, limit int) ([]byte, error) {
	trimmed := len(bytes.TrimRight(data, "\x00"))
	var err error
	for n := trimmed; n <= min(trimmed+5, len(data)); n++ {
		var out []byte
		out, err = io.ReadAll(io.LimitReader(bzip2.NewReader(bytes.NewReader(data[:n])), int64(limit)+1))
		if err == nil {
			if len(out) > limit {
				return nil, fmt.Errorf("%w: %s block inflates past %d bytes", ErrCorrupt, Bzip2, limit)
			}
			return out, nil
		}
		if !errors.Is(err, io.ErrUnexpectedEOF) {
			break
		}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%w: %s block is truncated", ErrCorrupt, Bzip2)
	}
	return nil, fmt.Errorf("%w: %s: %v", ErrCorrupt, Bzip2, err)
}

// xzCapDict bounds the memory an xz stream can make the decoder allocate.
// Each block's LZMA2 filter declares a dictionary size (up to 4 GiB) that the
// decoder allocates in full, so a 60-byte block could ask for gigabytes. No
// match can reach further back than the output, so a dictionary of the output
// limit is always enough: the stream index (located from the footer) gives
// every block's position and size; a block that inflates past the limit is
// corrupt, and a declared dictionary larger than the limit is rewritten to
// the limit (with the block header's CRC32 recomputed). Streams that are too
// malformed to walk are left to the decoder, which will reject them before
// any block header is read.
func xzCapDict(data []byte, limit int) ([]byte, error) {
	bad := func(what string) error { return fmt.Errorf("%w: XZ: %s", ErrCorrupt, what) }
	n := len(data)
	if n < 24 || string(data[n-2:]) != "YZ" || string(data[:6]) != "\xfd7zXZ\x00" {
		return data, nil // the decoder reports what is wrong
	}
	backward := (int64(binary.LittleEndian.Uint32(data[n-8:])) + 1) * 4
	ix := int64(n-12) - backward
	if ix < 12 || data[ix] != 0 {
		return nil, bad("bad index position")
	}
	pos := int(ix) + 1
	uvarint := func() (uint64, bool) {
		v, k := binary.Uvarint(data[pos:min(int(ix+backward), n)])
		if k <= 0 {
			return 0, false
		}
		pos += k
		return v, true
	}
	records, ok := uvarint()
	if !ok || records > uint64(backward) {
		return nil, bad("bad index")
	}
	// The dictionary size the limit needs, as an LZMA2 code.
	code := byte(0)
	for code < 40 && lzma2Dict(code) < int64(max(limit, 4096)) {
		code++
	}
	out := data
	block := int64(12)
	for r := uint64(0); r < records; r++ {
		unpadded, ok1 := uvarint()
		usize, ok2 := uvarint()
		if !ok1 || !ok2 || unpadded > uint64(n) {
			return nil, bad("bad index record")
		}
		if usize > uint64(limit) {
			return nil, fmt.Errorf("%w: XZ block inflates past %d bytes", ErrCorrupt, limit)
		}
		if block >= ix {
			return nil, bad("block past the index")
		}
		hs := (int64(out[block]) + 1) * 4
		if out[block] == 0 || block+hs > ix {
			return nil, bad("bad block header")
		}
		h := out[block : block+hs]
		flags := h[1]
		p := 2
		for _, bit := range []byte{0x40, 0x80} { // compressed, uncompressed size
			if flags&bit != 0 {
				_, k := binary.Uvarint(h[p : hs-4])
				if k <= 0 {
					return nil, bad("bad block header")
				}
				p += k
			}
		}
		for f := 0; f < int(flags&3)+1; f++ {
			id, k := binary.Uvarint(h[p : hs-4])
			if k <= 0 {
				return nil, bad("bad filter flags")
			}
			p += k
			psize, k := binary.Uvarint(h[p : hs-4])
			if k <= 0 || uint64(p+k)+psize > uint64(hs-4) {
				return nil, bad("bad filter flags")
			}
			p += k
			if id == 0x21 && psize == 1 && h[p]&0x3F <= 40 && lzma2Dict(h[p]&0x3F) > lzma2Dict(code) {
				if &out[0] == &data[0] {
					out = bytes.Clone(data)
					h = out[block : block+hs]
				}
				h[p] = code
				binary.LittleEndian.PutUint32(h[hs-4:], crc32.ChecksumIEEE(h[:hs-4]))
			}
			p += int(psize)
		}
		block += (int64(unpadded) + 3) &^ 3
	}
	return out, nil
}

// lzma2Dict is the dictionary size of an LZMA2 dictionary code (0..40).
func lzma2Dict(c byte) int64 {
	if c >= 40 {
		return 1<<32 - 1
	}
	return int64(2|c&1) << (c/2 + 11)
}

// readAll reads r to its end, failing past limit bytes. The buffer starts at
// the limit's size (capped at 4 MiB): callers pass the block's stated size
// plus a little, so one allocation usually holds the whole block, where
// io.ReadAll would grow and copy a dozen times.
func readAll(r io.Reader, limit int) ([]byte, error) {
	buf := make([]byte, 0, min(limit+1, 4<<20))
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if len(buf) > limit {
			return buf, nil // the caller reports the overflow
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// decompressPrefix inflates a block at least up to need bytes: a zlib block
// keeps only that prefix (full reports false), so that reading an early verse
// of a long book does not allocate the whole book. The rest of the block is
// still inflated, into a small scratch buffer, so that the stream's Adler-32
// and the size limit are checked before any byte of the prefix is used: a
// damaged block is an error, never wrong text. Other compressions, and zlib
// blocks that end before need, are inflated whole (full is true) with the
// checks of Decompress.
func decompressPrefix(c Compression, data []byte, need, limit int) (out []byte, full bool, err error) {
	if c != Zip || need <= 0 {
		out, err = Decompress(c, data, limit)
		return out, true, err
	}
	if limit <= 0 {
		limit = 64 << 20
	}
	limit = min(limit, deflateBound(len(data)))
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, false, fmt.Errorf("%w: zlib: %v", ErrCorrupt, err)
	}
	defer zr.Close()
	// The buffer starts at what is needed (plus a page): Go zeroes a new
	// buffer, and a book-sized one (170 KB for Hebrews) costs page faults
	// and clearing that a verse early in the book never uses.
	buf := make([]byte, 0, min(limit+1, need+4096))
	for {
		if len(buf) >= need && len(buf) <= limit {
			// The prefix is used only once the whole block has
			// inflated within the limit and its Adler-32 matches: the
			// rest is inflated into a small scratch buffer and dropped.
			if err := drainVerified(c, zr, limit-len(buf)); err != nil {
				return nil, false, err
			}
			return buf, false, nil
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, rerr := zr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if len(buf) > limit {
			return nil, false, fmt.Errorf("%w: %s block inflates past %d bytes", ErrCorrupt, c, limit)
		}
		if rerr == io.EOF {
			return buf, true, nil
		}
		if rerr != nil {
			if errors.Is(rerr, io.ErrUnexpectedEOF) || errors.Is(rerr, io.EOF) {
				return nil, false, fmt.Errorf("%w: %s block is truncated", ErrCorrupt, c)
			}
			return nil, false, fmt.Errorf("%w: %s: %v", ErrCorrupt, c, rerr)
		}
	}
}

// drainVerified reads r to its end through a small scratch buffer, failing
// when more than room bytes remain or when the stream's own check (zlib's
// Adler-32) fails at the end.
func drainVerified(c Compression, r io.Reader, room int) error {
	var scratch [16 << 10]byte
	for {
		n, err := r.Read(scratch[:])
		room -= n
		if room < 0 {
			return fmt.Errorf("%w: %s block inflates past its limit", ErrCorrupt, c)
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			if errors.Is(err, io.ErrUnexpectedEOF) {
				return fmt.Errorf("%w: %s block is truncated", ErrCorrupt, c)
			}
			return fmt.Errorf("%w: %s: %v", ErrCorrupt, c, err)
		}
	}
}

// deflateBound is the most n bytes of zlib stream can inflate to: deflate
// codes at most 258 bytes in one bit pair of a dynamic block, so no stream
// exceeds 1032 bytes out per byte in (plus the fixed overhead). A block
// claiming more is refused as corrupt whatever its stated size.
func deflateBound(n int) int {
	if n > (1<<62)/1032 {
		return 1 << 62
	}
	return n*1032 + 4096
}
