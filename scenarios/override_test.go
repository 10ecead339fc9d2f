package scenarios

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"simulate/model"
)

// loadFile writes src to name in a fresh folder and loads it.
func loadFile(t *testing.T, name, src string) (*Scenario, error) {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return Load(p)
}

// TestOverrideFactorShare sets capital's share in a file that extends the
// baseline: TFP takes the residual, 100 − 3.7 − 40 = 56.3 %, and the
// baseline's stated TFP share (63.9 %, a check of its own split) is
// dropped with a note.
func TestOverrideFactorShare(t *testing.T) {
	s, err := loadFile(t, "mine.toml", "extends = \"report2020\"\n[capital]\nshare_pct = 40\n")
	if err != nil {
		t.Fatal(err)
	}
	var res model.Results
	model.Evaluate(&res, s.Inputs)
	for _, y := range res.Years {
		if got := 100 * y.Share[model.TFP]; !scalar.EqualWithinAbs(got, 56.3, 1e-9) {
			t.Errorf("%d: TFP share %v %%, want 56.3 %%", y.Year, got)
		}
		if got := 100 * y.Share[model.Capital]; got != 40 {
			t.Errorf("%d: capital share %v %%, want 40 %%", y.Year, got)
		}
	}
	if len(s.Notes) != 2 {
		t.Fatalf("notes: %q, want two", s.Notes)
	}
	for _, w := range []string{"tfp.share_pct = 63.9", "embedded:report2020.toml:" + baselineLine(t, "share_pct = 63.9"), "not checked in 2019–2024", "mine.toml changes the factor split", "residual, 56.3 %"} {
		if !strings.Contains(s.Notes[0], w) {
			t.Errorf("note %q lacks %q", s.Notes[0], w)
		}
	}
	// The inherited distribution of capital's share would replace 40 %
	// in the sensitivity tools: said too.
	for _, w := range []string{`[uncertainty] "capital.share_pct", inherited from embedded:report2020.toml:` + baselineLine(t, `"capital.share_pct" =`), "truncnormal(mean=32.5", "mine.toml gives it"} {
		if !strings.Contains(s.Notes[1], w) {
			t.Errorf("note %q lacks %q", s.Notes[1], w)
		}
	}
	// Own entries, and entries in add mode, are not noted.
	s, err = loadFile(t, "own.toml", "extends = \"report2020\"\n[capital]\nshare_pct = 40\n[uncertainty]\n\"capital.share_pct\" = { dist = \"triangular\", min = 35, mode = 40, max = 45 }\n")
	if err != nil || len(s.Notes) != 1 {
		t.Errorf("own entry: %v, notes %q", err, s.Notes)
	}
	s, err = loadFile(t, "g.toml", "extends = \"report2020\"\n[gdp]\ngrowth_pct = 5\n")
	if err != nil || len(s.Notes) != 0 {
		t.Errorf("growth (add mode): %v, notes %q", err, s.Notes)
	}
	// The baseline itself keeps its check, and has no note.
	base, err := LoadEmbedded("report2020")
	if err != nil || len(base.Notes) != 0 {
		t.Errorf("report2020: %v, notes %q", err, base.Notes)
	}
}

// TestOwnCheckStillChecked: a stated TFP share the extending file writes
// itself is checked against the new split, in that file.
func TestOwnCheckStillChecked(t *testing.T) {
	_, err := loadFile(t, "own.toml", "extends = \"report2020\"\n[capital]\nshare_pct = 40\n[tfp]\nshare_pct = 60\n")
	if err == nil || !strings.Contains(err.Error(), "own.toml:5:1: tfp.share_pct: labour, capital and TFP shares of growth add up to 103.7 % in 2019–2024") {
		t.Errorf("got %v", err)
	}
	if _, err := loadFile(t, "ok.toml", "extends = \"report2020\"\n[capital]\nshare_pct = 40\n[tfp]\nshare_pct = 56.3\n"); err != nil {
		t.Errorf("a right statement: %v", err)
	}
}

// TestPartialYearTable overrides the growth of 2022–2024 only: 2019–2021
// keep the baseline's values.
func TestPartialYearTable(t *testing.T) {
	s, err := loadFile(t, "part.toml", "extends = \"report2020\"\n[gdp]\ngrowth_pct = { 2022 = 3.0, 2023 = 5.2, 2024 = 5.0 }\n")
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{6.3, 6.1, 6.0, 3.0, 5.2, 5.0}
	for i, w := range want {
		if got := model.InUnit(s.Inputs.Growth[i], 100); got != w {
			t.Errorf("%d: growth %v, want %v", 2019+i, got, w)
		}
	}
	if got := s.Origin("gdp.growth_pct"); !strings.HasSuffix(got, "part.toml:3") {
		t.Errorf("origin %q", got)
	}
	// A key the baseline leaves at its default: the other years take it.
	s, err = loadFile(t, "lambda.toml", "extends = \"report2020\"\n[labor]\nii_share = { 2024 = 0.1 }\n")
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Inputs.LaborII; got[0] != 0 || got[5] != 0.1 {
		t.Errorf("λ %v", got)
	}
	// Over a chain: a table over a table over a number.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "mid.toml"), []byte("extends = \"report2020\"\n[capital]\nict_share = { 2019 = 0.1, 2020 = 0.11 }\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "top.toml"), []byte("extends = \"mid.toml\"\n[capital]\nict_share = { 2024 = 0.2 }\n"), 0o644)
	s, err = Load(filepath.Join(dir, "top.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := s.Inputs.ICTShare, []float64{0.1, 0.11, 0.15, 0.15, 0.15, 0.2}; !equal(got, want) {
		t.Errorf("φ %v, want %v", got, want)
	}
}

func equal(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestOverrideSplitForm gives contributions in a file that extends a
// scenario in shares: the nearer file's form wins, year by year.
func TestOverrideSplitForm(t *testing.T) {
	src := "extends = \"report2020\"\n[labor]\ncontribution_pp = { 2024 = 0.2 }\n[capital]\ncontribution_pp = { 2024 = 2 }\n" +
		"[uncertainty]\n\"labor.share_pct\" = { dist = \"none\" }\n\"capital.share_pct\" = { dist = \"none\" }\n"
	s, err := loadFile(t, "contr.toml", src)
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range s.Inputs.Form {
		want := model.Shares
		if i == 5 {
			want = model.Contributions
		}
		if f != want {
			t.Errorf("%d: form %v, want %v", 2019+i, f, want)
		}
	}
	if len(s.Notes) != 1 || !strings.Contains(s.Notes[0], "not checked in 2024") {
		t.Errorf("notes %q", s.Notes)
	}
}

// TestOverrideErrorsInUserFile checks that a problem caused by the
// extending file's change is placed in that file, once for all its years.
func TestOverrideErrorsInUserFile(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"labour share makes the sum exceed 100", "extends = \"report2020\"\n[labor]\nshare_pct = 70\n",
			[]string{"l.toml:3:1: labor.share_pct: labour and capital shares add up to 102.5 % of growth in 2019–2024"}},
		{"span made longer", "extends = \"report2020\"\n[span]\nlast_year = 2026\n",
			[]string{"l.toml:3:1: gdp.growth_pct: no value for years 2025–2026: embedded:report2020.toml:" + baselineLine(t, "growth_pct =") + " gives it for another span"}},
		{"one weight changed", "extends = \"report2020\"\n[tfp.weight]\nscale_efficiency = 0.1\n",
			[]string{"l.toml:3:1: tfp.weight: the four weights add up to 0.85", "l.toml gives scale_efficiency and takes technical_progress, technical_efficiency, allocative_efficiency from embedded:report2020.toml"}},
		{"inherited uncertainty that no longer applies", "extends = \"report2020\"\n[labor]\ncontribution_pp = 0.2\n[capital]\ncontribution_pp = 2\n",
			[]string{"l.toml: uncertainty.capital.share_pct:", "inherited from embedded:report2020.toml:" + baselineLine(t, `"capital.share_pct" =`), `{ dist = "none" }`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := loadFile(t, "l.toml", tc.src)
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			if strings.Contains(msg, "embedded:report2020.toml:") && strings.HasPrefix(msg, "embedded:") {
				t.Errorf("placed in the embedded file:\n%s", msg)
			}
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message\n%s\nlacks %q", msg, w)
				}
			}
		})
	}
	// A shorter span drops the inherited years after it.
	s, err := loadFile(t, "short.toml", "extends = \"report2020\"\n[span]\nlast_year = 2022\n")
	if err != nil || s.Inputs.Len() != 4 {
		t.Errorf("shorter span: %v", err)
	}
}

// TestEveryProblemAtOnce gives a misspelt key, a string where a number
// belongs and a share that leaves TFP negative: all three are reported in
// one run, the share once for its six years.
func TestEveryProblemAtOnce(t *testing.T) {
	src := "extends = \"report2020\"\n[capital]\nict_shar = 0.2\nprivate_ii_share = \"0.3\"\nshare_pct = 99\n"
	_, err := loadFile(t, "three.toml", src)
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("got %T %v", err, err)
	}
	want := []string{
		"three.toml:3:1: capital.ict_shar: unknown key \"ict_shar\" in [capital]; did you mean ict_share?",
		"three.toml:4:1: capital.private_ii_share: must be a number",
		"three.toml:5:1: capital.share_pct: labour and capital shares add up to 102.7 % of growth in 2019–2024, leaving TFP a negative share; they may add up to at most 100 %",
	}
	if len(es) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(es), len(want), err)
	}
	for i, w := range want {
		if !strings.Contains(es[i].Error(), w) {
			t.Errorf("%d: got %q, want %q…", i, es[i].Error(), w)
		}
	}
}

// baselineLine returns the number, as text, of the first line of the
// embedded report2020.toml that starts with prefix, so that messages citing
// the baseline's lines are checked without hard-coding them.
func baselineLine(t *testing.T, prefix string) string {
	t.Helper()
	src, err := Source("report2020")
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(l, prefix) {
			return strconv.Itoa(i + 1)
		}
	}
	t.Fatalf("report2020.toml has no line starting with %q", prefix)
	return ""
}
