package plots

import (
	"errors"
	"fmt"
	"image/color"
	"maps"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"simulate/model"
)

// Published are values printed by a source, drawn as markers over the
// model's own so that a reproduction can be checked by eye. Element i of
// each slice belongs to Years[i]; a nil slice draws no markers.
type Published struct {
	Years      []int
	II         []float64 // II GDP increment, 亿元
	IISharePct []float64 // II share of GDP growth, percent
}

// NewPublished returns published II GDP increments (亿元) and II shares of
// GDP growth (%), each given by year, as markers for the charts: nil when
// both are empty. When both are given they must give the same years. (The
// simulate command takes them from the calibration spec a scenario names,
// whose targets are the published figures.)
func NewPublished(ii, sharePct map[int]float64) (*Published, error) {
	if len(ii) == 0 && len(sharePct) == 0 {
		return nil, nil
	}
	years := slices.Sorted(maps.Keys(ii))
	if len(ii) == 0 {
		years = slices.Sorted(maps.Keys(sharePct))
	} else if len(sharePct) > 0 && !slices.Equal(years, slices.Sorted(maps.Keys(sharePct))) {
		return nil, errors.New("plots: published increments and shares are given for different years")
	}
	pub := &Published{Years: years}
	for _, y := range years {
		if len(ii) > 0 {
			pub.II = append(pub.II, ii[y])
		}
		if len(sharePct) > 0 {
			pub.IISharePct = append(pub.IISharePct, sharePct[y])
		}
	}
	return pub, checkPublished(pub)
}

// ErrNoYears is returned when results hold no year to chart.
var ErrNoYears = errors.New("plots: results hold no years")

// Colours: the Okabe–Ito palette, distinguishable with the common forms of
// colour blindness.
var (
	colBlue       = color.RGBA{0x00, 0x72, 0xb2, 0xff}
	colVermillion = color.RGBA{0xd5, 0x5e, 0x00, 0xff}
	colGreen      = color.RGBA{0x00, 0x9e, 0x73, 0xff}
	colOrange     = color.RGBA{0xe6, 0x9f, 0x00, 0xff}
	colSky        = color.RGBA{0x56, 0xb4, 0xe9, 0xff}
	colPurple     = color.RGBA{0xcc, 0x79, 0xa7, 0xff}
	colYellow     = color.RGBA{0xf0, 0xe4, 0x42, 0xff}
	colBlack      = color.RGBA{0x22, 0x22, 0x22, 0xff}

	colFactor  = [model.NumFactors]color.Color{colOrange, colBlue, colGreen}
	colChannel = [model.NumChannels]color.Color{colOrange, colBlue, colGreen, colSky, colYellow, colPurple}
)

const barWidth = 0.62 // in years

// checkResults returns an error if res has no years or a non-finite value
// that a chart would draw.
func checkResults(res model.Results) error {
	if len(res.Years) == 0 {
		return ErrNoYears
	}
	for _, y := range res.Years {
		vs := []float64{y.GDP, y.Growth, y.DeltaGDP, y.II, y.IIShare, y.IICumulative}
		vs = append(vs, y.Contribution[:]...)
		vs = append(vs, y.Channel[:]...)
		for _, v := range vs {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("plots: results of %d hold a non-finite value", y.Year)
			}
		}
	}
	return nil
}

// checkPublished returns an error if pub's slices do not match its years
// or hold a non-finite value.
func checkPublished(pub *Published) error {
	if pub == nil {
		return nil
	}
	for _, s := range [][]float64{pub.II, pub.IISharePct} {
		if s != nil && len(s) != len(pub.Years) {
			return errors.New("plots: published values and years differ in length")
		}
		for _, v := range s {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return errors.New("plots: published values hold a non-finite value")
			}
		}
	}
	return nil
}

// span returns the first and last year of res.
func span(res model.Results) (first, last int) {
	return res.Years[0].Year, res.Years[len(res.Years)-1].Year
}

// series returns the years of res as x values and f of each year.
func series(res model.Results, f func(y *model.Year) float64) (xs, ys []float64) {
	xs = make([]float64, len(res.Years))
	ys = make([]float64, len(res.Years))
	for i := range res.Years {
		xs[i] = float64(res.Years[i].Year)
		ys[i] = f(&res.Years[i])
	}
	return xs, ys
}

func pubXs(pub *Published) []float64 {
	xs := make([]float64, len(pub.Years))
	for i, y := range pub.Years {
		xs[i] = float64(y)
	}
	return xs
}

// caption joins the sentences of a caption.
func (t *Theme) caption(parts ...string) string {
	var nonEmpty []string
	for _, p := range parts {
		if p != "" {
			nonEmpty = append(nonEmpty, p)
		}
	}
	return strings.Join(nonEmpty, t.lbl.Sentence)
}

func (t *Theme) pricesNote(res model.Results) string {
	return fmt.Sprintf(t.lbl.PricesF, res.Years[0].Year-1)
}

// valueStyle returns the style of value labels.
func (t *Theme) valueStyle() text.Style { return t.style(vg.Points(sizeValue), colorText) }

func labelsAt(t *Theme, xs, ys []float64, d int, suffix string) *valueLabels {
	l := &valueLabels{xs: xs, ys: append([]float64(nil), ys...), values: ys, style: t.valueStyle(), offset: vg.Points(4)}
	for _, v := range ys {
		l.texts = append(l.texts, formatNumber(v, d)+suffix)
		l.below = append(l.below, v < 0)
	}
	return l
}

// glyphs of the charts.
func circle(c color.Color, r float64) draw.GlyphStyle {
	return draw.GlyphStyle{Color: c, Radius: vg.Points(r), Shape: draw.CircleGlyph{}}
}

// ringGlyph is a circle outline of a given stroke width, the marker of a
// published value.
type ringGlyph struct{ width vg.Length }

// DrawGlyph implements draw.GlyphDrawer.
func (g ringGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	c.SetLineStyle(draw.LineStyle{Color: sty.Color, Width: g.width})
	var p vg.Path
	p.Move(vg.Point{X: pt.X + sty.Radius, Y: pt.Y})
	p.Arc(pt, sty.Radius, 0, 2*math.Pi)
	p.Close()
	c.Stroke(p)
}

// dotGlyph is a white disc with a dark rim: the total of stacked bars,
// visible on any bar colour and on the background. The rim is 1.6 points
// wide, or rim when that is not zero.
type dotGlyph struct{ rim vg.Length }

// DrawGlyph implements draw.GlyphDrawer.
func (g dotGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	rim := g.rim
	if rim == 0 {
		rim = vg.Points(1.6)
	}
	var p vg.Path
	p.Move(vg.Point{X: pt.X + sty.Radius, Y: pt.Y})
	p.Arc(pt, sty.Radius, 0, 2*math.Pi)
	p.Close()
	c.SetColor(color.White)
	c.Fill(p)
	c.SetLineStyle(draw.LineStyle{Color: sty.Color, Width: rim})
	c.Stroke(p)
}

var (
	totalGlyph    = draw.GlyphStyle{Color: colBlack, Radius: vg.Points(4), Shape: dotGlyph{}}
	pubBarGlyph   = draw.GlyphStyle{Color: colBlack, Radius: vg.Points(10), Shape: dashGlyph{}}
	pubPointGlyph = draw.GlyphStyle{Color: colBlack, Radius: vg.Points(5.5), Shape: ringGlyph{width: vg.Points(1.4)}}
)

// zeroLine draws the line y = 0 across the data area when the y range
// holds negative values.
type zeroLine struct{}

// Plot implements plot.Plotter.
func (zeroLine) Plot(c draw.Canvas, p *plot.Plot) {
	if p.Y.Min >= 0 || p.Y.Max <= 0 {
		return
	}
	y := c.Y(p.Y.Norm(0))
	c.StrokeLine2(draw.LineStyle{Color: colorAxis, Width: vg.Points(0.8)}, c.Min.X, y, c.Max.X, y)
}

// IIIncrement returns the report's chart: bars of the II GDP increment per
// year (亿元, left axis) and the II share of GDP growth (%) as a line on a
// right-hand axis, with value labels. When pub is not nil its values are
// drawn as markers (a black bar over each bar, a ring on the line).
//
// gonum/plot has one value axis, so the share is drawn in left-axis units:
// the right axis is chosen with as many intervals as the left one, so that
// both share the gridlines, and placed so that the line runs above the bars.
func IIIncrement(t *Theme, res model.Results, pub *Published) (*Chart, error) {
	if err := checkResults(res); err != nil {
		return nil, err
	}
	if err := checkPublished(pub); err != nil {
		return nil, err
	}
	t = t.theme()
	l := t.lbl
	first, last := span(res)
	c := newChart(t, fmt.Sprintf(l.IITitleF, first, last), l.IIAxis)

	xs, ii := series(res, func(y *model.Year) float64 { return y.II })
	_, share := series(res, func(y *model.Year) float64 { return 100 * y.IIShare })
	barVals := append([]float64(nil), ii...)
	shareVals := append([]float64(nil), share...)
	if pub != nil {
		barVals = append(barVals, pub.II...)
		shareVals = append(shareVals, pub.IISharePct...)
	}
	left, right := twinAxes(barVals, shareVals)
	left.apply(&c.Plot.Y)
	c.right = right
	c.right.label = l.IIShareAxis
	c.setYears(first, last)
	if pub != nil {
		for _, y := range pub.Years {
			c.Plot.X.Min = math.Min(c.Plot.X.Min, float64(y)-0.5)
			c.Plot.X.Max = math.Max(c.Plot.X.Max, float64(y)+0.5)
		}
	}

	bars := newStackedBars(xs, barWidth, [][]float64{ii}, []color.Color{colBlue})
	shareY := make([]float64, len(share))
	for i, s := range share {
		shareY[i] = right.toLeft(s)
	}
	line := draw.LineStyle{Color: colVermillion, Width: vg.Points(2)}
	dot := circle(colVermillion, 3.2)
	barLabels := labelsAt(t, xs, ii, 1, "")
	barLabels.offset = vg.Points(5)
	c.Plot.Add(zeroLine{}, bars)
	c.Plot.Add(&polyline{xs: xs, ys: shareY, line: line}, &points{xs: xs, ys: shareY, glyph: dot})
	shareLabels := labelsAt(t, xs, share, 1, "%")
	shareLabels.ys = shareY
	shareLabels.offset = vg.Points(9) // clear of a published ring (radius 5.5 + stroke)
	shareLabels.style.Color = colVermillion
	if pub != nil {
		// A label goes beyond whichever of the model's value and the
		// published one is further out, so that no marker strikes it
		// through; a gap wider than the printed precision is drawn.
		if pub.II != nil {
			c.gaps[0] = clearOf(barLabels, pub.Years, pub.II, func(v float64) float64 { return v })
			c.Plot.Add(c.gaps[0])
		}
		if pub.IISharePct != nil {
			c.gaps[1] = clearOf(shareLabels, pub.Years, pub.IISharePct, right.toLeft)
			c.Plot.Add(c.gaps[1])
		}
	}
	c.Plot.Add(barLabels, shareLabels)
	c.pubLabels = [2]*valueLabels{barLabels, shareLabels}

	c.addLegend(l.IIAxis, swatch{colBlue})
	c.addLegend(l.IIShareAxis, lineThumb{line: line, glyph: &dot})
	source := l.SourceModel
	if pub != nil {
		px := pubXs(pub)
		if pub.II != nil {
			c.Plot.Add(&points{xs: px, ys: pub.II, glyph: pubBarGlyph})
			c.addLegend(l.IIPublished, lineThumb{glyph: &pubBarGlyph})
		}
		if pub.IISharePct != nil {
			py := make([]float64, len(pub.IISharePct))
			for i, s := range pub.IISharePct {
				py[i] = right.toLeft(s)
			}
			c.Plot.Add(&points{xs: px, ys: py, glyph: pubPointGlyph})
			c.addLegend(l.SharePublished, lineThumb{glyph: &pubPointGlyph})
		}
		source = l.SourceReport
	}
	c.Caption = t.caption(t.pricesNote(res), source)
	return c, nil
}

// gapLine is a dotted vertical line from the model's value to the
// published one, where they differ by more than the printed precision.
type gapLine struct {
	xs, from, to []float64
}

// Plot implements plot.Plotter.
func (g *gapLine) Plot(c draw.Canvas, p *plot.Plot) {
	ls := draw.LineStyle{Color: colBlack, Width: vg.Points(1), Dashes: []vg.Length{vg.Points(1.5), vg.Points(1.5)}}
	for i, x := range g.xs {
		px := c.X(p.X.Norm(x))
		c.StrokeLines(ls, c.ClipLinesXY([]vg.Point{{X: px, Y: c.Y(p.Y.Norm(g.from[i]))}, {X: px, Y: c.Y(p.Y.Norm(g.to[i]))}})...)
	}
}

// clearOf moves each label of l that has a published value (vals, by
// years; toY maps one to the label's y units) beyond it when the
// published value is further from zero than the labelled one, and returns
// the gaps wider than the printed precision (one decimal), to be drawn.
func clearOf(l *valueLabels, years []int, vals []float64, toY func(float64) float64) *gapLine {
	g := &gapLine{}
	for i, x := range l.xs {
		k := slices.Index(years, int(x))
		if k < 0 {
			continue
		}
		model, published := l.ys[i], toY(vals[k])
		if math.Abs(l.values[i]-vals[k]) > 0.1+1e-9 {
			g.xs, g.from, g.to = append(g.xs, x), append(g.from, model), append(g.to, published)
		}
		if l.below[i] {
			l.ys[i] = math.Min(model, published)
		} else {
			l.ys[i] = math.Max(model, published)
		}
	}
	return g
}

// Where the second series of a twin-axis chart goes, as fractions of the
// height of the data area: bars end below barsTop; the line runs between
// the bars' top plus lineGap and lineTop.
const (
	barsTop = 0.58
	lineGap = 0.10
	lineTop = 0.90
)

// twinAxes returns the left range for bars of values bars (zero
// included) and a right axis for a line of values line. The left range is
// tall enough that the bars fill at most barsTop of it. The right axis has
// as many intervals as the left, so that its ticks fall on the left's
// gridlines, a step from niceSteps and a start that puts the line in the
// band above the bars. Among the axes that do this it prefers one that
// starts at zero (for a line of one sign), a left range no taller than
// needed, and the line centred in its band.
func twinAxes(bars, line []float64) (axisRange, *rightAxis) {
	lo, hi := 0.0, 0.0
	for _, v := range bars {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	if hi == lo {
		hi = lo + 1
	}
	left := niceRange(lo, lo+(hi-lo)/barsTop, 8)
	if left.steps() < 4 { // too few intervals to place the line: halve the step
		left.Step /= 2
	}
	smin, smax := math.Inf(1), math.Inf(-1)
	for _, v := range line {
		smin, smax = math.Min(smin, v), math.Max(smax, v)
	}
	// The right axis spans at least half the line's magnitude, so that a
	// flat line gets a sensible scale.
	floor := 0.5 * math.Max(math.Abs(smin), math.Abs(smax))
	if floor == 0 {
		floor = 1
	}

	best := struct {
		cost       float64
		extra      int
		rmin, step float64
		found      bool
	}{cost: math.Inf(1)}
	for extra := 0; extra <= 3; extra++ {
		n := float64(left.steps() + extra)
		height := n * left.Step
		bandLo := (hi-left.Min)/height + lineGap
		need := math.Max((smax-smin)/(lineTop-bandLo), floor)
		mag := math.Pow(10, math.Floor(math.Log10(need/n)))
		for e := 0; e < 4; e++ {
			for _, m := range niceSteps {
				step := m * mag * math.Pow(10, float64(e))
				if n*step < need*(1-1e-9) {
					continue
				}
				kmax := math.Floor((smin-bandLo*n*step)/step + 1e-9)
				kmin := math.Ceil((smax-lineTop*n*step)/step - 1e-9)
				for k := kmin; k <= kmax; k++ {
					mid := ((smin+smax)/2 - k*step) / (n * step)
					cost := float64(extra) + 4*math.Abs(mid-(bandLo+lineTop)/2)
					if smin >= 0 && k < 0 || smax <= 0 && k+n > 0 {
						cost += 3 // the axis crosses zero though the line does not
					}
					if k != 0 && k+n != 0 {
						cost += 1.5 // the axis does not start (or end) at zero
					}
					if z := -left.Min / left.Step; k < 0 && k+n > 0 && z > 0 && math.Abs(z+k) > 1e-9 {
						cost += 3 // both axes hold zero, at different heights
					}
					if cost < best.cost-1e-9 {
						best.cost, best.extra, best.rmin, best.step, best.found = cost, extra, k*step, step, true
					}
				}
			}
		}
	}
	if !best.found {
		// Only for non-finite values: with three extra steps on the left
		// some step of the search always fits.
		panic("plots: no right axis fits the line")
	}
	left.Max += float64(best.extra) * left.Step
	n := float64(left.steps())
	r := &rightAxis{scale: (left.Max - left.Min) / (n * best.step)}
	r.offset = left.Min - best.rmin*r.scale
	d := decimals(best.step)
	for i := 0; i <= int(n); i++ {
		v := best.rmin + float64(i)*best.step
		r.ticks = append(r.ticks, plot.Tick{Value: v, Label: formatNumber(v, d)})
	}
	return left, r
}

// Decomposition returns stacked bars of the contributions of labour,
// capital and TFP to GDP growth per year (percentage points), with total
// growth as a line. Positive contributions stack upward from zero and
// negative ones downward, so a recession year reads correctly.
func Decomposition(t *Theme, res model.Results) (*Chart, error) {
	if err := checkResults(res); err != nil {
		return nil, err
	}
	t = t.theme()
	l := t.lbl
	first, last := span(res)
	c := newChart(t, fmt.Sprintf(l.DecompTitleF, first, last), l.DecompAxis)
	c.setYears(first, last)

	var vals [][]float64
	var xs []float64
	for f := range model.NumFactors {
		var v []float64
		xs, v = series(res, func(y *model.Year) float64 { return 100 * y.Contribution[f] })
		vals = append(vals, v)
	}
	_, growth := series(res, func(y *model.Year) float64 { return 100 * y.Growth })
	bars := newStackedBars(xs, barWidth, vals, colFactor[:])
	bars.label = func(v float64) string { return formatNumber(v, 1) }
	bars.labelStyle = t.valueStyle()
	bars.marks, bars.markR = growth, totalGlyph.Radius
	c.setStackRange(bars, growth)

	c.Plot.Add(bars, zeroLine{},
		&points{xs: xs, ys: growth, glyph: totalGlyph},
		totalLabels(t, bars, xs, growth))
	for f := range model.NumFactors {
		c.addLegend(l.Factor[f], swatch{colFactor[f]})
	}
	c.addLegend(l.GrowthLine, lineThumb{glyph: &totalGlyph})
	c.Caption = t.caption(l.SourceModel)
	return c, nil
}

// totalLabels labels the totals of stacked bars: above the bar when the
// total is positive, below it when negative.
func totalLabels(t *Theme, bars *stackedBars, xs, totals []float64) *valueLabels {
	lo, hi := bars.extent()
	l := labelsAt(t, xs, totals, 1, "")
	for i, v := range totals {
		if v >= 0 {
			l.ys[i] = math.Max(v, hi[i])
		} else {
			l.ys[i] = math.Min(v, lo[i])
		}
	}
	l.style.Color = colBlack
	l.offset = vg.Points(6)
	return l
}

// setStackRange sets the y range to cover the bars and extra values.
func (c *Chart) setStackRange(bars *stackedBars, extra []float64) {
	_, _, lo, hi := bars.DataRange()
	for _, v := range extra {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	niceRange(lo, hi, 8).apply(&c.Plot.Y)
}

// Channels returns stacked bars of the II GDP increment per year by
// channel (labour, capital, and the TFP dimensions TP, TE, SE, AE; 亿元),
// with the total as a line. Channels that are zero in every year (by
// default labour and scale efficiency) are left out and named in the
// caption. Signs stack as in [Decomposition].
func Channels(t *Theme, res model.Results) (*Chart, error) {
	if err := checkResults(res); err != nil {
		return nil, err
	}
	t = t.theme()
	l := t.lbl
	first, last := span(res)
	c := newChart(t, fmt.Sprintf(l.ChannelTitleF, first, last), l.IIAxis)
	c.setYears(first, last)

	var vals [][]float64
	var cols []color.Color
	var shown []model.Channel
	var hidden []string
	var xs []float64
	for ch := range model.Channel(model.NumChannels) {
		var v []float64
		xs, v = series(res, func(y *model.Year) float64 { return y.Channel[ch] })
		if allZero(v) {
			hidden = append(hidden, l.Channel[ch])
			continue
		}
		vals = append(vals, v)
		cols = append(cols, colChannel[ch])
		shown = append(shown, ch)
	}
	_, total := series(res, func(y *model.Year) float64 { return y.II })
	bars := newStackedBars(xs, barWidth, vals, cols)
	bars.label = func(v float64) string { return formatNumber(v, 0) }
	bars.labelStyle = t.valueStyle()
	bars.marks, bars.markR = total, totalGlyph.Radius
	c.setStackRange(bars, total)

	c.Plot.Add(bars, zeroLine{},
		&points{xs: xs, ys: total, glyph: totalGlyph},
		totalLabels(t, bars, xs, total))
	for i, ch := range shown {
		c.addLegend(l.Channel[ch], swatch{cols[i]})
	}
	c.addLegend(l.Total, lineThumb{glyph: &totalGlyph})
	var notShown string
	if len(hidden) > 0 {
		notShown = fmt.Sprintf(l.NotShownF, strings.Join(hidden, l.ListSep))
	}
	c.Caption = t.caption(notShown, t.pricesNote(res), l.SourceModel)
	return c, nil
}

func allZero(v []float64) bool {
	for _, x := range v {
		if x != 0 {
			return false
		}
	}
	return true
}

// Cumulative returns the cumulative II GDP increment over the span (亿元)
// as a line over a shaded area, with value labels. When pub has II values
// their running sum is drawn as markers.
func Cumulative(t *Theme, res model.Results, pub *Published) (*Chart, error) {
	if err := checkResults(res); err != nil {
		return nil, err
	}
	if err := checkPublished(pub); err != nil {
		return nil, err
	}
	t = t.theme()
	l := t.lbl
	first, last := span(res)
	c := newChart(t, fmt.Sprintf(l.CumTitleF, first, last), l.CumAxis)
	c.setYears(first, last)

	xs, cum := series(res, func(y *model.Year) float64 { return y.IICumulative })
	all := append([]float64{0}, cum...)
	var pubCum []float64
	if pub != nil && pub.II != nil {
		var s float64
		for _, v := range pub.II {
			s += v
			pubCum = append(pubCum, s)
		}
		all = append(all, pubCum...)
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range all {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	niceRange(lo, hi, 8).apply(&c.Plot.Y)

	line := draw.LineStyle{Color: colBlue, Width: vg.Points(2)}
	dot := circle(colBlue, 3.2)
	fill := color.NRGBA{0x00, 0x72, 0xb2, 0x30}
	c.Plot.Add(zeroLine{},
		&polyline{xs: xs, ys: cum, line: line, fill: fill},
		&points{xs: xs, ys: cum, glyph: dot})
	lab := labelsAt(t, xs, cum, 1, "")
	lab.offset = vg.Points(8) // clear of the published rings
	c.Plot.Add(lab)
	c.addLegend(l.CumLine, lineThumb{line: line, glyph: &dot})
	source := l.SourceModel
	if pubCum != nil {
		c.Plot.Add(&points{xs: pubXs(pub), ys: pubCum, glyph: pubPointGlyph})
		c.addLegend(l.CumPublished, lineThumb{glyph: &pubPointGlyph})
		source = l.SourceReport
	}
	c.Caption = t.caption(t.pricesNote(res), source)
	return c, nil
}
