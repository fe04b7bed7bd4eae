package verify

import (
	"strings"

	"github.com/kljensen/snowball/english"
)

// Temporary normaliser until package analysis lands.

var shimStop = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the and or but nor for so yet of to in on at by with from into onto upon unto
	up out off over under about as than then that this these those there here which who whom whose what when where why how
	i me my mine we us our ours you your yours he him his she her hers it its they them their theirs thou thee thy thine ye
	is am are was were be been being have has had do does did shall will would should can could may might must not no
	all any some each every also even if because let s o oh`) {
		shimStop[w] = true
	}
}

var shimArchaic = map[string]string{"hath": "has", "saith": "says", "thee": "you", "thou": "you", "thy": "your", "thine": "your", "ye": "you",
	"doth": "does", "art": "are", "shalt": "shall", "wilt": "will", "hast": "have", "didst": "did", "unto": "to"}

func termOf(word string) string {
	w := strings.ToLower(word)
	if m, ok := shimArchaic[w]; ok {
		w = m
	}
	if strings.HasSuffix(w, "eth") && len(w) > 5 {
		w = w[:len(w)-3]
	} else if strings.HasSuffix(w, "est") && len(w) > 6 {
		w = w[:len(w)-3]
	}
	return english.Stem(w, false)
}

func isStopWord(word string) bool { return shimStop[strings.ToLower(word)] }
