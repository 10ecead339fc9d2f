package results

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"simulate/metrics"
	"simulate/model"
)

// WriteTable prints res as a table for reading: one row per year with
// the year and every column of [metrics.Columns] that has a short header
// (header and unit, rounded to its decimals), then the line of totals:
// every row of [metrics.Totals] with a short header.
func WriteTable(w io.Writer, title string, res *model.Results) error {
	var cols []*metrics.Column
	for i := range metrics.Columns {
		if c := &metrics.Columns[i]; c.Short != "" {
			cols = append(cols, c)
		}
	}
	head := []string{"year"}
	for _, c := range cols {
		head = append(head, c.Header())
	}
	rows := [][]string{head}
	for i := range res.Years {
		y := &res.Years[i]
		row := []string{strconv.Itoa(y.Year)}
		for _, c := range cols {
			row = append(row, fmt.Sprintf("%.*f", c.Decimals, c.Value(y)))
		}
		rows = append(rows, row)
	}
	var totals []string
	for i := range metrics.Totals {
		if c := &metrics.Totals[i]; c.Short != "" && !c.PerChannel() {
			totals = append(totals, fmt.Sprintf("%s %.*f %s", c.Short, c.Decimals, c.Total(res), c.Unit))
		}
	}
	var b strings.Builder
	b.WriteString(title + "\n")
	writeAligned(&b, rows, true)
	fmt.Fprintf(&b, "period %d–%d: %s\n", firstYear(res), lastYear(res), strings.Join(totals, " · "))
	_, err := io.WriteString(w, b.String())
	return err
}

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
