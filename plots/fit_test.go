package plots

import (
	"bytes"
	"errors"
	"image/png"
	"math"
	"testing"
)

// fitPanels are the panels of a calibration to two per-year targets and a
// period total.
func fitPanels() []FitPanel {
	return []FitPanel{
		{Metric: "ii_increment_yi", Unit: "亿元", PerYear: true, Points: []FitPoint{
			{Year: 2019, Published: 6096.4, Precision: 0.1, Fitted: 6096.4},
			{Year: 2020, Published: 6703.5, Precision: 0.1, Fitted: 6703.52},
		}},
		{Metric: "period_ii_share_pct", Unit: "%", Points: []FitPoint{
			{Published: 13, Precision: 1, Fitted: 12.6},
		}},
	}
}

// TestFit checks the fit chart: a panel per metric with its title, units
// in the default font's glyphs, the legend, and the size of 6 × 2.5 inches
// per panel at 96 DPI.
func TestFit(t *testing.T) {
	t.Parallel()
	c, err := Fit(fitPanels())
	if err != nil {
		t.Fatal(err)
	}
	svg, err := Render(c, SVG)
	if err != nil {
		t.Fatal(err)
	}
	texts := svgTexts(t, svg)
	wantTexts(t, texts,
		"ii_increment_yi: published and fitted", "ii_increment_yi (100 million yuan)", "2019", "2020", "year",
		"period_ii_share_pct: published and fitted", "period_ii_share_pct (%)",
		"published ± ½ printed digit", "fitted")

	b, err := Render(c, PNG)
	if err != nil {
		t.Fatal(err)
	}
	saveOut(t, "fit.png", b)
	cfg, err := png.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Width != 576 || cfg.Height != 2*240 {
		t.Errorf("got %d × %d pixels, want 576 × 480", cfg.Width, cfg.Height)
	}
}

func TestFitErrors(t *testing.T) {
	if _, err := Fit(nil); !errors.Is(err, ErrNoPanels) {
		t.Errorf("no panels: got %v, want ErrNoPanels", err)
	}
	ps := fitPanels()
	ps[1].Points = nil
	if _, err := Fit(ps); err == nil {
		t.Error("a panel without points: no error")
	}
	ps = fitPanels()
	ps[0].Points[1].Fitted = math.NaN()
	if _, err := Fit(ps); err == nil {
		t.Error("a NaN fitted value: no error")
	}
}
