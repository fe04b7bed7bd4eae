package index

// See doc.go for the on-disk format, byte by byte. This file holds its
// constants and the history of format versions.

// FormatVersion is the version of the file layout this package writes.
//
// History (a reader refuses any version it does not list as readable):
//
//	1: first format (development only): raw verse texts with a WORDS table
//	   of word spans (kind 15), every section checked whole at Open.
//	2: TEXT as token streams over FORMS and SEPS tables (kind 15 dropped,
//	   not reused): the KJV's texts 5.9 MB -> 1.5 MB; BLOCKS (kind 18):
//	   CRC-32C per 4 KiB block of POST and TEXT, checked on first read, so
//	   that Open no longer reads the whole file.
//
// When the layout changes, bump FormatVersion, describe the change here and
// in doc.go. Old files are not migrated: the index is a cache, so a file of
// another version is rebuilt (Open returns ErrVersion, Load rebuilds).
const FormatVersion = 2

// BuildVersion changes whenever the builder would write different content
// for the same input (for example a change in how Strong's tags are mapped
// to positions). It is part of the fingerprint, so a new builder rebuilds the
// cache even when FormatVersion is unchanged.
const BuildVersion = 14 // 2: agent nouns no longer share their action noun's stem; verse texts no longer swallow neighbours; 3: LINES and LINEDICT (topic lines); 4: topic lines read from the entries' links; 5: Cherokee folds to capitals; 6: a Bible whose data is damaged is left out whole and named in META, never indexed in part; 7: LANG per Bible, stems in the Bible's language; 8: commentaries indexed (COMMENT); 9: XREFS, XREFIN (open cross-references) and TOPICVERSES; 10: THES (WordNet), COMMDICT and COMMLENS (commentaries), TOPICSEE; 11: THES has WordNet's hyponyms; 12: INFLECT (WordNet's irregular plurals); 13: INFLECT has the verbs' irregular forms; 14: KEYS (each verse's KJV ordinal)

const (
	magic        = "BEREANIX" // first 8 bytes of the file
	trailerMagic = "XINAEREB" // last 8 bytes of the file

	headerSize  = 16 // magic, version uint32, flags uint32
	tocEntrySz  = 24 // kind uint16, bible uint16, crc uint32, off uint64, len uint64
	trailerSize = 56 // fingerprint [32], tocOff uint64, tocCount uint32, crc uint32, magic [8]

	// maxDocs is the most verses one Bible may have: doc ids are uint16.
	maxDocs = 1 << 16
	// skipEvery is the number of docs between skip entries of a posting list.
	skipEvery = 64
)

// Section kinds. Per-Bible sections carry the Bible's number in the TOC
// entry; global sections carry 0xFFFF.
const (
	secMeta     = 1  // global: JSON metadata
	secBible    = 2  // per Bible: descriptor
	secDocs     = 3  // per Bible: ordinals, refs, lengths
	secText     = 4  // per Bible: verse texts as token streams
	secStem     = 5  // per Bible: dict stem term -> posting offset
	secExact    = 6  // per Bible: dict folded form -> posting offset
	secStrong   = 7  // per Bible: dict Strong's key -> posting offset
	secPost     = 8  // per Bible: posting lists
	secArchaic  = 9  // per Bible: dict modern form -> exact term ids
	secAlign    = 10 // per Bible: dict stem term -> Strong's keys with counts
	secLexKeys  = 11 // global: dict Strong's key -> lexicon entry (gloss)
	secLexDict  = 12 // global: dict definition stem -> lexicon key ids
	secTopics   = 13 // global: dict topic name -> refs
	secTopicDic = 14 // global: dict topic-name stem -> topic ids
	secForms    = 16 // per Bible: string table of the surface forms of words
	secSeps     = 17 // per Bible: string table of the separators between words
	secBlocks   = 18 // per Bible: CRC-32C of every 4 KiB block of POST and TEXT
	secLines    = 19 // global: table of topic lines (topic, heading, text, stems, refs)
	secLineDict = 20 // global: dict stem of a line's words -> line ids
	secXrefs    = 25 // global: open cross-references by source verse, with votes
	secXrefIn   = 26 // global: the same by target verse, and each verse's in-degree of votes
	secTopicVrs = 27 // global: verse -> the topics citing it
	secThes     = 28 // global: dict stem -> related Bible stems with weights (WordNet)
	secCommDict = 29 // global: dict stem -> KJV ordinals with tf (commentary words)
	secCommLens = 30 // global: commentary words per KJV ordinal
	secTopicSee = 31 // global: dict topic name -> the topics it points to ("See")
	secInflect  = 33 // global: dict stem -> the Bible stems of its irregular inflections (WordNet)

	globalBible = 0xFFFF
)

var sectionNames = map[uint16]string{
	secMeta: "META", secBible: "BIBLE", secDocs: "DOCS", secText: "TEXT",
	secStem: "STEM", secExact: "EXACT", secStrong: "STRONG", secPost: "POST",
	secArchaic: "ARCH", secAlign: "ALIGN", secLexKeys: "LEXKEYS",
	secLexDict: "LEXDICT", secTopics: "TOPICS", secTopicDic: "TOPICDICT", secForms: "FORMS", secSeps: "SEPS", secBlocks: "BLOCKS",
	secLines: "LINES", secLineDict: "LINEDICT", secLang: "LANG", secComment: "COMMENT",
	secXrefs: "XREFS", secXrefIn: "XREFIN", secTopicVrs: "TOPICVERSES",
	secThes: "THES", secCommDict: "COMMDICT", secCommLens: "COMMLENS", secTopicSee: "TOPICSEE",
	secInflect: "INFLECT", secKeys: "KEYS",
}
