package ref

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func (n *node) dump(b *strings.Builder, depth int) {
	fmt.Fprintf(b, "%s%s[%d,%d]", strings.Repeat("  ", depth), n.typ, n.s, n.e)
	if n.typ == nInteger || n.typ == nB || n.typ == nTranslation {
		fmt.Fprintf(b, " val=%d%s", n.val, n.part)
	}
	b.WriteString("\n")
	for _, k := range n.kids {
		k.dump(b, depth+1)
	}
}

func showPrepared(p *prepared) string {
	var b strings.Builder
	for _, r := range p.s {
		switch {
		case isBookMarker(r):
			h := p.books[r-markerBase]
			fmt.Fprintf(&b, "⟨%s⟩", strings.Join(h.books, "|"))
		case isTransMarker(r):
			fmt.Fprintf(&b, "⟨%s⟩", p.trans[r-markerBase-transOffset])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TestDebugInput prints how BEREAN_REF_DEBUG is parsed.
func TestDebugInput(t *testing.T) {
	in := os.Getenv("BEREAN_REF_DEBUG")
	if in == "" {
		t.Skip("set BEREAN_REF_DEBUG")
	}
	p := compatParser()
	prep := prepare(in, p.allow, p.loc)
	t.Logf("prepared: %s", showPrepared(prep))
	pos := 0
	for {
		start, rawEnd, ok := nextPassage(prep.s, pos)
		if !ok {
			break
		}
		end := trimPassage(prep.s, start, rawEnd)
		t.Logf("passage [%d,%d) raw end %d: %q", start, end, rawEnd, showPrepared(&prepared{s: prep.s[start:end], books: prep.books, trans: prep.trans}))
		g := newGrammar(prep.s[start:end], prep.books, start)
		nodes := g.parseAll()
		var b strings.Builder
		for _, n := range nodes {
			n.dump(&b, 1)
		}
		t.Logf("nodes:\n%s", b.String())
		ev := &evaluator{p: prep, systems: p.systems}
		ents := ev.evalPassage(nodes)
		for _, e := range ents {
			t.Logf("entity %s [%d,%d]", e.typ, e.s, e.e)
			for _, ps := range e.passages {
				t.Logf("   %s %+v - %+v valid=%v %+v", ps.typ, ps.start, ps.end, ps.valid.ok, *ps.valid.m)
			}
		}
		pos = max(rawEnd, start+1)
	}
	t.Logf("OSIS: %s", OSISOf(in))
}
