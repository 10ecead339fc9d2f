package suggest

import "strings"

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
