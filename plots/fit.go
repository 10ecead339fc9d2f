package plots

import (
	"errors"
	"fmt"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"simulate/metrics"
	"simulate/model"
)

// FitPanel is one metric of a calibration, for [Fit]: the published
// targets against the values the calibrated model gives.
type FitPanel struct {
	Metric  string // the metric's name, e.g. "ii_increment_yi" (drawn in words)
	Unit    string // the metric's unit, e.g. "亿元" or "%"
	PerYear bool   // the points are years (FitPoint.Year); else one point, such as a period total
	Points  []FitPoint
	// First and Last are the span a period total sums over, for its
	// label; 0 leaves the span out.
	First, Last int
}

// FitPoint is one target of a [FitPanel].
type FitPoint struct {
	Year      int     // the target's year, for a per-year metric
	Published float64 // the published value, the target
	Precision float64 // the published value's printed precision (0.1 for one decimal), or 0
	Fitted    float64 // the metric at the calibrated inputs
}

// ErrNoPanels is returned by Fit for a calibration without targets.
var ErrNoPanels = errors.New("plots: no fit panel to draw")

// Fit returns the chart of a calibration's fit, spec being the
// calibration spec's name: one panel per metric, one above the other, each
// showing the published values, with bars of ± half the printed
// precision, against the fitted ones, by year for a per-year metric. It
// is of the family of the other charts: their size, fonts, colours and
// languages, a title, a legend and a caption.
func Fit(t *Theme, spec string, panels []FitPanel) (*Chart, error) {
	if len(panels) == 0 {
		return nil, ErrNoPanels
	}
	t = t.theme()
	l := t.lbl
	c := &Chart{Title: l.FitTitle, theme: t}
	for _, fp := range panels {
		p, err := fitPanel(t, fp)
		if err != nil {
			return nil, fmt.Errorf("plots: fit of %s: %w", fp.Metric, err)
		}
		c.panels = append(c.panels, p)
	}
	c.addLegend(l.FitPublished, &errThumb{}, lineThumb{glyph: &pubPointGlyph})
	c.addLegend(l.FitFitted, lineThumb{line: fitLine, glyph: &fitGlyph})
	keys := ""
	for i, fp := range panels {
		if i > 0 {
			keys += l.ListSep
		}
		keys += fp.Metric
	}
	c.Caption = t.caption(fmt.Sprintf(l.FitCaptionF, spec), fmt.Sprintf(l.FitKeysF, keys), l.SourceModel)
	return c, nil
}

var (
	fitLine  = draw.LineStyle{Color: colVermillion, Width: vg.Points(1.6)}
	fitGlyph = draw.GlyphStyle{Color: colVermillion, Radius: vg.Points(4), Shape: draw.CrossGlyph{}}
)

// errThumb is the legend's thumbnail of an error bar.
type errThumb struct{}

// Thumbnail implements plot.Thumbnailer.
func (errThumb) Thumbnail(c *draw.Canvas) {
	x := (c.Min.X + c.Max.X) / 2
	ls := draw.LineStyle{Color: colBlack, Width: vg.Points(1)}
	c.StrokeLine2(ls, x, c.Min.Y, x, c.Max.Y)
	c.StrokeLine2(ls, x-vg.Points(3), c.Min.Y, x+vg.Points(3), c.Min.Y)
	c.StrokeLine2(ls, x-vg.Points(3), c.Max.Y, x+vg.Points(3), c.Max.Y)
}

// errBars draws vertical error bars at xs from lo to hi.
type errBars struct{ xs, lo, hi []float64 }

// Plot implements plot.Plotter.
func (b *errBars) Plot(c draw.Canvas, p *plot.Plot) {
	ls := draw.LineStyle{Color: colBlack, Width: vg.Points(1)}
	for i, x := range b.xs {
		if b.hi[i] == b.lo[i] {
			continue
		}
		xm := c.X(p.X.Norm(x))
		y0, y1 := c.Y(p.Y.Norm(b.lo[i])), c.Y(p.Y.Norm(b.hi[i]))
		w := vg.Points(4)
		c.StrokeLines(ls, c.ClipLinesXY([]vg.Point{{X: xm, Y: y0}, {X: xm, Y: y1}})...)
		c.StrokeLines(ls, c.ClipLinesXY([]vg.Point{{X: xm - w, Y: y0}, {X: xm + w, Y: y0}})...)
		c.StrokeLines(ls, c.ClipLinesXY([]vg.Point{{X: xm - w, Y: y1}, {X: xm + w, Y: y1}})...)
	}
}

// fitPanel draws the targets of one metric.
func fitPanel(t *Theme, fp FitPanel) (*plot.Plot, error) {
	ts := fp.Points
	if len(ts) == 0 {
		return nil, errors.New("no targets")
	}
	l := t.sens()
	words := fp.Metric
	if m, err := metrics.Parse(fp.Metric); err == nil {
		words = m.LabelOver(l.lang, fp.First, fp.Last)
	}
	c := newChart(t, "", model.UnitLabel(fp.Unit, l.lang))
	p := c.Plot
	p.Title.Text = words
	p.Title.TextStyle = t.style(vg.Points(sizeAxis), colorText)
	p.Title.TextStyle.XAlign = draw.XCenter
	p.Title.Padding = vg.Points(4)
	xs := make([]float64, len(ts))
	pub := make([]float64, len(ts))
	fit := make([]float64, len(ts))
	lo := make([]float64, len(ts))
	hi := make([]float64, len(ts))
	var ticks []plot.Tick
	vals := []float64{}
	for i, pt := range ts {
		for _, v := range []float64{pt.Published, pt.Fitted, pt.Precision} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, errors.New("a value is not finite")
			}
		}
		x := float64(i)
		if fp.PerYear {
			x = float64(pt.Year)
			ticks = append(ticks, plot.Tick{Value: x, Label: strconv.Itoa(pt.Year)})
		}
		xs[i], pub[i], fit[i] = x, pt.Published, pt.Fitted
		lo[i], hi[i] = pt.Published-pt.Precision/2, pt.Published+pt.Precision/2
		vals = append(vals, lo[i], hi[i], pt.Fitted)
	}
	if fp.PerYear {
		p.X.Tick.Marker = plot.ConstantTicks(ticks)
		p.X.Min, p.X.Max = xs[0]-0.5, xs[len(xs)-1]+0.5
	} else {
		p.X.Tick.Marker = plot.ConstantTicks(nil)
		p.X.Min, p.X.Max = xs[0]-1, xs[len(xs)-1]+1
	}
	p.X.Label.Text = ""
	ymin, ymax := math.Inf(1), math.Inf(-1)
	for _, v := range vals {
		ymin, ymax = math.Min(ymin, v), math.Max(ymax, v)
	}
	pad := 0.08 * math.Max(ymax-ymin, 1e-9*math.Max(1, math.Abs(ymax)))
	niceRange(ymin-pad, ymax+pad, 5).apply(&p.Y)
	if fp.PerYear {
		p.Add(&polyline{xs: xs, ys: fit, line: fitLine})
	}
	p.Add(&errBars{xs: xs, lo: lo, hi: hi}, &points{xs: xs, ys: pub, glyph: pubPointGlyph}, &points{xs: xs, ys: fit, glyph: fitGlyph})
	return p, nil
}

// drawPanels draws the panels of c on pc, the area between the title and
// the legend: one, or two side by side in as many rows as needed.
func (c *Chart) drawPanels(pc draw.Canvas) {
	pc.Max.Y -= vg.Points(6)
	n := len(c.panels)
	cols := min(n, 2)
	rows := (n + cols - 1) / cols
	gapX, gapY := vg.Points(18), vg.Points(22)
	w := (pc.Max.X - pc.Min.X - gapX*vg.Length(cols-1)) / vg.Length(cols)
	h := (pc.Max.Y - pc.Min.Y - gapY*vg.Length(rows-1)) / vg.Length(rows)
	for i, p := range c.panels {
		r, k := i/cols, i%cols
		sub := pc
		sub.Min.X = pc.Min.X + vg.Length(k)*(w+gapX)
		sub.Max.X = sub.Min.X + w
		sub.Max.Y = pc.Max.Y - vg.Length(r)*(h+gapY)
		sub.Min.Y = sub.Max.Y - h
		p.Draw(sub)
	}
}
