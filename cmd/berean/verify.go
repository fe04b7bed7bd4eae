package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"berean"
	"berean/ref"
	"berean/verify"
)

// newVerifyCmd checks every Bible citation of an article.
func newVerifyCmd(a *app) *cobra.Command {
	var o struct{ lang string }
	cmd := &cobra.Command{
		Use:   "verify [FILE|-]",
		Short: "Check every Bible citation and quotation of an article (text, Markdown or HTML)",
		Long: `verify reads an article (a file, or stdin when FILE is - or missing), finds every
Bible reference in it and the quotation attached to it, and checks that the reference
exists and that the quotation says what the passage says in some installed Bible,
allowing for translation differences (ESV, NIV or NASB quotations match the KJV or WEB).

Verdicts: ok, paraphrase, unquoted (no quotation attached), and the problems
wrong_reference (the quotation is from elsewhere: suggested names where),
invalid_reference (no such chapter or verse) and quote_not_found (possibly invented).

The format (plain text, Markdown or HTML) is detected. Input is limited to 2 MiB;
binary input is refused. Exit status: 0 when every citation checks out, 1 when any
has a problem, 2 on bad input.`,
		Example: `  berean verify article.md
  berean verify - < draft.html
  berean verify --json draft.txt`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			in, name, err := readArticle(a, args)
			if err != nil {
				return err
			}
			eng, err := a.engine()
			if err != nil {
				return err
			}
			// The whole-Bible search for misplaced quotations goes through
			// the search index when it is built (the model's own index
			// otherwise: no index build for a verify run).
			rep, err := eng.Verify(c.Context(), berean.VerifyRequest{Article: in, Lang: o.lang})
			if err != nil {
				return inFile(name, err)
			}
			lang := o.lang
			if lang == "" {
				lang, _ = eng.LangFor("", string(in))
			}
			if a.jsonOut {
				if err := a.printJSON(rep); err != nil {
					return err
				}
			} else {
				printVerifyReport(a.stdout, *rep, in, verifyColor(a.stdout), a.refNamer(lang))
			}
			if rep.Summary.Problems > 0 {
				return errProblems
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&o.lang, "lang", "", "language of the article's book names (es, de ...; default: detected from its words)")
	return cmd
}

// inFile names the article in an error about it ("draft.txt: article too
// large"), keeping its code.
func inFile(name string, err error) error {
	if code, ok := berean.ErrorCode(err); ok {
		return &berean.Error{Code: code, Err: fmt.Errorf("%s: %w", name, err)}
	}
	return err
}

// readArticle reads FILE or stdin, at most verify.MaxInput+1 bytes (so
// that verify reports the limit).
func readArticle(a *app, args []string) ([]byte, string, error) {
	var r io.Reader = a.stdin
	name := "stdin"
	if len(args) == 1 && args[0] != "-" {
		f, err := os.Open(args[0])
		if err != nil {
			return nil, "", usagef("verify: %v", err)
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return nil, "", usagef("verify: %s is a directory", args[0])
		}
		r, name = f, args[0]
	}
	in, err := io.ReadAll(io.LimitReader(r, verify.MaxInput+1))
	if err != nil {
		return nil, "", usagef("verify: reading %s: %v", name, err)
	}
	return in, name, nil
}

// useColor: colour on a terminal, unless NO_COLOR is set (or TERM=dumb).
func verifyColor(w io.Writer) bool {
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
)

// printVerifyReport writes one block per citation: its line, reference,
// verdict and similarity; for problems the quotation, the cited passage
// and the suggestion; then a summary line.
func printVerifyReport(w io.Writer, rep verify.Report, in []byte, color bool, verifyHumanOSIS func(string) string) {
	paint := func(code, s string) string {
		if !color {
			return s
		}
		return code + s + ansiReset
	}
	lines := lineStarts(in)
	for _, c := range rep.Citations {
		vcol := ansiGreen
		switch {
		case c.Problem():
			vcol = ansiRed
		case c.Verdict == verify.Paraphrase:
			vcol = ansiYellow
		case c.Verdict == verify.Unquoted:
			vcol = ansiDim
		}
		head := fmt.Sprintf("line %d: %s", lineOf(lines, c.Start), paint(ansiBold, c.AsWritten))
		if c.OSIS != "" {
			head += " (" + c.OSIS + ")"
		}
		head += "  " + paint(vcol, c.Verdict)
		if c.Quote != "" && c.Verdict != verify.InvalidReference {
			head += fmt.Sprintf("  similarity %.2f", c.Similarity)
			if c.Bible != "" {
				head += " (" + c.Bible + ")"
			}
		}
		fmt.Fprintln(w, head)
		if !c.Problem() {
			if c.Message != "" && c.Verdict != verify.Unquoted {
				fmt.Fprintf(w, "    note:      %s\n", c.Message)
			}
			continue
		}
		if c.Quote != "" {
			fmt.Fprintf(w, "    quoted:    “%s”\n", clip(c.Quote, 300))
		}
		if c.Message != "" {
			fmt.Fprintf(w, "    why:       %s\n", c.Message)
		}
		if c.Passage != "" {
			fmt.Fprintf(w, "    %s says: %s\n", ref.HumanOSIS(c.OSIS), clip(c.Passage, 400))
		}
		if c.Suggested != "" {
			fmt.Fprintf(w, "    %s %s (similarity %.2f): %s\n", paint(ansiBold, "suggested:"), paint(ansiGreen, ref.HumanOSIS(c.Suggested)), c.SuggestedSimilarity, clip(c.SuggestedText, 400))
		}
	}
	v := rep.Summary.Verdicts
	var parts []string
	for _, k := range []string{verify.OK, verify.Paraphrase, verify.Unquoted, verify.WrongReference, verify.InvalidReference, verify.QuoteNotFound} {
		if v[k] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", v[k], k))
		}
	}
	sum := fmt.Sprintf("%s: %d without problems, %s", plural(len(rep.Citations), "citation"), rep.Summary.OK, plural(rep.Summary.Problems, "problem"))
	if len(parts) > 0 {
		sum += " (" + strings.Join(parts, ", ") + ")"
	}
	if rep.Summary.Problems > 0 {
		sum = paint(ansiRed, sum)
	} else {
		sum = paint(ansiGreen, sum)
	}
	fmt.Fprintln(w, sum)
}

// lineStarts lists the code point offset of each line's start.
func lineStarts(in []byte) []int {
	starts := []int{0}
	n := 0
	for _, r := range string(in) {
		n++
		if r == '\n' {
			starts = append(starts, n)
		}
	}
	return starts
}

func lineOf(starts []int, cp int) int {
	lo, hi := 0, len(starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if starts[mid] <= cp {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo + 1
}

func clip(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n]) + "…"
}
