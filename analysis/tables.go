package analysis

import "sync"

// irregular maps whole archaic words (folded) to modern ones. Pronouns:
// the second person folds to one form, "you" (subject and object) and
// "your" (possessive).
var irregular = sync.OnceValue(func() map[string]string {
	return map[string]string{
		// pronouns
		"thou": "you", "thee": "you", "ye": "you",
		"thy": "your", "thine": "your",
		"thyself": "yourself",
		// be, have, do, say and the modals
		"art": "are", "wast": "were", "wert": "were", "beest": "are",
		"hath": "has", "hast": "have", "hadst": "had", "hadest": "had",
		"doth": "does", "dost": "do", "didst": "did", "diddest": "did",
		"saith": "says", "sayest": "say", "saidst": "said",
		"shalt": "shall", "wilt": "will", "canst": "can", "cannest": "can",
		"couldst": "could", "couldest": "could",
		"wouldst": "would", "wouldest": "would",
		"shouldst": "should", "shouldest": "should",
		"mayst": "may", "mayest": "may",
		"mightst": "might", "mightest": "might",
		"oughtest": "ought", "blest": "blessed",
		"wot": "know", "wotteth": "knows", "wist": "knew", "knowst": "know",
		"durst": "dared",
		// old strong pasts and spellings
		"spake": "spoke", "spakest": "spoke", "brake": "broke", "sware": "swore",
		"drave": "drove", "holpen": "helped", "digged": "dug", "diggedst": "dug",
		"builded": "built", "buildedst": "built", "castedst": "cast",
		"layedst": "laid",
		"shew":    "show", "shewed": "showed", "shewn": "shown", "shewing": "showing",
		"shews": "shows", "shewest": "show", "sheweth": "shows",
		"amongst": "among", "whilst": "while", "amidst": "amid",
		"whoso": "whoever", "whosoever": "whoever",
	}
})

// irregularBase modernises a base left by stripping -eth or -est, before
// the irregular table is consulted (wot: wotteth is "knows").
var irregularBase = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"shew": "show", "wot": "know",
	}
})

// notArchaic: words ending in -eth, -est or -dst that are not archaic verb
// forms: names, nouns, ordinals, superlatives and modern verbs.
var notArchaic = sync.OnceValue(func() map[string]bool {
	return set(
		// -eth
		"teeth", "beth", "seth", "heth", "japheth", "elisabeth", "elizabeth",
		"nazareth", "ashtoreth", "chinnereth", "gennesareth", "daleth",
		"twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth",
		"seventieth", "eightieth", "ninetieth", "hundredth",
		// names (KJV and WEB spellings; parts of hyphenated names)
		"aijeleth", "alameth", "alemeth", "allemeth", "asbasareth", "azmaveth",
		"basshebeth", "bectileth", "beseth", "bezeth", "bosheth", "dabbasheth",
		"dabbesheth", "hammoleketh", "hammolecheth", "haraseth", "hareseth",
		"hareth", "harosheth", "hassophereth", "hazarmaveth", "hereth",
		"ishbosheth", "jerubbesheth", "jetheth", "mephibosheth", "meshullemeth",
		"mispereth", "moeth", "morasheth", "moresheth", "obeth", "peleth",
		"phacareth", "pibeseth", "pochereth", "remeth", "shallecheth", "sheth",
		"shibboleth", "sibboleth", "sophereth", "tanhumeth", "tebeth",
		"thermeleth", "topheth", "zareth", "zereth", "zoheleth", "zoheth",
		"arzareth", "macbeth",
		// -est nouns and modern verbs
		"forest", "priest", "rest", "west", "honest", "interest", "breast",
		"beast", "feast", "least", "chest", "guest", "request", "earnest",
		"harvest", "conquest", "quest", "nest", "crest", "test", "protest",
		"contest", "manifest", "arrest", "behest", "tempest", "bequest",
		"digest", "invest", "infest", "molest", "suggest", "detest", "attest",
		"jest", "pest", "vest", "zest", "lest", "unrest", "divest", "wrest",
		"modest", "immodest", "dishonest", "incest", "yeast", "abreast",
		"northwest", "southwest", "northeast", "southeast", "congest", "ingest",
		// -est superlatives
		"best", "highest", "eldest", "greatest", "youngest", "strongest",
		"mightiest", "holiest", "wisest", "fairest", "dearest", "nearest",
		"chiefest", "goodliest", "latest", "largest", "smallest", "lowest",
		"sorest", "choicest", "finest", "fattest", "fullest", "longest",
		"purest", "richest", "sweetest", "weakest", "hardest", "deepest",
		"darkest", "fiercest", "basest", "brightest", "closest", "easiest",
		"happiest", "heaviest", "loudest", "loveliest", "noblest", "oldest",
		"poorest", "proudest", "quickest", "rarest", "safest", "shortest",
		"simplest", "slowest", "softest", "strictest", "tallest", "thickest",
		"truest", "vilest", "warmest", "wickedest", "widest", "wildest",
		"worthiest", "uttermost", "furthest", "farthest", "hindmost", "coldest",
		"hottest", "newest", "coolest", "biggest", "freshest", "straitest",
		"valiantest", "fewest", "bravest", "fittest", "fondest", "kindest",
		"cleanest", "surest", "meekest",
		// -dst
		"midst", "amidst",
	)
})

// eBase: bases (ending stripped) the restoreBase rules get wrong.
var eBase = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"sat": "sat", "guid": "guide", "beguil": "beguile", "assuag": "assuage",
		"persuad": "persuade", "dissuad": "dissuade", "murmur": "murmur",
		"bequeath": "bequeath", "mouth": "mouth", "smooth": "smooth",
		"creat": "create", "procreat": "procreate",
		"tast": "taste", "hast": "haste", "wast": "waste", "past": "paste",
		"persever": "persevere", "rever": "revere", "adher": "adhere",
		"interfer": "interfere", "conven": "convene", "interven": "intervene",
		"aton": "atone", "dethron": "dethrone", "enthron": "enthrone",
		"condon": "condone", "postpon": "postpone",
		"invit": "invite", "unit": "unite", "recit": "recite", "excit": "excite",
		"incit": "incite", "requit": "requite", "ignit": "ignite",
		"complet": "complete", "compet": "compete", "delet": "delete",
		"exhal": "exhale", "inhal": "inhale", "ow": "owe", "disow": "disown",
		"butt": "butt", "purr": "purr",
	}
})

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}
