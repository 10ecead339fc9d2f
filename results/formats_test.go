package results_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"simulate/history"
	"simulate/metrics"
	"simulate/pwt"
	"simulate/results"
	"simulate/sensitivity"
)

// The goldens of this file were written by the simulate commands named in
// each test before the layouts moved here; -update rewrites them.

// golden compares got with testdata/golden/name: the same header, the same
// text in every field that is not a number, numbers within tol (relative
// and absolute), and no exponent anywhere.
func golden(t *testing.T, name string, got []byte, tol float64) {
	t.Helper()
	path := filepath.Join("..", "testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./results -update to create it)", err)
	}
	g, err1 := csv.NewReader(bytes.NewReader(got)).ReadAll()
	w, err2 := csv.NewReader(bytes.NewReader(want)).ReadAll()
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if len(g) != len(w) || strings.Join(g[0], ",") != strings.Join(w[0], ",") {
		t.Fatalf("%s: shape or header differs: got %d rows, header %v; want %d rows, header %v", name, len(g), g[0], len(w), w[0])
	}
	for i := 1; i < len(g); i++ {
		if len(g[i]) != len(w[i]) {
			t.Fatalf("%s row %d: got %v, want %v", name, i, g[i], w[i])
		}
		for j := range g[i] {
			a, errA := strconv.ParseFloat(g[i][j], 64)
			b, errB := strconv.ParseFloat(w[i][j], 64)
			switch {
			case strings.ContainsAny(g[i][j], "eE") && errA == nil:
				t.Errorf("%s row %d %s: %s has an exponent", name, i, g[0][j], g[i][j])
			case errA != nil || errB != nil:
				if g[i][j] != w[i][j] {
					t.Errorf("%s row %d %s: got %q, want %q", name, i, g[0][j], g[i][j], w[i][j])
				}
			case !scalar.EqualWithinAbsOrRel(a, b, tol, tol):
				t.Errorf("%s row %d %s: got %v, want %v", name, i, g[0][j], a, b)
			}
		}
	}
}

// sensTol is the tolerance of the goldens of the sensitivity files: their
// numbers come from many model runs (and Monte Carlo and Sobol from
// sums over them), so a change of the last bits of one evaluation may
// move them slightly more than one evaluation's goldenTol.
const sensTol = 1e-9

func mustMetric(t *testing.T, s string) metrics.Metric {
	t.Helper()
	m, err := metrics.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestCompareCSV checks compare.csv of
// simulate compare report2020 actual2019-2024 solow-china.
func TestCompareCSV(t *testing.T) {
	var runs []results.Run
	for _, name := range []string{"report2020", "actual2019-2024", "solow-china"} {
		_, res := run(t, name)
		runs = append(runs, results.Run{Name: name, Results: res})
	}
	var buf bytes.Buffer
	if err := results.WriteCompareCSV(&buf, results.CompareRows(runs)); err != nil {
		t.Fatal(err)
	}
	golden(t, "compare.csv", buf.Bytes(), 1e-6) // values are rounded to 6 decimals
}

// TestCompareRows checks the long-format rows: every metric of every year
// of every run, differences only after the first run, at its price base
// and in the years it shares with the first, values in the units their
// names give.
func TestCompareRows(t *testing.T) {
	_, a := run(t, "report2020")
	_, b := run(t, "actual2019-2024")
	_, c := run(t, "solow-china") // a longer span, starting earlier, at 2017 prices
	runs := []results.Run{{Name: "a", Results: a}, {Name: "b", Results: b}, {Name: "c", Results: c}}
	rows := results.CompareRows(runs)
	if want := 5*len(a.Years) + 5*len(b.Years) + len(b.Years) + 5*len(c.Years); len(rows) != want {
		t.Fatalf("%d rows, want %d", len(rows), want)
	}
	got := map[string]float64{}
	for _, r := range rows {
		got[r.Scenario+"/"+strconv.Itoa(r.Year)+"/"+r.Metric] = r.Value
	}
	for i, r := range runs {
		for _, y := range r.Results.Years {
			key := r.Name + "/" + strconv.Itoa(y.Year) + "/"
			want := map[string]float64{
				"growth_pct":       100 * y.Growth,
				"delta_gdp_yi":     y.DeltaGDP,
				"ii_increment_yi":  y.II,
				"ii_share_pct":     100 * y.IIShare,
				"ii_cumulative_yi": y.IICumulative,
			}
			_, diff := got[key+results.CompareIIDiff]
			if k := y.Year - a.Years[0].Year; i == 1 && k >= 0 && k < len(a.Years) {
				want[results.CompareIIDiff] = y.II - a.Years[k].II
			} else if diff {
				t.Errorf("%s: a difference row for a year the first run lacks, for the first run, or at other prices", key)
			}
			for m, w := range want {
				if g, ok := got[key+m]; !ok || g != w {
					t.Errorf("%s%s = %v (%v), want %v", key, m, g, ok, w)
				}
			}
		}
	}
}

// TestWriteCompareCSV checks quoting, rounding and the absence of "-0".
func TestWriteCompareCSV(t *testing.T) {
	rows := []results.CompareRow{
		{Scenario: `odd, "name"`, Year: 2030, Metric: "ii_increment_yi", Value: -1e-9},
		{Scenario: "s", Year: 2019, Metric: "growth_pct", Value: 6.3000000001},
		{Scenario: "s", Year: 2019, Metric: "ii_increment_yi", Value: 1234567.1234567},
	}
	var buf bytes.Buffer
	if err := results.WriteCompareCSV(&buf, rows); err != nil {
		t.Fatal(err)
	}
	want := "scenario,year,metric,value\n\"odd, \"\"name\"\"\",2030,ii_increment_yi,0\ns,2019,growth_pct,6.3\ns,2019,ii_increment_yi,1234567.123457\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

// TestMCFiles checks percentiles.csv and draws.csv of
// simulate mc --draws 200 --keep-draws --metric 'gdp_yi[2022]'.
func TestMCFiles(t *testing.T) {
	s, _ := run(t, "report2020")
	in := s.Inputs
	var ms []metrics.Metric
	for _, name := range []string{"ii_increment_yi", "ii_share_pct", "growth_pct"} {
		for y := in.FirstYear(); y <= in.LastYear(); y++ {
			ms = append(ms, mustMetric(t, name).WithYear(y))
		}
	}
	kept := []metrics.Metric{mustMetric(t, "ii_total_yi"), mustMetric(t, "period_ii_share_pct"), mustMetric(t, "gdp_yi[2022]")}
	ms = append(ms, kept...)
	res, err := sensitivity.MonteCarlo(context.Background(), in, s.Uncertainty, sensitivity.MCConfig{Draws: 200, Seed: 1, Metrics: ms, KeepDraws: true})
	if err != nil {
		t.Fatal(err)
	}
	var inputs []string
	for _, u := range s.Uncertainty {
		inputs = append(inputs, u.Label())
	}
	var draws bytes.Buffer
	if err := results.WriteDrawsCSV(&draws, inputs, res, kept); err != nil {
		t.Fatal(err)
	}
	golden(t, "report2020_draws.csv", draws.Bytes(), sensTol)

	var pct bytes.Buffer
	if err := results.WritePercentilesCSV(&pct, ms, res.Summaries); err != nil {
		t.Fatal(err)
	}
	golden(t, "report2020_percentiles.csv", pct.Bytes(), sensTol)
	if !strings.Contains(pct.String(), "\nii_total_yi,,") {
		t.Error("a period total has a year in percentiles.csv")
	}
}

// TestTornadoCSV checks tornado.csv of simulate tornado.
func TestTornadoCSV(t *testing.T) {
	s, _ := run(t, "report2020")
	factors, lows, highs := sensitivity.QuantileRange(s.Uncertainty, 5)
	bars, _, err := sensitivity.Tornado(s.Inputs, factors, lows, highs, mustMetric(t, "ii_total_yi"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := results.WriteTornadoCSV(&buf, bars); err != nil {
		t.Fatal(err)
	}
	golden(t, "report2020_tornado.csv", buf.Bytes(), sensTol)
}

// TestSobolCSV checks sobol.csv of
// simulate sobol --n 256 --metric 'ii_total_yi,ii_share_pct[2024]'.
func TestSobolCSV(t *testing.T) {
	s, _ := run(t, "report2020")
	ms := []metrics.Metric{mustMetric(t, "ii_total_yi"), mustMetric(t, "ii_share_pct[2024]")}
	res, err := sensitivity.Sobol(context.Background(), s.Inputs, s.Uncertainty, sensitivity.SobolConfig{N: 256, Seed: 1, Metrics: ms})
	if err != nil {
		t.Fatal(err)
	}
	var inputs []string
	for _, u := range s.Uncertainty {
		inputs = append(inputs, u.Label())
	}
	var buf bytes.Buffer
	if err := results.WriteSobolCSV(&buf, inputs, res); err != nil {
		t.Fatal(err)
	}
	golden(t, "report2020_sobol.csv", buf.Bytes(), sensTol)
}

// TestSweepCSV checks sweep.csv of one range (simulate sweep --param
// capital.ict_share=0.05:0.3:6) and of two, second range inner.
func TestSweepCSV(t *testing.T) {
	s, _ := run(t, "report2020")
	r1, err1 := sensitivity.ParseRange("capital.ict_share=0.05:0.3:6")
	r2, err2 := sensitivity.ParseRange("gdp.growth_pct+-2:2:3")
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	res, err := sensitivity.Sweep(context.Background(), s.Inputs, []sensitivity.Range{r1}, mustMetric(t, "ii_total_yi"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := results.WriteSweepCSV(&buf, res); err != nil {
		t.Fatal(err)
	}
	golden(t, "report2020_sweep.csv", buf.Bytes(), sensTol)

	res, err = sensitivity.Sweep(context.Background(), s.Inputs, []sensitivity.Range{r1, r2}, mustMetric(t, "period_ii_share_pct"))
	if err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	if err := results.WriteSweepCSV(&buf, res); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(recs[0], ","); got != "capital.ict_share,gdp.growth_pct+,period_ii_share_pct" || len(recs) != 1+6*3 {
		t.Fatalf("header %s, %d rows", got, len(recs))
	}
	if recs[1][0] != "0.05" || recs[1][1] != "-2" || recs[2][0] != "0.05" || recs[2][1] != "0" {
		t.Errorf("rows %v %v: want the second range inner", recs[1], recs[2])
	}
}

// TestHistoryCSV checks history.csv of simulate history --country CHN (the
// automatic labour measure: emp×hc in 1957–1970, hours from 1971).
func TestHistoryCSV(t *testing.T) {
	tab, err := pwt.Default()
	if err != nil {
		t.Fatal(err)
	}
	s, ok := tab.Country("CHN")
	if !ok {
		t.Fatal("no CHN in PWT")
	}
	res, err := history.Decompose(s, history.Options{Labour: pwt.LabourAuto})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := results.WriteHistoryCSV(&buf, res.Rows); err != nil {
		t.Fatal(err)
	}
	golden(t, "CHN_history.csv", buf.Bytes(), goldenTol)
	// Growth is the sum of the contributions, in every row.
	recs, _ := csv.NewReader(&buf).ReadAll()
	for _, r := range recs[1:] {
		var v [4]float64
		for i := range v {
			v[i], _ = strconv.ParseFloat(r[1+i], 64)
		}
		if math.Abs(v[0]-v[1]-v[2]-v[3]) > 1e-9 {
			t.Errorf("%s: growth %v is not the sum of %v", r[0], v[0], v[1:])
		}
	}
}

// TestPercentilesHeader checks the layout on a made-up summary: one row per
// metric, the year empty for a total.
func TestPercentilesHeader(t *testing.T) {
	ms := []metrics.Metric{mustMetric(t, "gdp_yi[2020]"), mustMetric(t, "ii_total_yi")}
	sums := []sensitivity.Summary{{Mean: 1.5, P: [5]float64{1, 2, 3, 4, 5}}, {Mean: -0.25, P: [5]float64{0.1, 0.2, 0.3, 0.4, 1e6}}}
	var buf bytes.Buffer
	if err := results.WritePercentilesCSV(&buf, ms, sums); err != nil {
		t.Fatal(err)
	}
	want := "metric,year,mean,p5,p25,p50,p75,p95\ngdp_yi,2020,1.5,1,2,3,4,5\nii_total_yi,,-0.25,0.1,0.2,0.3,0.4,1000000\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}
