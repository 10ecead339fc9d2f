package metrics

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"simulate/model"
)

// kind identifies what a metric reads.
type kind uint8

const (
	kindNone kind = iota

	// Per-year metrics, in the order of results.Columns (without "year").
	kindGDP
	kindGrowth
	kindDeltaGDP
	kindLaborPP
	kindCapitalPP
	kindTFPPP
	kindLaborShare
	kindCapitalShare
	kindTFPShare
	kindIIShare
	kindIILabor
	kindIICapital
	kindIITP
	kindIITE
	kindIISE
	kindIIAE
	kindIIIncrement
	kindIICumulative

	// Period metrics, named as in summary.json's totals.
	kindIITotal
	kindDeltaGDPTotal
	kindPeriodIIShare
	kindGDPLast

	numKinds
)

// firstPeriod is the first kind that is a period total.
const firstPeriod = kindIITotal

var kindInfo = [numKinds]struct {
	name string
	unit string
	doc  string
}{
	kindGDP:           {"gdp_yi", "亿元", "real GDP Y_t"},
	kindGrowth:        {"growth_pct", "%", "real GDP growth g_t"},
	kindDeltaGDP:      {"delta_gdp_yi", "亿元", "GDP increment ΔY_t"},
	kindLaborPP:       {"labor_pp", "pp", "labour's contribution to growth"},
	kindCapitalPP:     {"capital_pp", "pp", "capital's contribution to growth"},
	kindTFPPP:         {"tfp_pp", "pp", "TFP's contribution to growth"},
	kindLaborShare:    {"labor_share_pct", "%", "labour's share of growth"},
	kindCapitalShare:  {"capital_share_pct", "%", "capital's share of growth"},
	kindTFPShare:      {"tfp_share_pct", "%", "TFP's share of growth"},
	kindIIShare:       {"ii_share_pct", "%", "II share of the year's GDP growth s_t"},
	kindIILabor:       {"ii_labor_yi", "亿元", "II increment through labour"},
	kindIICapital:     {"ii_capital_yi", "亿元", "II increment through capital"},
	kindIITP:          {"ii_tfp_tp_yi", "亿元", "II increment through technical progress"},
	kindIITE:          {"ii_tfp_te_yi", "亿元", "II increment through technical efficiency"},
	kindIISE:          {"ii_tfp_se_yi", "亿元", "II increment through scale efficiency"},
	kindIIAE:          {"ii_tfp_ae_yi", "亿元", "II increment through allocative efficiency"},
	kindIIIncrement:   {"ii_increment_yi", "亿元", "II GDP increment II_t"},
	kindIICumulative:  {"ii_cumulative_yi", "亿元", "cumulative II increment"},
	kindIITotal:       {"ii_total_yi", "亿元", "Σ II_t over the span"},
	kindDeltaGDPTotal: {"delta_gdp_total_yi", "亿元", "Σ ΔY_t over the span"},
	kindPeriodIIShare: {"period_ii_share_pct", "%", "Σ II_t / Σ ΔY_t"},
	kindGDPLast:       {"gdp_last_yi", "亿元", "real GDP of the last year"},
}

// Metric is one named model output: a per-year value at Year, or a period
// total (Year 0). The zero Metric is not valid.
type Metric struct {
	kind kind
	// Year is the year of a per-year metric; 0 for a period total, and 0
	// for a per-year metric parsed without a year (see [Metric.WithYear]).
	Year int
}

// ErrSyntax is returned (wrapped) by Parse for text that is not a metric.
var ErrSyntax = errors.New("metrics: not a metric")

// Parse reads a metric written NAME or NAME[YEAR]. A per-year metric may be
// written without a year (its Year is then 0); a period total may not have
// one.
func Parse(s string) (Metric, error) {
	name, year := s, 0
	if i := strings.IndexByte(s, '['); i >= 0 {
		if !strings.HasSuffix(s, "]") {
			return Metric{}, fmt.Errorf("%w: %q: a year is written NAME[YEAR], e.g. ii_increment_yi[2019]", ErrSyntax, s)
		}
		y, ok := model.ParseYear(s[i+1 : len(s)-1])
		if !ok {
			return Metric{}, fmt.Errorf("%w: %q: %q is not a year (four digits)", ErrSyntax, s, s[i+1:len(s)-1])
		}
		name, year = s[:i], y
	}
	k, ok := lookup(name)
	if !ok {
		return Metric{}, fmt.Errorf("%w: unknown metric %q; metrics are %s", ErrSyntax, name, strings.Join(Names(), ", "))
	}
	if k >= firstPeriod && year != 0 {
		return Metric{}, fmt.Errorf("%w: %q: %s is a total over the span and takes no year", ErrSyntax, s, name)
	}
	return Metric{kind: k, Year: year}, nil
}

func lookup(name string) (kind, bool) {
	for k := kindNone + 1; k < numKinds; k++ {
		if kindInfo[k].name == name {
			return k, true
		}
	}
	return kindNone, false
}

// Names returns the names of every metric: the per-year ones in the order
// of results.csv's columns, then the period totals.
func Names() []string {
	names := make([]string, 0, numKinds-1)
	for k := kindNone + 1; k < numKinds; k++ {
		names = append(names, kindInfo[k].name)
	}
	return names
}

// Valid reports whether m is a metric (not the zero Metric).
func (m Metric) Valid() bool { return m.kind > kindNone && m.kind < numKinds }

// Name returns the metric's name without a year, e.g. "ii_increment_yi".
func (m Metric) Name() string {
	if !m.Valid() {
		return "metric?"
	}
	return kindInfo[m.kind].name
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
	return kindInfo[m.kind].unit
}

// Doc returns a short description of the metric.
func (m Metric) Doc() string {
	if !m.Valid() {
		return ""
	}
	return kindInfo[m.kind].doc
}

// PerYear reports whether m is a per-year metric (else a period total).
func (m Metric) PerYear() bool { return m.Valid() && m.kind < firstPeriod }

// WithYear returns the per-year metric m at year.
func (m Metric) WithYear(year int) Metric { m.Year = year; return m }

// Check returns an error unless m can be read from the results of a span
// first…last: a per-year metric needs a year inside it.
func (m Metric) Check(first, last int) error {
	switch {
	case !m.Valid():
		return errors.New("metrics: the zero Metric reads nothing")
	case !m.PerYear():
		return nil
	case m.Year == 0:
		return fmt.Errorf("metrics: %s is per year: write %s[YEAR]", m.Name(), m.Name())
	case m.Year < first || m.Year > last:
		return fmt.Errorf("metrics: %s: year %d is outside the span %d–%d", m, m.Year, first, last)
	}
	return nil
}

// Value returns the value of m in res, in the metric's unit. It allocates
// nothing.
//
// It panics if m is not valid or if m is a per-year metric whose year is
// not in res (see [Metric.Check]).
func (m Metric) Value(res *model.Results) float64 {
	if m.kind >= firstPeriod {
		t := &res.Totals
		switch m.kind {
		case kindIITotal:
			return t.II
		case kindDeltaGDPTotal:
			return t.DeltaGDP
		case kindPeriodIIShare:
			return 100 * t.IIShare
		case kindGDPLast:
			if n := len(res.Years); n > 0 {
				return res.Years[n-1].GDP
			}
			return 0
		}
		panic("metrics: invalid metric")
	}
	if m.kind == kindNone {
		panic("metrics: the zero Metric reads nothing")
	}
	i := -1
	if len(res.Years) > 0 {
		i = m.Year - res.Years[0].Year
	}
	if i < 0 || i >= len(res.Years) || m.Year == 0 {
		panic("metrics: " + m.String() + " is not in the results")
	}
	y := &res.Years[i]
	switch m.kind {
	case kindGDP:
		return y.GDP
	case kindGrowth:
		return 100 * y.Growth
	case kindDeltaGDP:
		return y.DeltaGDP
	case kindLaborPP:
		return 100 * y.Contribution[model.Labor]
	case kindCapitalPP:
		return 100 * y.Contribution[model.Capital]
	case kindTFPPP:
		return 100 * y.Contribution[model.TFP]
	case kindLaborShare:
		return 100 * y.Share[model.Labor]
	case kindCapitalShare:
		return 100 * y.Share[model.Capital]
	case kindTFPShare:
		return 100 * y.Share[model.TFP]
	case kindIIShare:
		return 100 * y.IIShare
	case kindIILabor:
		return y.Channel[model.ChannelLabor]
	case kindIICapital:
		return y.Channel[model.ChannelCapital]
	case kindIITP:
		return y.Channel[model.ChannelTP]
	case kindIITE:
		return y.Channel[model.ChannelTE]
	case kindIISE:
		return y.Channel[model.ChannelSE]
	case kindIIAE:
		return y.Channel[model.ChannelAE]
	case kindIIIncrement:
		return y.II
	case kindIICumulative:
		return y.IICumulative
	}
	panic("metrics: invalid metric")
}
