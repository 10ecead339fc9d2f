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

// TestCheckFiniteOf: the error names the inputs that produce the value,
// for a per-year column and for a total per channel (each year finite,
// their sum not). The inputs are built past validation.
func TestCheckFiniteOf(t *testing.T) {
	for _, c := range []struct {
		name string
		in   func() *model.Inputs
		want string
	}{{
		name: "a NaN λ",
		in: func() *model.Inputs {
			in := model.NewInputs(2018, 2)
			in.BaseGDP = 1000
			for i := range 2 {
				in.Growth[i], in.LaborShare[i], in.CapitalShare[i], in.LaborII[i] = 0.05, 0.1, 0.3, 0.1
			}
			in.LaborII[0] = math.NaN()
			return in
		},
		want: "ii_share_pct is NaN in year 2019: the inputs give a result that is not a finite number, produced by labor.ii_share[2019] = NaN",
	}, {
		// Labour's channel is 1e308 in each year and capital's −1e308:
		// every year's II is 0, labour's total over the span +Inf.
		name: "a total per channel",
		in: func() *model.Inputs {
			in := model.NewInputs(2018, 2)
			in.BaseGDP = 1e308
			for i := range 2 {
				in.Form[i] = model.Contributions
				in.LaborContribution[i], in.CapitalContribution[i] = 1, -1
				in.LaborII[i], in.ICTShare[i], in.PrivateIIShare[i] = 1, 1, 1
			}
			return in
		},
		want: "ii_by_channel_yi.labor is +Inf in the period total: the inputs give a result that is not a finite number, " +
			"produced by gdp.base_yi = 1e+308",
	}} {
		t.Run(c.name, func(t *testing.T) {
			in := c.in()
			var res model.Results
			model.Evaluate(&res, in)
			err := results.CheckFiniteOf(in, &res)
			var nf *results.NonFiniteError
			if !errors.As(err, &nf) || nf.Inputs == nil {
				t.Fatalf("got %v, want a *results.NonFiniteError with inputs", err)
			}
			if got := err.Error(); got != c.want {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}
