package calibrate

import (
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"simulate/model"
	"simulate/scenarios"
)

var update = flag.Bool("update", false, "rewrite the calibrated θ of scenarios/report2020.toml")

const (
	scenarioFile = "../scenarios/report2020.toml"
	targetsFile  = "../testdata/report2020_targets.csv"

	// fileTol is how closely the θ written in the scenario file must match
	// a fresh calibration: the file holds them to 12 decimals.
	fileTol = 1e-6
)

// readTargets reads the published II increments, 亿元, by year.
func readTargets(t *testing.T) (years []int, ii []float64) {
	t.Helper()
	f, err := os.Open(targetsFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows[1:] {
		y, err1 := strconv.Atoi(r[0])
		v, err2 := strconv.ParseFloat(r[1], 64)
		if err1 != nil || err2 != nil {
			t.Fatalf("bad target row %v", r)
		}
		years, ii = append(years, y), append(ii, v)
	}
	return years, ii
}

// TestReport2020Calibration reruns the calibration of the baseline's θ path
// and checks that the scenario file holds its result.
func TestReport2020Calibration(t *testing.T) {
	s, err := scenarios.Load(scenarioFile)
	if err != nil {
		t.Fatal(err)
	}
	years, targets := readTargets(t)
	if years[0] != s.Inputs.FirstYear() || len(years) != s.Inputs.Len() {
		t.Fatalf("targets cover %v, the scenario %d–%d", years, s.Inputs.FirstYear(), s.Inputs.LastYear())
	}
	theta, err := TFPShares(s.Inputs, targets, ReportDimensions)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		rewrite(t, years, theta)
		return
	}
	for _, d := range ReportDimensions {
		for i, want := range theta {
			if got := s.Inputs.TFPII[d][i]; !scalar.EqualWithinAbs(got, want, fileTol) {
				t.Errorf("%s %d: the file has θ = %v, the calibration gives %v (rerun with -update)", d, years[i], got, want)
			}
		}
	}

	// With the calibrated θ the model meets every target exactly.
	in := s.Inputs.Clone()
	for _, d := range ReportDimensions {
		copy(in.TFPII[d], theta)
	}
	var res model.Results
	model.Evaluate(&res, in)
	for i, y := range res.Years {
		if !scalar.EqualWithinAbsOrRel(y.II, targets[i], 1e-9, 1e-12) {
			t.Errorf("%d: II %v, target %v", y.Year, y.II, targets[i])
		}
	}
}

var calibratedBlock = regexp.MustCompile(`(?s)(# BEGIN calibrated[^\n]*\n).*?(# END calibrated)`)

// rewrite replaces the calibrated block of the scenario file.
func rewrite(t *testing.T, years []int, theta []float64) {
	t.Helper()
	src, err := os.ReadFile(scenarioFile)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, d := range ReportDimensions {
		fmt.Fprintf(&b, "%s = {", d)
		for i, v := range theta {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, " %d = %s", years[i], strconv.FormatFloat(v, 'f', 12, 64))
		}
		b.WriteString(" }\n")
	}
	if !calibratedBlock.Match(src) {
		t.Fatal("no calibrated block in " + scenarioFile)
	}
	out := calibratedBlock.ReplaceAll(src, []byte("${1}"+b.String()+"${2}"))
	if err := os.WriteFile(scenarioFile, out, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("rewrote θ in %s", scenarioFile)
}

func TestTFPSharesErrors(t *testing.T) {
	in := model.NewInputs(2018, 2)
	in.BaseGDP = 100
	in.Growth[0], in.Growth[1] = 0.05, 0.05
	in.LaborShare[0], in.LaborShare[1] = 0.5, 0.5
	in.CapitalShare[0], in.CapitalShare[1] = 0.5, 0.5 // TFP gets nothing
	if _, err := TFPShares(in, []float64{1, 1}, ReportDimensions); err == nil {
		t.Error("zero TFP contribution: got no error")
	}
	in.CapitalShare[0], in.CapitalShare[1] = 0.2, 0.2
	// c_A = 0.015, Y = 100, Σw = 0.75: θ = II / 1.125; II = 2 needs θ > 1.
	if _, err := TFPShares(in, []float64{2, 0.5}, ReportDimensions); err == nil {
		t.Error("θ > 1: got no error")
	}
	theta, err := TFPShares(in, []float64{0.5625, 0.5625 * 1.05}, ReportDimensions)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []float64{0.5, 0.5} {
		if !scalar.EqualWithinAbsOrRel(theta[i], want, 1e-12, 1e-12) {
			t.Errorf("θ[%d]: got %v, want %v", i, theta[i], want)
		}
	}
}
