package main

import (
	"errors"
	"io"
	"strings"

	"github.com/spf13/cobra"

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
there; neighbouring verses are grouped into ranges.`,
		Example: `  berean study "Jesus makes intercession for us"
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
			topic := strings.TrimSpace(strings.Join(args, " "))
			if topic == "" {
				return usagef("study: %v", study.ErrEmpty)
			}
			ctx := c.Context()
			lang := a.questionLang(ctx, o.bible, topic)
			var res *study.Study
			err := a.withIndex(ctx, func() error {
				as, err := a.asker(ctx, lang)
				if err != nil {
					return err
				}
				var topics study.Topics
				if eng, err := a.engine(); err == nil {
					topics = eng.Corpus()
				}
				st := study.New(as, nil, topics)
				if f, err := a.finder(ctx, lang); err == nil {
					st = study.New(as, f, topics)
				}
				res, err = st.Study(ctx, topic, study.Options{Bible: o.bible, NT: o.n})
				return err
			})
			if err != nil {
				if errors.Is(err, ask.ErrUnknownBible) || errors.Is(err, ask.ErrEmpty) {
					return usagef("%v", err)
				}
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
