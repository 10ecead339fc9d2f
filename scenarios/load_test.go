package scenarios

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

// minimal is a valid scenario that the bad cases below break one at a time.
const minimal = `
title = "minimal"

[span]
base_year = 2018
last_year = 2020

[gdp]
base_yi = 1000
growth_pct = { 2019 = 5, 2020 = 4 }

[labor]
share_pct = 10

[capital]
share_pct = 30
ict_share = 0.2
private_ii_share = 0.5
`

func TestParseValid(t *testing.T) {
	s, err := Parse("minimal.toml", []byte(minimal))
	if err != nil {
		t.Fatal(err)
	}
	in := s.Inputs
	if s.Name != "minimal" || in.BaseYear != 2018 || in.Len() != 2 {
		t.Errorf("name %q base %d len %d", s.Name, in.BaseYear, in.Len())
	}
	if in.Growth[1] != 0.04 || in.LaborShare[0] != 0.1 || in.Weight[0] != 0.25 || in.TFPII[0][0] != 0 {
		t.Errorf("values: %+v", in)
	}
}

func TestSeriesForms(t *testing.T) {
	tests := []struct {
		name  string
		value string
		want  []float64 // percent
	}{
		{"constant", "growth_pct = 5", []float64{5, 5, 5, 5, 5}},
		{"integer and float", "growth_pct = { 2019 = 5, 2020 = 4.5, 2021 = 4, 2022 = 3, 2023 = 2 }", []float64{5, 4.5, 4, 3, 2}},
		{"linear", "growth_pct = { linear = { 2019 = 6, 2023 = 4 } }", []float64{6, 5.5, 5, 4.5, 4}},
		{"linear flat outside", "growth_pct = { linear = { 2020 = 6, 2022 = 4 } }", []float64{6, 6, 5, 4, 4}},
		{"linear one point", "growth_pct = { linear = { 2030 = 3 } }", []float64{3, 3, 3, 3, 3}},
		{"linear with anchor before span", "growth_pct = { linear = { 2018 = 7, 2023 = 2 } }", []float64{6, 5, 4, 3, 2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := "[span]\nbase_year = 2018\nlast_year = 2023\n[gdp]\nbase_yi = 1\n" + tc.value +
				"\n[labor]\nshare_pct = 10\n[capital]\nshare_pct = 20\n"
			s, err := Parse("series.toml", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			for i, w := range tc.want {
				if got := 100 * s.Inputs.Growth[i]; !scalar.EqualWithinAbsOrRel(got, w, 1e-12, 1e-12) {
					t.Errorf("%d: got %v, want %v", 2019+i, got, w)
				}
			}
		})
	}
}

// TestSplitFormsBySpan gives the split as shares in 2019 and as
// contributions in 2020.
func TestSplitFormsBySpan(t *testing.T) {
	src := strings.Replace(minimal, "[labor]\nshare_pct = 10", "[labor]\nshare_pct = { 2019 = 10 }\ncontribution_pp = { 2020 = 0.4 }", 1)
	src = strings.Replace(src, "[capital]\nshare_pct = 30", "[capital]\nshare_pct = { 2019 = 30 }\ncontribution_pp = { 2020 = 1.2 }", 1)
	s, err := Parse("mixed.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if s.Inputs.Form[0].String() != "shares" || s.Inputs.Form[1].String() != "contributions" {
		t.Errorf("forms %v", s.Inputs.Form)
	}
}

func replace(old, new string) string { return strings.Replace(minimal, old, new, 1) }

// TestBadScenarios checks that each broken scenario is refused with a
// message that names the place and the key.
func TestBadScenarios(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // fragments of the message, in order
	}{
		{"empty", "", []string{"x.toml: span.base_year: missing"}},
		{"not toml", "this is not toml", []string{"x.toml:1:", "TOML syntax"}},
		{"unterminated string", replace(`title = "minimal"`, `title = "minimal`), []string{"x.toml:2:", "TOML syntax"}},
		{"crlf syntax error", strings.ReplaceAll(replace("base_yi = 1000", "base_yi = = 1000"), "\n", "\r\n"), []string{"x.toml:9:11: gdp.base_yi: TOML syntax"}},
		{"unknown top-level key", replace(`title = "minimal"`, "title = \"minimal\"\nyeras = 3"), []string{"x.toml:3:1: yeras: unknown key \"yeras\" at the top level"}},
		{"unknown nested key", replace("ict_share = 0.2", "ict_shar = 0.2"), []string{"x.toml:17:1: capital.ict_shar: unknown key", "did you mean ict_share?"}},
		{"key in the wrong case", replace("[capital]", "[Capital]"), []string{"x.toml:15:1: Capital: unknown key", "keys are case-sensitive: write capital"}},
		{"wrong type", replace("base_yi = 1000", `base_yi = "1000"`), []string{"x.toml:9:1: gdp.base_yi: must be a number, not a string"}},
		{"wrong series type", replace("share_pct = 10", `share_pct = [10, 20]`), []string{"x.toml:13:1: labor.share_pct: must be a number, a table of years"}},
		{"table expected", "labor = 3\n" + replace("[labor]\nshare_pct = 10", ""), []string{"x.toml:1:1: labor: must be a table of keys"}},
		{"nan", replace("ict_share = 0.2", "ict_share = nan"), []string{"x.toml:17:1: capital.ict_share: nan is not a number", "in years 2019–2020"}},
		{"inf", replace("base_yi = 1000", "base_yi = inf"), []string{"x.toml:9:1: gdp.base_yi: +Inf is not finite"}},
		{"-inf in a year", replace("2020 = 4", "2020 = -inf"), []string{"x.toml:10:26: gdp.growth_pct[2020]: -Inf is not finite"}},
		{"share above 1", replace("ict_share = 0.2", "ict_share = 1.5"), []string{"capital.ict_share: 1.5 is outside the allowed range [0, 1] (fraction) in years 2019–2020"}},
		{"share below 0", replace("private_ii_share = 0.5", "private_ii_share = -0.1"), []string{"capital.private_ii_share: -0.1 is outside the allowed range [0, 1] (fraction) in years 2019–2020"}},
		{"factor shares do not sum", replace("[capital]", "[tfp]\nshare_pct = 50\n[capital]"), []string{"tfp.share_pct", "add up to 90 %", "±0.15 pp"}},
		{"factor shares above 100", replace("share_pct = 30", "share_pct = 95"), []string{"x.toml:16:1: capital.share_pct: labour and capital shares add up to 105 % of growth in 2019–2020"}},
		{"weights do not sum", minimal + "[tfp.weight]\ntechnical_progress = 0.5\n", []string{"tfp.weight: the four weights add up to 1.25"}},
		{"unknown dimension", minimal + "[tfp.ii_share]\nscale = 0.1\n", []string{"x.toml:20:1: tfp.ii_share.scale: unknown key", "allowed here: allocative_efficiency, scale_efficiency"}},
		{"year outside the span", replace("2020 = 4 }", "2020 = 4, 2021 = 3 }"), []string{"x.toml:10:36: gdp.growth_pct.2021: year 2021 is outside the span 2019–2020"}},
		{"missing year", replace("growth_pct = { 2019 = 5, 2020 = 4 }", "growth_pct = { 2019 = 5 }"), []string{"gdp.growth_pct: missing year 2020"}},
		{"duplicate year", replace("2020 = 4 }", `2020 = 4, "02020" = 3 }`), []string{`"02020" is not a year`}},
		{"duplicate key", replace("2020 = 4 }", "2020 = 4, 2020 = 3 }"), []string{"x.toml:10:36: gdp.growth_pct.2020: TOML syntax", "already been defined"}},
		{"not a year", replace("2020 = 4 }", "2020 = 4, next = 3 }"), []string{`gdp.growth_pct.next: "next" is not a year`}},
		{"span reversed", replace("last_year = 2020", "last_year = 2017"), []string{"span.last_year: last_year 2017 must be 1 to 200 years after base_year 2018"}},
		{"missing split", strings.Replace(replace("[labor]\nshare_pct = 10", "[labor]"), "share_pct = 30", "", 1), []string{"no factor split for years 2019–2020"}},
		{"two split forms", replace("share_pct = 30", "contribution_pp = 0.5"), []string{"x.toml:16:1: capital.contribution_pp", "the factor split of 2019–2020 is given in two forms, shares (labor.share_pct) and contributions (capital.contribution_pp)"}},
		{"incomplete form", replace("share_pct = 10", ""), []string{"x.toml:16:1: capital.share_pct", "gives the factor split of 2019–2020 in the shares form, which also needs labor.share_pct"}},
		{"bad name", `name = "../evil"` + minimal, []string{`name "../evil" is not allowed`}},
		{"name with slash", `name = "a/b"` + minimal, []string{`name "a/b" is not allowed`}},
		{"name with NUL", "name = \"a\\u0000b\"" + minimal, []string{"is not allowed"}},
		{"unknown mode", `mode = "magic"` + minimal, []string{`mode "magic" is not known`}},
		{"extends missing embedded", `extends = "nosuch"` + minimal, []string{`extends: no embedded scenario "nosuch"`}},
		{"extends missing file", `extends = "nosuch.toml"` + minimal, []string{"extends:", "nosuch.toml"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("x.toml", []byte(tc.src))
			if err == nil {
				t.Fatal("got no error")
			}
			msg := err.Error()
			rest := msg
			for _, w := range tc.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("message\n%s\nlacks %q", msg, w)
				}
				rest = rest[i+len(w):]
			}
		})
	}
}

// TestAllProblemsAtOnce checks that validation reports every problem, not
// only the first.
func TestAllProblemsAtOnce(t *testing.T) {
	src := replace("ict_share = 0.2", "ict_share = 2\nbogus = 1")
	_, err := Parse("x.toml", []byte(src))
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("got %T %v", err, err)
	}
	// The unknown key does not stop the checks of the values: both are
	// reported, φ's once for its two years.
	if len(es) != 2 || !strings.Contains(es[0].Error(), "capital.ict_share: 2 is outside") || !strings.Contains(es[1].Error(), "bogus") {
		t.Fatalf("got %v", es)
	}
	src = replace("ict_share = 0.2", "ict_share = 2") + "[tfp.weight]\ntechnical_progress = 0.9\n"
	src = strings.Replace(src, "private_ii_share = 0.5", "private_ii_share = -1", 1)
	_, err = Parse("x.toml", []byte(src))
	if !errors.As(err, &es) || len(es) != 3 { // φ, π (each once for two years), weights
		t.Fatalf("got %d errors: %v", len(es), err)
	}
}

func TestExtends(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("base.toml", minimal)
	child := write("child.toml", "extends = \"base.toml\"\ntitle = \"child\"\n[capital]\nict_share = 0.4\n")
	s, err := Load(child)
	if err != nil {
		t.Fatal(err)
	}
	if s.Name != "child" || s.Title != "child" || s.Inputs.ICTShare[0] != 0.4 || s.Inputs.PrivateIIShare[0] != 0.5 {
		t.Errorf("merged: name %q title %q φ %v π %v", s.Name, s.Title, s.Inputs.ICTShare[0], s.Inputs.PrivateIIShare[0])
	}
	if got := s.Origin("capital.private_ii_share"); !strings.HasSuffix(got, "base.toml:18") {
		t.Errorf("origin of π: %q", got)
	}

	// An embedded parent.
	s, err = Load(write("emb.toml", "extends = \"report2020\"\n[gdp]\ngrowth_pct = 5\n"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Inputs.BaseGDP != 900309 || s.Inputs.Growth[5] != 0.05 {
		t.Errorf("embedded parent: base %v growth %v", s.Inputs.BaseGDP, s.Inputs.Growth)
	}

	// A cycle a → b → a.
	write("a.toml", "extends = \"b.toml\"\n")
	write("b.toml", "extends = \"a.toml\"\n")
	_, err = Load(filepath.Join(dir, "a.toml"))
	if err == nil || !strings.Contains(err.Error(), "extends forms a cycle") {
		t.Errorf("cycle: got %v", err)
	}
	// A self-cycle.
	_, err = Load(write("self.toml", "extends = \"self.toml\"\n"))
	if err == nil || !strings.Contains(err.Error(), "cycle") {
		t.Errorf("self cycle: got %v", err)
	}
	// An error in the parent names the parent's file.
	write("badbase.toml", replace("ict_share = 0.2", "ict_share = 3"))
	_, err = Load(write("badchild.toml", "extends = \"badbase.toml\"\n"))
	if err == nil || !strings.Contains(err.Error(), "badbase.toml:17:1: capital.ict_share: 3 is outside") {
		t.Errorf("error in parent: got %v", err)
	}
}

func TestOpenUnknown(t *testing.T) {
	_, err := Open("nosuch")
	if err == nil || !strings.Contains(err.Error(), "report2020") {
		t.Errorf("got %v, want a list of embedded scenarios", err)
	}
	_, err = Open("nosuch.toml")
	if err == nil || !strings.Contains(err.Error(), "nosuch.toml") {
		t.Errorf("got %v", err)
	}
}

func TestCheckName(t *testing.T) {
	for _, ok := range []string{"report2020", "a.b_c-1", "X"} {
		if err := CheckName(ok); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	for _, bad := range []string{"", "..", "a/b", `a\b`, "a..b", ".hidden", "-x", "a\x00b", strings.Repeat("a", 65), "名字"} {
		if err := CheckName(bad); err == nil {
			t.Errorf("%q: got no error", bad)
		}
	}
}

// TestPublished checks the published key: an embedded spec's name is kept,
// a path is resolved against the scenario's folder, and an extending
// scenario does not inherit it.
func TestPublished(t *testing.T) {
	base, err := LoadEmbedded("report2020")
	if err != nil {
		t.Fatal(err)
	}
	if base.Published != "report2020" {
		t.Errorf("report2020: published %q, want report2020", base.Published)
	}
	hindcast, err := LoadEmbedded("actual2019-2024")
	if err != nil {
		t.Fatal(err)
	}
	if hindcast.Published != "" || hindcast.Given("published") {
		t.Errorf("actual2019-2024 inherits published %q", hindcast.Published)
	}

	dir := t.TempDir()
	p := filepath.Join(dir, "s.toml")
	if err := os.WriteFile(p, []byte("extends = \"report2020\"\npublished = \"specs/figures.toml\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "specs", "figures.toml"); s.Published != want {
		t.Errorf("path: got %q, want %q", s.Published, want)
	}
	if got := s.Origin("published"); got != p+":2" {
		t.Errorf("origin: got %q, want %s:2", got, p)
	}

	for src, want := range map[string]string{
		`published = ""` + minimal:  `x.toml:1:1: published: is empty`,
		`published = 1` + minimal:   `x.toml:1:1: published: must be a string, not an integer`,
		`publisehd = "a"` + minimal: `did you mean published?`,
	} {
		if _, err := Parse("x.toml", []byte(src)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want %q", src[:20], err, want)
		}
	}
}
