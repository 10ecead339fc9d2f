package plots

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// sensCharts returns one chart of each sensitivity kind, drawn with theme
// th, by file name.
func sensCharts(t *testing.T, th *Theme) map[string]*Chart {
	t.Helper()
	xs := []float64{0.05, 0.1, 0.15, 0.2}
	ys := []float64{-1, 0, 1}
	line := Sweep{Scenario: "report2020", Metric: "ii_total_yi", MetricUnit: "亿元",
		ScenarioTitle: "Report baseline", PriceBase: 2018, First: 2019, Last: 2024,
		Axes:  []SweepAxis{{Label: "capital.ict_share", Unit: "fraction", Values: xs, Base: 0.16, HasBase: true}},
		Z:     []float64{40000, 42000, 44000, 46000},
		BaseZ: 44400}
	heat := Sweep{Scenario: "report2020", Metric: "ii_share_pct[2024]", MetricUnit: "%",
		Axes:  []SweepAxis{line.Axes[0], {Label: "gdp.growth_pct+", Unit: "pp", Values: ys, HasBase: true}},
		BaseZ: 13.2}
	for i := range xs {
		for j := range ys {
			heat.Z = append(heat.Z, 10+20*xs[i]+ys[j])
		}
	}
	torn := Tornado{Scenario: "report2020", Metric: "ii_total_yi", MetricUnit: "亿元", Base: 46306.9, Percent: 5, First: 2019, Last: 2024,
		Bars: []TornadoBar{
			{Label: "gdp.growth_pct+", Low: -0.98, High: 0.98, MetricLow: 37541.6, MetricHigh: 55510.2},
			{Label: "capital.ict_share", Low: 0.104, High: 0.221, MetricLow: 44674.2, MetricHigh: 48843},
		}}
	fan := func(k FanKind) Fan {
		f := Fan{Scenario: "report2020", Kind: k, Draws: 10000, Seed: 1, Years: []int{2019, 2020, 2021, 2022, 2023, 2024}}
		for i := range f.Years {
			v := 6000 + 600*float64(i)
			f.P = append(f.P, [5]float64{v - 900, v - 300, v, v + 320, v + 1000})
		}
		return f
	}
	sob := Sobol{Scenario: "report2020", Metric: "ii_total_yi", N: 4096, Runs: 32768, Interval: "95 % bootstrap intervals",
		Level: 0.95, Resamples: 1000, First: 2019, Last: 2024,
		Indices: []SobolIndex{
			{Label: "gdp.growth_pct+", S1: 0.55, S1Lo: 0.5, S1Hi: 0.6, ST: 0.57, STLo: 0.54, STHi: 0.6},
			{Label: "capital.ict_share", S1: 0.1, S1Lo: 0.07, S1Hi: 0.13, ST: 0.11, STLo: 0.1, STHi: 0.12},
		}}
	out := map[string]*Chart{}
	for name, mk := range map[string]func() (*Chart, error){
		"sweep_line":    func() (*Chart, error) { return SweepLine(th, line) },
		"sweep_heatmap": func() (*Chart, error) { return SweepHeatmap(th, heat) },
		"tornado":       func() (*Chart, error) { return TornadoChart(th, torn) },
		"tornado_delta": func() (*Chart, error) { d := torn; d.Delta = "10"; return TornadoChart(th, d) },
		"fan_ii":        func() (*Chart, error) { return FanChart(th, fan(FanIIIncrement)) },
		"fan_share":     func() (*Chart, error) { return FanChart(th, fan(FanIIShare)) },
		"fan_growth":    func() (*Chart, error) { return FanChart(th, fan(FanGrowth)) },
		"sobol":         func() (*Chart, error) { return SobolChart(th, sob) },
	} {
		c, err := mk()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = c
	}
	return out
}

// TestSensitivitySVG checks the titles, axis labels and legends of the
// sensitivity charts in both languages, and that every format renders.
func TestSensitivitySVG(t *testing.T) {
	t.Parallel()
	want := map[string][]string{
		"sweep_line": {"Total II GDP increment, 2019–2024 against ICT share of capital's contribution",
			"Scenario “report2020”: Report baseline (GDP at constant 2018 prices)",
			"Total II GDP increment, 2019–2024 (100 million yuan)", "ICT share of capital's contribution (fraction)", "0.06", "0.20",
			"Scenario's value: 0.16"},
		"sweep_heatmap": {"II share of GDP growth, 2024 against ICT share of capital's contribution and GDP growth, shift",
			"GDP growth, shift (pp)", "II share of GDP growth, 2024 (%)", "Scenario “report2020”", "Scenario's value: 0.16, 0 pp"},
		"tornado": {"Total II GDP increment, 2019–2024 with one input at a time at its 5 % and 95 % quantiles",
			"GDP growth, shift (-0.98 to 0.98 pp)", "ICT share of capital's contribution (0.104 to 0.221)",
			"Input at its low value", "Input at its high value", "Base: 46306.9 100 million yuan"},
		"tornado_delta": {"Total II GDP increment, 2019–2024 with one input at a time at its base ± 10 %"},
		"fan_ii":        {"II GDP increment, 10000 Monte Carlo draws", "Scenario “report2020”", "II GDP increment (100 million yuan)", "Median", "25–75 %", "5–95 %", "2019", "2024"},
		"fan_share":     {"II share of GDP growth (%)"},
		"fan_growth":    {"GDP growth (%)"},
		"sobol":         {"Sobol indices of Total II GDP increment, 2019–2024", "Sobol index", "First order S1", "Total ST", "ICT share of capital's contribution", "GDP growth, shift"},
	}
	// Rasterising is slow under the race detector: PNG and PDF for a few.
	raster := map[string][]Format{"sweep_heatmap": {PNG}, "tornado_delta": {PDF}}
	for name, c := range sensCharts(t, nil) {
		t.Run(name, func(t *testing.T) {
			texts := renderSVG(t, c)
			wantTexts(t, texts, want[name]...)
			noCodeOutsideCaption(t, c, texts)
			formats := raster[name]
			if *outDir != "" {
				formats = []Format{PNG}
			}
			for _, f := range formats {
				b, err := Render(c, f)
				if err != nil || len(b) == 0 {
					t.Errorf("%s: %v", f, err)
				}
				if *outDir != "" {
					os.WriteFile(filepath.Join(*outDir, "sens_"+name+".png"), b, 0o644)
				}
			}
		})
	}

	// Chinese with the shipped font subset: every character is in it.
	th, err := embeddedCJKTheme()
	if err != nil {
		t.Fatal(err)
	}
	zh := sensCharts(t, th)
	wantTexts(t, renderSVG(t, zh["tornado"]), "输入取低值", "输入取高值", "基准值：46306.9亿元",
		"2019–2024年产业互联网带来的GDP增量合计（亿元）", "GDP增长率（平移）（-0.98至0.98百分点）", "情景“report2020”")
	wantTexts(t, renderSVG(t, zh["fan_ii"]), "中位数", "产业互联网带来的GDP增量（亿元）")
	wantTexts(t, renderSVG(t, zh["sweep_line"]), "2019–2024年产业互联网带来的GDP增量合计随ICT资本占资本贡献的比重 φ的变化",
		"ICT资本占资本贡献的比重 φ（比例）", "情景取值：0.16")
	for name, c := range zh {
		texts := renderSVG(t, c)
		noCodeOutsideCaption(t, c, texts)
		noEnglishOutsideCaption(t, name, c, texts)
	}
	// Rendering checks every character against the font (a *GlyphError).
	for name, c := range zh {
		if _, err := Render(c, SVG); err != nil {
			t.Errorf("zh %s: %v", name, err)
		}
	}
	if _, err := Render(zh["sweep_heatmap"], PNG); err != nil {
		t.Errorf("zh heat map: %v", err)
	}
}

func TestSensitivityLabels(t *testing.T) {
	// The built-in font draws every character of the English labels.
	if miss := missing(defaultTheme().face, sensEN.runes()); len(miss) > 0 {
		t.Errorf("Liberation Sans lacks %q of the English sensitivity labels", string(miss))
	}
	for _, pair := range [][2]string{
		{sensEN.SweepTitleF, sensZH.SweepTitleF}, {sensEN.SweepCaptionF, sensZH.SweepCaptionF},
		{sensEN.TornadoTitleF, sensZH.TornadoTitleF}, {sensEN.QuantilesF, sensZH.QuantilesF},
		{sensEN.DeltaF, sensZH.DeltaF}, {sensEN.BaseF, sensZH.BaseF}, {sensEN.TornadoCaptionF, sensZH.TornadoCaptionF},
		{sensEN.FanTitleF[0], sensZH.FanTitleF[0]}, {sensEN.FanTitleF[1], sensZH.FanTitleF[1]}, {sensEN.FanTitleF[2], sensZH.FanTitleF[2]},
		{sensEN.FanCaptionF, sensZH.FanCaptionF}, {sensEN.SobolTitleF, sensZH.SobolTitleF}, {sensEN.SobolCaptionF, sensZH.SobolCaptionF},
		{sensEN.UnitF, sensZH.UnitF}, {sensEN.SweepBaseF, sensZH.SweepBaseF}, {sensEN.SweepFlatF, sensZH.SweepFlatF},
		{sensEN.RangeF, sensZH.RangeF}, {sensEN.KeysF, sensZH.KeysF}, {sensEN.StudentF, sensZH.StudentF},
		{sensEN.BootstrapF, sensZH.BootstrapF},
	} {
		if v, w := verbs(strings.ReplaceAll(pair[0], "%%", "")), verbs(strings.ReplaceAll(pair[1], "%%", "")); v != w || v == "" {
			t.Errorf("verbs %q in %q, %q in %q", v, pair[0], w, pair[1])
		}
	}
}

func TestSensitivityErrors(t *testing.T) {
	ok := Sweep{Scenario: "s", Metric: "m", Axes: []SweepAxis{{Label: "p", Values: []float64{0, 1}}}, Z: []float64{1, 2}}
	bad := []func() error{
		func() error { _, err := SweepHeatmap(nil, ok); return err },
		func() error { s := ok; s.Z = s.Z[:1]; _, err := SweepLine(nil, s); return err },
		func() error { _, err := TornadoChart(nil, Tornado{}); return err },
		func() error { _, err := FanChart(nil, Fan{Years: []int{2019}}); return err },
		func() error { _, err := SobolChart(nil, Sobol{}); return err },
	}
	for i, f := range bad {
		if err := f(); err == nil {
			t.Errorf("case %d: no error", i)
		}
	}
	if _, err := SweepLine(nil, ok); err != nil {
		t.Error(err)
	}
	if got := slices.Index(sensEN.runes(), 'Σ'); got >= 0 {
		t.Error("unexpected rune")
	}
}

// TestSweepFlat checks that a sweep chart says when its metric does not
// move along an axis.
func TestSweepFlat(t *testing.T) {
	xs, ys := []float64{0.1, 0.2, 0.3}, []float64{-1, 1}
	heat := Sweep{Scenario: "s", Metric: "ii_share_pct[2024]", MetricUnit: "%",
		Axes: []SweepAxis{{Label: "capital.ict_share", Unit: "fraction", Values: xs}, {Label: "gdp.growth_pct+", Unit: "pp", Values: ys}}}
	for _, x := range xs {
		heat.Z = append(heat.Z, 30*x, 30*x) // moves with φ, not with growth
	}
	c, err := SweepHeatmap(nil, heat)
	if err != nil {
		t.Fatal(err)
	}
	if want := "II share of GDP growth, 2024 does not change with GDP growth, shift."; !strings.Contains(c.Caption, want) {
		t.Errorf("caption %q lacks %q", c.Caption, want)
	}
	line := Sweep{Scenario: "s", Metric: "ii_total_yi", MetricUnit: "亿元",
		Axes: []SweepAxis{{Label: "gdp.growth_pct+", Unit: "pp", Values: xs}}, Z: []float64{5, 5, 5}}
	c, err = SweepLine(nil, line)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Total II GDP increment does not change over the swept range."; !strings.Contains(c.Caption, want) {
		t.Errorf("caption %q lacks %q", c.Caption, want)
	}
	// Float noise in a flat metric is not drawn as a zig-zag.
	line.Z = []float64{14.2, 14.2 + 1e-13, 14.2 - 1e-13}
	if c, _ = SweepLine(nil, line); c.Plot.Y.Max-c.Plot.Y.Min < 1 {
		t.Errorf("flat metric: y axis %g to %g, want a band around 14.2", c.Plot.Y.Min, c.Plot.Y.Max)
	}
	line.Z = []float64{5, 6, 7}
	if c, _ = SweepLine(nil, line); strings.Contains(c.Caption, "does not change") {
		t.Errorf("caption %q: the metric moves", c.Caption)
	}
}

// TestSobolYearsManyInputs checks the chart of indices by year with more
// inputs than colours: the seven largest (by mean index) get a band each,
// the others one band named with their number, in both languages.
func TestSobolYearsManyInputs(t *testing.T) {
	t.Parallel()
	s := SobolYears{Scenario: "mine", Metric: "ii_increment_yi", N: 64, Runs: 704, Years: []int{2019, 2020, 2021}}
	// Input i has index (i+1)/100 every year: inputs 0, 1 and 2 are the
	// smallest and go to the band of others.
	for i := range 10 {
		s.Labels = append(s.Labels, fmt.Sprintf("input_%d", i))
	}
	for range s.Years {
		row := make([]float64, len(s.Labels))
		for i := range row {
			row[i] = float64(i+1) / 100
		}
		s.S1 = append(s.S1, row)
	}
	c, err := SobolYearsChart(nil, s)
	if err != nil {
		t.Fatal(err)
	}
	svg := renderSVG(t, c)
	wantTexts(t, svg, "input_3", "input_9", "Other inputs (3)")
	if strings.Contains(strings.Join(svg, " "), "correlations are ignored") {
		t.Error("the caption says correlations were ignored")
	}
	s.Uncorrelated = true
	if c, err = SobolYearsChart(nil, s); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(renderSVG(t, c), " "), "The scenario's rank correlations are ignored (--ignore-correlation)") {
		t.Error("the caption does not say the correlations were ignored")
	}
	for _, small := range []string{"input_0", "input_1", "input_2"} {
		if slices.Contains(svg, small) {
			t.Errorf("%s, among the smallest, has a band of its own", small)
		}
	}
	th, err := embeddedCJKTheme()
	if err != nil {
		t.Fatal(err)
	}
	zh, err := SobolYearsChart(th, s)
	if err != nil {
		t.Fatal(err)
	}
	wantTexts(t, renderSVG(t, zh), "其他输入（3个）")
}

// TestFanCorrelated checks that a fan chart of correlated draws says so.
func TestFanCorrelated(t *testing.T) {
	t.Parallel()
	f := Fan{Scenario: "mine", Draws: 100, Seed: 1, Years: []int{2019, 2020}, P: [][5]float64{{1, 2, 3, 4, 5}, {2, 3, 4, 5, 6}}}
	for _, n := range []int{0, 1} {
		f.Correlations = n
		c, err := FanChart(nil, f)
		if err != nil {
			t.Fatal(err)
		}
		// The caption wraps, and its lines may come in any order.
		text := strings.Join(renderSVG(t, c), " ")
		got := strings.Contains(text, "Inputs drawn with the scenario's 1") && strings.Contains(text, "(Iman–Conover).")
		if got != (n > 0) {
			t.Errorf("%d correlations: caption says so %v", n, got)
		}
	}
}
