package calibrate

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A valid spec, to be broken one line at a time by the cases below.
const goodSpec = `scenario = "report2020"

[free.theta]
keys = ["tfp.ii_share.technical_progress", "tfp.ii_share.technical_efficiency"]
min = 0
max = 1

[targets.ii_increment_yi]
precision = 0.1
values = { 2019 = 6096.4, 2020 = 6703.5 }
`

func TestSpecErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		old  string // replaced in goodSpec by new
		new  string
		want []string // every line of the error, in order
	}{
		{"unknown top-level key", `scenario = "report2020"`, "scenario = \"report2020\"\ntitel = \"x\"",
			[]string{`spec.toml:2:1: titel: unknown key "titel" at the top level; did you mean title?`}},
		{"unknown key in a free input", "min = 0", "minn = 0",
			[]string{`spec.toml:5:1: free.theta.minn: unknown key "minn" in [free.theta]; did you mean min?`}},
		{"unknown key in a target", "precision = 0.1", "precison = 0.1",
			[]string{
				`spec.toml:8:1: targets.ii_increment_yi: give precision (the unit of the last printed digit, e.g. 0.1 for 6096.4) or weight`,
				`spec.toml:9:1: targets.ii_increment_yi.precison: unknown key "precison" in [targets.ii_increment_yi]; did you mean precision?`,
			}},
		{"keys are case-sensitive", "max = 1", "MAX = 1",
			[]string{`spec.toml:6:1: free.theta.MAX: unknown key "MAX" in [free.theta]; keys are case-sensitive: write max`}},
		{"unknown metric", "[targets.ii_increment_yi]", "[targets.ii_incremnt_yi]",
			[]string{`spec.toml:8:1: targets.ii_incremnt_yi: unknown metric "ii_incremnt_yi"; did you mean ii_increment_yi?`}},
		{"unknown parameter path", `"tfp.ii_share.technical_efficiency"`, `"tfp.ii_share.technical_eficiency"`,
			[]string{`spec.toml:4:1: free.theta.keys: unknown parameter "tfp.ii_share.technical_eficiency"; did you mean tfp.ii_share.technical_efficiency?`}},
		{"bounds reversed", "min = 0\nmax = 1", "min = 0.6\nmax = 0.4",
			[]string{`spec.toml:6:1: free.theta.max: the bounds are reversed: min 0.6 > max 0.4`}},
		{"bounds equal", "min = 0\nmax = 1", "min = 0.5\nmax = 0.5",
			[]string{`spec.toml:6:1: free.theta.max: min = max = 0.5 leaves nothing free; fix the value in the scenario instead`}},
		{"bound outside the domain", "max = 1", "max = 1.5",
			[]string{`spec.toml:6:1: free.theta.max: 1.5 is outside the domain [0, 1] of tfp.ii_share.technical_progress (fraction)`}},
		{"start outside the bounds", "max = 1", "max = 0.5\nstart = 0.7",
			[]string{`spec.toml:7:1: free.theta.start: start 0.7 is outside the bounds [0, 0.5]`}},
		{"target year outside the span", "2020 = 6703.5", "2025 = 6703.5",
			[]string{`spec.toml:10:27: targets.ii_increment_yi.values.2025: ii_increment_yi[2025]: year 2025 is outside the span 2019–2024`}},
		{"key year outside the span", `"tfp.ii_share.technical_efficiency"`, `"tfp.ii_share.technical_efficiency[2018]"`,
			[]string{`spec.toml:4:1: free.theta.keys: "tfp.ii_share.technical_efficiency[2018]": year 2018 is outside 2019–2024, the years of tfp.ii_share.technical_efficiency`}},
		{"quoted metric key with a year outside the span", "[targets.ii_increment_yi]\nprecision = 0.1\nvalues = { 2019 = 6096.4, 2020 = 6703.5 }",
			"[targets.\"ii_increment_yi[2030]\"]\nprecision = 0.1\nvalue = 1",
			[]string{`spec.toml:10:1: targets.ii_increment_yi[2030].value: ii_increment_yi[2030]: year 2030 is outside the span 2019–2024`}},
		{"points year outside the span", "max = 1", "max = 1\npath = \"points\"\npoints = [2019, 2031]",
			[]string{`spec.toml:8:1: free.theta.points: year 2031 is outside the span 2019–2024`}},
		{"points without path", "max = 1", "max = 1\npoints = [2019]",
			[]string{`spec.toml:7:1: free.theta.points: points is read only with path = "points"`}},
		{"unknown path form", "max = 1", "max = 1\npath = \"cubic\"",
			[]string{`spec.toml:7:1: free.theta.path: "cubic" is not a path form; allowed: per_year, constant, linear, points`}},
		{"a scalar key with a per-year path", `keys = ["tfp.ii_share.technical_progress", "tfp.ii_share.technical_efficiency"]`,
			"keys = \"gdp.base_yi\"\npath = \"linear\"",
			[]string{
				`spec.toml:5:1: free.theta.path: gdp.base_yi has one value for the whole span: its path can only be constant`,
				`spec.toml:6:1: free.theta.min: 0 is outside the domain [1, 1000000000000] of gdp.base_yi (亿元)`,
			}},
		{"keys of different units", `"tfp.ii_share.technical_efficiency"`, `"gdp.growth_pct"`,
			[]string{`spec.toml:4:1: free.theta.keys: tfp.ii_share.technical_progress is in fraction and gdp.growth_pct in %: the keys of one free input share one unit`}},
		{"a value free twice", "[targets.ii_increment_yi]", "[free.again]\nkeys = \"tfp.ii_share.technical_progress[2020]\"\n[targets.ii_increment_yi]",
			[]string{`spec.toml:9:1: free.again.keys: tfp.ii_share.technical_progress[2020] is already set by free input "theta": each value may be free once`}},
		{"a per-year metric without values", "values = { 2019 = 6096.4, 2020 = 6703.5 }", "value = 6096.4",
			[]string{`spec.toml:8:1: targets.ii_increment_yi: ii_increment_yi is per year: give values = { YEAR = VALUE, … } (or write the target as [targets."ii_increment_yi[YEAR]"] with value)`}},
		{"negative precision", "precision = 0.1", "precision = -0.1",
			[]string{`spec.toml:9:1: targets.ii_increment_yi.precision: must be positive, not -0.1`}},
		{"nan", "precision = 0.1", "precision = nan",
			[]string{`spec.toml:9:1: targets.ii_increment_yi.precision: NaN is not a finite number`}},
		{"only checks", "precision = 0.1", "precision = 0.1\nweight = 0",
			[]string{`spec.toml:8:1: targets.ii_increment_yi: every target has weight 0: at least one target must steer the fit`}},
		{"missing scenario", `scenario = "report2020"`, "",
			[]string{`spec.toml: scenario: missing: the scenario to start from: an embedded name (scenario = "report2020") or a path relative to this file; see docs/calibration.md`}},
		{"unknown start scenario", `scenario = "report2020"`, `scenario = "report2021"`,
			[]string{
				`spec.toml:1:1: scenario: the start scenario "report2021" does not load:`,
				`no embedded scenario "report2021"`,
			}},
		{"TOML syntax", "min = 0", "min = = 0",
			[]string{`spec.toml:5:7: free.theta.min: TOML syntax:`}},
		{"wrong type", "min = 0", "min = \"0\"",
			[]string{`spec.toml:5:1: free.theta.min: must be a number, not a string`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := strings.Replace(goodSpec, c.old, c.new, 1)
			if src == goodSpec {
				t.Fatalf("%q is not in the spec", c.old)
			}
			_, err := Parse("spec.toml", []byte(src))
			if err == nil {
				t.Fatal("got no error")
			}
			lines := strings.Split(err.Error(), "\n")
			if len(lines) < len(c.want) {
				t.Fatalf("got %d lines, want %d:\n%v", len(lines), len(c.want), err)
			}
			for i, w := range c.want {
				if !strings.HasPrefix(lines[i], w) {
					t.Errorf("line %d:\ngot  %s\nwant %s", i, lines[i], w)
				}
			}
		})
	}
	if _, err := Parse("spec.toml", []byte(goodSpec)); err != nil {
		t.Errorf("the good spec: %v", err)
	}
}

// TestScenarioPath starts from a scenario file beside the spec, and checks
// that the calibrated scenario's extends names it relative to where it is
// written.
func TestScenarioPath(t *testing.T) {
	dir := t.TempDir()
	base := "extends = \"report2020\"\n[capital]\nict_share = 0.2\n"
	spec := strings.Replace(goodSpec, `"report2020"`, `"base/mine.toml"`, 1)
	for name, src := range map[string]string{"base/mine.toml": base, "specs/spec.toml": strings.Replace(spec, "base/", "../base/", 1)} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := Load(filepath.Join(dir, "specs/spec.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Start.Inputs.ICTShare[0] != 0.2 {
		t.Errorf("φ: got %v, want the start scenario's 0.2", s.Start.Inputs.ICTShare[0])
	}
	for out, want := range map[string]string{"": "base/mine.toml", "out": "../base/mine.toml", "base": "mine.toml"} {
		if got := s.Extends(filepath.Join(dir, out)); got != want {
			t.Errorf("Extends(%q): got %q, want %q", out, got, want)
		}
	}
	if got := mustEmbedded(t, "report2020").Extends(dir); got != "report2020" {
		t.Errorf("embedded start: got %q, want report2020", got)
	}
}

func mustEmbedded(t *testing.T, name string) *Spec {
	t.Helper()
	s, err := LoadEmbedded(name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func FuzzParse(f *testing.F) {
	for _, n := range Names() {
		src, err := Source(n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(src))
	}
	f.Add(goodSpec)
	f.Add(strings.ReplaceAll(goodSpec, "\n", "\r\n"))
	f.Add("scenario = \"report2020\"\n[free.a]\nkeys = \"gdp.base_yi\"\n[targets.\"gdp_yi[2019]\"]\nvalue = 1\nweight = 1\n")
	f.Add("scenario = \"report2020\"\n[free.a]\nkeys = [\"capital.ict_share\"]\npath = \"points\"\npoints = [2019, 2024]\n[targets.ii_total_yi]\nvalue = 1\nweight = 1\n")
	f.Add("[targets.\"x[\"]\n")
	f.Fuzz(func(t *testing.T, src string) {
		s, err := Parse("fuzz.toml", []byte(src))
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		// What parses also solves, without panicking, and writes.
		fit, err := Calibrate(context.Background(), s)
		if err != nil {
			t.Fatal(err)
		}
		// Everything the fit computes is a finite number.
		for _, v := range fit.Values {
			if math.IsNaN(v.Value) || math.IsInf(v.Value, 0) {
				t.Fatalf("free value %s = %v", v.Name, v.Value)
			}
		}
		for _, tf := range fit.Targets {
			if math.IsNaN(tf.Fitted) || math.IsInf(tf.Fitted, 0) || math.IsNaN(tf.Residual) || math.IsInf(tf.Residual, 0) {
				t.Fatalf("target fitted %v, residual %v", tf.Fitted, tf.Residual)
			}
		}
		var b strings.Builder
		if err := fit.WriteScenario(&b, "report2020"); err != nil {
			t.Fatal(err)
		}
		if err := fit.WriteCSV(&b); err != nil {
			t.Fatal(err)
		}
		_ = fit.Err()
	})
}
