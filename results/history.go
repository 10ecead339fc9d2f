package results

import (
	"encoding/csv"
	"io"
	"strconv"

	"simulate/history"
)

// HistoryColumns are the columns of history.csv. Growth and contributions
// are in log points (100 × log difference), so that they add up exactly;
// labor_share is a fraction.
var HistoryColumns = []string{"year", "gdp_growth_pct", "capital_pp", "labor_pp", "tfp_pp", "labor_share"}

// WriteHistoryCSV writes history.csv of simulate history: the header
// [HistoryColumns] and a row per year of rows, at full precision.
func WriteHistoryCSV(w io.Writer, rows []history.Row) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(HistoryColumns); err != nil {
		return err
	}
	for _, r := range rows {
		rec := []string{strconv.Itoa(r.Year), Format(r.GDP), Format(r.Capital), Format(r.Labour), Format(r.TFP), Format(r.LabourShare)}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
