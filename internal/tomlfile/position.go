package tomlfile

import "strings"

// index holds where each table header and key line of a file is written,
// so that locating a key is a few map look-ups.
type index struct {
	lines []entry
	any   map[string]int   // joined path → first header or key line with that path
	keys  map[string]int   // joined path → first key line with that path
	array map[string][]int // joined path → every [[array]] header line with that path
	under map[string]int   // joined path → first header of a table under it
}

// entry is one table header or key line.
type entry struct {
	line, col int    // where the header or key starts
	rest      string // key lines: the text after '=', for keys of an inline table
	restCol   int    // the column of rest's first byte
	path      string // the joined key path of the line
	header    bool   // a table header
}

// join makes a map key of a key path; no key contains a NUL.
func join(path []string) string { return strings.Join(path, "\x00") }

// newIndex scans src once. The rules are those a search for one key would
// apply line by line: the first line that writes the key, or writes a key
// holding it as an inline table, places it.
func newIndex(src []byte) index {
	x := index{any: map[string]int{}, keys: map[string]int{}, array: map[string][]int{}, under: map[string]int{}}
	add := func(path []string, e entry, key bool) {
		k := join(path)
		e.path, e.header = k, !key
		if _, ok := x.any[k]; !ok {
			x.any[k] = len(x.lines)
		}
		if _, ok := x.keys[k]; key && !ok {
			x.keys[k] = len(x.lines)
		}
		x.lines = append(x.lines, e)
	}
	var table []string
	inMulti := "" // the delimiter of the multi-line string being skipped
	// A byte order mark is not part of the first line's text: columns
	// count from after it.
	text := strings.TrimPrefix(string(src), "\ufeff")
	for n, raw := range strings.Split(text, "\n") {
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
			// The tables a header implies ([a.b] implies a), for
			// locateUnder.
			for i := 1; i < len(table); i++ {
				if _, ok := x.under[join(table[:i])]; !ok {
					x.under[join(table[:i])] = len(x.lines)
				}
			}
			if strings.HasPrefix(trimmed, "[[") {
				k := join(table)
				x.array[k] = append(x.array[k], len(x.lines))
			}
			add(table, entry{line: n + 1, col: indent + 1}, false)
			continue
		}
		eq := strings.IndexByte(trimmed, '=')
		if eq < 0 {
			continue
		}
		full := append(append([]string(nil), table...), splitKey(trimmed[:eq])...)
		add(full, entry{line: n + 1, col: indent + 1, rest: trimmed[eq+1:], restCol: indent + eq + 2}, true)
		for _, d := range []string{`"""`, `'''`} {
			if strings.Count(trimmed[eq:], d)%2 == 1 {
				inMulti = d
			}
		}
	}
	return x
}

// locateArray returns where the n-th (from 0) header [[path]] of an array
// of tables is written, with the key below it when below is not empty.
func (x *index) locateArray(n int, path, below []string) (line, col int) {
	hs := x.array[join(path)]
	if n < 0 || n >= len(hs) {
		return 0, 0
	}
	e := x.lines[hs[n]]
	if len(below) == 0 {
		return e.line, e.col
	}
	// The key lines of the table follow its header, up to the next header.
	full := join(append(append([]string(nil), path...), below...))
	for _, l := range x.lines[hs[n]+1:] {
		if l.header {
			break
		}
		if l.path == full {
			return l.line, l.col
		}
	}
	return e.line, e.col
}

// locate returns where path is written: at the first line that writes it,
// or that writes a key holding it as an inline table, whichever comes
// first.
func (x *index) locate(path []string) (line, col int) {
	if len(path) == 0 {
		return 0, 0
	}
	best, prefix := -1, 0
	if i, ok := x.any[join(path)]; ok {
		best, prefix = i, len(path)
	}
	for n := 1; n < len(path); n++ {
		if i, ok := x.keys[join(path[:n])]; ok && (best < 0 || i < best) {
			best, prefix = i, n
		}
	}
	if best < 0 {
		return x.locateUnder(path) // a table only implied, as gdpp by [gdpp.x]
	}
	e := x.lines[best]
	if prefix == len(path) {
		return e.line, e.col
	}
	// The key is inside an inline table on this line: find the first of
	// the remaining components followed by '='.
	rest, c := e.rest, e.restCol
	for _, k := range path[prefix:] {
		i := findKey(rest, k)
		if i < 0 {
			return e.line, e.col
		}
		c += i
		rest = rest[i:]
	}
	return e.line, c
}

// locateUnder returns where the first table header under path is written
// ([a.b] for a), or 0, 0: the place of a table only implied by headers.
func (x *index) locateUnder(path []string) (line, col int) {
	if i, ok := x.under[join(path)]; ok {
		return x.lines[i].line, x.lines[i].col
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
