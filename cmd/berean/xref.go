package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"berean"
	"berean/xref"
)

type xrefOptions struct {
	bible string
	n     int
	kinds []string
}

func newXrefCmd(a *app) *cobra.Command {
	o := &xrefOptions{}
	cmd := &cobra.Command{
		Use:   "xref REF",
		Short: "Related passages: quotations, parallels, allusions, cross-references, shared topics",
		Long: `List the passages related to a reference, strongest kind first, each with
its evidence:

  quotation        the New Testament reproduces the Old: a shared run of at
                   least 4 content words in some translation (KJV, WEB), or 3
                   after an introductory formula ("it is written", "that it
                   might be fulfilled", "saith"), with a distinctive word
  parallel         the same episode told twice (Gospels; Samuel-Kings and
                   Chronicles): shared runs in the verse and its neighbours
  allusion         distinctive words shared across the testaments, below the
                   quotation bar, where a cross-reference links the two
  cross-reference  the open cross-references, ranked by their votes
  topic            verses cited together under Nave's topics (last)

Each link has a score from 0 to 1 (the kinds occupy bands in that order;
votes and evidence order within a kind) and its evidence: the shared words,
the votes, the source.

` + xref.Attribution,
		Example: `  berean xref Ps.110.4
  berean xref "2 Kings 19:1" --kind parallel
  berean xref "Heb 7:25" -n 5 --json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			ctx := c.Context()
			eng, err := a.indexedEngine(ctx)
			if err != nil {
				return err
			}
			res, err := eng.Xref(ctx, berean.XrefRequest{Ref: strings.Join(args, " "), Options: xref.Options{N: o.n, Bible: o.bible, Kinds: o.kinds}})
			if err != nil {
				return err
			}
			if a.jsonOut {
				return a.printJSON(res)
			}
			renderXref(a.stdout, res, a.refNamer(eng.BibleLang(res.Bible)))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.bible, "bible", "b", "", "Bible the passages are quoted in (default KJV)")
	f.IntVarP(&o.n, "n", "n", 20, "number of related passages")
	f.StringSliceVar(&o.kinds, "kind", nil, "only these kinds: quotation, parallel, allusion, cross-reference, topic")
	return cmd
}

func renderXref(w io.Writer, res *xref.Result, humanOSIS func(string) string) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", humanOSIS(res.OSIS))
	if len(res.Related) == 0 {
		b.WriteString("  no related passages found\n")
	}
	votes := false
	for _, l := range res.Related {
		fmt.Fprintf(&b, "  %-18s %-15s %.2f  %s\n", humanOSIS(l.OSIS), l.Kind, l.Score, l.Text)
		if l.Why != "" {
			fmt.Fprintf(&b, "  %-18s %-15s       (%s)\n", "", "", l.Why)
		}
		votes = votes || l.Evidence.Votes > 0
	}
	if votes {
		fmt.Fprintf(&b, "\n%s\n", xref.Attribution)
	}
	io.WriteString(w, b.String())
}
