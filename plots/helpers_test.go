package plots

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"simulate/calibrate"
	"simulate/metrics"
	"simulate/model"
)

var outDir = flag.String("out", "", "also write every rendered chart to this directory, for viewing")

// reportFigures returns the report's published figures, read from the
// calibration spec that holds them (calibrate/specs/report2020.toml), as
// the simulate command reads them for the scenario report2020.
var reportFigures = sync.OnceValue(func() *Published {
	spec, err := calibrate.LoadEmbedded("report2020")
	if err != nil {
		panic(err)
	}
	pub, err := NewPublished(spec.Figures("ii_increment_yi"), spec.Figures("ii_share_pct"))
	if err != nil {
		panic(err)
	}
	return pub
})

// baseline returns results close to the report's: its GDP base and growth
// path, the 2024 factor shares in every year, φ = 0.15, π = 0.4 and a
// rising θ for TP, TE and AE chosen by hand so that the II share runs
// from about 10.7 % to 14.2 % (not calibrated).
func baseline() model.Results {
	in := model.NewInputs(2018, 6)
	in.BaseGDP = 900309
	copy(in.Growth, []float64{0.063, 0.061, 0.060, 0.057, 0.056, 0.055})
	theta := []float64{0.183, 0.200, 0.216, 0.231, 0.243, 0.256}
	for i := range in.Len() {
		in.LaborShare[i] = 0.037
		in.CapitalShare[i] = 0.325
		in.ICTShare[i] = 0.15
		in.PrivateIIShare[i] = 0.4
		for _, d := range []model.Dimension{model.TechnicalProgress, model.TechnicalEfficiency, model.AllocativeEfficiency} {
			in.TFPII[d][i] = theta[i]
		}
	}
	var res model.Results
	model.Evaluate(&res, in)
	return res
}

// recession returns three years with a recession in the second: growth
// −3 % with labour −0.4 pp, capital +1.2 pp and TFP −3.8 pp, so that
// contributions and II channels of both signs meet in one bar.
func recession() model.Results {
	in := model.NewInputs(2018, 3)
	in.BaseGDP = 900309
	copy(in.Growth, []float64{0.05, -0.03, 0.04})
	for i := range in.Len() {
		in.LaborShare[i] = 0.05
		in.CapitalShare[i] = 0.35
		in.LaborII[i] = 0.1
		in.ICTShare[i] = 0.15
		in.PrivateIIShare[i] = 0.4
		for d := range model.NumDimensions {
			in.TFPII[d][i] = 0.2
		}
	}
	in.Form[1] = model.Contributions
	in.LaborContribution[1] = -0.004
	in.CapitalContribution[1] = 0.012
	var res model.Results
	model.Evaluate(&res, in)
	return res
}

// scenarios returns three scenarios for comparison charts: the baseline,
// slower growth with a slightly slower II uptake, and faster growth with
// faster uptake.
func scenarios() []Scenario {
	base := baseline()
	in := model.NewInputs(2018, 6)
	in.BaseGDP = 900309
	copy(in.Growth, []float64{0.063, 0.058, 0.055, 0.052, 0.050, 0.048})
	for i := range in.Len() {
		in.LaborShare[i] = 0.037
		in.CapitalShare[i] = 0.325
		in.ICTShare[i] = 0.15
		in.PrivateIIShare[i] = 0.4
		for _, d := range []model.Dimension{model.TechnicalProgress, model.TechnicalEfficiency, model.AllocativeEfficiency} {
			in.TFPII[d][i] = 0.183 + 0.02*float64(i)
		}
	}
	var slow model.Results
	model.Evaluate(&slow, in)
	for i := range in.Len() {
		for _, d := range []model.Dimension{model.TechnicalProgress, model.TechnicalEfficiency, model.AllocativeEfficiency} {
			in.TFPII[d][i] = 0.2 + 0.03*float64(i)
		}
	}
	copy(in.Growth, []float64{0.063, 0.062, 0.062, 0.060, 0.059, 0.058})
	var fast model.Results
	model.Evaluate(&fast, in)
	return []Scenario{{"baseline", base}, {"slow growth", slow}, {"fast adoption", fast}}
}

// saveOut writes b to -out when it is set.
func saveOut(t *testing.T, name string, b []byte) {
	t.Helper()
	if *outDir == "" {
		return
	}
	if err := os.WriteFile(filepath.Join(*outDir, name), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// codeWords are the key paths of every parameter and the names of every
// metric: text a chart may hold only in its caption.
var codeWords = func() []string {
	w := model.Keys()
	for _, c := range append(append([]metrics.Column(nil), metrics.Columns...), metrics.Totals...) {
		w = append(w, c.Name)
	}
	return w
}()

// noCodeOutsideCaption checks that no text of c but its caption holds a
// key path or a metric name.
func noCodeOutsideCaption(t *testing.T, c *Chart, texts []string) {
	t.Helper()
	for _, s := range texts {
		if strings.Contains(c.Caption, strings.TrimSpace(s)) {
			continue
		}
		for _, w := range codeWords {
			if strings.Contains(s, w) {
				t.Errorf("%q (outside the caption) holds %q", s, w)
			}
		}
	}
}

// noEnglishOutsideCaption checks that no text of a Chinese chart holds an
// English word of three letters or more, but for names kept in Latin
// letters (scenario names, GDP, TFP, ICT, CII, Sobol, …).
func noEnglishOutsideCaption(t *testing.T, name string, c *Chart, texts []string) {
	t.Helper()
	allowed := map[string]bool{"GDP": true, "TFP": true, "ICT": true, "CII": true, "Sobol": true, "report": true,
		"Hyndman": true, "Fan": true, "Saltelli": true, "simulate": true, "NBS": true, "emp": true, "avh": true}
	for _, s := range texts {
		if strings.Contains(c.Caption, strings.TrimSpace(s)) {
			continue
		}
		for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') }) {
			if len(w) >= 3 && !allowed[w] {
				t.Errorf("zh %s: %q holds the English %q", name, s, w)
			}
		}
	}
}
