package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"berean/corpus"
)

func newTopicCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "topic NAME",
		Short: "Show a Nave's Topical Bible entry with its references resolved to OSIS",
		Example: `  berean topic intercession
  berean topic "JESUS, THE CHRIST" --json`,
		Annotations: quick,
		Args:        cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			eng, err := a.engine()
			if err != nil {
				return err
			}
			res, err := eng.Topic(strings.Join(args, " "))
			if err != nil {
				return err
			}
			if a.jsonOut {
				return a.printJSON(res)
			}
			var b strings.Builder
			if res.From != "" {
				fmt.Fprintf(&b, "%s: see %s\n\n", res.From, res.Topic)
			}
			fmt.Fprintf(&b, "%s\n\n%s\n", res.Topic, strings.TrimSpace(res.Definition))
			if len(res.Refs) > 0 {
				var human []string
				for _, o := range res.Refs {
					if r, err := corpus.ParseOSIS(o); err == nil {
						human = append(human, r.String())
					} else {
						human = append(human, o)
					}
				}
				fmt.Fprintf(&b, "\nReferences (%d): %s\n", len(res.Refs), strings.Join(human, "; "))
			}
			if len(res.SeeAlso) > 0 {
				fmt.Fprintf(&b, "See also: %s\n", strings.Join(res.SeeAlso, ", "))
			}
			fmt.Fprint(a.stdout, b.String())
			return nil
		},
	}
}
