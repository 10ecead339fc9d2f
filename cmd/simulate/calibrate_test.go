package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"simulate/calibrate"
)

func exists(name string) bool { _, err := os.Stat(name); return err == nil }

const thetaFree = `[free.theta]
keys = ["tfp.ii_share.technical_progress", "tfp.ii_share.technical_efficiency", "tfp.ii_share.allocative_efficiency"]
min = 0
`

const increments = `[targets.ii_increment_yi]
precision = 0.1
values = { 2019 = 6096.4, 2020 = 6703.5, 2021 = 7485.2, 2022 = 7970.4, 2023 = 8663.6, 2024 = 9387.8 }
`

// TestCalibrateThenRun is the acceptance test: calibrate the
// baseline's θ from its spec, run the calibrated scenario, and find the
// report's figures.
func TestCalibrateThenRun(t *testing.T) {
	t.Parallel()
	// The report's figures, II increment 亿元 and II share of growth %,
	// both printed to 0.1, from the spec that holds them.
	report, err := calibrate.LoadEmbedded("report2020")
	if err != nil {
		t.Fatal(err)
	}
	wantII, wantShare := report.Figures("ii_increment_yi"), report.Figures("ii_share_pct")
	dir := t.TempDir()
	for _, spec := range []string{"report2020", filepath.Join("..", "..", "calibrate", "specs", "report2020.toml")} {
		out := filepath.Join(dir, "x.toml")
		code, stdout, stderr := simulate(t, "calibrate", spec, "--out", out)
		if code != exitOK {
			t.Fatalf("calibrate %s: exit %d\n%s%s", spec, code, stdout, stderr)
		}
		for _, f := range []string{"x.toml", "fit.csv", "fit.png"} {
			if p := filepath.Join(dir, f); !exists(p) || !strings.Contains(stdout, "wrote "+p) {
				t.Errorf("calibrate %s: %s not written or not reported:\n%s", spec, f, stdout)
			}
		}
		if !strings.Contains(stdout, "ii_increment_yi[2019]  6096.4     6096.4000  ±0.0000") {
			t.Errorf("calibrate %s: the fit table lacks the 2019 target:\n%s", spec, stdout)
		}

		code, stdout, stderr = simulate(t, "run", out, "--out", filepath.Join(dir, "out"), "--format", "svg")
		if code != exitOK {
			t.Fatalf("run: exit %d\n%s%s", code, stdout, stderr)
		}
		f, err := os.Open(filepath.Join(dir, "out", "x", "results.csv"))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		col := map[string]int{}
		for i, c := range rows[0] {
			col[c] = i
		}
		for _, r := range rows[1:] {
			year, _ := strconv.Atoi(r[col["year"]])
			ii, _ := strconv.ParseFloat(r[col["ii_increment_yi"]], 64)
			share, _ := strconv.ParseFloat(r[col["ii_share_pct"]], 64)
			if strconv.FormatFloat(ii, 'f', 1, 64) != strconv.FormatFloat(wantII[year], 'f', 1, 64) ||
				strconv.FormatFloat(share, 'f', 1, 64) != strconv.FormatFloat(wantShare[year], 'f', 1, 64) {
				t.Errorf("%d: II %v 亿元, share %v %%; want %v and %v to the printed digit", year, ii, share, wantII[year], wantShare[year])
			}
		}
	}
}

func TestCalibrateDefaultOut(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	code, stdout, stderr := simulate(t, "calibrate", "report2020-growth")
	if code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	for _, f := range []string{"calibrated.toml", "fit.csv", "fit.png"} {
		if !exists(f) {
			t.Errorf("%s not written", f)
		}
	}
	src, _ := os.ReadFile("calibrated.toml")
	if !strings.Contains(string(src), "extends = \"report2020\"") || !strings.Contains(string(src), "# calibrated (spec report2020-growth: growth[2024])") {
		t.Errorf("calibrated.toml:\n%s", src)
	}
	if code, _, stderr := simulate(t, "validate", "calibrated.toml"); code != exitOK {
		t.Errorf("the calibrated scenario does not validate: %s", stderr)
	}
}

func TestCalibrateExitCodes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tight := writeFile(t, dir, "tight.toml", "scenario = \"report2020\"\n"+thetaFree+"max = 0.2\n"+increments)
	under := writeFile(t, dir, "under.toml", "scenario = \"report2020\"\n"+thetaFree+"max = 1\n[targets.ii_total_yi]\nvalue = 46306.9\nprecision = 0.1\n")
	bad := writeFile(t, dir, "bad.toml", "scenario = \"report2020\"\n"+thetaFree+"max = 1\nbound = 2\n"+strings.Replace(increments, "2024 = 9387.8", "2025 = 9387.8", 1))
	// A start scenario beside the spec: the calibrated scenario must not
	// overwrite it.
	base := writeFile(t, dir, "base.toml", "extends = \"report2020\"\n")
	own := writeFile(t, dir, "own.toml", "scenario = \"base.toml\"\n"+thetaFree+"max = 1\n"+increments)

	for _, c := range []struct {
		name    string
		args    []string
		code    int
		stderr  []string // substrings of stderr
		written bool     // whether DIR/c/x.toml is written
	}{
		{"ok", []string{"calibrate", "report2020"}, exitOK, nil, true},
		{"missed targets", []string{"calibrate", tight}, exitFailure, []string{
			"calibration tight: the best fit is not usable (5 problems):",
			"missed: ii_increment_yi[2020]: published 6703.5 (printed to 0.1), best fit 6440.6341, off by -262.8659 亿元; at a bound: theta[2020] = 0.2",
		}, false},
		{"missed targets, forced", []string{"calibrate", tight, "--force"}, exitFailure, []string{"missed: ii_increment_yi[2024]"}, true},
		{"under-determined", []string{"calibrate", under}, exitFailure, []string{
			"not identified: theta[2019], theta[2020], theta[2021], theta[2022], theta[2023], theta[2024]",
			"under-determined: 6 free values but 1 weighted target",
		}, false},
		{"bad spec", []string{"calibrate", bad}, exitInvalid, []string{
			"bad.toml:6:1: free.theta.bound: unknown key \"bound\" in [free.theta]; allowed here: keys, max, min, path, points, start",
			"bad.toml:9:87: targets.ii_increment_yi.values.2025: ii_increment_yi[2025]: year 2025 is outside the span 2019–2024",
		}, false},
		{"unknown embedded spec", []string{"calibrate", "report2021"}, exitInvalid, []string{`no embedded calibration spec "report2021" (embedded: report2020, report2020-growth, report2020-index)`}, false},
		{"missing file", []string{"calibrate", filepath.Join(dir, "nope.toml")}, exitInvalid, []string{"nope.toml: no such file"}, false},
		{"no spec", []string{"calibrate"}, exitInvalid, []string{"calibrate takes one spec"}, false},
		{"two specs", []string{"calibrate", "report2020", "report2020-growth"}, exitInvalid, []string{"calibrate takes one spec"}, false},
		{"out not toml", []string{"calibrate", "report2020", "--out", filepath.Join(dir, "x.csv")}, exitInvalid, []string{"give a name ending in .toml"}, false},
		{"out over the start scenario", []string{"calibrate", own, "--out", base}, exitInvalid, []string{"is the start scenario"}, false},
		{"unknown flag", []string{"calibrate", "report2020", "--outt", "x.toml"}, exitInvalid, []string{"unknown flag --outt; did you mean --out?"}, false},
		{"help", []string{"calibrate", "-h"}, exitOK, nil, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "_"), "x.toml")
			args := c.args
			if !slices.Contains(args, "--out") && c.name != "help" {
				args = append(args, "--out", out)
			}
			code, stdout, stderr := simulate(t, args...)
			if code != c.code {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, c.code, stdout, stderr)
			}
			for _, s := range c.stderr {
				if !strings.Contains(stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr)
				}
			}
			if got := exists(out); got != c.written {
				t.Errorf("written: got %v, want %v\n%s", got, c.written, stdout)
			}
			if c.name == "help" && !strings.Contains(stdout, "Usage: simulate calibrate [--out FILE] [--force] SPEC") {
				t.Errorf("help:\n%s", stdout)
			}
			if c.code == exitFailure && !c.written && !strings.Contains(stdout, "nothing written") {
				t.Errorf("stdout does not say that nothing was written:\n%s", stdout)
			}
		})
	}
	if src, err := os.ReadFile(base); err != nil || string(src) != "extends = \"report2020\"\n" {
		t.Errorf("the start scenario was changed: %q, %v", src, err)
	}
	forced, _ := os.ReadFile(filepath.Join(dir, "missed_targets,_forced", "x.toml"))
	if !strings.Contains(string(forced), "# WARNING: written with --force despite these problems:") {
		t.Errorf("the forced scenario does not warn:\n%s", forced)
	}
}
