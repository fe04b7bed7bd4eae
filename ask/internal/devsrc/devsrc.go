// Package devsrc is a development-only index.Source over the installed
// SWORD modules, used by the tests of ask, xref and study while (or where)
// the corpus package is not available. Bible texts come from diatheke's
// OSIS output (cached under the cache directory); the Strong's lexicons and
// Nave's come from the zLD files read directly. It is not part of the
// product.
package devsrc

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"iter"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"berean/canon"
	"berean/index"
)

// Root is the SWORD library the tests use.
const Root = "/usr/share/sword"

// Available reports whether the installed modules and diatheke are there.
func Available() bool {
	if _, err := os.Stat(filepath.Join(Root, "mods.d", "engKJV2006eb.conf")); err != nil {
		return false
	}
	_, err := exec.LookPath("diatheke")
	return err == nil
}

type bible struct {
	name, module, sys string
	cache             string
}

// Source implements index.Source.
type Source struct {
	dir    string
	bibles []index.BibleSource
}

// New returns the source; dumps are cached in dir.
func New(dir string) *Source {
	s := &Source{dir: dir}
	s.bibles = []index.BibleSource{
		&bible{"KJV", "engKJV2006eb", "KJV", filepath.Join(dir, "kjv.osis")},
		&bible{"WEB", "engWEB2015eb", "NRSVA", filepath.Join(dir, "web.osis")},
	}
	return s
}

func (s *Source) Fingerprint() string         { return "devsrc-2" }
func (s *Source) Bibles() []index.BibleSource { return s.bibles }

func (b *bible) Name() string   { return b.name }
func (b *bible) Module() string { return b.module }
func (b *bible) System() *canon.System {
	s, _ := canon.Get(b.sys)
	return s
}

func (b *bible) dump() ([]byte, error) {
	if data, err := os.ReadFile(b.cache); err == nil && len(data) > 0 {
		return data, nil
	}
	out, err := exec.Command("diatheke", "-b", b.module, "-f", "OSIS", "-o", "n", "-k", "Gen 1:1-Rev 22:21").Output()
	if err != nil {
		return nil, fmt.Errorf("devsrc: diatheke %s: %w", b.module, err)
	}
	os.MkdirAll(filepath.Dir(b.cache), 0o755)
	os.WriteFile(b.cache, out, 0o644)
	return out, nil
}

func (b *bible) Verses(ctx context.Context) iter.Seq2[index.Verse, error] {
	return func(yield func(index.Verse, error) bool) {
		data, err := b.dump()
		if err != nil {
			yield(index.Verse{}, err)
			return
		}
		sys := b.System()
		names := map[string]string{}
		var alts []string
		for _, bk := range sys.Books() {
			names[bk.Name] = bk.OSIS
			alts = append(alts, regexp.QuoteMeta(bk.Name))
		}
		sort.Slice(alts, func(i, j int) bool { return len(alts[i]) > len(alts[j]) })
		verseLine := regexp.MustCompile(`(?:^|\s)(` + strings.Join(alts, "|") + `) (\d+):(\d+): `)
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			line := sc.Text()
			m := verseLine.FindStringSubmatchIndex(line)
			if m == nil {
				continue
			}
			name := line[m[2]:m[3]]
			osis, ok := names[name]
			if !ok {
				continue
			}
			ch, _ := strconv.Atoi(line[m[4]:m[5]])
			vs, _ := strconv.Atoi(line[m[6]:m[7]])
			text, tags := render(line[m[1]:])
			if text == "" {
				continue
			}
			if !yield(index.Verse{Book: osis, Chapter: ch, Verse: vs, Text: text, Tags: tags}, nil) {
				return
			}
		}
	}
}

var lemmaRe = regexp.MustCompile(`strong:([GH])0*(\d+)`)

// render strips the OSIS tags of a verse, keeping Strong's tags as spans.
func render(s string) (string, []index.Tag) {
	var out strings.Builder
	var tags []index.Tag
	type open struct {
		start int
		keys  []string
	}
	var stack []open
	skip := 0
	for i := 0; i < len(s); {
		if s[i] != '<' {
			j := strings.IndexByte(s[i:], '<')
			if j < 0 {
				j = len(s) - i
			}
			if skip == 0 {
				out.WriteString(s[i : i+j])
			}
			i += j
			continue
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			break
		}
		tag := s[i+1 : i+j]
		i += j + 1
		selfClose := strings.HasSuffix(tag, "/")
		closing := strings.HasPrefix(tag, "/")
		name := strings.TrimPrefix(tag, "/")
		if k := strings.IndexAny(name, " /"); k >= 0 {
			name = name[:k]
		}
		switch name {
		case "note", "title":
			if selfClose {
				continue
			}
			if closing {
				skip--
			} else {
				skip++
			}
		case "w":
			if selfClose {
				continue
			}
			if closing {
				if n := len(stack); n > 0 {
					o := stack[n-1]
					stack = stack[:n-1]
					if len(o.keys) > 0 {
						tags = append(tags, index.Tag{Start: o.start, End: out.Len(), Keys: o.keys})
					}
				}
				continue
			}
			var keys []string
			for _, m := range lemmaRe.FindAllStringSubmatch(tag, -1) {
				keys = append(keys, m[1]+m[2])
			}
			stack = append(stack, open{out.Len(), keys})
		}
	}
	// collapse spaces
	text := out.String()
	if strings.Contains(text, "  ") || strings.HasPrefix(text, " ") || strings.HasSuffix(text, " ") {
		// keep offsets simple: only trim the end
		text = strings.TrimRight(text, " ")
	}
	return text, tags
}

// zld reads all entries of a zLD module.
func zld(path string) ([][2]string, error) {
	idx, err := os.ReadFile(path + ".idx")
	if err != nil {
		return nil, err
	}
	dat, err := os.ReadFile(path + ".dat")
	if err != nil {
		return nil, err
	}
	zdx, err := os.ReadFile(path + ".zdx")
	if err != nil {
		return nil, err
	}
	zdt, err := os.ReadFile(path + ".zdt")
	if err != nil {
		return nil, err
	}
	blocks := map[uint32][]byte{}
	var out [][2]string
	le := binary.LittleEndian
	for i := 0; i+8 <= len(idx); i += 8 {
		off, size := le.Uint32(idx[i:]), le.Uint32(idx[i+4:])
		if int(off+size) > len(dat) {
			continue
		}
		rec := dat[off : off+size]
		k := bytes.IndexByte(rec, '\n')
		if k < 0 || len(rec) < k+9 {
			continue
		}
		key := strings.TrimRight(string(rec[:k]), "\r")
		blk, ent := le.Uint32(rec[k+1:]), le.Uint32(rec[k+5:])
		b, ok := blocks[blk]
		if !ok {
			zo, zs := le.Uint32(zdx[blk*8:]), le.Uint32(zdx[blk*8+4:])
			r, err := zlib.NewReader(bytes.NewReader(zdt[zo : zo+zs]))
			if err != nil {
				return nil, err
			}
			b, err = io.ReadAll(r)
			if err != nil {
				return nil, err
			}
			blocks[blk] = b
		}
		eo, es := le.Uint32(b[4+ent*8:]), le.Uint32(b[8+ent*8:])
		if eo == 0 || int(eo+es) > len(b) {
			continue
		}
		text := strings.TrimRight(string(b[eo:eo+es]), "\x00")
		out = append(out, [2]string{key, text})
	}
	return out, nil
}

var tagRe = regexp.MustCompile(`<[^>]*>`)
var refRe = regexp.MustCompile(`osisRef="([^"]+)"`)

func (s *Source) Lexicon(ctx context.Context) iter.Seq2[index.LexEntry, error] {
	return func(yield func(index.LexEntry, error) bool) {
		for _, m := range []struct{ p, pre string }{{"modules/lexdict/zld/strongsgreek/dict", "G"}, {"modules/lexdict/zld/strongshebrew/dict", "H"}} {
			ents, err := zld(filepath.Join(Root, m.p))
			if err != nil {
				yield(index.LexEntry{}, err)
				return
			}
			for _, e := range ents {
				n, err := strconv.Atoi(strings.TrimSpace(e[0]))
				if err != nil {
					continue
				}
				text := strings.Join(strings.Fields(tagRe.ReplaceAllString(e[1], " ")), " ")
				if !yield(index.LexEntry{Key: m.pre + strconv.Itoa(n), Text: text}, nil) {
					return
				}
			}
		}
	}
}

// NaveEntries returns the raw entries of Nave's (name, TEI text).
func NaveEntries() ([][2]string, error) {
	return zld(filepath.Join(Root, "modules/lexdict/zld/nave/nave"))
}

func (s *Source) Topics(ctx context.Context) iter.Seq2[index.Topic, error] {
	return func(yield func(index.Topic, error) bool) {
		ents, err := NaveEntries()
		if err != nil {
			yield(index.Topic{}, err)
			return
		}
		for _, e := range ents {
			var refs []string
			for _, m := range refRe.FindAllStringSubmatch(e[1], -1) {
				refs = append(refs, m[1])
			}
			if !yield(index.Topic{Name: e[0], Refs: refs}, nil) {
				return
			}
		}
	}
}

// Index builds or loads the dev index in dir.
func Index(ctx context.Context, dir string) (*index.Index, error) {
	return index.Load(ctx, dir, New(dir), index.LoadOptions{})
}
