package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
)

type refsOptions struct {
	osis     bool
	lang     string
	eachLine bool
}

func newRefsCmd(a *app) *cobra.Command {
	o := &refsOptions{}
	cmd := &cobra.Command{
		Use:   "refs [TEXT...]",
		Short: "Find the Bible references in text (or stdin)",
		Long: `Find the Bible references in TEXT, or in standard input when no TEXT is given,
and print one per line as OSIS<TAB>as written. References to chapters or verses
that do not exist are printed with an error instead of the OSIS.

--osis prints one line: every reference in the text as one comma-joined OSIS
string (the meaning of Bible-Passage-Reference-Parser's osis() with its default
options). With --each-line it reads standard input and prints that string for
each input line (an empty line where there is none).

Book names are English unless --lang CODE adds a language's names from
libsword's locale files (refs --lang es "véase Juan 3:16" finds John.3.16).`,
		Example: `  berean refs "as Hebrews 7:25 and Rom 8:34 say"
  berean refs --osis "Heb 7:23, 25; Jn 17"
  printf 'Jn 3:16\nGen 1-2\n' | berean refs --osis --each-line`,
		RunE: func(c *cobra.Command, args []string) error {
			eng, err := a.engine()
			if err != nil {
				return err
			}
			if o.eachLine {
				if !o.osis {
					return usagef("--each-line goes with --osis")
				}
				if len(args) > 0 {
					return usagef("--each-line reads standard input; give no TEXT arguments")
				}
				r := bufio.NewReaderSize(a.stdin, 1<<16)
				w := bufio.NewWriter(a.stdout)
				defer w.Flush()
				for {
					line, err := r.ReadString('\n')
					if line != "" {
						line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
						fmt.Fprintln(w, eng.RefsOSISIn(line, o.lang))
					}
					if err == io.EOF {
						return nil
					}
					if err != nil {
						return fmt.Errorf("reading standard input: %w", err)
					}
				}
			}
			text := strings.Join(args, " ")
			if len(args) == 0 {
				b, err := io.ReadAll(io.LimitReader(a.stdin, 16<<20))
				if err != nil {
					return fmt.Errorf("reading standard input: %w", err)
				}
				text = string(b)
			}
			if o.osis {
				osis := eng.RefsOSISIn(text, o.lang)
				if a.jsonOut {
					return a.printJSON(map[string]string{"osis": osis})
				}
				fmt.Fprintln(a.stdout, osis)
				return nil
			}
			res := eng.RefsIn(text, o.lang)
			if a.jsonOut {
				return a.printJSON(res)
			}
			w := bufio.NewWriter(a.stdout)
			defer w.Flush()
			for _, m := range res.Refs {
				if m.Error != "" {
					fmt.Fprintf(w, "!%s\t%s\n", m.Error, m.Text)
					continue
				}
				fmt.Fprintf(w, "%s\t%s\n", m.OSIS, m.Text)
			}
			return nil
		},
		Annotations: quick,
	}
	cmd.Flags().BoolVar(&o.osis, "osis", false, "print all references as one comma-joined OSIS string")
	cmd.Flags().StringVar(&o.lang, "lang", "", "also read the book names of this language (es, de, fr ...; default English only)")
	cmd.Flags().BoolVar(&o.eachLine, "each-line", false, "with --osis: one OSIS line per input line of stdin")
	return cmd
}
