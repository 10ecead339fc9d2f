package model

// Channel is one of the ways through which the industrial internet adds to
// GDP: labour, capital, or one of the four TFP dimensions.
type Channel int

// The channels, in the order used by every array indexed by Channel. The TFP
// channels follow the order of the dimensions: ChannelTP+Dimension(d).
const (
	ChannelLabor Channel = iota
	ChannelCapital
	ChannelTP
	ChannelTE
	ChannelSE
	ChannelAE

	NumChannels = 6
)

var channelNames = [NumChannels]string{"labor", "capital", "tfp_tp", "tfp_te", "tfp_se", "tfp_ae"}

// String returns the channel's short name as used in output columns.
func (c Channel) String() string {
	if c < 0 || c >= NumChannels {
		return "channel?"
	}
	return channelNames[c]
}

// DimensionChannel returns the channel of TFP dimension d.
func DimensionChannel(d Dimension) Channel { return ChannelTP + Channel(d) }

// Year is the result of one projected year. Rates and shares are fractions,
// levels are 亿元 at constant base-year prices.
type Year struct {
	Year     int
	GDP      float64 // Y_t
	Growth   float64 // g_t
	DeltaGDP float64 // ΔY_t = Y_t − Y_{t−1}

	Contribution [NumFactors]float64 // c_X,t, fraction; Σ = g_t
	Share        [NumFactors]float64 // σ_X,t = c_X,t/g_t; 0 when g_t = 0

	Channel      [NumChannels]float64 // II_t by channel, 亿元; Σ = II_t
	II           float64              // II_t, 亿元
	IIShare      float64              // s_t = II_t/ΔY_t; 0 when ΔY_t = 0
	IICumulative float64              // Σ_{u ≤ t} II_u, 亿元
}

// Totals are the sums over the whole span.
type Totals struct {
	II       float64              // Σ II_t, 亿元
	DeltaGDP float64              // Σ ΔY_t = Y_last − Y_b, 亿元
	IIShare  float64              // Σ II_t / Σ ΔY_t; 0 when Σ ΔY_t = 0
	Channel  [NumChannels]float64 // Σ II_t by channel, 亿元
}

// Results are the outcome of one evaluation.
type Results struct {
	Years  []Year
	Totals Totals
}

// Evaluate computes the decomposition and the II attribution of in into
// dst, reusing dst.Years when it has the capacity, so that repeated
// evaluations allocate nothing. It does not validate in (see
// [Inputs.Validate]); finite inputs give finite results.
//
// It panics if the per-year slices of in differ in length.
func Evaluate(dst *Results, in *Inputs) {
	n := in.Len()
	in.checkLengths()
	if cap(dst.Years) < n {
		dst.Years = make([]Year, n)
	}
	dst.Years = dst.Years[:n]
	dst.Totals = Totals{}

	y := in.BaseGDP
	var cum float64
	for i := range n {
		cL, cK, cA := in.contributions(i)
		g := in.Growth[i]
		r := &dst.Years[i]
		r.Year = in.BaseYear + 1 + i
		r.Growth = g
		r.DeltaGDP = y * g
		r.Contribution = [NumFactors]float64{cL, cK, cA}
		if g != 0 {
			r.Share = [NumFactors]float64{cL / g, cK / g, cA / g}
		} else {
			r.Share = [NumFactors]float64{}
		}

		r.Channel[ChannelLabor] = y * in.LaborII[i] * cL
		r.Channel[ChannelCapital] = y * in.ICTShare[i] * in.PrivateIIShare[i] * cK
		ii := r.Channel[ChannelLabor] + r.Channel[ChannelCapital]
		for d := range NumDimensions {
			v := y * cA * in.Weight[d] * in.TFPII[d][i]
			r.Channel[ChannelTP+Channel(d)] = v
			ii += v
		}
		r.II = ii
		if r.DeltaGDP != 0 {
			r.IIShare = ii / r.DeltaGDP
		} else {
			r.IIShare = 0
		}
		cum += ii
		r.IICumulative = cum

		for c := range NumChannels {
			dst.Totals.Channel[c] += r.Channel[c]
		}
		dst.Totals.DeltaGDP += r.DeltaGDP
		y += r.DeltaGDP
		r.GDP = y
	}
	dst.Totals.II = cum
	if dst.Totals.DeltaGDP != 0 {
		dst.Totals.IIShare = cum / dst.Totals.DeltaGDP
	}
}

// checkLengths panics if a per-year slice of in is not as long as Growth.
func (in *Inputs) checkLengths() {
	n := len(in.Growth)
	ok := len(in.Form) == n &&
		len(in.LaborShare) == n && len(in.CapitalShare) == n &&
		len(in.LaborContribution) == n && len(in.CapitalContribution) == n &&
		len(in.LaborGrowth) == n && len(in.CapitalGrowth) == n && len(in.Alpha) == n &&
		len(in.LaborII) == n && len(in.ICTShare) == n && len(in.PrivateIIShare) == n
	for d := range in.TFPII {
		ok = ok && len(in.TFPII[d]) == n
	}
	if !ok {
		panic("model: per-year inputs differ in length")
	}
}
