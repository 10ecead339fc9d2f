package model

import "math"

// Solow holds the inputs of the supply-side model of a scenario in mode
// "solow" (MODEL.md §4, the World Bank LTGM approach): instead of assuming
// GDP growth and its split, the scenario gives the accumulation of capital
// and the growth of TFP and labour, and the model computes growth:
//
//	K_t = (1 − δ_t)·K_{t−1} + s^I_{t−1}·Y_{t−1}                 capital
//	Y_t = Y_{t−1} · (1 + g_A,t) · (K_t/K_{t−1})^α_t · ((1 + g_L,t)(1 + g_h,t))^(1−α_t)
//	K_b = κ·Y_b                                                 initial capital
//
// With a constant α the output equation is Y_t = A_t·K_t^α·(h_t·L_t)^(1−α)
// with A, h and L growing at the given rates; with a time-varying α it is
// the same Cobb–Douglas function chained year on year (each year's growth
// uses that year's α), as growth accounting does.
//
// Timing: the investment of year t (a share s^I_t of year t's GDP) is
// capital in year t+1. The investment rates of a span b+1 … b+n are
// therefore those of the years b … b+n−1: Investment[i] and
// ICTInvestmentShare[i] belong to year b+i, every other per-year slice to
// year b+1+i, as in [Inputs].
//
// ICT split: when ICT is true, capital is the sum of an ICT and a non-ICT
// stock, each accumulated as above with its own depreciation rate and its
// share of investment (ψ_t to ICT, 1 − ψ_t to the rest); K_t = K^ICT_t +
// K^N_t enters the production function, and φ_t, ICT capital's share of
// capital's contribution, is computed: φ_t = ΔK^ICT_t / ΔK_t (0 when
// ΔK_t = 0). It lies in [0, 1] when both stocks move in the same direction.
// The sum is a stock aggregate at constant prices, like PWT's rnna; an
// aggregate of capital services would weight ICT capital more, by its
// higher user cost.
//
// Rates and shares are fractions; growth rates are simple annual rates.
// Levels are in the units of Inputs.BaseGDP (capital) or indices equal to 1
// in the base year (TFP, labour input).
type Solow struct {
	CapitalOutput      float64   // κ = K_b/Y_b, capital–output ratio of the base year, > 0
	Investment         []float64 // s^I_t, gross investment / GDP of year t, t = b … b+n−1, [0, 1]
	Depreciation       []float64 // δ_t, share of K_{t−1} (non-ICT capital when ICT) worn out in year t, [0, 1)
	Alpha              []float64 // α_t, capital's income share, [0, 1]
	TFPGrowth          []float64 // g_A,t, TFP growth, fraction
	LaborGrowth        []float64 // g_L,t, labour (hours or persons) growth, fraction
	HumanCapitalGrowth []float64 // g_h,t, growth of human capital per worker, fraction

	ICT                bool      // split capital into ICT and non-ICT stocks
	ICTCapitalShare    float64   // K^ICT_b / K_b, [0, 1] (ICT only)
	ICTInvestmentShare []float64 // ψ_t, ICT share of year t's investment, t = b … b+n−1, [0, 1] (ICT only)
	ICTDepreciation    []float64 // δ^ICT_t, share of K^ICT_{t−1} worn out in year t, [0, 1) (ICT only)
}

// NewSolow returns Solow inputs for n projected years with every slice
// allocated and zero.
func NewSolow(n int, ict bool) *Solow {
	s := &Solow{ICT: ict}
	for _, p := range s.series() {
		*p = make([]float64, n)
	}
	return s
}

// series returns pointers to every per-year slice of s.
func (s *Solow) series() []*[]float64 {
	return []*[]float64{
		&s.Investment, &s.Depreciation, &s.Alpha,
		&s.TFPGrowth, &s.LaborGrowth, &s.HumanCapitalGrowth,
		&s.ICTInvestmentShare, &s.ICTDepreciation,
	}
}

// Clone returns a deep copy of s.
func (s *Solow) Clone() *Solow {
	c := *s
	src := s.series()
	for i, p := range c.series() {
		*p = append([]float64(nil), *src[i]...)
	}
	return &c
}

// copyFrom copies the values of src into s without allocating.
func (s *Solow) copyFrom(src *Solow) {
	s.CapitalOutput, s.ICT, s.ICTCapitalShare = src.CapitalOutput, src.ICT, src.ICTCapitalShare
	from := src.series()
	for i, p := range s.series() {
		copy(*p, *from[i])
	}
}

// checkLengths panics unless every slice of s has n elements.
func (s *Solow) checkLengths(n int) {
	for _, p := range s.series() {
		if len(*p) != n {
			panic("model: Solow inputs and the span differ in length")
		}
	}
}

// CobbDouglas returns a·k^α·h^(1−α), the output of the production
// function. It has constant returns to scale in (k, h).
func CobbDouglas(a, k, h, alpha float64) float64 {
	return a * math.Pow(k, alpha) * math.Pow(h, 1-alpha)
}

// SolowYear are the levels of one projected year of a Solow path.
type SolowYear struct {
	Year          int
	GDP           float64 // Y_t, units of Inputs.BaseGDP
	Capital       float64 // K_t = K^ICT_t + K^N_t, units of Inputs.BaseGDP
	ICTCapital    float64 // K^ICT_t (0 without the ICT split)
	TFP           float64 // A_t / A_b
	LaborInput    float64 // h_t·L_t / (h_b·L_b)
	Growth        float64 // g_t = Y_t/Y_{t−1} − 1
	CapitalGrowth float64 // g_K,t = K_t/K_{t−1} − 1
	ICTShare      float64 // φ_t = ΔK^ICT_t/ΔK_t (0 without the ICT split or when ΔK_t = 0)
}

// FillInputs computes the Solow path of s over the span of dst and writes
// what the decomposition reads: for every year the growth g_t, the split in
// the Production form — capital growth g_K,t, labour-input growth
// g_H,t = (1 + g_L,t)(1 + g_h,t) − 1 and α_t — and, with the ICT split, φ_t
// in dst.ICTShare. Evaluate then gives c_K = α·g_K, c_L = (1 − α)·g_H and
// TFP the residual c_A = g − c_K − c_L, so the contributions add up to the
// simple growth rate exactly; c_A equals g_A up to second-order terms (the
// log form ln(1+g) = ln(1+g_A) + α·ln(1+g_K) + (1−α)·ln(1+g_H) is exact).
// The other inputs of dst are not changed. FillInputs allocates nothing.
//
// It panics if the slices of s and dst differ in length.
func FillInputs(dst *Inputs, s *Solow) {
	dst.checkLengths()
	s.checkLengths(dst.Len())
	y0 := dst.BaseGDP
	if !(y0 > 0) {
		y0 = 1 // growth rates do not depend on the level
	}
	solowRun(s, dst.BaseYear, dst.Len(), y0, dst, nil)
}

// SolowPath writes the levels of the Solow path of s, starting from in's
// base year and GDP, into dst, one element per projected year. It
// allocates nothing. It panics if dst or the slices of s are not as long as
// the span of in.
func SolowPath(dst []SolowYear, in *Inputs, s *Solow) {
	if len(dst) != in.Len() {
		panic("model: SolowPath needs one element per projected year")
	}
	s.checkLengths(in.Len())
	solowRun(s, in.BaseYear, in.Len(), in.BaseGDP, nil, dst)
}

// solowRun runs the Solow model for n years from base year b with base GDP
// y, writing into fill and path where they are not nil.
func solowRun(s *Solow, b, n int, y float64, fill *Inputs, path []SolowYear) {
	k := s.CapitalOutput * y
	var kI float64
	if s.ICT {
		kI = s.ICTCapitalShare * k
	}
	a, h := 1.0, 1.0
	for i := range n {
		inv := s.Investment[i] * y
		var k1, kI1 float64
		if s.ICT {
			psi := s.ICTInvestmentShare[i]
			kI1 = (1-s.ICTDepreciation[i])*kI + psi*inv
			k1 = kI1 + (1-s.Depreciation[i])*(k-kI) + (1-psi)*inv
		} else {
			k1 = (1-s.Depreciation[i])*k + inv
		}
		gH := (1+s.LaborGrowth[i])*(1+s.HumanCapitalGrowth[i]) - 1
		alpha := s.Alpha[i]
		y1 := y * CobbDouglas(1+s.TFPGrowth[i], k1/k, 1+gH, alpha)
		g, gK := y1/y-1, k1/k-1
		var phi float64
		if s.ICT && k1 != k {
			phi = (kI1 - kI) / (k1 - k)
		}
		a *= 1 + s.TFPGrowth[i]
		h *= 1 + gH

		if fill != nil {
			fill.Growth[i] = g
			fill.Form[i] = Production
			fill.CapitalGrowth[i] = gK
			fill.LaborGrowth[i] = gH
			fill.Alpha[i] = alpha
			if s.ICT {
				fill.ICTShare[i] = phi
			}
		}
		if path != nil {
			path[i] = SolowYear{
				Year: b + 1 + i, GDP: y1, Capital: k1, ICTCapital: kI1, TFP: a, LaborInput: h,
				Growth: g, CapitalGrowth: gK, ICTShare: phi,
			}
		}
		y, k, kI = y1, k1, kI1
	}
}
