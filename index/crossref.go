package index

// The cross-reference sections (XREFS, XREFIN): the open cross-reference
// data of package crossref, by source verse and by target verse, with the
// votes. Format in doc.go.

import (
	"fmt"
	"slices"

	"berean/canon"
	"berean/crossref"
)

// CrossRef is one cross-reference of the open data: KJV ordinals
// (canon.KJV().Ordinal) Lo..Hi and the votes of its users. For an
// outgoing reference Lo..Hi is the target; for an incoming one Lo == Hi is
// the verse that points here.
type CrossRef struct {
	Lo, Hi int
	Votes  int
}

const (
	xrefOutRec = 6 // uint16 lo, uint16 hi, uint16 votes
	xrefInRec  = 4 // uint16 from, uint16 votes
)

// CrossRefOption is implemented by a Source that says whether its index
// holds the open cross-references; a Source that does not implement it
// gets them. (Tests and fuzzing leave them out: 5 MB beside a few verses.)
type CrossRefOption interface {
	CrossRefs() bool
}

// wantCrossRefs reports whether src's index holds the cross-references.
func wantCrossRefs(src Source) bool {
	o, ok := src.(CrossRefOption)
	return !ok || o.CrossRefs()
}

// buildCrossRefs encodes the embedded cross-references.
func buildCrossRefs() ([]sectionData, ModuleMeta, error) {
	pairs, _, err := crossref.Pairs()
	if err != nil {
		return nil, ModuleMeta{}, err
	}
	n := canon.KJV().VerseCount()
	if n >= 1<<16 {
		return nil, ModuleMeta{}, fmt.Errorf("cross-references: %d KJV verses do not fit 16 bits", n)
	}
	// Outgoing, grouped by source, most votes first.
	slices.SortStableFunc(pairs, func(a, b crossref.Pair) int {
		if a.From != b.From {
			return int(a.From - b.From)
		}
		if a.Votes != b.Votes {
			return int(b.Votes - a.Votes)
		}
		return int(a.ToLo - b.ToLo)
	})
	out := le.AppendUint32(nil, uint32(n))
	starts := make([]uint32, n+1)
	for _, p := range pairs {
		starts[p.From+1]++
	}
	for i := 1; i <= n; i++ {
		starts[i] += starts[i-1]
	}
	for _, s := range starts {
		out = le.AppendUint32(out, s)
	}
	for _, p := range pairs {
		out = le.AppendUint16(out, uint16(p.ToLo))
		out = le.AppendUint16(out, uint16(p.ToHi))
		out = le.AppendUint16(out, uint16(p.Votes))
	}
	// Incoming: each verse of a target range, with the in-degree of votes.
	type in struct{ to, from, votes int32 }
	var ins []in
	votes := make([]uint32, n)
	for _, p := range pairs {
		for k := p.ToLo; k <= p.ToHi; k++ {
			ins = append(ins, in{k, p.From, p.Votes})
			votes[k] += uint32(p.Votes)
		}
	}
	slices.SortFunc(ins, func(a, b in) int {
		if a.to != b.to {
			return int(a.to - b.to)
		}
		if a.votes != b.votes {
			return int(b.votes - a.votes)
		}
		return int(a.from - b.from)
	})
	inSec := le.AppendUint32(nil, uint32(n))
	for _, v := range votes {
		inSec = le.AppendUint32(inSec, v)
	}
	starts = make([]uint32, n+1)
	for _, e := range ins {
		starts[e.to+1]++
	}
	for i := 1; i <= n; i++ {
		starts[i] += starts[i-1]
	}
	for _, s := range starts {
		inSec = le.AppendUint32(inSec, s)
	}
	for _, e := range ins {
		inSec = le.AppendUint16(inSec, uint16(e.from))
		inSec = le.AppendUint16(inSec, uint16(e.votes))
	}
	return []sectionData{{secXrefs, out}, {secXrefIn, inSec}},
		ModuleMeta{Name: "openbible-cross-references", Kind: "cross-references", Entries: len(pairs)}, nil
}

// xrefTables is the parsed XREFS and XREFIN sections.
type xrefTables struct {
	nOut, nIn      int // verses of XREFS, of XREFIN
	outStart, out  []byte
	votes, inStart []byte
	in             []byte
}

func parseXrefs(b []byte) (n int, starts, recs []byte, err error) {
	if len(b) < 4 {
		return 0, nil, nil, corruptf("XREFS of %d bytes", len(b))
	}
	n = int(le.Uint32(b))
	if n <= 0 || n >= 1<<16 || len(b) < 4+4*(n+1) {
		return 0, nil, nil, corruptf("XREFS: %d verses in %d bytes", n, len(b))
	}
	starts, recs = b[4:4+4*(n+1)], b[4+4*(n+1):]
	if int(le.Uint32(starts[4*n:]))*xrefOutRec != len(recs) {
		return 0, nil, nil, corruptf("XREFS: records do not fill the section")
	}
	return n, starts, recs, nil
}

func parseXrefIn(b []byte) (n int, votes, starts, recs []byte, err error) {
	if len(b) < 4 {
		return 0, nil, nil, nil, corruptf("XREFIN of %d bytes", len(b))
	}
	n = int(le.Uint32(b))
	if n <= 0 || n >= 1<<16 || len(b) < 4+4*n+4*(n+1) {
		return 0, nil, nil, nil, corruptf("XREFIN: %d verses in %d bytes", n, len(b))
	}
	votes = b[4 : 4+4*n]
	starts = b[4+4*n : 4+4*n+4*(n+1)]
	recs = b[4+4*n+4*(n+1):]
	if int(le.Uint32(starts[4*n:]))*xrefInRec != len(recs) {
		return 0, nil, nil, nil, corruptf("XREFIN: records do not fill the section")
	}
	return n, votes, starts, recs, nil
}

// xrefsOK checks the cross-reference sections on first use (as the concept
// sections: not at Open, which a search in a new process does not need).
func (ix *Index) xrefsOK() bool {
	ix.st.xrefOnce.Do(func() {
		var secs []section
		for _, s := range ix.secs {
			if xrefKinds[s.kind] && s.bible == globalBible {
				secs = append(secs, s)
			}
		}
		if err := verifySections(ix.data, secs); err != nil {
			ix.fail(err)
		}
	})
	return ix.Err() == nil
}

// HasCrossRefs reports whether the index holds the open cross-references.
func (ix *Index) HasCrossRefs() bool { return ix.xref.nOut > 0 && ix.xref.nIn > 0 }

// CrossRefsFrom returns the cross-references of the verse with KJV ordinal
// ord (canon.KJV().Ordinal): the verses it points at, most votes first.
// Pairs with negative votes are not in the index.
func (ix *Index) CrossRefsFrom(ord int) []CrossRef {
	t := &ix.xref
	if ord < 0 || ord >= t.nOut || !ix.xrefsOK() {
		return nil
	}
	a, b := int(le.Uint32(t.outStart[4*ord:])), int(le.Uint32(t.outStart[4*ord+4:]))
	if a > b || b*xrefOutRec > len(t.out) {
		return nil
	}
	out := make([]CrossRef, 0, b-a)
	for i := a; i < b; i++ {
		r := t.out[i*xrefOutRec:]
		out = append(out, CrossRef{Lo: int(le.Uint16(r)), Hi: int(le.Uint16(r[2:])), Votes: int(le.Uint16(r[4:]))})
	}
	return out
}

// CrossRefsTo returns the cross-references pointing at the verse with KJV
// ordinal ord (a range target counts for each of its verses), each as the
// verse it comes from (Lo == Hi), most votes first.
func (ix *Index) CrossRefsTo(ord int) []CrossRef {
	t := &ix.xref
	if ord < 0 || ord >= t.nIn || !ix.xrefsOK() {
		return nil
	}
	a, b := int(le.Uint32(t.inStart[4*ord:])), int(le.Uint32(t.inStart[4*ord+4:]))
	if a > b || b*xrefInRec > len(t.in) {
		return nil
	}
	out := make([]CrossRef, 0, b-a)
	for i := a; i < b; i++ {
		r := t.in[i*xrefInRec:]
		f := int(le.Uint16(r))
		out = append(out, CrossRef{Lo: f, Hi: f, Votes: int(le.Uint16(r[2:]))})
	}
	return out
}

// VerseVotes is the popularity of a verse: the sum of the votes of all
// cross-references pointing at the verse with KJV ordinal ord (a range
// target counts for each of its verses); 0 when the index has none.
func (ix *Index) VerseVotes(ord int) int {
	t := &ix.xref
	if ord < 0 || ord >= t.nIn || !ix.xrefsOK() {
		return 0
	}
	return int(le.Uint32(t.votes[4*ord:]))
}
