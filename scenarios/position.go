package scenarios

import (
	"strings"
)

// Locate returns the 1-based line and column at which the key path is
// written in the TOML source src, or 0, 0 when it cannot tell. Other
// readers of TOML files (calibration specs) use it to place their errors.
func Locate(src []byte, path ...string) (line, col int) { return locate(src, path) }

// locate returns the 1-based line and column at which the key path is
// written in the TOML source src, or 0, 0 when it cannot tell.
//
// The TOML decoder reports positions only for syntax errors, so the loader
// finds keys itself. It understands table headers ([a.b], [[a]]), bare,
// quoted and dotted keys, and keys inside an inline table on the key's line;
// it skips comments and multi-line strings. That covers what scenario files
// contain; anything it cannot place is reported without a line.
func locate(src []byte, path []string) (line, col int) {
	var table []string
	inMulti := "" // the delimiter of the multi-line string being skipped
	for n, raw := range strings.Split(string(src), "\n") {
		text := strings.TrimSuffix(raw, "\r")
		if inMulti != "" {
			if strings.Count(text, inMulti)%2 == 1 {
				inMulti = ""
			}
			continue
		}
		trimmed := strings.TrimLeft(text, " \t")
		indent := len(text) - len(trimmed)
		switch {
		case trimmed == "" || trimmed[0] == '#':
			continue
		case trimmed[0] == '[':
			inner := strings.TrimLeft(trimmed, "[")
			end := headerEnd(inner)
			if end < 0 {
				continue
			}
			table = splitKey(inner[:end])
			if equalPath(table, path) {
				return n + 1, indent + 1
			}
			continue
		}
		eq := strings.IndexByte(trimmed, '=')
		if eq < 0 {
			continue
		}
		full := append(append([]string(nil), table...), splitKey(trimmed[:eq])...)
		if equalPath(full, path) {
			return n + 1, indent + 1
		}
		if len(full) < len(path) && equalPath(full, path[:len(full)]) {
			// The key is inside an inline table on this line: find the
			// first of the remaining components followed by '='.
			rest := trimmed[eq+1:]
			c := indent + eq + 2
			for _, k := range path[len(full):] {
				i := findKey(rest, k)
				if i < 0 {
					return n + 1, indent + 1
				}
				c += i
				rest = rest[i:]
			}
			return n + 1, c
		}
		for _, d := range []string{`"""`, `'''`} {
			if strings.Count(trimmed[eq:], d)%2 == 1 {
				inMulti = d
			}
		}
	}
	return 0, 0
}

// headerEnd returns the index of the ']' that closes a table header's key
// (a quoted key may contain ']', as in [targets."ii_share_pct[2024]"]), or −1.
func headerEnd(s string) int {
	var quote byte
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == ']':
			return i
		}
	}
	return -1
}

// splitKey splits a dotted key such as `tfp.weight."x"` into its parts.
func splitKey(s string) []string {
	var parts []string
	for p := range strings.SplitSeq(s, ".") {
		p = strings.TrimSpace(p)
		p = strings.Trim(p, `"'`)
		parts = append(parts, p)
	}
	return parts
}

// findKey returns the offset in s of key k written as `k =` (bare or
// quoted), or −1.
func findKey(s, k string) int {
	for _, form := range []string{k, `"` + k + `"`, `'` + k + `'`} {
		off := 0
		for {
			i := strings.Index(s[off:], form)
			if i < 0 {
				break
			}
			i += off
			before := i == 0 || strings.ContainsRune("{, \t", rune(s[i-1]))
			after := strings.TrimLeft(s[i+len(form):], " \t")
			if before && strings.HasPrefix(after, "=") {
				return i
			}
			off = i + 1
		}
	}
	return -1
}

func equalPath(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
