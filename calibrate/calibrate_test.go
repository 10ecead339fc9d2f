package calibrate

import (
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"simulate/metrics"
	"simulate/model"
	"simulate/scenarios"
)

var update = flag.Bool("update", false, "rewrite the calibrated θ block of scenarios/report2020.toml from the spec")

const (
	baselineFile = "../scenarios/report2020.toml"
	specDir      = "specs"

	// fileTol is how closely the θ written in the baseline must match a
	// fresh calibration: the file holds them to 12 decimals, and the issue
	// asks for agreement to 1e-6.
	fileTol = 1e-6
	// growthTol is how closely the growth spec must recover the published
	// path, pp: the issue asks for 0.01 pp.
	growthTol = 0.01
	// exactTol is the tolerance of a consistent calibration: the targets
	// are met to float64 noise, so values agree far below any printed digit.
	exactTol = 1e-8
)

func mustCalibrate(t *testing.T, s *Spec) *Fit {
	t.Helper()
	f, err := Calibrate(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestReport2020Spec reruns the shipped calibration of the baseline's θ path
// and checks that the baseline holds its result, so that the two cannot
// drift apart. With -update it rewrites the baseline's θ block instead.
func TestReport2020Spec(t *testing.T) {
	s, err := Load(filepath.Join(specDir, "report2020.toml"))
	if err != nil {
		t.Fatal(err)
	}
	f := mustCalibrate(t, s)
	if err := f.Err(); err != nil {
		t.Fatal(err)
	}
	if f.Stats.Blocks != 6 {
		t.Errorf("blocks: got %d, want 6 (a year's increment depends on that year's θ only)", f.Stats.Blocks)
	}
	theta := make([]float64, len(f.Values))
	for i, v := range f.Values {
		theta[i] = v.Value
	}
	if *update {
		rewriteBaseline(t, f.Inputs.FirstYear(), theta)
		return
	}
	base, err := scenarios.Load(baselineFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []model.Dimension{model.TechnicalProgress, model.TechnicalEfficiency, model.AllocativeEfficiency} {
		for i, want := range theta {
			if got := base.Inputs.TFPII[d][i]; !scalar.EqualWithinAbs(got, want, fileTol) {
				t.Errorf("%s %d: the baseline has θ = %v, the spec gives %v (rerun with -update)", d, base.Inputs.FirstYear()+i, got, want)
			}
		}
	}
	// Every other input is the baseline's.
	if got, want := f.Inputs.TFPII[model.ScaleEfficiency], base.Inputs.TFPII[model.ScaleEfficiency]; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("θ_SE: got %v, want the baseline's %v", got, want)
	}

	// The targets, the published figures, are met.
	for _, tf := range f.Targets {
		if tf.Metric.Name() == "ii_increment_yi" && !scalar.EqualWithinAbs(tf.Fitted, tf.Value, 1e-6) {
			t.Errorf("%s: fitted %v, published %v", tf.Metric, tf.Fitted, tf.Value)
		}
		if !tf.Within {
			t.Errorf("%s: fitted %v is not within %v of %v", tf.Metric, tf.Fitted, tf.Precision/2, tf.Value)
		}
	}
	t.Logf("report2020: %s", f.StatsLine())
}

var calibratedBlock = regexp.MustCompile(`(?s)(# BEGIN calibrated[^\n]*\n).*?(# END calibrated)`)

// rewriteBaseline replaces the calibrated block of the baseline file.
func rewriteBaseline(t *testing.T, first int, theta []float64) {
	t.Helper()
	src, err := os.ReadFile(baselineFile)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, d := range []model.Dimension{model.TechnicalProgress, model.TechnicalEfficiency, model.AllocativeEfficiency} {
		fmt.Fprintf(&b, "%s = {", d)
		for i, v := range theta {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, " %d = %s", first+i, strconv.FormatFloat(v, 'f', 12, 64))
		}
		b.WriteString(" }\n")
	}
	if !calibratedBlock.Match(src) {
		t.Fatal("no calibrated block in " + baselineFile)
	}
	out := calibratedBlock.ReplaceAll(src, []byte("${1}"+b.String()+"${2}"))
	if err := os.WriteFile(baselineFile, out, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("rewrote θ in %s", baselineFile)
}

// TestReport2020GrowthSpec recovers the growth path from the published II
// figures: the non-separable case, solved as one block.
func TestReport2020GrowthSpec(t *testing.T) {
	s, err := Load(filepath.Join(specDir, "report2020-growth.toml"))
	if err != nil {
		t.Fatal(err)
	}
	f := mustCalibrate(t, s)
	if err := f.Err(); err != nil {
		t.Fatal(err)
	}
	if f.Stats.Blocks != 1 {
		t.Errorf("blocks: got %d, want 1 (growth of a year moves every later year)", f.Stats.Blocks)
	}
	want := []float64{6.3, 6.1, 6.0, 5.7, 5.6, 5.5} // MODEL.md §3, the baseline's growth path
	if len(f.Values) != len(want) {
		t.Fatalf("got %d free values, want %d", len(f.Values), len(want))
	}
	for i, v := range f.Values {
		if !scalar.EqualWithinAbs(v.Value, want[i], growthTol) {
			t.Errorf("%s: got %v %%, want %v %%", v.Name, v.Value, want[i])
		}
	}
	for _, tf := range f.Targets {
		if tf.Metric.Name() == "ii_share_pct" && tf.Moved {
			t.Errorf("%s: growth moves it, but with shares of growth fixed it cannot", tf.Metric)
		}
	}
	t.Logf("report2020-growth: %s", f.StatsLine())
}

// TestEmbeddedSpecs checks that every shipped spec is embedded and loads by
// name as it does from its file.
func TestEmbeddedSpecs(t *testing.T) {
	names := Names()
	files, _ := filepath.Glob(filepath.Join(specDir, "*.toml"))
	if len(names) != len(files) || len(names) < 2 {
		t.Fatalf("embedded %v, files %v", names, files)
	}
	for _, n := range names {
		a, err := LoadEmbedded(n)
		if err != nil {
			t.Fatal(err)
		}
		b, err := Open(filepath.Join(specDir, n+".toml"))
		if err != nil {
			t.Fatal(err)
		}
		if a.Name != n || b.Name != n || len(a.Targets) != len(b.Targets) || len(a.Free) != len(b.Free) {
			t.Errorf("%s: embedded and file specs differ", n)
		}
	}
}

// TestPublishedFiguresAgree checks that the growth spec fits the figures
// that the report2020 spec holds: the report's published figures are kept
// in that spec (the scenario report2020 names it with published =), and
// the growth spec's copy must not drift from them.
func TestPublishedFiguresAgree(t *testing.T) {
	theta, growth := mustEmbedded(t, "report2020"), mustEmbedded(t, "report2020-growth")
	if len(theta.Targets) != len(growth.Targets) {
		t.Fatalf("%d and %d targets", len(theta.Targets), len(growth.Targets))
	}
	for i, a := range theta.Targets {
		if b := growth.Targets[i]; *a != *b {
			t.Errorf("target %d: report2020 has %+v, report2020-growth %+v", i, *a, *b)
		}
	}
	for name, n := range map[string]int{"ii_increment_yi": 6, "ii_share_pct": 6, "gdp_yi": 0} {
		if got := len(theta.Figures(name)); got != n {
			t.Errorf("%s: %d figures, want %d", name, got, n)
		}
	}
	if got := theta.Figures("ii_increment_yi")[2019]; got != 6096.4 {
		t.Errorf("ii_increment_yi[2019]: got %v, want 6096.4", got)
	}
}

// TestJointEqualsBlocks solves the block-separable θ spec as one joint
// problem: the general path must find what the block solver finds.
func TestJointEqualsBlocks(t *testing.T) {
	s, err := LoadEmbedded("report2020")
	if err != nil {
		t.Fatal(err)
	}
	blocks := mustCalibrate(t, s)
	joint, err := calibrate(context.Background(), s, true)
	if err != nil {
		t.Fatal(err)
	}
	if joint.Stats.Blocks != 1 || blocks.Stats.Blocks != 6 {
		t.Fatalf("blocks: joint %d, separate %d; want 1 and 6", joint.Stats.Blocks, blocks.Stats.Blocks)
	}
	if err := joint.Err(); err != nil {
		t.Fatal(err)
	}
	for i := range blocks.Values {
		if a, b := blocks.Values[i].Value, joint.Values[i].Value; !scalar.EqualWithinAbs(a, b, exactTol) {
			t.Errorf("%s: blocks %v, joint %v", blocks.Values[i].Name, a, b)
		}
	}
}

// truthCase is a calibration whose answer is known: the targets are the
// model's own outputs at known inputs.
type truthCase struct {
	name    string
	free    string                 // the [free.*] tables
	truth   func(in *model.Inputs) // sets the known inputs
	metrics []string               // the targets, computed at the truth
	want    map[string]float64     // free value → its true value
	blocks  int                    // expected number of blocks
	check   func(*testing.T, *Fit) // further checks, or nil
}

func setTheta(in *model.Inputs, f func(i int) float64) {
	for _, d := range []model.Dimension{model.TechnicalProgress, model.TechnicalEfficiency, model.AllocativeEfficiency} {
		for i := range in.TFPII[d] {
			in.TFPII[d][i] = f(i)
		}
	}
}

const thetaKeys = `keys = ["tfp.ii_share.technical_progress", "tfp.ii_share.technical_efficiency", "tfp.ii_share.allocative_efficiency"]`

var truthCases = []truthCase{
	{
		name:    "linear θ, targets at the ends",
		free:    "[free.theta]\n" + thetaKeys + "\npath = \"linear\"\nmin = 0\nmax = 1\n",
		truth:   func(in *model.Inputs) { setTheta(in, func(i int) float64 { return 0.15 + 0.03*float64(i) }) },
		metrics: []string{"ii_increment_yi[2019]", "ii_increment_yi[2024]"},
		want:    map[string]float64{"theta[2019]": 0.15, "theta[2024]": 0.30},
		blocks:  2,
		check: func(t *testing.T, f *Fit) {
			// 2021 lies 2/5 of the way: 0.15 + 0.4·0.15.
			if got := f.Inputs.TFPII[model.TechnicalEfficiency][2]; !scalar.EqualWithinAbs(got, 0.21, exactTol) {
				t.Errorf("θ_TE 2021: got %v, want 0.21 (interpolated)", got)
			}
		},
	},
	{
		name:    "linear θ, every year (over-determined, consistent)",
		free:    "[free.theta]\n" + thetaKeys + "\npath = \"linear\"\nmin = 0\nmax = 1\n",
		truth:   func(in *model.Inputs) { setTheta(in, func(i int) float64 { return 0.15 + 0.03*float64(i) }) },
		metrics: []string{"ii_increment_yi[2019]", "ii_increment_yi[2020]", "ii_increment_yi[2021]", "ii_increment_yi[2022]", "ii_increment_yi[2023]", "ii_increment_yi[2024]"},
		want:    map[string]float64{"theta[2019]": 0.15, "theta[2024]": 0.30},
		blocks:  1,
	},
	{
		name: "θ at given years, interpolated",
		free: "[free.theta]\n" + thetaKeys + "\npath = \"points\"\npoints = [2024, 2019, 2021]\nmin = 0\nmax = 1\n",
		truth: func(in *model.Inputs) {
			setTheta(in, func(i int) float64 { return []float64{0.1, 0.15, 0.2, 0.22, 0.24, 0.26}[i] })
		},
		metrics: []string{"ii_increment_yi[2019]", "ii_increment_yi[2020]", "ii_increment_yi[2021]", "ii_increment_yi[2022]", "ii_increment_yi[2023]", "ii_increment_yi[2024]"},
		want:    map[string]float64{"theta[2019]": 0.1, "theta[2021]": 0.2, "theta[2024]": 0.26},
		blocks:  1,
	},
	{
		name: "constant φ from the period total",
		free: "[free.phi]\nkeys = \"capital.ict_share\"\npath = \"constant\"\nmin = 0\nmax = 1\nstart = 0.9\n",
		truth: func(in *model.Inputs) {
			for i := range in.ICTShare {
				in.ICTShare[i] = 0.2
			}
		},
		metrics: []string{"ii_total_yi"},
		want:    map[string]float64{"phi": 0.2},
		blocks:  1,
	},
	{
		name:    "base GDP (a scalar key)",
		free:    "[free.base]\nkeys = \"gdp.base_yi\"\nmin = 500000\nmax = 1500000\n",
		truth:   func(in *model.Inputs) { in.BaseGDP = 900309 },
		metrics: []string{"gdp_yi[2019]"},
		want:    map[string]float64{"base": 900309},
		blocks:  1,
	},
	{
		name:    "growth of the last two years only",
		free:    "[free.growth]\nkeys = [\"gdp.growth_pct[2024]\", \"gdp.growth_pct[2023]\"]\nmin = -5\nmax = 15\n",
		truth:   func(in *model.Inputs) { in.Growth[4], in.Growth[5] = 0.056, 0.055 },
		metrics: []string{"gdp_yi[2023]", "gdp_yi[2024]"},
		want:    map[string]float64{"growth[2023]": 5.6, "growth[2024]": 5.5},
		blocks:  1,
	},
	{
		name: "two free inputs, two blocks",
		free: "[free.phi]\nkeys = \"capital.ict_share[2019]\"\nmin = 0\nmax = 1\n" +
			"[free.growth]\nkeys = \"gdp.growth_pct[2024]\"\nmin = 0\nmax = 15\n",
		truth:   func(in *model.Inputs) { in.ICTShare[0], in.Growth[5] = 0.3, 0.05 },
		metrics: []string{"ii_increment_yi[2019]", "delta_gdp_yi[2024]"},
		want:    map[string]float64{"phi[2019]": 0.3, "growth[2024]": 5},
		blocks:  2,
	},
}

// truthSpec returns the text of a spec starting from report2020 with the
// free inputs of c and, as targets, the metrics of c at the truth, to a
// precision far below their size.
func truthSpec(t *testing.T, c truthCase) string {
	t.Helper()
	base, err := scenarios.LoadEmbedded("report2020")
	if err != nil {
		t.Fatal(err)
	}
	in := base.Inputs.Clone()
	c.truth(in)
	var res model.Results
	model.Evaluate(&res, in)
	var b strings.Builder
	b.WriteString("scenario = \"report2020\"\n" + c.free)
	for _, name := range c.metrics {
		m, err := metrics.Parse(name)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "[targets.%q]\nvalue = %s\nprecision = 1e-6\n", name, strconv.FormatFloat(m.Value(&res), 'g', -1, 64))
	}
	return b.String()
}

func TestKnownAnswers(t *testing.T) {
	for _, c := range truthCases {
		t.Run(c.name, func(t *testing.T) {
			s, err := Parse("truth.toml", []byte(truthSpec(t, c)))
			if err != nil {
				t.Fatal(err)
			}
			f := mustCalibrate(t, s)
			if err := f.Err(); err != nil {
				t.Fatal(err)
			}
			if f.Stats.Blocks != c.blocks {
				t.Errorf("blocks: got %d, want %d", f.Stats.Blocks, c.blocks)
			}
			if len(f.Values) != len(c.want) {
				t.Errorf("got %d free values, want %d", len(f.Values), len(c.want))
			}
			for _, v := range f.Values {
				want, ok := c.want[v.Name]
				if !ok {
					t.Errorf("unexpected free value %s", v.Name)
					continue
				}
				if !scalar.EqualWithinAbsOrRel(v.Value, want, exactTol, exactTol) {
					t.Errorf("%s: got %v, want %v", v.Name, v.Value, want)
				}
			}
			if c.check != nil {
				c.check(t, f)
			}
			checkWritten(t, f)
		})
	}
}

// checkWritten writes f's scenario, loads it back through the scenario
// loader and checks that it evaluates to the fitted values.
func checkWritten(t *testing.T, f *Fit) {
	t.Helper()
	dir := t.TempDir()
	var b strings.Builder
	if err := f.WriteScenario(&b, f.Spec.Extends(dir)); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "calibrated.toml")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := scenarios.Load(p)
	if err != nil {
		t.Fatalf("the written scenario does not load: %v\n%s", err, b.String())
	}
	if s.Chain[len(s.Chain)-1] != f.Spec.Start.Source {
		t.Errorf("the written scenario extends %v, want the start %s", s.Chain, f.Spec.Start.Source)
	}
	var res model.Results
	model.Evaluate(&res, s.Inputs)
	for _, tf := range f.Targets {
		if got := tf.Metric.Value(&res); !scalar.EqualWithinAbsOrRel(got, tf.Fitted, 1e-12, 1e-12) {
			t.Errorf("%s: the written scenario gives %v, the fit %v", tf.Metric, got, tf.Fitted)
		}
	}
	if n := strings.Count(b.String(), "# calibrated (spec "+f.Spec.Name); n == 0 {
		t.Errorf("no value is marked as calibrated:\n%s", b.String())
	}
}

func TestWrittenBaseline(t *testing.T) {
	for _, name := range []string{"report2020", "report2020-growth"} {
		s, err := LoadEmbedded(name)
		if err != nil {
			t.Fatal(err)
		}
		f := mustCalibrate(t, s)
		checkWritten(t, f)
		// Two runs write the same bytes.
		var a, b strings.Builder
		if err := f.WriteScenario(&a, "report2020"); err != nil {
			t.Fatal(err)
		}
		if err := mustCalibrate(t, s).WriteScenario(&b, "report2020"); err != nil {
			t.Fatal(err)
		}
		if a.String() != b.String() {
			t.Errorf("%s: two runs write different scenarios", name)
		}
	}
}

func TestWriteCSV(t *testing.T) {
	s, err := LoadEmbedded("report2020")
	if err != nil {
		t.Fatal(err)
	}
	f := mustCalibrate(t, s)
	var b strings.Builder
	if err := f.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(b.String())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != "target,year,value,fitted,residual,precision,within" {
		t.Errorf("header: got %s", got)
	}
	if len(rows) != len(f.Targets)+1 {
		t.Fatalf("got %d rows, want %d", len(rows)-1, len(f.Targets))
	}
	for _, want := range [][]string{
		{"ii_increment_yi", "2019", "6096.4"},
		{"ii_total_yi", "", "46300"},
	} {
		found := false
		for _, r := range rows[1:] {
			if r[0] == want[0] && r[1] == want[1] {
				found = true
				if r[2] != want[2] || r[6] != "yes" {
					t.Errorf("row %v: want value %s, within yes", r, want[2])
				}
				fitted, _ := strconv.ParseFloat(r[3], 64)
				resid, _ := strconv.ParseFloat(r[4], 64)
				value, _ := strconv.ParseFloat(r[2], 64)
				if fitted-value != resid {
					t.Errorf("row %v: residual is not fitted − value", r)
				}
			}
		}
		if !found {
			t.Errorf("no row for %v", want)
		}
	}
}

func TestCancel(t *testing.T) {
	s, err := LoadEmbedded("report2020-growth")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Calibrate(ctx, s); err != context.Canceled {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

func BenchmarkCalibrate(b *testing.B) {
	for _, name := range []string{"report2020", "report2020-growth"} {
		s, err := LoadEmbedded(name)
		if err != nil {
			b.Fatal(err)
		}
		b.Run("spec="+name, func(b *testing.B) {
			b.ReportAllocs()
			var f *Fit
			for b.Loop() {
				f, err = Calibrate(context.Background(), s)
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(f.Stats.Iterations), "iterations/op")
			b.ReportMetric(float64(f.Stats.ModelEvaluations), "model-evals/op")
		})
	}
}
