package scenarios

import (
	"flag"
	"fmt"
	"math"
	"os"
	"regexp"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"simulate/history"
	"simulate/model"
	"simulate/pwt"
)

var update = flag.Bool("update", false, "rewrite the PWT-derived block of solow-china.toml")

// identityTol: the accounting identities hold by construction, up to
// float64 rounding.
const identityTol = 1e-9

// solowBlock renders the block of solow-china.toml that holds the values
// taken from PWT, from BEGIN to END.
func solowBlock(st history.Start) string {
	g := func(v float64) string { return fmt.Sprintf("%.6g", v) }
	return fmt.Sprintf(`# BEGIN from PWT (history.SolowStart, %[1]s, %[2]d, trends %[3]d–%[2]d)
# rnna_%[2]d / rgdpna_%[2]d: capital stock over real GDP, both at constant 2011
# national prices.
capital_output_ratio = %[4]s
# Gross investment implied by PWT's own perpetual inventory,
# (rnna_%[2]d − (1 − delta_%[2]d)·rnna_%[13]d) / rgdpna_%[2]d, at constant 2011
# national prices. (PWT's csh_i, at current PPPs, is %[5]s %% — not at the
# prices of rnna and rgdpna, so not used.)
investment_rate_pct = %[6]s
# delta_%[2]d: PWT's average depreciation rate of the capital stock.
depreciation_pct = %[7]s
# 1 − labsh_%[2]d (labsh is the same in 2015–2017 in PWT 9.1).
capital_income_share = %[8]s
# Mean TFP growth %[3]d–%[2]d, the Törnqvist residual with the capital stock
# rnna and hours × human capital (emp·avh·hc), as this model measures it.
# (PWT's own rtfpna, built on capital services rkna, grew %[9]s %% a year.)
tfp_growth_pct = %[10]s
# Mean growth of hours worked, emp·avh, %[3]d–%[2]d.
labor_growth_pct = %[11]s
# Mean growth of PWT's human capital index hc, %[3]d–%[2]d.
human_capital_growth_pct = %[12]s
# END from PWT
`, st.ISO, st.Year, st.From,
		g(st.CapitalOutput), g(100*st.InvestmentShareCurrentPPP), g(100*st.InvestmentRate), g(100*st.Depreciation),
		g(st.CapitalShare), g(100*st.TFPGrowthRTFPNA), g(100*st.TFPGrowth), g(100*st.LaborGrowth), g(100*st.HumanCapitalGrowth),
		st.Year-1)
}

var pwtBlock = regexp.MustCompile(`(?s)# BEGIN from PWT.*?# END from PWT\n`)

func chinaStart(t *testing.T) history.Start {
	t.Helper()
	tab, err := pwt.Default()
	if err != nil {
		t.Fatal(err)
	}
	chn, _ := tab.Country("CHN")
	st, err := history.SolowStart(chn, 2017, 5)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// TestSolowChinaFromPWT recomputes the PWT-derived inputs of solow-china
// and checks that the file holds them, so that they cannot drift from the
// data. With -update it rewrites the block.
func TestSolowChinaFromPWT(t *testing.T) {
	const file = "solow-china.toml"
	st := chinaStart(t)
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	got := pwtBlock.Find(src)
	if got == nil {
		t.Fatalf("%s has no BEGIN/END from PWT block", file)
	}
	want := solowBlock(st)
	if string(got) != want {
		if *update {
			out := pwtBlock.ReplaceAllLiteral(src, []byte(want))
			if err := os.WriteFile(file, out, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("rewrote %s", file)
		} else {
			t.Errorf("%s is out of date with PWT; rerun with -update.\ngot:\n%s\nwant:\n%s", file, got, want)
		}
	}

	// The loaded values are the block's, to its six significant digits.
	s, err := LoadEmbedded("solow-china")
	if err != nil {
		t.Fatal(err)
	}
	so := s.Inputs.Solow
	const printTol = 5e-6 // relative: values are written with %.6g
	for _, c := range []struct {
		key       string
		got, want float64
	}{
		{"capital_output_ratio", so.CapitalOutput, st.CapitalOutput},
		{"investment_rate_pct", so.Investment[0], st.InvestmentRate},
		{"depreciation_pct", so.Depreciation[0], st.Depreciation},
		{"capital_income_share", so.Alpha[0], st.CapitalShare},
		{"tfp_growth_pct", so.TFPGrowth[0], st.TFPGrowth},
		{"labor_growth_pct", so.LaborGrowth[0], st.LaborGrowth},
		{"human_capital_growth_pct", so.HumanCapitalGrowth[0], st.HumanCapitalGrowth},
	} {
		if !scalar.EqualWithinRel(c.got, c.want, printTol) {
			t.Errorf("solow.%s: loaded %v, PWT gives %v", c.key, c.got, c.want)
		}
	}
}

// TestSolowChinaReportAttribution checks that solow-china uses report2020's
// attribution: the same φ, π, weights and calibrated θ (2018 taking 2019's).
func TestSolowChinaReportAttribution(t *testing.T) {
	s, err := LoadEmbedded("solow-china")
	if err != nil {
		t.Fatal(err)
	}
	r, err := LoadEmbedded("report2020")
	if err != nil {
		t.Fatal(err)
	}
	in, rin := s.Inputs, r.Inputs
	if in.Weight != rin.Weight {
		t.Errorf("weights %v, report2020 %v", in.Weight, rin.Weight)
	}
	for i := range in.Len() {
		year := in.FirstYear() + i
		j := max(year, rin.FirstYear()) - rin.FirstYear() // 2018 takes 2019's values
		for _, c := range []struct {
			name      string
			got, want float64
		}{
			{"φ", in.ICTShare[i], rin.ICTShare[j]},
			{"π", in.PrivateIIShare[i], rin.PrivateIIShare[j]},
			{"λ", in.LaborII[i], rin.LaborII[j]},
		} {
			if c.got != c.want {
				t.Errorf("%d %s: %v, report2020 %v", year, c.name, c.got, c.want)
			}
		}
		for d := range model.NumDimensions {
			if in.TFPII[d][i] != rin.TFPII[d][j] {
				t.Errorf("%d θ %v: %v, report2020 %v", year, model.Dimension(d), in.TFPII[d][i], rin.TFPII[d][j])
			}
		}
	}
}

// TestSolowChinaICT checks the assumptions of the ICT variant: the
// non-ICT depreciation keeps the 2017 stock-weighted rate at PWT's delta,
// so the first projected year is the same as without the split, and φ is
// computed, in [0, 1].
func TestSolowChinaICT(t *testing.T) {
	st := chinaStart(t)
	plain, err := LoadEmbedded("solow-china")
	if err != nil {
		t.Fatal(err)
	}
	s, err := LoadEmbedded("solow-china-ict")
	if err != nil {
		t.Fatal(err)
	}
	so := s.Inputs.Solow
	if !so.ICT || s.Given("capital.ict_share") {
		t.Fatalf("ICT split %v, capital.ict_share given %v; want split, not given", so.ICT, s.Given("capital.ict_share"))
	}
	avg := so.ICTCapitalShare*so.ICTDepreciation[0] + (1-so.ICTCapitalShare)*so.Depreciation[0]
	if !scalar.EqualWithinRel(avg, st.Depreciation, 5e-6) {
		t.Errorf("stock-weighted depreciation %v, PWT delta %v", avg, st.Depreciation)
	}
	if !scalar.EqualWithinRel(s.Inputs.Growth[0], plain.Inputs.Growth[0], 1e-5) {
		t.Errorf("2018 growth %v with the split, %v without", s.Inputs.Growth[0], plain.Inputs.Growth[0])
	}
	for i, phi := range s.Inputs.ICTShare {
		if phi <= 0 || phi >= 1 || phi == 0.15 {
			t.Errorf("%d: φ = %v, want computed in (0, 1)", s.Inputs.FirstYear()+i, phi)
		}
	}
}

// TestSolowScenariosRun evaluates the shipped Solow scenarios: the
// contributions add up to growth, and growth is what the supply side gives
// (between PWT's recent 3.8 and 4.2 log points a year, give or take).
func TestSolowScenariosRun(t *testing.T) {
	for _, name := range []string{"solow-china", "solow-china-ict"} {
		t.Run(name, func(t *testing.T) {
			s, err := LoadEmbedded(name)
			if err != nil {
				t.Fatal(err)
			}
			if s.Mode != ModeSolow || s.History == nil || s.Reference == nil {
				t.Fatalf("mode %q, history %v, reference %v", s.Mode, s.History, s.Reference)
			}
			var res model.Results
			model.Evaluate(&res, s.Inputs)
			for _, y := range res.Years {
				sum := y.Contribution[model.Labor] + y.Contribution[model.Capital] + y.Contribution[model.TFP]
				if math.Abs(sum-y.Growth) > identityTol {
					t.Errorf("%d: contributions add to %v, growth %v", y.Year, sum, y.Growth)
				}
				if y.Growth < 0.025 || y.Growth > 0.05 {
					t.Errorf("%d: growth %v outside [2.5 %%, 5 %%]", y.Year, y.Growth)
				}
			}
			if h := s.History; h.Country != "CHN" || h.From != 2000 || h.To != 2017 || h.Capital != pwt.CapitalStock {
				t.Errorf("history %+v", h)
			}
			if r := s.Reference; r.Year != 2024 || r.Labor != 0.2 || r.Capital != 1.8 || r.TFP != 3.5 {
				t.Errorf("reference %+v", r)
			}
		})
	}
}

// solowSrc is a valid Solow scenario to which the error cases add keys.
const solowSrc = `name = "t"
mode = "solow"
[span]
base_year = 2017
last_year = 2020
[gdp]
base_yi = 1000
[solow]
capital_output_ratio = 3
investment_rate_pct = { 2017 = 30, 2018 = 30, 2019 = 30 }
depreciation_pct = 5
capital_income_share = 0.4
tfp_growth_pct = 1
labor_growth_pct = 0.5
`

func TestSolowScenarioErrors(t *testing.T) {
	if _, err := Parse("t.toml", []byte(solowSrc)); err != nil {
		t.Fatalf("base source: %v", err)
	}
	tests := []struct {
		name string
		src  string
		want []string // substrings of the error, in order
	}{
		{"growth given", strings.Replace(solowSrc, "base_yi = 1000", "base_yi = 1000\ngrowth_pct = 5", 1),
			[]string{"t.toml:8:1: gdp.growth_pct: in mode = \"solow\" GDP growth is computed"}},
		{"split given", solowSrc + "[labor]\nshare_pct = 10\n",
			[]string{"t.toml:16:1: labor.share_pct: in mode = \"solow\" the factor split is computed"}},
		{"solow key without mode", strings.Replace(solowSrc, `mode = "solow"`, "", 1),
			[]string{"t.toml:9:1: solow.capital_output_ratio: solow.* keys belong to supply-side scenarios: add mode = \"solow\"", "t.toml:14:1: solow.labor_growth_pct"}},
		{"unknown mode", strings.Replace(solowSrc, `"solow"`, `"supply"`, 1),
			[]string{`t.toml:2:1: mode: mode "supply" is not known; allowed: decomposition, solow`}},
		{"missing input", strings.Replace(solowSrc, "tfp_growth_pct = 1\n", "", 1),
			[]string{"solow.tfp_growth_pct: missing: mode = \"solow\" needs solow.tfp_growth_pct"}},
		{"investment of the last year", strings.Replace(solowSrc, "2019 = 30 }", "2019 = 30, 2020 = 30 }", 1),
			[]string{"t.toml:10:58: solow.investment_rate_pct.2020: year 2020: the investment of the span's last year would be capital only after the span; give the years 2017–2019"}},
		{"investment year missing", strings.Replace(solowSrc, "2017 = 30, ", "", 1),
			[]string{"solow.investment_rate_pct: missing year 2017: a table of years must give every year of the span 2017–2019"}},
		{"out of range", strings.Replace(solowSrc, "depreciation_pct = 5", "depreciation_pct = { 2018 = 5, 2019 = 100, 2020 = 5 }", 1),
			[]string{"t.toml:11:32: solow.depreciation_pct[2019]: 100 is outside the allowed range [0, 99] (%)"}},
		{"ict partial", solowSrc + "[solow.ict]\ncapital_share = 0.05\n",
			[]string{"solow.ict.investment_share: missing: splitting capital", "solow.ict.depreciation_pct: missing: splitting capital"}},
		{"ict with φ", solowSrc + "[capital]\nict_share = 0.2\n[solow.ict]\ncapital_share = 0.05\ninvestment_share = 0.1\ndepreciation_pct = 20\n",
			[]string{"t.toml:16:1: capital.ict_share: with the solow.ict split, φ is computed"}},
		{"φ out of range", solowSrc + "[solow.ict]\ncapital_share = 0.5\ninvestment_share = 0.01\ndepreciation_pct = 30\n",
			[]string{"t.toml:16:1: capital.ict_share[2018]: φ, the ICT stock's share of capital's contribution computed from the solow.ict inputs, is 1.98666666667 in 2018, outside [0, 1]"}},
		{"history country", solowSrc + "[history]\ncountry = \"China\"\n",
			[]string{`t.toml:16:1: history.country: "China" is not an ISO 3166-1 alpha-3 code`}},
		{"history after base", solowSrc + "[history]\ncountry = \"CHN\"\nfrom = 2018\n",
			[]string{"history.from: 2018 is after the base year 2017"}},
		{"history from after to", solowSrc + "[history]\ncountry = \"CHN\"\nfrom = 2010\nto = 2005\n",
			[]string{"history.from: from 2010 is after to 2005"}},
		{"history options", solowSrc + "[history]\ncountry = \"CHN\"\ncapital = \"stock\"\nlabor = \"hours\"\n",
			[]string{`history.capital: unknown capital input "stock"; allowed: rkna, rnna`, `history.labor: unknown labour input "hours"`}},
		{"history without country", solowSrc + "[history]\nfrom = 2000\n",
			[]string{"history.from: the [history] table needs country"}},
		{"reference without year", solowSrc + "[reference]\nlabor_pp = 0.2\n",
			[]string{"reference.labor_pp: the [reference] table needs year = YEAR"}},
		{"reference without values", solowSrc + "[reference]\nyear = 2020\n",
			[]string{"reference.year: a reference needs at least one of"}},
		{"typo", strings.Replace(solowSrc, "tfp_growth_pct", "tfp_grwth_pct", 1),
			[]string{`unknown key "tfp_grwth_pct" in [solow]; did you mean tfp_growth_pct?`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("t.toml", []byte(tt.src))
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			at := 0
			for _, w := range tt.want {
				i := strings.Index(msg[at:], w)
				if i < 0 {
					t.Fatalf("error lacks %q (in order):\n%s", w, msg)
				}
				at += i + len(w)
			}
		})
	}
}

// TestSolowExtends checks that a scenario may extend one of another mode:
// keys of the other mode inherited are dropped, its own are checked.
func TestSolowExtends(t *testing.T) {
	// A decomposition scenario extending solow-china: the solow.* keys are
	// dropped; the history and the attribution are inherited.
	src := `name = "d"
extends = "solow-china"
mode = "decomposition"
[gdp]
growth_pct = 5
[labor]
share_pct = 10
[capital]
share_pct = 40
`
	s, err := Parse("d.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if s.Inputs.Solow != nil || s.Given("solow.tfp_growth_pct") || s.History == nil || s.Inputs.ICTShare[0] != 0.15 {
		t.Errorf("Solow %v, solow key given %v, history %v, φ %v", s.Inputs.Solow, s.Given("solow.tfp_growth_pct"), s.History, s.Inputs.ICTShare[0])
	}
	// A Solow scenario extending report2020: growth and shares are dropped.
	src = solowSrc[strings.Index(solowSrc, "[solow]"):]
	src = "name = \"s\"\nextends = \"report2020\"\nmode = \"solow\"\n" + strings.Replace(src, "2017 = 30, 2018 = 30, 2019 = 30", "2018 = 30, 2019 = 30, 2020 = 30, 2021 = 30, 2022 = 30, 2023 = 30", 1)
	s, err = Parse("s.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if s.Inputs.Solow == nil || s.Given("gdp.growth_pct") || s.Inputs.Form[0] != model.Production {
		t.Errorf("Solow %v, growth given %v, form %v", s.Inputs.Solow, s.Given("gdp.growth_pct"), s.Inputs.Form[0])
	}
}

func TestEmbeddedLoad(t *testing.T) {
	for _, name := range Names() {
		if _, err := LoadEmbedded(name); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestDocsListSolowKeys checks that docs/history.md lists every Solow key
// with its unit and allowed range, so the table cannot fall behind the model.
func TestDocsListSolowKeys(t *testing.T) {
	b, err := os.ReadFile("../docs/history.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	for _, p := range model.Params {
		if !p.Solow {
			continue
		}
		found := false
		for _, l := range lines {
			if strings.HasPrefix(l, "| `"+p.Key+"` | "+p.Unit+" |") && strings.Contains(l, "| "+p.Domain()+" |") {
				found = true
			}
		}
		if !found {
			t.Errorf("docs/history.md has no table row for %s (%s, %s)", p.Key, p.Unit, p.Domain())
		}
	}
}
