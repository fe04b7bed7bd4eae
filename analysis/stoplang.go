package analysis

import (
	"strings"
	"sync"
)

// langStopLists are the stop words of languages other than English: function
// words (articles, prepositions, pronouns, conjunctions, the commonest
// forms of ser, estar, haber and their like) and the words that frame a
// question about the Bible ("dónde dice la Biblia", "qué enseña la
// Escritura"), as the English list has "bible", "say" and "verse". They
// serve ranking (IsStopIn) and language detection (Detect).
var langStopLists = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"es": `a al algo algunas algunos ante antes aquel aquella aquellas aquellos aqui así
			aun aunque cada como con contra cual cuales cuando cuanto de del desde donde
			dónde cómo cuál cuándo cuánto qué quién quiénes dos e el él ella ellas ellos
			en entre era eran eres es esa esas ese eso esos esta está están estas este
			esto estos estoy fue fueron fui ha han has hasta hay he hemos la las le les
			lo los me mi mis mucho muy más nada ni no nos nosotros o os otra otro para
			pero poco por porque pues que quien se sea ser si sí sido sin sobre somos son
			soy su sus también tan tanto te tenía tengo ti tiene tienen todo todos tu tus
			tú un una uno unos unas vosotros y ya yo
			biblia biblias dice dicen decir dijo versículo versículos pasaje pasajes
			escritura escrituras enseña enseñan habla hablan significa explica explicar`,
		// German, Italian, Portuguese and Dutch (no Snowball stemmer
		// here: their Bibles are indexed by folded forms): their
		// commonest function words and Bible-question words, leaving out
		// those spelt like English words (in, an, so, was, come, me, no)
		// so that an English question is never taken for one of them.
		"de": `der die das den dem des ein eine einen einem einer und oder aber nicht ist sind
			war wird wurde hat haben sein ich du er sie es wir ihr mich mir dich dir uns euch
			sich mit von zu zum zur auf aus bei nach für über unter vor durch gegen ohne um
			wo wie warum wann welche welcher welches dass daß wenn auch noch nur schon sehr
			bibel sagt steht vers verse schrift`,
		"it": `il lo gli della dello degli delle del dei nel nella nei nelle sul sulla che chi
			cosa dove quando perché perche non una uno sono siamo sei è era hanno ha ho noi voi
			loro lui lei mi ti ci vi si con per tra fra anche ma più dice bibbia versetto
			versetti scrittura`,
		"pt": `o os as um uma uns umas do da dos das no na nos nas ao aos pelo pela pelos pelas
			que quem onde quando porque não nao é são sao está estão foi era eu tu ele ela nós
			vós eles elas meu minha seu sua com para por sem também mas diz bíblia biblia
			versículo versículos escritura`,
		"nl": `de het een en van dat die niet zijn wordt werd heeft hebben ik jij hij zij wij
			jullie mij ons zich met voor naar bij uit over onder door waar wanneer waarom
			welke wat ook maar nog zegt bijbel vers verzen schrift`,
		"fr": `a à au aux avec ce ces cet cette comme dans de des du elle elles en est et
			étaient était être eu il ils je la le les leur leurs lui ma mais me même mes
			moi mon ne ni nos notre nous on ou où par pas pour qu que qui sa se ses si son
			sont sur ta te tes toi ton tu un une vos votre vous y
			bible dit dire verset versets passage écriture écritures enseigne parle`,
	}
})

// Detect returns the language of a text from its words: the language whose
// stop words (the English list of IsStop, the lists of langStopLists) cover
// most of its words, English when none does better; another language needs
// at least two ("Te Deum" stays English). A quotation of a few
// words is enough: "God helps those who help themselves" has three English
// stop words and no Spanish one; "de tal manera amó Dios al mundo" four
// Spanish ones and no English one.
//
// Besides the lists above (Spanish, French, German, Italian, Portuguese,
// Dutch), the stop lists of the Snowball project (its Go library, the
// stemmers' package) tell Spanish, French, Hungarian, Norwegian, Russian
// and Swedish; they compare words lower-cased with
// their diacritics, as written.
func Detect(text string) string {
	counts := map[string]int{}
	for _, t := range Split(text) {
		if stops()[t.Term] {
			counts[English]++
		}
		lower := strings.ToLower(text[t.Start:t.End])
		for _, lang := range sortedLangs() {
			if detectStops()[lang][t.Term] || snowballStop(lang, lower) {
				counts[lang]++
			}
		}
	}
	best, n := English, max(counts[English], 1)
	for _, lang := range sortedLangs() {
		if counts[lang] > n {
			best, n = lang, counts[lang]
		}
	}
	return best
}

// detectStops are the stop lists folded, not stemmed: detection compares
// words as written.
var detectStops = sync.OnceValue(func() map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for lang, list := range langStopLists() {
		m := map[string]bool{}
		for _, w := range strings.Fields(list) {
			m[Fold(w)] = true
		}
		out[lang] = m
	}
	return out
})

// sortedLangs are the languages of langStopLists in a fixed order, so that a
// tie between two of them is decided the same way every time.
func sortedLangs() []string {
	return []string{"es", "fr", "de", "it", "pt", "nl", "hu", "no", "ru", "sv"}
}

// snowballStop reports whether a lower-case word is in the Snowball stop
// list of lang (false for a language the library lacks).
func snowballStop(lang, lower string) bool {
	sl, ok := snowball()[lang]
	return ok && sl.stop(lower)
}

// LangName is the English name of a language code with the code ("French
// (fr)"), or the code alone when it has none here.
func LangName(code string) string {
	if n, ok := langNames[Base(code)]; ok {
		return n + " (" + Base(code) + ")"
	}
	return code
}

var langNames = map[string]string{
	"en": "English", "es": "Spanish", "fr": "French", "de": "German", "pt": "Portuguese",
	"it": "Italian", "nl": "Dutch", "ru": "Russian", "sv": "Swedish", "no": "Norwegian",
	"nb": "Norwegian", "nn": "Norwegian", "hu": "Hungarian",
}
