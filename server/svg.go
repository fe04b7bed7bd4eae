package server

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"berean/canon"
	"berean/search"
	"berean/study"
)

// Pictures rendered by the server as SVG (no JavaScript): where a search's
// hits fall across the canon, and where a study's passages lie between
// Genesis and Revelation. Geometry is computed here; the templates only print
// it. Every picture has a text equivalent (a table or the list beside it).

// barChart is hits per book, one bar per book in canonical order.
type barChart struct {
	Width, Height, Base int
	Bars                []bar
	Labels              []axisLabel
	Split               int // x of the OT/NT boundary
	Max                 int
	Summary             string
	Rows                []search.BookCount // non-zero books, for the table
}

type bar struct {
	X, Y, W, H int
	Name       string
	Count      int
	URL        string
}

type axisLabel struct {
	X    int
	Text string
}

const (
	chartBarW  = 10
	chartLeft  = 30
	chartTop   = 10
	chartPlotH = 120
)

func newBarChart(stats []search.BookCount, q string, bibles []string) *barChart {
	if len(stats) == 0 {
		return nil
	}
	counts := map[string]int{}
	for _, s := range stats {
		counts[s.Book] += s.Count
	}
	var books []string
	for _, b := range canon.KJV().Books() {
		books = append(books, b.OSIS)
	}
	for b := range counts {
		if !slices.Contains(books, b) {
			books = append(books, b)
		}
	}
	slices.SortStableFunc(books, func(a, b string) int { return canon.BookOrder(a) - canon.BookOrder(b) })
	c := &barChart{Height: chartTop + chartPlotH + 34, Base: chartTop + chartPlotH}
	for _, n := range counts {
		c.Max = max(c.Max, n)
	}
	if c.Max == 0 {
		return nil
	}
	scope := ""
	if len(bibles) > 0 {
		scope = "&bible=" + url.QueryEscape(strings.Join(bibles, ","))
	}
	labelAt := map[string]bool{"Gen": true, "Josh": true, "Ps": true, "Isa": true, "Matt": true, "Rom": true, "Heb": true, "Rev": true}
	for i, b := range books {
		x := chartLeft + i*chartBarW
		n := counts[b]
		h := 0
		if n > 0 {
			h = max(2, n*chartPlotH/c.Max)
		}
		c.Bars = append(c.Bars, bar{X: x + 1, Y: c.Base - h, W: chartBarW - 2, H: h, Name: canon.HumanName(b), Count: n,
			URL: "/search?q=" + url.QueryEscape(q+" in:"+b) + scope})
		if labelAt[b] {
			c.Labels = append(c.Labels, axisLabel{X: x, Text: b})
		}
		if b == "Matt" {
			c.Split = x
		}
	}
	c.Width = chartLeft + len(books)*chartBarW + 10
	var top []search.BookCount
	for _, b := range books {
		if counts[b] > 0 {
			c.Rows = append(c.Rows, search.BookCount{Book: b, Name: canon.HumanName(b), Count: counts[b]})
		}
	}
	top = slices.Clone(c.Rows)
	slices.SortStableFunc(top, func(a, b search.BookCount) int { return b.Count - a.Count })
	var parts []string
	for i, t := range top {
		if i == 5 {
			break
		}
		parts = append(parts, fmt.Sprintf("%s %d", t.Name, t.Count))
	}
	c.Summary = fmt.Sprintf("Hits in %d books; most in %s.", len(c.Rows), strings.Join(parts, ", "))
	return c
}

// strip is the canon from Genesis to Revelation with a study's passages on it.
type strip struct {
	Width, Height int
	Split         int
	Books         []int // x of each book start, for faint ticks
	Marks         []stripMark
	Summary       string
}

type stripMark struct {
	X, W  int
	Class string
	Label string
	URL   string
}

const stripW = 1000

func newStrip(st *study.Study) *strip {
	if st == nil {
		return nil
	}
	kjv := canon.KJV()
	total := kjv.VerseCount()
	if total == 0 {
		return nil
	}
	xOf := func(ord int) int { return ord * stripW / total }
	s := &strip{Width: stripW, Height: 56}
	for _, b := range kjv.Books() {
		if ord, ok := kjv.Ordinal(b.OSIS, 1, 1); ok {
			x := xOf(ord)
			s.Books = append(s.Books, x)
			if b.OSIS == "Matt" {
				s.Split = x
			}
		}
	}
	seen := map[string]bool{}
	ot, nt := 0, 0
	for _, sec := range st.Sections {
		class := "key"
		switch sec.Testament {
		case "OT":
			class = "ot"
		case "NT":
			class = "nt"
		}
		for _, p := range sec.Passages {
			if seen[p.OSIS] || p.End < p.Start {
				continue
			}
			seen[p.OSIS] = true
			x := xOf(p.Start)
			w := max(3, xOf(p.End+1)-x)
			s.Marks = append(s.Marks, stripMark{X: x, W: w, Class: class, Label: p.Ref, URL: "/read?ref=" + url.QueryEscape(p.OSIS)})
			if p.Start < total && canon.IsNT(bookOfOrd(kjv, p.Start)) {
				nt++
			} else {
				ot++
			}
		}
	}
	s.Summary = fmt.Sprintf("%d passages: %d in the Old Testament, %d in the New.", ot+nt, ot, nt)
	return s
}

func bookOfOrd(s *canon.System, ord int) string {
	b, _, _ := s.VerseAt(ord)
	return b
}
