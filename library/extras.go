package library

// The optional sources of the index: WordNet (index.ThesaurusSource) and
// the installed commentaries (index.CommentaryTextSource).

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"iter"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"berean/index"
	"berean/ref"
	"berean/sword"
	"berean/wordnet"
)

// WordNetDir is the directory of the WordNet database: $WNSEARCHDIR (the
// variable WordNet's own tools read) or Debian's /usr/share/wordnet.
func WordNetDir() string {
	if d := os.Getenv("WNSEARCHDIR"); d != "" {
		return d
	}
	return "/usr/share/wordnet"
}

// Thesaurus yields every single-word WordNet lemma with its related
// words and its irregular inflections; nothing when WordNet is not
// installed.
func (s *corpusSource) Thesaurus(ctx context.Context) iter.Seq2[index.ThesaurusEntry, error] {
	return func(yield func(index.ThesaurusEntry, error) bool) {
		db, err := wordnet.Open(WordNetDir())
		if errors.Is(err, fs.ErrNotExist) {
			return
		}
		if err != nil {
			yield(index.ThesaurusEntry{}, err)
			return
		}
		for i, l := range db.Lemmas() {
			if i&1023 == 0 && ctx.Err() != nil {
				yield(index.ThesaurusEntry{}, ctx.Err())
				return
			}
			rs := db.Related(l)
			forms := db.Inflections(l)
			if len(rs) == 0 && len(forms) == 0 {
				continue
			}
			e := index.ThesaurusEntry{Word: l, Related: make([]index.ThesaurusWord, len(rs)), Forms: forms}
			for j, r := range rs {
				e.Related[j] = index.ThesaurusWord{Word: r.Word, Weight: r.Weight}
			}
			if !yield(e, nil) {
				return
			}
		}
	}
}

// commentaries are the library's commentary modules that are not locked.
func commentaries(lib *sword.Library) []*sword.ModuleInfo {
	var out []*sword.ModuleInfo
	for _, m := range lib.Modules() {
		if strings.EqualFold(m.Type, "commentary") && !m.Locked {
			out = append(out, m)
		}
	}
	return out
}

// Commentaries yields the comment of every verse of every installed
// commentary, as plain text. A module that fails to open or read is
// skipped with a log line: the field is an aid, not a requirement.
func (s *corpusSource) CommentaryTexts(ctx context.Context) iter.Seq2[index.CommentEntry, error] {
	return func(yield func(index.CommentEntry, error) bool) {
		rp := ref.NewParser(ref.Options{})
		memo := map[string][]string{}
		for _, mi := range commentaries(s.c.Library()) {
			m, err := sword.OpenVerse(mi)
			if err != nil {
				slog.Warn("commentary left out of the index", "module", mi.Name, "err", err)
				continue
			}
			sys := m.System()
			bad := 0
			var lastRaw []byte
			var lastBody string
			for o := range sys.VerseCount() {
				if o&1023 == 0 && ctx.Err() != nil {
					m.Close()
					yield(index.CommentEntry{}, ctx.Err())
					return
				}
				book, ch, v := sys.VerseAt(o)
				raw, err := m.Entry(book, ch, v)
				if err != nil {
					bad++
					continue
				}
				if len(raw) == 0 {
					continue
				}
				// Linked verses share one entry: strip it once, count
				// its citations once.
				body := lastBody
				var cites []string
				if !bytes.Equal(raw, lastRaw) {
					body = stripMarkup(raw)
					lastRaw, lastBody = raw, body
					cites = citations(rp, memo, raw)
				}
				if body == "" {
					continue
				}
				if !yield(index.CommentEntry{Book: book, Chapter: ch, Verse: v, Text: body, Cites: cites}, nil) {
					m.Close()
					return
				}
			}
			if bad > 0 {
				slog.Warn("commentary entries unreadable", "module", mi.Name, "entries", bad)
			}
			m.Close()
		}
	}
}

// citations returns the verses an entry's reference tags cite
// (osisRef="Rom.8.34", or the abbreviations some modules write there,
// "ro 8:34", read with package ref); chapters and books are left out.
func citations(rp *ref.Parser, memo map[string][]string, raw []byte) []string {
	var out []string
	const attr = `osisRef="`
	for i := 0; ; {
		j := bytes.Index(raw[i:], []byte(attr))
		if j < 0 {
			return out
		}
		i += j + len(attr)
		k := bytes.IndexByte(raw[i:], '"')
		if k < 0 {
			return out
		}
		val := string(raw[i : i+k])
		i += k
		vs, ok := memo[val]
		if !ok {
			if rs, err := rp.Parse(val); err == nil {
				for _, r := range rs {
					if r.Start.Verse > 0 {
						vs = append(vs, r.OSIS())
					}
				}
			}
			memo[val] = vs
		}
		out = append(out, vs...)
	}
}

// stripMarkup returns the words of a commentary entry: its tags dropped
// (the index only needs the words, not the layout markup.Plain renders,
// which costs a hundred times more on the long entries of a commentary)
// and the common entities decoded.
func stripMarkup(raw []byte) string {
	var b strings.Builder
	b.Grow(len(raw))
	in := false
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == '<':
			in = true
			b.WriteByte(' ')
		case c == '>':
			in = false
		case in:
		case c == '&':
			j := bytes.IndexByte(raw[i:min(len(raw), i+10)], ';')
			if j < 0 {
				b.WriteByte(c)
				continue
			}
			switch string(raw[i+1 : i+j]) {
			case "amp":
				b.WriteByte('&')
			case "quot":
				b.WriteByte('"')
			case "apos":
				b.WriteByte('\'')
			default:
				b.WriteByte(' ')
			}
			i += j
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// wordNetFiles are the WordNet files the index reads (THES).
func wordNetFiles() []string {
	var out []string
	for _, n := range []string{"index.noun", "index.verb", "index.adj", "index.adv", "data.noun", "data.verb", "data.adj", "data.adv", "cntlist.rev"} {
		out = append(out, filepath.Join(WordNetDir(), n))
	}
	return out
}
