package sensplot

import (
	"bytes"
	"fmt"
	"image/color"
	"strings"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	_ "gonum.org/v1/plot/vg/vgimg" // png
	_ "gonum.org/v1/plot/vg/vgpdf" // pdf
	_ "gonum.org/v1/plot/vg/vgsvg" // svg
)

// Drawer is a chart: a *plot.Plot or a composition of plots.
type Drawer interface {
	Draw(c draw.Canvas)
}

// Formats are the file formats Render writes.
var Formats = []string{"png", "svg", "pdf"}

// Size of every chart.
const (
	Width  = 16 * vg.Centimeter
	Height = 10 * vg.Centimeter
)

// CheckFormat returns an error unless format is one of Formats.
func CheckFormat(format string) error {
	for _, f := range Formats {
		if f == format {
			return nil
		}
	}
	return fmt.Errorf("unknown chart format %q; known: %s", format, strings.Join(Formats, ", "))
}

// Render draws d on a w × h canvas and returns the file in format.
func Render(d Drawer, w, h vg.Length, format string) ([]byte, error) {
	if err := CheckFormat(format); err != nil {
		return nil, err
	}
	c, err := draw.NewFormattedCanvas(w, h, format)
	if err != nil {
		return nil, err
	}
	d.Draw(draw.New(c))
	var b bytes.Buffer
	if _, err := c.WriteTo(&b); err != nil {
		return nil, fmt.Errorf("sensplot: rendering %s: %w", format, err)
	}
	return b.Bytes(), nil
}

// Unit returns a unit for a chart label: 亿元, which the default fonts
// cannot draw, becomes "100 million yuan".
func Unit(u string) string {
	if u == "亿元" {
		return "100 million yuan"
	}
	return u
}

// Colours of the charts.
var (
	colorLow   = color.RGBA{R: 49, G: 130, B: 189, A: 255}  // blue
	colorHigh  = color.RGBA{R: 230, G: 85, B: 13, A: 255}   // orange
	colorBand1 = color.RGBA{R: 198, G: 219, B: 239, A: 255} // light blue: 5–95 %
	colorBand2 = color.RGBA{R: 107, G: 174, B: 214, A: 255} // blue: 25–75 %
	colorLine  = color.RGBA{R: 8, G: 48, B: 107, A: 255}    // dark blue
	colorBase  = color.Gray{Y: 90}
)
