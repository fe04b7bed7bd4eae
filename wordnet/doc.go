// Package wordnet reads the WordNet 3.0 database files as Debian's
// wordnet-base installs them (/usr/share/wordnet) and tells, for an English
// word, the words WordNet relates to it, weighted by how often each of the
// word's senses is used. Package ask uses it to bridge a modern question
// word ("anxiety") to the words the translations use ("care").
//
//	db, err := wordnet.Open("/usr/share/wordnet")
//	for _, r := range db.Related("forgiveness") { ... } // forgive (derivation), pardon (synonym) ...
//
// # Files
//
// The database has, per part of speech (noun, verb, adj, adv), an index
// file and a data file, plain text, one record a line; lines starting with
// two spaces are the licence and are skipped.
//
// index.POS, one line per lemma, fields separated by one space:
//
//	lemma pos synset_cnt p_cnt [ptr_symbol × p_cnt] sense_cnt tagsense_cnt synset_offset × synset_cnt
//
// The lemma is lower case with "_" for spaces; the offsets are the
// byte offsets of the lemma's synsets in data.POS, ordered by decreasing
// frequency of the sense in the tagged corpus.
//
// data.POS, one line per synset, starting at its byte offset:
//
//	offset lex_filenum ss_type w_cnt word lex_id [word lex_id ...] p_cnt [ptr ...] [frames ...] | gloss
//
// w_cnt and lex_id are hexadecimal (2 and 1 digits), p_cnt decimal (3
// digits); ss_type is n, v, a, s (adjective satellite) or r. An adjective
// may carry a marker in parentheses ("(p)"), dropped here. Each pointer is
//
//	pointer_symbol synset_offset pos source/target
//
// where source/target is four hexadecimal digits: the word number in this
// synset and in the target synset (1-based) of a lexical pointer, 0000
// for a semantic pointer between whole synsets. The symbols used here:
// "+" derivationally related form (lexical: anxiety -> anxious), "@" and
// "@i" hypernym (semantic), "~" hyponym (semantic; "~i", an instance
// hyponym, names a person or place and is not used), "&" similar to
// (adjectives).
//
// cntlist.rev, one line per sense with a tag count:
//
//	sense_key sense_number tag_cnt
//
// sense_key is lemma%ss_type:lex_filenum:lex_id:head_word:head_id with
// ss_type as a digit (1 noun, 2 verb, 3 adjective, 4 adverb, 5 satellite).
// A sense's count is looked up by its key up to lex_id.
//
// noun.exc and verb.exc, one line per irregular inflection, fields
// separated by one space:
//
//	inflected_form base_form [base_form ...]
//
// ("brethren brother", "wept weep"); Inflections reads them from the base,
// adds the "-men" plural of each noun in "-man" (morphy's detachment rule,
// which the list leaves to the rule), and leaves out a form that is also a
// regular form of another lemma ("lives": live) and a verb's form that is
// a lemma of its own (lay for lie, ground for grind, wound for wind).
// Missing exception files leave Inflections empty.
//
// # Relations and weights
//
// For a lemma and each of its senses s (all parts of speech), the sense
// weight is p(s) = (count(s) + 1) / (Σ count + senses): add-one smoothed
// tag frequency, so a lemma's weights sum to 1 per part of speech. The
// sense's other words are synonyms (weight p(s)), the targets of its
// derivation pointers from the lemma are related forms (0.7 p(s)), the
// words of similar adjective synsets 0.5 p(s), the words of its
// hypernyms (one level) 0.3 p(s), the words of its hyponyms (one level)
// 0.3 p(s), and the words of the hyponyms of a related form 0.7 × 0.3 p(s)
// ("pray" -> prayer -> intercession, supplication; "lawyer" -> advocate).
// A word reached several ways keeps its best weight. Multi-word lemmas are left out on both sides.
//
// # Measured
//
// Open reads the four index and data files and cntlist.rev (28 MB) in
// about 0.6 s on 2 cores; the index builder reads it once per build.
package wordnet
