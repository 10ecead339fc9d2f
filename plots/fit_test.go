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
		{Metric: "period_ii_share_pct", Unit: "%", First: 2019, Last: 2024, Points: []FitPoint{
			{Published: 13, Precision: 1, Fitted: 12.6},
		}},
	}
}

// TestFit checks the fit chart: of the family of the other charts (the
// same size and fonts, a title, a legend, a caption), a panel per metric
// titled in words with the unit on its axis, and no metric name outside
// the caption, in both languages.
func TestFit(t *testing.T) {
	t.Parallel()
	c, err := Fit(nil, "report2020", fitPanels())
	if err != nil {
		t.Fatal(err)
	}
	c.Subtitle = c.theme.ScenarioSubtitle("x", "", 0)
	texts := renderSVG(t, c)
	wantTexts(t, texts,
		"Calibration: published targets and the fitted model", "Scenario “x”",
		"II GDP increment", "100 million yuan", "2019", "2020",
		"II share of GDP growth over the span, 2019–2024", "%",
		"Published (bar: ± half the last printed digit)", "Fitted model")
	noCodeOutsideCaption(t, c, texts)

	b, err := Render(c, PNG)
	if err != nil {
		t.Fatal(err)
	}
	saveOut(t, "fit.png", b)
	cfg, err := png.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	// The size of every other chart, e.g. the report's.
	ii, err := IIIncrement(nil, baseline(), nil)
	if err != nil {
		t.Fatal(err)
	}
	ib, err := Render(ii, PNG)
	if err != nil {
		t.Fatal(err)
	}
	want, err := png.DecodeConfig(bytes.NewReader(ib))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Width != want.Width || cfg.Height != want.Height {
		t.Errorf("got %d × %d pixels, want %d × %d as the other charts", cfg.Width, cfg.Height, want.Width, want.Height)
	}

	th, err := embeddedCJKTheme()
	if err != nil {
		t.Fatal(err)
	}
	zc, err := Fit(th, "report2020", fitPanels())
	if err != nil {
		t.Fatal(err)
	}
	zt := renderSVG(t, zc)
	wantTexts(t, zt, "校准：报告公布的目标值与拟合模型", "产业互联网带来的GDP增量", "亿元", "拟合模型")
	noCodeOutsideCaption(t, zc, zt)
	noEnglishOutsideCaption(t, "fit", zc, zt)
}

func TestFitErrors(t *testing.T) {
	if _, err := Fit(nil, "s", nil); !errors.Is(err, ErrNoPanels) {
		t.Errorf("no panels: got %v, want ErrNoPanels", err)
	}
	ps := fitPanels()
	ps[1].Points = nil
	if _, err := Fit(nil, "s", ps); err == nil {
		t.Error("a panel without points: no error")
	}
	ps = fitPanels()
	ps[0].Points[1].Fitted = math.NaN()
	if _, err := Fit(nil, "s", ps); err == nil {
		t.Error("a NaN fitted value: no error")
	}
}

// BenchmarkRenderPNG measures drawing a PNG of the fit chart (four panels,
// as report2020's calibration) and of the report's chart, for comparison.
func BenchmarkRenderPNG(b *testing.B) {
	ps := append(fitPanels(), fitPanels()...)
	fit, err := Fit(nil, "report2020", ps)
	if err != nil {
		b.Fatal(err)
	}
	ii, err := IIIncrement(nil, baseline(), nil)
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		chart *Chart
	}{{"fit", fit}, {"ii_increment", ii}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := Render(c.chart, PNG); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
