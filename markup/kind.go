package markup

import "strings"

// Kind is the markup language of an entry, from the module's SourceType.
type Kind int

const (
	// OSIS is the usual Bible markup (SourceType=OSIS).
	OSIS Kind = iota
	// ThML is the HTML-like Theological Markup Language (SourceType=ThML).
	ThML
	// GBF is the General Bible Format, upper-case angle tokens (SourceType=GBF).
	GBF
	// TEI is used by dictionaries and lexicons (SourceType=TEI).
	TEI
	// PlainText is text with no markup at all (SourceType=Plaintext).
	PlainText
)

var kindNames = [...]string{"OSIS", "ThML", "GBF", "TEI", "Plaintext"}

func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(?)"
}

// KindOf maps a conf SourceType value to a Kind, case-insensitively.
// libsword takes the GBF code path when SourceType is absent or unknown, and
// so does KindOf; "Plaintext" and "Plain" give PlainText.
func KindOf(sourceType string) Kind {
	switch strings.ToLower(strings.TrimSpace(sourceType)) {
	case "osis":
		return OSIS
	case "thml":
		return ThML
	case "tei":
		return TEI
	case "plaintext", "plain":
		return PlainText
	}
	return GBF
}
