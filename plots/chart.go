package plots

import (
	"image/color"
	"math"
	"strings"
	"unicode"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Chart is a gonum plot with the parts that gonum draws inside the data
// area moved outside it: a title above, a legend and a caption below, and
// optionally a second value axis on the right. It implements Draw, so it
// can be drawn on any gonum canvas; [Render] draws it at the standard size.
type Chart struct {
	Title   string
	Caption string // source and notes, wrapped to the chart's width

	// Plot holds the axes, gridlines and data. Its own title and legend
	// are not used. It is nil for a chart of several panels ([Fit]).
	Plot *plot.Plot

	theme  *Theme
	legend []legendEntry
	right  *rightAxis

	// panels, when set, are drawn one above the other instead of Plot,
	// each with its own title and legend (fit.go).
	panels []*plot.Plot
	// width, height and dpi, when set, replace the standard size and PNG
	// resolution.
	width, height vg.Length
	dpi           int
}

type legendEntry struct {
	text   string
	thumbs []plot.Thumbnailer
}

// rightAxis is a value axis drawn on the right of the data area. A value v
// in its units sits where the left axis has offset + scale·v.
type rightAxis struct {
	label         string
	offset, scale float64
	ticks         []plot.Tick
	strip         palette.ColorMap // when set, a colour bar between the data area and the axis (sensitivity.go)
}

// toLeft maps v from the right axis' units to the left's.
func (r *rightAxis) toLeft(v float64) float64 { return r.offset + r.scale*v }

// Language returns the language of the chart's text: a file holding a
// Chinese chart is named apart from the English one (ii_increment.zh.png).
func (c *Chart) Language() Language { return c.theme.Language() }

// LegendEntries returns the text of the legend's entries, in order.
func (c *Chart) LegendEntries() []string {
	s := make([]string, len(c.legend))
	for i, e := range c.legend {
		s[i] = e.text
	}
	return s
}

// addLegend appends a legend entry.
func (c *Chart) addLegend(text string, thumbs ...plot.Thumbnailer) {
	c.legend = append(c.legend, legendEntry{text: text, thumbs: thumbs})
}

// Layout constants, in points.
const (
	margin       = 14
	titleGap     = 10
	legendGap    = 10 // between the x axis and the legend
	legendThumb  = 20
	legendSpace  = 16 // between legend entries
	captionGap   = 8
	tickLength   = 4
	tickLabelGap = 3
	axisLabelGap = 6
)

// newChart returns a chart whose plot uses the theme's fonts, with year
// ticks on the x axis and horizontal gridlines.
func newChart(t *Theme, title, yLabel string) *Chart {
	t = t.theme()
	p := plot.New()
	p.TextHandler = t.handler
	p.BackgroundColor = nil // the chart paints the background
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle = t.style(vg.Points(sizeAxis), colorText)
		a.Label.TextStyle.XAlign = draw.XCenter
		a.Tick.Label = t.style(vg.Points(sizeTick), colorText)
		a.Padding = 0
		a.LineStyle = draw.LineStyle{Color: colorAxis, Width: vg.Points(0.7)}
		a.Tick.LineStyle = a.LineStyle
		a.Tick.Length = vg.Points(tickLength)
		a.Label.Padding = vg.Points(axisLabelGap)
	}
	p.X.Tick.Label.XAlign, p.X.Tick.Label.YAlign = draw.XCenter, draw.YTop
	p.Y.Tick.Label.XAlign, p.Y.Tick.Label.YAlign = draw.XRight, draw.YCenter
	p.X.Label.TextStyle.YAlign = draw.YBottom
	p.X.Label.Text = t.lbl.Year
	p.Y.Label.Text = yLabel
	p.X.Tick.Marker = plot.TickerFunc(yearTicks)

	grid := plotter.NewGrid()
	grid.Vertical.Color = nil
	grid.Horizontal = draw.LineStyle{Color: colorGrid, Width: vg.Points(0.6)}
	p.Add(grid)
	return &Chart{Title: title, Plot: p, theme: t}
}

// setYears sets the x range to cover years first…last with half a year
// of room on each side for bars.
func (c *Chart) setYears(first, last int) {
	c.Plot.X.Min = float64(first) - 0.5
	c.Plot.X.Max = float64(last) + 0.5
}

// size returns the size of c and the resolution of its PNG.
func (c *Chart) size() (w, h vg.Length, dpi int) {
	if c.width == 0 {
		return Width, Height, DPI
	}
	return c.width, c.height, c.dpi
}

// Draw draws the chart on dc: title, plot, right axis, legend, caption;
// or the panels of a chart of several.
func (c *Chart) Draw(dc draw.Canvas) {
	t := c.theme.theme()
	dc.SetColor(color.White)
	dc.Fill(dc.Rectangle.Path())
	if c.panels != nil {
		c.drawPanels(dc)
		return
	}

	in := draw.Crop(dc, vg.Points(margin), -vg.Points(margin), vg.Points(margin), -vg.Points(margin))
	width := in.Max.X - in.Min.X

	// Title, centred, wrapped.
	top := in.Max.Y
	if c.Title != "" {
		sty := t.style(vg.Points(sizeTitle), colorText)
		sty.XAlign, sty.YAlign = draw.XCenter, draw.YTop
		for _, line := range wrap(sty, c.Title, width) {
			in.FillText(sty, vg.Point{X: in.Center().X, Y: top}, line)
			top -= lineHeight(sty)
		}
		top -= vg.Points(titleGap)
	}

	// Caption, left-aligned at the bottom, wrapped.
	bottom := in.Min.Y
	if c.Caption != "" {
		sty := t.style(vg.Points(sizeCaption), colorCaption)
		lines := wrap(sty, c.Caption, width)
		for i := len(lines) - 1; i >= 0; i-- {
			in.FillText(sty, vg.Point{X: in.Min.X, Y: bottom + fontDescent(sty)}, lines[i])
			bottom += lineHeight(sty)
		}
		bottom += vg.Points(captionGap)
	}

	// Legend, in centred rows above the caption.
	if len(c.legend) > 0 {
		bottom = c.drawLegend(in, bottom, width) + vg.Points(legendGap)
	}

	pc := in
	pc.Min.Y, pc.Max.Y = bottom, top
	if c.right != nil {
		pc.Max.X -= c.rightWidth()
	}
	c.Plot.Draw(pc)
	if c.right != nil {
		c.drawRight(pc)
	}
}

// drawLegend draws the legend in rows upward from bottom and returns the
// top of the legend.
func (c *Chart) drawLegend(in draw.Canvas, bottom, width vg.Length) vg.Length {
	sty := c.theme.theme().style(vg.Points(sizeLegend), colorText)
	thumbW, space := vg.Points(legendThumb), vg.Points(legendSpace)
	gap := sty.Width(" ")
	entryW := func(e legendEntry) vg.Length { return thumbW + gap + sty.Width(e.text) }

	// Pack entries into rows.
	var rows [][]legendEntry
	var w vg.Length
	for _, e := range c.legend {
		ew := entryW(e)
		if len(rows) == 0 || w+space+ew > width {
			rows = append(rows, nil)
			w = -space
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], e)
		w += space + ew
	}

	h := lineHeight(sty) * 1.25
	y := bottom + h*vg.Length(len(rows))
	top := y
	for _, row := range rows {
		y -= h
		var rw vg.Length = -space
		for _, e := range row {
			rw += space + entryW(e)
		}
		x := in.Center().X - rw/2
		for _, e := range row {
			th := lineHeight(sty) * 0.8
			box := draw.Canvas{Canvas: in.Canvas, Rectangle: vg.Rectangle{
				Min: vg.Point{X: x, Y: y + (h-th)/2},
				Max: vg.Point{X: x + thumbW, Y: y + (h+th)/2},
			}}
			for _, tn := range e.thumbs {
				tn.Thumbnail(&box)
			}
			s := sty
			s.YAlign = draw.YCenter
			in.FillText(s, vg.Point{X: x + thumbW + gap, Y: y + h/2}, e.text)
			x += entryW(e) + space
		}
	}
	return top
}

// rightWidth returns the room the right axis takes beside the plot.
func (c *Chart) rightWidth() vg.Length {
	t := c.theme.theme()
	tick := t.style(vg.Points(sizeTick), colorText)
	lab := t.style(vg.Points(sizeAxis), colorText)
	var w vg.Length
	for _, tk := range c.right.ticks {
		w = max(w, tick.Width(tk.Label))
	}
	return c.right.stripWidth() + vg.Points(tickLength+tickLabelGap) + w + vg.Points(axisLabelGap) + lineHeight(lab)
}

// drawRight draws the right axis beside the data area of the plot drawn
// on pc.
func (c *Chart) drawRight(pc draw.Canvas) {
	t := c.theme.theme()
	p := c.Plot
	da := p.DataCanvas(pc)
	c.right.drawStrip(da, p)
	x := da.Max.X + c.right.stripWidth()
	ls := p.Y.LineStyle
	da.StrokeLine2(ls, x, da.Min.Y, x, da.Max.Y)

	tick := t.style(vg.Points(sizeTick), colorText)
	tick.XAlign, tick.YAlign = draw.XLeft, draw.YCenter
	var w vg.Length
	for _, tk := range c.right.ticks {
		v := c.right.toLeft(tk.Value)
		if v < p.Y.Min-1e-9*(p.Y.Max-p.Y.Min) || v > p.Y.Max+1e-9*(p.Y.Max-p.Y.Min) {
			continue
		}
		y := da.Y(p.Y.Norm(v))
		da.StrokeLine2(p.Y.Tick.LineStyle, x, y, x+vg.Points(tickLength), y)
		pc.FillText(tick, vg.Point{X: x + vg.Points(tickLength+tickLabelGap), Y: y}, tk.Label)
		w = max(w, tick.Width(tk.Label))
	}

	lab := t.style(vg.Points(sizeAxis), colorText)
	lab.XAlign, lab.YAlign = draw.XCenter, draw.YTop
	lab.Rotation = math.Pi / 2
	lx := x + vg.Points(tickLength+tickLabelGap) + w + vg.Points(axisLabelGap)
	// Rotated a quarter turn, the text's top faces left: YTop puts its
	// top edge at lx.
	pc.FillText(lab, vg.Point{X: lx, Y: (da.Min.Y + da.Max.Y) / 2}, c.right.label)
}

// lineHeight returns the distance between lines of text of sty.
func lineHeight(sty text.Style) vg.Length {
	return sty.FontExtents().Height
}

// fontDescent returns the descent of sty's font.
func fontDescent(sty text.Style) vg.Length {
	return sty.FontExtents().Descent
}

// wrap breaks s into lines no wider than w: at spaces where there are
// any, else between any two characters (Chinese has no spaces).
func wrap(sty text.Style, s string, w vg.Length) []string {
	if sty.Width(s) <= w {
		return []string{s}
	}
	var lines []string
	var cur string
	for _, tok := range tokens(s) {
		next := cur + tok
		if cur != "" && sty.Width(strings.TrimRight(next, " ")) > w {
			lines = append(lines, strings.TrimRight(cur, " "))
			next = strings.TrimLeft(tok, " ")
		}
		cur = next
	}
	if cur != "" {
		lines = append(lines, strings.TrimRight(cur, " "))
	}
	return lines
}

// tokens splits s into words with their trailing spaces, and every CJK
// character (or punctuation mark) into a word of its own, except that
// closing punctuation stays with the character before it and opening
// punctuation with the one after it: no line starts with "，" or ends
// with "（".
func tokens(s string) []string {
	var toks []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			toks = append(toks, b.String())
			b.Reset()
		}
	}
	space := false
	open := "" // opening punctuation waiting for the next character
	for _, r := range s {
		switch {
		case r == ' ':
			b.WriteRune(r)
			space = true
		case strings.ContainsRune(cjkClosing, r):
			flush()
			if n := len(toks); n > 0 && open == "" {
				toks[n-1] += string(r)
			} else {
				open += string(r)
			}
			space = false
		case strings.ContainsRune(cjkOpening, r):
			flush()
			open += string(r)
			space = false
		case r > 0x2e80 || unicode.Is(unicode.Han, r):
			flush()
			toks = append(toks, open+string(r))
			open = ""
			space = false
		default:
			if space {
				flush()
				space = false
			}
			if open != "" {
				flush()
				b.WriteString(open)
				open = ""
			}
			b.WriteRune(r)
		}
	}
	flush()
	if open != "" {
		toks = append(toks, open)
	}
	return toks
}

// Punctuation that may not start (cjkClosing) or end (cjkOpening) a line
// of Chinese text.
const (
	cjkClosing = "，。、；：！？）》」】』〉…％"
	cjkOpening = "（《「【『〈"
)
