package results

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"simulate/model"
)

// WriteTable prints res as a table for reading: one row per year with units
// in the header, and the period totals below.
func WriteTable(w io.Writer, title string, res *model.Results) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	header := []string{
		"year", "GDP 亿元", "growth %", "ΔGDP 亿元",
		"L pp", "K pp", "TFP pp", "L %", "K %", "TFP %",
		"II share %", "II 亿元", "cum. II 亿元",
	}
	fmt.Fprintln(tw, strings.Join(header, "\t")+"\t")
	for _, y := range res.Years {
		fmt.Fprintf(tw, "%d\t%.1f\t%.2f\t%.1f\t%.2f\t%.2f\t%.2f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t\n",
			y.Year, y.GDP, 100*y.Growth, y.DeltaGDP,
			100*y.Contribution[model.Labor], 100*y.Contribution[model.Capital], 100*y.Contribution[model.TFP],
			100*y.Share[model.Labor], 100*y.Share[model.Capital], 100*y.Share[model.TFP],
			100*y.IIShare, y.II, y.IICumulative)
	}
	if _, err := fmt.Fprintln(w, title); err != nil {
		return err
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	t := res.Totals
	_, err := fmt.Fprintf(w, "period %d–%d: Σ II %.1f 亿元 · Σ ΔGDP %.1f 亿元 · II share of growth %.2f %%\n",
		firstYear(res), lastYear(res), t.II, t.DeltaGDP, 100*t.IIShare)
	return err
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
