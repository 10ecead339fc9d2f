package plots

import (
	"fmt"
	"math"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// TestPublishedLabelsClear checks that in the report's chart no value
// label intersects a published marker of its year, whether the published
// value is a little above the model's (where the marker would strike the
// label through), far above, or below it; and that a gap wider than the
// printed precision is drawn.
func TestPublishedLabelsClear(t *testing.T) {
	res := baseline()
	for _, shift := range []struct {
		ii, share float64
		gaps      int
	}{{0, 0, 0}, {60, 0.15, 6}, {150, 0.3, 6}, {2500, 2, 6}, {-400, -0.5, 6}, {0.04, 0.04, 0}} {
		t.Run(fmt.Sprintf("%+g", shift.ii), func(t *testing.T) {
			ii, share := map[int]float64{}, map[int]float64{}
			for _, y := range res.Years {
				// Rounded as the report prints them, then moved.
				ii[y.Year] = math.Round(10*y.II)/10 + shift.ii
				share[y.Year] = math.Round(1000*y.IIShare)/10 + shift.share
			}
			pub, err := NewPublished(ii, share)
			if err != nil {
				t.Fatal(err)
			}
			for _, th := range []*Theme{nil, mustCJK(t)} {
				c, err := IIIncrement(th, res, pub)
				if err != nil {
					t.Fatal(err)
				}
				var da draw.Canvas
				c.onData = func(d draw.Canvas) { da = d }
				cv := vgimg.New(Width, Height)
				c.Draw(draw.New(cv))
				gaps := 0
				for k, glyph := range []draw.GlyphStyle{pubBarGlyph, pubPointGlyph} {
					l := c.pubLabels[k]
					vals := pub.II
					toY := func(v float64) float64 { return v }
					if k == 1 {
						vals, toY = pub.IISharePct, c.right.toLeft
					}
					for i, x := range l.xs {
						sty, off := l.place(i)
						at := vg.Point{X: da.X(c.Plot.X.Norm(x)), Y: da.Y(c.Plot.Y.Norm(l.ys[i]))}
						label := sty.Rectangle(l.texts[i]).Add(off).Add(at)
						mat := vg.Point{X: da.X(c.Plot.X.Norm(x)), Y: da.Y(c.Plot.Y.Norm(toY(vals[i])))}
						marker := markerBox(glyph, mat)
						if overlap(label, marker) {
							t.Errorf("%v: label %q of %g at %v meets the published marker at %v", th.Language(), l.texts[i], x, label, marker)
						}
					}
				}
				for _, g := range c.gaps {
					gaps += len(g.xs)
				}
				if want := 2 * shift.gaps; gaps != want {
					t.Errorf("%v: %d gaps drawn, want %d", th.Language(), gaps, want)
				}
			}
		})
	}
}

func overlap(a, b vg.Rectangle) bool {
	return a.Min.X < b.Max.X && b.Min.X < a.Max.X && a.Min.Y < b.Max.Y && b.Min.Y < a.Max.Y
}

func mustCJK(t *testing.T) *Theme {
	t.Helper()
	th, err := embeddedCJKTheme()
	if err != nil {
		t.Fatal(err)
	}
	return th
}

// markerBox returns the box of the ink of a published marker at pt: a
// dash 2.2 points thick, or a ring with its stroke.
func markerBox(g draw.GlyphStyle, pt vg.Point) vg.Rectangle {
	switch sh := g.Shape.(type) {
	case dashGlyph:
		h := vg.Points(1.1)
		return vg.Rectangle{Min: vg.Point{X: pt.X - g.Radius, Y: pt.Y - h}, Max: vg.Point{X: pt.X + g.Radius, Y: pt.Y + h}}
	case ringGlyph:
		r := g.Radius + sh.width/2
		return vg.Rectangle{Min: vg.Point{X: pt.X - r, Y: pt.Y - r}, Max: vg.Point{X: pt.X + r, Y: pt.Y + r}}
	}
	return g.Rectangle().Add(pt)
}
