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

// Year is the result of one projected year. Rates and shares are fractions,
// levels are 亿元 at constant base-year prices.
type Year struct {
	Year     int
	GDP      float64 // Y_t
	Growth   float64 // g_t
	DeltaGDP float64 // ΔY_t = Y_t − Y_{t−1}

	Contribution [NumFactors]float64 // c_X,t, fraction; Σ = g_t
	Share        [NumFactors]float64 // σ_X,t = c_X,t/g_t; 0 when |g_t| < MinGrowth

	Channel      [NumChannels]float64 // II_t by channel, 亿元; Σ = II_t
	II           float64              // II_t, 亿元
	IIShare      float64              // s_t = II_t/ΔY_t; 0 when ΔY_t = 0 or |g_t| < MinGrowth
	IICumulative float64              // Σ_{u ≤ t} II_u, 亿元
}

// Totals are the sums over the whole span.
type Totals struct {
	II       float64              // Σ II_t, 亿元
	DeltaGDP float64              // Σ ΔY_t = Y_last − Y_b, 亿元
	IIShare  float64              // Σ II_t / Σ ΔY_t; 0 when |Σ ΔY_t| < MinGrowth·Y_b
	Channel  [NumChannels]float64 // Σ II_t by channel, 亿元
}

// Results are the outcome of one evaluation.
type Results struct {
	Years  []Year
	Totals Totals
}

// MinGrowth is the smallest growth rate (a fraction) Evaluate divides by:
// a smaller one in magnitude is zero growth for shares, which are then 0.
// Dividing by a growth of 1e-307 overflowed to +Inf shares, and by a
// subnormal one to NaN.
const MinGrowth = 1e-12

// Evaluate computes the decomposition and the II attribution of in into
// dst, reusing dst.Years when it has the capacity, so that repeated
// evaluations allocate nothing. It does not validate in (see
// [Inputs.Validate]); finite inputs give finite results.
//
// It panics if the per-year slices of in differ in length.
func Evaluate(dst *Results, in *Inputs) {
	in.checkLengths()
	evaluate(dst, in)
}

// evaluate is Evaluate on inputs whose lengths were checked.
func evaluate(dst *Results, in *Inputs) {
	n := in.Len()
	if cap(dst.Years) < n {
		dst.Years = make([]Year, n)
	}
	dst.Years = dst.Years[:n]

	// Re-slicing every input to n lets the compiler drop bounds checks
	// inside the loop; this is the hot path of sensitivity analysis.
	growth, form := in.Growth[:n], in.Form[:n]
	sL, sK := in.LaborShare[:n], in.CapitalShare[:n]
	lambda, phi, pi := in.LaborII[:n], in.ICTShare[:n], in.PrivateIIShare[:n]
	tp, te := in.TFPII[TechnicalProgress][:n], in.TFPII[TechnicalEfficiency][:n]
	se, ae := in.TFPII[ScaleEfficiency][:n], in.TFPII[AllocativeEfficiency][:n]
	w := in.Weight
	years := dst.Years[:n]

	y := in.BaseGDP
	year := in.BaseYear + 1
	// The totals are summed in scalars, which stay in registers; a
	// Totals' arrays would be summed in memory.
	var totII, totL, totK, totTP, totTE, totSE, totAE, totDY float64
	for i := range years {
		g := growth[i]
		var cL, cK float64
		switch form[i] {
		case Shares:
			cL, cK = sL[i]*g, sK[i]*g
		case Contributions:
			cL, cK = in.LaborContribution[i], in.CapitalContribution[i]
		case Production:
			a := in.Alpha[i]
			cL, cK = (1-a)*in.LaborGrowth[i], a*in.CapitalGrowth[i]
		default:
			panic("model: unknown split form")
		}
		cA := g - cL - cK

		r := &years[i]
		r.Year = year + i
		r.Growth = g
		dy := y * g
		r.DeltaGDP = dy
		r.Contribution[Labor], r.Contribution[Capital], r.Contribution[TFP] = cL, cK, cA
		zero := g > -MinGrowth && g < MinGrowth // growth too small to divide by
		switch {
		case !zero && form[i] == Shares:
			// The shares given, as given: σ·g/g can differ from σ in
			// the last bit. TFP's is the residual.
			l, k := sL[i], sK[i]
			r.Share[Labor], r.Share[Capital], r.Share[TFP] = l, k, 1-l-k
		case !zero:
			inv := 1 / g // one division instead of three: this loop is hot
			r.Share[Labor], r.Share[Capital], r.Share[TFP] = cL*inv, cK*inv, cA*inv
		default:
			r.Share[Labor], r.Share[Capital], r.Share[TFP] = 0, 0, 0
		}

		// Written field by field: building an array and assigning it
		// costs a block copy that dominated this loop in profiles.
		yA := y * cA
		chL := y * lambda[i] * cL
		chK := y * phi[i] * pi[i] * cK
		chTP := yA * w[TechnicalProgress] * tp[i]
		chTE := yA * w[TechnicalEfficiency] * te[i]
		chSE := yA * w[ScaleEfficiency] * se[i]
		chAE := yA * w[AllocativeEfficiency] * ae[i]
		r.Channel[ChannelLabor], r.Channel[ChannelCapital] = chL, chK
		r.Channel[ChannelTP], r.Channel[ChannelTE] = chTP, chTE
		r.Channel[ChannelSE], r.Channel[ChannelAE] = chSE, chAE
		ii := chL + chK + chTP + chTE + chSE + chAE
		r.II = ii
		r.IIShare = 0
		if !zero && dy != 0 {
			r.IIShare = ii / dy
		}
		totII += ii
		r.IICumulative = totII
		totL += chL
		totK += chK
		totTP += chTP
		totTE += chTE
		totSE += chSE
		totAE += chAE
		totDY += dy
		y += dy
		r.GDP = y
	}
	dst.Totals = Totals{II: totII, DeltaGDP: totDY, Channel: [NumChannels]float64{
		ChannelLabor: totL, ChannelCapital: totK, ChannelTP: totTP, ChannelTE: totTE, ChannelSE: totSE, ChannelAE: totAE}}
	// Σ ΔY_t can cancel to next to nothing (growth, then as much decline):
	// below MinGrowth of the base GDP it is no growth to share.
	if totDY >= MinGrowth*in.BaseGDP || totDY <= -MinGrowth*in.BaseGDP {
		dst.Totals.IIShare = totII / totDY
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
