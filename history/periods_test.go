package history_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"simulate/history"
	"simulate/pwt"
)

func TestParsePeriods(t *testing.T) {
	tests := []struct {
		in   string
		want []history.Period
		errs []string
	}{
		{"1990-2000,2000-2010,2010-2017", []history.Period{{1990, 2000}, {2000, 2010}, {2010, 2017}}, nil},
		{" 1990–2000 , 2000 - 2010", []history.Period{{1990, 2000}, {2000, 2010}}, nil},
		{"2000-1990", nil, []string{`history: period "2000-1990" is reversed: write 1990-2000`}},
		{"2000-2000", nil, []string{`history: period "2000-2000" holds no growth`}},
		{"1990", nil, []string{`history: period "1990" is not FROM-TO`}},
		{"1990-2000,,x-y", nil, []string{`history: "1990-2000,,x-y": an empty period`, `period "x-y" is not FROM-TO`}},
		{"0-10", nil, []string{`period "0-10" has a year outside 1–9999`}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := history.ParsePeriods(tt.in)
			if tt.errs == nil {
				if err != nil || len(got) != len(tt.want) {
					t.Fatalf("got %v, %v; want %v", got, err, tt.want)
				}
				for i := range got {
					if got[i] != tt.want[i] {
						t.Errorf("period %d: got %v, want %v", i, got[i], tt.want[i])
					}
				}
				return
			}
			if err == nil {
				t.Fatalf("got %v, want an error", got)
			}
			for _, w := range tt.errs {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
	if s := (history.Period{From: 1990, To: 2000}).String(); s != "1990-2000" {
		t.Errorf("String %q", s)
	}
}

// TestMeansByHand checks the period table of China and the USA against
// means worked out here from the rows, year by year.
func TestMeansByHand(t *testing.T) {
	ps := []history.Period{{1990, 2000}, {2000, 2010}, {2010, 2017}}
	for _, iso := range []string{"CHN", "USA"} {
		t.Run(iso, func(t *testing.T) {
			res, err := history.Decompose(country(t, iso), auto)
			if err != nil {
				t.Fatal(err)
			}
			got, err := history.Means(res, ps)
			if err != nil {
				t.Fatal(err)
			}
			byYear := map[int]history.Row{}
			for _, r := range res.Rows {
				byYear[r.Year] = r
			}
			for i, p := range ps {
				var want [8]float64
				for y := p.From + 1; y <= p.To; y++ {
					r, ok := byYear[y]
					if !ok {
						t.Fatalf("%d: no row", y)
					}
					for j, v := range []float64{r.GDP, r.Capital, r.Labour, r.LabourHours, r.LabourQuality, r.TFP, r.GDPPerCapita, r.GDPPerWorker} {
						want[j] += v / float64(p.To-p.From)
					}
				}
				m := got[i]
				if m.Period != p || m.Rows != p.Years() || len(m.Missing) != 0 {
					t.Errorf("%v: period %v, %d rows, missing %v", p, m.Period, m.Rows, m.Missing)
				}
				for j, v := range []float64{m.GDP, m.Capital, m.Labour, m.LabourHours, m.LabourQuality, m.TFP, m.GDPPerCapita, m.GDPPerWorker} {
					if !scalar.EqualWithinAbsOrRel(v, want[j], handTol, handTol) {
						t.Errorf("%v: mean %d = %v, want %v", p, j, v, want[j])
					}
				}
				if sum := m.Capital + m.Labour + m.TFP; !scalar.EqualWithinAbsOrRel(sum, m.GDP, identityTol, identityTol) {
					t.Errorf("%v: contributions add to %v, growth %v", p, sum, m.GDP)
				}
				if s := m.Share(m.Capital) + m.Share(m.Labour) + m.Share(m.TFP); !scalar.EqualWithinAbsOrRel(s, 100, 1e-9, 1e-9) {
					t.Errorf("%v: shares add to %v", p, s)
				}
				// Average annual log growth from the levels, as TED and KLEMS
				// tabulate it.
				s := country(t, iso)
				a, _ := s.Row(p.From)
				b, _ := s.Row(p.To)
				y0, _ := a.Value(pwt.RGDPNA)
				y1, _ := b.Value(pwt.RGDPNA)
				if lv := 100 * math.Log(y1/y0) / float64(p.Years()); !scalar.EqualWithinAbsOrRel(m.GDP, lv, handTol, handTol) {
					t.Errorf("%v: mean growth %v, from the levels %v", p, m.GDP, lv)
				}
			}
		})
	}
}

// TestMeansErrors: periods outside the rows, and a period with missing
// years inside.
func TestMeansErrors(t *testing.T) {
	res, _ := history.Decompose(country(t, "CHN"), auto) // rows 1957–2017
	_, err := history.Means(res, []history.Period{{1950, 1960}, {2000, 2010}, {2010, 2020}})
	var pe *history.PeriodError
	if !errors.As(err, &pe) || pe.Period != (history.Period{From: 1950, To: 1960}) || pe.First != 1957 || pe.Last != 2017 {
		t.Fatalf("got %v", err)
	}
	for _, w := range []string{
		"history: period 1950-1960 is outside the data of CHN, which give growth for 1957–2017: periods may run from 1956 to 2017",
		"period 2010-2020 is outside",
	} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q lacks %q", err, w)
		}
	}
	if _, err := history.Means(res, []history.Period{{1956, 2017}}); err != nil {
		t.Errorf("the whole span: %v", err)
	}
	if _, err := history.Means(history.Result{ISO: "XYZ"}, []history.Period{{2000, 2001}}); err == nil || !strings.Contains(err.Error(), "XYZ has no rows") {
		t.Errorf("no rows: %v", err)
	}

	// A gap inside a period: the mean is over the rows there are.
	s := series(t,
		"X,XYZ,2000,100,200,1,10,2000,2,0.6,1",
		"X,XYZ,2001,110,200,1,10,2000,2,0.6,1",
		"X,XYZ,2003,120,200,1,10,2000,2,0.6,1",
		"X,XYZ,2004,130,200,1,10,2000,2,0.6,1",
	)
	res, _ = history.Decompose(s, auto)
	m, err := history.Means(res, []history.Period{{2000, 2004}})
	if err != nil {
		t.Fatal(err)
	}
	if m[0].Rows != 2 || len(m[0].Missing) != 2 || m[0].Missing[0] != 2002 || m[0].Missing[1] != 2003 {
		t.Errorf("rows %d, missing %v; want 2, [2002 2003]", m[0].Rows, m[0].Missing)
	}
	if want := 100 * (math.Log(1.1) + math.Log(13.0/12)) / 2; !scalar.EqualWithinAbsOrRel(m[0].GDP, want, handTol, handTol) {
		t.Errorf("GDP %v, want %v", m[0].GDP, want)
	}
	if !math.IsNaN(m[0].GDPPerCapita) {
		t.Errorf("per capita %v without pop, want NaN", m[0].GDPPerCapita)
	}
	if _, err := history.Means(res, []history.Period{{2001, 2002}}); err == nil || !strings.Contains(err.Error(), "XYZ has no row of growth from 2001 to 2002") {
		t.Errorf("a period of gaps: %v", err)
	}
}

func TestDecades(t *testing.T) {
	for _, tt := range []struct {
		from, to int
		want     string
	}{
		{1970, 2017, "[1970-1980 1980-1990 1990-2000 2000-2010 2010-2017]"},
		{1956, 2017, "[1960-1970 1970-1980 1980-1990 1990-2000 2000-2010 2010-2017]"},
		{2009, 2017, "[2010-2017]"},
		{2011, 2017, "[2011-2017]"},
		{2000, 2010, "[2000-2010]"},
		{2010, 2010, "[]"},
	} {
		var got []string
		for _, p := range history.Decades(tt.from, tt.to) {
			got = append(got, p.String())
		}
		if s := "[" + strings.Join(got, " ") + "]"; s != tt.want {
			t.Errorf("Decades(%d, %d) = %s, want %s", tt.from, tt.to, s, tt.want)
		}
	}
}
