package tomlfile

import (
	"bytes"
	"fmt"
)

// The shape limits of a TOML file, checked by [CheckShape] before the
// decoder sees the file: far above any real scenario, spec or index file
// (which nest at most five levels and hold a few thousand keys), they keep
// the decoder's time and memory bounded (it is superlinear in the nesting:
// 10 000 nested inline tables took it a minute and 4 GB).
const (
	// MaxDepth is how deep a file may nest: each component of a table
	// header or dotted key, each inline table and each array is a level.
	MaxDepth = 32
	// MaxKeys is how many keys and table headers a file may hold.
	MaxKeys = 20000
)

// CheckShape scans src once and returns an error, placed at the line and
// column where the limit is passed, when the file nests deeper than
// MaxDepth or holds more than MaxKeys keys. It understands just enough
// TOML (strings, comments, keys, headers, brackets) to count; what it does
// not understand it skips, leaving syntax errors to the decoder.
func (f *File) CheckShape() error {
	at, msg := checkShape(f.Src)
	if msg == "" {
		return nil
	}
	line, col := lineCol(f.Src, at)
	return &Error{File: f.Name, Line: line, Col: col, Msg: msg}
}

// lineCol returns the 1-based line and column (in bytes) of offset at.
func lineCol(src []byte, at int) (line, col int) {
	at = min(at, len(src))
	line = 1 + bytes.Count(src[:at], []byte{'\n'})
	return line, at - bytes.LastIndexByte(src[:at], '\n')
}

// container is an open inline table or array and the level of what it
// holds.
type container struct {
	table bool // '{' rather than '['
	level int
}

// checkShape returns the offset at which src passes a limit and a message
// saying which, or "" when it keeps to them. The level of a value is the
// length of its key path, each array counting as a component.
func checkShape(src []byte) (at int, msg string) {
	const (
		stKey   = iota // a key (or, at the top, a table header) may come
		stValue        // a value comes
		stAfter        // a value (or header) has been read
	)
	var (
		st     = stKey
		stack  []container
		table  int // the level of the keys of the current table
		vlevel int // the level of the value to come (stValue)
		keys   int
	)
	deep := func(level int) string {
		return fmt.Sprintf("nested %d levels deep; a file may nest at most %d levels (components of table headers and dotted keys, inline tables and arrays together)", level, MaxDepth)
	}
	tooMany := fmt.Sprintf("more than %d keys; a file may hold at most %d keys and table headers", MaxKeys, MaxKeys)
	top := func() *container {
		if len(stack) == 0 {
			return nil
		}
		return &stack[len(stack)-1]
	}
	for i := 0; i < len(src); {
		c := src[i]
		switch c {
		case ' ', '\t', '\r':
			i++
			continue
		case '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			continue
		case '\n':
			i++
			if len(stack) == 0 {
				st = stKey // a newline ends a top-level value
			}
			continue
		}
		switch st {
		case stKey:
			if t := top(); c == '}' && t != nil && t.table {
				stack = stack[:len(stack)-1]
				i++
				st = stAfter
				continue
			}
			if c == '[' && len(stack) == 0 {
				start := i
				i++
				if i < len(src) && src[i] == '[' {
					i++
				}
				var parts int
				i, parts = skipKey(src, i)
				if keys++; keys > MaxKeys {
					return start, tooMany
				}
				if parts > MaxDepth {
					return start, deep(parts)
				}
				table = parts
				st = stAfter
				continue
			}
			start := i
			j, parts := skipKey(src, i)
			if j == i { // not a key: leave it to the decoder
				i++
				continue
			}
			i = j
			if keys++; keys > MaxKeys {
				return start, tooMany
			}
			base := table
			if t := top(); t != nil {
				base = t.level
			}
			if level := base + parts; level > MaxDepth {
				return start, deep(level)
			} else {
				vlevel = level
			}
			st = stAfter
			if i < len(src) && src[i] == '=' {
				i++
				st = stValue
			}
		case stValue:
			switch c {
			case '"', '\'':
				i = skipString(src, i)
				st = stAfter
			case '[':
				if vlevel+1 > MaxDepth {
					return i, deep(vlevel + 1)
				}
				vlevel++
				stack = append(stack, container{level: vlevel})
				i++
			case '{':
				stack = append(stack, container{table: true, level: vlevel})
				i++
				st = stKey
			case ']':
				if t := top(); t != nil && !t.table { // an empty array
					stack = stack[:len(stack)-1]
				}
				i++
				st = stAfter
			default:
				j := i
				for j < len(src) && !bytes.ContainsRune([]byte(" \t\r\n,]}#"), rune(src[j])) {
					j++
				}
				i = max(j, i+1)
				st = stAfter
			}
		case stAfter:
			t := top()
			switch {
			case c == ',' && t != nil && t.table:
				st = stKey
			case c == ',' && t != nil:
				st, vlevel = stValue, t.level
			case c == ']' && t != nil && !t.table, c == '}' && t != nil && t.table:
				stack = stack[:len(stack)-1]
			}
			i++
		}
	}
	return 0, ""
}

// skipKey skips a (dotted) key starting at i and returns where it ends and
// how many components it has.
func skipKey(src []byte, i int) (int, int) {
	parts := 0
	for {
		for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
			i++
		}
		if i >= len(src) {
			return i, parts
		}
		switch c := src[i]; {
		case c == '"' || c == '\'':
			i = skipString(src, i)
		case isBare(c):
			for i < len(src) && isBare(src[i]) {
				i++
			}
		default:
			return i, parts
		}
		parts++
		for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
			i++
		}
		if i >= len(src) || src[i] != '.' {
			return i, parts
		}
		i++
	}
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c >= 0x80
}

// skipString skips the string (basic, literal, or their multi-line forms)
// starting at i and returns the offset after it (or the end of src).
func skipString(src []byte, i int) int {
	q := src[i]
	if bytes.HasPrefix(src[i:], []byte{q, q, q}) {
		i += 3
		for i < len(src) {
			if q == '"' && src[i] == '\\' {
				i += 2
				continue
			}
			if bytes.HasPrefix(src[i:], []byte{q, q, q}) {
				i += 3
				for i < len(src) && src[i] == q { // up to two quotes may end the content
					i++
				}
				return i
			}
			i++
		}
		return i
	}
	i++
	for i < len(src) && src[i] != '\n' {
		switch src[i] {
		case '\\':
			if q == '"' {
				i++
			}
		case q:
			return i + 1
		}
		i++
	}
	return i
}
