package results

import (
	"encoding/csv"
	"io"
	"strconv"

	"simulate/model"
)

// Columns are the columns of results.csv, in order. Other tools rely on
// these names and this order: extend, never rename.
var Columns = []string{
	"year", "gdp_yi", "growth_pct", "delta_gdp_yi",
	"labor_pp", "capital_pp", "tfp_pp",
	"labor_share_pct", "capital_share_pct", "tfp_share_pct",
	"ii_share_pct",
	"ii_labor_yi", "ii_capital_yi", "ii_tfp_tp_yi", "ii_tfp_te_yi", "ii_tfp_se_yi", "ii_tfp_ae_yi",
	"ii_increment_yi", "ii_cumulative_yi",
}

// Row returns the values of one year in the order of Columns.
func Row(y *model.Year) []float64 {
	return []float64{
		float64(y.Year), y.GDP, 100 * y.Growth, y.DeltaGDP,
		100 * y.Contribution[model.Labor], 100 * y.Contribution[model.Capital], 100 * y.Contribution[model.TFP],
		100 * y.Share[model.Labor], 100 * y.Share[model.Capital], 100 * y.Share[model.TFP],
		100 * y.IIShare,
		y.Channel[model.ChannelLabor], y.Channel[model.ChannelCapital],
		y.Channel[model.ChannelTP], y.Channel[model.ChannelTE], y.Channel[model.ChannelSE], y.Channel[model.ChannelAE],
		y.II, y.IICumulative,
	}
}

// Format writes v at full precision: the shortest decimal that reads back
// as v, in fixed notation.
func Format(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// WriteCSV writes res as results.csv: a header of Columns and one row per
// year.
func WriteCSV(w io.Writer, res *model.Results) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(Columns); err != nil {
		return err
	}
	rec := make([]string, len(Columns))
	for i := range res.Years {
		for k, v := range Row(&res.Years[i]) {
			rec[k] = Format(v)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
