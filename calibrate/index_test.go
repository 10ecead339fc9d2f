package calibrate

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"simulate/model"
	"simulate/scenarios"
)

const indexScenarioFile = "../scenarios/report2020-index.toml"

// TestReport2020IndexSpec reruns the calibration of the scenario whose θ
// follows the industrial-internet index (κ and the index path 2020–2024)
// and checks that the scenario holds its result; with -update it rewrites
// the scenario's calibrated block instead.
func TestReport2020IndexSpec(t *testing.T) {
	s, err := Load(filepath.Join(specDir, "report2020-index.toml"))
	if err != nil {
		t.Fatal(err)
	}
	f := mustCalibrate(t, s)
	if err := f.Err(); err != nil {
		t.Fatal(err)
	}
	in := f.Inputs
	if *update {
		rewriteIndexScenario(t, in)
		return
	}
	sc, err := scenarios.Load(indexScenarioFile)
	if err != nil {
		t.Fatal(err)
	}
	for d := range model.Dimension(model.NumDimensions) {
		if got, want := sc.Inputs.Index.Kappa[d], in.Index.Kappa[d]; !scalar.EqualWithinAbs(got, want, fileTol) {
			t.Errorf("κ %s: the scenario has %v, the spec gives %v (rerun with -update)", d, got, want)
		}
	}
	for i, want := range in.Index.Level {
		if got := sc.Inputs.Index.Level[i]; !scalar.EqualWithinAbs(100*got, 100*want, fileTol) {
			t.Errorf("index %d: the scenario has %v, the spec gives %v points (rerun with -update)", in.FirstYear()+i, 100*got, 100*want)
		}
	}
	for _, tf := range f.Targets {
		if tf.Metric.Name() == "ii_increment_yi" && !scalar.EqualWithinAbs(tf.Fitted, tf.Value, 1e-6) {
			t.Errorf("%s: fitted %v, published %v", tf.Metric, tf.Fitted, tf.Value)
		}
		if !tf.Within {
			t.Errorf("%s: fitted %v is not within %v of %v", tf.Metric, tf.Fitted, tf.Precision/2, tf.Value)
		}
	}
	// The spec's published figures are the ones the spec report2020 keeps.
	base := mustEmbedded(t, "report2020")
	if len(base.Targets) != len(s.Targets) {
		t.Fatalf("%d and %d targets", len(base.Targets), len(s.Targets))
	}
	for i, a := range base.Targets {
		if b := s.Targets[i]; *a != *b {
			t.Errorf("target %d: report2020 has %+v, report2020-index %+v", i, *a, *b)
		}
	}
	t.Logf("report2020-index: %s", f.StatsLine())
}

var indexBlock = regexp.MustCompile(`(?s)(# BEGIN calibrated[^\n]*\n).*?(# END calibrated)`)

// rewriteIndexScenario replaces the calibrated block of the index
// scenario with the index path and κ of in.
func rewriteIndexScenario(t *testing.T, in *model.Inputs) {
	t.Helper()
	src, err := os.ReadFile(indexScenarioFile)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("# 2019: the report's text, \"七大产业指数的算术平均数为17.09\" (核心结论).\nindex_pts = {")
	for i, v := range in.Index.Level {
		if i > 0 {
			b.WriteString(",")
		}
		digits := 10 // calibrated
		if i == 0 {
			digits = -1 // held: the report's 17.09
		}
		fmt.Fprintf(&b, " %d = %s", in.FirstYear()+i, strconv.FormatFloat(100*v, 'f', digits, 64))
	}
	b.WriteString(" }\n\n[cii.kappa]\n")
	for _, d := range []model.Dimension{model.TechnicalProgress, model.TechnicalEfficiency, model.AllocativeEfficiency} {
		fmt.Fprintf(&b, "%s = %s\n", d, strconv.FormatFloat(in.Index.Kappa[d], 'f', 12, 64))
	}
	if !indexBlock.Match(src) {
		t.Fatal("no calibrated block in " + indexScenarioFile)
	}
	out := indexBlock.ReplaceAll(src, []byte("${1}"+b.String()+"${2}"))
	if err := os.WriteFile(indexScenarioFile, out, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("rewrote κ and the index path in %s", indexScenarioFile)
}
