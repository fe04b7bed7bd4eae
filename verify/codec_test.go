package verify

import (
	"reflect"
	"testing"
)

func sampleModelFile() *modelFile {
	return &modelFile{
		Version:     modelVersion,
		Fingerprint: "abc",
		Bibles: []bibleFile{
			{Name: "KJV", System: "KJV", Text: []string{"In the beginning", "", "And God said"}, Toks: [][]uint32{{0, 1}, nil, {2, 300000}}, NVerses: 3},
		},
		Terms: []string{"begin", "god", "say"},
		DF:    []uint32{1, 2, 3},
		NDocs: 3,
		Syn:   map[uint64]float32{1<<32 | 2: 0.5, 7: 1},
		Post:  [][]uint32{{1}, {}, {2, 3}},
		Words: map[string]uint32{"beginning": 0, "said": 2},
	}
}

// TestModelCodecRoundTrip: what is written reads back equal.
func TestModelCodecRoundTrip(t *testing.T) {
	f := sampleModelFile()
	got, err := decodeModel(encodeModel(f))
	if err != nil {
		t.Fatal(err)
	}
	// nil and empty slices are the same to the model.
	f.Bibles[0].Toks[1] = []uint32{}
	if !reflect.DeepEqual(got, f) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, f)
	}
}

// TestModelCodecDamage: every truncation and every flipped byte is an
// error (the checksum), never a panic or a wrong model.
func TestModelCodecDamage(t *testing.T) {
	data := encodeModel(sampleModelFile())
	for n := range len(data) {
		if _, err := decodeModel(data[:n]); err == nil {
			t.Errorf("truncated to %d bytes: no error", n)
		}
	}
	for i := range data {
		bad := append([]byte(nil), data...)
		bad[i] ^= 0x41
		if _, err := decodeModel(bad); err == nil {
			t.Errorf("byte %d flipped: no error", i)
		}
	}
}

// FuzzModelCodec: arbitrary bytes (with a valid checksum, so that the
// decoder itself is exercised) never panic or allocate beyond the input.
func FuzzModelCodec(f *testing.F) {
	f.Add(encodeModel(sampleModelFile())[len(modelMagic):])
	f.Add([]byte{})
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, body []byte) {
		if len(body) > 4 {
			body = body[:len(body)-4]
		}
		m, err := decodeModel(appendChecksum(append([]byte(modelMagic), body...)))
		if err == nil {
			// What decodes must encode again and decode to the same model.
			m2, err := decodeModel(encodeModel(m))
			if err != nil || len(m2.Terms) != len(m.Terms) || len(m2.Bibles) != len(m.Bibles) {
				t.Fatalf("re-encoded model: %v", err)
			}
		}
	})
}
