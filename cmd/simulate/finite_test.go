package main

import (
	"bytes"
	"strings"
	"testing"

	"simulate/model"
	"simulate/scenarios"
	"simulate/sensitivity"
)

// TestFiniteNamesInputs: a result that is not finite is refused with exit
// 2, and the message names the scenario, the column and year, and the
// inputs that produce the value with their exact values. Validated
// inputs no longer reach one, so report2020's inputs are changed here,
// past validation: a base of 1e307 doubling every year passes the largest
// float64 in 2023.
func TestFiniteNamesInputs(t *testing.T) {
	s := doublingReport2020(t)
	s.Inputs.BaseGDP = 1e307
	var res model.Results
	model.Evaluate(&res, s.Inputs)
	var stderr bytes.Buffer
	code := exitCode(finite(s, &res), &stderr)
	if code != exitInvalid {
		t.Errorf("exit code %d, want %d", code, exitInvalid)
	}
	want := "simulate: " + s.Source + ": gdp_yi is +Inf in year 2023: the inputs give a result that is not a finite number, " +
		"produced by gdp.base_yi = 1e+307; check its inputs\n"
	if got := stderr.String(); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if strings.Contains(stderr.String(), "panic") {
		t.Error(stderr.String())
	}
}

// TestSweepFiniteNamesInputs: a sweep point whose metric is not finite is
// refused before anything is written, naming its row and the inputs of
// its run that produce the value. Sweep points are validated, so the
// points are run here past validation: report2020 doubling every year,
// its base swept over 1e300 and 1e308 (GDP of 2024 is 64 times the base:
// +Inf from 1e308).
func TestSweepFiniteNamesInputs(t *testing.T) {
	s := doublingReport2020(t)
	r, err := sensitivity.ParseRange("gdp.base_yi=1e300:1e308:2")
	if err != nil {
		t.Fatal(err)
	}
	m := mustMetric("gdp_last_yi")
	res := &sensitivity.SweepResult{Ranges: []sensitivity.Range{r}, X: r.Values(), Metric: m}
	b, err := model.Bind(s.Inputs, []model.Target{r.Target})
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range res.X {
		b.Apply([]float64{x})
		var out model.Results
		model.Evaluate(&out, b.Inputs())
		res.Z = append(res.Z, m.Value(&out))
	}
	var stderr bytes.Buffer
	if code := exitCode(sweepFinite(s, res), &stderr); code != exitInvalid {
		t.Errorf("exit code %d, want %d", code, exitInvalid)
	}
	want := "simulate: " + s.Source + ": sweep.csv: gdp_last_yi is +Inf in row 2 (1e+308): " +
		"the inputs of that row give a result that is not a finite number, produced by gdp.base_yi = 1e+308; nothing is written\n"
	if got := stderr.String(); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestTornadoFiniteNamesInputs: as TestSweepFiniteNamesInputs, for a bar of
// a tornado: its high end, a base of 1e308, gives +Inf.
func TestTornadoFiniteNamesInputs(t *testing.T) {
	s := doublingReport2020(t)
	c, err := sensitivity.ParseChange("gdp.base_yi=1")
	if err != nil {
		t.Fatal(err)
	}
	m := mustMetric("gdp_last_yi")
	bar := sensitivity.Bar{Factor: sensitivity.TargetFactor(c.Target), Low: 1e300, High: 1e308}
	b, err := model.Bind(s.Inputs, bar.Targets)
	if err != nil {
		t.Fatal(err)
	}
	for k, x := range []float64{bar.Low, bar.High} {
		b.Apply([]float64{x})
		var out model.Results
		model.Evaluate(&out, b.Inputs())
		if k == 0 {
			bar.MetricLow = m.Value(&out)
		} else {
			bar.MetricHigh = m.Value(&out)
		}
	}
	var stderr bytes.Buffer
	if code := exitCode(tornadoFinite(s, []sensitivity.Bar{bar}, m), &stderr); code != exitInvalid {
		t.Errorf("exit code %d, want %d", code, exitInvalid)
	}
	want := "simulate: " + s.Source + ": tornado.csv: metric_high is +Inf in row 1 (" + bar.Label + "): " +
		"the inputs of that row give a result that is not a finite number, produced by gdp.base_yi = 1e+308; nothing is written\n"
	if got := stderr.String(); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// doublingReport2020 returns report2020 with GDP doubling every year
// (growth 100 %), so that a large base overflows by the last year.
func doublingReport2020(t *testing.T) *scenarios.Scenario {
	t.Helper()
	s, err := scenarios.Open("report2020")
	if err != nil {
		t.Fatal(err)
	}
	for i := range s.Inputs.Growth {
		s.Inputs.Growth[i] = 1
	}
	return s
}
