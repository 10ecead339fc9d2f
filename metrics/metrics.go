// Package metrics names the scalar outcomes of a run that sensitivity
// analysis, uncertainty analysis and calibration look at, and reads them
// from model results without allocating.
//
// A metric is written as a name, with a year for per-year metrics:
//
//	ii_total_yi               Σ II_t over the span, 亿元
//	period_ii_share_pct       Σ II_t / Σ ΔY_t, %
//	delta_gdp_total_yi        Σ ΔY_t over the span, 亿元
//	ii_increment_yi[YEAR]     II_t, 亿元
//	ii_share_pct[YEAR]        s_t, the II share of growth, %
//	ii_cumulative_yi[YEAR]    Σ II up to YEAR, 亿元
//	gdp_yi[YEAR]              Y_t, 亿元
//	growth_pct[YEAR]          g_t, %
//	delta_gdp_yi[YEAR]        ΔY_t, 亿元
//
// The names are those of the columns of results.csv and of summary.json.
package metrics

import (
	"fmt"
	"strconv"
	"strings"

	"simulate/model"
)

// Kind is what a metric measures.
type Kind int

// The metrics. Per-year kinds come after NumTotals.
const (
	IITotal Kind = iota
	PeriodIIShare
	DeltaGDPTotal
	numTotals

	IIIncrement
	IIShare
	IICumulative
	GDP
	Growth
	DeltaGDP
	numKinds
)

var names = [numKinds]string{
	IITotal:       "ii_total_yi",
	PeriodIIShare: "period_ii_share_pct",
	DeltaGDPTotal: "delta_gdp_total_yi",
	IIIncrement:   "ii_increment_yi",
	IIShare:       "ii_share_pct",
	IICumulative:  "ii_cumulative_yi",
	GDP:           "gdp_yi",
	Growth:        "growth_pct",
	DeltaGDP:      "delta_gdp_yi",
}

// PerYear reports whether k needs a year.
func (k Kind) PerYear() bool { return k > numTotals && k < numKinds }

// String returns the metric's name without a year.
func (k Kind) String() string {
	if k < 0 || k >= numKinds || k == numTotals {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return names[k]
}

// Unit returns the unit of k: "亿元" or "%".
func (k Kind) Unit() string {
	if strings.HasSuffix(names[k], "_pct") {
		return "%"
	}
	return "亿元"
}

// Metric is one scalar outcome of a run.
type Metric struct {
	Kind Kind
	Year int // for per-year kinds; 0 otherwise
}

// String returns the metric as written, e.g. "ii_share_pct[2024]".
func (m Metric) String() string {
	if m.Kind.PerYear() {
		return fmt.Sprintf("%s[%d]", m.Kind, m.Year)
	}
	return m.Kind.String()
}

// Names returns every metric name, per-year ones marked "[YEAR]".
func Names() []string {
	var s []string
	for k := range numKinds {
		if k == numTotals {
			continue
		}
		if k.PerYear() {
			s = append(s, names[k]+"[YEAR]")
		} else {
			s = append(s, names[k])
		}
	}
	return s
}

// Parse reads a metric such as "ii_total_yi" or "ii_share_pct[2024]".
// The year is checked against a span by Check, not here.
func Parse(s string) (Metric, error) {
	name, year, hasYear := s, 0, false
	if i := strings.IndexByte(s, '['); i >= 0 {
		if !strings.HasSuffix(s, "]") {
			return Metric{}, fmt.Errorf("metric %q: a year is written NAME[YEAR]", s)
		}
		y, err := strconv.Atoi(s[i+1 : len(s)-1])
		if err != nil || y < 1000 || y > 9999 {
			return Metric{}, fmt.Errorf("metric %q: %q is not a year", s, s[i+1:len(s)-1])
		}
		name, year, hasYear = s[:i], y, true
	}
	for k := range numKinds {
		if k == numTotals || names[k] != name {
			continue
		}
		switch {
		case k.PerYear() && !hasYear:
			return Metric{}, fmt.Errorf("metric %q needs a year: %s[YEAR]", s, name)
		case !k.PerYear() && hasYear:
			return Metric{}, fmt.Errorf("metric %q is a total over the span and takes no year", s)
		}
		return Metric{Kind: k, Year: year}, nil
	}
	return Metric{}, fmt.Errorf("unknown metric %q; known: %s", s, strings.Join(Names(), ", "))
}

// Check returns an error if m's year is outside the span of res.
func (m Metric) Check(firstYear, lastYear int) error {
	if m.Kind.PerYear() && (m.Year < firstYear || m.Year > lastYear) {
		return fmt.Errorf("metric %s: year %d is outside the span %d–%d", m, m.Year, firstYear, lastYear)
	}
	return nil
}

// Value returns the metric of res. It panics if a per-year metric's year is
// not in res (see Check).
func (m Metric) Value(res *model.Results) float64 {
	switch m.Kind {
	case IITotal:
		return res.Totals.II
	case PeriodIIShare:
		return 100 * res.Totals.IIShare
	case DeltaGDPTotal:
		return res.Totals.DeltaGDP
	}
	if len(res.Years) == 0 || m.Year < res.Years[0].Year || m.Year > res.Years[len(res.Years)-1].Year {
		panic(fmt.Sprintf("metrics: year %d is not in the results", m.Year))
	}
	y := &res.Years[m.Year-res.Years[0].Year]
	switch m.Kind {
	case IIIncrement:
		return y.II
	case IIShare:
		return 100 * y.IIShare
	case IICumulative:
		return y.IICumulative
	case GDP:
		return y.GDP
	case Growth:
		return 100 * y.Growth
	case DeltaGDP:
		return y.DeltaGDP
	}
	panic("metrics: unknown kind")
}
