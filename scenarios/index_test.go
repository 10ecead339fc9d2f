package scenarios_test

import (
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"simulate/calibrate"
	"simulate/cii"
	"simulate/indexes"
	"simulate/model"
	"simulate/scenarios"
)

// linkBase is a valid scenario without an index link, 2019–2021.
const linkBase = `
[span]
base_year = 2018
last_year = 2021

[gdp]
base_yi = 1000
growth_pct = 5

[labor]
share_pct = 10

[capital]
share_pct = 30
`

// TestReport2020IndexReproduces checks the scenario whose θ follows the
// industrial-internet index: the six published increments to 0.05 亿元,
// the 2019 index at the report's 17.09, θ = κ·I/100, and an implied index
// path that increases year on year.
func TestReport2020IndexReproduces(t *testing.T) {
	s, err := scenarios.LoadEmbedded("report2020-index")
	if err != nil {
		t.Fatal(err)
	}
	in := s.Inputs
	if in.Index == nil {
		t.Fatal("no index link")
	}
	var res model.Results
	model.Evaluate(&res, in)
	spec, err := calibrate.Open(s.Published)
	if err != nil {
		t.Fatal(err)
	}
	inc := spec.Figures("ii_increment_yi")
	if len(inc) != 6 {
		t.Fatalf("%d published increments", len(inc))
	}
	for _, y := range res.Years {
		if !scalar.EqualWithinAbs(y.II, inc[y.Year], incrementTol) {
			t.Errorf("%d II increment: got %.3f 亿元, want %.1f ± %g", y.Year, y.II, inc[y.Year], incrementTol)
		}
	}
	if got := 100 * in.Index.Level[0]; got != 17.09 {
		t.Errorf("2019 index: got %v, want 17.09", got)
	}
	for i := 1; i < in.Len(); i++ {
		if in.Index.Level[i] <= in.Index.Level[i-1] {
			t.Errorf("index path not increasing: %d %v after %v", in.FirstYear()+i, 100*in.Index.Level[i], 100*in.Index.Level[i-1])
		}
	}
	for d := range model.Dimension(model.NumDimensions) {
		for i := range in.Len() {
			if want := in.Index.Kappa[d] * in.Index.Level[i]; in.TFPII[d][i] != want {
				t.Errorf("θ %s %d: got %v, want κ·I/100 = %v", d, in.FirstYear()+i, in.TFPII[d][i], want)
			}
		}
	}
	if in.Index.Kappa[model.ScaleEfficiency] != 0 {
		t.Errorf("κ_SE: got %v, want 0", in.Index.Kappa[model.ScaleEfficiency])
	}
	// The same θ as the baseline's calibration: the index path is θ
	// rescaled.
	base, err := scenarios.LoadEmbedded("report2020")
	if err != nil {
		t.Fatal(err)
	}
	for i := range in.Len() {
		got, want := in.TFPII[model.TechnicalProgress][i], base.Inputs.TFPII[model.TechnicalProgress][i]
		if !scalar.EqualWithinAbs(got, want, 1e-8) {
			t.Errorf("θ_TP %d: %v, the baseline's %v", in.FirstYear()+i, got, want)
		}
	}
}

// TestIndexLinkDefaults checks that the first year's index defaults to
// the mean of the index file, that κ and I are addressable and move θ, and
// that θ is not.
func TestIndexLinkDefaults(t *testing.T) {
	src := linkBase + "[cii]\nindex_pts = { 2020 = 20, 2021 = 30 }\n[cii.kappa]\ntechnical_progress = 1\n"
	s, err := scenarios.Parse("link.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	f, err := indexes.LoadEmbedded("cii2020")
	if err != nil {
		t.Fatal(err)
	}
	var r cii.Result
	f.Index.Evaluate(&r)
	in := s.Inputs
	if got := 100 * in.Index.Level[0]; !scalar.EqualWithinAbs(got, r.Mean, 1e-12) {
		t.Errorf("first year: got %v, want the index's mean %v", got, r.Mean)
	}
	if got := in.TFPII[model.TechnicalProgress][1]; !scalar.EqualWithinAbs(got, 0.2, 1e-15) {
		t.Errorf("θ_TP 2020: got %v, want 0.2", got)
	}
	ref, err := model.Lookup(in, "cii.kappa.technical_progress")
	if err != nil {
		t.Fatal(err)
	}
	ref.Set(0, 0.5)
	if got := in.TFPII[model.TechnicalProgress][1]; !scalar.EqualWithinAbs(got, 0.1, 1e-15) {
		t.Errorf("θ_TP after κ = 0.5: got %v, want 0.1", got)
	}
	b, err := model.Bind(in, []model.Target{{Path: "cii.index_pts[2020]", Mode: model.Add}})
	if err != nil {
		t.Fatal(err)
	}
	b.Apply([]float64{10})
	if got := b.Inputs().TFPII[model.TechnicalProgress][1]; !scalar.EqualWithinAbs(got, 0.15, 1e-15) {
		t.Errorf("θ_TP with I + 10: got %v, want 0.15", got)
	}
	if _, err := model.Lookup(in, "tfp.ii_share.technical_progress"); err == nil || !strings.Contains(err.Error(), "θ is computed from the index path") {
		t.Errorf("θ addressable: %v", err)
	}
	if _, err := model.Lookup(scenarioNoLink(t), "cii.index_pts"); err == nil || !strings.Contains(err.Error(), "only scenarios that drive θ from an index path") {
		t.Errorf("cii.index_pts without [cii]: %v", err)
	}
}

func scenarioNoLink(t *testing.T) *model.Inputs {
	t.Helper()
	s, err := scenarios.Parse("plain.toml", []byte(linkBase))
	if err != nil {
		t.Fatal(err)
	}
	return s.Inputs
}

// TestIndexLinkErrors checks the problems of a scenario's [cii].
func TestIndexLinkErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"theta beside cii", linkBase + "[tfp.ii_share]\ntechnical_progress = 0.2\n[cii]\nindex_pts = 20\n",
			[]string{"tfp.ii_share.technical_progress: θ is computed from the index path in this scenario", "give cii.kappa.technical_progress instead"}},
		{"missing years", linkBase + "[cii]\nindex_pts = { 2019 = 17 }\n",
			[]string{"cii.index_pts: missing years 2020–2021"}},
		{"theta above 1", linkBase + "[cii]\nindex_pts = 50\n[cii.kappa]\nallocative_efficiency = 3\n",
			[]string{"cii.kappa.allocative_efficiency", "θ = κ·I/100 = 1.5 in 2019–2021 is outside [0, 1]"}},
		{"unknown index file", linkBase + "[cii]\nindex = \"cii2030\"\nindex_pts = { 2020 = 20 }\n",
			[]string{`cii.index: no embedded index "cii2030"`}},
		{"misspelt kappa", linkBase + "[cii]\nindex_pts = 20\n[cii.kappa]\ntechnical_progres = 1\n",
			[]string{"cii.kappa.technical_progres: unknown key", "did you mean technical_progress?"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := scenarios.Parse("bad.toml", []byte(tc.src))
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("message lacks %q:\n%v", w, err)
				}
			}
		})
	}
}
