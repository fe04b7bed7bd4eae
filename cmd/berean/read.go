package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"berean"
)

type readOptions struct {
	bibles       []string
	commentaries []string
	headings     bool
	lang         string
}

func newReadCmd(a *app) *cobra.Command {
	o := &readOptions{}
	cmd := &cobra.Command{
		Use:   "read REF...",
		Short: "Print passages: one verse per line, in one Bible or several side by side",
		Long: `Print the verses of one or more references, one verse per line:

  Hebrews 7:25 Wherefore he is able also to save them to the uttermost ...

Each argument may be a list ("Heb 7:23-25; Rom 8:34"). With several Bibles
(--bible KJV,WEB) each verse of the first is followed by what the others have
for it, aligned through the versification mappings (3 John 1:14 in the KJV is
3 John 1:14-15 in versifications that split it).

References are read and printed in the book names of the first Bible's language
(libsword's locale files: "Juan 3:16" for the Spanish RV1909), English names
being read too; --lang CODE picks another language.

With --commentary (-c, repeatable) the comments of a commentary covering
the passage follow it, each once, headed by the commentary and the verses it
covers: a comment on Matthew 28:16-20 is printed once for any of them.`,
		Example: `  berean read "Heb 7:23-25"
  berean read -b WEB "Sirach 1:1"
  berean read -b KJV,WEB "3 John 1:14" --json
  berean read -b RV1909 "Juan 3:16"          # Juan 3:16 Porque de tal manera amó Dios al mundo, ...
  berean read --lang es "1 Corintios 13:4"   # the KJV, with Spanish book names
  berean read -c MHCC "Matt 28:19"           # with Matthew Henry's comment on Matthew 28:16-20`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			eng, err := a.engine()
			if err != nil {
				return err
			}
			res, err := eng.ReadIn(c.Context(), args, o.bibles, o.lang)
			if err != nil {
				return err
			}
			if err := eng.AddComments(c.Context(), res, o.commentaries); err != nil {
				return err
			}
			if a.jsonOut {
				return a.printJSON(res)
			}
			renderRead(a.stdout, res, o.headings)
			return nil
		},
	}
	cmd.Flags().StringSliceVarP(&o.bibles, "bible", "b", nil, "Bible(s) by abbreviation or module name, comma-separated (default KJV)")
	cmd.Flags().StringSliceVarP(&o.commentaries, "commentary", "c", nil, "commentary by abbreviation or module name (MHCC, Scofield, TDavid); repeatable")
	cmd.Flags().BoolVar(&o.headings, "headings", false, "print section headings and psalm titles")
	cmd.Flags().StringVar(&o.lang, "lang", "", "language of the book names read and printed, as a code (es, de, fr ...; default: the Bible's language)")
	return cmd
}

func renderRead(w io.Writer, res *berean.ReadResult, headings bool) {
	var b strings.Builder
	for _, p := range res.Passages {
		for _, v := range p.Verses {
			if headings && v.Heading != "" {
				fmt.Fprintf(&b, "%s\n", v.Heading)
			}
			if len(res.Bibles) == 0 {
				fmt.Fprintf(&b, "%s %s\n", v.Reference, v.Text)
				continue
			}
			fmt.Fprintf(&b, "%s\n  %-5s %s\n", v.Reference, res.Bible, v.Text)
			for _, pt := range v.Parallel {
				fmt.Fprintf(&b, "  %-5s %s\n", pt.Bible, pt.Text)
			}
		}
		for _, c := range p.Comments {
			fmt.Fprintf(&b, "\n%s on %s:\n%s\n", c.Module, c.Reference, c.Text)
		}
	}
	io.WriteString(w, b.String())
}
