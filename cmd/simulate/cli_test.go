package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"simulate/results"
)

// simulate runs the command in-process and returns its exit code and
// output.
func simulate(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(""), &out, &errb)
	code = exitCode(err, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, dir, name, src string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCLI(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bad := writeFile(t, dir, "bad.toml", "extends = \"report2020\"\n[capital]\nict_share = 1.5\n")
	typo := writeFile(t, dir, "typo.toml", "extends = \"report2020\"\n[capital]\nict_shar = 0.1\n")
	good := writeFile(t, dir, "mine.toml", "extends = \"report2020\"\n[capital]\nict_share = 0.2\n")
	evil := writeFile(t, dir, "evil.toml", "name = \"../../escape\"\nextends = \"report2020\"\n")
	tests := []struct {
		name       string
		args       []string
		code       int
		stdout     []string
		stderr     []string
		wantNoFile bool
	}{
		{name: "no args", args: nil, code: 2, stderr: []string{"simulate: no command given; the commands are calibrate, compare", "Run 'simulate -h' for usage."}},
		{name: "help", args: []string{"-h"}, code: 0, stdout: []string{"simulate run", "simulate validate"}},
		{name: "unknown", args: []string{"frobnicate"}, code: 2, stderr: []string{`simulate: unknown command "frobnicate"`}},
		{name: "run -h", args: []string{"run", "-h"}, code: 0, stdout: []string{"Usage: simulate run", "--out DIR"}},
		{name: "list -h", args: []string{"list", "-h"}, code: 0, stdout: []string{"Usage: simulate list"}},
		{name: "show -h", args: []string{"show", "-h"}, code: 0, stdout: []string{"Usage: simulate show"}},
		{name: "validate -h", args: []string{"validate", "-h"}, code: 0, stdout: []string{"Usage: simulate validate"}},
		{name: "run bad flag", args: []string{"run", "--bogus"}, code: 2, stderr: []string{"simulate run: unknown flag --bogus", "Run 'simulate run -h' for usage."}},
		{name: "list", args: []string{"list"}, code: 0, stdout: []string{"report2020", "actual2019-2024", "Hindcast"}},
		{name: "show", args: []string{"show", "report2020"}, code: 0, stdout: []string{"title = \"Copy of report2020: ", "[tfp.ii_share]", "base_yi = 900309"}},
		{name: "show unknown", args: []string{"show", "nosuch"}, code: 2, stderr: []string{`no embedded scenario "nosuch"`}},
		{name: "show no arg", args: []string{"show"}, code: 2, stderr: []string{"show takes one"}},
		{name: "validate ok", args: []string{"validate", "report2020", good}, code: 0, stdout: []string{"report2020: ok", "mine.toml: ok"}},
		{name: "validate bad", args: []string{"validate", bad, typo}, code: 2, stderr: []string{"bad.toml:3:1: capital.ict_share: 1.5 is outside the allowed range [0, 1] (fraction) in years 2019–2024", "typo.toml:3:1: capital.ict_shar: unknown key", "did you mean ict_share?"}},
		{name: "run bad", args: []string{"run", "--out", filepath.Join(dir, "o-bad"), good, bad}, code: 2, stderr: []string{"bad.toml:3:1"}, wantNoFile: true},
		{name: "run escape", args: []string{"run", "--out", filepath.Join(dir, "o-evil"), evil}, code: 2, stderr: []string{`name "../../escape" is not allowed`}, wantNoFile: true},
		{name: "run missing file", args: []string{"run", "--out", filepath.Join(dir, "o-missing"), filepath.Join(dir, "nosuch.toml")}, code: 2, stderr: []string{"nosuch.toml", "no such file"}, wantNoFile: true},
		{name: "run same name twice", args: []string{"run", "--out", filepath.Join(dir, "o-twice"), "report2020", "report2020"}, code: 2, stderr: []string{"both named"}, wantNoFile: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := simulate(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit code: got %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, stdout, stderr)
			}
			for _, w := range tc.stdout {
				if !strings.Contains(stdout, w) {
					t.Errorf("stdout lacks %q:\n%s", w, stdout)
				}
			}
			for _, w := range tc.stderr {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			if tc.wantNoFile {
				for _, a := range tc.args {
					if strings.Contains(a, "o-") {
						if _, err := os.Stat(a); !os.IsNotExist(err) {
							t.Errorf("output folder %s exists after a failed run", a)
						}
					}
				}
			}
		})
	}
}

// TestRunDefault runs the README's first command and checks the report's
// figures in the printed table and in results.csv. It draws SVG: the PNG
// charts are TestRunCharts'.
func TestRunDefault(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	code, stdout, stderr := simulate(t, "run", "--out", out, "--format", "svg")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, w := range []string{"6096.4", "6703.5", "7485.2", "7970.4", "8663.6", "9387.8", "10.7", "11.5", "12.3", "13.0", "13.6", "14.2", "46306.9", "GDP 亿元", "II share %"} {
		if !strings.Contains(stdout, w) {
			t.Errorf("table lacks %q:\n%s", w, stdout)
		}
	}
	f, err := os.Open(filepath.Join(out, "report2020", "results.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != strings.Join(results.Columns, ",") {
		t.Fatalf("header %s", got)
	}
	want := "year,gdp_yi,growth_pct,delta_gdp_yi,labor_pp,capital_pp,tfp_pp,labor_share_pct,capital_share_pct,tfp_share_pct,ii_share_pct,ii_labor_yi,ii_capital_yi,ii_tfp_tp_yi,ii_tfp_te_yi,ii_tfp_se_yi,ii_tfp_ae_yi,ii_increment_yi,ii_cumulative_yi"
	if got := strings.Join(rows[0], ","); got != want {
		t.Errorf("header: got %s, want %s", got, want)
	}
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	for i, w := range []struct{ ii, share float64 }{{6096.4, 10.7}, {6703.5, 11.5}, {7485.2, 12.3}, {7970.4, 13.0}, {8663.6, 13.6}, {9387.8, 14.2}} {
		r := rows[i+1]
		ii, _ := strconv.ParseFloat(r[col["ii_increment_yi"]], 64)
		sh, _ := strconv.ParseFloat(r[col["ii_share_pct"]], 64)
		if !scalar.EqualWithinAbs(ii, w.ii, 0.05) || !scalar.EqualWithinAbs(sh, w.share, 0.05) {
			t.Errorf("%s: II %v share %v, want %v %v", r[0], ii, sh, w.ii, w.share)
		}
		if strings.ContainsAny(strings.Join(r, ""), "e ") {
			t.Errorf("row %v has an exponent or a separator", r)
		}
	}

	var sum results.Summary
	b, err := os.ReadFile(filepath.Join(out, "report2020", "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Scenario != "report2020" || len(sum.InputsHash) != 64 || !scalar.EqualWithinAbs(sum.Totals.Values["ii_total_yi"], 46306.9, 0.3) {
		t.Errorf("summary: %+v", sum)
	}
	if _, ok := sum.Inputs["tfp.ii_share.technical_progress"]; !ok {
		t.Errorf("summary lacks the resolved θ: %v", sum.Inputs)
	}
}

// TestRunDeterministic checks that the same scenario gives the same bytes.
func TestRunDeterministic(t *testing.T) {
	t.Parallel()
	a, b := t.TempDir(), t.TempDir()
	for _, d := range []string{a, b} {
		if code, _, stderr := simulate(t, "run", "--out", d, "--format", "svg", "report2020", "actual2019-2024"); code != 0 {
			t.Fatal(stderr)
		}
	}
	for _, f := range []string{"report2020/results.csv", "report2020/summary.json", "actual2019-2024/results.csv", "report2020/ii_increment.svg"} {
		x, _ := os.ReadFile(filepath.Join(a, f))
		y, _ := os.ReadFile(filepath.Join(b, f))
		if len(x) == 0 || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs", f)
		}
	}
}

// TestRunKeepsPreviousOutput checks that a failed run leaves earlier
// results untouched.
func TestRunKeepsPreviousOutput(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	if code, _, stderr := simulate(t, "run", "--out", out, "--format", "svg"); code != 0 {
		t.Fatal(stderr)
	}
	before, _ := os.ReadFile(filepath.Join(out, "report2020", "results.csv"))
	bad := writeFile(t, t.TempDir(), "report2020.toml", "extends = \"report2020\"\n[gdp]\ngrowth_pct = nan\n")
	if code, _, _ := simulate(t, "run", "--out", out, bad); code != 2 {
		t.Fatalf("exit %d, want 2", code)
	}
	after, _ := os.ReadFile(filepath.Join(out, "report2020", "results.csv"))
	if !bytes.Equal(before, after) {
		t.Error("a failed run changed the earlier results")
	}
	entries, _ := os.ReadDir(filepath.Join(out, "report2020"))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
	// results.csv, summary.json, five charts (the four of every run and
	// history_projection, from report2020's [history]) and manifest.json.
	if len(entries) != 8 {
		t.Errorf("files: %v, want the 7 of the first run and manifest.json", entries)
	}
}

// TestRunCharts checks that run leaves the four charts next to the CSV, as
// PNG of the documented size, and SVG when asked. It is the CLI test that
// renders PNG under -race too: the charts are drawn concurrently.
func TestRunCharts(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	if code, _, stderr := simulate(t, "run", "--out", out, "--format", "png,svg"); code != 0 {
		t.Fatal(stderr)
	}
	for _, name := range []string{"ii_increment", "decomposition", "ii_channels", "ii_cumulative"} {
		f, err := os.Open(filepath.Join(out, "report2020", name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil || cfg.Width != 1600 || cfg.Height != 1000 {
			t.Errorf("%s.png: %dx%d, %v", name, cfg.Width, cfg.Height, err)
		}
		svg, err := os.ReadFile(filepath.Join(out, "report2020", name+".svg"))
		if err != nil || !bytes.Contains(svg, []byte("2024")) {
			t.Errorf("%s.svg: %v", name, err)
		}
	}
}

func TestCompare(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	code, stdout, stderr := simulate(t, "compare", "--out", out, "--format", "svg", "report2020", "actual2019-2024")
	if code != 0 {
		t.Fatal(stderr)
	}
	if !strings.Contains(stdout, "actual2019-2024") || !strings.Contains(stdout, "38241.4") {
		t.Errorf("table:\n%s", stdout)
	}
	cmp := filepath.Join(out, "compare-report2020-actual2019-2024")
	b, err := os.ReadFile(filepath.Join(cmp, "compare.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil || strings.Join(rows[0], ",") != "scenario,year,metric,value" {
		t.Fatalf("compare.csv: %v %v", rows[:1], err)
	}
	var found bool
	for _, r := range rows {
		if r[0] == "actual2019-2024" && r[1] == "2020" && r[2] == "growth_pct" {
			v, _ := strconv.ParseFloat(r[3], 64)
			found = scalar.EqualWithinAbs(v, 2.2, 1e-9)
		}
	}
	if !found {
		t.Error("compare.csv lacks the hindcast's 2020 growth of 2.2 %")
	}
	for _, name := range []string{"compare_ii_increment", "compare_ii_share", "compare_growth", "compare_ii_diff"} {
		if _, err := os.Stat(filepath.Join(cmp, name+".svg")); err != nil {
			t.Error(err)
		}
	}
	if code, _, stderr := simulate(t, "compare", "--out", out, "report2020"); code != 2 || !strings.Contains(stderr, "at least two") {
		t.Errorf("one scenario: exit %d, %s", code, stderr)
	}
}
