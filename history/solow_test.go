package history_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"simulate/history"
	"simulate/pwt"
)

// TestSolowStart recomputes the starting point of China 2017 from the raw PWT
// values and checks a few against figures read off the CSV by hand.
func TestSolowStart(t *testing.T) {
	s := country(t, "CHN")
	st, err := history.SolowStart(s, 2017, 5)
	if err != nil {
		t.Fatal(err)
	}
	v := func(x pwt.Var, y int) float64 {
		t.Helper()
		r, _ := s.Row(y)
		f, ok := r.Value(x)
		if !ok {
			t.Fatalf("%v %d missing", x, y)
		}
		return f
	}
	meanLog := func(x0, x1 float64) float64 { return math.Expm1(math.Log(x1/x0) / 5) }
	res, err := history.Decompose(s, history.Options{Capital: pwt.CapitalStock, From: 2013, To: 2017})
	if err != nil {
		t.Fatal(err)
	}
	var tfp float64
	for _, r := range res.Rows {
		tfp += r.TFP / 500
	}
	for _, c := range []struct {
		name      string
		got, want float64
		tol       float64
	}{
		{"κ", st.CapitalOutput, v(pwt.RNNA, 2017) / v(pwt.RGDPNA, 2017), handTol},
		{"κ (by hand)", st.CapitalOutput, 94903728.0 / 18978502, handTol},
		{"s^I", st.InvestmentRate, (v(pwt.RNNA, 2017) - (1-v(pwt.DELTA, 2017))*v(pwt.RNNA, 2016)) / v(pwt.RGDPNA, 2017), handTol},
		{"csh_i", st.InvestmentShareCurrentPPP, 0.497658461332321, handTol},
		{"δ", st.Depreciation, 0.0533561035990715, handTol},
		{"α", st.CapitalShare, 1 - 0.583168685436249, handTol},
		{"g_L", st.LaborGrowth, meanLog(v(pwt.EMP, 2012)*v(pwt.AVH, 2012), v(pwt.EMP, 2017)*v(pwt.AVH, 2017)), handTol},
		{"g_h", st.HumanCapitalGrowth, meanLog(v(pwt.HC, 2012), v(pwt.HC, 2017)), handTol},
		{"g_A (rtfpna)", st.TFPGrowthRTFPNA, meanLog(v(pwt.RTFPNA, 2012), v(pwt.RTFPNA, 2017)), handTol},
		{"g_A", st.TFPGrowth, math.Expm1(tfp), handTol},
	} {
		if !scalar.EqualWithinAbsOrRel(c.got, c.want, c.tol, c.tol) {
			t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
		}
	}
	if st.From != 2013 || st.Year != 2017 || st.ISO != "CHN" {
		t.Errorf("got %s %d–%d, want CHN 2013–2017", st.ISO, st.From, st.Year)
	}
	t.Logf("%+v", st)
}

func TestSolowStartErrors(t *testing.T) {
	s := country(t, "CHN")
	tests := []struct {
		year, window int
		want         string
	}{
		{1965, 3, "avh 1962 missing"},
		{1952, 1, "rnna 1951 missing"},
		{2017, 0, "at least 1"},
		{2018, 1, "rgdpna 2018 missing"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.year, "/", tt.window), func(t *testing.T) {
			_, err := history.SolowStart(s, tt.year, tt.window)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}
