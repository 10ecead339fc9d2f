package calibrate_test

import (
	"strings"
	"testing"

	"simulate/calibrate"
	"simulate/model"
	"simulate/scenarios"
)

// TestPublished: report2020 names the report's 14 figures; each comes back
// beside the model's value, which matches it to the printed precision; a
// run that covers fewer years gets fewer rows; a scenario that names no
// spec gets none.
func TestPublished(t *testing.T) {
	s, err := scenarios.LoadEmbedded("report2020")
	if err != nil {
		t.Fatal(err)
	}
	var res model.Results
	model.Evaluate(&res, s.Inputs)
	rows, err := calibrate.Published(s, &res)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 14 {
		t.Fatalf("%d published rows, want the report's 14", len(rows))
	}
	for _, r := range rows {
		if r.Model != r.Metric.Value(&res) {
			t.Errorf("%s: model %v, want %v", r.Metric, r.Model, r.Metric.Value(&res))
		}
		if !r.Within() {
			t.Errorf("%s: model %v, published %v (precision %v)", r.Metric, r.Model, r.Published, r.Precision)
		}
	}

	short := res
	short.Years = res.Years[:3] // 2019–2021
	rows, err = calibrate.Published(s, &short)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) >= 14 || len(rows) == 0 {
		t.Errorf("2019–2021: %d rows, want some of the 14 left out", len(rows))
	}

	s.Published = ""
	if rows, err := calibrate.Published(s, &res); err != nil || rows != nil {
		t.Errorf("no spec named: %v, %v; want none", rows, err)
	}
	s.Published = "nosuch"
	if _, err := calibrate.Published(s, &res); err == nil || !strings.Contains(err.Error(), "published") {
		t.Errorf("unknown spec: %v, want an error naming the key", err)
	}
}
