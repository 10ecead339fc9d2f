package plots

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/gonum/floats/scalar"

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

// ErrNoCommonPrices is returned by [CompareIIDiff] when no scenario after
// the first has its price base: levels at different prices are not
// subtracted.
var ErrNoCommonPrices = errors.New("plots: no scenario has the price base of the first, so no difference is drawn")

// PriceBase returns the year at whose constant prices res gives GDP: the
// base year, the year before the first projected one.
func PriceBase(res model.Results) int { return res.Years[0].Year - 1 }

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
	caption := t.caption(t.comparePrices(sc), t.coincide(ls), t.lbl.SourceModel)
	return compareChart(t, title, yLabel, first, last, ls, false, caption), nil
}

// comparePrices says at which prices the scenarios give GDP: one price
// base for all, or each scenario's.
func (t *Theme) comparePrices(sc []Scenario) string {
	l := t.lbl
	same := true
	for _, s := range sc {
		same = same && PriceBase(s.Results) == PriceBase(sc[0].Results)
	}
	if same {
		return t.pricesNote(sc[0].Results)
	}
	var items []string
	for _, s := range sc {
		items = append(items, t.priceItem(s))
	}
	return fmt.Sprintf(l.CmpPricesEachF, strings.Join(items, l.ListSep))
}

func (t *Theme) priceItem(s Scenario) string {
	return fmt.Sprintf(t.lbl.CmpPriceItemF, t.quote(s.Name), PriceBase(s.Results))
}

func (t *Theme) quote(name string) string { return t.lbl.QuoteL + name + t.lbl.QuoteR }

// coincide names the groups of lines that coincide in every year (within
// 1e-9, relative), which the chart draws one over the other.
func (t *Theme) coincide(ls lineSet) string {
	group := make([]int, len(ls.names)) // index of the first line of i's group
	for i := range group {
		group[i] = i
		for j := range i {
			if group[j] == j && sameLine(ls.xs[i], ls.ys[i], ls.xs[j], ls.ys[j]) {
				group[i] = j
				break
			}
		}
	}
	var notes []string
	for j := range group {
		var names []string
		for i, g := range group {
			if g == j {
				names = append(names, t.quote(ls.names[i]))
			}
		}
		if len(names) > 1 {
			notes = append(notes, fmt.Sprintf(t.lbl.CmpCoincideF, t.list(names)))
		}
	}
	return t.caption(notes...)
}

// list joins names: "a and b", "a, b and c".
func (t *Theme) list(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], t.lbl.ListSep) + t.lbl.ListAnd + names[len(names)-1]
}

func sameLine(xa, ya, xb, yb []float64) bool {
	if len(xa) != len(xb) {
		return false
	}
	for k := range xa {
		if xa[k] != xb[k] || !scalar.EqualWithinAbsOrRel(ya[k], yb[k], 1e-9, 1e-9) {
			return false
		}
	}
	return true
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

// CompareIIDiff returns, for each scenario after the first at the same
// price base ([PriceBase]), its II GDP increment minus the first
// scenario's in the same year (亿元), one line each, in the scenario's look
// from the other comparison charts, over the years they share. Scenarios
// at other prices are left out (levels at different prices do not
// subtract), and the caption names them; with none left it returns
// [ErrNoCommonPrices].
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
	var out []string
	first, last := math.MaxInt, math.MinInt
	for i, s := range sc[1:] {
		if PriceBase(s.Results) != PriceBase(sc[0].Results) {
			out = append(out, t.priceItem(s))
			continue
		}
		xs, ys := diffSeries(sc[0].Results, s.Results)
		if len(xs) == 0 {
			continue
		}
		first, last = min(first, int(xs[0])), max(last, int(xs[len(xs)-1]))
		ls.names = append(ls.names, s.Name)
		ls.xs, ls.ys = append(ls.xs, xs), append(ls.ys, ys)
		ls.style = append(ls.style, i+1)
	}
	if len(ls.names) == 0 {
		return nil, ErrNoCommonPrices
	}
	leftOut := ""
	if len(out) > 0 {
		leftOut = fmt.Sprintf(l.CmpLeftOutF, strings.Join(out, l.ListSep))
	}
	ref := t.quote(sc[0].Name)
	caption := t.caption(fmt.Sprintf(l.CmpReferenceF, sc[0].Name), t.pricesNote(sc[0].Results), leftOut, t.coincide(ls), l.SourceModel)
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
