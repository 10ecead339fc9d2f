package plots

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/plot/cmpimg"
	"rsc.io/pdf"

	"simulate/internal/race"
	"simulate/model"
)

// charts returns every chart of the package for th: the result charts of
// the baseline with the report's markers, the comparison charts and the
// history charts.
func charts(t *testing.T, th *Theme) []NamedChart {
	t.Helper()
	cs, err := ResultCharts(th, baseline(), reportFigures())
	if err != nil {
		t.Fatal(err)
	}
	cmp, err := CompareCharts(th, scenarios())
	if err != nil {
		t.Fatal(err)
	}
	cs = append(cs, cmp...)
	h, err := History(th, longHistory(), "")
	if err != nil {
		t.Fatal(err)
	}
	gap, err := History(th, shortHistory(), "")
	if err != nil {
		t.Fatal(err)
	}
	hp, err := HistoryProjection(th, longHistory(), "", projection(), report2024())
	if err != nil {
		t.Fatal(err)
	}
	return append(cs, NamedChart{"history", h}, NamedChart{"history_gap", gap}, NamedChart{"history_projection", hp})
}

// TestPNG renders every chart as PNG and checks that it decodes at
// 1600×1000 and is neither blank nor a flood of one colour.
func TestPNG(t *testing.T) {
	if race.Enabled {
		t.Skip("rasterising every chart is slow under -race and not about concurrency; TestFit, TestPDF, TestGlyphError and TestSensitivitySVG still render PNG")
	}
	t.Parallel()
	for _, nc := range charts(t, nil) {
		t.Run(nc.Name, func(t *testing.T) {
			t.Parallel()
			b, err := Render(nc.Chart, PNG)
			if err != nil {
				t.Fatal(err)
			}
			saveOut(t, nc.Name+".png", b)
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if got, want := img.Bounds().Size(), (image.Point{X: 1600, Y: 1000}); got != want {
				t.Errorf("size = %v, want %v", got, want)
			}
			colours, ink := inkStats(img)
			if colours < 20 {
				t.Errorf("%d distinct colours, want at least 20", colours)
			}
			if ink < 0.03 || ink > 0.6 {
				t.Errorf("%.3f of the pixels are not white, want 0.03…0.6", ink)
			}
		})
	}
}

// inkStats returns the number of distinct colours of img and the fraction
// of its pixels that are not white.
func inkStats(img image.Image) (colours int, ink float64) {
	seen := map[color.RGBA]bool{}
	var n, nonWhite int
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
			seen[c] = true
			n++
			if c != (color.RGBA{0xff, 0xff, 0xff, 0xff}) {
				nonWhite++
			}
		}
	}
	return len(seen), float64(nonWhite) / float64(n)
}

// svgTexts returns the content of every <text> element of an SVG file.
func svgTexts(t *testing.T, b []byte) []string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	var texts []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return texts
		}
		if err != nil {
			t.Fatalf("SVG does not parse: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "text" {
			var s string
			if err := d.DecodeElement(&s, &se); err != nil {
				t.Fatal(err)
			}
			texts = append(texts, s)
		}
	}
}

// renderSVG renders c as SVG and returns its texts.
func renderSVG(t *testing.T, c *Chart) []string {
	t.Helper()
	b, err := Render(c, SVG)
	if err != nil {
		t.Fatal(err)
	}
	return svgTexts(t, b)
}

// wantTexts fails t for every string of want that is not a whole text of
// the SVG.
func wantTexts(t *testing.T, texts []string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !slices.Contains(texts, w) {
			t.Errorf("SVG has no text %q", w)
		}
	}
}

var years = []string{"2019", "2020", "2021", "2022", "2023", "2024"}

// TestSVGTexts checks that each chart's SVG holds its title, axis labels,
// every legend entry (so a missing series fails), the year ticks, value
// labels and the caption.
func TestSVGTexts(t *testing.T) {
	t.Parallel()
	pub := reportFigures()
	res := baseline()
	sc := scenarios()
	tests := []struct {
		name   string
		chart  func() (*Chart, error)
		legend []string
		more   []string
	}{
		{
			name:  "ii_increment",
			chart: func() (*Chart, error) { return IIIncrement(nil, res, pub) },
			legend: []string{"II GDP increment (100 million yuan)", "II share of GDP growth (%)",
				"Increment, published", "Share, published"},
			more: []string{"Industrial-internet (II) GDP increment, 2019–2024", "Year",
				formatNumber(res.Years[0].II, 1), fmt.Sprintf("%.1f%%", 100*res.Years[5].IIShare),
				"0", "16", // both axes' ends
				"GDP at constant 2018 prices. Model: simulate; markers: published values, iResearch × Tsinghua report, July 2020."},
		},
		{
			name:   "ii_increment without published values",
			chart:  func() (*Chart, error) { return IIIncrement(nil, res, nil) },
			legend: []string{"II GDP increment (100 million yuan)", "II share of GDP growth (%)"},
			more:   []string{"GDP at constant 2018 prices. Model: simulate."},
		},
		{
			name:   "decomposition",
			chart:  func() (*Chart, error) { return Decomposition(nil, res) },
			legend: []string{"Labour (L)", "Capital (K)", "TFP", "GDP growth (%)"},
			more: []string{"Contributions of labour, capital and TFP to GDP growth, 2019–2024",
				"Contribution to GDP growth (percentage points)", "6.3", "5.5", "3.5", "1.8"},
		},
		{
			name:  "ii_channels",
			chart: func() (*Chart, error) { return Channels(nil, res) },
			legend: []string{"Capital (ICT)", "TFP: technical progress", "TFP: technical efficiency",
				"TFP: allocative efficiency", "Total"},
			more: []string{"II GDP increment by channel, 2019–2024",
				"Not shown (zero in every year): Labour, TFP: scale efficiency. GDP at constant 2018 prices. Model: simulate."},
		},
		{
			name:   "ii_cumulative",
			chart:  func() (*Chart, error) { return Cumulative(nil, res, pub) },
			legend: []string{"Cumulative II GDP increment", "Published, cumulated"},
			more:   []string{"Cumulative II GDP increment (100 million yuan)", formatNumber(res.Totals.II, 1)},
		},
		{
			name:   "compare_ii_increment",
			chart:  func() (*Chart, error) { return CompareII(nil, sc) },
			legend: []string{"baseline", "slow growth", "fast adoption"},
			more:   []string{"II GDP increment by scenario", "II GDP increment (100 million yuan)"},
		},
		{
			name:   "compare_ii_share",
			chart:  func() (*Chart, error) { return CompareIIShare(nil, sc) },
			legend: []string{"baseline", "slow growth", "fast adoption"},
			more:   []string{"II share of GDP growth by scenario", "II share of GDP growth (%)"},
		},
		{
			name:   "compare_growth",
			chart:  func() (*Chart, error) { return CompareGrowth(nil, sc) },
			legend: []string{"baseline", "slow growth", "fast adoption"},
			more:   []string{"GDP growth by scenario", "GDP growth (%)"},
		},
		{
			name:   "compare_ii_diff",
			chart:  func() (*Chart, error) { return CompareIIDiff(nil, sc) },
			legend: []string{"slow growth", "fast adoption"},
			more: []string{"II GDP increment: difference from “baseline”",
				"Difference in II GDP increment (100 million yuan)", "0",
				"Reference: baseline. GDP at constant 2018 prices. Model: simulate."},
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
			wantTexts(t, texts, years...)
			wantTexts(t, texts, tt.more...)
			for _, s := range texts {
				if strings.Contains(s, ".5") && slices.Contains(years, strings.Split(s, ".")[0]) {
					t.Errorf("fractional year tick %q", s)
				}
			}
		})
	}
}

// TestSVGChinese checks the Chinese labels in the report's wording and the
// font fallbacks written into the SVG.
func TestSVGChinese(t *testing.T) {
	th, err := embeddedCJKTheme()
	if err != nil {
		t.Fatal(err)
	}
	ii, err := IIIncrement(th, baseline(), reportFigures())
	if err != nil {
		t.Fatal(err)
	}
	b, err := Render(ii, SVG)
	if err != nil {
		t.Fatal(err)
	}
	wantTexts(t, svgTexts(t, b), "2019–2024年中国产业互联网带来的GDP增量",
		"产业互联网带来的GDP增量（亿元）", "GDP增长的贡献率（%）", "年份", "2019", "10.7%")
	if !bytes.Contains(b, []byte("font-family:'Noto Sans CJK SC',")) {
		t.Error("SVG does not name Noto Sans CJK SC with fallbacks")
	}
	dec, err := Decomposition(th, baseline())
	if err != nil {
		t.Fatal(err)
	}
	wantTexts(t, renderSVG(t, dec), "劳动力（L）", "资本（K）", "全要素生产率（TFP）", "对GDP增长的拉动（百分点）")
}

// TestSVGFallbackFonts checks that English SVG falls back to Arial, with
// which Liberation Sans shares its metrics.
func TestSVGFallbackFonts(t *testing.T) {
	c, err := Decomposition(nil, baseline())
	if err != nil {
		t.Fatal(err)
	}
	b, err := Render(c, SVG)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("font-family:'Liberation Sans',Arial,Helvetica,sans-serif;")) {
		t.Error("SVG lacks the font fallbacks")
	}
	if bytes.Contains(b, []byte("<image")) {
		t.Error("SVG embeds an image")
	}
}

// TestGolden compares charts with committed images; go test -update
// rewrites them. The Chinese chart uses the shipped font so that it does
// not depend on the fonts installed.
func TestGolden(t *testing.T) {
	if race.Enabled {
		t.Skip("comparing rasterised charts with golden images is slow under -race and not about concurrency")
	}
	t.Parallel()
	zh, err := embeddedCJKTheme()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		chart func() (*Chart, error)
	}{
		{"ii_increment_en", func() (*Chart, error) { return IIIncrement(nil, baseline(), reportFigures()) }},
		{"decomposition_recession_en", func() (*Chart, error) { return Decomposition(nil, recession()) }},
		{"ii_channels_recession_zh", func() (*Chart, error) { return Channels(zh, recession()) }},
		{"ii_cumulative_zh", func() (*Chart, error) { return Cumulative(zh, baseline(), reportFigures()) }},
		{"compare_ii_diff_en", func() (*Chart, error) { return CompareIIDiff(nil, scenarios()) }},
		{"history_en", func() (*Chart, error) { return History(nil, longHistory(), "") }},
		{"history_projection_zh", func() (*Chart, error) {
			return HistoryProjection(zh, longHistory(), "", projection(), report2024())
		}},
		{"history_fallback_official_en", func() (*Chart, error) { return History(nil, mixedHistory(), "", official()...) }},
		{"history_compare_tfp_en", func() (*Chart, error) { return HistoryCompareTFP(nil, countries(), "") }},
		{"history_compare_periods_zh", func() (*Chart, error) { return HistoryComparePeriods(zh, periodMeans(t), "") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, err := tt.chart()
			if err != nil {
				t.Fatal(err)
			}
			got, err := Render(c, PNG)
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tt.name, got)
		})
	}
}

// goldenDelta is the colour distance (YIQ, normalised to [0, 1]) a pixel
// may differ by from the golden image: rendering is pure Go and
// deterministic, so only a change of the chart should exceed it.
const goldenDelta = 0.05

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+"_golden.png")
	if *update {
		img, err := png.Decode(bytes.NewReader(got))
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		enc := png.Encoder{CompressionLevel: png.BestCompression}
		if err := enc.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	ok, err := cmpimg.EqualApprox("png", got, want, goldenDelta)
	if err != nil {
		t.Fatal(err)
	}
	if !ok {
		failed := filepath.Join("testdata", name+".png")
		_ = os.WriteFile(failed, got, 0o644)
		t.Errorf("chart differs from %s; see %s, and run go test -update if the change is intended", path, failed)
	}
}

// TestStack checks the bounds of stacked segments: positives upward from
// zero, negatives downward from zero, each in series order.
func TestStack(t *testing.T) {
	tests := []struct {
		name   string
		vals   [][]float64
		lo, hi [][]float64
	}{
		{
			name: "positive",
			vals: [][]float64{{1, 2}, {3, 4}},
			lo:   [][]float64{{0, 0}, {1, 2}},
			hi:   [][]float64{{1, 2}, {4, 6}},
		},
		{
			name: "negative",
			vals: [][]float64{{-1}, {-3}},
			lo:   [][]float64{{-1}, {-4}},
			hi:   [][]float64{{0}, {-1}},
		},
		{
			// The recession year: L −0.4, K +1.2, TFP −3.8.
			name: "mixed",
			vals: [][]float64{{-0.4}, {1.2}, {-3.8}},
			lo:   [][]float64{{-0.4}, {0}, {-4.2}},
			hi:   [][]float64{{0}, {1.2}, {-0.4}},
		},
		{
			name: "zero",
			vals: [][]float64{{2}, {0}, {-1}},
			lo:   [][]float64{{0}, {2}, {-1}},
			hi:   [][]float64{{2}, {2}, {0}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lo, hi := stack(tt.vals)
			if !equal2(lo, tt.lo) || !equal2(hi, tt.hi) {
				t.Errorf("stack = %v, %v, want %v, %v", lo, hi, tt.lo, tt.hi)
			}
		})
	}
}

func equal2(a, b [][]float64) bool {
	return slices.EqualFunc(a, b, func(x, y []float64) bool {
		return slices.EqualFunc(x, y, func(u, v float64) bool { return math.Abs(u-v) < 1e-12 })
	})
}

// TestStackProperties checks, on the recession's contributions and
// channels, that segments of one bar never overlap, that each is as tall
// as its value, and that the bar spans the sum of the negative values to
// the sum of the positive ones; and that the chart's axis shows all of it.
func TestStackProperties(t *testing.T) {
	res := recession()
	var contrib, chans [][]float64
	for f := range model.NumFactors {
		_, v := series(res, func(y *model.Year) float64 { return 100 * y.Contribution[f] })
		contrib = append(contrib, v)
	}
	for ch := range model.NumChannels {
		_, v := series(res, func(y *model.Year) float64 { return y.Channel[ch] })
		chans = append(chans, v)
	}
	if contrib[model.Labor][1] >= 0 || contrib[model.Capital][1] <= 0 || contrib[model.TFP][1] >= 0 {
		t.Fatalf("recession year contributions %v: want −, +, −", []float64{contrib[0][1], contrib[1][1], contrib[2][1]})
	}
	for name, vals := range map[string][][]float64{"contributions": contrib, "channels": chans} {
		b := newStackedBars([]float64{2019, 2020, 2021}, barWidth, vals, make([]color.Color, len(vals)))
		lo, hi := b.extent()
		for i := range 3 {
			var pos, neg float64
			var segs [][2]float64
			for s := range vals {
				v := vals[s][i]
				if v >= 0 {
					pos += v
				} else {
					neg += v
				}
				if got := b.hi[s][i] - b.lo[s][i]; math.Abs(got-math.Abs(v)) > 1e-9 {
					t.Errorf("%s %d series %d: height %v, want |%v|", name, i, s, got, v)
				}
				segs = append(segs, [2]float64{b.lo[s][i], b.hi[s][i]})
			}
			if math.Abs(lo[i]-neg) > 1e-9 || math.Abs(hi[i]-pos) > 1e-9 {
				t.Errorf("%s %d: bar spans %v…%v, want %v…%v", name, i, lo[i], hi[i], neg, pos)
			}
			for a := range segs {
				for c := a + 1; c < len(segs); c++ {
					if segs[a][0] < segs[c][1]-1e-9 && segs[c][0] < segs[a][1]-1e-9 {
						t.Errorf("%s %d: segments %v and %v overlap", name, i, segs[a], segs[c])
					}
				}
			}
		}
	}

	c, err := Decomposition(nil, res)
	if err != nil {
		t.Fatal(err)
	}
	bottom := 100 * (res.Years[1].Contribution[model.Labor] + res.Years[1].Contribution[model.TFP])
	if c.Plot.Y.Min > bottom || c.Plot.Y.Max < 100*res.Years[0].Growth {
		t.Errorf("y axis %v…%v does not show the bars down to %v", c.Plot.Y.Min, c.Plot.Y.Max, bottom)
	}
}

// TestTwinAxes checks the right axis of the II chart: its ticks fall on
// the left axis' ticks, the line lies inside the plot above the bars, and
// for a positive line the axis starts at zero when it can.
func TestTwinAxes(t *testing.T) {
	tests := []struct {
		name       string
		bars, line []float64
		fromZero   bool
	}{
		{"report", []float64{6096.4, 6703.5, 7485.2, 7970.4, 8663.6, 9387.8}, []float64{10.7, 11.5, 12.3, 13.0, 13.6, 14.2}, true},
		{"recession", []float64{6572.3, -6882.0, 5355.1}, []float64{14.6, 24.3, 14.6}, false},
		{"flat", []float64{100, 100}, []float64{12, 12}, true},
		{"zero", []float64{0, 0}, []float64{0, 0}, false},
		{"wide", []float64{1, 50, 900}, []float64{0.1, 5, 10}, false},
		{"negative line", []float64{500, 700}, []float64{-3, -8}, false},
		{"one year", []float64{42}, []float64{3.3}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			left, r := twinAxes(tt.bars, tt.line)
			if len(r.ticks) != left.steps()+1 {
				t.Fatalf("%d right ticks, want %d", len(r.ticks), left.steps()+1)
			}
			for i, tk := range r.ticks {
				want := left.Min + float64(i)*left.Step
				if got := r.toLeft(tk.Value); math.Abs(got-want) > 1e-9*math.Max(1, math.Abs(want)) {
					t.Errorf("right tick %v at %v, want on left tick %v", tk.Value, got, want)
				}
			}
			top := 0.0
			for _, v := range tt.bars {
				top = math.Max(top, v)
			}
			for _, v := range tt.line {
				y := r.toLeft(v)
				if y < left.Min || y > left.Max {
					t.Errorf("line value %v at %v, outside %v…%v", v, y, left.Min, left.Max)
				}
				if y <= top {
					t.Errorf("line value %v at %v, not above the bars (%v)", v, y, top)
				}
			}
			if tt.fromZero && r.ticks[0].Value != 0 {
				t.Errorf("right axis starts at %v, want 0", r.ticks[0].Value)
			}
		})
	}
}

func TestNiceRange(t *testing.T) {
	tests := []struct {
		lo, hi float64
		want   axisRange
	}{
		{0, 16186, axisRange{0, 17500, 2500}},
		{-4.2, 5, axisRange{-6, 6, 2}},
		{0, 46306.9, axisRange{0, 50000, 10000}},
		{0, 0, axisRange{-1, 1, 0.25}},
		{3, 3, axisRange{2.7, 3.3, 0.1}},
		{0.107, 0.142, axisRange{0.105, 0.145, 0.005}},
	}
	for _, tt := range tests {
		got := niceRange(tt.lo, tt.hi, 8)
		if math.Abs(got.Min-tt.want.Min) > 1e-9 || math.Abs(got.Max-tt.want.Max) > 1e-9 || math.Abs(got.Step-tt.want.Step) > 1e-12 {
			t.Errorf("niceRange(%v, %v) = %+v, want %+v", tt.lo, tt.hi, got, tt.want)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		v    float64
		d    int
		want string
	}{
		{46306.9, 1, "46,306.9"},
		{6096.44, 1, "6,096.4"},
		{-1000, 0, "-1,000"},
		{999, 0, "999"},
		{1234567.891, 2, "1,234,567.89"},
		{-0.01, 1, "0.0"},
		{0, 0, "0"},
		{0.25, 2, "0.25"},
		{999999999999999, 0, "999,999,999,999,999"},
		{2.705161128736466e57, 1, "2.71e57"},
		{-3e15, 0, "-3e15"},
		{1.5e300, 2, "1.5e300"},
	}
	for _, tt := range tests {
		if got := formatNumber(tt.v, tt.d); got != tt.want {
			t.Errorf("formatNumber(%v, %d) = %q, want %q", tt.v, tt.d, got, tt.want)
		}
	}
}

func TestYearTicks(t *testing.T) {
	tests := []struct {
		lo, hi float64
		want   []string
	}{
		{2018.5, 2024.5, years},
		{2018.5, 2019.5, []string{"2019"}},
		{1999.5, 2030.5, []string{"2000", "2005", "2010", "2015", "2020", "2025", "2030"}},
		{1990.5, 2024.9, []string{"1995", "2000", "2005", "2010", "2015", "2020"}},
		{2000.5, 2017.5, []string{"2002", "2004", "2006", "2008", "2010", "2012", "2014", "2016"}},
		{1950.5, 2017.5, []string{"1960", "1970", "1980", "1990", "2000", "2010"}},
	}
	for _, tt := range tests {
		var got []string
		ticks := yearTicks(tt.lo, tt.hi)
		for _, tk := range ticks {
			if tk.Value != math.Trunc(tk.Value) {
				t.Errorf("yearTicks(%v, %v): tick at %v, not a whole year", tt.lo, tt.hi, tk.Value)
			}
			if tk.Label != "" {
				got = append(got, tk.Label)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("yearTicks(%v, %v) = %q, want %q", tt.lo, tt.hi, got, tt.want)
		}
		if n := int(math.Floor(tt.hi)) - int(math.Ceil(tt.lo)) + 1; tt.hi-tt.lo < 60 && len(ticks) != n {
			t.Errorf("yearTicks(%v, %v): %d ticks, want one a year (%d)", tt.lo, tt.hi, len(ticks), n)
		}
	}
}

func TestFormats(t *testing.T) {
	for _, f := range []Format{PNG, SVG, PDF} {
		g, err := ParseFormat(f.String())
		if err != nil || g != f {
			t.Errorf("ParseFormat(%q) = %v, %v", f.String(), g, err)
		}
		if f.Ext() != "."+f.String() {
			t.Errorf("%v.Ext() = %q", f, f.Ext())
		}
	}
	if _, err := ParseFormat("jpeg"); err == nil {
		t.Error("ParseFormat(jpeg): no error")
	}
}

// TestPDF checks what PDF can and cannot draw: English text including
// Windows-1252 punctuation (en dash, ×) round-trips; Chinese charts,
// characters outside Windows-1252 and non-TrueType fonts are refused with
// ErrPDF and no output.
func TestPDF(t *testing.T) {
	t.Parallel()
	c, err := IIIncrement(nil, baseline(), reportFigures())
	if err != nil {
		t.Fatal(err)
	}
	b, err := Render(c, PDF)
	if err != nil {
		t.Fatal(err)
	}
	r, err := pdf.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	for _, tx := range r.Page(1).Content().Text {
		text.WriteString(tx.S)
	}
	for _, want := range []string{"2019–2024", "iResearch×Tsinghua", "IIshareofGDPgrowth(%)", "6,072.7"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}

	zh, err := embeddedCJKTheme()
	if err != nil {
		t.Fatal(err)
	}
	zc, err := Decomposition(zh, baseline())
	if err != nil {
		t.Fatal(err)
	}
	if b, err := Render(zc, PDF); !errors.Is(err, ErrPDF) || b != nil || !strings.Contains(err.Error(), "use png or svg") {
		t.Errorf("Chinese PDF: %d bytes, error %v; want ErrPDF telling to use png or svg", len(b), err)
	}

	alpha := scenarios()[:2]
	alpha[1].Name = "α scenario" // Liberation has α; Windows-1252 has not
	ac, err := CompareII(nil, alpha)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Render(ac, PDF); !errors.Is(err, ErrPDF) || !strings.Contains(err.Error(), "α") {
		t.Errorf("PDF with α: error %v, want ErrPDF naming α", err)
	}
	if _, err := Render(ac, SVG); err != nil {
		t.Errorf("SVG with α: %v", err)
	}

	otf := filepath.Join(t.TempDir(), "cjk.otf")
	if err := os.WriteFile(otf, cjkSubset, 0o644); err != nil {
		t.Fatal(err)
	}
	cff, err := NewTheme(English, otf)
	if err != nil {
		t.Fatal(err)
	}
	cc, err := Decomposition(cff, baseline())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Render(cc, PDF); !errors.Is(err, ErrPDF) {
		t.Errorf("PDF with a CFF font: error %v, want ErrPDF", err)
	}
	if _, err := Render(cc, PNG); err != nil {
		t.Errorf("PNG with a CFF font: %v", err)
	}
}

// TestGlyphError checks that a chart whose text the font cannot show is
// refused, naming the characters, instead of written with gaps.
func TestGlyphError(t *testing.T) {
	t.Parallel()
	sc := scenarios()[:2]
	sc[1].Name = "基准情景"
	c, err := CompareII(nil, sc)
	if err != nil {
		t.Fatal(err)
	}
	var ge *GlyphError
	for _, f := range []Format{PNG, SVG, PDF} {
		b, err := Render(c, f)
		if !errors.As(err, &ge) || b != nil {
			t.Fatalf("%v: %d bytes, error %v; want a *GlyphError", f, len(b), err)
		}
	}
	if got := string(ge.Missing); got != "基准情景" {
		t.Errorf("missing %q, want %q", got, "基准情景")
	}
	if !strings.Contains(ge.Error(), "fonts-noto-cjk") {
		t.Errorf("error %q does not say how to get a font", ge)
	}

	// The shipped subset has the common scenario words but not every
	// character.
	zh, err := embeddedCJKTheme()
	if err != nil {
		t.Fatal(err)
	}
	c, err = CompareII(zh, sc)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Render(c, PNG); err != nil {
		t.Errorf("shipped font, %q: %v", sc[1].Name, err)
	}
	sc[1].Name = "鑫源情景"
	c, err = CompareII(zh, sc)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Render(c, PNG); !errors.As(err, &ge) || string(ge.Missing) != "鑫" {
		t.Errorf("shipped font, %q: error %v, want a *GlyphError for 鑫", sc[1].Name, err)
	}
}

func TestNewPublished(t *testing.T) {
	pub, err := NewPublished(map[int]float64{2020: 2, 2019: 1}, map[int]float64{2019: 10.7, 2020: 11.5})
	if err != nil || !slices.Equal(pub.Years, []int{2019, 2020}) || !slices.Equal(pub.II, []float64{1, 2}) ||
		!slices.Equal(pub.IISharePct, []float64{10.7, 11.5}) {
		t.Errorf("both: got %+v, %v", pub, err)
	}
	if pub, err := NewPublished(nil, map[int]float64{2021: 12.3}); err != nil || pub.II != nil || !slices.Equal(pub.Years, []int{2021}) {
		t.Errorf("shares only: got %+v, %v", pub, err)
	}
	if pub, err := NewPublished(nil, nil); pub != nil || err != nil {
		t.Errorf("none: got %+v, %v; want nil", pub, err)
	}
	if _, err := NewPublished(map[int]float64{2019: 1}, map[int]float64{2020: 1}); err == nil {
		t.Error("different years: no error")
	}
	if _, err := NewPublished(map[int]float64{2019: math.NaN()}, nil); err == nil {
		t.Error("NaN: no error")
	}
	if got := reportFigures(); len(got.Years) != 6 || got.II[0] != 6096.4 || got.IISharePct[5] != 14.2 {
		t.Errorf("the report's figures: %+v", got)
	}
}

// TestChartErrors checks the errors for input a chart cannot draw.
func TestChartErrors(t *testing.T) {
	empty := model.Results{}
	bad := baseline()
	bad.Years[2].II = math.NaN()
	if _, err := IIIncrement(nil, empty, nil); !errors.Is(err, ErrNoYears) {
		t.Errorf("no years: %v, want ErrNoYears", err)
	}
	for name, f := range map[string]func() (*Chart, error){
		"ii_increment":  func() (*Chart, error) { return IIIncrement(nil, bad, nil) },
		"decomposition": func() (*Chart, error) { return Decomposition(nil, empty) },
		"ii_channels":   func() (*Chart, error) { return Channels(nil, bad) },
		"ii_cumulative": func() (*Chart, error) { return Cumulative(nil, bad, nil) },
		"published": func() (*Chart, error) {
			return IIIncrement(nil, baseline(), &Published{Years: []int{2019}, II: []float64{1, 2}})
		},
		"compare nothing": func() (*Chart, error) { return CompareII(nil, nil) },
		"compare bad":     func() (*Chart, error) { return CompareGrowth(nil, []Scenario{{"x", bad}}) },
	} {
		if _, err := f(); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := CompareIIDiff(nil, scenarios()[:1]); !errors.Is(err, ErrTooFewScenarios) {
		t.Errorf("diff of one scenario: %v, want ErrTooFewScenarios", err)
	}
	cs, err := CompareCharts(nil, scenarios()[:1])
	if err != nil || len(cs) != 3 {
		t.Errorf("CompareCharts of one scenario: %d charts, %v; want 3 without the difference", len(cs), err)
	}
}

// TestValueLabelsLegible checks that the value labels of a long span of
// years are thinned out instead of drawn over each other, and that a short
// span keeps every label (issue 17: 185 years wrote a wall of digits).
func TestValueLabelsLegible(t *testing.T) {
	for _, n := range []int{6, 185} {
		in := model.NewInputs(2018, n)
		in.BaseGDP = 1000
		for i := range n {
			in.Growth[i], in.LaborShare[i], in.CapitalShare[i], in.ICTShare[i], in.PrivateIIShare[i] = 1, 0.1, 0.3, 0.2, 0.5
			for d := range model.NumDimensions {
				in.TFPII[d][i] = 0.1
			}
		}
		var res model.Results
		model.Evaluate(&res, in)
		c, err := IIIncrement(nil, res, nil)
		if err != nil {
			t.Fatal(err)
		}
		labels := 0
		for _, s := range renderSVG(t, c) {
			if strings.HasSuffix(s, "%") && s != "%" {
				labels++
			}
		}
		switch {
		case n == 6 && labels != 6:
			t.Errorf("%d years: %d share labels, want every one", n, labels)
		case n > 6 && (labels < 5 || labels > 40):
			t.Errorf("%d years: %d share labels, want a legible few", n, labels)
		}
	}
}
