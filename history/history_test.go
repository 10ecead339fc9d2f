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

// Tolerances.
const (
	// rtfpnaTol bounds |dln A − dln rtfpna| (log growth, not ×100). The data README
	// reports 1.3e-7 for China 1971–2017 and the USA 1955–2017; the CSV holds PWT's
	// single-precision values to 15 digits, so exact agreement is not expected.
	rtfpnaTol = 1e-6
	// notRtfpna is the smallest max |dln A − dln rtfpna| a non-default option must
	// show. The data README reports differences up to 0.020 for them; measured
	// maxima are 0.008–0.030, all far above rtfpnaTol.
	notRtfpna = 1e-3
	// identityTol bounds |GDP − (Capital + Labour + TFP)| in log points: TFP is
	// the residual, so only float64 rounding of sums near 10 remains.
	identityTol = 1e-12
	// handTol is for values worked out by hand from exact logs in the test.
	handTol = 1e-12
)

// defaultTable loads the embedded PWT or stops the test.
func defaultTable(tb testing.TB) *pwt.Table {
	tb.Helper()
	tab, err := pwt.Default()
	if err != nil {
		tb.Fatalf("pwt.Default: %v", err)
	}
	return tab
}

func country(tb testing.TB, iso string) pwt.Series {
	tb.Helper()
	s, ok := defaultTable(tb).Country(iso)
	if !ok {
		tb.Fatalf("no %s in PWT", iso)
	}
	return s
}

// rtfpnaDiff returns, over rows where rtfpna is present in t − 1 and t, the
// largest |TFP/100 − dln rtfpna|, and how many rows were compared.
func rtfpnaDiff(tb testing.TB, s pwt.Series, rows []history.Row) (maxDiff float64, n int) {
	tb.Helper()
	for _, r := range rows {
		p, _ := s.Row(r.Year - 1)
		c, _ := s.Row(r.Year)
		a0, ok0 := p.Value(pwt.RTFPNA)
		a1, ok1 := c.Value(pwt.RTFPNA)
		if !ok0 || !ok1 {
			continue
		}
		maxDiff = max(maxDiff, math.Abs(r.TFP/100-math.Log(a1/a0)))
		n++
	}
	return maxDiff, n
}

func TestReproducesRTFPNA(t *testing.T) {
	tests := []struct {
		iso      string
		minYears int
		first    int // first year with complete inputs, per the data
	}{
		{"CHN", 40, 1971}, // avh starts in 1970
		{"USA", 60, 1955}, // rkna starts in 1954
	}
	for _, tt := range tests {
		t.Run(tt.iso, func(t *testing.T) {
			s := country(t, tt.iso)
			res, err := history.Decompose(s, history.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Rows) < tt.minYears {
				t.Errorf("%d years with complete inputs, want ≥ %d", len(res.Rows), tt.minYears)
			}
			if got := res.Rows[0].Year; got != tt.first {
				t.Errorf("first row %d, want %d", got, tt.first)
			}
			for _, r := range res.Rows {
				p, _ := s.Row(r.Year - 1)
				c, _ := s.Row(r.Year)
				a0, ok0 := p.Value(pwt.RTFPNA)
				a1, ok1 := c.Value(pwt.RTFPNA)
				if !ok0 || !ok1 {
					t.Errorf("%d: rtfpna missing, cannot compare", r.Year)
					continue
				}
				if want := math.Log(a1 / a0); !scalar.EqualWithinAbsOrRel(r.TFP/100, want, rtfpnaTol, rtfpnaTol) {
					t.Errorf("%d: dln A = %.9f, want dln rtfpna = %.9f", r.Year, r.TFP/100, want)
				}
			}
			d, n := rtfpnaDiff(t, s, res.Rows)
			t.Logf("%s: max |dln A − dln rtfpna| = %.2e over %d years (%d–%d)",
				tt.iso, d, n, res.Rows[0].Year, res.Rows[len(res.Rows)-1].Year)
		})
	}
}

// allOptions lists every combination of inputs; the first is the default.
func allOptions() []history.Options {
	var opts []history.Options
	for _, k := range []pwt.Capital{pwt.CapitalServices, pwt.CapitalStock} {
		for _, l := range []pwt.Labour{pwt.LabourHoursHC, pwt.LabourPersons, pwt.LabourPersonsHC} {
			opts = append(opts, history.Options{Capital: k, Labour: l})
		}
	}
	return opts
}

// TestOtherInputsDoNotReproduceRTFPNA shows that the comparison with rtfpna can
// fail: any other choice of inputs misses PWT's TFP by far more than rtfpnaTol.
func TestOtherInputsDoNotReproduceRTFPNA(t *testing.T) {
	for _, iso := range []string{"CHN", "USA"} {
		s := country(t, iso)
		for _, opt := range allOptions()[1:] {
			t.Run(fmt.Sprintf("%s/%v/%v", iso, opt.Capital, opt.Labour), func(t *testing.T) {
				res, err := history.Decompose(s, opt)
				if err != nil {
					t.Fatal(err)
				}
				d, n := rtfpnaDiff(t, s, res.Rows)
				if n < 40 {
					t.Fatalf("only %d years to compare", n)
				}
				t.Logf("max diff %.4f over %d years", d, n)
				if d <= notRtfpna {
					t.Errorf("max |dln A − dln rtfpna| = %.2e, want > %.0e", d, notRtfpna)
				}
			})
		}
	}
}

// TestIdentity checks GDP = Capital + Labour + TFP in every row of every country,
// for every choice of inputs.
func TestIdentity(t *testing.T) {
	tab := defaultTable(t)
	rows := 0
	for _, opt := range allOptions() {
		for _, iso := range tab.Countries() {
			s, _ := tab.Country(iso)
			res, err := history.Decompose(s, opt)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range res.Rows {
				rows++
				if sum := r.Capital + r.Labour + r.TFP; !scalar.EqualWithinAbsOrRel(r.GDP, sum, identityTol, identityTol) {
					t.Errorf("%s %d %v/%v: GDP %v, contributions add to %v", iso, r.Year, opt.Capital, opt.Labour, r.GDP, sum)
				}
				if a := r.LabourShare; !(a > 0 && a < 1) {
					t.Errorf("%s %d: labour share %v outside (0, 1)", iso, r.Year, a)
				}
			}
		}
	}
	if rows < 10000 {
		t.Errorf("only %d rows checked", rows)
	}
}

// TestSkipped checks that years without complete inputs are reported with what
// is missing. In PWT 9.1, China has no data at all for 1950–1951, no avh before
// 1970 and no rkna before 1956.
func TestSkipped(t *testing.T) {
	s := country(t, "CHN")
	all6 := "rgdpna 1950 missing, rgdpna 1951 missing, labsh 1950 missing, labsh 1951 missing, "
	tests := []struct {
		name      string
		opt       history.Options
		skipped   [2]int            // first and last skipped year, all in between skipped
		firstRow  int               // first year with a row
		wantSkips map[int]string    // Skip.String for some years
		wantVars  map[int][]pwt.Var // Skip.Vars for some years
	}{
		{
			name:     "default",
			opt:      history.Options{},
			skipped:  [2]int{1951, 1970},
			firstRow: 1971,
			wantSkips: map[int]string{
				1951: "1951: " + all6 + "rkna 1950 missing, rkna 1951 missing, emp 1950 missing, emp 1951 missing, " +
					"avh 1950 missing, avh 1951 missing, hc 1950 missing, hc 1951 missing",
				1953: "1953: rkna 1952 missing, rkna 1953 missing, avh 1952 missing, avh 1953 missing",
				1956: "1956: rkna 1955 missing, avh 1955 missing, avh 1956 missing",
				1970: "1970: avh 1969 missing",
			},
			wantVars: map[int][]pwt.Var{
				1952: {pwt.RGDPNA, pwt.LABSH, pwt.RKNA, pwt.EMP, pwt.AVH, pwt.HC},
				1953: {pwt.RKNA, pwt.AVH},
				1957: {pwt.AVH},
			},
		},
		{
			name:      "rkna, emp×hc",
			opt:       history.Options{Labour: pwt.LabourPersonsHC},
			skipped:   [2]int{1951, 1956},
			firstRow:  1957,
			wantSkips: map[int]string{1956: "1956: rkna 1955 missing"},
		},
		{
			name:     "rnna, emp",
			opt:      history.Options{Capital: pwt.CapitalStock, Labour: pwt.LabourPersons},
			skipped:  [2]int{1951, 1952},
			firstRow: 1953,
			wantSkips: map[int]string{
				1952: "1952: rgdpna 1951 missing, labsh 1951 missing, rnna 1951 missing, emp 1951 missing",
			},
		},
		{
			name:     "from 1965 to 1975",
			opt:      history.Options{From: 1965, To: 1975},
			skipped:  [2]int{1965, 1970},
			firstRow: 1971,
			wantSkips: map[int]string{
				1965: "1965: avh 1964 missing, avh 1965 missing",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := history.Decompose(s, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			var years []int
			for _, sk := range res.Skipped {
				years = append(years, sk.Year)
				if want, ok := tt.wantSkips[sk.Year]; ok {
					if got := sk.String(); got != want {
						t.Errorf("got %q, want %q", got, want)
					}
				}
				if want, ok := tt.wantVars[sk.Year]; ok {
					if got := sk.Vars(); fmt.Sprint(got) != fmt.Sprint(want) {
						t.Errorf("%d: got vars %v, want %v", sk.Year, got, want)
					}
				}
				for _, g := range sk.Gaps {
					if !math.IsNaN(g.Value) {
						t.Errorf("%d: gap %v has a value; PWT has no non-positive levels", sk.Year, g)
					}
				}
			}
			var want []int
			for y := tt.skipped[0]; y <= tt.skipped[1]; y++ {
				want = append(want, y)
			}
			if fmt.Sprint(years) != fmt.Sprint(want) {
				t.Errorf("skipped %v, want %v", years, want)
			}
			if len(res.Rows) == 0 || res.Rows[0].Year != tt.firstRow {
				t.Fatalf("rows start %v, want %d", res.Rows, tt.firstRow)
			}
			// Every year in range is either a row or a skip, in order, never both.
			last := res.Rows[len(res.Rows)-1].Year
			if n := len(res.Rows) + len(res.Skipped); n != last-tt.skipped[0]+1 {
				t.Errorf("%d rows + skips for %d–%d", n, tt.skipped[0], last)
			}
			for i, r := range res.Rows {
				if r.Year != tt.firstRow+i {
					t.Errorf("row %d is year %d, want %d", i, r.Year, tt.firstRow+i)
				}
			}
		})
	}
}

// series builds a one-country series from CSV rows in the column order of hdr.
func series(tb testing.TB, rows ...string) pwt.Series {
	tb.Helper()
	const hdr = "country,isocode,year,rgdpna,rnna,rkna,emp,avh,hc,labsh,rtfpna\n"
	tab, err := pwt.Read(strings.NewReader(hdr + strings.Join(rows, "\n") + "\n"))
	if err != nil {
		tb.Fatal(err)
	}
	s, _ := tab.Country("XYZ")
	return s
}

// TestByHand checks one year against values worked out by hand: every input grows
// by a known log rate, so each contribution is a share times a rate.
func TestByHand(t *testing.T) {
	e := math.Exp
	// Year 1 over year 0: dln Y = 0.05, dln rnna = 0.04, dln rkna = 0.03,
	// dln emp = 0.01, dln avh = −0.005, dln hc = 0.008; labsh 0.5 then 0.7.
	s := series(t,
		"X,XYZ,2000,100,200,1,10,2000,2,0.5,1",
		fmt.Sprintf("X,XYZ,2001,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,0.7,1",
			100*e(0.05), 200*e(0.04), e(0.03), 10*e(0.01), 2000*e(-0.005), 2*e(0.008)),
	)
	const aL, aK = 0.6, 0.4
	tests := []struct {
		opt          history.Options
		capital, dlL float64
	}{
		{history.Options{}, 100 * aK * 0.03, 0.01 - 0.005 + 0.008},
		{history.Options{Capital: pwt.CapitalStock}, 100 * aK * 0.04, 0.01 - 0.005 + 0.008},
		{history.Options{Labour: pwt.LabourPersons}, 100 * aK * 0.03, 0.01},
		{history.Options{Labour: pwt.LabourPersonsHC}, 100 * aK * 0.03, 0.01 + 0.008},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%v/%v", tt.opt.Capital, tt.opt.Labour), func(t *testing.T) {
			res, err := history.Decompose(s, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Rows) != 1 || len(res.Skipped) != 0 {
				t.Fatalf("got %d rows, %d skips; want 1, 0", len(res.Rows), len(res.Skipped))
			}
			r := res.Rows[0]
			labour := 100 * aL * tt.dlL
			for _, c := range []struct {
				name      string
				got, want float64
			}{
				{"GDP", r.GDP, 5},
				{"Capital", r.Capital, tt.capital},
				{"Labour", r.Labour, labour},
				{"TFP", r.TFP, 5 - tt.capital - labour},
				{"LabourShare", r.LabourShare, aL},
			} {
				if !scalar.EqualWithinAbsOrRel(c.got, c.want, handTol, handTol) {
					t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
				}
			}
			if r.Year != 2001 {
				t.Errorf("year %d, want 2001", r.Year)
			}
		})
	}
}

// TestShift checks that faster capital growth moves capital's contribution by
// ā_K times the extra growth, and TFP by the opposite, leaving GDP alone; and
// that the level of an input (its units) does not matter, only its growth.
func TestShift(t *testing.T) {
	base := series(t,
		"X,XYZ,2000,100,200,1,10,2000,2,0.6,1",
		"X,XYZ,2001,105,210,1.04,10.1,1990,2.01,0.64,1",
	)
	const extra = 0.01 // extra log growth of rkna
	shifted := series(t,
		"X,XYZ,2000,100,200,1,10,2000,2,0.6,1",
		fmt.Sprintf("X,XYZ,2001,105,210,%.17g,10.1,1990,2.01,0.64,1", 1.04*math.Exp(extra)),
	)
	rescaled := series(t, // rkna ×7 and emp ×1000 in both years
		"X,XYZ,2000,100,200,7,10000,2000,2,0.6,1",
		"X,XYZ,2001,105,210,7.28,10100,1990,2.01,0.64,1",
	)
	decompose := func(s pwt.Series) history.Row {
		t.Helper()
		res, err := history.Decompose(s, history.Options{})
		if err != nil || len(res.Rows) != 1 {
			t.Fatalf("Decompose: %v, %d rows", err, len(res.Rows))
		}
		return res.Rows[0]
	}
	b, sh, rs := decompose(base), decompose(shifted), decompose(rescaled)
	aK := 1 - b.LabourShare
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"shift: GDP", sh.GDP, b.GDP},
		{"shift: Capital", sh.Capital, b.Capital + 100*aK*extra},
		{"shift: TFP", sh.TFP, b.TFP - 100*aK*extra},
		{"shift: Labour", sh.Labour, b.Labour},
		{"rescale: Capital", rs.Capital, b.Capital},
		{"rescale: Labour", rs.Labour, b.Labour},
		{"rescale: TFP", rs.TFP, b.TFP},
	} {
		if !scalar.EqualWithinAbsOrRel(c.got, c.want, handTol, handTol) {
			t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestGaps(t *testing.T) {
	// A missing year in the middle, and a level that cannot be logged.
	s := series(t,
		"X,XYZ,2000,100,200,1,10,2000,2,0.6,1",
		"X,XYZ,2002,100,200,1,10,2000,2,0.6,1",
		"X,XYZ,2003,100,200,0,10,2000,2,0.6,1",
		"X,XYZ,2004,100,200,1,10,2000,2,0.6,1",
	)
	res, err := history.Decompose(s, history.Options{Labour: pwt.LabourPersons})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, sk := range res.Skipped {
		got = append(got, sk.String())
	}
	want := []string{
		"2001: rgdpna 2001 missing, labsh 2001 missing, rkna 2001 missing, emp 2001 missing",
		"2002: rgdpna 2001 missing, labsh 2001 missing, rkna 2001 missing, emp 2001 missing",
		"2003: rkna 2003 = 0, not positive",
		"2004: rkna 2003 = 0, not positive",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got skips\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(res.Rows) != 0 {
		t.Errorf("got %d rows, want 0", len(res.Rows))
	}
}

func TestRange(t *testing.T) {
	s := country(t, "CHN")
	tests := []struct {
		name        string
		from, to    int
		first, last int // 0, 0: no rows
		skips       int
	}{
		{"2010s", 2010, 2017, 2010, 2017, 0},
		{"from only", 2015, 0, 2015, 2017, 0},
		{"to only", 0, 1972, 1971, 1972, 20},
		{"one year", 2000, 2000, 2000, 2000, 0},
		{"before the data", 1900, 1949, 0, 0, 0},
		{"after the data", 2020, 2030, 0, 0, 0},
		{"first year has no predecessor", 1950, 1950, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := history.Decompose(s, history.Options{From: tt.from, To: tt.to})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Skipped) != tt.skips {
				t.Errorf("%d skips, want %d", len(res.Skipped), tt.skips)
			}
			if tt.first == 0 {
				if len(res.Rows) != 0 {
					t.Errorf("got %d rows, want none", len(res.Rows))
				}
				return
			}
			if len(res.Rows) == 0 {
				t.Fatal("no rows")
			}
			if f, l := res.Rows[0].Year, res.Rows[len(res.Rows)-1].Year; f != tt.first || l != tt.last {
				t.Errorf("rows %d–%d, want %d–%d", f, l, tt.first, tt.last)
			}
		})
	}
}

func TestOptionErrors(t *testing.T) {
	s := country(t, "CHN")
	tests := []struct {
		name string
		opt  history.Options
		want []string
	}{
		{"from after to", history.Options{From: 2010, To: 2000}, []string{"history: from year 2010 is after to year 2000"}},
		{"all at once", history.Options{Capital: 9, Labour: 7, From: 2, To: 1}, []string{
			"history: unknown capital input pwt.Capital(9)",
			"history: unknown labour input pwt.Labour(7)",
			"history: from year 2 is after to year 1",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := history.Decompose(s, tt.opt)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
	res, err := history.Decompose(pwt.Series{}, history.Options{})
	if err != nil || len(res.Rows)+len(res.Skipped) != 0 {
		t.Errorf("empty series: got %+v, %v; want an empty result", res, err)
	}
}

func BenchmarkDecompose(b *testing.B) {
	s := country(b, "CHN")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := history.Decompose(s, history.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
