package canon

import "testing"

var sinkInt int

func BenchmarkSlot(b *testing.B) {
	k := KJV()
	for b.Loop() {
		_, ti, _ := k.Slot("Heb", 7, 25)
		sinkInt += ti
	}
}

func BenchmarkOrdinal(b *testing.B) {
	k := KJV()
	for b.Loop() {
		o, _ := k.Ordinal("Heb", 7, 25)
		sinkInt += o
	}
}

func BenchmarkVerseAt(b *testing.B) {
	k := KJV()
	n := k.VerseCount()
	i := 0
	for b.Loop() {
		_, c, v := k.VerseAt(i)
		sinkInt += c + v
		i += 7919
		if i >= n {
			i -= n
		}
	}
}

func BenchmarkMap(b *testing.B) {
	k := KJV()
	mt, _ := Get("MT")
	for b.Loop() {
		sinkInt += len(Map(k, mt, "Ps", 51, 1))
	}
}
