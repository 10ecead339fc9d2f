package metrics

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"simulate/model"
	"simulate/results"
)

// testResults evaluates a three-year span with every channel active.
func testResults() *model.Results {
	in := model.NewInputs(2018, 3)
	in.BaseGDP = 1000
	copy(in.Growth, []float64{0.05, -0.02, 0.03})
	for i := range 3 {
		in.LaborShare[i], in.CapitalShare[i] = 0.1, 0.3
		in.LaborII[i], in.ICTShare[i], in.PrivateIIShare[i] = 0.1, 0.2, 0.5
		for d := range model.NumDimensions {
			in.TFPII[d][i] = 0.1 * float64(d+1)
		}
	}
	var res model.Results
	model.Evaluate(&res, in)
	return &res
}

func TestParse(t *testing.T) {
	for _, c := range []struct {
		in      string
		name    string
		year    int
		perYear bool
		err     string // substring of the error; "" for none
	}{
		{"ii_increment_yi[2019]", "ii_increment_yi", 2019, true, ""},
		{"ii_share_pct[2024]", "ii_share_pct", 2024, true, ""},
		{"gdp_yi[2020]", "gdp_yi", 2020, true, ""},
		{"gdp_yi", "gdp_yi", 0, true, ""},
		{"ii_total_yi", "ii_total_yi", 0, false, ""},
		{"period_ii_share_pct", "period_ii_share_pct", 0, false, ""},
		{"ii_total_yi[2019]", "", 0, false, "takes no year"},
		{"ii_increment_yi[19]", "", 0, false, "is not a year"},
		{"ii_increment_yi[2019", "", 0, false, "NAME[YEAR]"},
		{"ii_increment_yi[]", "", 0, false, "is not a year"},
		{"ii_incremnt_yi[2019]", "", 0, false, `unknown metric "ii_incremnt_yi"`},
		{"", "", 0, false, "unknown metric"},
		{"year[2019]", "", 0, false, "unknown metric"},
	} {
		t.Run(c.in, func(t *testing.T) {
			m, err := Parse(c.in)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) || !errors.Is(err, ErrSyntax) {
					t.Fatalf("got %v, want an ErrSyntax error containing %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if m.Name() != c.name || m.Year != c.year || m.PerYear() != c.perYear {
				t.Errorf("got %s year %d per-year %v, want %s year %d per-year %v", m.Name(), m.Year, m.PerYear(), c.name, c.year, c.perYear)
			}
			if m.String() != c.in {
				t.Errorf("String: got %q, want %q", m.String(), c.in)
			}
		})
	}
}

// TestColumns checks that every per-year metric reads the results.csv
// column of its name, and every period total the summary field of its name.
func TestColumns(t *testing.T) {
	res := testResults()
	cols := map[string]int{}
	for i, c := range results.Columns {
		cols[c] = i
	}
	totals := results.NewTotals(res)
	period := map[string]float64{
		"ii_total_yi":         totals.IITotal,
		"delta_gdp_total_yi":  totals.DeltaGDPTotal,
		"period_ii_share_pct": totals.PeriodIIShare,
		"gdp_last_yi":         totals.LastGDP,
	}
	for _, name := range Names() {
		m, err := Parse(name)
		if err != nil {
			t.Fatal(err)
		}
		if !m.PerYear() {
			want, ok := period[name]
			if !ok {
				t.Errorf("%s: not a field of the summary totals", name)
				continue
			}
			if got := m.Value(res); got != want {
				t.Errorf("%s: got %v, want %v", name, got, want)
			}
			continue
		}
		k, ok := cols[name]
		if !ok {
			t.Errorf("%s: not a column of results.csv", name)
			continue
		}
		for i := range res.Years {
			y := &res.Years[i]
			want := results.Row(y)[k]
			if got := m.WithYear(y.Year).Value(res); !scalar.EqualWithinAbsOrRel(got, want, 0, 0) {
				t.Errorf("%s[%d]: got %v, want %v", name, y.Year, got, want)
			}
		}
	}
	if n := len(Names()); n != len(results.Columns)-1+len(period) {
		t.Errorf("%d metrics, want every results column but year (%d) and %d totals", n, len(results.Columns)-1, len(period))
	}
}

func TestCheck(t *testing.T) {
	for _, c := range []struct {
		in  string
		err string
	}{
		{"ii_increment_yi[2019]", ""},
		{"ii_increment_yi[2021]", ""},
		{"ii_increment_yi[2018]", "outside the span 2019–2021"},
		{"ii_increment_yi[2022]", "outside the span 2019–2021"},
		{"ii_increment_yi", "is per year"},
		{"ii_total_yi", ""},
	} {
		m, err := Parse(c.in)
		if err != nil {
			t.Fatal(err)
		}
		err = m.Check(2019, 2021)
		if (err == nil) != (c.err == "") || err != nil && !strings.Contains(err.Error(), c.err) {
			t.Errorf("%s: got %v, want %q", c.in, err, c.err)
		}
	}
	if (Metric{}).Check(2019, 2021) == nil {
		t.Error("zero Metric: got no error")
	}
}

func TestValuePanics(t *testing.T) {
	res := testResults()
	for _, s := range []string{"ii_increment_yi", "ii_increment_yi[2018]", "gdp_yi[2022]"} {
		m, err := Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		func() {
			defer func() {
				if r := recover(); r == nil || !strings.HasPrefix(r.(string), "metrics: ") {
					t.Errorf("%s: got panic %v, want a metrics: panic", s, r)
				}
			}()
			m.Value(res)
		}()
	}
}

func TestValueAllocs(t *testing.T) {
	res := testResults()
	ms := make([]Metric, 0, len(Names()))
	for _, n := range Names() {
		m, _ := Parse(n)
		if m.PerYear() {
			m = m.WithYear(2020)
		}
		ms = append(ms, m)
	}
	var sink float64
	if a := testing.AllocsPerRun(100, func() {
		for _, m := range ms {
			sink += m.Value(res)
		}
	}); a != 0 {
		t.Errorf("Value allocates %v times per run, want 0", a)
	}
	_ = sink
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"ii_increment_yi[2019]", "ii_total_yi", "gdp_yi", "x[", "[]", "ii_share_pct[0000]", "ii_share_pct[９９９９]"} {
		f.Add(s)
	}
	res := testResults()
	f.Fuzz(func(t *testing.T, s string) {
		m, err := Parse(s)
		if err != nil {
			if err.Error() == "" || !errors.Is(err, ErrSyntax) {
				t.Fatalf("Parse(%q): error %v is not a readable ErrSyntax", s, err)
			}
			return
		}
		// What parses prints back as itself and parses to the same metric.
		if m.String() != s {
			t.Fatalf("Parse(%q).String() = %q", s, m.String())
		}
		if m2, err := Parse(m.String()); err != nil || m2 != m {
			t.Fatalf("round trip of %q: got %v, %v", s, m2, err)
		}
		if m.Check(2019, 2021) == nil {
			_ = m.Value(res) // must not panic once Check passed
		} else if m.Year != 0 && m.Year >= 2019 && m.Year <= 2021 {
			t.Fatalf("%q: Check refused a year in the span", s)
		}
		_ = strconv.Itoa(m.Year)
	})
}
