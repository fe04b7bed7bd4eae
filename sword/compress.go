package sword

import (
	"bytes"
	"compress/bzip2"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"strings"

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
		cfg := xz.ReaderConfig{SingleStream: true}
		xr, err := cfg.NewReader(bytes.NewReader(bytes.TrimRight(data, "\x00")))
		if err != nil {
			return nil, fmt.Errorf("%w: xz: %v", ErrCorrupt, err)
		}
		r = xr
	default:
		return nil, fmt.Errorf("%w: compression %d", ErrUnsupported, c)
	}
	out, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
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
