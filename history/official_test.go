package history_test

import (
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"simulate/history"
)

// TestChinaOfficial checks the embedded NBS figures against the published
// ones: 1990–2008 computed from the 2012 yearbook's constant-price GDP
// round to NBS's published index, and 2010–2024 are the communiqués'.
func TestChinaOfficial(t *testing.T) {
	off, err := history.ChinaOfficial()
	if err != nil {
		t.Fatal(err)
	}
	if len(off) != 19+15 || off[0].Year != 1990 || off[18].Year != 2008 || off[19].Year != 2010 || off[len(off)-1].Year != 2024 {
		t.Fatalf("%d years, %d–%d", len(off), off[0].Year, off[len(off)-1].Year)
	}
	// NBS's index of GDP (preceding year = 100), as published, minus 100;
	// and the growth of the communiqués (final where there is one).
	published := map[int]float64{
		1990: 3.8, 1991: 9.2, 1992: 14.2, 1993: 14.0, 1994: 13.1, 1995: 10.9, 1996: 10.0, 1997: 9.3,
		1998: 7.8, 1999: 7.6, 2000: 8.4, 2001: 8.3, 2002: 9.1, 2003: 10.0, 2004: 10.1, 2005: 11.3,
		2006: 12.7, 2007: 14.2, 2008: 9.6,
		2010: 10.4, 2011: 9.2, 2012: 7.7, 2013: 7.7, 2014: 7.3, 2015: 6.9, 2016: 6.7, 2017: 6.8,
		2018: 6.6, 2019: 6.0, 2020: 2.2, 2021: 8.4, 2022: 3.0, 2023: 5.2, 2024: 5.0,
	}
	for _, o := range off {
		want, ok := published[o.Year]
		if !ok {
			t.Errorf("%d: not expected", o.Year)
			continue
		}
		if got := math.Round(o.Growth()*10) / 10; got != want {
			t.Errorf("%d: growth %v (rounded %v), want %v", o.Year, o.Growth(), got, want)
		}
		if lp := o.LogPoints(); !scalar.EqualWithinAbsOrRel(lp, 100*math.Log(1+o.Growth()/100), 1e-12, 1e-12) {
			t.Errorf("%d: log points %v", o.Year, lp)
		}
	}
	// First and final figures are kept apart.
	if o := off[19+7]; o.Year != 2017 || o.First != 6.9 || o.Final != 6.8 {
		t.Errorf("2017: %+v", o)
	}
	if o := off[19+8]; o.Year != 2018 || o.First != 6.6 || !math.IsNaN(o.Final) || o.Growth() != 6.6 {
		t.Errorf("2018: %+v", o)
	}
}

func TestReadOfficialErrors(t *testing.T) {
	const hdr = "year,gdp_nominal_first_yi,gdp_nominal_final_yi,real_growth_first_pct,real_growth_final_pct,note\n"
	tests := []struct{ name, src, want string }{
		{"empty", "", "history: empty input"},
		{"header", "year,growth\n2010,1\n", `history: line 1: header "year,growth"`},
		{"no rows", hdr, "history: no data rows"},
		{"ragged", hdr + "2010,1,2\n", "history: line 2: 3 fields, want 6"},
		{"bad number", hdr + "2010,1,2,x,,\n", `history: line 2, column "real_growth_first_pct": "x" is not a finite number`},
		{"nan", hdr + "2010,1,2,NaN,,\n", `"NaN" is not a finite number`},
		{"out of range", hdr + "2010,1,2,150,,\n", `line 2, column "real_growth_first_pct": 150 is outside [-100, 100]`},
		{"negative level", hdr + "2010,-1,2,5,,\n", `column "gdp_nominal_first_yi": -1 is outside`},
		{"no growth", hdr + "2010,1,2,,,\n", "history: line 2: 2010 has no real growth rate"},
		{"bad year", hdr + "20x0,1,2,5,,\n", `column "year": "20x0" is not a year`},
		{"years not increasing", hdr + "2011,,,5,,\n2010,,,5,,\n", `line 3, column "year": 2010 after 2011`},
		{"syntax", hdr + "2010,\"1,2,5,,\n", "history: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := history.ReadOfficial(strings.NewReader(tt.src))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want %q", err, tt.want)
			}
		})
	}
}

func TestReadConstantPrices(t *testing.T) {
	const hdr = "price_base_year,year,gdp_constant_yi\n"
	got, err := history.ReadConstantPrices(strings.NewReader(hdr + "1990,1990,100\n1990,1991,110\n2000,1991,200\n2000,1992,210\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Year != 1991 || !scalar.EqualWithinAbsOrRel(got[0].Final, 10, 1e-12, 1e-12) ||
		got[1].Year != 1992 || !scalar.EqualWithinAbsOrRel(got[1].Final, 5, 1e-12, 1e-12) || !math.IsNaN(got[0].First) {
		t.Errorf("got %+v", got)
	}
	for _, tt := range []struct{ name, src, want string }{
		{"two bases", hdr + "1990,1990,100\n1990,1991,110\n2000,1990,200\n2000,1991,210\n", "the growth of 1991 is given by two price bases"},
		{"twice", hdr + "1990,1990,100\n1990,1990,110\n", "line 3: price base 1990, year 1990 given twice (first at line 2)"},
		{"zero", hdr + "1990,1990,0\n", `line 2, column "gdp_constant_yi": want a positive level`},
		{"empty level", hdr + "1990,1990,\n", "want a positive level"},
		{"header", "base,year,gdp\n", "header"},
		{"too fast", hdr + "1990,1990,1\n1990,1991,1e300\n", "history: line 3: growth of"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := history.ReadConstantPrices(strings.NewReader(tt.src))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want %q", err, tt.want)
			}
		})
	}
}

// TestCompareOfficial checks the gap by period against means by hand.
func TestCompareOfficial(t *testing.T) {
	res, _ := history.Decompose(country(t, "CHN"), auto)
	off, _ := history.ChinaOfficial()
	gaps := history.CompareOfficial(res, off, []history.Period{{2011, 2017}, {2007, 2011}, {2017, 2024}, {1950, 1960}})
	if len(gaps) != 2 {
		t.Fatalf("%d periods, want 2 (none after 2017 in PWT, none before 1990 in NBS)", len(gaps))
	}
	g := gaps[0]
	if len(g.Years) != 6 {
		t.Errorf("years %v", g.Years)
	}
	var pwtSum, nbs float64
	for _, r := range res.Rows {
		if r.Year >= 2012 && r.Year <= 2017 {
			pwtSum += r.GDP
		}
	}
	for _, g := range []float64{7.7, 7.7, 7.3, 6.9, 6.7, 6.8} {
		nbs += 100 * math.Log1p(g/100)
	}
	if !scalar.EqualWithinAbsOrRel(g.PWT, pwtSum/6, handTol, handTol) || !scalar.EqualWithinAbsOrRel(g.Official, nbs/6, handTol, handTol) ||
		!scalar.EqualWithinAbsOrRel(g.Gap(), g.PWT-g.Official, handTol, handTol) {
		t.Errorf("2011-2017: %+v, want PWT %v, NBS %v", g, pwtSum/6, nbs/6)
	}
	// 2007–2011: 2009 has no official figure and is left out of both means.
	if y := gaps[1].Years; len(y) != 3 || y[0] != 2008 || y[1] != 2010 || y[2] != 2011 {
		t.Errorf("2007-2011 years %v, want 2008, 2010, 2011", y)
	}
	t.Logf("2011–2017: PWT %.2f, NBS %.2f log points a year", g.PWT, g.Official)
}
