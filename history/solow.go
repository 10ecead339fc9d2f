package history

import (
	"errors"
	"fmt"
	"math"

	"simulate/pwt"
)

// Start is the starting point of a Solow projection (model.Solow) taken from
// PWT: the levels of a base year and the trends of the years before it.
//
// Levels and ratios are those of the base year. PWT's rnna and rgdpna are both
// at constant 2011 national prices, so their ratio is a capital–output ratio at
// 2011 relative prices. Trends are means over the window From … Year of yearly
// log growth, given back as simple annual rates: exp(mean dln X) − 1.
type Start struct {
	ISO  string
	Year int // base year b
	From int // first year of the trend window; its growth is from From−1 to From

	CapitalOutput float64 // κ = rnna_b / rgdpna_b
	// InvestmentRate is the gross investment rate implied by PWT's perpetual
	// inventory, I_b / rgdpna_b with I_b = rnna_b − (1 − delta_b)·rnna_{b−1}: the
	// investment consistent with the capital stock and its depreciation, at
	// constant 2011 national prices.
	InvestmentRate float64
	// InvestmentShareCurrentPPP is PWT's csh_i of the base year, the share of
	// gross capital formation at current PPPs, for comparison; NaN if missing.
	// It is not at the constant national prices of rnna and rgdpna.
	InvestmentShareCurrentPPP float64
	Depreciation              float64 // delta_b, fraction of the capital stock
	CapitalShare              float64 // α = 1 − labsh_b

	// TFPGrowth is the trend of TFP measured as the Solow model measures it:
	// the Törnqvist residual with the capital stock rnna and labour emp·avh·hc
	// (Options{Capital: pwt.CapitalStock}). PWT's own rtfpna uses capital services
	// rkna instead; see TFPGrowthRTFPNA.
	TFPGrowth          float64
	TFPGrowthRTFPNA    float64 // trend of PWT's rtfpna, for comparison
	LaborGrowth        float64 // trend of hours worked, emp·avh
	HumanCapitalGrowth float64 // trend of hc
}

// SolowStart returns the starting point of a Solow projection from year, with
// trends over the window of years year−window+1 … year (window ≥ 1). Every value
// it needs must be present: a missing one is an error that names it.
func SolowStart(s pwt.Series, year, window int) (Start, error) {
	if window < 1 {
		return Start{}, fmt.Errorf("history: a trend window of %d years; want at least 1", window)
	}
	st := Start{ISO: s.ISO, Year: year, From: year - window + 1}
	var errs []error
	value := func(v pwt.Var, y int) float64 {
		r, _ := s.Row(y)
		x, ok := r.Value(v)
		if !ok {
			errs = append(errs, fmt.Errorf("history: %s: %v %d missing", s.ISO, v, y))
		}
		return x
	}
	trend := func(y0, y1 float64) float64 { return math.Expm1(math.Log(y1/y0) / float64(window)) }

	y, k, k0 := value(pwt.RGDPNA, year), value(pwt.RNNA, year), value(pwt.RNNA, year-1)
	delta := value(pwt.DELTA, year)
	st.CapitalOutput = k / y
	st.InvestmentRate = (k - (1-delta)*k0) / y
	st.Depreciation = delta
	st.CapitalShare = 1 - value(pwt.LABSH, year)
	r, _ := s.Row(year)
	st.InvestmentShareCurrentPPP, _ = r.Value(pwt.CSH_I)

	first := st.From - 1
	hours := func(y int) float64 { return value(pwt.EMP, y) * value(pwt.AVH, y) }
	st.LaborGrowth = trend(hours(first), hours(year))
	st.HumanCapitalGrowth = trend(value(pwt.HC, first), value(pwt.HC, year))
	st.TFPGrowthRTFPNA = trend(value(pwt.RTFPNA, first), value(pwt.RTFPNA, year))
	if len(errs) > 0 {
		return Start{}, errors.Join(errs...)
	}

	res, err := Decompose(s, Options{Capital: pwt.CapitalStock, Labour: pwt.LabourHoursHC, From: st.From, To: year})
	if err != nil {
		return Start{}, err
	}
	if len(res.Rows) != window {
		for _, sk := range res.Skipped {
			errs = append(errs, fmt.Errorf("history: %s: TFP of %v", s.ISO, sk))
		}
		return Start{}, errors.Join(append(errs, fmt.Errorf("history: %s: TFP known for %d of the %d years %d–%d", s.ISO, len(res.Rows), window, st.From, year))...)
	}
	var sum float64
	for _, row := range res.Rows {
		sum += row.TFP / 100
	}
	st.TFPGrowth = math.Expm1(sum / float64(window))
	return st, nil
}
