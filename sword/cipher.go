package sword

// sapphire is the Sapphire II stream cipher that libsword uses for modules
// with a CipherKey. The state is a permutation of 256 bytes plus five byte
// registers, set up by a key-driven shuffle, and is set up afresh for every
// buffer (a compressed block, or a raw entry).
type sapphire struct {
	cards                                            [256]byte
	rotor, ratchet, avalanche, lastPlain, lastCipher byte
}

// newSapphire sets up the state for a non-empty key.
func newSapphire(key []byte) *sapphire {
	s := &sapphire{}
	for i := range s.cards {
		s.cards[i] = byte(i)
	}
	var rsum byte
	keypos := 0
	for i := 255; i > 0; i-- {
		toswap := s.keyrand(i, key, &rsum, &keypos)
		s.cards[i], s.cards[toswap] = s.cards[toswap], s.cards[i]
	}
	s.rotor = s.cards[1]
	s.ratchet = s.cards[3]
	s.avalanche = s.cards[5]
	s.lastPlain = s.cards[7]
	s.lastCipher = s.cards[rsum]
	return s
}

// keyrand draws a key-dependent number in [0, limit].
func (s *sapphire) keyrand(limit int, key []byte, rsum *byte, keypos *int) int {
	if limit == 0 {
		return 0
	}
	mask := 1
	for mask < limit {
		mask = mask<<1 + 1
	}
	retries := 0
	for {
		*rsum = s.cards[*rsum] + key[*keypos]
		*keypos++
		if *keypos >= len(key) {
			*keypos = 0
			*rsum += byte(len(key))
		}
		u := mask & int(*rsum)
		retries++
		if retries > 11 {
			u %= limit
		}
		if u <= limit {
			return u
		}
	}
}

func (s *sapphire) step() {
	s.ratchet += s.cards[s.rotor]
	s.rotor++
	t := s.cards[s.lastCipher]
	s.cards[s.lastCipher] = s.cards[s.ratchet]
	s.cards[s.ratchet] = s.cards[s.lastPlain]
	s.cards[s.lastPlain] = s.cards[s.rotor]
	s.cards[s.rotor] = t
	s.avalanche += s.cards[t]
}

func (s *sapphire) mix() byte {
	return s.cards[s.cards[s.ratchet]+s.cards[s.rotor]] ^
		s.cards[s.cards[s.cards[s.lastPlain]+s.cards[s.lastCipher]+s.cards[s.avalanche]]]
}

func (s *sapphire) decrypt(b byte) byte {
	s.step()
	s.lastPlain = b ^ s.mix()
	s.lastCipher = b
	return s.lastPlain
}

func (s *sapphire) encrypt(b byte) byte {
	s.step()
	s.lastCipher = b ^ s.mix()
	s.lastPlain = b
	return s.lastCipher
}

// decipher deciphers buf in place with a fresh state; buffers of 2 bytes or
// fewer are left as they are, as libsword does.
func decipher(key, buf []byte) {
	if len(key) == 0 || len(buf) <= 2 {
		return
	}
	s := newSapphire(key)
	for i, b := range buf {
		buf[i] = s.decrypt(b)
	}
}

// encipher is decipher's inverse (for writing test modules).
func encipher(key, buf []byte) {
	if len(key) == 0 || len(buf) <= 2 {
		return
	}
	s := newSapphire(key)
	for i, b := range buf {
		buf[i] = s.encrypt(b)
	}
}

// Encipher enciphers buf in place with Sapphire II as libsword's writers do
// (one fresh state per buffer; buffers of 2 bytes or fewer are left as they
// are). Test-module writers use it; readers never need it.
func Encipher(key, buf []byte) { encipher(key, buf) }

// Decipher is Encipher's inverse: what the reader applies to each compressed
// block (z-drivers) or raw entry (Raw drivers) of a module with a CipherKey.
func Decipher(key, buf []byte) { decipher(key, buf) }
