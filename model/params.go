package model

import (
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

	// Human labels, for charts, workbooks and pages (see [Param.Label]):
	// words without the key path or the unit. LabelEN keeps to
	// Windows-1252 (no Greek: PDF charts draw only that); Symbol is the
	// model's symbol, e.g. "φ", or "".
	LabelEN string
	LabelZH string
	Symbol  string

	// Split fields apply only to years whose split is given in form Form.
	IsSplit bool
	Form    SplitForm

	// Solow marks an input of the supply-side model (keys solow.*): its
	// values live in Inputs.Solow, and it exists only for inputs with a
	// Solow part.
	Solow bool
	// FromBase marks a per-year parameter whose values belong to the years
	// BaseYear … LastYear−1 rather than to the projected years (an
	// investment rate: year t's investment is capital in year t+1).
	FromBase bool

	weight int                // 1+Dimension for a TFP weight, else 0
	theta  bool               // a θ key (tfp.ii_share.*): derived from an index link
	index  bool               // an input of the index link (cii.*)
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

// InUnit returns x, a value in model units, in a unit of which there are
// scale per model unit (100 for percent), as the shortest decimal that
// converts back to x: 0.037 in percent is 3.7, where x·100 is
// 3.7000000000000006. A value typed in a file or on a command line reads
// back exactly as typed, and any other differs from x·scale by float64
// rounding only, with x recoverable exactly (InUnit(x, s)/s == x). It is
// for output: it tries up to 17 decimal lengths.
func InUnit(x, scale float64) float64 {
	y := x * scale
	if scale == 1 || math.IsNaN(y) || math.IsInf(y, 0) {
		return y
	}
	var buf [32]byte
	for prec := 1; prec <= 17; prec++ {
		v, err := strconv.ParseFloat(string(strconv.AppendFloat(buf[:0], y, 'g', prec, 64)), 64)
		if err == nil && v/scale == x {
			return v
		}
	}
	return y
}

// Params lists every addressable input of the model, in a fixed order: the
// inputs of the decomposition, then those of the Solow model (Solow set),
// then those of the index link (IndexLink: cii.*).
var Params = append(append(decompositionParams(), solowParams()...), indexParams()...)

// Requiredness: NaN as a default marks a key a scenario must give.
var required = math.NaN()

func decompositionParams() []*Param {
	ps := []*Param{
		{Key: "gdp.base_yi", Unit: "亿元", Scale: 1, Min: 1, Max: 1e12, Default: required,
			LabelEN: "Real GDP of the base year", LabelZH: "基期实际GDP", Symbol: "Y_b",
			Doc:    "real GDP of the base year, 亿元 at constant base-year prices",
			scalar: func(in *Inputs) *float64 { return &in.BaseGDP }},
		{Key: "gdp.growth_pct", Unit: "%", Scale: 100, Min: -99, Max: 100, PerYear: true, Default: required,
			LabelEN: "GDP growth", LabelZH: "GDP增长率",
			Doc:    "real GDP growth",
			series: func(in *Inputs) []float64 { return in.Growth }},

		{Key: "labor.share_pct", Unit: "%", Scale: 100, Min: 0, Max: 100, PerYear: true, IsSplit: true, Form: Shares,
			LabelEN: "Labour's share of GDP growth", LabelZH: "劳动力对GDP增长的贡献率",
			Doc:    "labour's share of GDP growth (split form: shares)",
			series: func(in *Inputs) []float64 { return in.LaborShare }},
		{Key: "capital.share_pct", Unit: "%", Scale: 100, Min: 0, Max: 100, PerYear: true, IsSplit: true, Form: Shares,
			LabelEN: "Capital's share of GDP growth", LabelZH: "资本对GDP增长的贡献率",
			Doc:    "capital's share of GDP growth (split form: shares)",
			series: func(in *Inputs) []float64 { return in.CapitalShare }},
		{Key: "labor.contribution_pp", Unit: "pp", Scale: 100, Min: -100, Max: 100, PerYear: true, IsSplit: true, Form: Contributions,
			LabelEN: "Labour's contribution to GDP growth", LabelZH: "劳动力对GDP增长的拉动",
			Doc:    "labour's contribution to GDP growth (split form: contributions)",
			series: func(in *Inputs) []float64 { return in.LaborContribution }},
		{Key: "capital.contribution_pp", Unit: "pp", Scale: 100, Min: -100, Max: 100, PerYear: true, IsSplit: true, Form: Contributions,
			LabelEN: "Capital's contribution to GDP growth", LabelZH: "资本对GDP增长的拉动",
			Doc:    "capital's contribution to GDP growth (split form: contributions)",
			series: func(in *Inputs) []float64 { return in.CapitalContribution }},
		{Key: "labor.growth_pct", Unit: "%", Scale: 100, Min: -99, Max: 100, PerYear: true, IsSplit: true, Form: Production,
			LabelEN: "Growth of labour input", LabelZH: "劳动投入增长率",
			Doc:    "growth of labour input (split form: production)",
			series: func(in *Inputs) []float64 { return in.LaborGrowth }},
		{Key: "capital.growth_pct", Unit: "%", Scale: 100, Min: -99, Max: 100, PerYear: true, IsSplit: true, Form: Production,
			LabelEN: "Growth of capital input", LabelZH: "资本投入增长率",
			Doc:    "growth of capital input (split form: production)",
			series: func(in *Inputs) []float64 { return in.CapitalGrowth }},
		{Key: "capital.income_share", Unit: "fraction", Scale: 1, Min: 0, Max: 1, PerYear: true, IsSplit: true, Form: Production,
			LabelEN: "Capital's income share", LabelZH: "资本收入份额", Symbol: "α",
			Doc:    "capital's income share α (split form: production)",
			series: func(in *Inputs) []float64 { return in.Alpha }},

		{Key: "labor.ii_share", Unit: "fraction", Scale: 1, Min: 0, Max: 1, PerYear: true, Default: 0,
			LabelEN: "II share of labour's contribution", LabelZH: "劳动力贡献中产业互联网的比重", Symbol: "λ",
			Doc:    "λ: II share of labour's contribution (the report leaves labour out: 0)",
			series: func(in *Inputs) []float64 { return in.LaborII }},
		{Key: "capital.ict_share", Unit: "fraction", Scale: 1, Min: 0, Max: 1, PerYear: true, Default: 0,
			LabelEN: "ICT share of capital's contribution", LabelZH: "ICT资本占资本贡献的比重", Symbol: "φ",
			Doc:    "φ: ICT capital's share of capital's contribution",
			series: func(in *Inputs) []float64 { return in.ICTShare }},
		{Key: "capital.private_ii_share", Unit: "fraction", Scale: 1, Min: 0, Max: 1, PerYear: true, Default: 0,
			LabelEN: "Private II share of the ICT contribution", LabelZH: "ICT贡献中民营产业互联网投入的比重", Symbol: "π",
			Doc:    "π: share of the ICT contribution that is private-sector, II-related input",
			series: func(in *Inputs) []float64 { return in.PrivateIIShare }},
	}
	for d := range Dimension(NumDimensions) {
		ps = append(ps, &Param{
			Key: "tfp.weight." + d.String(), Unit: "fraction", Scale: 1, Min: 0, Max: 1, Default: 1.0 / NumDimensions,
			Doc:     "w: weight of the " + strings.ReplaceAll(d.String(), "_", " ") + " dimension in TFP's contribution (weights sum to 1)",
			LabelEN: "Weight of " + dimensionLabel[d][0] + " in TFP",
			LabelZH: dimensionLabel[d][1] + "在全要素生产率中的权重",
			Symbol:  "w",
			scalar:  func(in *Inputs) *float64 { return &in.Weight[d] },
			weight:  int(d) + 1,
		})
	}
	for d := range Dimension(NumDimensions) {
		ps = append(ps, &Param{
			Key: "tfp.ii_share." + d.String(), Unit: "fraction", Scale: 1, Min: 0, Max: 1, PerYear: true, Default: 0,
			Doc:     "θ: II share of the " + strings.ReplaceAll(d.String(), "_", " ") + " dimension's contribution",
			LabelEN: "II share of " + dimensionLabel[d][0],
			LabelZH: dimensionLabel[d][1] + "中产业互联网的比重",
			Symbol:  "θ",
			series:  func(in *Inputs) []float64 { return in.TFPII[d] },
			theta:   true,
		})
	}
	return ps
}

func solowParams() []*Param {
	on := func(in *Inputs) bool { return in.Solow != nil }
	ict := func(in *Inputs) bool { return in.Solow != nil && in.Solow.ICT }
	ps := []*Param{
		{Key: "solow.capital_output_ratio", Unit: "ratio", Scale: 1, Min: 0.1, Max: 20, Default: required,
			LabelEN: "Capital–output ratio of the base year", LabelZH: "基期资本产出比", Symbol: "κ",
			Doc:    "κ: capital stock over GDP in the base year, K_b/Y_b (both at constant prices)",
			scalar: func(in *Inputs) *float64 { return &in.Solow.CapitalOutput }, active: on},
		{Key: "solow.investment_rate_pct", Unit: "%", Scale: 100, Min: 0, Max: 100, PerYear: true, FromBase: true, Default: required,
			LabelEN: "Investment rate", LabelZH: "投资率", Symbol: "s^I",
			Doc:    "s^I: gross investment of year t as a share of year t's GDP, for t = base_year … last_year−1 (it is capital in t+1)",
			series: func(in *Inputs) []float64 { return in.Solow.Investment }, active: on},
		{Key: "solow.depreciation_pct", Unit: "%", Scale: 100, Min: 0, Max: 99, PerYear: true, Default: required,
			LabelEN: "Depreciation rate", LabelZH: "折旧率", Symbol: "δ",
			Doc:    "δ: share of last year's capital stock worn out in year t (of the non-ICT stock when capital is split)",
			series: func(in *Inputs) []float64 { return in.Solow.Depreciation }, active: on},
		{Key: "solow.capital_income_share", Unit: "fraction", Scale: 1, Min: 0, Max: 1, PerYear: true, Default: required,
			LabelEN: "Capital's income share (Solow model)", LabelZH: "资本收入份额（索洛模型）", Symbol: "α",
			Doc:    "α: capital's share of income, the exponent of capital in the production function",
			series: func(in *Inputs) []float64 { return in.Solow.Alpha }, active: on},
		{Key: "solow.tfp_growth_pct", Unit: "%", Scale: 100, Min: -99, Max: 100, PerYear: true, Default: required,
			LabelEN: "TFP growth", LabelZH: "全要素生产率增长率", Symbol: "g_A",
			Doc:    "g_A: growth of total factor productivity A",
			series: func(in *Inputs) []float64 { return in.Solow.TFPGrowth }, active: on},
		{Key: "solow.labor_growth_pct", Unit: "%", Scale: 100, Min: -99, Max: 100, PerYear: true, Default: required,
			LabelEN: "Labour growth", LabelZH: "劳动力增长率", Symbol: "g_L",
			Doc:    "g_L: growth of labour L (hours worked or persons engaged)",
			series: func(in *Inputs) []float64 { return in.Solow.LaborGrowth }, active: on},
		{Key: "solow.human_capital_growth_pct", Unit: "%", Scale: 100, Min: -99, Max: 100, PerYear: true, Default: 0,
			LabelEN: "Human capital growth", LabelZH: "人力资本增长率", Symbol: "g_h",
			Doc:    "g_h: growth of human capital per unit of labour h",
			series: func(in *Inputs) []float64 { return in.Solow.HumanCapitalGrowth }, active: on},
		{Key: "solow.ict.capital_share", Unit: "fraction", Scale: 1, Min: 0, Max: 1, Default: required,
			LabelEN: "ICT share of the base year's capital stock", LabelZH: "基期资本存量中ICT资本的比重",
			Doc:    "ICT capital's share of the base year's capital stock, K^ICT_b/K_b",
			scalar: func(in *Inputs) *float64 { return &in.Solow.ICTCapitalShare }, active: ict},
		{Key: "solow.ict.investment_share", Unit: "fraction", Scale: 1, Min: 0, Max: 1, PerYear: true, FromBase: true, Default: required,
			LabelEN: "ICT share of investment", LabelZH: "投资中ICT投资的比重", Symbol: "ψ",
			Doc:    "ψ: ICT share of gross investment of year t, for t = base_year … last_year−1",
			series: func(in *Inputs) []float64 { return in.Solow.ICTInvestmentShare }, active: ict},
		{Key: "solow.ict.depreciation_pct", Unit: "%", Scale: 100, Min: 0, Max: 99, PerYear: true, Default: required,
			LabelEN: "Depreciation rate of ICT capital", LabelZH: "ICT资本折旧率", Symbol: "δ^ICT",
			Doc:    "δ^ICT: share of last year's ICT capital stock worn out in year t",
			series: func(in *Inputs) []float64 { return in.Solow.ICTDepreciation }, active: ict},
	}
	for _, p := range ps {
		p.Solow = true
	}
	return ps
}

// Series returns the per-year values of p in in (model units), to read or
// write. It panics if p is a scalar.
func (p *Param) Series(in *Inputs) []float64 { return p.series(in) }

// Scalar returns a pointer to the value of p in in (model units). It panics
// if p is per-year.
func (p *Param) Scalar(in *Inputs) *float64 { return p.scalar(in) }

// ToModel converts v from key units (as scenario files, output files and
// the sensitivity tools write p) to model units: v / Scale.
func (p *Param) ToModel(v float64) float64 { return v / p.Scale }

// FromModel converts v from model units to key units: v · Scale.
func (p *Param) FromModel(v float64) float64 { return v * p.Scale }

// KeyValue converts v from model units to key units for output: as
// [InUnit], the shortest decimal that converts back to v, so that a value
// typed as 3.7 (%) is written 3.7 and not 3.7000000000000006. FromModel is
// the fast one for arithmetic.
func (p *Param) KeyValue(v float64) float64 { return InUnit(v, p.Scale) }

// Required reports whether a scenario must give p.
func (p *Param) Required() bool { return math.IsNaN(p.Default) }

// IsWeight reports whether p is one of the TFP dimension weights
// (tfp.weight.*), which sum to 1: setting one rescales the others.
func (p *Param) IsWeight() bool { return p.weight > 0 }

// Dimension returns the TFP dimension of a weight (see IsWeight), and
// false for any other parameter.
func (p *Param) Dimension() (Dimension, bool) { return Dimension(p.weight - 1), p.weight > 0 }

// Derived reports whether, in in, the values of p are computed rather than
// given: by the Solow model (see [Param.ComputedBySolow]), or, for θ, from
// the index link ([IndexLink]).
func (p *Param) Derived(in *Inputs) bool {
	return in.Solow != nil && p.ComputedBySolow(in.Solow.ICT) || in.Index != nil && p.theta
}

// IsIndex reports whether p is an input of the index link (keys cii.*):
// setting it recomputes θ.
func (p *Param) IsIndex() bool { return p.index }

// IsTheta reports whether p is a θ key (tfp.ii_share.*), which an index
// link derives.
func (p *Param) IsTheta() bool { return p.theta }

// ComputedBySolow reports whether the Solow model computes the values of p
// in inputs with a Solow part, with or without the ICT split: GDP growth
// and the factor split always, and φ (capital.ict_share) with the ICT
// split. Such inputs are not addressable there.
func (p *Param) ComputedBySolow(ict bool) bool {
	if p.Solow {
		return false
	}
	return p.Key == "gdp.growth_pct" || p.IsSplit || (ict && p.Key == "capital.ict_share")
}

// Keys returns the key path of every parameter, in the order of [Params].
func Keys() []string {
	keys := make([]string, len(Params))
	for i, p := range Params {
		keys[i] = p.Key
	}
	return keys
}

// LookupParam returns the Param with the given key path (without a year).
func LookupParam(key string) (*Param, bool) {
	for _, p := range Params {
		if p.Key == key {
			return p, true
		}
	}
	return nil, false
}

// splitKeys holds the keys of each split form, in the order of Params.
var splitKeys = func() (keys [NumSplitForms][]string) {
	for _, p := range Params {
		if p.IsSplit {
			keys[p.Form] = append(keys[p.Form], p.Key)
		}
	}
	return keys
}()

// Keys returns the key paths that give a year's factor split in form f, in
// the order of [Params]: labor.share_pct and capital.share_pct for Shares;
// labor.contribution_pp and capital.contribution_pp for Contributions;
// labor.growth_pct, capital.growth_pct and capital.income_share for
// Production. The caller must not modify the slice.
func (f SplitForm) Keys() []string { return splitKeys[f] }
