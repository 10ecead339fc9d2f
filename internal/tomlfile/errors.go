package tomlfile

import (
	"fmt"
	"sort"
	"strings"
)

// Error is one problem with a file: where it is and what is wrong. Line and
// Col are 1-based and 0 when the position is not known.
type Error struct {
	File string // the file as named by the user, or "embedded:NAME.toml"
	Line int
	Col  int
	Key  string // key path, e.g. "capital.ict_share" or "gdp.growth_pct.2021"
	Msg  string
}

// Error formats e as "file:line:col: key: msg", leaving out what is not
// known.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(": ")
	if e.Key != "" {
		b.WriteString(e.Key)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Errors are every problem found in a file (or a file and those it
// extends), reported together, one a line.
type Errors []*Error

func (es Errors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Unwrap lets errors.As find each *Error.
func (es Errors) Unwrap() []error {
	errs := make([]error, len(es))
	for i, e := range es {
		errs[i] = e
	}
	return errs
}

// Sort orders es by file, line and column, keeping the order of errors at
// the same place, and returns es.
func (es Errors) Sort() Errors {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return es
}
