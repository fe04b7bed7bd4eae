package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"berean/ref"
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
		Short: "Related passages: quotations between the testaments, parallels, shared topics",
		Long: `List the passages related to a reference, computed from the installed modules:

  quotation  the New Testament quoting the Old (or the Old quoted by the New):
             shared runs of words (KJV, WEB) between the testaments
  parallel   shared runs of words or Strong's numbers within a testament
             (the Gospels, Kings and Chronicles)
  topic      verses cited together under Nave's topics

Each link has a score from 0 to 1.`,
		Example: `  berean xref Ps.110.4
  berean xref "2 Kings 19:1" --kind parallel
  berean xref "Heb 7:25" -n 5 --json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			ref := strings.Join(args, " ")
			f, err := a.finder(c.Context())
			if err != nil {
				return err
			}
			res, err := f.Related(c.Context(), ref, xref.Options{N: o.n, Bible: o.bible, Kinds: o.kinds})
			if err != nil {
				if errors.Is(err, xref.ErrUnknownBible) {
					return usagef("%v", err)
				}
				return usagef("xref: %v", err)
			}
			if a.jsonOut {
				return a.printJSON(res)
			}
			renderXref(a.stdout, res)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.bible, "bible", "b", "", "Bible the passages are quoted in (default KJV)")
	f.IntVarP(&o.n, "n", "n", 20, "number of related passages")
	f.StringSliceVar(&o.kinds, "kind", nil, "only these kinds: quotation, parallel, topic")
	return cmd
}

func renderXref(w io.Writer, res *xref.Result) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", ref.HumanOSIS(res.OSIS))
	if len(res.Related) == 0 {
		b.WriteString("  no related passages found\n")
	}
	for _, l := range res.Related {
		fmt.Fprintf(&b, "  %-18s %-9s %.2f  %s\n", ref.HumanOSIS(l.OSIS), l.Kind, l.Score, l.Text)
	}
	io.WriteString(w, b.String())
}
