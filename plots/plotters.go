package plots

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// stack returns the lower and upper bounds of stacked bar segments:
// vals[s][i] is series s at category i. Positive values stack upward from
// zero and negative values downward from zero, each in series order, so a
// negative segment never hides a positive one. (gonum's BarChart.StackOn
// adds values, which puts a negative segment inside the one below it.)
// A zero value gets an empty segment at the top of the positive stack.
func stack(vals [][]float64) (lo, hi [][]float64) {
	lo = make([][]float64, len(vals))
	hi = make([][]float64, len(vals))
	if len(vals) == 0 {
		return lo, hi
	}
	n := len(vals[0])
	pos := make([]float64, n)
	neg := make([]float64, n)
	for s, vs := range vals {
		if len(vs) != n {
			panic("plots: stacked series differ in length")
		}
		lo[s] = make([]float64, n)
		hi[s] = make([]float64, n)
		for i, v := range vs {
			if v >= 0 {
				lo[s][i], hi[s][i] = pos[i], pos[i]+v
				pos[i] += v
			} else {
				lo[s][i], hi[s][i] = neg[i]+v, neg[i]
				neg[i] += v
			}
		}
	}
	return lo, hi
}

// stackedBars draws bars of several series stacked at each x (see
// [stack]); one series gives plain bars. Bar widths are in x data units so
// that they follow the axis scale.
type stackedBars struct {
	xs     []float64
	width  float64   // bar width, x data units
	widths []float64 // per bar, overriding width where not nil
	vals   [][]float64
	colors []color.Color
	lo, hi [][]float64

	// Segment labels, drawn inside a segment when they fit; nil for none.
	label      func(v float64) string
	labelStyle text.Style
	// A marker drawn over each bar at y = marks[i] (nil for none), of
	// radius markR: segment labels it would cover are left out.
	marks []float64
	markR vg.Length
}

func newStackedBars(xs []float64, width float64, vals [][]float64, colors []color.Color) *stackedBars {
	lo, hi := stack(vals)
	return &stackedBars{xs: xs, width: width, vals: vals, colors: colors, lo: lo, hi: hi}
}

// widthOf returns the width of bar i.
func (b *stackedBars) widthOf(i int) float64 {
	if b.widths != nil {
		return b.widths[i]
	}
	return b.width
}

// Plot implements plot.Plotter.
func (b *stackedBars) Plot(c draw.Canvas, p *plot.Plot) {
	sep := draw.LineStyle{Color: color.White, Width: vg.Points(0.6)}
	for s := range b.vals {
		for i, x := range b.xs {
			if b.hi[s][i] == b.lo[s][i] {
				continue
			}
			x0 := c.X(p.X.Norm(x - b.widthOf(i)/2))
			x1 := c.X(p.X.Norm(x + b.widthOf(i)/2))
			y0 := c.Y(p.Y.Norm(b.lo[s][i]))
			y1 := c.Y(p.Y.Norm(b.hi[s][i]))
			pts := c.ClipPolygonXY([]vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}})
			c.FillPolygon(b.colors[s], pts)
			if len(b.vals) > 1 && len(pts) > 0 { // a bar clipped away entirely has no outline
				c.StrokeLines(sep, c.ClipLinesXY(append(pts, pts[0]))...)
			}
			if b.label != nil {
				mark := vg.Length(math.NaN())
				if b.marks != nil {
					mark = c.Y(p.Y.Norm(b.marks[i]))
				}
				b.drawLabel(c, b.label(b.vals[s][i]), b.colors[s], x0, x1, y0, y1, mark)
			}
		}
	}
}

// drawLabel writes txt centred in the segment x0…x1, y0…y1 when it fits
// and is clear of the bar's marker at height mark (NaN for none).
func (b *stackedBars) drawLabel(c draw.Canvas, txt string, fill color.Color, x0, x1, y0, y1, mark vg.Length) {
	sty := b.labelStyle
	sty.XAlign, sty.YAlign = draw.XCenter, draw.YCenter
	sty.Color = contrastText(fill)
	w, h := sty.Width(txt), sty.Height(txt)
	if w+vg.Points(3) > x1-x0 || h+vg.Points(2) > vg.Length(math.Abs(float64(y1-y0))) {
		return
	}
	y := (y0 + y1) / 2
	if !math.IsNaN(float64(mark)) && vg.Length(math.Abs(float64(mark-y))) < h/2+b.markR+vg.Points(2.5) {
		return
	}
	c.FillText(sty, vg.Point{X: (x0 + x1) / 2, Y: y}, txt)
}

// DataRange implements plot.DataRanger.
func (b *stackedBars) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = math.Inf(1), math.Inf(-1)
	for i, x := range b.xs {
		xmin = math.Min(xmin, x-b.widthOf(i)/2)
		xmax = math.Max(xmax, x+b.widthOf(i)/2)
	}
	for s := range b.vals {
		for i := range b.xs {
			ymin = math.Min(ymin, b.lo[s][i])
			ymax = math.Max(ymax, b.hi[s][i])
		}
	}
	return xmin, xmax, ymin, ymax
}

// extent returns the lowest and highest bar ends at each x.
func (b *stackedBars) extent() (lo, hi []float64) {
	lo = make([]float64, len(b.xs))
	hi = make([]float64, len(b.xs))
	for s := range b.vals {
		for i := range b.xs {
			lo[i] = math.Min(lo[i], b.lo[s][i])
			hi[i] = math.Max(hi[i], b.hi[s][i])
		}
	}
	return lo, hi
}

// contrastText returns dark or white text, whichever reads better on fill.
func contrastText(fill color.Color) color.Color {
	r, g, b, _ := fill.RGBA()
	lum := 0.299*float64(r) + 0.587*float64(g) + 0.114*float64(b)
	if lum > 0.55*0xffff {
		return colorText
	}
	return color.White
}

// valueLabels writes a text at each point, above it (or below, where
// below[i] is set) at a small distance.
type valueLabels struct {
	xs, ys []float64
	values []float64 // the numbers shown (ys may be moved clear of a marker)
	texts  []string
	below  []bool
	style  text.Style
	offset vg.Length
}

func (l *valueLabels) place(i int) (text.Style, vg.Point) {
	sty := l.style
	sty.XAlign = draw.XCenter
	d := l.offset
	if l.below != nil && l.below[i] {
		sty.YAlign = draw.YTop
		d = -d
	} else {
		sty.YAlign = draw.YBottom
	}
	return sty, vg.Point{Y: d}
}

// Plot implements plot.Plotter. A label that would overlap one already
// drawn (points closer than their labels are wide: a long span of years)
// is left out, so that the labels drawn stay legible.
func (l *valueLabels) Plot(c draw.Canvas, p *plot.Plot) {
	var drawn []vg.Rectangle
	for i, txt := range l.texts {
		sty, off := l.place(i)
		pt := vg.Point{X: c.X(p.X.Norm(l.xs[i])), Y: c.Y(p.Y.Norm(l.ys[i]))}.Add(off)
		r := sty.Rectangle(txt)
		gap := sty.Width(" ") / 2 // keep neighbours a space apart
		r.Min, r.Max = r.Min.Add(pt).Sub(vg.Point{X: gap}), r.Max.Add(pt).Add(vg.Point{X: gap})
		if overlapsAny(r, drawn) {
			continue
		}
		drawn = append(drawn, r)
		c.FillText(sty, pt, txt)
	}
}

// overlapsAny reports whether r overlaps one of rs.
func overlapsAny(r vg.Rectangle, rs []vg.Rectangle) bool {
	for _, o := range rs {
		if r.Min.X < o.Max.X && o.Min.X < r.Max.X && r.Min.Y < o.Max.Y && o.Min.Y < r.Max.Y {
			return true
		}
	}
	return false
}

// GlyphBoxes implements plot.GlyphBoxer so that labels near the edges of
// the data area are not clipped.
func (l *valueLabels) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	bs := make([]plot.GlyphBox, len(l.texts))
	for i, txt := range l.texts {
		sty, off := l.place(i)
		bs[i] = plot.GlyphBox{
			X:         p.X.Norm(l.xs[i]),
			Y:         p.Y.Norm(l.ys[i]),
			Rectangle: sty.Rectangle(txt).Add(off),
		}
	}
	return bs
}

// swatch is a legend thumbnail filled with one colour.
type swatch struct{ color color.Color }

// Thumbnail implements plot.Thumbnailer.
func (s swatch) Thumbnail(c *draw.Canvas) {
	r := c.Rectangle
	inset := (r.Max.Y - r.Min.Y) * 0.1
	c.FillPolygon(s.color, []vg.Point{
		{X: r.Min.X, Y: r.Min.Y + inset}, {X: r.Max.X, Y: r.Min.Y + inset},
		{X: r.Max.X, Y: r.Max.Y - inset}, {X: r.Min.X, Y: r.Max.Y - inset},
	})
}

// lineThumb is a legend thumbnail of a line, optionally with a glyph.
type lineThumb struct {
	line  draw.LineStyle
	glyph *draw.GlyphStyle
}

// Thumbnail implements plot.Thumbnailer.
func (t lineThumb) Thumbnail(c *draw.Canvas) {
	y := c.Center().Y
	if t.line.Color != nil && t.line.Width > 0 {
		c.StrokeLine2(t.line, c.Min.X, y, c.Max.X, y)
	}
	if t.glyph != nil {
		c.DrawGlyphNoClip(*t.glyph, c.Center())
	}
}

// dashGlyph is a thick horizontal stroke as wide as the glyph's diameter:
// the marker of a published bar value.
type dashGlyph struct{}

// DrawGlyph implements draw.GlyphDrawer.
func (dashGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	ls := draw.LineStyle{Color: sty.Color, Width: vg.Points(2.2)}
	c.StrokeLine2(ls, pt.X-sty.Radius, pt.Y, pt.X+sty.Radius, pt.Y)
}

// points draws glyphs at data points.
type points struct {
	xs, ys []float64
	glyph  draw.GlyphStyle
}

// Plot implements plot.Plotter.
func (g *points) Plot(c draw.Canvas, p *plot.Plot) {
	for i, x := range g.xs {
		pt := vg.Point{X: c.X(p.X.Norm(x)), Y: c.Y(p.Y.Norm(g.ys[i]))}
		if c.Contains(pt) {
			c.DrawGlyphNoClip(g.glyph, pt)
		}
	}
}

// GlyphBoxes implements plot.GlyphBoxer.
func (g *points) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	bs := make([]plot.GlyphBox, len(g.xs))
	for i, x := range g.xs {
		bs[i] = plot.GlyphBox{X: p.X.Norm(x), Y: p.Y.Norm(g.ys[i]), Rectangle: g.glyph.Rectangle()}
	}
	return bs
}

// polyline draws a line through data points, optionally filling the area
// between it and y = 0.
type polyline struct {
	xs, ys []float64
	line   draw.LineStyle
	fill   color.Color // nil: no fill
}

// Plot implements plot.Plotter.
func (l *polyline) Plot(c draw.Canvas, p *plot.Plot) {
	pts := make([]vg.Point, len(l.xs))
	for i, x := range l.xs {
		pts[i] = vg.Point{X: c.X(p.X.Norm(x)), Y: c.Y(p.Y.Norm(l.ys[i]))}
	}
	if l.fill != nil && len(pts) > 1 {
		y0 := c.Y(p.Y.Norm(0))
		poly := append([]vg.Point{{X: pts[0].X, Y: y0}}, pts...)
		poly = append(poly, vg.Point{X: pts[len(pts)-1].X, Y: y0})
		c.FillPolygon(l.fill, c.ClipPolygonXY(poly))
	}
	if len(pts) > 1 {
		c.StrokeLines(l.line, c.ClipLinesXY(pts)...)
	}
}
