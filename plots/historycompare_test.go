package plots

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"simulate/history"
	"simulate/pwt"
)

// mixedHistory returns a made-up growth accounting of 1991–2017 on the
// automatic labour measure: persons × hc in 1991–1999, persons alone in
// 2000–2001, hours from 2002.
func mixedHistory() history.Result {
	h := longHistory()
	h.Options.Labour = pwt.LabourAuto
	for i := range h.Rows {
		r := &h.Rows[i]
		switch {
		case r.Year < 2000:
			r.LabourMeasure = pwt.LabourPersonsHC
		case r.Year < 2002:
			r.LabourMeasure = pwt.LabourPersons
			r.LabourHours, r.LabourQuality = r.Labour, 0
		}
	}
	return h
}

// official returns made-up official growth of 2000–2017 (percent) without
// 2009, a little above the history's.
func official() []history.Official {
	var off []history.Official
	for y := 2000; y <= 2017; y++ {
		if y == 2009 {
			continue
		}
		off = append(off, history.Official{Year: y, First: math.NaN(), Final: 10 - 0.25*float64(y-2000)})
	}
	return off
}

// countries returns made-up results of three countries over 1991–2017.
func countries() []history.Result {
	a := mixedHistory()
	b := longHistory()
	b.ISO, b.Country = "USA", "United States"
	for i := range b.Rows {
		r := &b.Rows[i]
		r.Capital, r.TFP = r.Capital/3, r.TFP/2
		r.GDP = r.Labour + r.Capital + r.TFP
	}
	c := longHistory()
	c.ISO, c.Country = "IND", "India"
	c.Options.Labour = pwt.LabourPersonsHC
	for i := range c.Rows {
		r := &c.Rows[i]
		r.LabourMeasure = pwt.LabourPersonsHC
		r.TFP = 1.5 + math.Cos(float64(i)/3)
		r.GDP = r.Labour + r.Capital + r.TFP
	}
	return []history.Result{a, b, c}
}

func periodMeans(t *testing.T) []CountryPeriods {
	t.Helper()
	var cps []CountryPeriods
	for _, h := range countries() {
		ms, err := history.Means(h, []history.Period{{From: 1990, To: 2000}, {From: 2000, To: 2010}, {From: 2010, To: 2017}})
		if err != nil {
			t.Fatal(err)
		}
		cps = append(cps, CountryPeriods{History: h, Means: ms})
	}
	return cps
}

// TestHistoryCompareSVGTexts checks the texts of the history chart with
// fallback years and official growth, and of the two charts comparing
// countries, in English and Chinese.
func TestHistoryCompareSVGTexts(t *testing.T) {
	t.Parallel()
	zh, err := embeddedCJKTheme()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		chart   func() (*Chart, error)
		legend  []string
		texts   []string
		caption []string
	}{
		{
			name:  "fallback and official",
			chart: func() (*Chart, error) { return History(nil, mixedHistory(), "", official()...) },
			legend: []string{"Labour: hours or persons (L)", "Labour quality (hc)", "Capital (K)", "TFP", "GDP growth",
				"Official growth, NBS", "No hours in the data: L = emp×hc", "No hours or hc: L = emp"},
			texts: []string{"China (CHN): sources of real GDP growth, 1991–2017"},
			caption: []string{"Shaded: no hours in the data, labour emp×hc in 1991–1999; emp in 2000–2001.",
				"labour: emp×avh×hc, else emp×hc, else emp.", "National Bureau of Statistics", "No official figure for 2009."},
		},
		{
			name:  "fallback and official, zh",
			chart: func() (*Chart, error) { return History(zh, mixedHistory(), "", official()...) },
			legend: []string{"劳动力：工时或人数（L）", "劳动力质量（hc）", "资本（K）", "全要素生产率（TFP）", "GDP增长率",
				"官方增长率（国家统计局）", "无工时数据：L = emp×hc", "无工时和hc数据：L = emp"},
			caption: []string{"阴影：无工时数据，劳动力1991–1999年为emp×hc；2000–2001年为emp。", "2009年无官方数据。"},
		},
		{
			name:   "TFP by country",
			chart:  func() (*Chart, error) { return HistoryCompareTFP(nil, countries(), "") },
			legend: []string{"China (CHN)", "United States (USA)", "India (IND)"},
			texts:  []string{"Contribution of TFP to real GDP growth by country, 1991–2017", "TFP contribution to GDP growth (log points)"},
			caption: []string{"CHN: emp×avh×hc, else emp×hc, else emp (no hours in 1991–2001)", "USA: emp×avh×hc;",
				"IND: emp×hc.", "Data: Penn World Table 9.1"},
		},
		{
			name:   "periods by country",
			chart:  func() (*Chart, error) { return HistoryComparePeriods(nil, periodMeans(t), "") },
			legend: []string{"Labour: hours or persons (L)", "Labour quality (hc)", "Capital (K)", "TFP", "GDP growth"},
			texts: []string{"Sources of real GDP growth by country, 1990–2000, 2000–2010, 2010–2017",
				"Mean contribution to GDP growth (log points a year)", "Country, by period", "1990–2000", "2010–2017", "CHN", "USA", "IND"},
			caption: []string{"1990–2000 is the growth from 1990 to 2000."},
		},
		{
			name:   "periods by country, zh",
			chart:  func() (*Chart, error) { return HistoryComparePeriods(zh, periodMeans(t), "") },
			legend: []string{"劳动力：工时或人数（L）", "劳动力质量（hc）", "资本（K）", "全要素生产率（TFP）", "GDP增长率"},
			texts:  []string{"各国实际GDP增长的来源：1990–2000、2000–2010、2010–2017", "对GDP增长的年均拉动（对数百分点）", "国家（按时期）"},
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
			for _, w := range tt.caption {
				if !strings.Contains(c.Caption, w) {
					t.Errorf("caption %q lacks %q", c.Caption, w)
				}
			}
			if !hasCaption(texts, c.Caption) {
				t.Errorf("SVG does not hold the caption %q", c.Caption)
			}
		})
	}
}

// TestHistoryOfficialRange checks that the y axis holds the official line
// and that only the years of the chart are drawn.
func TestHistoryOfficialRange(t *testing.T) {
	off := official()
	off = append(off, history.Official{Year: 2018, First: 40, Final: math.NaN()})
	c, err := History(nil, mixedHistory(), "", append([]history.Official{{Year: 1980, First: -30, Final: math.NaN()}}, off...)...)
	if err != nil {
		t.Fatal(err)
	}
	if c.Plot.Y.Max < 100*math.Log1p(0.10) || c.Plot.Y.Max > 12 || c.Plot.Y.Min < -3 {
		t.Errorf("y axis %v…%v: want it to hold 2000's 9.5 log points and to leave out 1980 and 2018", c.Plot.Y.Min, c.Plot.Y.Max)
	}
	// No official year in the span: no line, no legend entry.
	c, err = History(nil, mixedHistory(), "", history.Official{Year: 1980, First: 5, Final: math.NaN()})
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(c.LegendEntries(), "Official growth, NBS") || strings.Contains(c.Caption, "Official") {
		t.Errorf("legend %q, caption %q", c.LegendEntries(), c.Caption)
	}
}

func TestHistoryCompareErrors(t *testing.T) {
	if _, err := HistoryCompareTFP(nil, nil, ""); !errors.Is(err, ErrNoCountries) {
		t.Errorf("no countries: %v", err)
	}
	if _, err := HistoryCompareTFP(nil, []history.Result{{ISO: "XYZ"}}, ""); !errors.Is(err, ErrNoYears) {
		t.Errorf("no rows: %v", err)
	}
	if _, err := HistoryComparePeriods(nil, nil, ""); !errors.Is(err, ErrNoCountries) {
		t.Errorf("no countries: %v", err)
	}
	cps := periodMeans(t)
	cps[1].Means = cps[1].Means[:2]
	if _, err := HistoryComparePeriods(nil, cps, ""); err == nil || !strings.Contains(err.Error(), "USA has 2 periods, CHN 3") {
		t.Errorf("periods differ: %v", err)
	}
	cps = periodMeans(t)
	cps[2].Means[0].TFP = math.Inf(1)
	if _, err := HistoryComparePeriods(nil, cps, ""); err == nil || !strings.Contains(err.Error(), "IND, 1990-2000: a mean is not finite") {
		t.Errorf("infinite mean: %v", err)
	}
	bad := longHistory()
	bad.Rows[2].LabourQuality += 0.5
	if _, err := History(nil, bad, ""); err == nil || !strings.Contains(err.Error(), "is not labour") {
		t.Errorf("labour parts: %v", err)
	}
}

// TestHistoryComparePeriodsCrowded checks that the country codes under
// the bars turn upright when they would touch: not with three countries
// and three periods, but with three countries and the six decades of
// 1960–2017.
func TestHistoryComparePeriodsCrowded(t *testing.T) {
	c, err := HistoryComparePeriods(nil, periodMeans(t), "")
	if err != nil {
		t.Fatal(err)
	}
	if r := c.Plot.X.Tick.Label.Rotation; r != 0 {
		t.Errorf("9 bars: labels turned by %v", r)
	}
	var cps []CountryPeriods
	for _, h := range countries() {
		h.Rows = append([]history.Row(nil), h.Rows...)
		for y := 1961; y <= 1990; y++ { // extend back to 1961 with the rows of 1991
			r := h.Rows[0]
			r.Year = y
			h.Rows = append(h.Rows, r)
		}
		slices.SortFunc(h.Rows, func(a, b history.Row) int { return a.Year - b.Year })
		ms, err := history.Means(h, history.Decades(1960, 2017))
		if err != nil {
			t.Fatal(err)
		}
		cps = append(cps, CountryPeriods{History: h, Means: ms})
	}
	c, err = HistoryComparePeriods(nil, cps, "")
	if err != nil {
		t.Fatal(err)
	}
	if r := c.Plot.X.Tick.Label.Rotation; r != math.Pi/2 {
		t.Errorf("18 bars: labels turned by %v, want π/2", r)
	}
	if _, err := Render(c, SVG); err != nil {
		t.Error(err)
	}
}
