package results

import (
	"encoding/csv"
	"io"
	"strconv"

	"simulate/metrics"
	"simulate/model"
)

// Columns are the columns of results.csv, in order: "year", then the name
// of every per-year column of package metrics ([metrics.Columns]). Other
// tools rely on these names and this order: extend, never rename.
var Columns = header()

func header() []string {
	h := []string{"year"}
	for i := range metrics.Columns {
		h = append(h, metrics.Columns[i].Name)
	}
	return h
}

// Format writes v at full precision: the shortest decimal that reads back
// as v, in fixed notation.
func Format(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// WriteCSV writes res as results.csv: a header of the year and every
// per-year column of package metrics, and one row per year, each value at
// full precision as [metrics.Column.FileValue] gives it (an input echoed
// reads as typed). It writes nothing and returns a *NonFiniteError when a
// value is NaN or infinite.
func WriteCSV(w io.Writer, res *model.Results) error {
	if err := CheckFinite(res); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(header()); err != nil {
		return err
	}
	for i := range res.Years {
		y := &res.Years[i]
		rec := []string{strconv.Itoa(y.Year)}
		for j := range metrics.Columns {
			rec = append(rec, Format(metrics.Columns[j].FileValue(y)))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
