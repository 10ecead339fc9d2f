package model

import "fmt"

// Dimension is one of the four dimensions into which the report splits the
// TFP contribution.
type Dimension int

// The TFP dimensions, in the order used by every array indexed by Dimension.
const (
	TechnicalProgress    Dimension = iota // TP
	TechnicalEfficiency                   // TE
	ScaleEfficiency                       // SE
	AllocativeEfficiency                  // AE

	NumDimensions = 4
)

var dimensionNames = [NumDimensions]string{
	"technical_progress",
	"technical_efficiency",
	"scale_efficiency",
	"allocative_efficiency",
}

// String returns the dimension's key name, e.g. "technical_progress".
func (d Dimension) String() string {
	if d < 0 || d >= NumDimensions {
		return fmt.Sprintf("Dimension(%d)", int(d))
	}
	return dimensionNames[d]
}

// Factor is a factor of production in the decomposition.
type Factor int

// The factors, in the order used by every array indexed by Factor.
const (
	Labor Factor = iota
	Capital
	TFP

	NumFactors = 3
)

var factorNames = [NumFactors]string{"labor", "capital", "tfp"}

// String returns the factor's key name: "labor", "capital" or "tfp".
func (f Factor) String() string {
	if f < 0 || f >= NumFactors {
		return fmt.Sprintf("Factor(%d)", int(f))
	}
	return factorNames[f]
}

// SplitForm says how a year's split of growth between the factors is given.
type SplitForm uint8

const (
	// Shares: Inputs.LaborShare and Inputs.CapitalShare hold σ_L and σ_K,
	// fractions of growth; c_X = σ_X·g.
	Shares SplitForm = iota
	// Contributions: Inputs.LaborContribution and
	// Inputs.CapitalContribution hold c_L and c_K as fractions (pp/100).
	Contributions
	// Production: Inputs.LaborGrowth, Inputs.CapitalGrowth and
	// Inputs.Alpha hold g_L, g_K and α; c_K = α·g_K, c_L = (1−α)·g_L.
	Production

	NumSplitForms = 3
)

var splitFormNames = [...]string{"shares", "contributions", "production"}

// String returns "shares", "contributions" or "production".
func (f SplitForm) String() string {
	if int(f) >= len(splitFormNames) {
		return fmt.Sprintf("SplitForm(%d)", int(f))
	}
	return splitFormNames[f]
}

// WeightRule says how the four TFP weights keep summing to 1 when one of
// them is changed (by [Ref.Set], [Ref.Apply] or [Binding.Apply]). The zero
// value rescales the other three in proportion: w_j ← w_j·(1 − v)/Σ_{k≠i} w_k.
// With Residual, the weight of dimension Dimension alone absorbs the change,
// w_r ← w_r − (v − w_i), and is not itself addressable (it is 1 minus the
// others): "w_TP, w_TE and w_AE each uncertain, SE takes the rest".
type WeightRule struct {
	Residual  bool      // one dimension's weight absorbs every change
	Dimension Dimension // that dimension, when Residual
}

// IsResidual reports whether d is the residual dimension of the rule.
func (r WeightRule) IsResidual(d Dimension) bool { return r.Residual && r.Dimension == d }

// ParseDimension returns the dimension with the given key name, e.g.
// "scale_efficiency".
func ParseDimension(s string) (Dimension, bool) {
	for d, n := range dimensionNames {
		if n == s {
			return Dimension(d), true
		}
	}
	return 0, false
}

// DimensionNames returns the key names of the dimensions, in order.
func DimensionNames() []string { return dimensionNames[:] }

// Inputs are the inputs of the decomposition model over a span of years.
//
// Every per-year slice has one element per projected year, element i
// belonging to year BaseYear+1+i. Only the split fields of a year's Form are
// read for that year; the others are ignored.
type Inputs struct {
	BaseYear int     // b, the year whose GDP level is given
	BaseGDP  float64 // Y_b, 亿元 at constant base-year prices, > 0

	Growth []float64 // g_t, real GDP growth, fraction (may be negative)

	Form                []SplitForm // how year t's factor split is given
	LaborShare          []float64   // σ_L,t, fraction of growth (Shares)
	CapitalShare        []float64   // σ_K,t, fraction of growth (Shares)
	LaborContribution   []float64   // c_L,t, fraction (Contributions)
	CapitalContribution []float64   // c_K,t, fraction (Contributions)
	LaborGrowth         []float64   // g_L,t, labour input growth, fraction (Production)
	CapitalGrowth       []float64   // g_K,t, capital input growth, fraction (Production)
	Alpha               []float64   // α_t, capital's income share, 0 < α < 1 (Production)

	LaborII        []float64 // λ_t, II share of labour's contribution, [0, 1]
	ICTShare       []float64 // φ_t, ICT capital's share of capital's contribution, [0, 1]
	PrivateIIShare []float64 // π_t, private-sector II-related share of the ICT part, [0, 1]

	Weight [NumDimensions]float64   // w_d, weight of TFP dimension d; Σ w_d = 1
	TFPII  [NumDimensions][]float64 // θ_d,t, II share of dimension d's contribution, [0, 1]

	// WeightRule says how the weights keep summing to 1 when one of them
	// is changed: see [WeightRule].
	WeightRule WeightRule

	// Solow, when not nil, is the supply side from which growth and the
	// factor split (and φ, with the ICT split) are computed: see [Solow]
	// and [FillInputs]. Those inputs are then derived, not given.
	Solow *Solow

	// Index, when not nil, drives θ from a path of the industrial-internet
	// index: θ_d,t = κ_d·I_t/100 (see [IndexLink] and [FillIndex]). θ is
	// then derived, not given.
	Index *IndexLink
}

// NewInputs returns inputs for years baseYear+1 … baseYear+n with every
// per-year slice allocated, the split in Shares form, equal TFP weights and
// every other value zero.
func NewInputs(baseYear, n int) *Inputs {
	in := &Inputs{BaseYear: baseYear}
	in.Form = make([]SplitForm, n)
	for _, p := range in.series() {
		*p = make([]float64, n)
	}
	for d := range in.Weight {
		in.Weight[d] = 1.0 / NumDimensions
	}
	return in
}

// series returns pointers to every per-year float slice of in.
func (in *Inputs) series() []*[]float64 {
	s := []*[]float64{
		&in.Growth,
		&in.LaborShare, &in.CapitalShare,
		&in.LaborContribution, &in.CapitalContribution,
		&in.LaborGrowth, &in.CapitalGrowth, &in.Alpha,
		&in.LaborII, &in.ICTShare, &in.PrivateIIShare,
	}
	for d := range in.TFPII {
		s = append(s, &in.TFPII[d])
	}
	return s
}

// Len returns the number of projected years.
func (in *Inputs) Len() int { return len(in.Growth) }

// FirstYear returns the first projected year, BaseYear+1.
func (in *Inputs) FirstYear() int { return in.BaseYear + 1 }

// LastYear returns the last projected year.
func (in *Inputs) LastYear() int { return in.BaseYear + in.Len() }

// Clone returns a deep copy of in.
func (in *Inputs) Clone() *Inputs {
	c := *in
	c.Form = append([]SplitForm(nil), in.Form...)
	src := in.series()
	for i, p := range c.series() {
		*p = append([]float64(nil), *src[i]...)
	}
	if in.Solow != nil {
		c.Solow = in.Solow.Clone()
	}
	if in.Index != nil {
		c.Index = in.Index.Clone()
	}
	return &c
}

// CopyFrom copies the values of src into in without allocating. It panics if
// the two spans differ in length, or if one has a Solow part or an index
// link and the other not.
func (in *Inputs) CopyFrom(src *Inputs) {
	if src.Len() != in.Len() {
		panic("model: CopyFrom between spans of different length")
	}
	if (src.Solow == nil) != (in.Solow == nil) {
		panic("model: CopyFrom between inputs with and without a Solow part")
	}
	if (src.Index == nil) != (in.Index == nil) {
		panic("model: CopyFrom between inputs with and without an index link")
	}
	if in.Solow != nil {
		in.Solow.copyFrom(src.Solow)
	}
	if in.Index != nil {
		in.Index.Kappa = src.Index.Kappa
		copy(in.Index.Level, src.Index.Level)
	}
	in.BaseYear, in.BaseGDP, in.Weight, in.WeightRule = src.BaseYear, src.BaseGDP, src.Weight, src.WeightRule
	copy(in.Form, src.Form)
	copy(in.Growth, src.Growth)
	copy(in.LaborShare, src.LaborShare)
	copy(in.CapitalShare, src.CapitalShare)
	copy(in.LaborContribution, src.LaborContribution)
	copy(in.CapitalContribution, src.CapitalContribution)
	copy(in.LaborGrowth, src.LaborGrowth)
	copy(in.CapitalGrowth, src.CapitalGrowth)
	copy(in.Alpha, src.Alpha)
	copy(in.LaborII, src.LaborII)
	copy(in.ICTShare, src.ICTShare)
	copy(in.PrivateIIShare, src.PrivateIIShare)
	for d := range in.TFPII {
		copy(in.TFPII[d], src.TFPII[d])
	}
}
