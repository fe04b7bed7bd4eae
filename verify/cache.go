package verify

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"berean/internal/regfile"
)

// modelVersion changes whenever what NewModel computes changes.
const modelVersion = 5

// Fingerprinter is a Library that can name the state of its modules: the
// same fingerprint means the same verses and tags.
type Fingerprinter interface {
	Fingerprint() string
}

// modelFile is the persisted form of a Model.
type modelFile struct {
	Version     int
	Fingerprint string
	Bibles      []bibleFile
	Terms       []string
	DF          []uint32
	NDocs       int
	Syn         map[uint64]float32
	Post        [][]uint32
	Words       map[string]uint32
}

type bibleFile struct {
	Name, System string
	Text         []string
	Toks         [][]uint32
	NVerses      int
}

// CachedModel loads the model of lib saved in dir, or builds it with
// NewModel and saves it there (atomically, named by the fingerprint), so
// that a new process does not read every verse again. A library without a
// fingerprint, an unreadable or stale file, or an empty dir simply
// builds. A file that fails to save is not an error.
func CachedModel(ctx context.Context, lib Library, dir string) (*Model, error) {
	fp := ""
	if f, ok := lib.(Fingerprinter); ok {
		fp = f.Fingerprint()
	}
	if fp == "" || dir == "" {
		return NewModel(ctx, lib)
	}
	fp = fingerprintOf(fp)
	path := modelPath(dir, libLang(lib), fp)
	if m, err := loadModel(path, fp, lib); err == nil {
		return m, nil
	}
	m, err := NewModel(ctx, lib)
	if err != nil {
		return nil, err
	}
	_ = saveModel(m, path, fp)
	return m, nil
}

// fingerprintOf adds what else the model depends on: the model version
// (bumped when NewModel changes) and a sample of the word normalisation
// itself (so that a change in package analysis shows). Not the program's
// own identity: every build (the CLI, the server, each test binary) would
// then rebuild the model and delete the others', and a build under the race
// detector takes minutes.
func fingerprintOf(libFP string) string {
	h := sha256.New()
	fmt.Fprintf(h, "v%d\n%s\n", modelVersion, libFP)
	for _, w := range []string{"liveth", "intercession", "saith", "Righteousness", "thee", "boldly", "LORD’S"} {
		fmt.Fprintf(h, "%s=%s %v\n", w, termOf(w), isStopWord(w))
	}
	return hex.EncodeToString(h.Sum(nil))
}

func saveModel(m *Model, path, fp string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f := modelFile{Version: modelVersion, Fingerprint: fp, Terms: m.terms, DF: m.df, NDocs: m.ndocs, Syn: m.syn, Post: m.post, Words: m.words}
	for _, b := range m.bibles {
		f.Bibles = append(f.Bibles, bibleFile{Name: b.name, System: b.sys.Name, Text: b.text, Toks: b.toks, NVerses: b.nvers})
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".verify-model-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(encodeModel(&f)); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	// Older models (other modules, other builds) are dead weight.
	old, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "verify-model-*"))
	for _, o := range old {
		if o != path && sameLangModel(filepath.Base(o), m.Lang()) {
			os.Remove(o)
		}
	}
	return nil
}

func loadModel(path, fp string, lib Library) (*Model, error) {
	// Only a regular file: a FIFO in its place would block for ever.
	f0, fi, err := regfile.Open(path)
	if err != nil {
		return nil, err
	}
	data := make([]byte, fi.Size())
	_, err = io.ReadFull(f0, data)
	f0.Close()
	if err != nil {
		return nil, fmt.Errorf("verify: %s: %w", path, err)
	}
	f, err := decodeModel(data)
	if err != nil {
		return nil, fmt.Errorf("verify: %s: %w", path, err)
	}
	if f.Version != modelVersion || f.Fingerprint != fp {
		return nil, errors.New("verify: stale model file")
	}
	m := &Model{lang: libLang(lib), vocab: make(map[string]uint32, len(f.Terms)), terms: f.Terms, df: f.DF, ndocs: f.NDocs, syn: f.Syn, post: f.Post, words: f.Words}
	if len(f.DF) != len(f.Terms) || len(f.Post) != len(f.Terms) || m.syn == nil || m.words == nil {
		return nil, errors.New("verify: damaged model file")
	}
	for i, t := range f.Terms {
		m.vocab[t] = uint32(i)
	}
	for _, bf := range f.Bibles {
		sys := lib.System(bf.Name)
		if sys == nil || sys.Name != bf.System || len(bf.Text) != sys.VerseCount() || len(bf.Toks) != len(bf.Text) {
			return nil, errors.New("verify: model file does not fit the modules")
		}
		for _, ts := range bf.Toks {
			for _, t := range ts {
				if int(t) >= len(f.Terms) {
					return nil, errors.New("verify: damaged model file")
				}
			}
		}
		m.bibles = append(m.bibles, &bible{name: bf.Name, sys: sys, text: bf.Text, toks: bf.Toks, nvers: bf.NVerses})
	}
	if len(m.bibles) == 0 || len(m.bibles) > 255 {
		return nil, errors.New("verify: damaged model file")
	}
	for _, ps := range m.post {
		for _, p := range ps {
			bi, ord := unposting(p)
			if bi >= len(m.bibles) || ord >= len(m.bibles[bi].toks) {
				return nil, errors.New("verify: damaged model file")
			}
		}
	}
	m.finish()
	return m, nil
}
