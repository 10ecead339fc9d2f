package sensplot

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"simulate/sensitivity"
)

func newPlot(title, xLabel, yLabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = xLabel
	p.Y.Label.Text = yLabel
	p.Add(plotter.NewGrid())
	return p
}

// SweepLine returns the line chart of a one-range sweep: the metric (y)
// against the range's values (x).
func SweepLine(s *sensitivity.SweepResult, title, xLabel, yLabel string) (*plot.Plot, error) {
	if len(s.Ranges) != 1 {
		return nil, errors.New("sensplot: a line chart shows a sweep of one range")
	}
	p := newPlot(title, xLabel, yLabel)
	xys := make(plotter.XYs, len(s.X))
	for i, x := range s.X {
		xys[i] = plotter.XY{X: x, Y: s.Z[i]}
	}
	l, err := plotter.NewLine(xys)
	if err != nil {
		return nil, err
	}
	l.Color = colorLine
	l.Width = vg.Points(1.5)
	p.Add(l)
	return p, nil
}

// grid adapts a two-range sweep to plotter.GridXYZ: columns are the first
// range, rows the second.
type grid struct{ s *sensitivity.SweepResult }

func (g grid) Dims() (c, r int)   { return len(g.s.X), len(g.s.Y) }
func (g grid) Z(c, r int) float64 { return g.s.At(c, r) }
func (g grid) X(c int) float64    { return g.s.X[c] }
func (g grid) Y(r int) float64    { return g.s.Y[r] }
func (g grid) minMax() (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, z := range g.s.Z {
		lo, hi = min(lo, z), max(hi, z)
	}
	if lo == hi { // a flat surface still needs a colour scale
		lo, hi = lo-0.5, hi+0.5
	}
	return lo, hi
}

// heatmap is a heat map with its colour bar on the right.
type heatmap struct {
	heat, bar *plot.Plot
}

// barWidth is the width of the colour bar's column, including its axis.
const barWidth = 2.6 * vg.Centimeter

// Draw draws the heat map and, beside it, the colour bar aligned with the
// heat map's data area.
func (h heatmap) Draw(c draw.Canvas) {
	left := draw.Crop(c, 0, -barWidth, 0, 0)
	h.heat.Draw(left)
	// Align the bar with the heat map's data area: the plot's own
	// DataCanvas tells where that is.
	area := h.heat.DataCanvas(left)
	right := draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
		Min: vg.Point{X: c.Max.X - barWidth + vg.Millimeter*3, Y: area.Min.Y},
		Max: vg.Point{X: c.Max.X, Y: area.Max.Y},
	}}
	h.bar.Draw(right)
}

// SweepHeatmap returns the heat map of a two-range sweep, with a colour
// bar labelled zLabel.
func SweepHeatmap(s *sensitivity.SweepResult, title, xLabel, yLabel, zLabel string) (Drawer, error) {
	if len(s.Ranges) != 2 {
		return nil, errors.New("sensplot: a heat map shows a sweep of two ranges")
	}
	g := grid{s}
	lo, hi := g.minMax()
	cm := moreland.SmoothBlueRed()
	cm.SetMin(lo)
	cm.SetMax(hi)
	hm := plotter.NewHeatMap(g, cm.Palette(255))
	hm.Min, hm.Max = lo, hi
	hm.Rasterized = true
	p := newPlot(title, xLabel, yLabel)
	p.Add(hm)
	p.X.Padding, p.Y.Padding = 0, 0

	bar := plot.New()
	cb := &plotter.ColorBar{ColorMap: cm, Vertical: true}
	bar.Add(cb)
	bar.HideX()
	bar.Y.Padding = 0
	bar.Y.Label.Text = zLabel
	bar.Y.Label.Position = draw.PosCenter
	return heatmap{heat: p, bar: bar}, nil
}

// spans draws horizontal or vertical rectangles between data values: the
// bars of a tornado (horizontal, from the base to each end) and of Sobol
// indices (vertical, from 0).
type spans struct {
	rects      []rect
	color      color.Color
	horizontal bool
}

// rect spans [a, b] along the value axis, [c−w/2, c+w/2] across.
type rect struct{ a, b, c, w float64 }

func (s *spans) Plot(c draw.Canvas, plt *plot.Plot) {
	tx, ty := plt.Transforms(&c)
	for _, r := range s.rects {
		x0, x1 := tx(r.a), tx(r.b)
		y0, y1 := ty(r.c-r.w/2), ty(r.c+r.w/2)
		if !s.horizontal {
			x0, x1 = tx(r.c-r.w/2), tx(r.c+r.w/2)
			y0, y1 = ty(r.a), ty(r.b)
		}
		pts := []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}}
		c.FillPolygon(s.color, c.ClipPolygonXY(pts))
	}
}

func (s *spans) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for _, r := range s.rects {
		v0, v1 := min(r.a, r.b), max(r.a, r.b)
		a0, a1 := r.c-r.w/2, r.c+r.w/2
		if !s.horizontal {
			v0, v1, a0, a1 = a0, a1, v0, v1
		}
		xmin, xmax = min(xmin, v0), max(xmax, v1)
		ymin, ymax = min(ymin, a0), max(ymax, a1)
	}
	return xmin, xmax, ymin, ymax
}

func (s *spans) Thumbnail(c *draw.Canvas) {
	pts := []vg.Point{{X: c.Min.X, Y: c.Min.Y}, {X: c.Max.X, Y: c.Min.Y}, {X: c.Max.X, Y: c.Max.Y}, {X: c.Min.X, Y: c.Max.Y}}
	c.FillPolygon(s.color, c.ClipPolygonXY(pts))
}

// Tornado returns a tornado diagram: for each bar, largest swing at the
// top, a span from the base value of the metric to its value at the
// input's low value and one to its value at the high value.
func Tornado(bars []sensitivity.Bar, base float64, title, metricLabel string) (*plot.Plot, error) {
	if len(bars) == 0 {
		return nil, errors.New("sensplot: a tornado diagram needs at least one bar")
	}
	p := newPlot(title, metricLabel, " ") // the blank label keeps long tick labels off the edge
	low := &spans{color: colorLow, horizontal: true}
	high := &spans{color: colorHigh, horizontal: true}
	names := make([]string, len(bars))
	n := len(bars)
	for i, b := range bars {
		y := float64(n - 1 - i)
		low.rects = append(low.rects, rect{base, b.MetricLow, y, 0.6})
		high.rects = append(high.rects, rect{base, b.MetricHigh, y, 0.6})
		names[n-1-i] = fmt.Sprintf("%s [%s, %s]", b.Label(), sig(b.Low, 4), sig(b.High, 4))
	}
	p.Add(low, high)
	baseLine, err := plotter.NewLine(plotter.XYs{{X: base, Y: -0.5}, {X: base, Y: float64(n) - 0.5}})
	if err != nil {
		return nil, err
	}
	baseLine.Color = colorBase
	baseLine.Dashes = []vg.Length{vg.Points(3), vg.Points(2)}
	p.Add(baseLine)
	p.NominalY(names...)
	p.Legend.Add("input at its low value", low)
	p.Legend.Add("input at its high value", high)
	p.Legend.Add("base "+sig(base, 7), baseLine)
	p.Legend.Top = true
	// Room above the bars for the legend.
	p.Y.Min, p.Y.Max = -0.5, float64(n)+0.9
	return p, nil
}

// Fan returns a fan chart over years: the median as a line, the 25–75 %
// and 5–95 % bands shaded.
func Fan(title, yLabel string, years []int, sums []sensitivity.Summary) (*plot.Plot, error) {
	if len(years) == 0 || len(years) != len(sums) {
		return nil, errors.New("sensplot: a fan chart needs one summary per year")
	}
	p := newPlot(title, "year", yLabel)
	band := func(lo, hi int, c color.Color) (*plotter.Polygon, error) {
		pts := make(plotter.XYs, 0, 2*len(years))
		for i, y := range years {
			pts = append(pts, plotter.XY{X: float64(y), Y: sums[i].P[lo]})
		}
		for i := len(years) - 1; i >= 0; i-- {
			pts = append(pts, plotter.XY{X: float64(years[i]), Y: sums[i].P[hi]})
		}
		pg, err := plotter.NewPolygon(pts)
		if err != nil {
			return nil, err
		}
		pg.Color = c
		pg.LineStyle.Width = 0
		return pg, nil
	}
	outer, err := band(0, 4, colorBand1)
	if err != nil {
		return nil, err
	}
	inner, err := band(1, 3, colorBand2)
	if err != nil {
		return nil, err
	}
	med := make(plotter.XYs, len(years))
	for i, y := range years {
		med[i] = plotter.XY{X: float64(y), Y: sums[i].P[2]}
	}
	line, points, err := plotter.NewLinePoints(med)
	if err != nil {
		return nil, err
	}
	line.Color, points.Color = colorLine, colorLine
	line.Width = vg.Points(1.5)
	p.Add(outer, inner, line, points)
	p.Legend.Add("5–95 %", outer)
	p.Legend.Add("25–75 %", inner)
	p.Legend.Add("median", line, points)
	p.Legend.Top, p.Legend.Left = true, true
	p.X.Tick.Marker = yearTicks{}
	return p, nil
}

// yearTicks labels every year without decimals.
type yearTicks struct{}

func (yearTicks) Ticks(lo, hi float64) []plot.Tick {
	var ts []plot.Tick
	for y := math.Ceil(lo); y <= hi; y++ {
		ts = append(ts, plot.Tick{Value: y, Label: fmt.Sprintf("%d", int(y))})
	}
	return ts
}

// SobolIndex is one input's indices with their confidence intervals.
type SobolIndex struct {
	Label          string
	S1, S1Lo, S1Hi float64
	ST, STLo, STHi float64
}

// Sobol returns a bar chart of first-order and total indices per input,
// with error bars for their confidence intervals (say which in the title).
func Sobol(title string, idx []SobolIndex) (*plot.Plot, error) {
	if len(idx) == 0 {
		return nil, errors.New("sensplot: no index to draw")
	}
	p := newPlot(title, "", "Sobol index")
	first := &spans{color: colorLow}
	total := &spans{color: colorHigh}
	var errs plotter.XYs
	var lows, highs []float64
	names := make([]string, len(idx))
	for i, s := range idx {
		x := float64(i)
		first.rects = append(first.rects, rect{0, s.S1, x - 0.19, 0.36})
		total.rects = append(total.rects, rect{0, s.ST, x + 0.19, 0.36})
		errs = append(errs, plotter.XY{X: x - 0.19, Y: s.S1}, plotter.XY{X: x + 0.19, Y: s.ST})
		lows = append(lows, s.S1-s.S1Lo, s.ST-s.STLo)
		highs = append(highs, s.S1Hi-s.S1, s.STHi-s.ST)
		names[i] = s.Label
	}
	eb, err := plotter.NewYErrorBars(errBars{errs, lows, highs})
	if err != nil {
		return nil, err
	}
	p.Add(first, total, eb)
	p.NominalX(names...)
	p.X.Tick.Label.Rotation = math.Pi / 8
	p.X.Tick.Label.XAlign = draw.XRight
	p.Legend.Add("first order S1", first)
	p.Legend.Add("total ST", total)
	p.Legend.Top = true
	p.Y.Min = min(0, p.Y.Min)
	return p, nil
}

type errBars struct {
	plotter.XYs
	lo, hi []float64
}

func (e errBars) YError(i int) (float64, float64) { return e.lo[i], e.hi[i] }

// sig writes v rounded to n significant digits, without an exponent.
func sig(v float64, n int) string {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', n, 64), 64)
	if err != nil {
		return strconv.FormatFloat(v, 'g', n, 64)
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}
