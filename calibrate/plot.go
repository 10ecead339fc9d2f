package calibrate

import (
	"bytes"
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// The two functions below are the whole chart of a fit; they depend on
// nothing else in this package but Fit, so that they can move to a plots
// package unchanged.

// FitPlots returns one plot per metric of f's targets: the published
// values, with bars of ± half the printed precision, against the fitted
// ones, by year for a per-year metric.
func FitPlots(f *Fit) ([]*plot.Plot, error) {
	var plots []*plot.Plot
	for start := 0; start < len(f.Targets); {
		name := f.Targets[start].Metric.Name()
		end := start
		for end < len(f.Targets) && f.Targets[end].Metric.Name() == name {
			end++
		}
		p, err := fitPlot(f.Targets[start:end])
		if err != nil {
			return nil, fmt.Errorf("calibrate: plot of %s: %w", name, err)
		}
		plots = append(plots, p)
		start = end
	}
	return plots, nil
}

// fitPlot draws the targets of one metric.
func fitPlot(ts []TargetFit) (*plot.Plot, error) {
	m := ts[0].Metric
	p := plot.New()
	p.Title.Text = m.Name() + ": published and fitted"
	p.Y.Label.Text = m.Name() + " (" + chartUnit(m.Unit()) + ")"
	published := make(plotter.XYs, len(ts))
	fitted := make(plotter.XYs, len(ts))
	bars := make(plotter.YErrors, len(ts))
	var ticks []plot.Tick
	for i, t := range ts {
		x := float64(i)
		if m.PerYear() {
			x = float64(m.WithYear(t.Metric.Year).Year)
			ticks = append(ticks, plot.Tick{Value: x, Label: strconv.Itoa(t.Metric.Year)})
		}
		published[i] = plotter.XY{X: x, Y: t.Value}
		fitted[i] = plotter.XY{X: x, Y: t.Fitted}
		bars[i].Low, bars[i].High = t.Precision/2, t.Precision/2
	}
	if m.PerYear() {
		p.X.Label.Text = "year"
		p.X.Tick.Marker = plot.ConstantTicks(ticks)
		p.X.Min, p.X.Max = published[0].X-0.5, published[len(ts)-1].X+0.5
	} else {
		p.NominalX(m.Name())
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
	if m.PerYear() {
		p.Add(line)
	}
	p.Add(eb, pub, fit)
	p.Legend.Add("published ± ½ printed digit", pub)
	p.Legend.Add("fitted", fit)
	p.Legend.Top, p.Legend.Left = true, true
	p.Add(plotter.NewGrid())
	return p, nil
}

// chartUnit spells a unit with the glyphs of the default chart font.
func chartUnit(u string) string {
	return strings.ReplaceAll(u, "亿元", "100 million yuan")
}

// PNG draws plots one above the other, each width × height, and returns
// the PNG image.
func PNG(plots []*plot.Plot, width, height vg.Length) ([]byte, error) {
	if len(plots) == 0 {
		return nil, fmt.Errorf("calibrate: no plot to draw")
	}
	img := vgimg.New(width, height*vg.Length(len(plots)))
	dc := draw.New(img)
	rows := make([][]*plot.Plot, len(plots))
	for i, p := range plots {
		rows[i] = []*plot.Plot{p}
	}
	tiles := draw.Tiles{Rows: len(plots), Cols: 1, PadX: vg.Millimeter, PadY: 4 * vg.Millimeter,
		PadTop: 2 * vg.Millimeter, PadBottom: 2 * vg.Millimeter, PadLeft: 2 * vg.Millimeter, PadRight: 2 * vg.Millimeter}
	canvases := plot.Align(rows, tiles, dc)
	for i, p := range plots {
		p.Draw(canvases[i][0])
	}
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: img}).WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("calibrate: %w", err)
	}
	return buf.Bytes(), nil
}
