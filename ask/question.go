package ask

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"berean/analysis"
	"berean/canon"
	"berean/index"
	"berean/ref"
)

// A question is read in three steps: references in it are found (they are
// read as passages), its frame is dropped ("where does the Bible say",
// "which verse says", "verses about"), and the rest is split into words,
// each either a content word (it is searched for) or a function word (it
// only counts inside phrases).

// word is one word of the question's content, in order.
type word struct {
	text  string // as folded ("intercession")
	stem  string // index stem term
	exact string // index exact term
	stop  bool   // function word: phrase glue only
	pos   int    // position among the question's words
}

// question is a parsed question.
type question struct {
	text   string
	words  []word
	refs   []ref.Range // passages named in the question
	quoted [][]int     // runs of word indexes the user put in quotation marks
	books  []string    // the books of the question's speaker (see speaker.go)
	// bible is the translation the question names ("verses about love
	// KJV"): its abbreviation, "" when none.
	bible string
	// inBooks are the books the question names as where to look ("in
	// Proverbs", books.go): its results are verses of them.
	inBooks []string
	// frameOnly: the question is all frame ("where does the Bible say"):
	// it asks where to look, not what for.
	frameOnly bool
	// testament is the testament the question names ("in the Old
	// Testament"), 0 when none.
	testament canon.Testament
	// leave is what the fit or the evaluation leaves out when it asks
	// the question (site.go): the tables' rows from its site, its own
	// question count. Nothing for every other question.
	leave leave
}

// frames are the leading and trailing wordings that ask for verses rather
// than say what they are about. They are matched on the folded question
// (lower case, punctuation as spaces).
var frames = sync.OnceValue(func() []*regexp.Regexp {
	return []*regexp.Regexp{
		regexp.MustCompile(`^(?:(?:so|and|but|ok|okay|hi|hello|please) )*(?:(?:can|could|would) you (?:please )?)?(?:(?:tell|show|give|find|list) (?:me|us) (?:about )?|find |search for |look up |explain |summarize |summarise |describe |define )?`),
		regexp.MustCompile(`^how (?:should|do|can|does|would|could|must) (?:a |the )?(?:christian|christians|believer|believers|we|i|you) (?:view|think about|feel about|respond to|react to|handle|deal with|cope with|look at|treat)(?: |$)`),
		regexp.MustCompile(`^(?:where|which|what|when|how|who|why)(?: (?:part|place|book|books|chapter|chapters|verse|verses|passage|passages|scripture|scriptures|text|texts|bible verse|bible verses))?(?: of)?(?: in)?(?: the)?(?: (?:bible|scripture|scriptures|word|new testament|old testament))?(?: (?:does|do|did|is|are|was|were|can|could|would|should|will))?(?: (?:the bible|scripture|the scriptures|it|god s word|the word of god|the word|the new testament|the old testament|the text|i|we))?(?: (?:read|say|says|said|saying|teach|teaches|talk about|talks about|speak about|speaks about|speak of|speaks of|speak|speaks|mention|mentions|tell us|tells us|tell|tells|promise|promises|state|states|describe|describes|show|shows|record|records|declare|declares|called|named|known as|referred to as))?(?: (?:that|about|of|on|regarding|concerning))?(?: |$)`),
		regexp.MustCompile(`^(?:is there|are there|there is|there s)(?: (?:a|any|some|one))?(?: (?:bible|scripture))?(?: (?:verse|verses|passage|passages|scripture|scriptures|text|place))?(?: (?:in the bible|in scripture))?(?: (?:that|which|where|about|on|for|with|against))?(?: (?:says|say|talks about|mentions|speaks of|tells|promises|shows))?(?: that)?(?: |$)`),
		regexp.MustCompile(`^(?:i m |i am |im )?(?:looking for|searching for|trying to find|need|want)(?: (?:a|the|any|some))?(?: (?:bible|scripture))?(?: (?:verse|verses|passage|passages|scripture|scriptures))?(?: (?:that|which|where|about|on|for|with|against))?(?: (?:says|say|talks about|mentions))?(?: |$)`),
		regexp.MustCompile(`^(?:the|a|any|some)?(?: ?(?:bible|scripture))?(?: ?(?:verse|verses|passage|passages|scripture|scriptures|one|place|text))(?: (?:that|which|where|about|on|for|with|against|in which))(?: (?:says|say|talks about|mentions|speaks of|tells|promises|show|shows|prove|proves|teach|teaches|support|supports))?(?: that)?(?: |$)`),
		regexp.MustCompile(`^(?:(?:\d+|` + verseWords + `) )*(?:bible |scripture )?(?:verses|verse|passages|passage|scriptures|quotes|quote)(?: (?:that|which))?(?: (?:show|shows|showing|prove|proves|proving|teach|teaches|teaching|support|supports|supporting|to help me|to help|to read about|to read|should i read|should we read|can i read|to memorize|to memorise|about|on|for|against|regarding|concerning))*(?: |$)`),
		regexp.MustCompile(`^(?:what (?:is|are) )?(?:the |a )?(?:(?:bible s|biblical|scriptural|christian|god s) )?(?:view|views|teaching|teachings|position|perspective|definition|understanding|stance|verse|verses) (?:on|of|about|for)(?: |$)`),
		regexp.MustCompile(`^(?:in|according to) (?:the )?(?:bible|scripture|scriptures|word of god|god s word)(?: |$)`),
		regexp.MustCompile(`^(?:does|do|did) (?:the bible|scripture|the scriptures|god s word|the word of god) (?:(?:say|teach|have|tell us) (?:anything )?(?:to say )?(?:about|on|regarding)|say|talk about|talks about|mention|mentions|speak about|speak of|speak to|address|discuss|deal with|describe|teach)(?: |$)`),
		regexp.MustCompile(`(?: (?:mentioned|found|written|recorded))?(?: (?:in|from|according to) (?:the )?(?:bible|scripture|scriptures|word of god|new testament|old testament))+$`),
		regexp.MustCompile(`^(?:list|name)(?: (?:all|every))?(?: (?:the|of the))? `),
		regexp.MustCompile(`(?: (?:story|stories|account|accounts|narrative|list))$`),
	}
})

// translationName matches the name of an English translation of the
// Bible, with the words that place it ("in the KJV", "from the New
// International Version").
var translationName = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?:^| )(?:(?:in|from|according to|using) )?(?:the )?(?:kjv|akjv|nkjv|niv|esv|nasb|nlt|nrsv|rsv|asv|csb|hcsb|amp|ampc|msg|nkj|(?:new )?king james|authori[sz]ed|new international|english standard|new american standard|new living|world english|revised standard|new revised standard|american standard|christian standard|amplified|douay rheims|geneva)(?: (?:version|bible|translation))*(?: |$)`)
})

// translationAbbrev is the usual abbreviation of the translation a
// match of translationName names: "KJV" for "the King James Bible".
func translationAbbrev(m string) string {
	m = strings.TrimSpace(m)
	for _, p := range []string{"in ", "from ", "according to ", "using ", "the "} {
		m = strings.TrimPrefix(m, p)
	}
	for _, sfx := range []string{" translation", " bible", " version"} {
		m = strings.TrimSuffix(m, sfx)
	}
	switch m {
	case "king james", "authorised", "authorized", "akjv":
		return "KJV"
	case "new king james":
		return "NKJV"
	case "world english":
		return "WEB"
	case "new international":
		return "NIV"
	case "english standard":
		return "ESV"
	}
	return strings.ToUpper(m)
}

// verseWords describe the verses asked for, not what they are about
// ("short Bible verses about faith", "key passages on idleness",
// "encouraging verses for hard times", "top 10 verses on love").
const verseWords = `(?:top|best|key|short|shortest|powerful|famous|popular|favorite|favourite|favorites|inspirational|inspiring|encouraging|comforting|reassuring|uplifting|important|great|good|beautiful|simple|main|major|some|few|more|other|helpful|relevant|specific|strong|positive)`

// likeFrame is "what is X like?" or "what does X symbolize?": the
// question asks about X.
var likeFrame = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(what .+?)(?:(?: (?:is|are|was|were|be))? like| (?:symbolize|symbolise|symbolizes|symbolises|represent|represents|signify|signifies|stand for|stands for)(?: in (?:the )?(?:bible|scripture))?)$`)
})

// judgment matches a question of judgment; its first or second group is
// the topic judged.
var judgment = sync.OnceValue(func() *regexp.Regexp {
	const verdict = `(?:ever |always |really |still )?(?:a sin|sinful|wrong|ok|okay|alright|acceptable|permissible|permitted|allowed|lawful|unlawful|biblical|unbiblical|forbidden|mandatory|required|necessary|important)`
	const whom = `(?:for|to) (?:a |an )?(?:christian|christians|believer|believers|me|us|god)(?: couple| couples| man| woman| person| people)?`
	const rule = `(?:approve of|approve|allow|allows|permit|permits|forbid|forbids|condemn|condemns|prohibit|prohibits|condone|condones)`
	return regexp.MustCompile(`^(?:(?:is|are|was|were) (?:it ` + verdict + `(?: ` + whom + `)?(?: to)? (.+)|(.+?) ` + verdict + `(?: ` + whom + `)?(?: today| now)?)|(?:does|do|did) (?:the bible|scripture|the scriptures|god|jesus) ` + rule + ` (.+))$`)
})

// stopWords carry no content on their own. They stay in the question's word
// sequence so that phrases ("so loved the world") still match.
// isStop reports whether w is a function word.
func isStop(w string) bool { return stopWordSet()[w] }

var stopWordSet = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range analysis.StopWords(askStops) {
		m[w] = true
	}
	return m
})

// askStops are the stop-word sets of questions.
const askStops = analysis.Function | analysis.Particles | analysis.Degree | analysis.Archaic |
	analysis.Query | analysis.LightVerb | analysis.Narration

// parseQuestion reads a question.
func parseQuestion(q string, rp *ref.Parser) question {
	out := question{text: q}
	// References: a passage named in the question is read (only matches
	// with a chapter: a bare book name like "Acts" or "Job" is a word).
	body := q
	if rp != nil {
		ms := rp.Scan(q)
		rs := []rune(q)
		var keep []rune
		last := 0
		for _, m := range ms {
			if m.Err != nil || len(m.Ranges) == 0 || m.Ranges[0].Start.Chapter == 0 {
				continue
			}
			out.refs = append(out.refs, m.Ranges...)
			if m.Start >= last && m.End <= len(rs) {
				keep = append(keep, rs[last:m.Start]...)
				keep = append(keep, ' ')
				last = m.End
			}
		}
		if last > 0 {
			keep = append(keep, rs[last:]...)
			body = string(keep)
		}
	}
	// Quoted runs are remembered by word index.
	folded, quotedMask := foldQuestion(body)
	switch {
	case strings.Contains(folded, "old testament"):
		out.testament = canon.OT
	case strings.Contains(folded, "new testament"):
		out.testament = canon.NT
	}
	// The translation a question names ("verses about love KJV", "in the
	// New International Version") is not what it asks about.
	if locs := translationName().FindAllStringIndex(folded, -1); locs != nil {
		out.bible = translationAbbrev(folded[locs[0][0]:locs[0][1]])
		if f, m, ok := cutSpans(folded, quotedMask, locs); ok {
			folded, quotedMask = f, m
		}
	}
	// "in Proverbs", "according to Hebrews", "the book of James" (books.go).
	if keep, books := cutBooks(folded, body, rp); books != nil {
		out.inBooks = books
		if len(keep) > 0 {
			folded, quotedMask = keepWords(folded, quotedMask, keep)
		}
	}
	if keep, books, place := cutSpeaker(folded); keep != nil {
		folded, quotedMask = keepWords(folded, quotedMask, keep)
		out.books = books
		if place {
			out.inBooks = append(out.inBooks, books...)
		}
	}
	// "What is heaven like?", "What does the dove represent?" ask about
	// heaven, the dove: "is like", "represent" are frame.
	if m := likeFrame().FindStringSubmatch(folded); m != nil && !slices.Contains(quotedMask, true) {
		folded, quotedMask = m[1], nil
	}
	whole := false
	for _, re := range frames() {
		if loc := re.FindStringIndex(folded); loc != nil && loc[1] > loc[0] {
			if f, m, ok := cutSpans(folded, quotedMask, [][]int{loc}); ok {
				folded, quotedMask = f, m
			} else {
				whole = true
			}
		}
	}
	// A question of judgment ("is it a sin to drink alcohol", "are
	// tattoos wrong for a Christian") asks about its topic: the judgment
	// is the frame.
	if m := judgment().FindStringSubmatch(folded); m != nil && !slices.Contains(quotedMask, true) {
		if t := strings.TrimSpace(m[1] + m[2] + m[3]); slices.ContainsFunc(strings.Fields(t), func(w string) bool { return !isStop(w) }) {
			folded, quotedMask = t, nil
		}
	}
	fields := strings.Fields(folded)
	var run []int
	prev := ""
	for i, f := range fields {
		for _, w := range index.Words(f) {
			before := prev
			prev = w
			if len(w) == 1 && w != "i" && w != "o" && w != "a" && !isDigits(w) {
				continue
			}
			next := ""
			if i+1 < len(fields) {
				next = fields[i+1]
			}
			stop := isStop(w) && !modalNoun(w, before) || contracted(w, next) || likeAs(w, before)
			wd := word{text: w, stem: index.StemTerm(w), exact: index.ExactTerm(w), stop: stop, pos: len(out.words)}
			out.words = append(out.words, wd)
			if i < len(quotedMask) && quotedMask[i] {
				run = append(run, wd.pos)
			} else if len(run) > 0 {
				out.quoted = append(out.quoted, run)
				run = nil
			}
		}
	}
	if len(run) > 0 {
		out.quoted = append(out.quoted, run)
	}
	// A question made only of function words ("who am I") keeps them as
	// content.
	content := 0
	for _, w := range out.words {
		if !w.stop {
			content++
		}
	}
	if content == 0 {
		out.frameOnly = whole && len(out.refs) == 0
		for i := range out.words {
			out.words[i].stop = false
		}
	}
	return out
}

// cutSpans removes the words of folded inside the byte spans locs (each
// from and to a word boundary), and their quotation marks; ok is false,
// and nothing is cut, when no word would stay.
func cutSpans(folded string, quotedMask []bool, locs [][]int) (string, []bool, bool) {
	drop := map[int]bool{}
	for _, l := range locs {
		dropWords(drop, folded, l[0], l[1])
	}
	keep := keptWords(folded, drop)
	if len(keep) == 0 {
		return folded, quotedMask, false
	}
	f, m := keepWords(folded, quotedMask, keep)
	return f, m, true
}

// keepWords keeps the words of folded at the indexes keep, and their
// quotation marks.
func keepWords(folded string, quotedMask []bool, keep []int) (string, []bool) {
	ws := strings.Fields(folded)
	var kept []string
	var mask []bool
	for _, i := range keep {
		kept = append(kept, ws[i])
		if i < len(quotedMask) {
			mask = append(mask, quotedMask[i])
		}
	}
	return strings.Join(kept, " "), mask
}

// likeAs reports whether w is "like" in "feel like", "seems like",
// "looks like", "would like": a function word, not the verb.
func likeAs(w, prev string) bool {
	if w != "like" {
		return false
	}
	switch prev {
	case "feel", "feels", "felt", "feeling", "seem", "seems", "seemed", "look", "looks", "looked", "sound", "sounds", "would", "d":
		return true
	}
	return false
}

// modalNoun reports whether w, a modal verb, is a noun where it stands:
// after a possessive ("God's will", "thy will", "his might").
func modalNoun(w, prev string) bool {
	if w != "will" && w != "might" {
		return false
	}
	switch prev {
	case "s", "his", "her", "thy", "thine", "my", "your", "our", "their", "own", "the":
		return true
	}
	return false
}

// contracted reports whether w is what folding leaves of a contraction:
// the auxiliary of a negation ("don't" folds to "don t", "won't" to "won
// t") or the clitic of "you're", "I've", "we'll". Both only glue phrases.
func contracted(w, next string) bool {
	switch w {
	case "re", "ve", "ll":
		return true
	}
	if next != "t" {
		return false
	}
	switch w {
	case "don", "doesn", "didn", "isn", "aren", "wasn", "weren", "won", "can", "couldn", "shouldn", "wouldn", "haven", "hasn", "hadn", "mustn", "needn", "ain", "shan":
		return true
	}
	return false
}

// foldQuestion lower-cases q, turns punctuation into spaces (keeping
// in-word apostrophes as spaces too: "god's" -> "god s") and reports for
// each resulting word whether it was inside quotation marks.
func foldQuestion(q string) (string, []bool) {
	var b strings.Builder
	var mask []bool
	inQuote := false
	inWord := false
	for _, r := range q {
		switch {
		case r == '"' || r == '“' || r == '”':
			inQuote = !inQuote
			if inWord {
				b.WriteByte(' ')
				inWord = false
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if !inWord {
				mask = append(mask, inQuote)
				inWord = true
			}
			b.WriteRune(unicode.ToLower(r))
		default:
			if inWord {
				b.WriteByte(' ')
				inWord = false
			}
		}
	}
	return strings.Join(strings.Fields(b.String()), " "), mask
}
