package metrics

import (
	"strings"
	"testing"

	"simulate/model"
)

func results() *model.Results {
	in := model.NewInputs(2018, 2)
	in.BaseGDP = 1000
	in.Growth[0], in.Growth[1] = 0.05, 0.04
	in.LaborShare[0], in.LaborShare[1] = 0.1, 0.1
	in.CapitalShare[0], in.CapitalShare[1] = 0.3, 0.3
	in.TFPII[model.TechnicalProgress][0], in.TFPII[model.TechnicalProgress][1] = 0.4, 0.4
	var res model.Results
	model.Evaluate(&res, in)
	return &res
}

func TestParseValue(t *testing.T) {
	res := results()
	// II_2019 = 1000·0.05·0.6·0.25·0.4 = 3; II_2020 = 1050·0.04·0.6·0.1 = 2.52.
	tests := []struct {
		s    string
		want float64
	}{
		{"ii_total_yi", 5.52},
		{"ii_increment_yi[2019]", 3},
		{"ii_increment_yi[2020]", 2.52},
		{"ii_share_pct[2019]", 6},
		{"period_ii_share_pct", 100 * 5.52 / 92},
		{"gdp_yi[2020]", 1092},
		{"growth_pct[2020]", 4},
		{"delta_gdp_yi[2020]", 42},
		{"delta_gdp_total_yi", 92},
		{"ii_cumulative_yi[2020]", 5.52},
	}
	for _, tc := range tests {
		m, err := Parse(tc.s)
		if err != nil {
			t.Errorf("%s: %v", tc.s, err)
			continue
		}
		if m.String() != tc.s {
			t.Errorf("String: got %s, want %s", m, tc.s)
		}
		if got := m.Value(res); got-tc.want > 1e-9 || tc.want-got > 1e-9 {
			t.Errorf("%s: got %v, want %v", tc.s, got, tc.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for s, want := range map[string]string{
		"ii_totl_yi":             "unknown metric",
		"ii_share_pct":           "needs a year",
		"ii_total_yi[2020]":      "takes no year",
		"ii_share_pct[20x0]":     "is not a year",
		"ii_share_pct[2020":      "NAME[YEAR]",
		"":                       "unknown metric",
		"ii_increment_yi[-1]":    "is not a year",
		"ii_increment_yi[2020]]": "is not a year",
	} {
		_, err := Parse(s)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want %q", s, err, want)
		}
	}
	m, _ := Parse("gdp_yi[2030]")
	if err := m.Check(2019, 2024); err == nil {
		t.Error("year outside the span: got no error")
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"ii_total_yi", "ii_share_pct[2024]", "gdp_yi[", "[]", "x[9999]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := Parse(s)
		if err != nil {
			_ = err.Error()
			return
		}
		if back, err := Parse(m.String()); err != nil || back != m {
			t.Fatalf("%q → %v → %v, %v", s, m, back, err)
		}
	})
}

func BenchmarkValue(b *testing.B) {
	res := results()
	m, _ := Parse("ii_share_pct[2020]")
	b.ReportAllocs()
	var sink float64
	for b.Loop() {
		sink += m.Value(res)
	}
	_ = sink
}
