package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"berean"
	"berean/ask"
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
	f.BoolVar(&o.explain, "explain", false, "print the evidence of each answer in full: every feature with its value and weight, and what gave it (in JSON: evidence)")
	return cmd
}

func runAsk(ctx context.Context, a *app, o *askOptions, question string) error {
	if o.n <= 0 {
		return berean.NewError(berean.CodeBadParameter, "ask: -n must be at least 1, not %d", o.n)
	}
	collectLate()
	go ask.Warm() // while the index loads
	eng, err := a.indexedEngine(ctx)
	if err != nil {
		return err
	}
	res, err := eng.Ask(ctx, berean.AskRequest{Question: question, Options: ask.Options{Bible: o.bible, N: o.n, Explain: o.explain}})
	if err != nil {
		return err
	}
	if a.jsonOut {
		return a.printJSON(res)
	}
	renderAsk(a.stdout, res, o.why, o.explain, a.refNamer(eng.BibleLang(res.Bible)))
	return nil
}

func renderAsk(w io.Writer, res *ask.Result, why, explain bool, human func(string) string) {
	var b strings.Builder
	if res.Note != "" {
		fmt.Fprintf(&b, "note: %s\n", res.Note)
	}
	if len(res.Results) == 0 {
		fmt.Fprintf(&b, "no verses answer %q\n", res.Question)
	}
	for i, h := range res.Results {
		fmt.Fprintf(&b, "%2d. %s %s\n", i+1, human(h.OSIS), h.Text)
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
