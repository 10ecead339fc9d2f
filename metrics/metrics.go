package metrics

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"simulate/internal/suggest"
	"simulate/model"
)

// Metric is one named model output: a per-year value at Year, or a period
// total (Year 0). The zero Metric is not valid.
type Metric struct {
	c *Column // the metric's row of Columns or Totals; nil in the zero Metric
	// Year is the year of a per-year metric; 0 for a period total, and 0
	// for a per-year metric parsed without a year (see [Metric.WithYear]).
	Year int
}

// ErrSyntax is what every error of Parse is (errors.Is): text that is not
// a metric.
var ErrSyntax = errors.New("metrics: not a metric")

// Error is a problem with a metric as written, from Parse or Check. Msg is
// what a user reads; Error adds the package's prefix.
type Error struct {
	Syntax bool   // from Parse: the text is not a metric (errors.Is(e, ErrSyntax))
	Msg    string // e.g. `unknown metric "x"; metrics are …`
}

func (e *Error) Error() string { return "metrics: " + e.Detail() }

// Detail returns Msg, prefixed with "not a metric: " for a syntax error.
func (e *Error) Detail() string {
	if e.Syntax {
		return "not a metric: " + e.Msg
	}
	return e.Msg
}

// Is reports whether target is ErrSyntax and e a syntax error.
func (e *Error) Is(target error) bool { return e.Syntax && target == ErrSyntax }

func syntaxError(format string, args ...any) error {
	return &Error{Syntax: true, Msg: fmt.Sprintf(format, args...)}
}

func checkError(format string, args ...any) error {
	return &Error{Msg: fmt.Sprintf(format, args...)}
}

// Parse reads a metric written NAME or NAME[YEAR]. A per-year metric may be
// written without a year (its Year is then 0); a period total may not have
// one.
func Parse(s string) (Metric, error) {
	name, year := s, 0
	if i := strings.IndexByte(s, '['); i >= 0 {
		if !strings.HasSuffix(s, "]") {
			return Metric{}, syntaxError("%q: a year is written NAME[YEAR], e.g. ii_increment_yi[2019]", s)
		}
		y, ok := model.ParseYear(s[i+1 : len(s)-1])
		if !ok {
			return Metric{}, syntaxError("%q: %q is not a year (four digits)", s, s[i+1:len(s)-1])
		}
		name, year = s[:i], y
	}
	c, ok := lookup(name)
	if !ok {
		if near, ok := suggest.Nearest(name, Names()); ok {
			return Metric{}, syntaxError("unknown metric %q; did you mean %s? (metrics: %s)", name, near, strings.Join(Names(), ", "))
		}
		return Metric{}, syntaxError("unknown metric %q; metrics are %s", name, strings.Join(Names(), ", "))
	}
	m := Metric{c: c, Year: year}
	if !m.PerYear() && year != 0 {
		return Metric{}, syntaxError("%q: %s is a total over the span and takes no year", s, name)
	}
	return m, nil
}

// lookup returns the row of the metric named name.
func lookup(name string) (*Column, bool) {
	c, ok := Lookup(name)
	if !ok || c.PerChannel() {
		return nil, false
	}
	return c, true
}

// Names returns the names of every metric: the per-year ones in the order
// of results.csv's columns, then the period totals (but the one per
// channel).
func Names() []string {
	names := make([]string, 0, len(Columns)+len(Totals))
	for i := range Columns {
		names = append(names, Columns[i].Name)
	}
	for i := range Totals {
		if !Totals[i].PerChannel() {
			names = append(names, Totals[i].Name)
		}
	}
	return names
}

// Valid reports whether m is a metric (not the zero Metric).
func (m Metric) Valid() bool { return m.c != nil }

// Column returns the row of m in [Columns] or [Totals].
//
// It panics if m is not valid.
func (m Metric) Column() *Column {
	if m.c == nil {
		panic("metrics: the zero Metric reads nothing")
	}
	return m.c
}

// Name returns the metric's name without a year, e.g. "ii_increment_yi".
func (m Metric) Name() string {
	if !m.Valid() {
		return "metric?"
	}
	return m.Column().Name
}

// String returns the metric as written: NAME[YEAR] or NAME.
func (m Metric) String() string {
	if m.Year != 0 {
		return m.Name() + "[" + strconv.Itoa(m.Year) + "]"
	}
	return m.Name()
}

// Unit returns the metric's unit: "亿元", "%" or "pp".
func (m Metric) Unit() string {
	if !m.Valid() {
		return ""
	}
	return m.Column().Unit
}

// Doc returns a short description of the metric.
func (m Metric) Doc() string {
	if !m.Valid() {
		return ""
	}
	return m.Column().Doc
}

// PerYear reports whether m is a per-year metric (else a period total).
func (m Metric) PerYear() bool { return m.c != nil && m.c.year.field != noField }

// WithYear returns the per-year metric m at year.
func (m Metric) WithYear(year int) Metric { m.Year = year; return m }

// Check returns an error unless m can be read from the results of a span
// first…last: a per-year metric needs a year inside it.
func (m Metric) Check(first, last int) error {
	switch {
	case !m.Valid():
		return checkError("the zero Metric reads nothing")
	case !m.PerYear():
		return nil
	case m.Year == 0:
		return checkError("%s is per year: write %s[YEAR]", m.Name(), m.Name())
	case m.Year < first || m.Year > last:
		return checkError("%s: year %d is outside the span %d–%d", m, m.Year, first, last)
	}
	return nil
}

// Value returns the value of m in res, in the metric's unit. It allocates
// nothing.
//
// It panics if m is not valid or if m is a per-year metric whose year is
// not in res (see [Metric.Check]).
func (m Metric) Value(res *model.Results) float64 {
	c := m.c
	if c == nil {
		panic("metrics: the zero Metric reads nothing")
	}
	if c.year.field == noField {
		return c.Total(res)
	}
	j := -1
	if len(res.Years) > 0 {
		j = m.Year - res.Years[0].Year
	}
	if j < 0 || j >= len(res.Years) || m.Year == 0 {
		panic("metrics: " + m.String() + " is not in the results")
	}
	return c.year.of(&res.Years[j])
}

// Label returns m in words in language lang ("en" or "zh"), without its
// unit, with its year when it has one: "II GDP increment, 2024",
// "2024年产业互联网带来的GDP增量"; a period total as [Column.Label]. See
// [Metric.LabelOver] for a total with its span.
func (m Metric) Label(lang string) string {
	s := m.Column().Label(lang)
	if m.Year == 0 {
		return s
	}
	if lang == "zh" {
		return strconv.Itoa(m.Year) + "年" + s
	}
	return s + ", " + strconv.Itoa(m.Year)
}

// LabelOver returns [Metric.Label], and for a period total the span
// first–last it sums over: "Total II GDP increment, 2019–2024",
// "2019–2024年产业互联网带来的GDP增量合计".
func (m Metric) LabelOver(lang string, first, last int) string {
	if m.PerYear() || first == 0 {
		return m.Label(lang)
	}
	span := strconv.Itoa(first) + "–" + strconv.Itoa(last)
	if lang == "zh" {
		return span + "年" + m.Label(lang)
	}
	return m.Label(lang) + ", " + span
}

// UnitLabel returns m's unit as a reader writes it in language lang (see
// [model.UnitLabel]).
func (m Metric) UnitLabel(lang string) string { return m.Column().UnitLabel(lang) }

// Reader reads one metric from results whose first year is known in
// advance: Metric.Value with the year's index computed once, for the inner
// loop of Monte Carlo and Sobol runs. The zero Reader is not valid.
type Reader struct {
	c *Column
	j int // index of the year in Results.Years, −1 for a period total
}

// Reader returns the reader of m from the results of a span whose first
// year is first. It panics if m is not valid, and, like Value, a Reader of
// a per-year metric panics on results that do not have its year.
func (m Metric) Reader(first int) Reader {
	if m.c == nil {
		panic("metrics: the zero Metric reads nothing")
	}
	if !m.PerYear() {
		return Reader{c: m.c, j: -1}
	}
	return Reader{c: m.c, j: m.Year - first}
}

// Value returns the metric's value in res, as Metric.Value does. It
// allocates nothing.
func (r Reader) Value(res *model.Results) float64 {
	if r.j < 0 {
		return r.c.total(res)
	}
	return r.c.year.of(&res.Years[r.j])
}
