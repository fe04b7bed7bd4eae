package main

import (
	"berean/ref"
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
	notes        bool
}

func newReadCmd(a *app) *cobra.Command {
	o := &readOptions{}
	cmd := &cobra.Command{
		Use:   "read REF...",
		Short: "Print passages: one verse per line, in one Bible or several side by side",
		Long: `Print the verses of one or more references, one verse per line:

  Hebrews 7:25 Wherefore he is able also to save them to the uttermost ...

The arguments are joined and read as one text, so quotes are optional
(berean read John 3:16); it may be a list ("Heb 7:23-25; Rom 8:34"). With
several Bibles (--bible KJV,WEB, or --bible all for every installed Bible)
each verse of the first is followed by what the others have
for it, aligned through the versification mappings (3 John 1:14 in the KJV is
3 John 1:14-15 in versifications that split it). A Bible that lacks the
book (the KJV has no Sirach) shows an empty line. The module's footnotes and
cross-reference notes follow the passage, marked [a], [b] ... at the end of
their verse.

References are read and printed in the book names of the first Bible's language
(libsword's locale files: "Juan 3:16" for the Spanish RV1909), English names
being read too; --lang CODE picks another language.

With --commentary (-c, repeatable) the comments of a commentary covering
the passage follow it, each once, headed by the commentary and the verses it
covers: a comment on Matthew 28:16-20 is printed once for any of them.`,
		Example: `  berean read John 3:16
  berean read "Heb 7:23-25"
  berean read -b all "John 3:16"
  berean read -b WEB "Sirach 1:1"
  berean read -b KJV,WEB "3 John 1:14" --json
  berean read -b RV1909 "Juan 3:16"          # Juan 3:16 Porque de tal manera amó Dios al mundo, ...
  berean read --lang es "1 Corintios 13:4"   # the KJV, with Spanish book names
  berean read -c MHCC "Matt 28:19"           # with Matthew Henry's comment on Matthew 28:16-20`,
		Annotations: quick,
		Args:        cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			eng, err := a.engine()
			if err != nil {
				return err
			}
			res, err := eng.ReadIn(c.Context(), []string{strings.Join(args, " ")}, o.bibles, o.lang)
			if err != nil {
				return err
			}
			if err := eng.AddComments(c.Context(), res, o.commentaries); err != nil {
				return err
			}
			if a.jsonOut {
				return a.printJSON(res)
			}
			if !o.notes {
				for i := range res.Passages {
					res.Passages[i].Notes = nil
				}
			}
			renderRead(a.stdout, res, o.headings)
			return nil
		},
	}
	cmd.Flags().StringSliceVarP(&o.bibles, "bible", "b", nil, "Bible(s) by abbreviation or module name, comma-separated, or all (default KJV)")
	cmd.Flags().StringSliceVarP(&o.commentaries, "commentary", "c", nil, "commentary by abbreviation or module name (MHCC, Scofield, TDavid); repeatable")
	cmd.Flags().BoolVar(&o.headings, "headings", false, "print section headings and psalm titles")
	cmd.Flags().StringVar(&o.lang, "lang", "", "language of the book names read and printed, as a code (es, de, fr ...; default: the Bible's language)")
	cmd.Flags().BoolVar(&o.notes, "notes", true, "print the module's footnotes and cross-reference notes after the passage (--notes=false: the text alone)")
	return cmd
}

func renderRead(w io.Writer, res *berean.ReadResult, headings bool) {
	var b strings.Builder
	width := 5 // the Bible labels' column
	for _, n := range res.Bibles {
		width = max(width, len(n))
	}
	for _, p := range res.Passages {
		marks := map[string][]string{} // verse OSIS -> its markers
		for _, n := range p.Notes {
			marks[n.OSIS] = append(marks[n.OSIS], "["+n.Marker+"]")
		}
		for _, v := range p.Verses {
			if headings && v.Heading != "" {
				fmt.Fprintf(&b, "%s\n", v.Heading)
			}
			m := ""
			if len(marks[v.OSIS]) > 0 && len(res.Bibles) == 0 {
				m = " " + strings.Join(marks[v.OSIS], "")
			}
			if len(res.Bibles) == 0 {
				fmt.Fprintf(&b, "%s %s%s\n", v.Reference, v.Text, m)
				continue
			}
			fmt.Fprintf(&b, "%s\n  %-*s %s\n", v.Reference, width, res.Bible, v.Text)
			for _, pt := range v.Parallel {
				fmt.Fprintf(&b, "  %-*s %s\n", width, pt.Bible, pt.Text)
			}
		}
		for _, n := range p.Notes {
			who := ref.HumanOSIS(n.OSIS)
			if n.Bible != "" {
				who += " (" + n.Bible + ")"
			}
			fmt.Fprintf(&b, "  [%s] %s: %s\n", n.Marker, who, n.Text)
		}
		for _, c := range p.Comments {
			fmt.Fprintf(&b, "\n%s on %s:\n%s\n", c.Module, c.Reference, c.Text)
		}
	}
	io.WriteString(w, b.String())
}
