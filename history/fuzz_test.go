package history_test

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"simulate/history"
)

// FuzzReadOfficial: the readers of NBS data never panic, and what they
// accept is finite and in order.
func FuzzReadOfficial(f *testing.F) {
	for _, name := range []string{"china_nbs_gdp.csv", "china_nbs_gdp_constant.csv"} {
		b, err := os.ReadFile(filepath.Join("data", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("year,gdp_nominal_first_yi,gdp_nominal_final_yi,real_growth_first_pct,real_growth_final_pct,note\n2010,1,,5,,\"x\"\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, read := range []func([]byte) ([]history.Official, error){
			func(b []byte) ([]history.Official, error) { return history.ReadOfficial(bytes.NewReader(b)) },
			func(b []byte) ([]history.Official, error) { return history.ReadConstantPrices(bytes.NewReader(b)) },
		} {
			off, err := read(b)
			if err != nil {
				if err.Error() == "" {
					t.Error("empty error")
				}
				continue
			}
			for i, o := range off {
				if g := o.Growth(); !(g >= -100 && g <= 100) {
					t.Errorf("%d: growth %v", o.Year, g)
				}
				// Each figure is finite or NaN (missing); the log
				// points computed from them finite (−100 % is −Inf).
				if math.IsInf(o.First, 0) || math.IsInf(o.Final, 0) {
					t.Errorf("%d: first %v, final %v", o.Year, o.First, o.Final)
				}
				if lp := o.LogPoints(); o.Growth() > -100 && (math.IsNaN(lp) || math.IsInf(lp, 0)) {
					t.Errorf("%d: log points %v of growth %v", o.Year, lp, o.Growth())
				}
				if i > 0 && o.Year <= off[i-1].Year {
					t.Errorf("years %d then %d", off[i-1].Year, o.Year)
				}
			}
		}
	})
}

// FuzzParsePeriods: no panics; what is accepted runs forward in 1–9999 and
// prints back to a list that parses to the same periods.
//
// It computes no floating-point number: periods are whole years.
func FuzzParsePeriods(f *testing.F) {
	for _, s := range []string{"1990-2000,2000-2010,2010-2017", "1990–2000", "2000-1990", ",", "1-9999", "-5-3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ps, err := history.ParsePeriods(s)
		if err != nil {
			if err.Error() == "" {
				t.Error("empty error")
			}
			return
		}
		var back []string
		for _, p := range ps {
			if p.From < 1 || p.To > 9999 || p.From >= p.To {
				t.Errorf("accepted %v from %q", p, s)
			}
			back = append(back, p.String())
		}
		again, err := history.ParsePeriods(strings.Join(back, ","))
		if err != nil || len(again) != len(ps) {
			t.Errorf("%q → %v → %v, %v", s, ps, again, err)
		}
	})
}
