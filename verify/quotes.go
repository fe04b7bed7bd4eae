package verify

import (
	"strings"
	"unicode"
)

// quotation is a quoted passage of the stripped text.
type quotation struct {
	Open, Close int  // the opening mark and the closing mark (Close is one past the quotation's last code point)
	Start, End  int  // the quoted words, without the marks
	Block       bool // a block quotation
	paired      bool
}

func (q quotation) text(d *document) string { return string(d.text[q.Start:q.End]) }

// words counts the words of the quotation.
func (q quotation) words(d *document) int { return len(strings.Fields(q.text(d))) }

// maxSingleQuote bounds the search for a single quotation's closing mark,
// so the scan stays linear on text full of apostrophes.
const maxSingleQuote = 1000

func isOpenContext(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune("([{\u2014\u2013-/:;,\u201C\u2018\"'", r)
}

// findQuotations finds the quotations of the stripped text, outermost only:
// curly double quotes (“ ” „ « »), straight double quotes (opening after
// white space or opening punctuation, closing otherwise), and, outside
// double quotes, single quotes (‘ ’ and ') that open before a letter and
// close after a letter or punctuation before a non-letter (so apostrophes
// inside words never close a quotation). Quotations do not span blank
// lines; an unclosed quotation ends at its line's end. Quotes nested inside
// a quotation stay part of its text.
func findQuotations(d *document) []quotation {
	t := d.text
	var out []quotation
	n := len(t)
	for i := 0; i < n; i++ {
		r := t[i]
		var closers string
		switch r {
		case '\u201C', '\u201E', '\u201F':
			closers = "\u201D"
		case '\u00AB':
			closers = "\u00BB"
		case '"':
			if i > 0 && !isOpenContext(t[i-1]) {
				continue
			}
			closers = "\"\u201D"
		case '\u2018', '\'':
			if i > 0 && !isOpenContext(t[i-1]) {
				continue // apostrophe or closing
			}
			if i+1 >= n || !(unicode.IsLetter(t[i+1]) || t[i+1] == '.' || t[i+1] == '\u2026') {
				continue
			}
			closers = "\u2019'"
		default:
			continue
		}
		single := strings.ContainsRune(closers, '\u2019')
		end := -1
		lineEnd := -1
		limit := n
		if single {
			limit = min(n, i+1+maxSingleQuote)
		}
		for j := i + 1; j < limit; j++ {
			c := t[j]
			if c == '\n' {
				if lineEnd < 0 {
					lineEnd = j
				}
				if j+1 < n && t[j+1] == '\n' {
					break // blank line: paragraph ends
				}
				if single {
					break
				}
			}
			if c == '\u201C' && !single {
				break // another opening double quote: this one was unclosed
			}
			if strings.ContainsRune(closers, c) {
				if single {
					// a closing single quote: not an apostrophe inside a word,
					// and not "s'" ... when a letter follows.
					if j+1 < n && unicode.IsLetter(t[j+1]) {
						continue
					}
					if j > 0 && unicode.IsSpace(t[j-1]) {
						continue
					}
				}
				if c == '"' && j+1 < n && unicode.IsLetter(t[j+1]) && j > 0 && unicode.IsSpace(t[j-1]) {
					// a straight quote opening a new quotation: this one was unclosed
					break
				}
				end = j
				break
			}
		}
		if end < 0 {
			if lineEnd < 0 || single {
				continue
			}
			// Unclosed double quote: up to the end of its line.
			q := quotation{Open: i, Close: lineEnd, Start: i + 1, End: lineEnd}
			trimQuote(t, &q)
			if q.End > q.Start {
				out = append(out, q)
			}
			i = lineEnd
			continue
		}
		q := quotation{Open: i, Close: end + 1, Start: i + 1, End: end}
		trimQuote(t, &q)
		if nw := len(strings.Fields(string(t[q.Start:q.End]))); single && nw < 3 || nw < 2 {
			continue // a quoted word (“intercession”), or short single-quoted words: terms and scare quotes, not quotations
		}
		if q.End > q.Start {
			out = append(out, q)
		}
		i = end
	}
	// Block quotations not already made of one quotation.
	for _, b := range d.blocks {
		q := quotation{Open: b.Start, Close: b.End, Start: b.Start, End: b.End, Block: true}
		trimQuote(t, &q)
		if q.End <= q.Start {
			continue
		}
		out = append(out, q)
	}
	return out
}

func trimQuote(t []rune, q *quotation) {
	for q.Start < q.End && unicode.IsSpace(t[q.Start]) {
		q.Start++
	}
	for q.End > q.Start && unicode.IsSpace(t[q.End-1]) {
		q.End--
	}
}

// fragments splits a quotation at its ellipses ("...", ". . .", "…",
// "[...]"): the words between them are compared in order, and each gap
// may skip any number of the passage's words.
func fragments(s string) []string {
	s = strings.NewReplacer("[...]", "\u2026", "[\u2026]", "\u2026", ". . .", "\u2026", "...", "\u2026").Replace(s)
	var out []string
	for _, f := range strings.Split(s, "\u2026") {
		if strings.TrimSpace(f) != "" {
			out = append(out, strings.TrimSpace(f))
		}
	}
	return out
}
