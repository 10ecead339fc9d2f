package results_test

import (
	"bytes"
	"errors"
	"math"
	"testing"

	"simulate/model"
	"simulate/results"
)

// TestWritersRefuseNonFinite: no NaN or infinity is ever written; the
// error names the column and year.
func TestWritersRefuseNonFinite(t *testing.T) {
	_, r := run(t, "report2020")
	res := *r
	res.Years = append([]model.Year(nil), r.Years...)
	if err := results.CheckFinite(&res); err != nil {
		t.Fatal(err)
	}
	res.Years[1].Share[model.Labor] = math.Inf(1)
	var buf bytes.Buffer
	err := results.WriteCSV(&buf, &res)
	var nf *results.NonFiniteError
	if !errors.As(err, &nf) || nf.Year != res.Years[1].Year || nf.Column != "labor_share_pct" || buf.Len() != 0 {
		t.Errorf("got %v (%d bytes written), want a *results.NonFiniteError for labor_share_pct in %d", err, buf.Len(), res.Years[1].Year)
	}
	res.Years[1].Share[model.Labor] = 0
	res.Years[0].II = math.NaN()
	if err := results.CheckFinite(&res); err == nil {
		t.Error("NaN II accepted")
	}
	sum := &results.Summary{Totals: results.Totals{Values: map[string]float64{"ii_total_yi": math.NaN()}}}
	if err := results.WriteJSON(&buf, sum); !errors.As(err, &nf) || nf.Column != "ii_total_yi" || buf.Len() != 0 {
		t.Errorf("summary: got %v", err)
	}
}
