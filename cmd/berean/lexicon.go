package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

func newLexiconCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:     "lexicon KEY",
		Aliases: []string{"strongs"},
		Short:   "Show a Strong's Greek or Hebrew entry (G1793, H6293) with the verses that use it",
		Example: `  berean lexicon G1793
  berean lexicon H6293 --json`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			eng, err := a.engine()
			if err != nil {
				return err
			}
			res, err := eng.Lexicon(c.Context(), args[0])
			if err != nil {
				return err
			}
			if a.jsonOut {
				return a.printJSON(res)
			}
			var b strings.Builder
			fmt.Fprintf(&b, "%s  %s", res.Key, res.Lemma)
			if res.Translit != "" {
				fmt.Fprintf(&b, "  %s", res.Translit)
			}
			if res.Pron != "" {
				fmt.Fprintf(&b, "  (%s)", res.Pron)
			}
			fmt.Fprintf(&b, "\n\n%s\n", strings.TrimSpace(res.Definition))
			if len(res.SeeAlso) > 0 {
				fmt.Fprintf(&b, "\nSee also: %s\n", strings.Join(res.SeeAlso, ", "))
			}
			if res.Bible != "" {
				fmt.Fprintf(&b, "\n%s in the %s (berean search strong:%s)\n", plural(res.Verses, "verse"), res.Bible, res.Key)
			}
			fmt.Fprint(a.stdout, b.String())
			return nil
		},
	}
}
