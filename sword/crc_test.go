package sword

import (
	"hash/crc32"
	"testing"
)

// TestCastagnoliBytewise: the hand-built table gives the library's CRC-32C,
// so copies written before it (and by it) keep their checks.
func TestCastagnoliBytewise(t *testing.T) {
	lib := crc32.MakeTable(crc32.Castagnoli)
	for _, n := range []int{0, 1, 7, 64, 4095, 4096, 10000} {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(i*131 + n)
		}
		if got, want := crc32.Checksum(b, castagnoliBytewise()), crc32.Checksum(b, lib); got != want {
			t.Errorf("%d bytes: bytewise %08x, library %08x", n, got, want)
		}
	}
}
