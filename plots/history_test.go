package plots

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"

	"simulate/history"
	"simulate/model"
	"simulate/pwt"
)

// longHistory returns a made-up growth accounting of 1991–2017 in log
// points, shaped like China's in PWT: capital the largest part, TFP
// swinging below zero in some years, labour fading.
func longHistory() history.Result {
	h := history.Result{ISO: "CHN", Country: "China", Options: history.Options{Capital: pwt.CapitalStock}}
	for y := 1991; y <= 2017; y++ {
		i := float64(y - 1991)
		r := history.Row{
			Year:          y,
			LabourHours:   1.5 - 0.06*i,
			LabourQuality: 0.7,
			Capital:       3 + 2*math.Sin(i/5),
			TFP:           2.5*math.Sin(i/2.2) + 0.8,
			LabourShare:   0.55,
		}
		r.Labour = r.LabourHours + r.LabourQuality
		r.GDP = r.Labour + r.Capital + r.TFP
		h.Rows = append(h.Rows, r)
	}
	return h
}

// shortHistory returns 2011–2017 without 2014 (incomplete data), with a
// recession in 2015: labour −0.5, capital +1.5, TFP −4 log points. Its
// labour is persons only (no quality).
func shortHistory() history.Result {
	h := history.Result{ISO: "XYZ", Country: "Examplia", Options: history.Options{Labour: pwt.LabourPersons}}
	for _, r := range []history.Row{
		{Year: 2011, Labour: 0.9, Capital: 4.1, TFP: 1.5},
		{Year: 2012, Labour: 0.8, Capital: 3.9, TFP: -0.4},
		{Year: 2013, Labour: 0.8, Capital: 3.5, TFP: 0.9},
		{Year: 2015, Labour: -0.5, Capital: 1.5, TFP: -4},
		{Year: 2016, Labour: 0.6, Capital: 2.8, TFP: 1.2},
		{Year: 2017, Labour: 0.5, Capital: 2.6, TFP: 0.7},
	} {
		r.GDP = r.Labour + r.Capital + r.TFP
		r.LabourHours, r.LabourMeasure = r.Labour, pwt.LabourPersons
		h.Rows = append(h.Rows, r)
	}
	return h
}

// projection returns a projection of 2018–2024 after longHistory.
func projection() Scenario {
	in := model.NewInputs(2017, 7)
	in.BaseGDP = 820800
	copy(in.Growth, []float64{0.041, 0.039, 0.038, 0.036, 0.035, 0.034, 0.033})
	for i := range in.Len() {
		in.LaborShare[i] = 0.2
		in.CapitalShare[i] = 0.78
		in.ICTShare[i] = 0.15
	}
	var res model.Results
	model.Evaluate(&res, in)
	return Scenario{Name: "solow-test", Results: res}
}

// report2024 is the report's split of 2024's growth (section 1.2).
func report2024() *Reference {
	return &Reference{Year: 2024, Label: "Report 2024", Contribution: [3]float64{0.2, 1.8, 3.5}}
}

// TestHistorySVGTexts checks the texts of the history charts: title, axis
// labels, legend, year ticks every 5 years on a long span, the boundary's
// labels with the units of each side, the reference and the source line.
func TestHistorySVGTexts(t *testing.T) {
	t.Parallel()
	zh, err := embeddedCJKTheme()
	if err != nil {
		t.Fatal(err)
	}
	const pwt = "Data: Penn World Table 9.1 (Feenstra, Inklaar & Timmer 2015)."
	tests := []struct {
		name    string
		chart   func() (*Chart, error)
		legend  []string
		texts   []string // whole texts
		caption []string // parts of the caption, which may wrap
		not     []string // parts of no text
	}{
		{
			name:   "history",
			chart:  func() (*Chart, error) { return History(nil, longHistory(), "") },
			legend: []string{"Labour: hours (L)", "Labour quality (hc)", "Capital (K)", "TFP", "GDP growth"},
			texts: []string{"China (CHN): sources of real GDP growth, 1991–2017",
				"Contribution to GDP growth (log points)", "Year", "1995", "2000", "2005", "2010", "2015"},
			caption: []string{"log points (100 × log difference)", "Capital: rnna; labour: emp×avh×hc.", pwt},
			not:     []string{"projection", "1991.5", "No bar", "Shaded", "Official"},
		},
		{
			name:   "history with a gap, from a file",
			chart:  func() (*Chart, error) { return History(nil, shortHistory(), "data/mini.csv") },
			legend: []string{"Labour: persons (L)", "Capital (K)", "TFP", "GDP growth"},
			texts: []string{"Examplia (XYZ): sources of real GDP growth, 2011–2017",
				"2011", "2012", "2013", "2014", "2015", "2016", "2017",
				"-3.0", "1.5"}, // labels: growth and capital of 2015
			caption: []string{"No bar for 2014: incomplete data.", "labour: emp.", "Data: mini.csv (Penn World Table format)."},
			not:     []string{"Penn World Table 9.1", "data/", "quality"},
		},
		{
			name:   "history and projection",
			chart:  func() (*Chart, error) { return HistoryProjection(nil, longHistory(), "", projection(), report2024()) },
			legend: []string{"Labour: hours (L)", "Labour quality (hc)", "Capital (K)", "TFP", "GDP growth", "Report 2024 (outlined): L 0.2 + K 1.8 + TFP 3.5 pp"},
			texts: []string{"China: growth accounting 1991–2017 and projection “solow-test”, 2018–2024",
				"Contribution to GDP growth (log points / pp)", "history: log points", "projection: %",
				"1995", "2000", "2005", "2010", "2015", "2020"},
			caption: []string{"Projection: scenario solow-test", "simple growth in %", pwt},
			not:     []string{"2025"},
		},
		{
			name: "history and projection, zh",
			chart: func() (*Chart, error) {
				return HistoryProjection(zh, longHistory(), "", projection(), report2024())
			},
			legend: []string{"劳动力：工时（L）", "劳动力质量（hc）", "资本（K）", "全要素生产率（TFP）", "GDP增长率", "Report 2024（空心柱）：L 0.2 + K 1.8 + TFP 3.5个百分点"},
			texts: []string{"中国：1991–2017年增长核算与“solow-test”情景2018–2024年预测",
				"对GDP增长的拉动（对数百分点/百分点）", "年份", "历史：对数百分点", "预测：%"},
			caption: []string{"对数百分点", "数据来源：佩恩表 9.1（Feenstra、Inklaar和Timmer，2015）。"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := tt.chart()
			if err != nil {
				t.Fatal(err)
			}
			if got := c.LegendEntries(); !slices.Equal(got, tt.legend) {
				t.Errorf("legend = %q, want %q", got, tt.legend)
			}
			texts := renderSVG(t, c)
			wantTexts(t, texts, c.Title, c.Plot.Y.Label.Text)
			wantTexts(t, texts, tt.legend...)
			wantTexts(t, texts, tt.texts...)
			all := strings.Join(texts, "")
			for _, w := range tt.caption {
				if !strings.Contains(c.Caption, w) {
					t.Errorf("caption %q lacks %q", c.Caption, w)
				}
			}
			if !hasCaption(texts, c.Caption) {
				t.Errorf("SVG does not hold the caption %q", c.Caption)
			}
			for _, n := range tt.not {
				if strings.Contains(all, n) {
					t.Errorf("SVG holds %q", n)
				}
			}
		})
	}
}

// hasCaption reports whether texts hold caption in consecutive lines,
// which are drawn from the last up.
func hasCaption(texts []string, caption string) bool {
	want := strings.ReplaceAll(caption, " ", "")
	for i := range texts {
		var s string
		for j := i; j < len(texts) && j < i+4; j++ {
			s = texts[j] + s
			if strings.ReplaceAll(s, " ", "") == want {
				return true
			}
		}
	}
	return false
}

// TestHistoryLayout checks the geometry of the history and projection
// chart: the reference beside its year's bar, inside the year's slot and
// overlapping neither that bar nor the next; the y axis covering every
// bar, marker and the reference, with room above for the boundary labels;
// the boundary between the last observed and the first projected year.
func TestHistoryLayout(t *testing.T) {
	hist, err := historyBars(nil, longHistory())
	if err != nil {
		t.Fatal(err)
	}
	c := newChart(nil, "", "")
	parts := c.addHistoryBars(hist, resultBars(nil, projection().Results), report2024())
	sb, rb, bd := []*stackedBars{parts.hist, parts.proj}, parts.ref, parts.bound
	if parts.proj == nil || rb == nil || bd == nil {
		t.Fatalf("projection %v, reference %v, boundary %v; want all", parts.proj != nil, rb != nil, bd != nil)
	}
	if bd.x != 2017.5 {
		t.Errorf("boundary at %v, want 2017.5", bd.x)
	}
	proj := parts.proj
	last := len(proj.xs) - 1
	own0, own1 := proj.xs[last]-proj.widthOf(last)/2, proj.xs[last]+proj.widthOf(last)/2
	ref0, ref1 := rb.x-rb.width/2, rb.x+rb.width/2
	if !(own1 < ref0) || own0 < 2024-refSlot/2-1e-9 || ref1 > 2024+refSlot/2+1e-9 {
		t.Errorf("2024: own bar %v…%v, reference %v…%v; want side by side within 2024 ± %v", own0, own1, ref0, ref1, refSlot/2)
	}
	if prev := proj.xs[last-1] + proj.widthOf(last-1)/2; prev >= own0 {
		t.Errorf("2023's bar ends at %v, after 2024's starts (%v)", prev, own0)
	}
	if ref1 >= c.Plot.X.Max || c.Plot.X.Max >= 2025 {
		t.Errorf("x axis ends at %v; want after the reference (%v) and before 2025", c.Plot.X.Max, ref1)
	}

	lo, hi := 0.0, 0.0
	for _, b := range sb {
		l, h := b.extent()
		lo, hi = math.Min(lo, slices.Min(l)), math.Max(hi, slices.Max(h))
		lo, hi = math.Min(lo, slices.Min(b.marks)), math.Max(hi, slices.Max(b.marks))
	}
	rlo, rhi := rb.extent()
	lo, hi = math.Min(lo, rlo), math.Max(hi, rhi)
	if c.Plot.Y.Min > lo || c.Plot.Y.Max < hi+boundaryRoom*(hi-lo)-1e-9 {
		t.Errorf("y axis %v…%v; want %v…%v and room above", c.Plot.Y.Min, c.Plot.Y.Max, lo, hi)
	}
	if rhi != 5.5 {
		t.Errorf("reference reaches %v, want 0.2 + 1.8 + 3.5 = 5.5", rhi)
	}
}

// TestOutlinedBar checks the reference's segments: stacked like bars by
// sign, a part not published (NaN) empty and not counted.
func TestOutlinedBar(t *testing.T) {
	o := &outlinedBar{vals: [3]float64{math.NaN(), 1.8, -0.5}}
	lo, hi := o.segments()
	if !slices.Equal(lo, []float64{0, 0, -0.5}) || !slices.Equal(hi, []float64{0, 1.8, 0}) {
		t.Errorf("segments %v, %v", lo, hi)
	}
	if l, h := o.extent(); l != -0.5 || h != 1.8 {
		t.Errorf("extent %v…%v, want -0.5…1.8", l, h)
	}
	c, err := HistoryProjection(nil, longHistory(), "", projection(),
		&Reference{Year: 2024, Contribution: [3]float64{math.NaN(), 1.8, math.NaN()}})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.LegendEntries(); got[len(got)-1] != "2024 (outlined): K 1.8 pp" {
		t.Errorf("legend %q, want the year and the published part only", got[len(got)-1])
	}
}

// TestHistoryReferenceAlone checks a reference in a year without a bar:
// drawn at full width, the x axis widened to hold it.
func TestHistoryReferenceAlone(t *testing.T) {
	c, err := HistoryProjection(nil, longHistory(), "", projection(), &Reference{Year: 2026, Contribution: [3]float64{1, 1, 1}})
	if err != nil {
		t.Fatal(err)
	}
	if c.Plot.X.Max < 2026.3 {
		t.Errorf("x axis ends at %v, before the reference of 2026", c.Plot.X.Max)
	}
	if _, err := Render(c, SVG); err != nil {
		t.Error(err)
	}
}

func TestHistoryErrors(t *testing.T) {
	nan := longHistory()
	nan.Rows[3].TFP = math.NaN()
	early := projection()
	early.Results.Years = early.Results.Years[:0]
	for name, f := range map[string]func() (*Chart, error){
		"non-finite": func() (*Chart, error) { return History(nil, nan, "") },
		"no projection": func() (*Chart, error) {
			return HistoryProjection(nil, longHistory(), "", early, nil)
		},
		"overlap": func() (*Chart, error) {
			h := longHistory()
			h.Rows = append(h.Rows, history.Row{Year: 2018})
			return HistoryProjection(nil, h, "", projection(), nil)
		},
		"empty reference": func() (*Chart, error) {
			nan := math.NaN()
			return HistoryProjection(nil, longHistory(), "", projection(), &Reference{Year: 2024, Contribution: [3]float64{nan, nan, nan}})
		},
		"infinite reference": func() (*Chart, error) {
			return HistoryProjection(nil, longHistory(), "", projection(), &Reference{Year: 2024, Contribution: [3]float64{math.Inf(1), 0, 0}})
		},
	} {
		if _, err := f(); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := History(nil, history.Result{ISO: "CHN"}, ""); !errors.Is(err, ErrNoYears) {
		t.Errorf("no rows: %v, want ErrNoYears", err)
	}
	if _, err := HistoryProjection(nil, history.Result{ISO: "CHN"}, "", projection(), nil); !errors.Is(err, ErrNoYears) {
		t.Errorf("no rows: %v, want ErrNoYears", err)
	}
}

// TestCountryName checks the Chinese names of countries and the fallback
// to the data's name.
func TestCountryName(t *testing.T) {
	zh, err := embeddedCJKTheme()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		th       *Theme
		iso, pwt string
		want     string
	}{
		{nil, "CHN", "China", "China (CHN)"},
		{zh, "CHN", "China", "中国（CHN）"},
		{zh, "USA", "United States", "美国（USA）"},
		{zh, "XYZ", "Examplia", "Examplia（XYZ）"},
		{nil, "XYZ", "", "XYZ (XYZ)"},
	}
	for _, tt := range tests {
		if got := tt.th.theme().country(history.Result{ISO: tt.iso, Country: tt.pwt}); got != tt.want {
			t.Errorf("country(%s, %s) = %q, want %q", tt.iso, tt.pwt, got, tt.want)
		}
	}
}

// TestWrapPunctuation checks that wrapped Chinese text starts no line with
// closing punctuation and ends none with opening punctuation.
func TestWrapPunctuation(t *testing.T) {
	zh, err := embeddedCJKTheme()
	if err != nil {
		t.Fatal(err)
	}
	s := "观测年份以对数百分点计（对数差×100），各要素贡献之和恰等于增长率。资本：rnna；劳动力：emp×avh×hc。" +
		"预测：simulate模型solow-china情景，简单增长率（%），贡献为百分点。数据来源：佩恩表 9.1（Feenstra、Inklaar和Timmer，2015）。"
	if got := strings.Join(tokens(s), ""); got != s {
		t.Fatalf("tokens lose text: %q", got)
	}
	sty := zh.style(10, colorText)
	for w := 40.0; w < 600; w += 7 {
		for _, line := range wrap(sty, s, vg.Points(w)) {
			r := []rune(line)
			if strings.ContainsRune(cjkClosing, r[0]) || strings.ContainsRune(cjkOpening, r[len(r)-1]) && len(r) > 1 {
				t.Errorf("width %v: line %q", w, line)
			}
		}
	}
}

// TestGrowthGlyph checks that growth markers keep Decomposition's size on
// short spans and shrink on long ones so that neighbours do not touch.
func TestGrowthGlyph(t *testing.T) {
	if g := growthGlyph(8); g != totalGlyph {
		t.Errorf("8 years: %+v, want Decomposition's marker", g)
	}
	prev := totalGlyph.Radius
	for _, years := range []float64{30, 45, 68, 100} {
		g := growthGlyph(years)
		perYear := vg.Length(500 / years) // points, about
		if g.Radius > prev || g.Radius < vg.Points(2.2) || (g.Radius > vg.Points(2.2) && 2*g.Radius > perYear) {
			t.Errorf("%v years: radius %v (a year is about %v)", years, g.Radius, perYear)
		}
		prev = g.Radius
	}
}
