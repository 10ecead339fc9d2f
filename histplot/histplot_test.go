package histplot

import (
	"bytes"
	"fmt"
	"image/png"
	"math"
	"strings"
	"testing"

	"simulate/history"
	"simulate/model"
)

func TestStack(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		parts [numParts]float64
		want  [numParts][2]float64
	}{
		{[3]float64{1, 2, 3}, [3][2]float64{{0, 1}, {1, 3}, {3, 6}}},
		// Negative parts stack down from 0, positive ones up, each
		// starting where the last of its sign ended.
		{[3]float64{1, 2, -3}, [3][2]float64{{0, 1}, {1, 3}, {0, -3}}},
		{[3]float64{-0.5, 4, -1}, [3][2]float64{{0, -0.5}, {0, 4}, {-0.5, -1.5}}},
		{[3]float64{0.2, nan, 3.5}, [3][2]float64{{0, 0.2}, {0.2, 0.2}, {0.2, 3.7}}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.parts), func(t *testing.T) {
			if got := stack(tt.parts); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestDataRange(t *testing.T) {
	s := &stacks{bars: []Bar{
		{Year: 2000, Growth: 1, Parts: [3]float64{1, 2, -3}},
		{Year: 2001, Growth: -4, Parts: [3]float64{0.5, 0.5, -5}},
	}}
	xmin, xmax, ymin, ymax := s.DataRange()
	if xmin != 1999.4 || xmax != 2001.6 || ymin != -5 || ymax < 3 {
		t.Errorf("got x %v–%v, y %v–%v; want x 1999.4–2001.6, y −5–(≥ 3)", xmin, xmax, ymin, ymax)
	}
}

func TestYearTicks(t *testing.T) {
	tests := []struct {
		lo, hi float64
		labels string
	}{
		{2015.4, 2024.6, "2016 2017 2018 2019 2020 2021 2022 2023 2024"},
		{1970.4, 2017.6, "1975 1980 1985 1990 1995 2000 2005 2010 2015"},
		{1999.4, 2024.6, "2000 2005 2010 2015 2020"},
	}
	for _, tt := range tests {
		var labels []string
		ticks := yearTicks(tt.lo, tt.hi)
		for _, tk := range ticks {
			if tk.Value != math.Trunc(tk.Value) {
				t.Errorf("tick at %v is not a year", tk.Value)
			}
			if tk.Label != "" {
				labels = append(labels, tk.Label)
			}
		}
		if got := strings.Join(labels, " "); got != tt.labels {
			t.Errorf("%v–%v: got labels %q, want %q", tt.lo, tt.hi, got, tt.labels)
		}
		if n := int(math.Floor(tt.hi)) - int(math.Ceil(tt.lo)) + 1; len(ticks) != n {
			t.Errorf("%v–%v: %d ticks, want one per year (%d)", tt.lo, tt.hi, len(ticks), n)
		}
	}
}

func testRows() []history.Row {
	return []history.Row{
		{Year: 2015, GDP: 3.77, Capital: 3.23, Labour: 0.85, TFP: -0.31, LabourShare: 0.58},
		{Year: 2016, GDP: 3.84, Capital: 2.92, Labour: 0.83, TFP: 0.09, LabourShare: 0.58},
		{Year: 2017, GDP: 4.23, Capital: 2.69, Labour: 0.64, TFP: 0.91, LabourShare: 0.58},
	}
}

func testResults() *model.Results {
	return &model.Results{Years: []model.Year{
		{Year: 2018, Growth: 0.041, Contribution: [3]float64{0.008, 0.032, 0.001}},
		{Year: 2019, Growth: 0.039, Contribution: [3]float64{0.008, 0.030, 0.001}},
	}}
}

// TestPNG checks that the charts render as PNG images of the size asked.
func TestPNG(t *testing.T) {
	ref := &Reference{Year: 2019, Label: "Report 2019", Parts: [3]float64{0.2, 1.8, 3.5}}
	charts := map[string]*Chart{
		"history":            History("China: sources of growth", testRows()),
		"history+projection": HistoryProjection("China", FromHistory(testRows()), FromResults(testResults()), ref, PWTSource),
		"projection only":    HistoryProjection("China", nil, FromResults(testResults()), nil, ""),
	}
	for name, c := range charts {
		t.Run(name, func(t *testing.T) {
			b, err := c.PNG(Width, Height)
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if got := img.Bounds().Size(); got.X != 960 || got.Y != 540 {
				t.Errorf("got %v pixels, want 960×540", got)
			}
		})
	}
}

// TestSVGText checks that title, axis labels, legend, boundary labels,
// year ticks and the source line are drawn.
func TestSVGText(t *testing.T) {
	ref := &Reference{Year: 2019, Label: "Report 2019", Parts: [3]float64{0.2, 1.8, 3.5}}
	c := HistoryProjection("China: history and projection", FromHistory(testRows()), FromResults(testResults()), ref, PWTSource)
	b, err := c.SVG(Width, Height)
	if err != nil {
		t.Fatal(err)
	}
	svg := string(b)
	for _, want := range []string{
		"China: history and projection", "year", "contribution to GDP growth, pp (history: log points)",
		"Labour", "Capital", "TFP", "GDP growth", "Report 2019 (outlined)", "L 0.2 + K 1.8 + TFP 3.5 pp",
		"history (PWT, log points)", "projection (%, simple growth)",
		">2015<", ">2019<", "Data: Penn World Table 9.1 (Feenstra, Inklaar &amp; Timmer 2015)",
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}

	b, err = History("China", testRows()).SVG(Width, Height)
	if err != nil {
		t.Fatal(err)
	}
	if svg := string(b); !strings.Contains(svg, "log points (100 × Δln)") || strings.Contains(svg, "projection") {
		t.Errorf("history chart: axis label or boundary wrong")
	}
}
