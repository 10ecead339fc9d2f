package plots

import (
	"errors"
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// FitPanel is one metric of a calibration, for [Fit]: the published
// targets against the values the calibrated model gives.
type FitPanel struct {
	Metric  string // the metric's name, e.g. "ii_increment_yi": the panel's title and y axis
	Unit    string // the metric's unit, e.g. "亿元" or "%"
	PerYear bool   // the points are years (FitPoint.Year); else one point, such as a period total
	Points  []FitPoint
}

// FitPoint is one target of a [FitPanel].
type FitPoint struct {
	Year      int     // the target's year, for a per-year metric
	Published float64 // the published value, the target
	Precision float64 // the published value's printed precision (0.1 for one decimal), or 0
	Fitted    float64 // the metric at the calibrated inputs
}

// Size of one panel of the fit chart, and its PNG resolution (gonum's
// default).
const (
	fitPanelWidth  = 6 * vg.Inch
	fitPanelHeight = 2.5 * vg.Inch
	fitDPI         = 96
)

// ErrNoPanels is returned by Fit for a calibration without targets.
var ErrNoPanels = errors.New("plots: no fit panel to draw")

// Fit returns the chart of a calibration's fit: one panel per metric, one
// above the other, each showing the published values, with bars of ± half
// the printed precision, against the fitted ones, by year for a per-year
// metric. Unlike the other charts it is 6 × 2.5 inches per panel, in
// English, with gonum's default style; each panel has its own title and
// legend.
func Fit(panels []FitPanel) (*Chart, error) {
	if len(panels) == 0 {
		return nil, ErrNoPanels
	}
	c := &Chart{width: fitPanelWidth, height: fitPanelHeight * vg.Length(len(panels)), dpi: fitDPI}
	for _, fp := range panels {
		p, err := fitPanel(fp)
		if err != nil {
			return nil, fmt.Errorf("plots: fit of %s: %w", fp.Metric, err)
		}
		c.panels = append(c.panels, p)
	}
	return c, nil
}

// fitPanel draws the targets of one metric.
func fitPanel(fp FitPanel) (*plot.Plot, error) {
	ts := fp.Points
	if len(ts) == 0 {
		return nil, errors.New("no targets")
	}
	p := plot.New()
	p.Title.Text = fp.Metric + ": published and fitted"
	p.Y.Label.Text = fp.Metric + " (" + fitUnit(fp.Unit) + ")"
	published := make(plotter.XYs, len(ts))
	fitted := make(plotter.XYs, len(ts))
	bars := make(plotter.YErrors, len(ts))
	var ticks []plot.Tick
	for i, t := range ts {
		x := float64(i)
		if fp.PerYear {
			x = float64(t.Year)
			ticks = append(ticks, plot.Tick{Value: x, Label: strconv.Itoa(t.Year)})
		}
		published[i] = plotter.XY{X: x, Y: t.Published}
		fitted[i] = plotter.XY{X: x, Y: t.Fitted}
		bars[i].Low, bars[i].High = t.Precision/2, t.Precision/2
	}
	if fp.PerYear {
		p.X.Label.Text = "year"
		p.X.Tick.Marker = plot.ConstantTicks(ticks)
		p.X.Min, p.X.Max = published[0].X-0.5, published[len(ts)-1].X+0.5
	} else {
		p.NominalX(fp.Metric)
		p.X.Min, p.X.Max = -1, 1
	}

	pub, err := plotter.NewScatter(published)
	if err != nil {
		return nil, err
	}
	pub.GlyphStyle.Shape = draw.CircleGlyph{}
	pub.GlyphStyle.Radius = vg.Points(4)
	pub.GlyphStyle.Color = color.Black
	eb, err := plotter.NewYErrorBars(struct {
		plotter.XYs
		plotter.YErrors
	}{published, bars})
	if err != nil {
		return nil, err
	}
	line, fit, err := plotter.NewLinePoints(fitted)
	if err != nil {
		return nil, err
	}
	red := color.RGBA{R: 200, G: 30, B: 30, A: 255}
	line.Color = red
	fit.GlyphStyle.Shape = draw.CrossGlyph{}
	fit.GlyphStyle.Radius = vg.Points(4)
	fit.GlyphStyle.Color = red
	if fp.PerYear {
		p.Add(line)
	}
	p.Add(eb, pub, fit)
	p.Legend.Add("published ± ½ printed digit", pub)
	p.Legend.Add("fitted", fit)
	p.Legend.Top, p.Legend.Left = true, true
	p.Add(plotter.NewGrid())
	return p, nil
}

// fitUnit spells a unit with the glyphs of gonum's default font.
func fitUnit(u string) string {
	return strings.ReplaceAll(u, "亿元", "100 million yuan")
}

// drawPanels draws the panels of c one above the other on dc.
func (c *Chart) drawPanels(dc draw.Canvas) {
	rows := make([][]*plot.Plot, len(c.panels))
	for i, p := range c.panels {
		rows[i] = []*plot.Plot{p}
	}
	tiles := draw.Tiles{Rows: len(c.panels), Cols: 1, PadX: vg.Millimeter, PadY: 4 * vg.Millimeter,
		PadTop: 2 * vg.Millimeter, PadBottom: 2 * vg.Millimeter, PadLeft: 2 * vg.Millimeter, PadRight: 2 * vg.Millimeter}
	canvases := plot.Align(rows, tiles, dc)
	for i, p := range c.panels {
		p.Draw(canvases[i][0])
	}
}
