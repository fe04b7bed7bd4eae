package analysis

import "testing"

func TestDetect(t *testing.T) {
	tests := []struct{ in, want string }{
		{"God helps those who help themselves", "en"},
		{"For God so loved the world", "en"},
		{"Porque de tal manera amó Dios al mundo, que ha dado a su Hijo unigénito", "es"},
		{"¿Dónde dice la Biblia que Dios es amor?", "es"},
		{"Car Dieu a tant aimé le monde, afin que quiconque croit en lui ne périsse pas", "fr"},
		{"Où la Bible dit-elle que Jésus intercède pour nous ?", "fr"},
		{"Где в Библии сказано, что Иисус ходатайствует за нас?", "ru"},
		{"Var säger Bibeln att Jesus ber för oss?", "sv"},
		{"Wo sagt die Bibel, dass Jesus für uns eintritt?", "de"},
		{"Dove dice la Bibbia che Gesù intercede per noi?", "it"},
		{"Onde a Bíblia diz que Jesus intercede por nós?", "pt"},
		{"Waar zegt de Bijbel dat Jezus voor ons pleit?", "nl"},
		{"Jesus wept", "en"}, // no stop word at all: English
		{"Te Deum", "en"},    // one Spanish stop word is not enough
		{"", "en"},
	}
	for _, tt := range tests {
		if got := Detect(tt.in); got != tt.want {
			t.Errorf("Detect(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStemIn(t *testing.T) {
	tests := []struct{ lang, word, want string }{
		{"", "liveth", "live"},   // English: modernised then stemmed
		{"en", "loved", "love"},  // English
		{"es", "amó", "amo"},     // Spanish, folded first
		{"es", "amores", "amor"}, // Spanish plural
		{"es", "salvación", "salvacion"},
		{"es-ES", "caminando", "camin"}, // region ignored
		{"de", "Liebe", "liebe"},        // no stemmer: folded form
		{"es", "G1793", "g1793"},        // not letters: unchanged
	}
	for _, tt := range tests {
		if got := TermIn(tt.lang, tt.word, false); got != tt.want {
			t.Errorf("TermIn(%q, %q) = %q, want %q", tt.lang, tt.word, got, tt.want)
		}
	}
}

func TestIsStopIn(t *testing.T) {
	tests := []struct {
		lang, term string
		want       bool
	}{
		{"es", "que", true},
		{"es", "la", true},
		{"es", Fold("dónde"), true},
		{"es", "biblia", true},
		{"es", "amor", false},
		{"en", "the", true},
		{"en", "love", false},
		{"de", "und", true},
		{"de", "liebe", false},
		{"el", "kai", false}, // no list
	}
	for _, tt := range tests {
		if got := IsStopIn(tt.lang, tt.term); got != tt.want {
			t.Errorf("IsStopIn(%q, %q) = %v, want %v", tt.lang, tt.term, got, tt.want)
		}
	}
}
