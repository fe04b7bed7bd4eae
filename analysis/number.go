package analysis

import "strconv"

// Number is a cardinal number written in words or digits: words[Start:End]
// of the slice Numbers read, worth Value.
type Number struct {
	Start, End int
	Value      int
}

// Digits is the number as digits ("5000").
func (n Number) Digits() string { return strconv.Itoa(n.Value) }

// numberWords are the English cardinals below a hundred that are one word,
// and the scales that multiply what comes before them.
var (
	numberUnits = map[string]int{
		"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
		"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
		"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
		"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
		"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
		"eighty": 80, "ninety": 90, "threescore": 60, "fourscore": 80,
	}
	numberScales = map[string]int{"hundred": 100, "thousand": 1000}
)

// maxNumber bounds what Numbers adds up: larger runs ("thousand thousand
// thousand ...") stop growing instead of overflowing.
const maxNumber = 1_000_000_000

// Numbers finds the cardinal numbers among folded words, written in
// digits ("5000") or in words ("five thousand", "three hundred", "forty
// two", "fourscore and seven", "two and twenty": "and" joins only inside a number), so that
// a name written one way matches a question written the other. A run of
// words is one number; a lone "one" is not read (it is mostly a pronoun:
// "one another"), nor are ordinals ("first").
func Numbers(words []string) []Number {
	var out []Number
	for i := 0; i < len(words); {
		if v, err := strconv.Atoi(words[i]); err == nil && v >= 0 && len(words[i]) <= 9 {
			out = append(out, Number{Start: i, End: i + 1, Value: v})
			i++
			continue
		}
		total, cur, end := 0, 0, i
		joined := false
		for j := i; j < len(words); j++ {
			w := words[j]
			if u, ok := numberUnits[w]; ok {
				// "five thousand five hundred"; "twenty four" adds, "four
				// twenty" does not, "two and twenty" (the KJV's order) does.
				if end > i && cur%10 != 0 && !joined {
					break
				}
				cur += u
				end = j + 1
				joined = false
				continue
			}
			if s, ok := numberScales[w]; ok && end > i {
				switch {
				case cur == 0 && total > 0: // "thousand thousand"
					total = min(total*s, maxNumber)
				default:
					cur = max(cur, 1) * s
					if s >= 1000 {
						total += cur
						cur = 0
					}
				}
				end = j + 1
				if total > maxNumber || cur > maxNumber {
					break
				}
				continue
			}
			if w == "and" && end == j && j+1 < len(words) {
				if _, ok := numberUnits[words[j+1]]; ok {
					joined = true
					continue
				}
			}
			break
		}
		if end == i {
			i++
			continue
		}
		v := min(total+cur, maxNumber)
		if !(end == i+1 && words[i] == "one") {
			out = append(out, Number{Start: i, End: end, Value: v})
		}
		i = end
	}
	return out
}
