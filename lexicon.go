package berean

import (
	"context"
	"errors"
	"fmt"

	"berean/corpus"
	"berean/ref"
	"berean/sword"
)

// LexiconResult is a Strong's entry: `berean lexicon --json` and
// GET /api/lexicon/{key}.
type LexiconResult struct {
	Key        string   `json:"key"`
	Module     string   `json:"module"`
	Lemma      string   `json:"lemma"`
	Translit   string   `json:"translit,omitempty"`
	Pron       string   `json:"pron,omitempty"`
	Definition string   `json:"definition"`
	SeeAlso    []string `json:"see_also,omitempty"`
	Refs       []string `json:"refs,omitempty"`
	// Verses counts the verses tagged with the key in the default Bible
	// (KJV); Bible names it.
	Verses int    `json:"verses"`
	Bible  string `json:"bible,omitempty"`
}

// Lexicon looks up a Strong's number (G1793, H6293, 1793 is taken as Greek
// only with its letter).
func (e *Engine) Lexicon(ctx context.Context, key string) (*LexiconResult, error) {
	le, err := e.corpus.Lexicon(key)
	if err != nil {
		return nil, lookupErr(err)
	}
	res := &LexiconResult{Key: le.Key, Module: le.Module, Lemma: le.Lemma, Translit: le.Translit, Pron: le.Pron,
		Definition: le.Definition, SeeAlso: le.SeeAlso, Refs: osisList(le.Refs)}
	if n, bible, err := e.strongsCount(ctx, le.Key); err == nil {
		res.Verses, res.Bible = n, bible
	} else {
		e.log.Warn("counting Strong's verses", "key", le.Key, "err", err)
	}
	return res, nil
}

// TopicResult is a Nave's topic: `berean topic --json` and GET /api/topic/{name}.
type TopicResult struct {
	Topic      string   `json:"topic"`
	Module     string   `json:"module"`
	Definition string   `json:"definition"`
	Refs       []string `json:"refs"`
	SeeAlso    []string `json:"see_also,omitempty"`
	// From is the topic asked for when it only pointed to this one
	// (ANXIETY, whose entry is "See CARE", gives CARE from ANXIETY).
	From string `json:"from,omitempty"`
}

// Topic looks up a topic by name, case-insensitively. An entry that only
// points elsewhere (no passages, a "See" line) is followed, up to three
// steps, and the result names the topic asked for in From.
func (e *Engine) Topic(name string) (*TopicResult, error) {
	t, err := e.corpus.Topic(name)
	if err != nil {
		return nil, lookupErr(err)
	}
	from := ""
	seen := map[string]bool{t.Name: true}
	for hop := 0; hop < 3 && len(t.Refs) == 0 && len(t.SeeAlso) > 0 && !seen[t.SeeAlso[0]]; hop++ {
		next, err := e.corpus.Topic(t.SeeAlso[0])
		if err != nil {
			break
		}
		if from == "" {
			from = t.Name
		}
		seen[next.Name] = true
		t = next
	}
	return &TopicResult{Topic: t.Name, Module: t.Module, Definition: t.Definition, Refs: osisList(t.Refs), SeeAlso: t.SeeAlso, From: from}, nil
}

// lookupErr classifies a failed dictionary lookup: a missing key or topic is
// not_found; anything else is a fault, reported without a code.
func lookupErr(err error) error {
	if errors.Is(err, sword.ErrNotFound) || errors.Is(err, corpus.ErrNotFound) {
		return inputErr(CodeNotFound, err)
	}
	// Anything else is the modules' or the machine's fault (a damaged
	// lexicon, an unreadable file), not the user's: no code, a 5xx.
	return fmt.Errorf("looking up: %w", err)
}

func osisList(rs []ref.Range) []string {
	out := make([]string, 0, len(rs))
	for _, r := range rs {
		out = append(out, r.OSIS())
	}
	return out
}
