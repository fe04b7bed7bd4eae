package sword_test

// Cross-checks with libsword's own tools (libsword-utils: imp2vs, osis2mod,
// imp2ld; diatheke). Each test skips when its tool is missing. Modules built
// by the tools are read by berean and compared with the input; diatheke
// reads modules written by swordtest. Together they check the Sapphire II
// port, the LZSS decoder and every layout against libsword 1.9.

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"berean/sword"
	"berean/sword/swordtest"
)

func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s is not installed (Debian package libsword-utils / diatheke)", name)
	}
	return p
}

func run(t *testing.T, dir string, env []string, name string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return out
}

// crossVerses are the verses given to the tools: plain text only (the
// tools keep it byte for byte), some long and repetitive for LZSS.
var crossVerses = []struct {
	ref, text string
}{
	{"Gen 1:1", "In the beginning God created the heaven and the earth."},
	{"Gen 1:2", "And the earth was without form, and void; and darkness was upon the face of the deep."},
	{"Gen 1:3", strings.TrimSpace(strings.Repeat("And God said, Let there be light: and there was light. ", 40))},
	{"Gen 2:1", plainWords(3000)},
	{"Exod 20:3", "Thou shalt have no other gods before me."},
	{"Ps 23:1", "The LORD is my shepherd; I shall not want."},
	{"Matt 1:1", "The book of the generation of Jesus Christ, the son of David, the son of Abraham."},
	{"John 3:16", "ἠγάπησεν ὁ θεὸς τὸν κόσμον"},
	{"Heb 7:25", plainWords(900) + " ἐντυγχάνω"},
	{"Rev 22:21", "The grace of our Lord Jesus Christ be with you all. Amen."},
}

func osisID(ref string) string {
	b, cv, _ := strings.Cut(ref, " ")
	c, v, _ := strings.Cut(cv, ":")
	return b + "." + c + "." + v
}

func writeConf(t *testing.T, root, name string, lines ...string) *sword.ModuleInfo {
	t.Helper()
	os.MkdirAll(filepath.Join(root, "mods.d"), 0o755)
	p := filepath.Join(root, "mods.d", strings.ToLower(name)+".conf")
	if err := os.WriteFile(p, []byte("["+name+"]\n"+strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mis, err := sword.ReadConfFile(root, p)
	if err != nil {
		t.Fatal(err)
	}
	return mis[0]
}

// imp2vs builds Bibles in every compression, block size and entry size.
func TestCrossImp2vs(t *testing.T) {
	imp2vs := tool(t, "imp2vs")
	dir := t.TempDir()
	var imp bytes.Buffer
	for _, v := range crossVerses {
		fmt.Fprintf(&imp, "$$$%s\n%s\n", v.ref, v.text)
	}
	os.WriteFile(filepath.Join(dir, "in.imp"), imp.Bytes(), 0o644)
	for _, z := range []string{"", "l", "z", "b", "x"} {
		for _, four := range []bool{false, true} {
			for _, block := range []string{"2", "3", "4"} {
				if z == "" && block != "4" || z != "" && four {
					continue // imp2vs 1.9 ignores -4 when it compresses (zText, 10-byte records)
				}
				name := fmt.Sprintf("imp%s%v%s", z, four, block)
				root := filepath.Join(dir, name)
				out := filepath.Join(root, "modules", "m")
				os.MkdirAll(out, 0o755)
				args := []string{"in.imp", "-o", out + "/", "-b", block}
				if z != "" {
					args = append(args, "-z", z)
				}
				if four {
					args = append(args, "-4")
				}
				run(t, dir, nil, imp2vs, args...)
				drv := map[bool]string{false: "RawText", true: "RawText4"}[four]
				conf := []string{"DataPath=./modules/m/"}
				if z != "" {
					drv = map[bool]string{false: "zText", true: "zText4"}[four]
					conf = append(conf, "CompressType="+map[string]string{"l": "LZSS", "z": "ZIP", "b": "BZIP2", "x": "XZ"}[z],
						"BlockType="+map[string]string{"2": "VERSE", "3": "CHAPTER", "4": "BOOK"}[block])
				}
				mi := writeConf(t, root, name, append(conf, "ModDrv="+drv, "Encoding=UTF-8")...)
				m, err := sword.OpenVerse(mi)
				if err != nil {
					t.Fatal(err)
				}
				for _, v := range crossVerses {
					b, c, vv := refParts(v.ref)
					got, err := m.Entry(b, c, vv)
					// imp2vs keeps each entry's line end (libsword's
					// prepText strips it for display).
					if err != nil || strings.TrimRight(string(got), "\n") != v.text {
						t.Errorf("%s %s: %.60q (%d bytes) %v, want %d bytes", name, v.ref, got, len(got), err, len(v.text))
					}
				}
				m.Close()
			}
		}
	}
}

// oneLine drops line ends (the tools' input formats are line based).
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// plainWords is long text that diatheke's plain rendering leaves alone.
func plainWords(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "word%d and the LORD said unto Moses ", i%97)
	}
	return strings.TrimSpace(b.String())
}

func refParts(ref string) (string, int, int) {
	var c, v int
	b, cv, _ := strings.Cut(ref, " ")
	fmt.Sscanf(cv, "%d:%d", &c, &v)
	return b, c, v
}

// osis2mod builds enciphered modules (-c): berean must decipher them to the
// same entries as the plain RawText build, in every compression and with
// 4-byte sizes. A wrong key must not give the text.
func TestCrossOsis2modCipher(t *testing.T) {
	osis2mod := tool(t, "osis2mod")
	dir := t.TempDir()
	var doc bytes.Buffer
	doc.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<osis xmlns="http://www.bibletechnologies.net/2003/OSIS/namespace"><osisText osisIDWork="T" osisRefWork="bible" xml:lang="en"><header><work osisWork="T"/></header>` + "\n")
	book := ""
	for _, v := range crossVerses {
		b, c, _ := refParts(v.ref)
		if b != book {
			if book != "" {
				doc.WriteString("</div>\n")
			}
			fmt.Fprintf(&doc, `<div type="book" osisID="%s">`, b)
			book = b
		}
		fmt.Fprintf(&doc, `<chapter osisID="%s.%d"><verse osisID="%s">%s</verse></chapter>`+"\n", b, c, osisID(v.ref), v.text)
	}
	doc.WriteString("</div></osisText></osis>\n")
	os.WriteFile(filepath.Join(dir, "in.xml"), doc.Bytes(), 0o644)

	build := func(name string, args ...string) string {
		root := filepath.Join(dir, name)
		out := filepath.Join(root, "modules", "m")
		os.MkdirAll(out, 0o755)
		run(t, dir, nil, osis2mod, append([]string{out + "/", "in.xml"}, args...)...)
		return root
	}
	plainRoot := build("plain")
	plain, err := sword.OpenVerse(writeConf(t, plainRoot, "plain", "DataPath=./modules/m/", "ModDrv=RawText", "Encoding=UTF-8"))
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close()
	// Every slot of the books used (intros included) must agree.
	type slotRef struct {
		b    string
		c, v int
	}
	var slots []slotRef
	for _, v := range crossVerses {
		b, c, vv := refParts(v.ref)
		slots = append(slots, slotRef{b, 0, 0}, slotRef{b, c, 0}, slotRef{b, c, vv})
		want, _ := plain.Entry(b, c, vv)
		if !bytes.Contains(want, []byte(v.text)) {
			t.Fatalf("osis2mod RawText %s = %q", v.ref, want)
		}
	}
	const key = "abcd1234"
	for _, z := range []string{"l", "z", "b", "x"} {
		for _, size := range []string{"2", "4"} {
			name := "c" + z + size
			root := build(name, "-z", z, "-s", size, "-c", key)
			drv := map[string]string{"2": "zText", "4": "zText4"}[size]
			ct := map[string]string{"l": "LZSS", "z": "ZIP", "b": "BZIP2", "x": "XZ"}[z]
			conf := []string{"DataPath=./modules/m/", "ModDrv=" + drv, "CompressType=" + ct, "BlockType=BOOK", "Encoding=UTF-8"}
			m, err := sword.OpenVerse(writeConf(t, root, name, append(conf, "CipherKey="+key)...))
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range slots {
				want, _ := plain.Entry(s.b, s.c, s.v)
				got, err := m.Entry(s.b, s.c, s.v)
				if err != nil || !bytes.Equal(got, want) {
					t.Errorf("%s %s %d:%d = %.50q %v, want %.50q", name, s.b, s.c, s.v, got, err, want)
				}
			}
			m.Close()
			// The wrong key: an error or garbage, never the text.
			m, err = sword.OpenVerse(writeConf(t, root, name, append(conf, "CipherKey=wrongkey")...))
			if err != nil {
				t.Fatal(err)
			}
			if got, err := m.Entry("Gen", 1, 1); err == nil && bytes.Contains(got, []byte("beginning")) {
				t.Errorf("%s read with the wrong key", name)
			}
			m.Close()
		}
	}
}

// imp2ld builds lexicons in every compression and entry size.
func TestCrossImp2ld(t *testing.T) {
	imp2ld := tool(t, "imp2ld")
	dir := t.TempDir()
	entries := map[string]string{
		"1":                 "Alpha, the first letter",
		"25":                "agapao: to love",
		"1793":              "entugchano: to make intercession",
		"5624":              oneLine(longText(2000, 13)),
		"AARON":             "the brother of Moses",
		"ABEL-BETH-MAACHAH": "a city",
		"AGE, OLD":          "gray hairs",
	}
	keys := make([]string, 0, len(entries))
	for k := range entries {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var imp bytes.Buffer
	for _, k := range keys {
		fmt.Fprintf(&imp, "$$$%s\n%s\n", k, entries[k])
	}
	os.WriteFile(filepath.Join(dir, "in.imp"), imp.Bytes(), 0o644)
	for _, z := range []string{"", "l", "z", "b", "x"} {
		for _, four := range []bool{false, true} {
			if z != "" && four {
				continue
			}
			name := fmt.Sprintf("ld%s%v", z, four)
			root := filepath.Join(dir, name)
			out := filepath.Join(root, "modules", "d")
			os.MkdirAll(out, 0o755)
			args := []string{"in.imp", "-o", out + "/dict", "-b", "3"}
			drv := "RawLD"
			conf := []string{"DataPath=./modules/d/dict"}
			if z != "" {
				args = append(args, "-z", z)
				drv = "zLD"
				conf = append(conf, "CompressType="+map[string]string{"l": "LZSS", "z": "ZIP", "b": "BZIP2", "x": "XZ"}[z])
			}
			if four {
				args = append(args, "-4")
				drv = "RawLD4"
			}
			run(t, dir, nil, imp2ld, args...)
			m, err := sword.OpenLex(writeConf(t, root, name, append(conf, "ModDrv="+drv, "Encoding=UTF-8")...))
			if err != nil {
				t.Fatal(err)
			}
			if m.Len() != len(entries) {
				t.Errorf("%s: %d keys", name, m.Len())
			}
			for k, want := range entries {
				got, text, exact, err := m.Lookup(k)
				if err != nil || !exact || strings.TrimRight(string(text), "\n") != want {
					t.Errorf("%s %s: %q %.50q %v %v", name, k, got, text, exact, err)
				}
			}
			m.Close()
		}
	}
}

// diatheke reads swordtest modules in every compression, with and without a
// cipher key: the writer, hence the reader it mirrors, agrees with libsword.
func TestCrossDiathekeReadsSwordtest(t *testing.T) {
	diatheke := tool(t, "diatheke")
	entries := map[string]string{"Gen.1.1": "In the beginning God created the heaven and the earth.", "Gen.1.2": plainWords(2000),
		"John.3.16": "For God so loved the world", "Ps.119.176": strings.Repeat("I have gone astray like a lost sheep; ", 30)}
	for _, d := range []string{"zText", "zText4", "RawText", "RawText4", "zCom"} {
		comps := []string{"ZIP", "BZIP2", "XZ", "LZSS", "none"}
		if strings.HasPrefix(d, "Raw") {
			comps = []string{""}
		}
		for _, c := range comps {
			for _, key := range []string{"", "k3y9"} {
				if strings.HasPrefix(d, "Raw") && key != "" {
					continue // diatheke's raw readers decipher too, but no writer enciphers them; keep the list short
				}
				root := t.TempDir()
				name := "SwordtestX"
				_, err := swordtest.WriteBible(root, swordtest.Bible{Name: name, Driver: d, Compression: c, CipherKey: key,
					SourceType: "none", Encoding: "UTF-8", Entries: entries, XZPadding: 64})
				if err != nil {
					t.Fatal(err)
				}
				// One call for all the entries: "<Book> <c>:<v>: <text>" lines.
				out := string(run(t, root, []string{"SWORD_PATH=" + root}, diatheke, "-b", name, "-f", "plain", "-k", "Gen 1:1-2; John 3:16; Ps 119:176"))
				for ref, want := range entries {
					label := map[string]string{"Gen.1.1": "Genesis 1:1: ", "Gen.1.2": "Genesis 1:2: ", "John.3.16": "John 3:16: ", "Ps.119.176": "Psalms 119:176: "}[ref]
					i := strings.Index(out, label)
					if i < 0 {
						t.Errorf("%s %s key=%q: no %q in %.200q", d, c, key, label, out)
						continue
					}
					text, _, _ := strings.Cut(out[i+len(label):], "\n")
					if strings.TrimSpace(text) != strings.TrimSpace(want) {
						t.Errorf("%s %s key=%q %s: diatheke printed %.80q", d, c, key, ref, text)
					}
				}
			}
		}
	}
}
