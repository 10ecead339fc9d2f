package model

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Param describes one addressable input of the model: its key path, the unit
// in which scenario files, output files and the sensitivity tools write it,
// and its domain. The table of every Param is [Params].
type Param struct {
	Key     string  // key path, e.g. "capital.ict_share"
	Unit    string  // "%", "pp", "亿元" or "fraction"
	Scale   float64 // key units per model unit: 100 for % and pp, else 1
	Min     float64 // smallest allowed value, key units
	Max     float64 // largest allowed value, key units
	PerYear bool    // one value per projected year (else one scalar)
	Default float64 // value when a scenario omits the key (key units); NaN: required
	Doc     string  // one-line meaning

	// Split fields apply only to years whose split is given in form Form.
	IsSplit bool
	Form    SplitForm

	// Solow marks an input of the supply-side model ([SolowParams]): its
	// values live in Inputs.Solow.
	Solow bool
	// FromBase marks a per-year parameter whose values belong to the years
	// BaseYear … LastYear−1 rather than to the projected years (an
	// investment rate: year t's investment is capital in year t+1).
	FromBase bool

	weight int                // 1+Dimension for a TFP weight, else 0
	active func(*Inputs) bool // whether p exists for the inputs; nil: always

	series func(*Inputs) []float64 // per-year values (model units)
	scalar func(*Inputs) *float64  // scalar value (model units)
}

// Applies reports whether p is read by the model for year index i of in.
func (p *Param) Applies(in *Inputs, i int) bool {
	return p.Active(in) && (!p.IsSplit || in.Form[i] == p.Form)
}

// Active reports whether in has p at all: the Solow inputs exist only for
// inputs with a Solow part, the ICT ones only with the ICT split.
func (p *Param) Active(in *Inputs) bool { return p.active == nil || p.active(in) }

// Years returns the first year and the number of values of a per-year p in
// in: the projected years, or for a FromBase parameter the years
// BaseYear … LastYear−1.
func (p *Param) Years(in *Inputs) (first, n int) {
	if p.FromBase {
		return in.BaseYear, in.Len()
	}
	return in.FirstYear(), in.Len()
}

// Domain returns p's domain as text, e.g. "[0, 1]".
func (p *Param) Domain() string {
	return "[" + FormatValue(p.Min) + ", " + FormatValue(p.Max) + "]"
}

// FormatValue formats v for a message: rounded to 12 significant digits, so
// that float64 noise (110.00000000000001) does not show, and without an
// exponent for ordinary magnitudes.
func FormatValue(v float64) string {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	if err != nil { // ±Inf and NaN format and parse back; nothing else fails
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// Params lists every addressable input of the model, in a fixed order.
var Params = buildParams()

// Requiredness: NaN as a default marks a key a scenario must give.
var required = math.NaN()

func buildParams() []*Param {
	ps := []*Param{
		{Key: "gdp.base_yi", Unit: "亿元", Scale: 1, Min: 1, Max: 1e12, Default: required,
			Doc:    "real GDP of the base year, 亿元 at constant base-year prices",
			scalar: func(in *Inputs) *float64 { return &in.BaseGDP }},
		{Key: "gdp.growth_pct", Unit: "%", Scale: 100, Min: -99, Max: 100, PerYear: true, Default: required,
			Doc:    "real GDP growth",
			series: func(in *Inputs) []float64 { return in.Growth }},

		{Key: "labor.share_pct", Unit: "%", Scale: 100, Min: 0, Max: 100, PerYear: true, IsSplit: true, Form: Shares,
			Doc:    "labour's share of GDP growth (split form: shares)",
			series: func(in *Inputs) []float64 { return in.LaborShare }},
		{Key: "capital.share_pct", Unit: "%", Scale: 100, Min: 0, Max: 100, PerYear: true, IsSplit: true, Form: Shares,
			Doc:    "capital's share of GDP growth (split form: shares)",
			series: func(in *Inputs) []float64 { return in.CapitalShare }},
		{Key: "labor.contribution_pp", Unit: "pp", Scale: 100, Min: -100, Max: 100, PerYear: true, IsSplit: true, Form: Contributions,
			Doc:    "labour's contribution to GDP growth (split form: contributions)",
			series: func(in *Inputs) []float64 { return in.LaborContribution }},
		{Key: "capital.contribution_pp", Unit: "pp", Scale: 100, Min: -100, Max: 100, PerYear: true, IsSplit: true, Form: Contributions,
			Doc:    "capital's contribution to GDP growth (split form: contributions)",
			series: func(in *Inputs) []float64 { return in.CapitalContribution }},
		{Key: "labor.growth_pct", Unit: "%", Scale: 100, Min: -99, Max: 100, PerYear: true, IsSplit: true, Form: Production,
			Doc:    "growth of labour input (split form: production)",
			series: func(in *Inputs) []float64 { return in.LaborGrowth }},
		{Key: "capital.growth_pct", Unit: "%", Scale: 100, Min: -99, Max: 100, PerYear: true, IsSplit: true, Form: Production,
			Doc:    "growth of capital input (split form: production)",
			series: func(in *Inputs) []float64 { return in.CapitalGrowth }},
		{Key: "capital.income_share", Unit: "fraction", Scale: 1, Min: 0, Max: 1, PerYear: true, IsSplit: true, Form: Production,
			Doc:    "capital's income share α (split form: production)",
			series: func(in *Inputs) []float64 { return in.Alpha }},

		{Key: "labor.ii_share", Unit: "fraction", Scale: 1, Min: 0, Max: 1, PerYear: true, Default: 0,
			Doc:    "λ: II share of labour's contribution (the report leaves labour out: 0)",
			series: func(in *Inputs) []float64 { return in.LaborII }},
		{Key: "capital.ict_share", Unit: "fraction", Scale: 1, Min: 0, Max: 1, PerYear: true, Default: 0,
			Doc:    "φ: ICT capital's share of capital's contribution",
			series: func(in *Inputs) []float64 { return in.ICTShare }},
		{Key: "capital.private_ii_share", Unit: "fraction", Scale: 1, Min: 0, Max: 1, PerYear: true, Default: 0,
			Doc:    "π: share of the ICT contribution that is private-sector, II-related input",
			series: func(in *Inputs) []float64 { return in.PrivateIIShare }},
	}
	for d := range Dimension(NumDimensions) {
		ps = append(ps, &Param{
			Key: "tfp.weight." + d.String(), Unit: "fraction", Scale: 1, Min: 0, Max: 1, Default: 1.0 / NumDimensions,
			Doc:    "w: weight of the " + strings.ReplaceAll(d.String(), "_", " ") + " dimension in TFP's contribution (weights sum to 1)",
			scalar: func(in *Inputs) *float64 { return &in.Weight[d] },
			weight: int(d) + 1,
		})
	}
	for d := range Dimension(NumDimensions) {
		ps = append(ps, &Param{
			Key: "tfp.ii_share." + d.String(), Unit: "fraction", Scale: 1, Min: 0, Max: 1, PerYear: true, Default: 0,
			Doc:    "θ: II share of the " + strings.ReplaceAll(d.String(), "_", " ") + " dimension's contribution",
			series: func(in *Inputs) []float64 { return in.TFPII[d] },
		})
	}
	return ps
}

// Series returns the per-year values of p in in (model units), to read or
// write. It panics if p is a scalar.
func (p *Param) Series(in *Inputs) []float64 { return p.series(in) }

// Scalar returns a pointer to the value of p in in (model units). It panics
// if p is per-year.
func (p *Param) Scalar(in *Inputs) *float64 { return p.scalar(in) }

// Required reports whether a scenario must give p.
func (p *Param) Required() bool { return math.IsNaN(p.Default) }

// LookupParam returns the Param with the given key path (without a year),
// from [Params] or [SolowParams].
func LookupParam(key string) (*Param, bool) {
	for _, ps := range [...][]*Param{Params, SolowParams} {
		for _, p := range ps {
			if p.Key == key {
				return p, true
			}
		}
	}
	return nil, false
}

// Ref is a reference to the model values behind a key path, either for every
// year the parameter applies to or for one year, bound to one Inputs value.
// Get and Set work in the key's units and allocate nothing.
type Ref struct {
	Param *Param
	Year  int // the one year addressed, or 0 for every applicable year

	in      *Inputs
	indices []int // year indices addressed (per-year parameters)
}

// Lookup resolves a key path such as "capital.ict_share" or
// "gdp.growth_pct[2024]" against in.
func Lookup(in *Inputs, path string) (Ref, error) {
	key, year := path, 0
	if i := strings.IndexByte(path, '['); i >= 0 {
		if !strings.HasSuffix(path, "]") {
			return Ref{}, fmt.Errorf("model: %q: a year index is written key[YEAR]", path)
		}
		y, err := strconv.Atoi(path[i+1 : len(path)-1])
		if err != nil {
			return Ref{}, fmt.Errorf("model: %q: %q is not a year", path, path[i+1:len(path)-1])
		}
		key, year = path[:i], y
	}
	p, ok := LookupParam(key)
	if !ok {
		return Ref{}, fmt.Errorf("model: unknown parameter %q (see the parameter list)", key)
	}
	switch {
	case !p.Active(in) && in.Solow != nil:
		return Ref{}, fmt.Errorf("model: %q: the scenario does not split capital into ICT and non-ICT stocks", path)
	case !p.Active(in):
		return Ref{}, fmt.Errorf("model: %q: only scenarios in mode \"solow\" have Solow inputs", path)
	case p.Derived(in):
		return Ref{}, fmt.Errorf("model: %q: the Solow model computes %s in this scenario; address its solow.* inputs instead", path, key)
	}
	r := Ref{Param: p, Year: year, in: in}
	if !p.PerYear {
		if year != 0 {
			return Ref{}, fmt.Errorf("model: %q: %s is one value for the whole span, not per year", path, key)
		}
		return r, nil
	}
	first, n := p.Years(in)
	if year != 0 && (year < first || year >= first+n) {
		return Ref{}, fmt.Errorf("model: %q: year %d is outside %d–%d, the years of %s", path, year, first, first+n-1, key)
	}
	for i := range n {
		if (year == 0 || first+i == year) && p.Applies(in, i) {
			r.indices = append(r.indices, i)
		}
	}
	if len(r.indices) == 0 {
		return Ref{}, fmt.Errorf("model: %q: no year of the scenario gives its factor split in the %s form", path, p.Form)
	}
	return r, nil
}

// String returns the key path, with the year when one year is addressed.
func (r Ref) String() string {
	if r.Year != 0 {
		return fmt.Sprintf("%s[%d]", r.Param.Key, r.Year)
	}
	return r.Param.Key
}

// Len returns the number of values addressed: 1 for a scalar.
func (r Ref) Len() int {
	if !r.Param.PerYear {
		return 1
	}
	return len(r.indices)
}

// YearIndex returns the year index of the k-th value addressed: 0 for the
// first projected year, or for a FromBase parameter for the base year. It
// panics for a scalar.
func (r Ref) YearIndex(k int) int { return r.indices[k] }

// Get returns the k-th value addressed, in key units.
func (r Ref) Get(k int) float64 {
	if !r.Param.PerYear {
		return *r.Param.scalar(r.in) * r.Param.Scale
	}
	return r.Param.series(r.in)[r.indices[k]] * r.Param.Scale
}

// Set sets the k-th value addressed, given in key units. Setting one TFP
// dimension weight rescales the other three in proportion, so that the
// weights keep summing to 1. Setting a Solow input recomputes the inputs
// the Solow model derives ([FillInputs]).
func (r Ref) Set(k int, v float64) {
	v /= r.Param.Scale
	if r.Param.Solow {
		defer FillInputs(r.in, r.in.Solow)
	}
	if r.Param.PerYear {
		r.Param.series(r.in)[r.indices[k]] = v
		return
	}
	if d := r.Param.weight - 1; d >= 0 {
		setWeight(&r.in.Weight, d, v)
		return
	}
	*r.Param.scalar(r.in) = v
}

// setWeight sets w[k] to v and rescales the other weights so that Σ w = 1
// still holds. When the others are all zero they share 1−v equally.
func setWeight(w *[NumDimensions]float64, k int, v float64) {
	var others float64
	for d := range w {
		if d != k {
			others += w[d]
		}
	}
	for d := range w {
		switch {
		case d == k:
			w[d] = v
		case others > 0:
			w[d] *= (1 - v) / others
		default:
			w[d] = (1 - v) / (NumDimensions - 1)
		}
	}
}
