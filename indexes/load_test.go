package indexes

import (
	"math"
	"strings"
	"testing"
)

// minimal is a small valid index file.
const minimal = `name = "tiny"
[a]
name = "A"
name_zh = "甲"
published = { value = 25, precision = 0.1, source = "text", section = "1" }
[a.x]
weight = { value = 0.5, source = "assumption", note = "half" }
penetration_pct = { value = 40, source = "text", quote = "x is 40" }
[a.y]
weight = 0.5
penetration_pct = { value = 10, source = "reconstructed", max = 30 }
`

func TestParseMinimal(t *testing.T) {
	f, err := Parse("tiny.toml", []byte(minimal))
	if err != nil {
		t.Fatal(err)
	}
	if f.Index.Name != "tiny" || len(f.Index.Industries) != 1 || len(f.Index.Industries[0].Stages) != 2 {
		t.Fatalf("got %+v", f.Index)
	}
	y := f.Index.Industries[0].Stages[1]
	if y.Key != "y" || y.Max != 30 || y.Weight.Source.String() != "given" {
		t.Errorf("y: got %+v", y)
	}
}

// TestParseErrors checks that each problem is reported with its place and
// a suggestion, all at once.
func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"unknown stage key", strings.Replace(minimal, "penetration_pct = { value = 40", "penetration = { value = 40", 1),
			[]string{"bad.toml:6:1: a.x: missing penetration_pct", "bad.toml:8:1: a.x.penetration: unknown key \"penetration\" in [a.x]; allowed here: name, name_zh, named, weight, penetration_pct"}},
		{"misspelt key", strings.Replace(minimal, "weight = { value = 0.5", "wieght = { value = 0.5", 1),
			[]string{"bad.toml:7:1: a.x.wieght: unknown key \"wieght\" in [a.x]; did you mean weight?"}},
		{"weights sum", strings.Replace(minimal, "weight = 0.5\n", "weight = 0.7\n", 1),
			[]string{"bad.toml:7:1: a.x.weight: the stages of a add up to 1.2; the weights of siblings must add up to 1 (±1e-06)"}},
		{"penetration above 100", strings.Replace(minimal, "value = 40", "value = 140", 1),
			[]string{"bad.toml:8:1: a.x.penetration_pct: 140 is outside the allowed range [0, 100] %"}},
		{"duplicate stage", minimal + "[a.x]\nweight = 1\n",
			[]string{"bad.toml:12:2: a: TOML syntax", "already been defined"}},
		{"unknown source", strings.Replace(minimal, `source = "assumption", note = "half"`, `source = "guess"`, 1),
			[]string{`a.x.weight.source: unknown source "guess"`}},
		{"text without quote", strings.Replace(minimal, `source = "text", quote = "x is 40"`, `source = "text"`, 1),
			[]string{"a.x.penetration_pct: a text source names its section or quotes the report"}},
		{"constraint on unknown stage", minimal + "[a.constraints.c]\nkind = \"lowest\"\nitems = [\"z\"]\nsource = \"text\"\nsection = \"1\"\n",
			[]string{`bad.toml:14:1: a.constraints.c.items: a has no stage "z"; did you mean x?`}},
		{"unknown kind", minimal + "[a.constraints.c]\nkind = \"lowst\"\nitems = [\"x\"]\n",
			[]string{`a.constraints.c.kind: unknown kind "lowst"`, "did you mean lowest?"}},
		{"nan", strings.Replace(minimal, "value = 40", "value = nan", 1),
			[]string{"a.x.penetration_pct.value: NaN is not a finite number"}},
		{"top-level typo", "nme = \"x\"\n" + minimal,
			[]string{"bad.toml:1:1: nme: unknown key \"nme\" at the top level; did you mean name?"}},
		{"uncertainty path", minimal + "[uncertainty]\n\"index.a.w.weight\" = { dist = \"uniform\", min = 0, max = 1 }\n",
			[]string{`bad.toml:13:1: uncertainty.index.a.w.weight: "index.a.w.weight": a has no stage "w"; did you mean x?`}},
		{"uncertainty outside domain", minimal + "[uncertainty]\n\"index.a.x.penetration_pct\" = { dist = \"uniform\", min = 50, max = 120 }\n",
			[]string{"bad.toml:13:1: uncertainty.index.a.x.penetration_pct: draws", "outside the value's domain [0, 100] (%)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("bad.toml", []byte(tc.src))
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message lacks %q:\n%s", w, msg)
				}
			}
		})
	}
}

// FuzzParse feeds arbitrary bytes through the reader, seeded with the
// shipped index: it must never panic, every error must name the file, and
// an index that loads must evaluate to finite scores.
func FuzzParse(f *testing.F) {
	f.Add([]byte(minimal))
	f.Add([]byte(strings.ReplaceAll(minimal, "\n", "\r\n")))
	f.Add([]byte(minimal + "[a.constraints.c]\nkind = \"mean_max\"\nitems = [\"x\", \"y\"]\nvalue = 30\n[uncertainty]\nreconstructed = { dist = \"uniform\", over = \"feasible\" }\n"))
	for _, name := range Names() {
		src, err := Source(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		fl, err := Parse("fuzz.toml", src)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.toml") {
				t.Fatalf("error does not name the file: %q", err.Error())
			}
			return
		}
		// The feasible intervals it computes are finite, and so are the
		// quantiles a draw reaches.
		us, err := fl.UncertainInputs()
		if err == nil {
			for _, u := range us {
				for _, p := range []float64{1e-6, 0.5, 1 - 1e-6} {
					if q := u.Dist.Quantile(p); math.IsNaN(q) || math.IsInf(q, 0) {
						t.Fatalf("%s: %v-quantile %v", u.Name, p, q)
					}
				}
			}
		}
		for _, ind := range fl.Index.Industries {
			if sc := ind.Score(); sc != sc || sc < -1e-9 || sc > 100+1e-9 {
				t.Fatalf("%s: score %v from a valid index", ind.Key, sc)
			}
		}
	})
}
