package histplot

import (
	"bytes"
	"fmt"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"simulate/history"
	"simulate/model"
)

// Size of the charts the tool writes: 960 × 540 pixels at vgimg's 96 dpi.
const (
	Width  = 10 * vg.Inch
	Height = 5.625 * vg.Inch
)

// PWTSource is the source line of charts of PWT data.
const PWTSource = "Data: Penn World Table 9.1 (Feenstra, Inklaar & Timmer 2015)"

// Part indexes the parts of a Bar.
const (
	Labour = iota
	Capital
	TFP
	numParts
)

var (
	partNames  = [numParts]string{"Labour", "Capital", "TFP"}
	shortNames = [numParts]string{"L", "K", "TFP"}
)

// Colours of the parts (history) and, lighter, of projected years.
var (
	partColors = [numParts]color.RGBA{
		{R: 0x3b, G: 0x6e, B: 0xb4, A: 0xff}, // labour: blue
		{R: 0xe0, G: 0x8a, B: 0x2c, A: 0xff}, // capital: orange
		{R: 0x3e, G: 0x9a, B: 0x5a, A: 0xff}, // TFP: green
	}
	growthColor = color.Black
)

// lighter returns c blended halfway with white.
func lighter(c color.RGBA) color.RGBA {
	f := func(v uint8) uint8 { return uint8((int(v) + 2*255) / 3) }
	return color.RGBA{R: f(c.R), G: f(c.G), B: f(c.B), A: 0xff}
}

// Bar is one year of a chart: GDP growth and the contributions of labour,
// capital and TFP, which add up to it, in log points (history) or percent
// and percentage points (projection).
type Bar struct {
	Year      int
	Growth    float64
	Parts     [numParts]float64 // indexed by Labour, Capital, TFP
	Projected bool              // drawn lighter, after the boundary
}

// FromHistory returns the bars of a growth decomposition, in log points.
func FromHistory(rows []history.Row) []Bar {
	bars := make([]Bar, len(rows))
	for i, r := range rows {
		bars[i] = Bar{Year: r.Year, Growth: r.GDP, Parts: [numParts]float64{r.Labour, r.Capital, r.TFP}}
	}
	return bars
}

// FromResults returns the bars of a projection, in percent and percentage
// points, marked Projected.
func FromResults(res *model.Results) []Bar {
	bars := make([]Bar, len(res.Years))
	for i, y := range res.Years {
		bars[i] = Bar{
			Year: y.Year, Growth: 100 * y.Growth, Projected: true,
			Parts: [numParts]float64{100 * y.Contribution[model.Labor], 100 * y.Contribution[model.Capital], 100 * y.Contribution[model.TFP]},
		}
	}
	return bars
}

// Reference is a published split of one year's growth, drawn as an outlined
// bar beside the chart's own bar of that year. A part that was not published
// is NaN.
type Reference struct {
	Year  int
	Label string            // e.g. "Report 2024"
	Parts [numParts]float64 // percentage points
}

// Chart is a plot with its legend outside the data area, to the right, and a
// source line below.
type Chart struct {
	Plot   *plot.Plot
	Legend plot.Legend
	Source string
}

// History returns the stacked-contributions chart of observed years: rows of
// a decomposition, with a title and the source line of PWT.
func History(title string, rows []history.Row) *Chart {
	c := newChart(title, "contribution to GDP growth, log points (100 × Δln)", PWTSource)
	bars := FromHistory(rows)
	c.addBars(bars, nil)
	return c
}

// HistoryProjection returns one chart of observed years followed by a
// projection, the boundary marked between them, and ref, if not nil, drawn
// beside its year's bar. source names the data of both parts.
func HistoryProjection(title string, hist, proj []Bar, ref *Reference, source string) *Chart {
	c := newChart(title, "contribution to GDP growth, pp (history: log points)", source)
	bars := append(append([]Bar(nil), hist...), proj...)
	c.addBars(bars, ref)
	if len(hist) > 0 && len(proj) > 0 {
		x := (float64(hist[len(hist)-1].Year) + float64(proj[0].Year)) / 2
		c.Plot.Add(&boundary{
			x:     x,
			left:  "← history (PWT, log points)",
			right: "projection (%, simple growth) →",
		})
	}
	return c
}

func newChart(title, ylabel, source string) *Chart {
	p := plot.New()
	p.Title.Text = title
	p.Title.Padding = vg.Points(6)
	p.X.Label.Text = "year"
	p.Y.Label.Text = ylabel
	p.X.Tick.Marker = plot.TickerFunc(yearTicks)
	grid := plotter.NewGrid()
	grid.Vertical.Color = nil
	grid.Horizontal.Color = color.Gray{Y: 0xdd}
	p.Add(grid)
	l := plot.NewLegend()
	l.Top, l.Left = true, true
	l.TextStyle.Font.Size = vg.Points(10)
	l.ThumbnailWidth = vg.Points(16)
	l.Padding = vg.Points(3)
	return &Chart{Plot: p, Legend: l, Source: source}
}

// addBars adds the stacked bars, the growth dots, the reference and their
// legend entries.
func (c *Chart) addBars(bars []Bar, ref *Reference) {
	projected := false
	for _, b := range bars {
		projected = projected || b.Projected
	}
	st := &stacks{bars: bars, width: 0.75, ref: ref}
	c.Plot.Add(st)
	for k := range numParts {
		c.Legend.Add(partNames[k], swatch{partColors[k], projected})
	}

	pts := make(plotter.XYs, len(bars))
	for i, b := range bars {
		pts[i] = plotter.XY{X: float64(b.Year), Y: b.Growth}
		if ref != nil && b.Year == ref.Year {
			pts[i].X -= st.width / 4 // the bar takes the left half of its slot
		}
	}
	if len(pts) > 0 {
		sc, err := plotter.NewScatter(pts)
		if err == nil { // only non-finite values fail, and bars are finite
			sc.GlyphStyle = draw.GlyphStyle{Color: growthColor, Radius: vg.Points(2.5), Shape: draw.CircleGlyph{}}
			c.Plot.Add(sc)
			c.Legend.Add("GDP growth", sc)
		}
	}
	if ref != nil {
		var parts string
		for k, v := range ref.Parts {
			if !math.IsNaN(v) {
				if parts != "" {
					parts += " + "
				}
				parts += fmt.Sprintf("%s %s", shortNames[k], strconv.FormatFloat(v, 'f', -1, 64))
			}
		}
		label := ref.Label
		if label == "" {
			label = strconv.Itoa(ref.Year)
		}
		c.Legend.Add(label+" (outlined)", outline{})
		c.Legend.Add(parts + " pp")
	}
}

// yearTicks returns integer year ticks: labelled every 1, 2, 5, 10, … years
// so that there are at most about 12 labels, with a minor tick every year.
func yearTicks(lo, hi float64) []plot.Tick {
	first, last := int(math.Ceil(lo)), int(math.Floor(hi))
	step := 1
	for _, s := range []int{1, 2, 5, 10, 20, 50, 100} {
		step = s
		if (last-first)/s < 12 {
			break
		}
	}
	var ticks []plot.Tick
	for y := first; y <= last; y++ {
		t := plot.Tick{Value: float64(y)}
		if y%step == 0 {
			t.Label = strconv.Itoa(y)
		}
		ticks = append(ticks, t)
	}
	return ticks
}

// stacks draws one stacked bar per year, positive parts up from 0 and
// negative parts down from 0, and the reference's outlined bar.
type stacks struct {
	bars  []Bar
	width float64 // bar width, years
	ref   *Reference
}

// stack returns the bottom and top of each part of a bar: positive parts
// stacked up from 0 and negative parts down from 0, separately, in order. A
// NaN part (not given) is an empty segment.
func stack(parts [numParts]float64) (seg [numParts][2]float64) {
	var pos, neg float64
	for k, v := range parts {
		switch {
		case math.IsNaN(v):
			seg[k] = [2]float64{pos, pos}
		case v >= 0:
			seg[k] = [2]float64{pos, pos + v}
			pos += v
		default:
			seg[k] = [2]float64{neg, neg + v}
			neg += v
		}
	}
	return seg
}

// extent returns the bottom and top of the stack of parts.
func extent(parts [numParts]float64) (neg, pos float64) {
	for _, v := range parts {
		if math.IsNaN(v) {
			continue
		}
		if v >= 0 {
			pos += v
		} else {
			neg += v
		}
	}
	return neg, pos
}

// DataRange implements plot.DataRanger.
func (s *stacks) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = math.Inf(1), math.Inf(-1)
	ymin, ymax = 0, 0
	grow := func(year int, parts [numParts]float64, growth float64) {
		xmin = math.Min(xmin, float64(year)-0.6)
		xmax = math.Max(xmax, float64(year)+0.6)
		neg, pos := extent(parts)
		ymin = math.Min(ymin, math.Min(neg, growth))
		ymax = math.Max(ymax, math.Max(pos, growth))
	}
	for _, b := range s.bars {
		grow(b.Year, b.Parts, b.Growth)
	}
	if s.ref != nil {
		grow(s.ref.Year, s.ref.Parts, 0)
	}
	// Head room for the boundary labels.
	ymax += 0.12 * (ymax - ymin)
	return xmin, xmax, ymin, ymax
}

// Plot implements plot.Plotter.
func (s *stacks) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	refYear := 0
	if s.ref != nil {
		refYear = s.ref.Year
	}
	for _, b := range s.bars {
		x0, x1 := float64(b.Year)-s.width/2, float64(b.Year)+s.width/2
		if b.Year == refYear {
			x1 = float64(b.Year) // share the slot with the reference
		}
		for k, seg := range stack(b.Parts) {
			y0, y1 := seg[0], seg[1]
			col := partColors[k]
			if b.Projected {
				col = lighter(col)
			}
			c.SetColor(col)
			c.Fill(rect(tx(x0), ty(y0), tx(x1), ty(y1)))
		}
	}
	if s.ref != nil {
		x0, x1 := float64(s.ref.Year), float64(s.ref.Year)+s.width/2
		_, pos := extent(s.ref.Parts)
		for k, seg := range stack(s.ref.Parts) {
			if math.IsNaN(s.ref.Parts[k]) {
				continue
			}
			y0, y1 := seg[0], seg[1]
			c.SetLineStyle(draw.LineStyle{Color: partColors[k], Width: vg.Points(1.5)})
			c.Stroke(rect(tx(x0), ty(y0), tx(x1), ty(y1)))
		}
		sty := textStyle(8, draw.XCenter, draw.YBottom)
		c.FillText(sty, vg.Point{X: tx((x0 + x1) / 2), Y: ty(pos) + vg.Points(2)}, "report")
	}
	// The zero line.
	c.StrokeLine2(draw.LineStyle{Color: color.Gray{Y: 0x60}, Width: vg.Points(0.6)}, c.Min.X, ty(0), c.Max.X, ty(0))
}

func rect(x0, y0, x1, y1 vg.Length) vg.Path {
	var p vg.Path
	p.Move(vg.Point{X: x0, Y: y0})
	p.Line(vg.Point{X: x1, Y: y0})
	p.Line(vg.Point{X: x1, Y: y1})
	p.Line(vg.Point{X: x0, Y: y1})
	p.Close()
	return p
}

// boundary marks the change from history to projection: a dashed vertical
// line with a label on each side at the top of the data area.
type boundary struct {
	x           float64
	left, right string
}

// Plot implements plot.Plotter.
func (b *boundary) Plot(c draw.Canvas, p *plot.Plot) {
	tx, _ := p.Transforms(&c)
	x := tx(b.x)
	c.StrokeLine2(draw.LineStyle{Color: color.Gray{Y: 0x40}, Width: vg.Points(1), Dashes: []vg.Length{vg.Points(4), vg.Points(3)}},
		x, c.Min.Y, x, c.Max.Y)
	y := c.Max.Y - vg.Points(2)
	c.FillText(textStyle(9, draw.XRight, draw.YTop), vg.Point{X: x - vg.Points(4), Y: y}, b.left)
	c.FillText(textStyle(9, draw.XLeft, draw.YTop), vg.Point{X: x + vg.Points(4), Y: y}, b.right)
}

func textStyle(size float64, xa draw.XAlignment, ya draw.YAlignment) text.Style {
	return text.Style{
		Color:   color.Black,
		Font:    font.From(plot.DefaultFont, vg.Points(size)),
		XAlign:  xa,
		YAlign:  ya,
		Handler: plot.DefaultTextHandler,
	}
}

// swatch is the legend thumbnail of a part: its colour, and its lighter
// projection colour on the right half when the chart has projected years.
type swatch struct {
	c     color.RGBA
	split bool
}

// Thumbnail implements plot.Thumbnailer.
func (s swatch) Thumbnail(c *draw.Canvas) {
	r := c.Rectangle
	mid := r.Max.X
	if s.split {
		mid = (r.Min.X + r.Max.X) / 2
		c.SetColor(lighter(s.c))
		c.Fill(rect(mid, r.Min.Y, r.Max.X, r.Max.Y))
	}
	c.SetColor(s.c)
	c.Fill(rect(r.Min.X, r.Min.Y, mid, r.Max.Y))
}

// outline is the legend thumbnail of the reference: an outlined box.
type outline struct{}

// Thumbnail implements plot.Thumbnailer.
func (outline) Thumbnail(c *draw.Canvas) {
	r := c.Rectangle
	c.SetLineStyle(draw.LineStyle{Color: color.Gray{Y: 0x30}, Width: vg.Points(1.5)})
	c.Stroke(rect(r.Min.X+vg.Points(1), r.Min.Y+vg.Points(1), r.Max.X-vg.Points(1), r.Max.Y-vg.Points(1)))
}

// Draw draws the chart on dc: the source line along the bottom, the legend
// in a column on the right, the plot in the rest.
func (c *Chart) Draw(dc draw.Canvas) {
	dc.SetColor(color.White)
	dc.Fill(dc.Rectangle.Path())
	pad := vg.Points(8)

	src := textStyle(9, draw.XLeft, draw.YBottom)
	bottom := pad
	if c.Source != "" {
		dc.FillText(src, vg.Point{X: dc.Min.X + pad, Y: dc.Min.Y + pad}, c.Source)
		bottom += src.Height(c.Source) + pad
	}
	lr := c.Legend.Rectangle(dc)
	lw := lr.Max.X - lr.Min.X
	legendC := draw.Crop(dc, dc.Max.X-dc.Min.X-lw-pad, -pad, bottom, -pad-c.titleHeight())
	c.Legend.Draw(legendC)
	plotC := draw.Crop(dc, pad/2, -lw-2*pad, bottom, -pad/2)
	c.Plot.Draw(plotC)
}

// titleHeight is the height the plot's title takes, so the legend starts
// level with the data area.
func (c *Chart) titleHeight() vg.Length {
	if c.Plot.Title.Text == "" {
		return 0
	}
	return c.Plot.Title.TextStyle.Height(c.Plot.Title.Text) + c.Plot.Title.Padding
}

// PNG renders the chart as a PNG image of w × h (at 96 dpi).
func (c *Chart) PNG(w, h vg.Length) ([]byte, error) {
	img := vgimg.New(w, h)
	c.Draw(draw.New(img))
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: img}).WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("histplot: %w", err)
	}
	return buf.Bytes(), nil
}

// SVG renders the chart as an SVG image of w × h.
func (c *Chart) SVG(w, h vg.Length) ([]byte, error) {
	svg := vgsvg.New(w, h)
	c.Draw(draw.New(svg))
	var buf bytes.Buffer
	if _, err := svg.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("histplot: %w", err)
	}
	return buf.Bytes(), nil
}
