package history

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"simulate/pwt"
)

// Options choose the inputs and the years of a decomposition. The zero value
// reproduces PWT's own TFP series over all years with data.
type Options struct {
	Capital pwt.Capital
	// Labour is the labour input. With pwt.LabourAuto the measure is
	// chosen year by year (Row.LabourMeasure says which).
	Labour pwt.Labour
	// From and To bound the row year t, inclusive; 0 means no bound. The row for
	// From uses data of From − 1.
	From, To int
}

// validate reports every problem with o at once.
func (o Options) validate() error {
	var errs []error
	if o.Capital > pwt.CapitalStock {
		errs = append(errs, fmt.Errorf("history: unknown capital input %v", o.Capital))
	}
	if o.Labour > pwt.LabourAuto {
		errs = append(errs, fmt.Errorf("history: unknown labour input %v", o.Labour))
	}
	if o.From != 0 && o.To != 0 && o.From > o.To {
		errs = append(errs, fmt.Errorf("history: from year %d is after to year %d", o.From, o.To))
	}
	return errors.Join(errs...)
}

// inputs returns the PWT variables the options need in every year, Y
// first: with pwt.LabourAuto, only emp of the labour input (avh and hc are
// used where present).
func (o Options) inputs() []pwt.Var {
	vs := []pwt.Var{pwt.RGDPNA, pwt.LABSH, o.Capital.Var()}
	if o.Labour == pwt.LabourAuto {
		return append(vs, pwt.EMP)
	}
	return append(vs, o.Labour.Vars()...)
}

// Row is the decomposition of one year's growth, from year t − 1 to t. Growth and
// contributions are in log points (100 × log difference) and add up exactly:
// GDP = Capital + Labour + TFP, and Labour = LabourHours + LabourQuality.
type Row struct {
	Year        int     // t
	GDP         float64 // 100·dln Y, log points
	Capital     float64 // 100·ā_K·dln K, log points
	Labour      float64 // 100·ā_L·dln L = LabourHours + LabourQuality, log points
	TFP         float64 // 100·dln A = GDP − Capital − Labour, log points
	LabourShare float64 // ā_L = (labsh_t + labsh_{t−1})/2, fraction

	// LabourMeasure is the labour input L of the year: Options.Labour, or
	// with pwt.LabourAuto the measure chosen for the year (never
	// pwt.LabourAuto itself).
	LabourMeasure pwt.Labour
	// LabourHours is the contribution of the quantity of labour:
	// 100·ā_L·dln(emp·avh) when L is on hours, 100·ā_L·dln emp when it is
	// on persons; log points.
	LabourHours float64
	// LabourQuality is the contribution of labour quality, the human
	// capital index: 100·ā_L·dln hc, or 0 when L has no hc; log points.
	LabourQuality float64
	// GDPPerCapita is the growth of GDP per person, 100·dln(Y/pop), in log
	// points; NaN when pop is missing or not positive in either year.
	GDPPerCapita float64
	// GDPPerWorker is the growth of GDP per person engaged, 100·dln(Y/emp),
	// in log points.
	GDPPerWorker float64
}

// Gap is one input value a year needed but could not use.
type Gap struct {
	Var  pwt.Var
	Year int
	// Value is NaN when the value is missing from the data; otherwise it is the
	// value found, which could not be used because a level ≤ 0 has no logarithm.
	Value float64
}

// String describes the gap, e.g. "avh 1969 missing".
func (g Gap) String() string {
	if math.IsNaN(g.Value) {
		return fmt.Sprintf("%v %d missing", g.Var, g.Year)
	}
	return fmt.Sprintf("%v %d = %v, not positive", g.Var, g.Year, g.Value)
}

// Skip is a year for which no Row could be computed, with every input value that
// was missing or unusable.
type Skip struct {
	Year int
	Gaps []Gap // by input (Y, labsh, K, parts of L), then year
}

// Vars returns the variables with at least one gap, in the order of Gaps.
func (s Skip) Vars() []pwt.Var {
	var vs []pwt.Var
	for _, g := range s.Gaps {
		if !slices.Contains(vs, g.Var) {
			vs = append(vs, g.Var)
		}
	}
	return vs
}

// String describes the skip, e.g. "1970: avh 1969 missing".
func (s Skip) String() string {
	parts := make([]string, len(s.Gaps))
	for i, g := range s.Gaps {
		parts[i] = g.String()
	}
	return strconv.Itoa(s.Year) + ": " + strings.Join(parts, ", ")
}

// Result is the decomposition of one country's growth.
type Result struct {
	ISO, Country string
	Options      Options
	Rows         []Row  // years with complete inputs, increasing
	Skipped      []Skip // years in range without complete inputs, increasing
}

// Measures returns the labour measures the rows use, in the order of
// Options.Labour.Fallbacks (for pwt.LabourAuto: hours first).
func (r Result) Measures() []pwt.Labour {
	var ms []pwt.Labour
	for _, l := range r.Options.Labour.Fallbacks() {
		if slices.ContainsFunc(r.Rows, func(row Row) bool { return row.LabourMeasure == l }) {
			ms = append(ms, l)
		}
	}
	return ms
}

// YearsOn returns the years whose rows use the labour measure l.
func (r Result) YearsOn(l pwt.Labour) []int {
	var ys []int
	for _, row := range r.Rows {
		if row.LabourMeasure == l {
			ys = append(ys, row.Year)
		}
	}
	return ys
}

// Decompose computes the growth decomposition of s. Every year t in the series
// (except its first) within [opt.From, opt.To] yields either a Row or a Skip. A
// range that holds no data gives an empty Result, not an error; invalid options
// are an error.
//
// With pwt.LabourAuto a year needs rgdpna, labsh, the capital input and emp
// in t − 1 and t, and its labour input is emp·avh·hc where avh and hc are
// usable in both years, else emp·hc where hc is, else emp.
func Decompose(s pwt.Series, opt Options) (Result, error) {
	if err := opt.validate(); err != nil {
		return Result{}, err
	}
	res := Result{ISO: s.ISO, Country: s.Country, Options: opt}
	if len(s.Rows) == 0 {
		return res, nil
	}
	lo, hi := s.Rows[0].Year+1, s.Rows[len(s.Rows)-1].Year
	if opt.From != 0 {
		lo = max(lo, opt.From)
	}
	if opt.To != 0 {
		hi = min(hi, opt.To)
	}
	if hi < lo {
		return res, nil
	}
	res.Rows = make([]Row, 0, hi-lo+1)
	vars := opt.inputs()
	for t := lo; t <= hi; t++ {
		prev, _ := s.Row(t - 1) // a year without a row has every value missing
		cur, _ := s.Row(t)
		var gaps []Gap
		for _, v := range vars {
			for _, r := range [2]struct {
				row  pwt.Row
				year int
			}{{prev, t - 1}, {cur, t}} {
				x, ok := r.row.Value(v)
				switch {
				case !ok:
					gaps = append(gaps, Gap{Var: v, Year: r.year, Value: math.NaN()})
				case v != pwt.LABSH && x <= 0:
					gaps = append(gaps, Gap{Var: v, Year: r.year, Value: x})
				}
			}
		}
		if gaps != nil {
			res.Skipped = append(res.Skipped, Skip{Year: t, Gaps: gaps})
			continue
		}
		res.Rows = append(res.Rows, decompose(t, prev, cur, opt.Capital, measure(opt.Labour, prev, cur)))
	}
	return res, nil
}

// measure returns the labour measure of a year whose rows are prev and cur:
// l itself, or for pwt.LabourAuto the first of its fallbacks whose
// variables are usable (present and positive) in both rows.
func measure(l pwt.Labour, prev, cur pwt.Row) pwt.Labour {
	if l != pwt.LabourAuto {
		return l
	}
	for _, m := range l.Fallbacks() {
		if usable(m.Vars(), prev, cur) {
			return m
		}
	}
	return pwt.LabourPersons // unreachable: emp was checked
}

// usable reports whether every level in vs is present and positive in
// both rows.
func usable(vs []pwt.Var, rows ...pwt.Row) bool {
	for _, v := range vs {
		for _, r := range rows {
			if x, ok := r.Value(v); !ok || x <= 0 {
				return false
			}
		}
	}
	return true
}

// decompose computes the row of year t from complete, positive inputs,
// with labour measure l (not pwt.LabourAuto).
func decompose(t int, prev, cur pwt.Row, k pwt.Capital, l pwt.Labour) Row {
	dln := func(v pwt.Var) float64 {
		x0, _ := prev.Value(v)
		x1, _ := cur.Value(v)
		return math.Log(x1 / x0)
	}
	s0, _ := prev.Value(pwt.LABSH)
	s1, _ := cur.Value(pwt.LABSH)
	aL := (s0 + s1) / 2
	aK := 1 - aL

	// dln L is the sum of the components' log growth (the log of a
	// product): quantity (persons, or hours) and quality (hc).
	dQuantity, dQuality := dln(pwt.EMP), 0.0
	switch l {
	case pwt.LabourHoursHC:
		dQuantity += dln(pwt.AVH)
		dQuality = dln(pwt.HC)
	case pwt.LabourPersonsHC:
		dQuality = dln(pwt.HC)
	}

	r := Row{
		Year:          t,
		GDP:           100 * dln(pwt.RGDPNA),
		Capital:       100 * aK * dln(k.Var()),
		LabourShare:   aL,
		LabourMeasure: l,
		LabourHours:   100 * aL * dQuantity,
		LabourQuality: 100 * aL * dQuality,
		GDPPerCapita:  math.NaN(),
	}
	r.Labour = r.LabourHours + r.LabourQuality
	// TFP is the residual, so the contributions add up to GDP growth by construction.
	r.TFP = r.GDP - r.Capital - r.Labour
	r.GDPPerWorker = r.GDP - 100*dln(pwt.EMP)
	if usable([]pwt.Var{pwt.POP}, prev, cur) {
		r.GDPPerCapita = r.GDP - 100*dln(pwt.POP)
	}
	return r
}
