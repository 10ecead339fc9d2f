package plots

import (
	"cmp"
	"errors"
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"simulate/metrics"
	"simulate/model"
)

// The charts of sensitivity and uncertainty analysis (simulate sweep,
// tornado, mc and sobol). They take plain data, so that this package does
// not depend on package sensitivity. Metrics and parameters are given by
// their names and key paths (ii_total_yi, capital.ict_share,
// gdp.growth_pct+), and the charts speak of them in words, with units:
// the labels of the parameter table (model.Param.Label, Target.HumanLabel)
// and of the metrics table (metrics.Metric.LabelOver). The names and key
// paths appear only in a line of the caption, so that a user can type
// them back. Units are those of package model ("%", "pp", "亿元",
// "fraction") or "factor" for a scale change.

// sensLabels is the text of the sensitivity charts in one language.
type sensLabels struct {
	SweepTitleF   string // %s metric, %s parameters
	SweepJoin     string // between two parameters
	SweepCaptionF string // %s scenario
	SweepBaseF    string // legend: %s the base value of the parameter(s)
	SweepFlatF    string // caption: %s the metric; %s the parameter it does not move with
	SweepFlatAllF string // caption: %s the metric, which moves with no swept parameter

	TornadoTitleF    string // %s metric, %s how
	QuantilesF       string // %g, %g: the two percentiles
	DeltaF           string // %s: the percentage, e.g. "10"
	Low, High, BaseF string // legend; BaseF: %s the base value
	TornadoCaptionF  string // %s scenario
	RangeF           string // a tornado row: %s input, %s low, %s high, %s unit
	RangeUnitF       string // %s: a unit after a number

	FanTitleF   [3]string // %d draws: II increment, II share, growth
	FanAxis     [3]string
	Median      string
	Band50      string
	Band90      string
	FanCaptionF string // %d draws, %s scenario, %d seed
	CorrelatedF string // appended to a fan chart's caption: %d rank correlations induced

	SobolTitleF   string // %s metric
	SobolAxis     string
	First, Total  string
	SobolCaptionF string // %d N, %d evaluations, %s interval text
	StudentF      string // %g level (percent), %d replicates
	BootstrapF    string // %g level (percent), %d resamples

	KeysF    string // caption: %s the metric's name; %s the key paths, joined with KeysSep
	KeysSep  string
	UnitF    string // %s label, %s unit
	Sentence string
	ListAnd  string
	QuoteL   string
	QuoteR   string

	SobolYearsTitleF   string // %s metric
	SobolYearsAxis     string
	Rest               string // the part of the variance no first-order index explains
	OthersF            string // %d inputs drawn as one band
	Uncorrelated       string // appended to a caption: the scenario's correlations were ignored
	SobolYearsCaptionF string // %d N, %d evaluations

	lang string // the language's code, for the labels of packages model and metrics
}

var sensEN = sensLabels{
	SweepTitleF:   "%s against %s",
	SweepJoin:     " and ",
	SweepCaptionF: "Every other input at its value in scenario %s. Model: simulate.",
	SweepBaseF:    "Scenario's value: %s",
	SweepFlatF:    "%s does not change with %s.",
	SweepFlatAllF: "%s does not change over the swept range.",

	TornadoTitleF:   "%s with one input at a time at %s",
	QuantilesF:      "its %g %% and %g %% quantiles",
	DeltaF:          "its base ± %s %%",
	Low:             "Input at its low value",
	High:            "Input at its high value",
	BaseF:           "Base: %s",
	TornadoCaptionF: "Bars run from the base value of the metric; inputs sorted by swing, every other input at its value in scenario %s. Model: simulate.",
	RangeF:          "%s (%s to %s%s)",
	RangeUnitF:      " %s",

	FanTitleF: [3]string{
		"II GDP increment, %d Monte Carlo draws",
		"II share of GDP growth, %d Monte Carlo draws",
		"GDP growth, %d Monte Carlo draws",
	},
	FanAxis:     [3]string{"II GDP increment (100 million yuan)", "II share of GDP growth (%)", "GDP growth (%)"},
	Median:      "Median",
	Band50:      "25–75 %",
	Band90:      "5–95 %",
	FanCaptionF: "Percentiles (Hyndman–Fan type 7) of %d draws of the uncertain inputs of scenario %s, seed %d. Model: simulate.",
	CorrelatedF: " Inputs drawn with the scenario's %d rank correlation(s) (Iman–Conover).",

	SobolTitleF:   "Sobol indices of %s",
	SobolAxis:     "Sobol index",
	First:         "First order S1",
	Total:         "Total ST",
	SobolCaptionF: "Saltelli design, N = %d base rows, %d model runs; error bars: %s. Model: simulate.",
	StudentF:      "%[1]g %% Student-t intervals over %[2]d scrambled replicates",
	BootstrapF:    "%[1]g %% percentile bootstrap intervals, %[2]d resamples",

	KeysF:            "Metric %s; inputs %s.",
	KeysSep:          ", ",
	UnitF:            "%s (%s)",
	Sentence:         " ",
	ListAnd:          " and ",
	QuoteL:           "“",
	QuoteR:           "”",
	lang:             "en",
	SobolYearsTitleF: "First-order Sobol indices of %s, year by year",
	SobolYearsAxis:   "First-order index S1 (share of the variance)",
	Rest:             "Rest (1 - sum of S1)",
	OthersF:          "Other inputs (%d)",
	Uncorrelated:     " The scenario's rank correlations are ignored (--ignore-correlation): the inputs vary independently.",
	SobolYearsCaptionF: "First-order indices of each input stacked year by year; the rest, 1 minus their sum, is the share of the variance " +
		"due to interactions. Saltelli design, N = %d base rows, %d model runs; total indices ST are in sobol.csv. Model: simulate.",
}

var sensZH = sensLabels{
	SweepTitleF:   "%s随%s的变化",
	SweepJoin:     "和",
	SweepCaptionF: "其余输入取情景%s的值。来源：simulate模型计算。",
	SweepBaseF:    "情景取值：%s",
	SweepFlatF:    "%s不随%s变化。",
	SweepFlatAllF: "%s在扫描范围内不变。",

	TornadoTitleF:   "逐一改变输入时的%s（%s）",
	QuantilesF:      "取%g%%和%g%%分位数",
	DeltaF:          "取基准值±%s%%",
	Low:             "输入取低值",
	High:            "输入取高值",
	BaseF:           "基准值：%s",
	TornadoCaptionF: "条形自指标的基准值起，按变化幅度排序；其余输入取情景%s的值。来源：simulate模型计算。",
	RangeF:          "%s（%s至%s%s）",
	RangeUnitF:      "%s",

	FanTitleF: [3]string{
		"产业互联网带来的GDP增量（蒙特卡洛模拟%d次）",
		"GDP增长的贡献率（蒙特卡洛模拟%d次）",
		"GDP增长率（蒙特卡洛模拟%d次）",
	},
	FanAxis:     [3]string{"产业互联网带来的GDP增量（亿元）", "GDP增长的贡献率（%）", "GDP增长率（%）"},
	Median:      "中位数",
	Band50:      "25–75%区间",
	Band90:      "5–95%区间",
	FanCaptionF: "百分位数（Hyndman–Fan第7类）：%d次抽样，情景%s的不确定输入，种子%d。来源：simulate模型计算。",
	CorrelatedF: "输入按情景中的%d个秩相关抽取（Iman–Conover方法）。",

	SobolTitleF:   "%s的Sobol敏感性指数",
	SobolAxis:     "Sobol指数",
	First:         "一阶指数S1",
	Total:         "总效应指数ST",
	SobolCaptionF: "Saltelli抽样设计，N = %d，模型计算%d次；误差线：%s。来源：simulate模型计算。",
	StudentF:      "基于%[2]d个扰动重复样本的%[1]g%%学生t区间",
	BootstrapF:    "%[1]g%%百分位自助法区间（重抽样%[2]d次）",

	KeysF:              "指标%s；输入%s。",
	KeysSep:            "、",
	UnitF:              "%s（%s）",
	Sentence:           "",
	ListAnd:            "和",
	QuoteL:             "“",
	QuoteR:             "”",
	lang:               "zh",
	SobolYearsTitleF:   "%s各年方差的一阶Sobol指数",
	SobolYearsAxis:     "一阶指数S1（方差的比例）",
	Rest:               "其余（1 - S1之和）",
	OthersF:            "其他输入（%d个）",
	Uncorrelated:       "已忽略情景中输入间的秩相关（--ignore-correlation），各输入独立变化。",
	SobolYearsCaptionF: "各输入的一阶指数S1逐年累加；“其余”为1与S1之和的差。Saltelli抽样设计，N = %d，模型计算%d次；总效应指数ST记于sobol.csv。来源：simulate模型计算。",
}

// sens returns the sensitivity labels of the theme's language.
func (t *Theme) sens() *sensLabels {
	if t.theme().lang == Chinese {
		return &sensZH
	}
	return &sensEN
}

// withUnit writes words with a unit of package model, e.g. "Total II GDP
// increment, 2019–2024 (100 million yuan)".
func (l *sensLabels) withUnit(words, unit string) string {
	if unit == "" {
		return words
	}
	return fmt.Sprintf(l.UnitF, words, model.UnitLabel(unit, l.lang))
}

// number writes v with a unit: "0.98 pp", "5 %", "0.98百分点".
func (l *sensLabels) number(v string, unit string) string {
	if unit == "" || unit == "fraction" || unit == "ratio" {
		return v
	}
	return v + fmt.Sprintf(l.RangeUnitF, model.UnitLabel(unit, l.lang))
}

// target returns a change target written as in a change without its
// value ("capital.ict_share", "gdp.growth_pct+", "x*") in words, and the
// unit of its values.
func (l *sensLabels) target(label string) (words, unit string) {
	t := model.Target{Path: label}
	if p, ok := strings.CutSuffix(label, model.Add.Op()); ok {
		t = model.Target{Path: p, Mode: model.Add}
	} else if p, ok := strings.CutSuffix(label, model.Scale.Op()); ok {
		t = model.Target{Path: p, Mode: model.Scale}
	}
	return t.HumanLabel(l.lang), t.Unit()
}

// metric returns a metric's name ("ii_total_yi", "ii_share_pct[2024]") in
// words, a period total with its span first–last when first is not 0.
func (l *sensLabels) metric(name string, first, last int) string {
	m, err := metrics.Parse(name)
	if err != nil {
		return name
	}
	return m.LabelOver(l.lang, first, last)
}

// keys returns the caption line that gives a chart's metric and inputs as
// a user types them.
func (l *sensLabels) keys(metric string, inputs []string) string {
	// A label drawn on two lines under its bar is one line here.
	flat := make([]string, len(inputs))
	for i, in := range inputs {
		flat[i] = strings.ReplaceAll(in, "\n", " ")
	}
	return fmt.Sprintf(l.KeysF, metric, strings.Join(flat, l.KeysSep))
}

// join joins caption sentences.
func (l *sensLabels) join(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, l.Sentence)
}

// SweepAxis is one swept parameter: its label as written on the command
// line without the values (capital.ict_share, gdp.growth_pct+), the unit
// of its values and the values.
type SweepAxis struct {
	Label  string
	Unit   string
	Values []float64
	// Base is the parameter's value in the scenario, marked on the chart
	// when HasBase (0 for a shift, 1 for a scale change).
	Base    float64
	HasBase bool
}

// Sweep is a metric over one or two swept parameters. With one, Z[i] is
// the metric at Axes[0].Values[i]; with two, Z[i·len(Axes[1].Values)+j] is
// the metric at (Axes[0].Values[i], Axes[1].Values[j]).
type Sweep struct {
	Scenario   string
	Metric     string // e.g. "ii_total_yi"
	MetricUnit string
	Axes       []SweepAxis
	Z          []float64

	// ScenarioTitle and PriceBase (0: not given) go in the subtitle
	// ([Theme.ScenarioSubtitle]); First and Last, the span of the
	// scenario, in the label of a period total.
	ScenarioTitle string
	PriceBase     int
	First, Last   int
	// BaseZ is the metric in the scenario itself, marked at the base
	// values of the axes when they all have one.
	BaseZ float64
}

func (s *Sweep) check(axes int) error {
	if len(s.Axes) != axes {
		return fmt.Errorf("plots: this chart shows a sweep of %d parameter(s), not %d", axes, len(s.Axes))
	}
	n := 1
	for _, a := range s.Axes {
		if len(a.Values) < 2 {
			return errors.New("plots: a swept parameter needs at least two values")
		}
		n *= len(a.Values)
	}
	if len(s.Z) != n {
		return fmt.Errorf("plots: %d metric values for %d points", len(s.Z), n)
	}
	for _, z := range s.Z {
		if math.IsNaN(z) || math.IsInf(z, 0) {
			return errors.New("plots: a sweep value is not finite")
		}
	}
	return nil
}

func (s *Sweep) title(l *sensLabels) string {
	names, _ := l.target(s.Axes[0].Label)
	names = midSentence(names)
	if len(s.Axes) == 2 {
		n2, _ := l.target(s.Axes[1].Label)
		names += l.SweepJoin + midSentence(n2)
	}
	return fmt.Sprintf(l.SweepTitleF, s.metricWords(l), names)
}

func (s *Sweep) metricWords(l *sensLabels) string { return l.metric(s.Metric, s.First, s.Last) }

// axisLabel returns the label of axis k: its words and unit.
func (s *Sweep) axisLabel(l *sensLabels, k int) string {
	w, _ := l.target(s.Axes[k].Label)
	return l.withUnit(w, s.Axes[k].Unit)
}

// caption returns the caption of a sweep chart: whether the metric moves
// along each axis, the scenario, and the keys.
func (s *Sweep) caption(l *sensLabels) string {
	var flat string
	switch f0, f1 := s.flat(0), len(s.Axes) == 2 && s.flat(1); {
	case f0 && (len(s.Axes) == 1 || f1):
		flat = fmt.Sprintf(l.SweepFlatAllF, s.metricWords(l))
	case f0 || f1:
		k := 0
		if f1 {
			k = 1
		}
		w, _ := l.target(s.Axes[k].Label)
		flat = fmt.Sprintf(l.SweepFlatF, s.metricWords(l), w)
	}
	var keys []string
	for _, a := range s.Axes {
		keys = append(keys, a.Label)
	}
	return l.join(flat, fmt.Sprintf(l.SweepCaptionF, s.Scenario), l.keys(s.Metric, keys))
}

// flat reports whether the metric does not move along axis k: equal, to
// within float64 noise, at every value of the axis for each value of the
// other.
func (s *Sweep) flat(k int) bool {
	nx, ny := len(s.Axes[0].Values), 1
	if len(s.Axes) == 2 {
		ny = len(s.Axes[1].Values)
	}
	same := func(a, b float64) bool {
		return math.Abs(a-b) <= 1e-9*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
	}
	for i := range nx {
		for j := range ny {
			if k == 0 && !same(s.Z[i*ny+j], s.Z[j]) || k == 1 && !same(s.Z[i*ny+j], s.Z[i*ny]) {
				return false
			}
		}
	}
	return true
}

// hasBase reports whether the scenario's point is marked: every axis has
// its base value, within the swept range.
func (s *Sweep) hasBase() bool {
	for _, a := range s.Axes {
		lo, hi := slices.Min(a.Values), slices.Max(a.Values)
		if !a.HasBase || a.Base < lo || a.Base > hi || math.IsNaN(s.BaseZ) || math.IsInf(s.BaseZ, 0) {
			return false
		}
	}
	return true
}

// baseText writes the base values of the axes with their units.
func (s *Sweep) baseText(l *sensLabels) string {
	var vs []string
	for _, a := range s.Axes {
		vs = append(vs, l.number(sig(a.Base, 6), a.Unit))
	}
	return fmt.Sprintf(l.SweepBaseF, strings.Join(vs, l.KeysSep))
}

// flatRange returns the values a value axis over zs must cover: zs, or,
// when they are equal but for float64 noise, a band of ±5 % around them
// (±1 around zero), so that the noise is not drawn as a zig-zag.
func flatRange(zs []float64) []float64 {
	lo, hi := slices.Min(zs), slices.Max(zs)
	if hi-lo > 1e-9*math.Max(1, math.Max(math.Abs(lo), math.Abs(hi))) {
		return zs
	}
	m := (lo + hi) / 2
	d := 0.05 * math.Abs(m)
	if d == 0 {
		d = 1
	}
	return []float64{m - d, m + d}
}

// midSentence returns a label as it reads inside an English sentence:
// its first letter lowercase unless the first word is an acronym ("ICT",
// "GDP", "II").
func midSentence(label string) string {
	r := []rune(label)
	if len(r) > 1 && unicode.IsUpper(r[0]) && unicode.IsLower(r[1]) {
		r[0] = unicode.ToLower(r[0])
	}
	return string(r)
}

// valueAxis sets a to a nice range over vs.
func valueAxis(a *plot.Axis, vs []float64) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range vs {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	niceRange(lo, hi, 8).apply(a)
}

// SweepLine returns the line chart of a sweep of one parameter: the metric
// against the parameter's values.
func SweepLine(t *Theme, s Sweep) (*Chart, error) {
	if err := s.check(1); err != nil {
		return nil, err
	}
	t = t.theme()
	l := t.sens()
	ax := s.Axes[0]
	c := newChart(t, s.title(l), l.withUnit(s.metricWords(l), s.MetricUnit))
	c.Subtitle = t.ScenarioSubtitle(s.Scenario, s.ScenarioTitle, s.PriceBase)
	c.Plot.X.Label.Text = s.axisLabel(l, 0)
	valueAxis(&c.Plot.X, ax.Values)
	valueAxis(&c.Plot.Y, flatRange(s.Z))
	line := draw.LineStyle{Color: colBlue, Width: vg.Points(2)}
	c.Plot.Add(zeroLine{}, &polyline{xs: ax.Values, ys: s.Z, line: line})
	if s.hasBase() {
		base := draw.LineStyle{Color: colBlack, Width: vg.Points(1), Dashes: []vg.Length{vg.Points(4), vg.Points(2)}}
		dot := circle(colVermillion, 4.5)
		c.Plot.Add(vline{x: ax.Base, line: base}, &points{xs: []float64{ax.Base}, ys: []float64{s.BaseZ}, glyph: dot})
		c.addLegend(l.withUnit(s.metricWords(l), s.MetricUnit), lineThumb{line: line})
		c.addLegend(s.baseText(l), lineThumb{line: base, glyph: &dot})
	}
	c.Caption = s.caption(l)
	return c, nil
}

// sweepGrid adapts a two-parameter sweep to plotter.GridXYZ.
type sweepGrid struct{ s *Sweep }

func (g sweepGrid) Dims() (c, r int)   { return len(g.s.Axes[0].Values), len(g.s.Axes[1].Values) }
func (g sweepGrid) Z(c, r int) float64 { return g.s.Z[c*len(g.s.Axes[1].Values)+r] }
func (g sweepGrid) X(c int) float64    { return g.s.Axes[0].Values[c] }
func (g sweepGrid) Y(r int) float64    { return g.s.Axes[1].Values[r] }

// SweepHeatmap returns the heat map of a sweep of two parameters, the
// first across and the second up, with a colour bar on the right.
func SweepHeatmap(t *Theme, s Sweep) (*Chart, error) {
	if err := s.check(2); err != nil {
		return nil, err
	}
	t = t.theme()
	l := t.sens()
	c := newChart(t, s.title(l), s.axisLabel(l, 1))
	c.Subtitle = t.ScenarioSubtitle(s.Scenario, s.ScenarioTitle, s.PriceBase)
	c.Plot.X.Label.Text = s.axisLabel(l, 0)

	lo, hi := math.Inf(1), math.Inf(-1)
	for _, z := range flatRange(s.Z) {
		lo, hi = math.Min(lo, z), math.Max(hi, z)
	}
	zr := niceRange(lo, hi, 8)
	cm := moreland.SmoothBlueRed()
	cm.SetMin(zr.Min)
	cm.SetMax(zr.Max)
	hm := plotter.NewHeatMap(sweepGrid{&s}, cm.Palette(255))
	hm.Min, hm.Max = zr.Min, zr.Max
	hm.Rasterized = true
	c.Plot.Add(hm)
	// The heat map's cells are centred on the values: the axes end half a
	// cell beyond the first and last.
	for k, a := range []*plot.Axis{&c.Plot.X, &c.Plot.Y} {
		vs := s.Axes[k].Values
		valueAxis(a, vs)
		half := (vs[len(vs)-1] - vs[0]) / float64(len(vs)-1) / 2
		a.Min, a.Max = vs[0]-half, vs[len(vs)-1]+half
		a.Tick.Marker = plot.ConstantTicks(within(a.Tick.Marker.Ticks(a.Min, a.Max), a.Min, a.Max))
	}

	// The colour bar: a right axis in metric units over the data area.
	scale := (c.Plot.Y.Max - c.Plot.Y.Min) / (zr.Max - zr.Min)
	c.right = &rightAxis{
		label:  l.withUnit(s.metricWords(l), s.MetricUnit),
		offset: c.Plot.Y.Min - scale*zr.Min,
		scale:  scale,
		ticks:  zr.ticks(),
		strip:  cm,
	}
	if s.hasBase() {
		ring := draw.GlyphStyle{Color: colBlack, Radius: vg.Points(6), Shape: ringGlyph{width: vg.Points(2)}}
		c.Plot.Add(&points{xs: []float64{s.Axes[0].Base}, ys: []float64{s.Axes[1].Base}, glyph: ring})
		c.addLegend(s.baseText(l), lineThumb{glyph: &ring})
	}
	c.Caption = s.caption(l)
	return c, nil
}

// within returns the ticks in [lo, hi].
func within(ts []plot.Tick, lo, hi float64) []plot.Tick {
	var out []plot.Tick
	for _, tk := range ts {
		if tk.Value >= lo-1e-12*math.Abs(hi-lo) && tk.Value <= hi+1e-12*math.Abs(hi-lo) {
			out = append(out, tk)
		}
	}
	return out
}

// Width of a colour strip and its gap to the data area, points.
const (
	stripGap   = 6
	stripWidth = 12
)

func (r *rightAxis) stripWidth() vg.Length {
	if r.strip == nil {
		return 0
	}
	return vg.Points(stripGap + stripWidth)
}

// drawStrip draws the colour strip of r beside the data area da of p: at
// each height the colour of the value that the axis puts there.
func (r *rightAxis) drawStrip(da draw.Canvas, p *plot.Plot) {
	if r.strip == nil {
		return
	}
	x0 := da.Max.X + vg.Points(stripGap)
	x1 := x0 + vg.Points(stripWidth)
	const steps = 200
	h := (da.Max.Y - da.Min.Y) / steps
	for i := range steps {
		y0 := da.Min.Y + vg.Length(i)*h
		// The value at the middle of the step, in the right axis' units.
		left := p.Y.Min + (p.Y.Max-p.Y.Min)*(float64(i)+0.5)/steps
		v := (left - r.offset) / r.scale
		col, err := r.strip.At(math.Min(math.Max(v, r.strip.Min()), r.strip.Max()))
		if err != nil {
			continue
		}
		da.FillPolygon(col, []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y0 + h + 0.3}, {X: x0, Y: y0 + h + 0.3}})
	}
	da.StrokeLines(draw.LineStyle{Color: colorAxis, Width: vg.Points(0.5)},
		[]vg.Point{{X: x0, Y: da.Min.Y}, {X: x1, Y: da.Min.Y}, {X: x1, Y: da.Max.Y}, {X: x0, Y: da.Max.Y}, {X: x0, Y: da.Min.Y}})
}

// TornadoBar is one input of a tornado diagram: the values applied and the
// metric at each.
type TornadoBar struct {
	Label                 string // the input as a change target: capital.ict_share, gdp.growth_pct+
	Low, High             float64
	MetricLow, MetricHigh float64
}

// Tornado is a tornado diagram: one bar per input, sorted by swing by the
// caller (largest first), from the metric's base value to its value with
// the input at its low and its high value.
type Tornado struct {
	Scenario      string
	ScenarioTitle string // for the subtitle, with PriceBase (0: not given)
	PriceBase     int
	First, Last   int // the span, for the label of a period total
	Metric        string
	MetricUnit    string
	Base          float64
	Bars          []TornadoBar
	Percent       float64 // low and high are the Percent and 100 − Percent quantiles; or
	Delta         string  // low and high are the base ± Delta %, when not ""
	// Uncorrelated says in the caption that the scenario's rank
	// correlations were ignored.
	Uncorrelated bool
}

// hspans draws horizontal bars between values, one row per bar.
type hspans struct {
	from     float64
	to, rows []float64
	height   float64
	color    color.Color
}

// Plot implements plot.Plotter.
func (b *hspans) Plot(c draw.Canvas, p *plot.Plot) {
	for i, v := range b.to {
		x0, x1 := c.X(p.X.Norm(b.from)), c.X(p.X.Norm(v))
		y0, y1 := c.Y(p.Y.Norm(b.rows[i]-b.height/2)), c.Y(p.Y.Norm(b.rows[i]+b.height/2))
		c.FillPolygon(b.color, c.ClipPolygonXY([]vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}}))
	}
}

// vline draws a dashed vertical line at x across the data area.
type vline struct {
	x    float64
	line draw.LineStyle
}

// Plot implements plot.Plotter.
func (v vline) Plot(c draw.Canvas, p *plot.Plot) {
	x := c.X(p.X.Norm(v.x))
	c.StrokeLine2(v.line, x, c.Min.Y, x, c.Max.Y)
}

// TornadoChart returns the tornado diagram of d.
func TornadoChart(t *Theme, d Tornado) (*Chart, error) {
	if len(d.Bars) == 0 {
		return nil, errors.New("plots: a tornado diagram needs at least one input")
	}
	t = t.theme()
	l := t.sens()
	how := fmt.Sprintf(l.QuantilesF, d.Percent, 100-d.Percent)
	if d.Delta != "" {
		how = fmt.Sprintf(l.DeltaF, d.Delta)
	}
	mw := l.metric(d.Metric, d.First, d.Last)
	c := newChart(t, fmt.Sprintf(l.TornadoTitleF, mw, how), "")
	c.Subtitle = t.ScenarioSubtitle(d.Scenario, d.ScenarioTitle, d.PriceBase)
	c.Plot.X.Label.Text = l.withUnit(mw, d.MetricUnit)
	var keys []string
	n := len(d.Bars)
	low := &hspans{from: d.Base, height: 0.62, color: colBlue}
	high := &hspans{from: d.Base, height: 0.62, color: colVermillion}
	vals := []float64{d.Base}
	ticks := make([]plot.Tick, n)
	for i, b := range d.Bars {
		if math.IsNaN(b.MetricLow+b.MetricHigh) || math.IsInf(b.MetricLow+b.MetricHigh, 0) {
			return nil, fmt.Errorf("plots: tornado bar %s is not finite", b.Label)
		}
		row := float64(n - 1 - i) // the largest swing on top
		low.to, low.rows = append(low.to, b.MetricLow), append(low.rows, row)
		high.to, high.rows = append(high.to, b.MetricHigh), append(high.rows, row)
		vals = append(vals, b.MetricLow, b.MetricHigh)
		w, unit := l.target(b.Label)
		ticks[i] = plot.Tick{Value: row, Label: fmt.Sprintf(l.RangeF, w, sig(b.Low, 4), sig(b.High, 4), l.unitAfter(unit))}
		keys = append(keys, b.Label)
	}
	valueAxis(&c.Plot.X, vals)
	c.Plot.Y.Min, c.Plot.Y.Max = -0.5, float64(n)-0.5
	c.Plot.Y.Tick.Marker = plot.ConstantTicks(ticks)
	c.Plot.Y.Tick.Length = 0
	// Gridlines across the bars would hide their ends: vertical ones only.
	grid := plotter.NewGrid()
	grid.Horizontal.Color = nil
	grid.Vertical = draw.LineStyle{Color: colorGrid, Width: vg.Points(0.6)}
	c.Plot.Add(grid, low, high)
	base := draw.LineStyle{Color: colBlack, Width: vg.Points(1), Dashes: []vg.Length{vg.Points(4), vg.Points(2)}}
	c.Plot.Add(vline{x: d.Base, line: base})
	c.addLegend(l.Low, swatch{colBlue})
	c.addLegend(l.High, swatch{colVermillion})
	c.addLegend(fmt.Sprintf(l.BaseF, l.number(sig(d.Base, 7), d.MetricUnit)), lineThumb{line: base})
	c.Caption = l.join(fmt.Sprintf(l.TornadoCaptionF, d.Scenario), l.keys(d.Metric, keys))
	if d.Uncorrelated {
		c.Caption += l.Uncorrelated
	}
	return c, nil
}

// FanKind is what a fan chart shows.
type FanKind int

const (
	FanIIIncrement FanKind = iota // II GDP increment, 亿元
	FanIIShare                    // II share of GDP growth, %
	FanGrowth                     // GDP growth, %
)

// Fan is the distribution over years of one outcome of a Monte Carlo run:
// its 5, 25, 50, 75 and 95 % percentiles in each year.
type Fan struct {
	Scenario      string
	ScenarioTitle string // for the subtitle, with PriceBase (0: not given)
	PriceBase     int
	Kind          FanKind
	Draws         int
	Seed          uint64
	Years         []int
	P             [][5]float64 // P[i]: the percentiles of Years[i]
	// Correlations is the number of rank correlations the draws were
	// given (the caption says so when there are any).
	Correlations int
}

// FanChart returns the fan chart of f: the median as a line with points,
// the 25–75 % band and the 5–95 % band shaded around it.
func FanChart(t *Theme, f Fan) (*Chart, error) {
	if len(f.Years) == 0 || len(f.Years) != len(f.P) {
		return nil, errors.New("plots: a fan chart needs percentiles for each year")
	}
	if f.Kind < 0 || f.Kind > FanGrowth {
		return nil, fmt.Errorf("plots: unknown fan chart %d", f.Kind)
	}
	t = t.theme()
	l := t.sens()
	c := newChart(t, fmt.Sprintf(l.FanTitleF[f.Kind], f.Draws), l.FanAxis[f.Kind])
	c.Subtitle = t.ScenarioSubtitle(f.Scenario, f.ScenarioTitle, f.PriceBase)
	c.setYears(f.Years[0], f.Years[len(f.Years)-1])
	c.Plot.X.Min += 0.3
	c.Plot.X.Max -= 0.3
	xs := make([]float64, len(f.Years))
	var vals []float64
	col := func(k int) []float64 {
		v := make([]float64, len(f.P))
		for i := range f.P {
			v[i] = f.P[i][k]
		}
		return v
	}
	for i, y := range f.Years {
		xs[i] = float64(y)
		for _, v := range f.P[i] {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("plots: percentile of %d is not finite", y)
			}
			vals = append(vals, v)
		}
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range vals {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	pad := 0.05 * (hi - lo)
	niceRange(lo-pad, hi+pad, 8).apply(&c.Plot.Y)
	band90, band50 := color.RGBA{0xc6, 0xdb, 0xef, 0xff}, color.RGBA{0x6b, 0xae, 0xd6, 0xff}
	c.Plot.Add(&band{xs: xs, lo: col(0), hi: col(4), color: band90}, &band{xs: xs, lo: col(1), hi: col(3), color: band50})
	line := draw.LineStyle{Color: colBlack, Width: vg.Points(1.8)}
	dot := circle(colBlack, 2.8)
	c.Plot.Add(zeroLine{}, &polyline{xs: xs, ys: col(2), line: line}, &points{xs: xs, ys: col(2), glyph: dot})
	c.addLegend(l.Median, lineThumb{line: line, glyph: &dot})
	c.addLegend(l.Band50, swatch{band50})
	c.addLegend(l.Band90, swatch{band90})
	c.Caption = fmt.Sprintf(l.FanCaptionF, f.Draws, f.Scenario, f.Seed)
	if f.Correlations > 0 {
		c.Caption += fmt.Sprintf(l.CorrelatedF, f.Correlations)
	}
	return c, nil
}

// band fills the area between two lines over xs.
type band struct {
	xs, lo, hi []float64
	color      color.Color
}

// Plot implements plot.Plotter.
func (b *band) Plot(c draw.Canvas, p *plot.Plot) {
	pts := make([]vg.Point, 0, 2*len(b.xs))
	for i, x := range b.xs {
		pts = append(pts, vg.Point{X: c.X(p.X.Norm(x)), Y: c.Y(p.Y.Norm(b.lo[i]))})
	}
	for i := len(b.xs) - 1; i >= 0; i-- {
		pts = append(pts, vg.Point{X: c.X(p.X.Norm(b.xs[i])), Y: c.Y(p.Y.Norm(b.hi[i]))})
	}
	c.FillPolygon(b.color, c.ClipPolygonXY(pts))
}

// SobolIndex is one input's first-order and total Sobol indices with the
// ends of their confidence intervals.
type SobolIndex struct {
	Label          string
	S1, S1Lo, S1Hi float64
	ST, STLo, STHi float64
}

// Sobol is the Sobol indices of one metric.
type Sobol struct {
	Scenario string
	Metric   string
	N        int    // base rows of the design
	Runs     int    // model runs
	Interval string // what the error bars are, e.g. "95 % bootstrap percentile intervals (1000 resamples)"
	Indices  []SobolIndex

	// What the error bars are, in the chart's language, when Level is not
	// 0 (else Interval): Level (0.95) intervals over Replicates scrambled
	// replicates (Student t), or from Resamples bootstrap resamples when
	// that is not 0.
	Level      float64
	Replicates int
	Resamples  int

	ScenarioTitle string // for the subtitle, with PriceBase (0: not given)
	PriceBase     int
	First, Last   int // the span, for the label of a period total

	// Uncorrelated says in the caption that the scenario's rank
	// correlations were ignored.
	Uncorrelated bool
}

// vbars draws vertical bars from 0 with error whiskers.
type vbars struct {
	xs, ys, lo, hi []float64
	width          float64
	color          color.Color
}

// Plot implements plot.Plotter.
func (b *vbars) Plot(c draw.Canvas, p *plot.Plot) {
	whisker := draw.LineStyle{Color: colBlack, Width: vg.Points(1)}
	for i, x := range b.xs {
		x0, x1 := c.X(p.X.Norm(x-b.width/2)), c.X(p.X.Norm(x+b.width/2))
		y0, y1 := c.Y(p.Y.Norm(0)), c.Y(p.Y.Norm(b.ys[i]))
		c.FillPolygon(b.color, c.ClipPolygonXY([]vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}}))
		xm := c.X(p.X.Norm(x))
		lo, hi := c.Y(p.Y.Norm(b.lo[i])), c.Y(p.Y.Norm(b.hi[i]))
		capW := (x1 - x0) / 4
		c.StrokeLines(whisker, c.ClipLinesXY([]vg.Point{{X: xm, Y: lo}, {X: xm, Y: hi}})...)
		c.StrokeLines(whisker, c.ClipLinesXY([]vg.Point{{X: xm - capW, Y: lo}, {X: xm + capW, Y: lo}})...)
		c.StrokeLines(whisker, c.ClipLinesXY([]vg.Point{{X: xm - capW, Y: hi}, {X: xm + capW, Y: hi}})...)
	}
}

// SobolChart returns a bar chart of the first-order and total indices of
// each input, side by side, with their confidence intervals as error bars.
func SobolChart(t *Theme, s Sobol) (*Chart, error) {
	if len(s.Indices) == 0 {
		return nil, errors.New("plots: no Sobol index to draw")
	}
	t = t.theme()
	l := t.sens()
	c := newChart(t, fmt.Sprintf(l.SobolTitleF, l.metric(s.Metric, s.First, s.Last)), l.SobolAxis)
	c.Subtitle = t.ScenarioSubtitle(s.Scenario, s.ScenarioTitle, s.PriceBase)
	var keys []string
	c.Plot.X.Label.Text = ""
	first := &vbars{width: 0.36, color: colBlue}
	total := &vbars{width: 0.36, color: colVermillion}
	vals := []float64{0, 1}
	ticks := make([]plot.Tick, len(s.Indices))
	for i, ix := range s.Indices {
		x := float64(i)
		for _, v := range []float64{ix.S1, ix.S1Lo, ix.S1Hi, ix.ST, ix.STLo, ix.STHi} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("plots: Sobol index of %s is not finite", ix.Label)
			}
			vals = append(vals, v)
		}
		first.xs, first.ys = append(first.xs, x-0.19), append(first.ys, ix.S1)
		first.lo, first.hi = append(first.lo, ix.S1Lo), append(first.hi, ix.S1Hi)
		total.xs, total.ys = append(total.xs, x+0.19), append(total.ys, ix.ST)
		total.lo, total.hi = append(total.lo, ix.STLo), append(total.hi, ix.STHi)
		w, _ := l.target(ix.Label)
		ticks[i] = plot.Tick{Value: x, Label: w}
		keys = append(keys, ix.Label)
	}
	valueAxis(&c.Plot.Y, vals)
	c.Plot.X.Min, c.Plot.X.Max = -0.6, float64(len(s.Indices))-0.4
	c.Plot.X.Tick.Marker = plot.ConstantTicks(ticks)
	long := false
	for _, t := range ticks {
		long = long || utf8.RuneCountInString(t.Label) > 24
	}
	switch {
	case long:
		// Long names (an index's industry · stage) stand steeper, so
		// that neighbours do not overlap, and the axis starts early
		// enough for the first to end inside the chart: its horizontal
		// extent, in data units of a data area of about 0.85 of the
		// chart's width.
		c.Plot.X.Tick.Label.Rotation = math.Pi / 4
		c.Plot.X.Tick.Label.XAlign, c.Plot.X.Tick.Label.YAlign = draw.XRight, draw.YTop
		extent := float64(c.Plot.X.Tick.Label.Width(ticks[0].Label)) * math.Cos(math.Pi/4)
		unit := 0.85 * float64(Width) / (float64(len(s.Indices)) + 0.2)
		c.Plot.X.Min = math.Min(-0.6, 0.5-extent/unit)
	case len(s.Indices) > 4:
		c.Plot.X.Tick.Label.Rotation = math.Pi / 9
		c.Plot.X.Tick.Label.XAlign, c.Plot.X.Tick.Label.YAlign = draw.XRight, draw.YTop
	}
	c.Plot.Add(zeroLine{}, first, total)
	c.addLegend(l.First, swatch{colBlue})
	c.addLegend(l.Total, swatch{colVermillion})
	interval := s.Interval
	switch {
	case s.Level > 0 && s.Resamples > 0:
		interval = fmt.Sprintf(l.BootstrapF, 100*s.Level, s.Resamples)
	case s.Level > 0:
		interval = fmt.Sprintf(l.StudentF, 100*s.Level, s.Replicates)
	}
	c.Caption = l.join(fmt.Sprintf(l.SobolCaptionF, s.N, s.Runs, interval), l.keys(s.Metric, keys))
	if s.Uncorrelated {
		c.Caption += l.Uncorrelated
	}
	return c, nil
}

// SobolYears is the first-order Sobol indices of a per-year metric in
// every year, from one design.
type SobolYears struct {
	Scenario      string
	ScenarioTitle string // for the subtitle, with PriceBase (0: not given)
	PriceBase     int
	Metric        string      // the metric's name without a year, e.g. "ii_increment_yi"
	N             int         // base rows of the design
	Runs          int         // model runs
	Years         []int       // the years, increasing
	Labels        []string    // the inputs
	S1            [][]float64 // S1[y][i]: input i in Years[y]
	// Uncorrelated says in the caption that the scenario's rank
	// correlations were ignored.
	Uncorrelated bool
}

// sobolColors are the colours of the inputs of a stacked Sobol chart, in
// order (Okabe–Ito), of the band of other inputs and of the rest.
var (
	sobolColors = []color.Color{colBlue, colOrange, colGreen, colVermillion, colSky, colPurple, colYellow, colBlack}
	colOthers   = color.RGBA{0x88, 0x88, 0x88, 0xff}
	colRest     = color.RGBA{0xcc, 0xcc, 0xcc, 0xff}
)

// SobolYearsChart returns a stacked area chart of the first-order indices
// of each input by year, with the rest of the variance (1 minus their sum:
// interactions) on top in grey. Negative estimates (noise about 0) are
// drawn as 0; a sum above 1 leaves no rest. With more inputs than there are
// colours (8), the 7 with the largest mean index over the years get a band
// each, in their order, and the others one band together, named with
// their number.
func SobolYearsChart(t *Theme, s SobolYears) (*Chart, error) {
	if len(s.Years) < 2 || len(s.S1) != len(s.Years) || len(s.Labels) == 0 {
		return nil, errors.New("plots: a chart of indices by year needs two years or more and one input or more")
	}
	t = t.theme()
	l := t.sens()
	c := newChart(t, fmt.Sprintf(l.SobolYearsTitleF, l.metric(s.Metric, 0, 0)), l.SobolYearsAxis)
	c.Subtitle = t.ScenarioSubtitle(s.Scenario, s.ScenarioTitle, s.PriceBase)
	c.setYears(s.Years[0], s.Years[len(s.Years)-1])
	c.Plot.X.Min += 0.3
	c.Plot.X.Max -= 0.3
	xs := make([]float64, len(s.Years))
	for y, yr := range s.Years {
		xs[y] = float64(yr)
		if len(s.S1[y]) != len(s.Labels) {
			return nil, fmt.Errorf("plots: %d indices for %d inputs in %d", len(s.S1[y]), len(s.Labels), yr)
		}
	}
	for i, label := range s.Labels {
		for y := range xs {
			if v := s.S1[y][i]; math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("plots: Sobol index of %s in %d is not finite", label, s.Years[y])
			}
		}
	}
	// own[i]: input i has a band of its own.
	own := make([]bool, len(s.Labels))
	if len(s.Labels) <= len(sobolColors) {
		for i := range own {
			own[i] = true
		}
	} else {
		mean := make([]float64, len(s.Labels))
		for i := range mean {
			for y := range xs {
				mean[i] += max(s.S1[y][i], 0)
			}
		}
		idx := make([]int, len(s.Labels))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(mean[b], mean[a]) })
		for _, i := range idx[:len(sobolColors)-1] {
			own[i] = true
		}
	}
	lo := make([]float64, len(xs))
	stack := func(in func(i int) bool, label string, col color.Color) {
		hi := make([]float64, len(xs))
		for y := range xs {
			hi[y] = lo[y]
			for i := range s.Labels {
				if in(i) {
					hi[y] += max(s.S1[y][i], 0)
				}
			}
		}
		c.Plot.Add(&band{xs: xs, lo: lo, hi: hi, color: col})
		c.addLegend(label, swatch{col})
		lo = hi
	}
	k := 0
	for i, label := range s.Labels {
		if own[i] {
			w, _ := l.target(label)
			stack(func(j int) bool { return j == i }, w, sobolColors[k])
			k++
		}
	}
	if n := len(s.Labels) - k; n > 0 {
		stack(func(j int) bool { return !own[j] }, fmt.Sprintf(l.OthersF, n), colOthers)
	}
	top := make([]float64, len(xs))
	for y := range top {
		top[y] = max(lo[y], 1)
	}
	c.Plot.Add(&band{xs: xs, lo: lo, hi: top, color: colRest})
	c.addLegend(l.Rest, swatch{colRest})
	c.Plot.Y.Min, c.Plot.Y.Max = 0, 1
	for _, v := range top {
		c.Plot.Y.Max = max(c.Plot.Y.Max, v)
	}
	niceRange(0, c.Plot.Y.Max, 6).apply(&c.Plot.Y)
	c.Caption = l.join(fmt.Sprintf(l.SobolYearsCaptionF, s.N, s.Runs), l.keys(s.Metric, s.Labels))
	if s.Uncorrelated {
		c.Caption += l.Uncorrelated
	}
	return c, nil
}

// unitAfter writes a unit after the high value of a range: " pp", " %",
// "" for a fraction.
func (l *sensLabels) unitAfter(unit string) string {
	if unit == "" || unit == "fraction" || unit == "ratio" {
		return ""
	}
	return fmt.Sprintf(l.RangeUnitF, model.UnitLabel(unit, l.lang))
}

// sig writes v rounded to n significant digits, without an exponent.
func sig(v float64, n int) string {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', n, 64), 64)
	if err != nil {
		return strconv.FormatFloat(v, 'g', n, 64)
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// runes returns every distinct rune of the table's text, sorted: the
// characters the shipped Chinese font must have (see fonts/README.md).
func (l *sensLabels) runes() []rune { return textRunes(*l) }
