package suggest

import (
	"fmt"
	"strings"
)

// MaxEdits is the edit distance within which a name is suggested
// whatever its length.
const MaxEdits = 2

// Nearest returns the allowed name nearest to name and whether there is
// one close enough to suggest: a name equal to it but for letter case,
// else the nearest within [MaxEdits] edits (or len(name)/3 edits, when
// larger). An exact match is returned as well.
func Nearest(name string, allowed []string) (string, bool) {
	for _, a := range allowed {
		if a == name {
			return a, true
		}
	}
	for _, a := range allowed {
		if strings.EqualFold(a, name) {
			return a, true
		}
	}
	// A name written with look-alike letters of another script (a
	// Cyrillic а for a Latin a) is the name it looks like.
	if folded := FoldConfusables(name); folded != name {
		for _, a := range allowed {
			if strings.EqualFold(a, folded) {
				return a, true
			}
		}
	}
	limit := max(MaxEdits, len([]rune(name))/3)
	best, bestD := "", limit+1
	for _, a := range allowed {
		if d := Distance(name, a); d < bestD {
			best, bestD = a, d
		}
	}
	return best, best != ""
}

// DidYouMean returns "; did you mean X?" for the allowed name X nearest to
// name (see [Nearest]), or "" when none is close: a suffix for a message
// that refuses name.
func DidYouMean(name string, allowed []string) string {
	if s, ok := Nearest(name, allowed); ok && s != name {
		if r, ok := firstConfusable(name); ok && strings.EqualFold(FoldConfusables(name), s) {
			return fmt.Sprintf("; did you mean %s? (%q is written with %q, U+%04X, a letter of another script that looks Latin)", s, name, r, r)
		}
		return "; did you mean " + s + "?"
	}
	return ""
}

// Distance is the Levenshtein distance between a and b, in runes.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// confusables maps letters of other scripts that look like Latin letters
// (Cyrillic and Greek) to those letters.
var confusables = map[rune]rune{
	'а': 'a', 'в': 'b', 'е': 'e', 'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o', 'р': 'p', 'с': 'c', 'т': 't',
	'у': 'y', 'х': 'x', 'і': 'i', 'ј': 'j', 'ѕ': 's', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w', 'ӏ': 'l',
	'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T',
	'Х': 'X', 'І': 'I', 'Ј': 'J', 'Ѕ': 'S',
	'α': 'a', 'ο': 'o', 'ν': 'v', 'ι': 'i', 'κ': 'k', 'ρ': 'p', 'τ': 't', 'υ': 'u', 'χ': 'x',
	'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N', 'Ο': 'O', 'Ρ': 'P',
	'Τ': 'T', 'Υ': 'Y', 'Χ': 'X', 'Ζ': 'Z',
}

// FoldConfusables replaces every letter of name that looks like a Latin
// letter but is not one (Cyrillic а, Greek ο, …) by that Latin letter.
func FoldConfusables(name string) string {
	return strings.Map(func(r rune) rune {
		if l, ok := confusables[r]; ok {
			return l
		}
		return r
	}, name)
}

// firstConfusable returns the first look-alike letter of name.
func firstConfusable(name string) (rune, bool) {
	for _, r := range name {
		if _, ok := confusables[r]; ok {
			return r, true
		}
	}
	return 0, false
}
