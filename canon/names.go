package canon

// Book metadata that does not depend on a versification system.

type group int

const (
	groupOT group = iota + 1
	groupDeutero
	groupNT
)

type bookInfo struct {
	osis    string
	human   string // display name: "1 John", "Psalms"
	chapter string // display name before a chapter number, if it differs: "Psalm"
	group   group
}

// catalog lists every OSIS id of every system (and DanGr, which modules use),
// in BookOrder order: the 39 protocanonical OT books, the deuterocanon and
// other apocrypha, the 27 NT books, then the NT appendix of the Vulgate.
var catalog = []bookInfo{
	{"Gen", "Genesis", "", groupOT},
	{"Exod", "Exodus", "", groupOT},
	{"Lev", "Leviticus", "", groupOT},
	{"Num", "Numbers", "", groupOT},
	{"Deut", "Deuteronomy", "", groupOT},
	{"Josh", "Joshua", "", groupOT},
	{"Judg", "Judges", "", groupOT},
	{"Ruth", "Ruth", "", groupOT},
	{"1Sam", "1 Samuel", "", groupOT},
	{"2Sam", "2 Samuel", "", groupOT},
	{"1Kgs", "1 Kings", "", groupOT},
	{"2Kgs", "2 Kings", "", groupOT},
	{"1Chr", "1 Chronicles", "", groupOT},
	{"2Chr", "2 Chronicles", "", groupOT},
	{"Ezra", "Ezra", "", groupOT},
	{"Neh", "Nehemiah", "", groupOT},
	{"Esth", "Esther", "", groupOT},
	{"Job", "Job", "", groupOT},
	{"Ps", "Psalms", "Psalm", groupOT},
	{"Prov", "Proverbs", "", groupOT},
	{"Eccl", "Ecclesiastes", "", groupOT},
	{"Song", "Song of Solomon", "", groupOT},
	{"Isa", "Isaiah", "", groupOT},
	{"Jer", "Jeremiah", "", groupOT},
	{"Lam", "Lamentations", "", groupOT},
	{"Ezek", "Ezekiel", "", groupOT},
	{"Dan", "Daniel", "", groupOT},
	{"Hos", "Hosea", "", groupOT},
	{"Joel", "Joel", "", groupOT},
	{"Amos", "Amos", "", groupOT},
	{"Obad", "Obadiah", "", groupOT},
	{"Jonah", "Jonah", "", groupOT},
	{"Mic", "Micah", "", groupOT},
	{"Nah", "Nahum", "", groupOT},
	{"Hab", "Habakkuk", "", groupOT},
	{"Zeph", "Zephaniah", "", groupOT},
	{"Hag", "Haggai", "", groupOT},
	{"Zech", "Zechariah", "", groupOT},
	{"Mal", "Malachi", "", groupOT},

	{"Tob", "Tobit", "", groupDeutero},
	{"Jdt", "Judith", "", groupDeutero},
	{"EsthGr", "Esther (Greek)", "", groupDeutero},
	{"AddEsth", "Additions to Esther", "", groupDeutero},
	{"Wis", "Wisdom", "", groupDeutero},
	{"Sir", "Sirach", "", groupDeutero},
	{"Bar", "Baruch", "", groupDeutero},
	{"EpJer", "Epistle of Jeremiah", "", groupDeutero},
	{"PrAzar", "Prayer of Azariah", "", groupDeutero},
	{"Sus", "Susanna", "", groupDeutero},
	{"Bel", "Bel and the Dragon", "", groupDeutero},
	{"AddDan", "Additions to Daniel", "", groupDeutero},
	{"DanGr", "Daniel (Greek)", "", groupDeutero},
	{"1Macc", "1 Maccabees", "", groupDeutero},
	{"2Macc", "2 Maccabees", "", groupDeutero},
	{"1Esd", "1 Esdras", "", groupDeutero},
	{"PrMan", "Prayer of Manasseh", "", groupDeutero},
	{"AddPs", "Psalm 151", "", groupDeutero},
	{"3Macc", "3 Maccabees", "", groupDeutero},
	{"2Esd", "2 Esdras", "", groupDeutero},
	{"4Macc", "4 Maccabees", "", groupDeutero},
	{"PssSol", "Psalms of Solomon", "Psalm of Solomon", groupDeutero},
	{"Odes", "Odes", "Ode", groupDeutero},
	{"1En", "1 Enoch", "", groupDeutero},

	{"Matt", "Matthew", "", groupNT},
	{"Mark", "Mark", "", groupNT},
	{"Luke", "Luke", "", groupNT},
	{"John", "John", "", groupNT},
	{"Acts", "Acts", "", groupNT},
	{"Rom", "Romans", "", groupNT},
	{"1Cor", "1 Corinthians", "", groupNT},
	{"2Cor", "2 Corinthians", "", groupNT},
	{"Gal", "Galatians", "", groupNT},
	{"Eph", "Ephesians", "", groupNT},
	{"Phil", "Philippians", "", groupNT},
	{"Col", "Colossians", "", groupNT},
	{"1Thess", "1 Thessalonians", "", groupNT},
	{"2Thess", "2 Thessalonians", "", groupNT},
	{"1Tim", "1 Timothy", "", groupNT},
	{"2Tim", "2 Timothy", "", groupNT},
	{"Titus", "Titus", "", groupNT},
	{"Phlm", "Philemon", "", groupNT},
	{"Heb", "Hebrews", "", groupNT},
	{"Jas", "James", "", groupNT},
	{"1Pet", "1 Peter", "", groupNT},
	{"2Pet", "2 Peter", "", groupNT},
	{"1John", "1 John", "", groupNT},
	{"2John", "2 John", "", groupNT},
	{"3John", "3 John", "", groupNT},
	{"Jude", "Jude", "", groupNT},
	{"Rev", "Revelation", "", groupNT},

	{"EpLao", "Laodiceans", "", groupDeutero},
}

var catalogIndex = func() map[string]int {
	m := make(map[string]int, len(catalog))
	for i, b := range catalog {
		m[b.osis] = i
	}
	return m
}()

// Known reports whether osis is an OSIS book id this package knows.
func Known(osis string) bool {
	_, ok := catalogIndex[osis]
	return ok
}

// OSISIDs returns every known OSIS book id in BookOrder order.
func OSISIDs() []string {
	out := make([]string, len(catalog))
	for i, b := range catalog {
		out[i] = b.osis
	}
	return out
}

// HumanName returns the English display name of a book: "1 John", "Hebrews",
// "Psalms", "Revelation". An unknown id is returned unchanged.
func HumanName(osis string) string {
	if i, ok := catalogIndex[osis]; ok {
		return catalog[i].human
	}
	return osis
}

// HumanChapterName returns the name written before a chapter number:
// "Psalm" for Ps ("Psalm 110:4"), otherwise HumanName.
func HumanChapterName(osis string) string {
	if i, ok := catalogIndex[osis]; ok {
		if c := catalog[i].chapter; c != "" {
			return c
		}
		return catalog[i].human
	}
	return osis
}

// BookOrder returns the position (1-based) of a book in one canonical order
// across all known ids: the 39 OT books, the deuterocanon and apocrypha, the
// 27 NT books, then Laodiceans. Unknown ids return 0.
func BookOrder(osis string) int {
	if i, ok := catalogIndex[osis]; ok {
		return i + 1
	}
	return 0
}

func groupOf(osis string) group {
	if i, ok := catalogIndex[osis]; ok {
		return catalog[i].group
	}
	return 0
}

// IsOT reports whether osis is one of the 39 protocanonical OT books.
func IsOT(osis string) bool { return groupOf(osis) == groupOT }

// IsNT reports whether osis is one of the 27 NT books.
func IsNT(osis string) bool { return groupOf(osis) == groupNT }

// IsDeutero reports whether osis is a known book outside the 66 books of the
// Protestant canon: the deuterocanon and other apocrypha (Tob, Sir, PrMan,
// 1En, EpLao, ...).
func IsDeutero(osis string) bool { return groupOf(osis) == groupDeutero }
