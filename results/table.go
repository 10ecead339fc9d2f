package results

import (
	"fmt"
	"io"
	"strings"

	"simulate/model"
)

// WriteTable prints res as a table for reading: one row per year with units
// in the header, and the period totals below.
func WriteTable(w io.Writer, title string, res *model.Results) error {
	rows := [][]string{{
		"year", "GDP 亿元", "growth %", "ΔGDP 亿元",
		"L pp", "K pp", "TFP pp", "L %", "K %", "TFP %",
		"II share %", "II 亿元", "cum. II 亿元",
	}}
	for _, y := range res.Years {
		rows = append(rows, []string{
			fmt.Sprint(y.Year), f1(y.GDP), f2(100 * y.Growth), f1(y.DeltaGDP),
			f2(100 * y.Contribution[model.Labor]), f2(100 * y.Contribution[model.Capital]), f2(100 * y.Contribution[model.TFP]),
			f1(100 * y.Share[model.Labor]), f1(100 * y.Share[model.Capital]), f1(100 * y.Share[model.TFP]),
			f1(100 * y.IIShare), f1(y.II), f1(y.IICumulative),
		})
	}
	var b strings.Builder
	b.WriteString(title + "\n")
	writeAligned(&b, rows, true)
	t := res.Totals
	fmt.Fprintf(&b, "period %d–%d: Σ II %.1f 亿元 · Σ ΔGDP %.1f 亿元 · II share of growth %.2f %%\n",
		firstYear(res), lastYear(res), t.II, t.DeltaGDP, 100*t.IIShare)
	_, err := io.WriteString(w, b.String())
	return err
}

func f1(v float64) string { return fmt.Sprintf("%.1f", v) }
func f2(v float64) string { return fmt.Sprintf("%.2f", v) }

// WriteColumns writes rows as columns two spaces apart, each padded to its
// widest cell, right-aligned when right is set. Unlike text/tabwriter it
// counts terminal columns, so that cells with Chinese characters (two
// columns each, as in "亿元") line up.
func WriteColumns(w io.Writer, rows [][]string, right bool) error {
	var b strings.Builder
	writeAligned(&b, rows, right)
	_, err := io.WriteString(w, b.String())
	return err
}

// writeAligned writes rows with every column aligned to its widest cell,
// two spaces apart, counting terminal columns (see WriteColumns).
func writeAligned(b *strings.Builder, rows [][]string, right bool) {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displayWidth(c))
		}
	}
	for _, r := range rows {
		for i, c := range r {
			pad := strings.Repeat(" ", widths[i]-displayWidth(c))
			switch {
			case right:
				b.WriteString("  " + pad + c)
			case i == len(r)-1:
				b.WriteString(c) // no trailing spaces
			default:
				b.WriteString(c + pad + "  ")
			}
		}
		b.WriteString("\n")
	}
}

// displayWidth returns the number of terminal columns s takes: two for an
// East Asian wide character, one for any other.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		n++
		if wide(r) {
			n++
		}
	}
	return n
}

func wide(r rune) bool {
	return r >= 0x1100 && r <= 0x115F || r >= 0x2E80 && r <= 0xA4CF ||
		r >= 0xAC00 && r <= 0xD7A3 || r >= 0xF900 && r <= 0xFAFF ||
		r >= 0xFE30 && r <= 0xFE4F || r >= 0xFF00 && r <= 0xFF60 || r >= 0xFFE0 && r <= 0xFFE6
}

func firstYear(res *model.Results) int {
	if len(res.Years) == 0 {
		return 0
	}
	return res.Years[0].Year
}

func lastYear(res *model.Results) int {
	if len(res.Years) == 0 {
		return 0
	}
	return res.Years[len(res.Years)-1].Year
}
