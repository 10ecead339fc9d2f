package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"simulate/results"
)

// readSensCSV reads a CSV file written by a command, header first.
func readSensCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
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

func num(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return v
}

// mustRun runs simulate and fails the test unless it exits 0 with nothing
// on stderr (no progress bar when stderr is not a terminal).
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, stdout, stderr := simulate(t, args...)
	if code != 0 || stderr != "" {
		t.Fatalf("simulate %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
	}
	return stdout
}

// TestSensitivityCommands runs every sensitivity command on the embedded
// default with no scenario argument and checks the files and their
// headers.
func TestSensitivityCommands(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	dir := filepath.Join(out, "report2020")
	tests := []struct {
		args   []string
		sub    string // the folder of the files in DIR/report2020
		files  []string
		header string // of the first file
	}{
		{[]string{"sweep", "--param", "capital.ict_share=0.05:0.3:6"}, "sweep-capital.ict_share-ii_total_yi", []string{"sweep.csv", "sweep.png", "manifest.json"}, "capital.ict_share,ii_total_yi"},
		{[]string{"sweep", "--param", "capital.ict_share=0.05:0.3:6", "--param", "gdp.growth_pct+-1:1:5", "--metric", "ii_share_pct[2024]", "--format", "svg"},
			"sweep-capital.ict_share-gdp.growth_pct_add-ii_share_pct_2024", []string{"sweep.csv", "sweep.svg"}, "capital.ict_share,gdp.growth_pct+,ii_share_pct[2024]"},
		{[]string{"tornado", "--format", "svg"}, "tornado-ii_total_yi", []string{"tornado.csv", "tornado.svg", "manifest.json"}, "param,low_value,high_value,metric_low,metric_high,swing"},
		{[]string{"tornado", "--format", "svg", "--delta", "10%"}, "tornado-ii_total_yi-delta10", []string{"tornado.csv", "tornado.svg"}, "param,low_value,high_value,metric_low,metric_high,swing"},
		{[]string{"mc", "--draws", "2000", "--keep-draws", "--format", "svg"}, "", []string{"percentiles.csv", "draws.csv", "fan_ii_increment.svg", "fan_ii_share.svg", "fan_growth.svg"},
			"metric,year,mean,p5,p25,p50,p75,p95"},
		{[]string{"sobol", "--n", "256"}, "", []string{"sobol.csv", "sobol.png"}, "metric,year,param,s1,s1_lo,s1_hi,st,st_lo,st_hi"},
		{[]string{"sobol", "--n", "64", "--bootstrap", "20", "--metric", "ii_total_yi,ii_share_pct[2024]", "--format", "svg"},
			"", []string{"sobol.csv", "sobol_ii_total_yi.svg", "sobol_ii_share_pct_2024.svg"}, "metric,year,param,s1,s1_lo,s1_hi,st,st_lo,st_hi"},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			stdout := mustRun(t, append(tc.args, "--out", out)...)
			dir := filepath.Join(dir, tc.sub)
			for _, f := range tc.files {
				if f == "manifest.json" {
					if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
						t.Error(err)
					}
					continue
				}
				if !strings.Contains(stdout, filepath.Join(dir, f)) {
					t.Errorf("stdout does not list %s:\n%s", f, stdout)
				}
				if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.Size() == 0 {
					t.Errorf("%s: %v", f, err)
				}
			}
			rows := readSensCSV(t, filepath.Join(dir, tc.files[0]))
			if got := strings.Join(rows[0], ","); got != tc.header {
				t.Errorf("header %s, want %s", got, tc.header)
			}
		})
	}
	// The tornado lists the baseline's six inputs, largest swing first.
	rows := readSensCSV(t, filepath.Join(dir, "tornado-ii_total_yi", "tornado.csv"))[1:]
	if len(rows) != 6 || rows[0][0] != "gdp.growth_pct+" {
		t.Errorf("tornado rows %v", rows)
	}
	for i := 1; i < len(rows); i++ {
		if num(t, rows[i][5]) > num(t, rows[i-1][5]) {
			t.Errorf("tornado not sorted by swing: %v", rows)
		}
	}
	if got := mustRun(t, "params"); !strings.Contains(got, "capital.ict_share") || !strings.Contains(got, "triangular(min=0.08, mode=0.15, max=0.25)") ||
		!strings.Contains(got, "(not used: no year gives the factor split as contributions)") {
		t.Errorf("params:\n%s", got)
	}
}

// iiTotal runs a scenario file with simulate run and returns Σ II.
func iiTotal(t *testing.T, src string) float64 {
	t.Helper()
	dir := t.TempDir()
	p := writeFile(t, dir, "s.toml", src)
	// The file changes a value the baseline's [uncertainty] draws: run
	// notes it on stderr.
	code, _, stderr := simulate(t, "run", "--format", "svg", "--out", dir, p)
	for _, line := range strings.Split(stderr, "\n") {
		if code != 0 || line != "" && !strings.HasPrefix(line, "note: ") {
			t.Fatalf("run %s: exit %d\n%s", p, code, stderr)
		}
	}
	var sum results.Summary
	b, err := os.ReadFile(filepath.Join(dir, "s", "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &sum); err != nil {
		t.Fatal(err)
	}
	return sum.Totals.Values["ii_total_yi"]
}

// TestSweepAndTornadoMatchRun checks end points of a sweep and of a
// tornado against single runs of scenario files that set the input.
func TestSweepAndTornadoMatchRun(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	mustRun(t, "sweep", "--param", "capital.ict_share=0.1:0.3:3", "--param", "gdp.growth_pct+-1:1:3", "--format", "svg", "--out", out)
	rows := readSensCSV(t, filepath.Join(out, "report2020", "sweep-capital.ict_share-gdp.growth_pct_add-ii_total_yi", "sweep.csv"))
	last := rows[len(rows)-1] // ict_share 0.3, growth +1 pp
	if last[0] != "0.3" || last[1] != "1" {
		t.Fatalf("last row %v", last)
	}
	want := iiTotal(t, "name = \"s\"\nextends = \"report2020\"\n[capital]\nict_share = 0.3\n[gdp]\n"+
		"growth_pct = { 2019 = 7.3, 2020 = 7.1, 2021 = 7.0, 2022 = 6.7, 2023 = 6.6, 2024 = 6.5 }\n")
	// sweepTol: the sweep adds 1 pp to the growth path in floating point
	// (6.3/100·100 + 1)/100, the file writes 7.3: they differ in the last bits.
	const sweepTol = 1e-9
	if got := num(t, last[2]); !scalar.EqualWithinAbsOrRel(got, want, sweepTol, sweepTol) {
		t.Errorf("sweep corner %v, run %v", got, want)
	}

	mustRun(t, "tornado", "--format", "svg", "--out", out)
	for _, r := range readSensCSV(t, filepath.Join(out, "report2020", "tornado-ii_total_yi", "tornado.csv"))[1:] {
		if r[0] != "capital.ict_share" {
			continue
		}
		for k, col := range []int{3, 4} {
			v := r[1+k] // low_value, high_value, written at full precision
			want := iiTotal(t, "name = \"s\"\nextends = \"report2020\"\n[capital]\nict_share = "+v+"\n")
			if got := num(t, r[col]); got != want {
				t.Errorf("tornado %s at %s: %v, run %v", r[0], v, got, want)
			}
		}
	}
}

// TestMCPercentiles checks percentiles.csv against draws.csv: the mean
// and the type 7 percentiles recomputed by sorting must be the same
// numbers, and a metric linear in one input must have the input's mean.
func TestMCPercentiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := `name = "lin"
extends = "report2020"
[uncertainty]
"gdp.growth_pct" = { dist = "none" }
"labor.share_pct" = { dist = "none" }
"capital.share_pct" = { dist = "none" }
"capital.private_ii_share" = { dist = "none" }
"tfp.weight.scale_efficiency" = { dist = "none" }
"capital.ict_share" = { dist = "uniform", min = 0.1, max = 0.2 }
`
	p := writeFile(t, dir, "lin.toml", src)
	const draws = 3001
	mustRun(t, "mc", p, "--draws", strconv.Itoa(draws), "--keep-draws", "--format", "svg", "--out", dir)
	pr := readSensCSV(t, filepath.Join(dir, "lin", "percentiles.csv"))
	dr := readSensCSV(t, filepath.Join(dir, "lin", "draws.csv"))
	if got := strings.Join(dr[0], ","); got != "draw,capital.ict_share,ii_total_yi,period_ii_share_pct" {
		t.Fatalf("draws.csv header %s", got)
	}
	if len(dr) != draws+1 {
		t.Fatalf("%d draws", len(dr)-1)
	}
	var phi, ii []float64
	for _, r := range dr[1:] {
		phi = append(phi, num(t, r[1]))
		ii = append(ii, num(t, r[2]))
	}
	var row []string
	for _, r := range pr {
		if r[0] == "ii_total_yi" {
			row = r
		}
	}
	if row == nil || row[1] != "" {
		t.Fatalf("ii_total_yi row %v", row)
	}
	sorted := slices.Clone(ii)
	sort.Float64s(sorted)
	type7 := func(p float64) float64 {
		h := float64(len(sorted)-1) * p / 100
		r := int(h)
		return sorted[r] + (h-float64(r))*(sorted[r+1]-sorted[r])
	}
	for k, p := range []float64{5, 25, 50, 75, 95} {
		if got, want := num(t, row[3+k]), type7(p); !scalar.EqualWithinAbsOrRel(got, want, 1e-9, 1e-12) {
			t.Errorf("p%v: %v, recomputed %v", p, got, want)
		}
	}
	// Σ II is linear in φ: a + b·φ with b from two draws; its mean is
	// a + b·E φ = a + b·0.15 up to the sampling error of the mean of φ.
	b := (ii[1] - ii[0]) / (phi[1] - phi[0])
	a := ii[0] - b*phi[0]
	var mphi float64
	for _, v := range phi {
		mphi += v
	}
	mphi /= draws
	if got := num(t, row[2]); !scalar.EqualWithinAbsOrRel(got, a+b*mphi, 1e-6, 1e-9) {
		t.Errorf("mean %v, a + b·mean φ = %v", got, a+b*mphi)
	}
	if se := 0.1 / math.Sqrt(12*draws); math.Abs(mphi-0.15) > 5*se {
		t.Errorf("mean φ %v, want 0.15 ± %v", mphi, 5*se)
	}
}

// TestSameSeedSameBytes runs mc, sobol and tornado twice, once on one
// core and once on two, and compares every file byte for byte (charts as
// SVG, one as PNG).
func TestSameSeedSameBytes(t *testing.T) {
	correlated := filepath.Join("..", "..", "testdata", "bad", "uncertainty-correlated.toml")
	cmds := [][]string{
		{"mc", "--draws", "9000", "--seed", "7", "--keep-draws", "--format", "svg"},
		// Streamed percentiles (more than 262 144 draws).
		{"mc", "--draws", "300001", "--seed", "7", "--format", "svg"},
		{"mc", correlated, "--draws", "5000", "--seed", "7", "--keep-draws", "--format", "none"},
		{"sobol", "--n", "128", "--seed", "7", "--metric", "ii_increment_yi[*],ii_total_yi", "--format", "svg"},
		{"sobol", "--n", "256", "--seed", "7", "--bootstrap", "30", "--format", "svg"},
		{"sobol", "--n", "128", "--seed", "7", "--format", "svg"},
		{"tornado"},
	}
	for _, args := range cmds {
		var dirs []string
		name := "report2020"
		if slices.Contains(args, correlated) {
			name = "correlated"
		}
		for _, procs := range []int{1, 2} {
			d := t.TempDir()
			prev := runtime.GOMAXPROCS(procs)
			mustRun(t, append(args, "--out", d)...)
			runtime.GOMAXPROCS(prev)
			dirs = append(dirs, filepath.Join(d, name))
		}
		sameFiles(t, strings.Join(args, " "), dirs[0], dirs[1])
	}
}

// sameFiles checks that folders a and b hold the same files with the same
// bytes, in every subfolder, but manifest.json, which records the time.
func sameFiles(t *testing.T, what, a, b string) {
	t.Helper()
	n := 0
	err := filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == "manifest.json" {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s: %s differs between the two runs", what, rel)
		}
		n++
		return nil
	})
	if err != nil || n == 0 {
		t.Fatalf("%s: %d files, %v", what, n, err)
	}
}

// TestInterrupted checks that a cancelled run exits 1 and writes nothing.
func TestInterrupted(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"mc", "--draws", "100000"},
		{"sobol", "--n", "1024"},
		{"tornado"},
		{"sweep", "--param", "capital.ict_share=0:1:3"},
	} {
		out := filepath.Join(t.TempDir(), "out")
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		var so, se bytes.Buffer
		err := run(ctx, append(args, "--format", "svg", "--out", out), strings.NewReader(""), &so, &se)
		if code := exitCode(err, &se); code != exitFailure || !strings.Contains(se.String(), "interrupted; no partial output was written") {
			t.Errorf("%v: exit %d, stderr %q", args, code, se.String())
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("%v: output folder exists after an interrupted run", args)
		}
	}
}

// TestCorrelatedCommands runs a scenario with a rank correlation: mc
// induces it (checked on draws.csv) and says so, sobol and tornado run
// with --ignore-correlation, and --format none writes no chart.
func TestCorrelatedCommands(t *testing.T) {
	t.Parallel()
	file := filepath.Join("..", "..", "testdata", "bad", "uncertainty-correlated.toml")
	out := t.TempDir()
	stdout := mustRun(t, "mc", file, "--draws", "20000", "--keep-draws", "--format", "none", "--out", out)
	if !strings.Contains(stdout, "1 rank correlation(s) induced by Iman–Conover") {
		t.Errorf("mc does not say it induced the correlation:\n%s", stdout)
	}
	if p := mustRun(t, "params", file); !strings.Contains(p, "Rank correlations (simulate mc draws with them; sobol and tornado refuse them): capital.share_pct–capital.ict_share 0.5") {
		t.Errorf("params does not list the correlation:\n%s", p)
	}
	entries, _ := os.ReadDir(filepath.Join(out, "correlated"))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, ",") != "draws.csv,manifest.json,percentiles.csv" {
		t.Errorf("--format none wrote %v", names)
	}
	rows := readSensCSV(t, filepath.Join(out, "correlated", "draws.csv"))
	col := func(name string) []float64 {
		k := slices.Index(rows[0], name)
		if k < 0 {
			t.Fatalf("draws.csv has no column %s: %v", name, rows[0])
		}
		var v []float64
		for _, r := range rows[1:] {
			v = append(v, num(t, r[k]))
		}
		return v
	}
	// Spearman's rank correlation of the two columns: the target 0.5, to
	// the issue's ±0.01.
	if r := spearman(col("capital.share_pct"), col("capital.ict_share")); math.Abs(r-0.5) > 0.01 {
		t.Errorf("rank correlation %v, want 0.5 ± 0.01", r)
	}
	if r := spearman(col("capital.share_pct"), col("gdp.growth_pct+")); math.Abs(r) > 0.03 {
		t.Errorf("uncorrelated inputs have rank correlation %v", r)
	}

	stdout = mustRun(t, "sobol", file, "--n", "256", "--ignore-correlation", "--format", "none", "--out", out)
	if !strings.Contains(stdout, "rank correlations are ignored (--ignore-correlation)") {
		t.Errorf("sobol does not say it ignored the correlation:\n%s", stdout)
	}
	mustRun(t, "tornado", file, "--ignore-correlation", "--format", "none", "--out", out)
}

// spearman returns the rank correlation of x and y (no ties).
func spearman(x, y []float64) float64 {
	rank := func(v []float64) []float64 {
		idx := make([]int, len(v))
		for i := range idx {
			idx[i] = i
		}
		sort.Slice(idx, func(a, b int) bool { return v[idx[a]] < v[idx[b]] })
		r := make([]float64, len(v))
		for k, i := range idx {
			r[i] = float64(k)
		}
		return r
	}
	rx, ry := rank(x), rank(y)
	n := float64(len(x))
	m := (n - 1) / 2
	var sxy, sxx float64
	for i := range rx {
		sxy += (rx[i] - m) * (ry[i] - m)
		sxx += (rx[i] - m) * (rx[i] - m)
	}
	return sxy / sxx
}
