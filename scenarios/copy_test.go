package scenarios

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// TestCopy checks that `simulate show NAME > mine.toml` gives a scenario
// named mine, titled as a copy, with the inputs of the original.
func TestCopy(t *testing.T) {
	for _, name := range Names() {
		t.Run(name, func(t *testing.T) {
			src, err := Copy(name)
			if err != nil {
				t.Fatal(err)
			}
			if regexp.MustCompile(`(?m)^name\s*=`).Match(src) {
				t.Errorf("the copy has a name line")
			}
			c, err := Parse("mine.toml", src)
			if err != nil {
				t.Fatalf("the copy does not load: %v", err)
			}
			orig, err := LoadEmbedded(name)
			if err != nil {
				t.Fatal(err)
			}
			if c.Name != "mine" || c.Title != "Copy of "+name+": "+orig.Title {
				t.Errorf("name %q, title %q", c.Name, c.Title)
			}
			if c.Published != "" {
				t.Errorf("the copy draws the published figures of %s", c.Published)
			}
			if !reflect.DeepEqual(c.Inputs, orig.Inputs) {
				t.Error("the copy's inputs differ from the original's")
			}
		})
	}
}

// valueLine is a commented-out key of a template.
var valueLine = regexp.MustCompile(`(?m)^# ([a-z_]+ = )`)

// TestTemplate checks that the file `simulate new` writes loads as it is
// (everything inherited), names itself after its file, and that
// uncommenting every key it lists gives the same inputs: each value is
// written as the scenario has it.
func TestTemplate(t *testing.T) {
	for _, name := range Names() {
		t.Run(name, func(t *testing.T) {
			from, err := LoadEmbedded(name)
			if err != nil {
				t.Fatal(err)
			}
			src := Template(from, "mine", name)
			s, err := Parse("mine.toml", src)
			if err != nil {
				t.Fatalf("the template does not load: %v\n%s", err, src)
			}
			if s.Name != "mine" || !reflect.DeepEqual(s.Inputs, from.Inputs) {
				t.Errorf("as written: name %q, inputs differ: %v", s.Name, !reflect.DeepEqual(s.Inputs, from.Inputs))
			}
			for _, w := range []string{"extends = \"" + name + "\"", "simulate run mine.toml", "out/mine/"} {
				if !strings.Contains(string(src), w) {
					t.Errorf("lacks %q", w)
				}
			}
			all := valueLine.ReplaceAll(src, []byte("$1"))
			s, err = Parse("mine.toml", all)
			if err != nil {
				t.Fatalf("with every key uncommented: %v\n%s", err, all)
			}
			if !reflect.DeepEqual(s.Inputs, from.Inputs) {
				t.Errorf("with every key uncommented, the inputs differ:\n%s", all)
			}
		})
	}
	// The source of a value: the comment above it in the file.
	from, _ := LoadEmbedded("report2020")
	src := string(Template(from, "mine", "report2020"))
	for _, w := range []string{
		"# From embedded:report2020.toml:38: Report: labour's share of 2024 growth,\n# 3.7 %. Assumption:",
		"# share_pct = 3.7\n",
		"# growth_pct = { 2019 = 6.3, 2020 = 6.1, 2021 = 6, 2022 = 5.7, 2023 = 5.6, 2024 = 5.5 }\n",
		"# φ: ICT capital's share of capital's contribution; fraction, allowed [0, 1]",
	} {
		if !strings.Contains(src, w) {
			t.Errorf("template lacks %q:\n%s", w, src)
		}
	}
}

// TestTemplateUncertaintyExamples checks that the examples of the
// template's [uncertainty] note load when uncommented under [uncertainty]:
// an entry, a group and a correlation.
func TestTemplateUncertaintyExamples(t *testing.T) {
	from, err := LoadEmbedded("report2020")
	if err != nil {
		t.Fatal(err)
	}
	src := string(Template(from, "mine", "report2020"))
	_, note, ok := strings.Cut(src, "# [uncertainty]:")
	if !ok {
		t.Fatal("the template has no [uncertainty] note")
	}
	var uncommented []string
	for _, line := range strings.Split(note, "\n") {
		if ex, ok := strings.CutPrefix(line, "#   "); ok {
			uncommented = append(uncommented, ex)
		}
	}
	file := "extends = \"report2020\"\n[uncertainty]\n" + strings.Join(uncommented, "\n") + "\n"
	s, err := Parse("mine.toml", []byte(file))
	if err != nil {
		t.Fatalf("the examples do not load: %v\n%s", err, file)
	}
	var group bool
	for _, u := range s.Uncertainty {
		group = group || u.Group && u.Name == "theta_scale"
	}
	if !group || len(s.Correlations) != 1 {
		t.Errorf("the examples give no group or no correlation: %+v %+v\n%s", s.Uncertainty, s.Correlations, file)
	}
}
