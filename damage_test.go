package berean

import (
	"context"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"berean/index"
	"berean/search"
	"berean/sword/swordtest"
)

// fixtureVerses is a small Bible with a word in Acts 13 (its own block).
var fixtureVerses = map[string]string{
	"Gen.1.1":   "In the beginning God created the heaven and the earth.",
	"Acts.13.2": "the Holy Ghost said, Separate me Barnabas and Saul.",
	"Acts.13.3": "And when they had fasted and prayed, and laid their hands on them, they sent them away.",
	"Heb.7.25":  "seeing he ever liveth to make intercession for them.",
}

// TestDamagedModuleNotIndexed reproduces issue 15's failure 4: a Bible with
// a damaged block was indexed without the block's verses, silently (a
// search found 4 verses of 5, `berean index` reported fewer verses and exit
// 0), and a Bible whose DataPath points elsewhere searched as empty. Both
// are now left out of the index whole and named with the reason; a search
// of them fails with it, and the intact Bible is still searched.
func TestDamagedModuleNotIndexed(t *testing.T) {
	root := t.TempDir()
	for _, name := range []string{"GOOD", "BAD", "GONE"} {
		if _, err := swordtest.WriteBible(root, swordtest.Bible{Name: name, Conf: []string{"Abbreviation=" + name}, Entries: fixtureVerses}); err != nil {
			t.Fatal(err)
		}
	}
	// BAD: one byte flipped in its New Testament block.
	bad := filepath.Join(root, "modules", "texts", "ztext", "bad")
	d, err := os.ReadFile(filepath.Join(bad, "nt.bzz"))
	if err != nil {
		t.Fatal(err)
	}
	bzs, _ := os.ReadFile(filepath.Join(bad, "nt.bzs"))
	off, size := binary.LittleEndian.Uint32(bzs[12:]), binary.LittleEndian.Uint32(bzs[16:])
	if int(off+size) > len(d) {
		off, size = binary.LittleEndian.Uint32(bzs[0:]), binary.LittleEndian.Uint32(bzs[4:])
	}
	d[off+size/2] ^= 0x08
	os.WriteFile(filepath.Join(bad, "nt.bzz"), d, 0o644)
	// GONE: its conf's DataPath names a directory without its files.
	conf := filepath.Join(root, "mods.d", "gone.conf")
	c, _ := os.ReadFile(conf)
	os.WriteFile(conf, []byte(strings.Replace(string(c), "/gone/", "/elsewhere/", 1)), 0o644)
	os.MkdirAll(filepath.Join(root, "modules", "texts", "ztext", "elsewhere"), 0o755)

	eng, err := Open(Options{SwordPaths: []string{root}, OnlyPaths: true, CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	ctx := context.Background()
	s, err := eng.Searcher(ctx, index.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	skipped := map[string]string{}
	for _, sk := range s.Index().Skipped() {
		skipped[sk.Name] = sk.Reason
	}
	if !strings.Contains(skipped["BAD"], "nt.bzz") || !strings.Contains(skipped["BAD"], "offset") {
		t.Errorf("BAD is not named with its damaged file and offset: %q", skipped["BAD"])
	}
	if skipped["GONE"] == "" {
		t.Errorf("GONE (DataPath elsewhere) is not named: %v", skipped)
	}
	if _, ok := skipped["GOOD"]; ok || len(s.Index().Bibles()) != 1 {
		t.Errorf("the intact Bible: skipped %v, indexed %d", skipped, len(s.Index().Bibles()))
	}
	for _, b := range []string{"BAD", "GONE"} {
		_, err := eng.Search(ctx, SearchRequest{Query: "intercession", Bibles: []string{b}})
		if !errors.Is(err, search.ErrDamagedBible) || !strings.Contains(err.Error(), b) {
			t.Errorf("search of %s: %v, want the damage named", b, err)
		}
		// read names the same damage.
		if _, err := eng.Read(ctx, []string{"Heb 7:25"}, []string{b}); err == nil {
			t.Errorf("read of %s succeeded", b)
		}
	}
	res, err := eng.Search(ctx, SearchRequest{Query: "intercession", Bibles: []string{"GOOD"}})
	if err != nil || res.Total != 1 {
		t.Errorf("search of the intact Bible: %+v, %v", res, err)
	}
}
