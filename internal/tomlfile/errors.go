package tomlfile

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
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

	// Year is the one year the problem concerns, or 0. The same problem
	// in several years at the same place is reported once by
	// [Errors.MergeYears], naming the years.
	Year int
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

// MergeYears reports a problem that holds in several years once: errors
// with a Year, at the same place, whose key and message differ only in
// that year, become one error naming the years. In the message "year Y"
// becomes "years 2019–2021, 2023" and any other Y the bare list; a message
// that does not name the year ends with " in years …"; a key's "[Y]" is
// dropped. Other errors, and problems of a single year, are kept as they
// are, in their order.
func (es Errors) MergeYears() Errors {
	type group struct {
		at       int // index in out
		key, msg string
		years    []int
	}
	var out Errors
	var groups []*group
	byID := map[string]*group{}
	for _, e := range es {
		if e.Year == 0 {
			out = append(out, e)
			continue
		}
		y := strconv.Itoa(e.Year)
		key := strings.ReplaceAll(e.Key, "["+y+"]", "[\x00]")
		msg := strings.ReplaceAll(e.Msg, y, "\x00")
		id := fmt.Sprintf("%s\x01%d\x01%d\x01%s\x01%s", e.File, e.Line, e.Col, key, msg)
		g, ok := byID[id]
		if !ok {
			g = &group{at: len(out), key: key, msg: msg}
			byID[id] = g
			groups = append(groups, g)
			out = append(out, e)
		}
		g.years = append(g.years, e.Year)
	}
	for _, g := range groups {
		slices.Sort(g.years)
		g.years = slices.Compact(g.years)
		if len(g.years) < 2 {
			continue
		}
		m := *out[g.at]
		m.Year = 0
		m.Key = strings.ReplaceAll(g.key, "[\x00]", "")
		list := YearList(g.years)
		if strings.Contains(g.msg, "\x00") {
			msg := strings.ReplaceAll(g.msg, "year \x00", list)
			m.Msg = strings.ReplaceAll(msg, "\x00", YearRanges(g.years))
		} else {
			m.Msg = g.msg + " in " + list
		}
		out[g.at] = &m
	}
	return out
}

// YearList writes sorted years as "year 2021" or "years 2019–2021, 2023".
func YearList(years []int) string {
	if len(years) == 1 {
		return "year " + strconv.Itoa(years[0])
	}
	return "years " + YearRanges(years)
}

// YearRanges writes sorted years as runs: "2019–2021, 2023".
func YearRanges(years []int) string {
	var parts []string
	for i := 0; i < len(years); {
		j := i
		for j+1 < len(years) && years[j+1] == years[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("%d–%d", years[i], years[j]))
		} else {
			parts = append(parts, strconv.Itoa(years[i]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}
