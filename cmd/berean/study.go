package main

import (
	"io"
	"strings"

	"github.com/spf13/cobra"

	"berean"
	"berean/ask"
	"berean/study"
)

type studyOptions struct {
	bible  string
	format string
	n      int
}

func newStudyCmd(a *app) *cobra.Command {
	o := &studyOptions{}
	cmd := &cobra.Command{
		Use:   "study TOPIC...",
		Short: "Write a topical study: Old Testament foundations, New Testament fulfilment, key verses",
		Long: `Write a topical study of a theme or question. Passages come from the same
retrieval as 'ask' (words, Strong's numbers, Nave's topics), plus the Old
Testament passages quoted around the key New Testament verses (and the other
way round). Each passage is quoted with a one-line note saying why it is
there; neighbouring verses are grouped into ranges. A topic that is a passage's
name ("the Sermon on the Mount") or a reference ("Psalm 23", in English or the
book names of an installed Bible's language) studies that passage, with the
passages its quotations and cross-references lead to.`,
		Example: `  berean study "Jesus makes intercession for us"
  berean study "Psalm 23"
  berean study --format json the high priest
  berean study -b WEB forgiveness`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			format := strings.ToLower(o.format)
			if a.jsonOut {
				format = "json"
			}
			if format != "md" && format != "markdown" && format != "json" {
				return usagef("study: --format must be md or json")
			}
			ctx := c.Context()
			go ask.Warm() // while the index loads
			eng, err := a.indexedEngine(ctx)
			if err != nil {
				return err
			}
			res, err := eng.Study(ctx, berean.StudyRequest{Topic: strings.TrimSpace(strings.Join(args, " ")), Options: study.Options{Bible: o.bible, NT: o.n}})
			if err != nil {
				return err
			}
			if format == "json" {
				return a.printJSON(res)
			}
			_, err = io.WriteString(a.stdout, res.Markdown())
			return err
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.bible, "bible", "b", "", "Bible the passages are quoted in (default KJV)")
	f.StringVar(&o.format, "format", "md", "md (Markdown) or json")
	f.IntVarP(&o.n, "n", "n", 0, "New Testament passages (default 14)")
	return cmd
}
