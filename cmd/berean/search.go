package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"berean"
	"berean/index"
	"berean/library"
	"berean/query"
	"berean/ref"
	"berean/search"
	"berean/sword"
)

// searchOptions are the flags of `berean search`.
type searchOptions struct {
	bibles []string
	n      int
	offset int
	order  string
	exact  bool
	kwic   bool
	width  int
	stats  bool
	color  string
}

func newSearchCmd(a *app) *cobra.Command {
	o := &searchOptions{}
	cmd := &cobra.Command{
		Use:   "search QUERY...",
		Short: "Concordance search: words, \"phrases\", OR, -word, prefix*, strong:G1793, in:Heb",
		Long: `Search the installed Bibles through the persisted index (built on first use,
rebuilt when a module changes).

Query language:
  word word        both words (stemmed; archaic forms fold: lives finds liveth)
  "a phrase"       consecutive words (not stemmed; archaic forms still fold)
  a OR b           either
  -word            exclude verses with word
  interc*          words starting with interc
  strong:G1793     words tagged with a Strong's number; the bare G1793/H6293 too
  in:Heb in:NT     restrict to a book, a range (in:Rom-Heb, in:Heb.7), OT or NT

Results are in Bible order (a concordance); --order relevance ranks them by BM25.
The total counts every match even when -n shows fewer. A commentary named with -b
is searched comment by comment: each result names the commentary and the verses
its comment covers ("MHCC on Matthew 28:16-20"), with the words around the match.`,
		Example: `  berean search intercession
  berean search '"make intercession"' --bible KJV,WEB
  berean search strong:G1793 --kwic
  berean search -b MHCC '"great commission"'
  berean search 'intercession in:NT' --order relevance -n 5 --json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			return runSearch(c.Context(), a, o, strings.Join(args, " "))
		},
	}
	f := cmd.Flags()
	f.StringSliceVarP(&o.bibles, "bible", "b", nil, "Bibles or commentaries (MHCC) to search, comma-separated, or \"all\" Bibles (default KJV)")
	f.IntVarP(&o.n, "n", "n", 20, "number of results to show (the total counts all; 0: count only; -1: all)")
	f.IntVar(&o.offset, "offset", 0, "skip that many results first")
	f.StringVar(&o.order, "order", "bible", "bible (concordance order) or relevance (BM25)")
	f.BoolVar(&o.exact, "exact", false, "no stemming and no archaic folding: words match as written (case and accents still fold)")
	f.BoolVar(&o.kwic, "kwic", false, "keyword-in-context lines instead of whole verses")
	f.IntVar(&o.width, "width", 30, "characters of context on each side with --kwic")
	f.BoolVar(&o.stats, "stats", false, "hits per book")
	f.StringVar(&o.color, "color", "auto", "highlight matches: auto (terminal and no NO_COLOR), always or never")
	return cmd
}

func runSearch(ctx context.Context, a *app, o *searchOptions, text string) error {
	order, err := search.ParseOrder(o.order)
	if err != nil {
		return berean.NewError(berean.CodeBadQuery, "%v", err) // the codes of berean.Engine.Search
	}
	q, err := query.Parse(text)
	if err != nil {
		return berean.NewError(berean.CodeBadQuery, "search: %v", err)
	}
	s, err := a.searcher(ctx)
	if err != nil {
		return err
	}
	opts := search.Options{Bibles: o.bibles, N: o.n, Offset: o.offset, Order: order, Exact: o.exact, Stats: o.stats,
		CountOnly: o.n == 0}
	if o.kwic {
		opts.KWIC = o.width
	}
	res, err := s.Search(ctx, q, opts)
	if errors.Is(err, index.ErrCorrupt) {
		// A damaged block was found (and the file removed): build the index
		// anew and search once more.
		fmt.Fprintf(a.stderr, "berean: %v; rebuilding the index\n", err)
		if s, err = a.searcher(ctx); err == nil {
			res, err = s.Search(ctx, q, opts)
		}
	}
	if err != nil {
		return berean.UserError(fmt.Errorf("search: %w", err)) // unknown_module, bad_query
	}
	res.Query = text
	if a.jsonOut {
		return a.printJSON(res)
	}
	color := o.color == "always" || (o.color == "auto" && isTerminal(a.stdout) && os.Getenv("NO_COLOR") == "")
	renderSearch(a.stdout, res, o.kwic, o.stats, color, a.hitNamer(s.Index()))
	return nil
}

// searcher opens the index. The fast path reads only the module confs (for
// the fingerprint) and maps the index file; when the index is missing,
// stale or damaged the modules are opened and it is built, with a progress
// bar on a terminal.
func (a *app) searcher(ctx context.Context) (*search.Searcher, error) {
	cacheDir := a.cacheDir
	if cacheDir == "" {
		cacheDir = berean.DefaultCacheDir()
	}
	if a.eng == nil {
		if lib, err := sword.OpenLibrary(sword.DefaultRoots(a.swordPaths)); err == nil {
			if s, err := library.OpenCurrent(lib, cacheDir); err == nil {
				return s, nil
			}
		}
	}
	eng, err := a.engine()
	if err != nil {
		return nil, err
	}
	return eng.Searcher(ctx, a.buildProgress())
}

const (
	hlOn  = "\x1b[1;31m"
	hlOff = "\x1b[0m"
)

func renderSearch(w io.Writer, res *search.Result, kwic, stats, color bool, humanRef func(search.Hit) string) {
	multi := len(res.Bibles) > 1
	if kwic {
		width := 0
		for _, h := range res.Results {
			for _, k := range h.KWIC {
				width = max(width, len([]rune(k.Left)))
			}
		}
		for _, h := range res.Results {
			ref := humanRef(h)
			if multi && h.Kind == "" {
				ref += " (" + h.Bible + ")"
			}
			for _, k := range h.KWIC {
				m := k.Match
				if color {
					m = hlOn + m + hlOff
				}
				fmt.Fprintf(w, "%-22s %*s%s%s\n", ref, width, k.Left, m, k.Right)
			}
		}
	} else {
		for _, h := range res.Results {
			ref := humanRef(h)
			if multi && h.Kind == "" {
				ref += " (" + h.Bible + ")"
			}
			fmt.Fprintf(w, "%s %s\n", ref, highlight(h.Text, h.Spans, color))
		}
	}
	if stats {
		fmt.Fprintln(w)
		for _, s := range res.Stats {
			name := s.Name
			if multi {
				name += " (" + s.Bible + ")"
			}
			fmt.Fprintf(w, "%-28s %6d\n", name, s.Count)
		}
	}
	shown := len(res.Results)
	switch {
	case res.Total == 0:
		fmt.Fprintf(w, "no verses match %s\n", res.Query)
	case shown == 0:
		fmt.Fprintf(w, "%s\n", plural(res.Total, "verse"))
	case shown < res.Total:
		fmt.Fprintf(w, "%d of %s (-n to show more)\n", shown, plural(res.Total, "verse"))
	default:
		fmt.Fprintf(w, "%s\n", plural(res.Total, "verse"))
	}
}

// humanRef is "Hebrews 7:25" (Psalm 23:1 for one psalm); a comment's hit is
// "MHCC on Matthew 28:16-20", the commentary and the verses it covers.
func humanRef(h search.Hit) string {
	if h.Kind == "commentary" {
		r := ref.Range{Start: ref.Ref{Book: h.Book, Chapter: h.Chapter, Verse: h.Verse},
			End: ref.Ref{Book: h.Book, Chapter: h.LastChapter, Verse: h.LastVerse}}
		return h.Bible + " on " + r.String()
	}
	return ref.Ref{Book: h.Book, Chapter: h.Chapter, Verse: h.Verse}.String()
}

// highlight wraps the byte spans of text in bold red, or brackets nothing
// when color is off (plain text stays copyable).
func highlight(text string, spans []search.Span, color bool) string {
	if !color || len(spans) == 0 {
		return text
	}
	var b strings.Builder
	last := 0
	for _, s := range spans {
		if s.Start < last || s.End > len(text) {
			continue
		}
		b.WriteString(text[last:s.Start])
		b.WriteString(hlOn)
		b.WriteString(text[s.Start:s.End])
		b.WriteString(hlOff)
		last = s.End
	}
	b.WriteString(text[last:])
	return b.String()
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
