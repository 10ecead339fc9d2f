package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"simulate/cii"
	"simulate/indexes"
)

// readCSV reads a CSV file of an output folder.
func readOutCSV(t *testing.T, p string) [][]string {
	t.Helper()
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestOnIndex: the sensitivity commands tell an index from a scenario by
// the one positional argument, wherever the flags are.
func TestOnIndex(t *testing.T) {
	dir := t.TempDir()
	src, err := indexes.Source("cii2020")
	if err != nil {
		t.Fatal(err)
	}
	file := writeFile(t, dir, "my-index.toml", string(src))
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"cii2020"}, true},
		{[]string{"--metric", "mean_pts", "cii2020"}, true},
		{[]string{"--keep-draws", "cii2020", "--draws", "10"}, true},
		{[]string{"--param=index.a.b.weight=0:1:2", file}, true},
		{[]string{"--", file}, true},
		{[]string{"--out", "cii2020"}, false}, // a flag's value
		{[]string{"-h", "cii2020"}, false},    // the command's help
		{[]string{"report2020"}, false},
		{[]string{}, false},
		{[]string{"cii2020", "report2020"}, false},
		{[]string{filepath.Join(dir, "missing.toml")}, false},
		{[]string{"../../scenarios/report2020.toml"}, false},
	} {
		if got := onIndex(tc.args); got != tc.want {
			t.Errorf("onIndex(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}

// TestSensitivityOnIndex runs sweep, tornado, mc and sobol on cii2020 and
// checks their numbers and files.
func TestSensitivityOnIndex(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	dir := filepath.Join(out, "cii2020")

	// sweep: finance's lending weight from 0.1 to 0.6; finance_pts is
	// affine in it, and the base weight gives the published 30.2.
	code, stdout, stderr := simulate(t, "sweep", "--out", out, "--format", "svg", "--param", "index.finance.lending.weight=0.1:0.6:6", "--metric", "finance_pts", "cii2020")
	if code != 0 {
		t.Fatalf("sweep: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "cii2020: finance_pts over 6 points") {
		t.Errorf("sweep stdout:\n%s", stdout)
	}
	rows := readOutCSV(t, filepath.Join(dir, "sweep-index.finance.lending.weight-finance_pts", "sweep.csv"))
	if strings.Join(rows[0], ",") != "index.finance.lending.weight,finance_pts" || len(rows) != 7 {
		t.Fatalf("sweep.csv: %v", rows)
	}
	var z []float64
	for _, r := range rows[1:] {
		v, _ := strconv.ParseFloat(r[1], 64)
		z = append(z, v)
	}
	for i := 2; i < len(z); i++ { // equal steps: affine
		if !scalar.EqualWithinAbs(z[i]-z[i-1], z[1]-z[0], 1e-9) {
			t.Errorf("sweep not affine in a weight: %v", z)
		}
	}

	// tornado ±10 % on finance_pts: a penetration p with share s of
	// finance moves it by ±0.1·s·p; the largest is 10 % of the largest
	// contribution.
	code, stdout, stderr = simulate(t, "tornado", "--out", out, "--format", "svg", "--lang", "zh", "--delta", "10%", "--metric", "finance_pts", "cii2020")
	if code != 0 {
		t.Fatalf("tornado: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "cii2020: finance_pts = 30.20 pts at the base; inputs scaled by 1 ± 10%") {
		t.Errorf("tornado stdout:\n%s", stdout)
	}
	rows = readOutCSV(t, filepath.Join(dir, "tornado-finance_pts-delta10", "tornado.csv"))
	if strings.Join(rows[0], ",") != "param,low_value,high_value,metric_low,metric_high,swing" {
		t.Fatalf("tornado.csv header: %v", rows[0])
	}
	f, _ := indexes.LoadEmbedded("cii2020")
	fin, _ := f.Index.Industry("finance")
	var largest float64
	fin.Leaves(func(path string, share float64, leaf, _ *cii.Stage) {
		if c := share * leaf.Penetration.V; c > largest {
			largest = c
		}
	})
	if sw, _ := strconv.ParseFloat(rows[1][5], 64); !scalar.EqualWithinAbs(sw, 0.2*largest, 1e-9) {
		t.Errorf("largest swing %v, want 0.2 × the largest contribution %v", sw, largest)
	}
	svg, err := os.ReadFile(filepath.Join(dir, "tornado-finance_pts-delta10", "tornado.zh.svg"))
	if err != nil || !strings.Contains(string(svg), "金融") {
		t.Errorf("tornado.zh.svg lacks the industry's Chinese name (%v)", err)
	}

	// mc: ranks.csv and percentiles.csv.
	code, stdout, stderr = simulate(t, "mc", "--out", out, "--format", "svg", "--draws", "4000", "cii2020")
	if code != 0 {
		t.Fatalf("mc: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "cii2020: 4000 draws (seed 1) of 34 uncertain inputs") {
		t.Errorf("mc stdout:\n%s", stdout)
	}
	rows = readOutCSV(t, filepath.Join(dir, "ranks.csv"))
	if strings.Join(rows[0], ",") != "industry,base_rank,median_rank,p5_rank,p95_rank,best_rank,worst_rank" || len(rows) != 8 {
		t.Fatalf("ranks.csv: %v", rows)
	}
	if got := strings.Join(rows[2], ","); !strings.HasPrefix(got, "manufacturing,7,7,7,7,") {
		t.Errorf("ranks.csv manufacturing: %s", got)
	}
	rows = readOutCSV(t, filepath.Join(dir, "percentiles.csv"))
	if strings.Join(rows[0], ",") != "metric,year,mean,p5,p25,p50,p75,p95" || len(rows) != 1+16 {
		t.Fatalf("percentiles.csv: %d rows, header %v", len(rows), rows[0])
	}
	svg, err = os.ReadFile(filepath.Join(dir, "cii_ranks.svg"))
	if err != nil || !strings.Contains(string(svg), "Manufacturing") {
		t.Errorf("cii_ranks.svg lacks the industries (%v)", err)
	}

	// sobol: the mean is additive, so S1 and ST of each input agree.
	code, stdout, stderr = simulate(t, "sobol", "--out", out, "--format", "svg", "--n", "1024", "cii2020")
	if code != 0 {
		t.Fatalf("sobol: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "N = 1024 base rows, 36864 index evaluations") {
		t.Errorf("sobol stdout:\n%s", stdout)
	}
	rows = readOutCSV(t, filepath.Join(dir, "sobol.csv"))
	if len(rows) != 1+34 {
		t.Fatalf("sobol.csv: %d rows", len(rows))
	}
	for _, r := range rows[1:] {
		s1, _ := strconv.ParseFloat(r[2], 64)
		st, _ := strconv.ParseFloat(r[5], 64)
		if !scalar.EqualWithinAbs(s1, st, 0.05) {
			t.Errorf("%s: S1 %v and ST %v of an additive metric differ", r[1], s1, st)
		}
	}
}

// TestTornadoDeltaIndex: an index without an [uncertainty] table gets a
// ±delta tornado of every weight and penetration that stays in its domain;
// scaling a weight rescales its sibling, so the two move the index
// oppositely by the same amount.
func TestTornadoDeltaIndex(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := writeFile(t, dir, "one.toml", `name = "one"
[a]
[a.s]
weight = 1
penetration_pct = 95
[b]
[b.s]
weight = 0.4
penetration_pct = 10
[b.t]
weight = 0.6
penetration_pct = 20
`)
	code, stdout, stderr := simulate(t, "tornado", "--out", dir, "--format", "svg", "--delta", "10%", "--metric", "b_pts", file)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "left out (1 + 10% would take them above their domain): index.a.s.weight, index.a.s.penetration_pct") {
		t.Errorf("stdout:\n%s", stdout)
	}
	rows := readOutCSV(t, filepath.Join(dir, "one", "tornado-b_pts-delta10", "tornado.csv"))
	// b = w·10 + (1−w)·20 = 16 with s's weight w = 0.4: s's weight at
	// 0.36, 0.44 gives 16.4, 15.6; t's weight at 0.54, 0.66 (s's the rest)
	// 15.4, 16.6; t's penetration at 18, 22 % 14.8, 17.2; s's at 9, 11 %
	// 15.6, 16.4.
	want := map[string][2]string{
		"index.b.t.penetration_pct*": {"14.8", "17.2"}, "index.b.t.weight*": {"15.4", "16.6"},
		"index.b.s.weight*": {"16.4", "15.6"}, "index.b.s.penetration_pct*": {"15.6", "16.4"},
	}
	if len(rows) != 5 {
		t.Fatalf("tornado.csv: %v", rows)
	}
	for _, r := range rows[1:] {
		w, ok := want[r[0]]
		lo, _ := strconv.ParseFloat(r[3], 64)
		hi, _ := strconv.ParseFloat(r[4], 64)
		wl, _ := strconv.ParseFloat(w[0], 64)
		wh, _ := strconv.ParseFloat(w[1], 64)
		if !ok || !scalar.EqualWithinAbs(lo, wl, 1e-9) || !scalar.EqualWithinAbs(hi, wh, 1e-9) {
			t.Errorf("%s: metric %v to %v, want %v", r[0], lo, hi, w)
		}
	}
}
