package main

import (
	"math"
	"strconv"

	"simulate/metrics"
	"simulate/model"
)

// Numbers for people: printed tables and messages round a value to what
// it means, never show float64 noise (46306.89999998528) and never use an
// exponent (4.662e+04). Files keep full precision (results.Format).

// metricText formats a value of metric m with the decimals of its row in
// the metrics table (亿元 to 0.1, the II share to 0.1 %, growth to 0.01 %),
// and its unit.
func metricText(m metrics.Metric, v float64) string {
	return fixed(v, m.Column().Decimals) + " " + m.Unit()
}

// fixedOrZero formats v with d decimals, or as "0" when it is zero up to
// noise × scale (a swing that is float64 rounding only).
func fixedOrZero(v float64, d int, scale float64) string {
	if math.Abs(v) <= noise*math.Max(1, math.Abs(scale)) {
		return "0"
	}
	return fixed(v, d)
}

// fixed formats v with d decimals, without an exponent and without "-0",
// or "–" for NaN (a value the data do not give).
func fixed(v float64, d int) string {
	if math.IsNaN(v) {
		return "–"
	}
	s := strconv.FormatFloat(v, 'f', d, 64)
	if r, err := strconv.ParseFloat(s, 64); err == nil && r == 0 {
		return strconv.FormatFloat(0, 'f', d, 64)
	}
	return s
}

// noise is how small, relative to the values it is printed with, a value
// is taken for zero: float64 rounding of a value that does not move.
const noise = 1e-9

// decimalsToShow returns the number of decimals, at least least and at
// most 6, with which the smallest value of vs that is not zero (nor below
// noise × scale) shows two significant digits: so that a small swing is
// not printed 0.0.
func decimalsToShow(least int, scale float64, vs ...float64) int {
	d := least
	for _, v := range vs {
		a := math.Abs(v)
		if a <= noise*math.Max(1, math.Abs(scale)) || math.IsNaN(a) || math.IsInf(a, 0) {
			continue
		}
		// Two significant digits: the first digit is at 10^floor(log10 a).
		need := 1 - int(math.Floor(math.Log10(a)))
		d = max(d, min(need, 6))
	}
	return d
}

// valueText formats an input value (key units) for a person: rounded to
// five significant digits, without an exponent or float noise.
func valueText(v float64) string {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return model.FormatValue(v)
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 5, 64), 64)
	if err != nil {
		return model.FormatValue(v)
	}
	return model.FormatValue(r)
}
