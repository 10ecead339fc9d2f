package plots

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"simulate/history"
	"simulate/model"
	"simulate/pwt"
)

// ErrNoCountries is returned by the charts comparing countries when given
// none.
var ErrNoCountries = errors.New("plots: no countries to compare")

// HistoryCompareTFP returns the contribution of TFP to GDP growth of each
// country of hs, year by year (log points), one line each in the look of
// [CompareGrowth]'s scenarios. dataFile names the data as for [History].
func HistoryCompareTFP(t *Theme, hs []history.Result, dataFile string) (*Chart, error) {
	if len(hs) == 0 {
		return nil, ErrNoCountries
	}
	t = t.theme()
	l := t.lbl
	var ls lineSet
	first, last := math.MaxInt, math.MinInt
	for i, h := range hs {
		if len(h.Rows) == 0 {
			return nil, fmt.Errorf("plots: %s: %w", h.ISO, ErrNoYears)
		}
		var xs, ys []float64
		for _, r := range h.Rows {
			if math.IsNaN(r.TFP) || math.IsInf(r.TFP, 0) {
				return nil, fmt.Errorf("plots: history of %s, %d holds a non-finite value", h.ISO, r.Year)
			}
			xs, ys = append(xs, float64(r.Year)), append(ys, r.TFP)
		}
		first, last = min(first, h.Rows[0].Year), max(last, h.Rows[len(h.Rows)-1].Year)
		ls.names = append(ls.names, t.country(h))
		ls.xs, ls.ys = append(ls.xs, xs), append(ls.ys, ys)
		ls.style = append(ls.style, i)
	}
	// Long spans: smaller markers, as History's growth markers.
	if _, g := scenarioStyle(0); growthGlyph(float64(last-first+1)).Radius < g.Radius {
		ls.radius = growthGlyph(float64(last - first + 1)).Radius
	}
	caption := t.caption(l.HistUnits, t.compareInputs(hs), dataSource(t, dataFile))
	return compareChart(t, fmt.Sprintf(l.HistCmpTFPTitleF, first, last), l.HistCmpTFPAxis, first, last, ls, true, caption), nil
}

// compareInputs returns the caption's sentence on the inputs of several
// countries: the capital input, and the labour measures of each country
// with the years it has no hours.
func (t *Theme) compareInputs(hs []history.Result) string {
	l := t.lbl
	var parts []string
	for _, h := range hs {
		var ms []string
		for _, m := range h.Measures() {
			ms = append(ms, m.String())
		}
		var fallback []int
		if len(h.Measures()) > 1 {
			for _, r := range h.Rows {
				if r.LabourMeasure != pwt.LabourHoursHC {
					fallback = append(fallback, r.Year)
				}
			}
		}
		var fb string
		if len(fallback) > 0 {
			fb = fmt.Sprintf(l.HistCmpFallbackF, strings.Join(yearRanges(fallback), l.ListSep))
		}
		parts = append(parts, fmt.Sprintf(l.HistCmpMeasureF, h.ISO, strings.Join(ms, l.Else), fb))
	}
	return fmt.Sprintf(l.HistCmpInputsF, hs[0].Options.Capital, strings.Join(parts, l.SemiSep))
}

// CountryPeriods are a country's growth accounting and its means over
// periods, for [HistoryComparePeriods].
type CountryPeriods struct {
	History history.Result
	Means   []history.PeriodMean
}

// HistoryComparePeriods returns stacked bars of the mean contributions of
// labour quantity, labour quality, capital and TFP over each period (log
// points a year), a bar per country side by side within each period, with
// mean GDP growth as a marker; the periods are named above their groups.
// Every country must have the same periods, in the same order.
func HistoryComparePeriods(t *Theme, cps []CountryPeriods, dataFile string) (*Chart, error) {
	if len(cps) == 0 {
		return nil, ErrNoCountries
	}
	periods := make([]history.Period, len(cps[0].Means))
	for i, m := range cps[0].Means {
		periods[i] = m.Period
	}
	if len(periods) == 0 {
		return nil, errors.New("plots: no periods to compare")
	}
	for _, cp := range cps {
		if len(cp.Means) != len(periods) {
			return nil, fmt.Errorf("plots: %s has %d periods, %s %d", cp.History.ISO, len(cp.Means), cps[0].History.ISO, len(periods))
		}
		for i, m := range cp.Means {
			if m.Period != periods[i] {
				return nil, fmt.Errorf("plots: %s: period %d is %v, %s's %v", cp.History.ISO, i+1, m.Period, cps[0].History.ISO, periods[i])
			}
			for _, v := range []float64{m.GDP, m.LabourHours, m.LabourQuality, m.Capital, m.TFP} {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					return nil, fmt.Errorf("plots: %s, %v: a mean is not finite", cp.History.ISO, m.Period)
				}
			}
		}
	}
	t = t.theme()
	l := t.lbl
	names := make([]string, len(periods))
	for i, p := range periods {
		names[i] = fmt.Sprintf("%d–%d", p.From, p.To)
	}
	c := newChart(t, fmt.Sprintf(l.HistCmpPeriodTitleF, strings.Join(names, l.ListSep)), l.HistCmpPeriodAxis)
	c.Plot.X.Label.Text = l.HistCmpPeriodXAxis

	// Bar k of group g sits at g·(n+1) + k: a free slot between groups.
	n := len(cps)
	var xs, growth []float64
	vals := make([][]float64, 4) // labour quantity, quality, capital, TFP
	var ticks []plot.Tick
	anyQuality := false
	for g := range periods {
		for k, cp := range cps {
			m := cp.Means[g]
			x := float64(g*(n+1) + k)
			xs, growth = append(xs, x), append(growth, m.GDP)
			for s, v := range []float64{m.LabourHours, m.LabourQuality, m.Capital, m.TFP} {
				vals[s] = append(vals[s], v)
			}
			anyQuality = anyQuality || m.LabourQuality != 0
			ticks = append(ticks, plot.Tick{Value: x, Label: cp.History.ISO})
		}
	}
	cols := []color.Color{colFactor[model.Labor], colQuality, colFactor[model.Capital], colFactor[model.TFP]}
	legend := []string{l.labourName(joinRows(cps)), l.HistQuality, l.Factor[model.Capital], l.Factor[model.TFP]}
	if !anyQuality {
		vals = append(vals[:1], vals[2:]...)
		cols = append(cols[:1], cols[2:]...)
		legend = append(legend[:1], legend[2:]...)
	}
	bars := newStackedBars(xs, barWidth, vals, cols)
	glyph := totalGlyph
	bars.marks, bars.markR = growth, glyph.Radius
	if len(xs) <= labelledBars {
		bars.label = func(v float64) string { return formatNumber(v, 1) }
		bars.labelStyle = t.valueStyle()
	}
	c.Plot.X.Min, c.Plot.X.Max = -0.6, xs[len(xs)-1]+0.6
	c.Plot.X.Tick.Marker = plot.ConstantTicks(ticks)
	// Codes that would touch their neighbours are turned to read upwards.
	var w vg.Length
	for _, tk := range ticks {
		w = max(w, c.Plot.X.Tick.Label.Width(tk.Label))
	}
	if float64(w+vg.Points(4)) > dataWidth/(c.Plot.X.Max-c.Plot.X.Min) {
		c.Plot.X.Tick.Label.Rotation = math.Pi / 2
		c.Plot.X.Tick.Label.XAlign, c.Plot.X.Tick.Label.YAlign = draw.XRight, draw.YCenter
	}
	_, _, lo, hi := bars.DataRange()
	for _, v := range growth {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	hi += boundaryRoom * (hi - lo) // room for the period names
	niceRange(lo, hi, 8).apply(&c.Plot.Y)

	sty := t.style(vg.Points(sizeTick), colorText)
	groups := &periodGroups{names: names, style: sty}
	for g := range periods {
		groups.centres = append(groups.centres, float64(g*(n+1))+float64(n-1)/2)
		if g > 0 {
			groups.bounds = append(groups.bounds, float64(g*(n+1))-1)
		}
	}
	c.Plot.Add(bars, zeroLine{}, groups, &points{xs: xs, ys: growth, glyph: glyph})
	if len(xs) <= labelledBars {
		c.Plot.Add(totalLabels(t, bars, xs, growth))
	}
	for i, name := range legend {
		c.addLegend(name, swatch{cols[i]})
	}
	c.addLegend(l.HistGrowth, lineThumb{glyph: &glyph})
	hs := make([]history.Result, len(cps))
	for i, cp := range cps {
		hs[i] = cp.History
	}
	c.Caption = t.caption(l.HistCmpPeriodNote, l.HistUnits, t.compareInputs(hs), dataSource(t, dataFile))
	return c, nil
}

// dataWidth is about the width of the data area of a chart of the
// standard size, in points.
const dataWidth = 500

// joinRows returns a result holding the rows of every country, to name
// the labour measures they use together.
func joinRows(cps []CountryPeriods) history.Result {
	var h history.Result
	for _, cp := range cps {
		h.Rows = append(h.Rows, cp.History.Rows...)
	}
	return h
}

// periodGroups names the groups of bars of a period chart at the top of
// the data area, and separates them by dashed lines.
type periodGroups struct {
	names   []string
	centres []float64 // x of each name
	bounds  []float64 // x of each separator
	style   text.Style
}

// Plot implements plot.Plotter.
func (g *periodGroups) Plot(c draw.Canvas, p *plot.Plot) {
	ls := draw.LineStyle{Color: colorAxis, Width: vg.Points(0.8), Dashes: []vg.Length{vg.Points(4), vg.Points(3)}}
	for _, x := range g.bounds {
		cx := c.X(p.X.Norm(x))
		c.StrokeLine2(ls, cx, c.Min.Y, cx, c.Max.Y)
	}
	sty := g.style
	sty.XAlign, sty.YAlign = draw.XCenter, draw.YTop
	for i, x := range g.centres {
		c.FillText(sty, vg.Point{X: c.X(p.X.Norm(x)), Y: c.Max.Y - vg.Points(3)}, g.names[i])
	}
}
