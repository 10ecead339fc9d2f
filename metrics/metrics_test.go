package metrics

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"simulate/model"
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

// TestTable checks the rows of Columns and Totals: names unique, the unit
// in the name's suffix, one way of reading each, and values in the units
// the names give.
func TestTable(t *testing.T) {
	suffix := map[string]string{"亿元": "_yi", "%": "_pct", "pp": "_pp"}
	seen := map[string]bool{}
	for i, c := range slices.Concat(Columns, Totals) {
		if seen[c.Name] {
			t.Errorf("%s: twice in the table", c.Name)
		}
		seen[c.Name] = true
		if !strings.HasSuffix(c.Name, suffix[c.Unit]) || suffix[c.Unit] == "" {
			t.Errorf("%s: unit %q does not match the name", c.Name, c.Unit)
		}
		if c.Doc == "" || c.Decimals < 0 {
			t.Errorf("%s: no doc or negative decimals", c.Name)
		}
		readers := 0
		for _, set := range []bool{c.year.field != noField, c.total != nil, c.channel != nil} {
			if set {
				readers++
			}
		}
		if readers != 1 || c.PerYear() != (i < len(Columns)) {
			t.Errorf("%s: %d ways of reading, per year %v", c.Name, readers, c.PerYear())
		}
	}

	res := testResults()
	for i := range res.Years {
		y := &res.Years[i]
		want := map[string]float64{
			"gdp_yi": y.GDP, "growth_pct": 100 * y.Growth, "delta_gdp_yi": y.DeltaGDP,
			"labor_pp": 100 * y.Contribution[model.Labor], "tfp_share_pct": 100 * y.Share[model.TFP],
			"ii_share_pct": 100 * y.IIShare, "ii_tfp_se_yi": y.Channel[model.ChannelSE],
			"ii_increment_yi": y.II, "ii_cumulative_yi": y.IICumulative,
		}
		var channels float64
		for _, c := range Columns {
			if w, ok := want[c.Name]; ok && c.Value(y) != w {
				t.Errorf("%s[%d]: got %v, want %v", c.Name, y.Year, c.Value(y), w)
			}
			if strings.HasPrefix(c.Name, "ii_") && c.Name != "ii_share_pct" && c.Name != "ii_increment_yi" && c.Name != "ii_cumulative_yi" {
				channels += c.Value(y)
			}
		}
		// The channel columns add up to the II increment.
		if !scalar.EqualWithinAbsOrRel(channels, y.II, 1e-9, 1e-12) {
			t.Errorf("%d: channels add up to %v, II is %v", y.Year, channels, y.II)
		}
	}
	by, _ := Lookup("ii_by_channel_yi")
	for c := range model.Channel(model.NumChannels) {
		if got := by.ChannelTotal(res, c); got != res.Totals.Channel[c] {
			t.Errorf("ii_by_channel_yi %v: got %v, want %v", c, got, res.Totals.Channel[c])
		}
	}
	last, _ := Lookup("gdp_last_yi")
	share, _ := Lookup("period_ii_share_pct")
	if last.Total(res) != res.Years[2].GDP || share.Total(res) != 100*res.Totals.IIShare {
		t.Errorf("gdp_last_yi %v, period_ii_share_pct %v", last.Total(res), share.Total(res))
	}
}

// TestMetricReadsTable checks that every metric is a row of the table,
// read as the row reads it, and that the row per channel is no metric.
func TestMetricReadsTable(t *testing.T) {
	res := testResults()
	names := Names()
	if len(names) != len(Columns)+len(Totals)-1 {
		t.Errorf("%d metrics, want every row but ii_by_channel_yi", len(names))
	}
	for _, name := range names {
		m, err := Parse(name)
		if err != nil {
			t.Fatal(err)
		}
		c, ok := Lookup(name)
		if !ok || m.Column() != c || m.Unit() != c.Unit || m.Doc() != c.Doc {
			t.Fatalf("%s: metric and table row differ", name)
		}
		if !m.PerYear() {
			if got, want := m.Value(res), c.Total(res); got != want {
				t.Errorf("%s: got %v, want %v", name, got, want)
			}
			continue
		}
		for i := range res.Years {
			y := &res.Years[i]
			if got, want := m.WithYear(y.Year).Value(res), c.Value(y); got != want {
				t.Errorf("%s[%d]: got %v, want %v", name, y.Year, got, want)
			}
		}
	}
	if _, err := Parse("ii_by_channel_yi"); err == nil {
		t.Error("ii_by_channel_yi parses as a metric")
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
			// Once Check passed it must not panic, and a finite result
			// gives a finite value.
			if v := m.Value(res); math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("%q: value %v of a finite result", s, v)
			}
		} else if m.Year != 0 && m.Year >= 2019 && m.Year <= 2021 {
			t.Fatalf("%q: Check refused a year in the span", s)
		}
		_ = strconv.Itoa(m.Year)
	})
}

// BenchmarkValue reads every metric of a three-year span once: the cost
// Monte Carlo pays per draw on top of the evaluation.
func BenchmarkValue(b *testing.B) {
	res := testResults()
	var ms []Metric
	for _, n := range Names() {
		m, _ := Parse(n)
		if !m.PerYear() {
			ms = append(ms, m)
			continue
		}
		for y := 2019; y <= 2021; y++ {
			ms = append(ms, m.WithYear(y))
		}
	}
	b.ReportAllocs()
	var sink float64
	for b.Loop() {
		for _, m := range ms {
			sink += m.Value(res)
		}
	}
	_ = sink
}

// TestLabels checks that every column and total has an English label in
// Windows-1252 and a Chinese one, and the words of metrics with a year and
// a span.
func TestLabels(t *testing.T) {
	for _, tab := range [][]Column{Columns, Totals} {
		for i := range tab {
			c := &tab[i]
			if c.LabelEN == "" || c.LabelZH == "" {
				t.Errorf("%s: label en %q, zh %q; want both", c.Name, c.LabelEN, c.LabelZH)
			}
			for _, r := range c.LabelEN {
				if r > 0xff && !strings.ContainsRune("–×", r) {
					t.Errorf("%s: English label %q has %q, outside Windows-1252", c.Name, c.LabelEN, r)
				}
			}
			if strings.Contains(c.LabelEN+c.LabelZH, "_") {
				t.Errorf("%s: a label holds a name", c.Name)
			}
		}
	}
	m, _ := Parse("ii_increment_yi[2024]")
	tot, _ := Parse("ii_total_yi")
	for _, c := range []struct{ got, want string }{
		{m.Label("en"), "II GDP increment, 2024"},
		{m.Label("zh"), "2024年产业互联网带来的GDP增量"},
		{tot.LabelOver("en", 2019, 2024), "Total II GDP increment, 2019–2024"},
		{tot.LabelOver("zh", 2019, 2024), "2019–2024年产业互联网带来的GDP增量合计"},
		{m.LabelOver("en", 2019, 2024), "II GDP increment, 2024"},
		{tot.UnitLabel("en"), "100 million yuan"},
		{tot.UnitLabel("zh"), "亿元"},
	} {
		if c.got != c.want {
			t.Errorf("label %q, want %q", c.got, c.want)
		}
	}
}

// TestReader checks that a Reader reads what Value reads, for every
// metric and year.
func TestReader(t *testing.T) {
	in := model.NewInputs(2018, 3)
	in.BaseGDP = 1000
	for i := range 3 {
		in.Growth[i], in.LaborShare[i], in.CapitalShare[i], in.ICTShare[i], in.PrivateIIShare[i] = 0.05+0.01*float64(i), 0.1, 0.3, 0.2, 0.5
		for d := range model.NumDimensions {
			in.TFPII[d][i] = 0.1 * float64(d)
		}
	}
	var res model.Results
	model.Evaluate(&res, in)
	for _, name := range Names() {
		m, err := Parse(name)
		if err != nil {
			t.Fatal(err)
		}
		years := []int{0}
		if m.PerYear() {
			years = []int{2019, 2020, 2021}
		}
		for _, y := range years {
			if y != 0 {
				m = m.WithYear(y)
			}
			if got, want := m.Reader(2019).Value(&res), m.Value(&res); got != want {
				t.Errorf("%s: Reader %v, Value %v", m, got, want)
			}
		}
	}
}
