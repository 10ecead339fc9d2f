package scenarios

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"simulate/model"
	"simulate/uncertain"
)

func TestUncertaintyValid(t *testing.T) {
	src := minimal + `
[uncertainty]
"capital.ict_share" = { dist = "triangular", min = 0.1, mode = 0.2, max = 0.3 }
"gdp.growth_pct[2020]" = { dist = "uniform", min = -1, max = 1, apply = "add" }
"gdp.growth_pct" = { dist = "truncnormal", mean = 1, sd = 0.1, min = 0.8, max = 1.2, apply = "scale" }
"tfp.weight.scale_efficiency" = { dist = "beta", alpha = 2, beta = 2, max = 0.5 }

[uncertainty."capital.private_ii_share"]
dist = "lognormal"
mu = 0
sigma = 0.1
max = 1.5
apply = "scale"
`
	s, err := Parse("u.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range s.Uncertainty {
		got = append(got, u.Label()+" "+u.Dist.String())
	}
	want := []string{
		// model.Params order, a whole path before its years.
		"gdp.growth_pct* truncnormal(mean=1, sd=0.1, min=0.8, max=1.2)",
		"gdp.growth_pct[2020]+ uniform(min=-1, max=1)",
		"capital.ict_share triangular(min=0.1, mode=0.2, max=0.3)",
		"capital.private_ii_share* lognormal(mu=0, sigma=0.1, max=1.5)",
		"tfp.weight.scale_efficiency beta(alpha=2, beta=2, min=0, max=0.5)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if o := s.UncertaintyOrigin("capital.private_ii_share"); o != "u.toml:26" {
		t.Errorf("origin %q", o)
	}
}

func TestUncertaintyErrors(t *testing.T) {
	tests := []struct {
		name, table, want string
	}{
		{"not a table", "", "u.toml:1:1: uncertainty: must be a table"},
		{"entry not a table", `[uncertainty]
"capital.ict_share" = 0.2`, "u.toml:21:1: uncertainty.capital.ict_share: must be a table such as"},
		{"unknown param", `[uncertainty]
"capital.ict_shar" = { dist = "uniform", min = 0, max = 1 }`, `u.toml:21:1: uncertainty.capital.ict_shar: unknown parameter "capital.ict_shar"`},
		{"unquoted path", `[uncertainty]
capital.ict_share = { dist = "uniform", min = 0, max = 1 }`, `u.toml:20:1: uncertainty.capital: unknown parameter "capital" (see the parameter list); write the parameter's whole key path in quotes`},
		{"year outside", `[uncertainty]
"gdp.growth_pct[2030]" = { dist = "uniform", min = 0, max = 1 }`, "year 2030 is outside 2019–2020"},
		{"scalar with year", `[uncertainty]
"gdp.base_yi[2019]" = { dist = "uniform", min = 1, max = 2 }`, "one value for the whole span"},
		{"no dist", `[uncertainty]
"capital.ict_share" = { min = 0, max = 1 }`, "u.toml:21:1: uncertainty.capital.ict_share: missing dist: one of uniform, triangular"},
		{"unknown dist", `[uncertainty]
"capital.ict_share" = { dist = "unifrom", min = 0, max = 1 }`, `u.toml:21:25: uncertainty.capital.ict_share.dist: unknown distribution "unifrom"`},
		{"unknown key", `[uncertainty]
"capital.ict_share" = { dist = "uniform", min = 0, mx = 1 }`, `u.toml:21:52: uncertainty.capital.ict_share.mx: unknown key "mx" for a uniform distribution: write { dist = "uniform", min = …, max = … }; did you mean max?`},
		{"missing key", `[uncertainty]
"capital.ict_share" = { dist = "triangular", min = 0, max = 1 }`, "a triangular distribution needs mode"},
		{"wrong type", `[uncertainty]
"capital.ict_share" = { dist = "uniform", min = "0", max = 1 }`, "u.toml:21:43: uncertainty.capital.ict_share.min: must be a number, not a string"},
		{"nan", `[uncertainty]
"capital.ict_share" = { dist = "uniform", min = nan, max = 1 }`, "min: NaN is not a finite number"},
		{"bad apply", `[uncertainty]
"capital.ict_share" = { dist = "uniform", min = 0, max = 1, apply = "mul" }`, `apply: must be "set"`},
		{"bad params", `[uncertainty]
"capital.ict_share" = { dist = "uniform", min = 1, max = 0 }`, "uniform: min (1) must be less than max (0)"},
		{"normal", `[uncertainty]
"capital.ict_share" = { dist = "normal", mean = 0.2, sd = 0.05 }`, "u.toml:21:1: uncertainty.capital.ict_share: set normal(mean=0.2, sd=0.05) with support [-Inf, +Inf] can take its values in [-Inf, +Inf], outside the domain [0, 1] (fraction); an unbounded distribution cannot be used here: use truncnormal"},
		{"header form", `[uncertainty."capital.ict_share"]
dist = "uniform"
min = 0.5
max = 1.5`, "u.toml:20:1: uncertainty.capital.ict_share: set uniform(min=0.5, max=1.5)"},
		{"header form key", `[uncertainty."capital.ict_share"]
dist = "uniform"
min = 0.5
maxx = 1`, "u.toml:23:1: uncertainty.capital.ict_share.maxx: unknown key"},
		{"shares", `[uncertainty]
"capital.share_pct" = { dist = "uniform", min = 20, max = 95 }`, "can add up to 105 % in 2019 (up to 10 + 95)"},
		{"none with keys", `[uncertainty]
"capital.ict_share" = { dist = "none", min = 0 }`, `{ dist = "none" } drops the entry and takes no other key`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := minimal + "\n" + tc.table + "\n"
			if tc.table == "" {
				src = "uncertainty = 3" + minimal
			}
			_, err := Parse("u.toml", []byte(src))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v\nwant %q", err, tc.want)
			}
		})
	}
}

// TestUncertaintyExtends checks that an extending scenario overrides and
// drops entries one by one.
func TestUncertaintyExtends(t *testing.T) {
	dir := t.TempDir()
	base := minimal + `
[uncertainty]
"capital.ict_share" = { dist = "uniform", min = 0.1, max = 0.3 }
"capital.private_ii_share" = { dist = "uniform", min = 0.4, max = 0.6 }
"gdp.growth_pct" = { dist = "uniform", min = -1, max = 1, apply = "add" }
`
	if err := os.WriteFile(filepath.Join(dir, "base.toml"), []byte(base), 0o644); err != nil {
		t.Fatal(err)
	}
	child := `extends = "base.toml"
[uncertainty]
"capital.ict_share" = { dist = "uniform", min = 0.2, max = 0.4 }
"capital.private_ii_share" = { dist = "none" }
`
	p := filepath.Join(dir, "child.toml")
	if err := os.WriteFile(p, []byte(child), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range s.Uncertainty {
		got = append(got, u.Label()+" "+u.Dist.String())
	}
	want := "gdp.growth_pct+ uniform(min=-1, max=1)|capital.ict_share uniform(min=0.2, max=0.4)"
	if strings.Join(got, "|") != want {
		t.Errorf("got %v, want %s", got, want)
	}
	if o := s.UncertaintyOrigin("capital.ict_share"); !strings.HasSuffix(o, "child.toml:3") {
		t.Errorf("origin %q", o)
	}
}

// TestBaselineUncertainty checks the baseline's table: every assumption
// the issue names is uncertain, each entry has a comment, and every draw
// keeps the inputs valid.
func TestBaselineUncertainty(t *testing.T) {
	s, err := LoadEmbedded("report2020")
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, u := range s.Uncertainty {
		have[u.Name] = true
	}
	for _, p := range []string{"capital.ict_share", "capital.private_ii_share", "labor.share_pct", "capital.share_pct", "gdp.growth_pct", "tfp.weight.scale_efficiency"} {
		if !have[p] {
			t.Errorf("no uncertainty for %s", p)
		}
	}
	src, _ := Source("report2020")
	lines := strings.Split(string(src), "\n")
	for _, u := range s.Uncertainty {
		o := s.UncertaintyOrigin(u.Name)
		var line int
		if _, err := fmt.Sscanf(o[strings.LastIndexByte(o, ':')+1:], "%d", &line); err != nil || line < 2 {
			t.Fatalf("origin %q", o)
		}
		if !strings.HasPrefix(lines[line-2], "#") {
			t.Errorf("%s (line %d) has no comment above it", u.Name, line)
		}
	}
	// Every quantile corner is valid input.
	for _, p := range []float64{0, 0.5, 1} {
		b, err := model.Bind(s.Inputs, targetsOf(s.Uncertainty))
		if err != nil {
			t.Fatal(err)
		}
		x := make([]float64, len(s.Uncertainty))
		for i := range x {
			x[i] = s.Uncertainty[i].Dist.Quantile(p)
		}
		b.Apply(x)
		if err := b.Inputs().Validate(); err != nil {
			t.Errorf("all inputs at quantile %v: %v", p, err)
		}
	}
}

func targetsOf(unc []uncertain.Input) []model.Target {
	ts := make([]model.Target, len(unc))
	for i, u := range unc {
		ts[i] = u.Targets()[0]
	}
	return ts
}
