package canon

// mapRule is one verse-mapping rule of a system, relative to KJVA: the verse
// range Book Ch:V-VEnd of the system corresponds to KBook KCh:KV-KVEnd of
// KJVA. VEnd/KVEnd 0 (or <= V) means a single verse. Book and KBook differ only
// for the inter-book rules (a system's Dan 3:24 is KJVA's PrAzar 1:1).
type mapRule struct {
	Book           string
	Ch, V, VEnd    int
	KBook          string
	KCh, KV, KVEnd int
}

// VRef is one verse (or, with Verse 0, a chapter-introduction/title slot).
type VRef struct {
	Book    string
	Chapter int
	Verse   int
}

type ruleSet struct {
	own  map[string][]mapRule // by the system's book, table order
	kjva map[string][]mapRule // by KJVA book, table order
}

func buildRules(s *System) *ruleSet { return nil }

// Map translates a verse of system from into system to. Preliminary: identity
// when the verse exists in the target.
func Map(from, to *System, osis string, ch, v int) []VRef {
	if to.Exists(osis, ch, v) {
		return []VRef{{osis, ch, v}}
	}
	return nil
}
