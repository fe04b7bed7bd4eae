package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"berean/ask"
	"berean/canon"
	"berean/xref"
)

type askOptions struct {
	bible   string
	n       int
	why     bool
	explain bool
}

func newAskCmd(a *app) *cobra.Command {
	o := &askOptions{}
	cmd := &cobra.Command{
		Use:   "ask QUESTION...",
		Short: "Answer a question in plain English with the verses that answer it, best first",
		Long: `Answer "where does the Bible say ...?" questions. The question's frame ("where does
the Bible say", "which verse says", "verses about") is dropped; its words are
searched in every installed Bible (a verse scores by its best translation plus
agreement), bridged to other wordings through Strong's numbers (the original
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
	f.StringVarP(&o.bible, "bible", "b", "", "Bible the answers are quoted in (default KJV); all installed Bibles are searched")
	f.IntVarP(&o.n, "n", "n", 10, "number of answers")
	f.BoolVar(&o.why, "why", true, "print why each answer matched")
	f.BoolVar(&o.explain, "explain", false, "print the evidence of each answer in full: every feature with its value and weight, and what gave it (in JSON: evidence)")
	return cmd
}

// asker opens the index and wraps it for ask (and study).
func (a *app) asker(ctx context.Context) (*ask.Asker, error) {
	s, err := a.searcher(ctx)
	if err != nil {
		return nil, err
	}
	return ask.New(s.Index()), nil
}

func runAsk(ctx context.Context, a *app, o *askOptions, question string) error {
	if o.n <= 0 {
		return usagef("ask: -n must be at least 1")
	}
	as, err := a.asker(ctx)
	if err != nil {
		return err
	}
	res, err := as.Ask(ctx, question, ask.Options{Bible: o.bible, N: o.n, Explain: o.explain})
	if err != nil {
		if errors.Is(err, ask.ErrUnknownBible) || errors.Is(err, ask.ErrEmpty) {
			return usagef("%v", err)
		}
		return err
	}
	if a.jsonOut {
		return a.printJSON(res)
	}
	renderAsk(a.stdout, res, o.why, o.explain)
	return nil
}

func renderAsk(w io.Writer, res *ask.Result, why, explain bool) {
	var b strings.Builder
	if len(res.Results) == 0 {
		fmt.Fprintf(&b, "no verses answer %q\n", res.Question)
	}
	for i, h := range res.Results {
		fmt.Fprintf(&b, "%2d. %s %s\n", i+1, humanOSIS(h.OSIS), h.Text)
		if why && len(h.Why) > 0 {
			fmt.Fprintf(&b, "    why: %s\n", strings.Join(h.Why, "; "))
		}
		if explain && len(h.Evidence) > 0 {
			for _, l := range strings.Split(strings.TrimRight(ask.Explain(h.Evidence), "\n"), "\n") {
				fmt.Fprintf(&b, "      %s\n", l)
			}
		}
	}
	io.WriteString(w, b.String())
}

// humanOSIS turns "Heb.7.23-Heb.7.25" into "Hebrews 7:23-25".
func humanOSIS(osis string) string {
	s, e, _ := strings.Cut(osis, "-")
	pb, pc, pv := splitOSIS(s)
	out := canon.HumanChapterName(pb) + " " + pc
	if pv != "" {
		out += ":" + pv
	}
	if e == "" {
		return out
	}
	eb, ec, ev := splitOSIS(e)
	switch {
	case eb != pb:
		return out + " - " + humanOSIS(e)
	case ec != pc:
		out += "-" + ec
		if ev != "" {
			out += ":" + ev
		}
	default:
		out += "-" + ev
	}
	return out
}

func splitOSIS(s string) (book, ch, v string) {
	p := strings.SplitN(s, ".", 3)
	book = p[0]
	if len(p) > 1 {
		ch = p[1]
	}
	if len(p) > 2 {
		v = p[2]
	}
	return
}

// finder opens the index and wraps it for xref (and study).
func (a *app) finder(ctx context.Context) (*xref.Finder, error) {
	s, err := a.searcher(ctx)
	if err != nil {
		return nil, err
	}
	return xref.New(s.Index()), nil
}
