package scenarios

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"simulate/model"
	"simulate/uncertain"
)

// TestGroupsAndCorrelations reads grouped entries, labels and rank
// correlations.
func TestGroupsAndCorrelations(t *testing.T) {
	src := minimal + `
[uncertainty]
"capital.ict_share" = { dist = "triangular", min = 0.1, mode = 0.2, max = 0.3, label = "φ" }
theta_scale = { keys = ["tfp.ii_share.technical_efficiency", "tfp.ii_share.technical_progress[2020]"], dist = "uniform", min = 0.8, max = 1.2, apply = "scale", label = "θ scale" }
"capital.share_pct" = { dist = "uniform", min = 20, max = 40 }

[[uncertainty.correlation]]
inputs = ["capital.share_pct", "capital.ict_share"]
rank = 0.5

[[uncertainty.correlation]]
inputs = ["theta_scale", "capital.ict_share"]
rank = -0.2
`
	s, err := Parse("g.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range s.Uncertainty {
		got = append(got, u.Label()+" "+strings.Join(u.Keys, "+")+" "+u.Mode.String()+" "+u.ChartLabel())
	}
	want := []string{
		"capital.share_pct capital.share_pct set capital.share_pct",
		"capital.ict_share capital.ict_share set φ",
		// A group sits at its first key in the order of the parameters.
		"theta_scale tfp.ii_share.technical_efficiency+tfp.ii_share.technical_progress[2020] scale θ scale",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	wantCorr := []uncertain.Correlation{{A: 0, B: 1, Rank: 0.5}, {A: 2, B: 1, Rank: -0.2}}
	if len(s.Correlations) != 2 || s.Correlations[0] != wantCorr[0] || s.Correlations[1] != wantCorr[1] {
		t.Errorf("correlations %v, want %v", s.Correlations, wantCorr)
	}
	if !s.Uncertainty[2].Group || s.Uncertainty[0].Group {
		t.Error("Group flags")
	}
}

func TestGroupErrors(t *testing.T) {
	tests := []struct{ name, table, want string }{
		{"key path name", `[uncertainty]
"capital.ict_share" = { keys = ["capital.ict_share"], dist = "uniform", min = 0, max = 1 }`,
			`u.toml:21:25: uncertainty.capital.ict_share.keys: a grouped input is named by a name of its own, not a key path`},
		{"bad name", `[uncertainty]
"2x" = { keys = ["capital.ict_share"], dist = "uniform", min = 0, max = 1 }`, `"2x" cannot name a grouped input`},
		{"keys not a list", `[uncertainty]
g = { keys = "capital.ict_share", dist = "uniform", min = 0, max = 1 }`, "u.toml:21:7: uncertainty.g.keys: must be a list of key paths"},
		{"empty keys", `[uncertainty]
g = { keys = [], dist = "uniform", min = 0, max = 1 }`, "uncertainty.g.keys: must be a list of key paths"},
		{"key not a string", `[uncertainty]
g = { keys = [1], dist = "uniform", min = 0, max = 1 }`, "must hold key paths (strings), not an integer"},
		{"unknown key path", `[uncertainty]
g = { keys = ["capital.ict_shar"], dist = "uniform", min = 0, max = 1 }`, `uncertainty.g.keys: unknown parameter "capital.ict_shar"`},
		{"key twice", `[uncertainty]
g = { keys = ["capital.ict_share", "capital.ict_share"], dist = "uniform", min = 0, max = 1 }`, `"capital.ict_share" is given twice`},
		{"key outside its domain", `[uncertainty]
g = { keys = ["capital.private_ii_share", "capital.ict_share"], dist = "uniform", min = 0.5, max = 1.5 }`,
			"u.toml:21:1: uncertainty.g: key capital.ict_share: set uniform(min=0.5, max=1.5) with support [0.5, 1.5] can take its values in [0.5, 1.5], outside the domain [0, 1]"},
		{"label not a string", `[uncertainty]
g = { keys = ["capital.ict_share"], dist = "uniform", min = 0, max = 1, label = 3 }`, "uncertainty.g.label: must be a label for charts"},
		{"no keys, no key path", `[uncertainty]
theta = { dist = "uniform", min = 0, max = 1 }`, `unknown parameter "theta" (see the parameter list); write the parameter's whole key path in quotes, e.g. "capital.ict_share" = { … }, or for a grouped input give its key paths, theta = { keys = ["…", "…"], dist = … }`},
		{"keys in a plain entry's keys", `[uncertainty]
g = { keys = ["capital.ict_share"], dist = "uniform", min = 0, max = 1, kes = 2 }`, `unknown key "kes" for a uniform distribution`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("u.toml", []byte(minimal+"\n"+tc.table+"\n"))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v\nwant %q", err, tc.want)
			}
		})
	}
}

func TestCorrelationErrors(t *testing.T) {
	table := `[uncertainty]
"capital.ict_share" = { dist = "uniform", min = 0.1, max = 0.3 }
"capital.share_pct" = { dist = "uniform", min = 20, max = 40 }
"capital.private_ii_share" = { dist = "uniform", min = 0.4, max = 0.6 }
`
	corr := func(inputs string, rank string) string {
		return "\n[[uncertainty.correlation]]\ninputs = " + inputs + "\nrank = " + rank + "\n"
	}
	ok := corr(`["capital.ict_share", "capital.share_pct"]`, "0.9")
	tests := []struct{ name, corr, want string }{
		{"unknown input", corr(`["capital.ict_shar", "capital.share_pct"]`, "0.5"),
			`u.toml:26:1: uncertainty.correlation[1].inputs: "capital.ict_shar" is not an entry of the uncertainty table (entries: capital.share_pct, capital.ict_share, capital.private_ii_share); did you mean capital.ict_share?`},
		{"three inputs", corr(`["a", "b", "c"]`, "0.5"), "uncertainty.correlation[1].inputs: must name two entries"},
		{"rank not a number", corr(`["capital.ict_share", "capital.share_pct"]`, `"high"`), "u.toml:27:1: uncertainty.correlation[1].rank: must be a number strictly between -1 and 1, not a string"},
		{"rank one", corr(`["capital.ict_share", "capital.share_pct"]`, "1"), "u.toml:25:1: uncertainty.correlation[1]: rank 1 between capital.ict_share and capital.share_pct must be strictly between -1 and 1"},
		{"missing rank", "\n[[uncertainty.correlation]]\ninputs = [\"capital.ict_share\", \"capital.share_pct\"]\n", "missing rank"},
		{"unknown key", "\n[[uncertainty.correlation]]\ninputs = [\"capital.ict_share\", \"capital.share_pct\"]\nrank = 0.1\nrnk = 2\n",
			`u.toml:28:1: uncertainty.correlation[1].rnk: unknown key "rnk"`},
		{"itself", corr(`["capital.ict_share", "capital.ict_share"]`, "0.5"), "capital.ict_share is correlated with itself"},
		{"twice", ok + corr(`["capital.share_pct", "capital.ict_share"]`, "0.5"), "u.toml:29:1: uncertainty.correlation[2]: the pair capital.share_pct, capital.ict_share is given twice"},
		{"not positive definite", ok + corr(`["capital.share_pct", "capital.private_ii_share"]`, "0.9") + corr(`["capital.ict_share", "capital.private_ii_share"]`, "-0.5"),
			"u.toml:33:1: uncertainty.correlation[3]: the rank correlation capital.ict_share–capital.private_ii_share = -0.5 is impossible together with capital.ict_share–capital.share_pct = 0.9, capital.share_pct–capital.private_ii_share = 0.9: the correlation matrix is not positive definite; with the others as given it must lie strictly between 0.620 and 1.000"},
		{"not a list", "\n[uncertainty.correlation]\ninputs = 1\n", "uncertainty.correlation: must be a list of [[uncertainty.correlation]] tables"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("u.toml", []byte(minimal+"\n"+table+tc.corr))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v\nwant %q", err, tc.want)
			}
		})
	}
	// A correlation of an entry dropped by an extending file.
	dir := t.TempDir()
	base := filepath.Join(dir, "base.toml")
	if err := os.WriteFile(base, []byte(minimal+"\n"+table+ok), 0o644); err != nil {
		t.Fatal(err)
	}
	child := filepath.Join(dir, "child.toml")
	if err := os.WriteFile(child, []byte("extends = \"base.toml\"\n[uncertainty]\n\"capital.share_pct\" = { dist = \"none\" }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(child); err == nil || !strings.Contains(err.Error(), `"capital.share_pct" is not an entry of the uncertainty table`) {
		t.Errorf("dropped entry: got %v", err)
	}
}

// TestWeightResidualFile checks tfp.weight_residual: the residual weight
// is 1 minus the others, absorbs exactly an extending file's change of
// another weight, and is refused where it disagrees, falls below 0 or is
// made uncertain.
func TestWeightResidualFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("base.toml", minimal+`
[tfp]
weight_residual = "scale_efficiency"
[tfp.weight]
technical_progress = 0.2
technical_efficiency = 0.3
scale_efficiency = 0.25
allocative_efficiency = 0.25
`)
	s, err := Load(filepath.Join(dir, "base.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if r := s.Inputs.WeightRule; !r.Residual || r.Dimension != model.ScaleEfficiency {
		t.Errorf("rule %+v", r)
	}
	// An extending file moves w_TP by +0.07: w_SE alone loses 0.07.
	s, err = Load(write("child.toml", "extends = \"base.toml\"\n[tfp.weight]\ntechnical_progress = 0.27\n"))
	if err != nil {
		t.Fatal(err)
	}
	w := s.Inputs.Weight
	want := [model.NumDimensions]float64{0.27, 0.3, 1 - 0.27 - 0.3 - 0.25, 0.25}
	// The residual is computed as 1 minus the others: equal to 0.25 − 0.07
	// up to float64 rounding.
	if w[0] != want[0] || w[1] != want[1] || w[3] != want[3] || math.Abs(w[model.ScaleEfficiency]-(0.25-0.07)) > 1e-15 {
		t.Errorf("weights %v, want %v", w, want)
	}

	for _, tc := range []struct{ name, src, want string }{
		{"without the rule", minimal + "\n[tfp.weight]\ntechnical_progress = 0.3\n",
			"the four weights add up to 1.05; they must add up to 1"},
		{"disagrees", minimal + "\n[tfp]\nweight_residual = \"scale_efficiency\"\n[tfp.weight]\ntechnical_progress = 0.3\nscale_efficiency = 0.25\n",
			"u.toml:24:1: tfp.weight.scale_efficiency: 0.25 is the residual weight (tfp.weight_residual = \"scale_efficiency\"): it is 1 minus the other weights, 0.2; leave it out or give 0.2"},
		{"below 0", minimal + "\n[tfp]\nweight_residual = \"allocative_efficiency\"\n[tfp.weight]\ntechnical_progress = 0.5\ntechnical_efficiency = 0.4\n",
			"u.toml:23:1: tfp.weight.allocative_efficiency: -0.15: the residual weight (tfp.weight_residual) is 1 minus the other three weights"},
		{"unknown dimension", minimal + "\n[tfp]\nweight_residual = \"scale_eficiency\"\n", `u.toml:21:1: tfp.weight_residual: "scale_eficiency" is not a TFP dimension; write one of technical_progress, technical_efficiency, scale_efficiency, allocative_efficiency; did you mean scale_efficiency?`},
		{"uncertain residual", minimal + "\n[tfp]\nweight_residual = \"scale_efficiency\"\n[uncertainty]\n\"tfp.weight.scale_efficiency\" = { dist = \"uniform\", min = 0, max = 0.3 }\n",
			`is the residual weight (tfp.weight_residual = "scale_efficiency"): it is 1 minus the other three weights; change those instead`},
		{"residual below 0 by draws", minimal + "\n[tfp]\nweight_residual = \"scale_efficiency\"\n[uncertainty]\n\"tfp.weight.technical_progress\" = { dist = \"uniform\", min = 0.2, max = 0.6 }\n",
			"tfp.weight.scale_efficiency, the residual weight (tfp.weight_residual), is 1 minus the other three weights and can fall to -0.1, below its lower bound 0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("u.toml", []byte(tc.src))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v\nwant %q", err, tc.want)
			}
		})
	}
}
