package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"berean/ask"
	"berean/xref"
)

type askOptions struct {
	bible string
	n     int
	why   bool
}

func newAskCmd(a *app) *cobra.Command {
	o := &askOptions{}
	cmd := &cobra.Command{
		Use:   "ask QUESTION...",
		Short: "Answer a question in plain English with the verses that answer it, best first",
		Long: `Answer "where does the Bible say ...?" questions. The question's frame ("where does
the Bible say", "which verse says", "verses about") is dropped; its words are
searched in every installed Bible of the question's language (a verse scores by
its best translation plus agreement; a Spanish question is answered from the
Spanish Bibles, and -b picks the language of the Bible it names), bridged to other wordings through Strong's numbers (the original
words the translators rendered with them, and the lexicon definitions), the
other translations' wording, and Nave's topics named by the question. A
reference in the question reads that passage first. Each answer says why it
matched.`,
		Example: `  berean ask "Where does the Bible say Jesus lives to make intercession for us?"
  berean ask -n 3 which verse says we have an advocate with the Father
  berean ask --json "what does the Bible say about being anxious"`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			return runAsk(c.Context(), a, o, strings.Join(args, " "))
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.bible, "bible", "b", "", "Bible the answers are quoted in (default KJV); the installed Bibles of its language are searched")
	f.IntVarP(&o.n, "n", "n", 10, "number of answers")
	f.BoolVar(&o.why, "why", true, "print why each answer matched")
	return cmd
}

// asker opens the index and wraps it for ask (and study), over the
// Bibles of one language (cmd/berean/lang.go).
func (a *app) asker(ctx context.Context, lang string) (*ask.Asker, error) {
	s, err := a.searcher(ctx)
	if err != nil {
		return nil, err
	}
	return ask.New(s.Index().ForLang(lang)), nil
}

func runAsk(ctx context.Context, a *app, o *askOptions, question string) error {
	if o.n <= 0 {
		return usagef("ask: -n must be at least 1")
	}
	lang := a.questionLang(ctx, o.bible, question)
	var res *ask.Result
	err := a.withIndex(ctx, func() error {
		as, err := a.asker(ctx, lang)
		if err != nil {
			return err
		}
		res, err = as.Ask(ctx, question, ask.Options{Bible: o.bible, N: o.n})
		return err
	})
	if err != nil {
		if errors.Is(err, ask.ErrUnknownBible) || errors.Is(err, ask.ErrEmpty) {
			return usagef("%v", err)
		}
		return err
	}
	if a.jsonOut {
		return a.printJSON(res)
	}
	renderAsk(a.stdout, res, o.why, a.refNamer(lang))
	return nil
}

func renderAsk(w io.Writer, res *ask.Result, why bool, human func(string) string) {
	var b strings.Builder
	if len(res.Results) == 0 {
		fmt.Fprintf(&b, "no verses answer %q\n", res.Question)
	}
	for i, h := range res.Results {
		fmt.Fprintf(&b, "%2d. %s %s\n", i+1, human(h.OSIS), h.Text)
		if why && len(h.Why) > 0 {
			fmt.Fprintf(&b, "    why: %s\n", strings.Join(h.Why, "; "))
		}
	}
	io.WriteString(w, b.String())
}

// finder opens the index and wraps it for xref (and study), over the
// Bibles of one language.
func (a *app) finder(ctx context.Context, lang string) (*xref.Finder, error) {
	s, err := a.searcher(ctx)
	if err != nil {
		return nil, err
	}
	return xref.New(s.Index().ForLang(lang)), nil
}
