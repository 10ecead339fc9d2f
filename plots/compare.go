package plots

import (
	"errors"
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"simulate/model"
)

// Scenario is a named result: one line of a comparison chart, or the
// projection drawn by [HistoryProjection].
type Scenario struct {
	Name    string
	Results model.Results
}

// ErrTooFewScenarios is returned by [CompareIIDiff], which needs a
// reference and at least one scenario to compare with it.
var ErrTooFewScenarios = errors.New("plots: a difference chart needs at least two scenarios")

// The look of scenario i in comparison charts: colour, dashes and glyph
// all change with i, so that lines differ in print and for colour-blind
// readers too.
var (
	scenarioColors = []color.Color{colBlue, colVermillion, colGreen, colPurple, colOrange, colSky, colBlack}
	scenarioDashes = [][]vg.Length{
		nil,
		{vg.Points(7), vg.Points(3)},
		{vg.Points(2), vg.Points(2)},
		{vg.Points(8), vg.Points(3), vg.Points(2), vg.Points(3)},
		{vg.Points(4), vg.Points(2)},
	}
	scenarioGlyphs = []draw.GlyphDrawer{
		draw.CircleGlyph{}, draw.BoxGlyph{}, draw.PyramidGlyph{},
		draw.CrossGlyph{}, draw.RingGlyph{}, draw.PlusGlyph{},
	}
)

func scenarioStyle(i int) (draw.LineStyle, draw.GlyphStyle) {
	c := scenarioColors[i%len(scenarioColors)]
	return draw.LineStyle{Color: c, Width: vg.Points(1.8), Dashes: scenarioDashes[i%len(scenarioDashes)]},
		draw.GlyphStyle{Color: c, Radius: vg.Points(3), Shape: scenarioGlyphs[i%len(scenarioGlyphs)]}
}

func checkScenarios(sc []Scenario) error {
	if len(sc) == 0 {
		return errors.New("plots: no scenarios to compare")
	}
	for _, s := range sc {
		if err := checkResults(s.Results); err != nil {
			return fmt.Errorf("scenario %s: %w", s.Name, err)
		}
	}
	return nil
}

// yearSpan returns the first and last year over all scenarios.
func yearSpan(sc []Scenario) (first, last int) {
	first, last = math.MaxInt, math.MinInt
	for _, s := range sc {
		f, l := span(s.Results)
		first, last = min(first, f), max(last, l)
	}
	return first, last
}

// lineSet is one line per scenario.
type lineSet struct {
	names  []string
	xs, ys [][]float64
	style  []int     // scenario index, for the look
	radius vg.Length // of the glyphs; 0 keeps the look's
}

// compareChart draws one line per entry of ls with the scenario's look.
func compareChart(t *Theme, title, yLabel string, first, last int, ls lineSet, withZero bool, caption string) *Chart {
	c := newChart(t, title, yLabel)
	c.setYears(first, last)
	lo, hi := math.Inf(1), math.Inf(-1)
	if withZero {
		lo, hi = 0, 0
	}
	for _, ys := range ls.ys {
		for _, v := range ys {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	// Keep markers off the axes: pad the range unless it ends at zero.
	pad := 0.04 * (hi - lo)
	if lo != 0 {
		lo -= pad
	}
	if hi != 0 {
		hi += pad
	}
	niceRange(lo, hi, 8).apply(&c.Plot.Y)
	c.Plot.Add(zeroLine{})
	for i := range ls.names {
		line, glyph := scenarioStyle(ls.style[i])
		if ls.radius > 0 {
			glyph.Radius = ls.radius
		}
		c.Plot.Add(&polyline{xs: ls.xs[i], ys: ls.ys[i], line: line},
			&points{xs: ls.xs[i], ys: ls.ys[i], glyph: glyph})
		c.addLegend(ls.names[i], lineThumb{line: line, glyph: &glyph})
	}
	c.Caption = caption
	return c
}

func overlay(t *Theme, sc []Scenario, title, yLabel string, f func(y *model.Year) float64) (*Chart, error) {
	if err := checkScenarios(sc); err != nil {
		return nil, err
	}
	t = t.theme()
	var ls lineSet
	for i, s := range sc {
		xs, ys := series(s.Results, f)
		ls.names = append(ls.names, s.Name)
		ls.xs, ls.ys = append(ls.xs, xs), append(ls.ys, ys)
		ls.style = append(ls.style, i)
	}
	first, last := yearSpan(sc)
	caption := t.caption(t.pricesNote(sc[0].Results), t.lbl.SourceModel)
	return compareChart(t, title, yLabel, first, last, ls, false, caption), nil
}

// CompareII returns the II GDP increment per year (亿元) of each
// scenario, one line each.
func CompareII(t *Theme, sc []Scenario) (*Chart, error) {
	l := t.theme().lbl
	return overlay(t, sc, l.CmpIITitle, l.IIAxis, func(y *model.Year) float64 { return y.II })
}

// CompareIIShare returns the II share of GDP growth per year (%) of each
// scenario, one line each.
func CompareIIShare(t *Theme, sc []Scenario) (*Chart, error) {
	l := t.theme().lbl
	return overlay(t, sc, l.CmpShareTitle, l.CmpShareAxis, func(y *model.Year) float64 { return 100 * y.IIShare })
}

// CompareGrowth returns GDP growth per year (%) of each scenario, one
// line each.
func CompareGrowth(t *Theme, sc []Scenario) (*Chart, error) {
	l := t.theme().lbl
	return overlay(t, sc, l.CmpGrowth, l.GrowthAxis, func(y *model.Year) float64 { return 100 * y.Growth })
}

// CompareIIDiff returns, for each scenario after the first, its II GDP
// increment minus the first scenario's in the same year (亿元), one line
// each, in the scenario's look from the other comparison charts. Years the
// first scenario lacks are left out.
func CompareIIDiff(t *Theme, sc []Scenario) (*Chart, error) {
	if len(sc) < 2 {
		return nil, ErrTooFewScenarios
	}
	if err := checkScenarios(sc); err != nil {
		return nil, err
	}
	t = t.theme()
	l := t.lbl
	var ls lineSet
	for i, s := range sc[1:] {
		xs, ys := diffSeries(sc[0].Results, s.Results)
		ls.names = append(ls.names, s.Name)
		ls.xs, ls.ys = append(ls.xs, xs), append(ls.ys, ys)
		ls.style = append(ls.style, i+1)
	}
	first, last := yearSpan(sc)
	ref := l.QuoteL + sc[0].Name + l.QuoteR
	caption := t.caption(fmt.Sprintf(l.CmpReferenceF, sc[0].Name), t.pricesNote(sc[0].Results), l.SourceModel)
	return compareChart(t, fmt.Sprintf(l.CmpDiffTitleF, ref), l.CmpDiffAxis, first, last, ls, true, caption), nil
}

// diffSeries returns the years that ref and s share and s's II increment
// minus ref's in each.
func diffSeries(ref, s model.Results) (xs, ys []float64) {
	byYear := make(map[int]float64, len(ref.Years))
	for _, y := range ref.Years {
		byYear[y.Year] = y.II
	}
	for _, y := range s.Years {
		if r, ok := byYear[y.Year]; ok {
			xs = append(xs, float64(y.Year))
			ys = append(ys, y.II-r)
		}
	}
	return xs, ys
}
