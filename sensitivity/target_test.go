package sensitivity

import (
	"math"
	"strings"
	"testing"

	"simulate/model"
)

func TestParseChange(t *testing.T) {
	tests := []struct {
		in   string
		want Change
		err  string
	}{
		{in: "capital.ict_share=0.2", want: Change{model.Target{Path: "capital.ict_share", Mode: model.Set}, 0.2}},
		{in: "gdp.growth_pct+0.5", want: Change{model.Target{Path: "gdp.growth_pct", Mode: model.Add}, 0.5}},
		{in: "gdp.growth_pct[2024]+-1", want: Change{model.Target{Path: "gdp.growth_pct[2024]", Mode: model.Add}, -1}},
		{in: "capital.ict_share*1.1", want: Change{model.Target{Path: "capital.ict_share", Mode: model.Scale}, 1.1}},
		{in: " capital.ict_share = 0.2 ", want: Change{model.Target{Path: "capital.ict_share", Mode: model.Set}, 0.2}},
		{in: "capital.ict_share=+0.2", want: Change{model.Target{Path: "capital.ict_share", Mode: model.Set}, 0.2}},
		{in: "capital.ict_share", err: "no =, + or *"},
		{in: "=0.2", err: "no parameter"},
		{in: "capital.ict_shar=0.2", err: `unknown parameter "capital.ict_shar"`},
		{in: "capital.ict_share=x", err: `"x" is not a finite number`},
		{in: "capital.ict_share=nan", err: "not a finite number"},
		{in: "capital.ict_share=inf", err: "not a finite number"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseChange(tc.in)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("got error %v, want one containing %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
			back, err := ParseChange(got.String())
			if err != nil || back != got {
				t.Errorf("String %q reads back as %+v, %v", got.String(), back, err)
			}
		})
	}
}

func TestParseRange(t *testing.T) {
	r, err := ParseRange("capital.ict_share=0.1:0.3:5")
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{0.1, 0.15, 0.2, 0.25, 0.3}
	got := r.Values()
	for i := range want {
		if d := got[i] - want[i]; d > 1e-15 || d < -1e-15 {
			t.Errorf("value %d: got %v, want %v", i, got[i], want[i])
		}
	}
	if got[0] != 0.1 || got[4] != 0.3 {
		t.Errorf("ends %v, %v: want exactly 0.1, 0.3", got[0], got[4])
	}
	if r.Label() != "capital.ict_share" {
		t.Errorf("label %q", r.Label())
	}
	if r, _ := ParseRange("gdp.growth_pct*0.9:1.1:3"); r.Label() != "gdp.growth_pct*" || r.Mode != model.Scale {
		t.Errorf("scale range: %+v", r)
	}
	for _, bad := range []struct{ in, err string }{
		{"capital.ict_share=0.1:0.3", "write a range as"},
		{"capital.ict_share=0.3:0.1:5", "must be less than"},
		{"capital.ict_share=0.1:0.3:1", "from 2 to"},
		{"capital.ict_share=0.1:0.3:1e3", "from 2 to"},
		{"capital.ict_share=0.1:0.3:99999", "from 2 to"},
		{"capital.ict_share=a:0.3:5", "not a finite number"},
		{"nope=0:1:2", "unknown parameter"},
	} {
		if _, err := ParseRange(bad.in); err == nil || !strings.Contains(err.Error(), bad.err) {
			t.Errorf("%s: got %v, want an error containing %q", bad.in, err, bad.err)
		}
	}
}

func FuzzParseChange(f *testing.F) {
	for _, s := range []string{"capital.ict_share=0.2", "gdp.growth_pct[2024]+1", "x*", "tfp.weight.scale_efficiency=0.1:0.4:7", "=", "a[=+*"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if c, err := ParseChange(s); err == nil {
			if math.IsNaN(c.Value) || math.IsInf(c.Value, 0) {
				t.Fatalf("%q: accepted the value %v", s, c.Value)
			}
			if _, err := ParseChange(c.String()); err != nil {
				t.Fatalf("%q → %q does not read back: %v", s, c.String(), err)
			}
		} else if err.Error() == "" {
			t.Fatal("empty error")
		}
		if r, err := ParseRange(s); err == nil {
			if r.N < 2 || !(r.Lo < r.Hi) || len(r.Values()) != r.N {
				t.Fatalf("%q: bad range %+v", s, r)
			}
			for _, v := range r.Values() {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					t.Fatalf("%q: a point of the range is %v", s, v)
				}
			}
		}
	})
}
