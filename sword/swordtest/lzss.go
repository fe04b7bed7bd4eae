package swordtest

// lzssEncode writes data in the LZSS variant libsword reads (Okumura's: a
// 4096-byte ring whose first 4078 bytes start as spaces, write position
// 4078; a flag byte per 8 items, least significant bit first, 1 = literal,
// 0 = a 2-byte reference b0,b1 to ring position b0|(b1&0xF0)<<4 of length
// (b1&0x0F)+3). The encoder is greedy and searches the whole ring, taking
// only references that do not overlap the bytes they produce. With literal
// set it writes literals only (also valid LZSS).
func lzssEncode(data []byte, literal bool) []byte {
	const n, f, mask = 4096, 18, 4095
	var ring [n]byte
	for i := 0; i < n-f; i++ {
		ring[i] = ' '
	}
	r := n - f
	var out []byte
	flagAt, bit := -1, 8
	item := func(lit bool) {
		if bit == 8 {
			out = append(out, 0)
			flagAt, bit = len(out)-1, 0
		}
		if lit {
			out[flagAt] |= 1 << bit
		}
		bit++
	}
	for i := 0; i < len(data); {
		best, bestPos := 0, 0
		if !literal {
			maxLen := min(f, len(data)-i)
			for p := 0; p < n && maxLen >= 3; p++ {
				if ring[p] != data[i] {
					continue
				}
				d := (r - p) & mask
				if d == 0 {
					continue
				}
				l := 0
				for l < maxLen && l < d && ring[(p+l)&mask] == data[i+l] {
					l++
				}
				if l > best {
					best, bestPos = l, p
					if l == maxLen {
						break
					}
				}
			}
		}
		if best >= 3 {
			item(false)
			out = append(out, byte(bestPos), byte(bestPos>>4&0xF0)|byte(best-3))
		} else {
			best = 1
			item(true)
			out = append(out, data[i])
		}
		for k := 0; k < best; k++ {
			ring[r] = data[i+k]
			r = (r + 1) & mask
		}
		i += best
	}
	return out
}
