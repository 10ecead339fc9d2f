package plots

import "simulate/model"

// NamedChart is a chart with the file name recommended for it, without
// extension (add [Format.Ext]).
type NamedChart struct {
	Name  string
	Chart *Chart
}

// ResultCharts returns every chart of one result, in this order and with
// these names: "ii_increment" ([IIIncrement]), "decomposition"
// ([Decomposition]), "ii_channels" ([Channels]) and "ii_cumulative"
// ([Cumulative]). pub may be nil.
func ResultCharts(t *Theme, res model.Results, pub *Published) ([]NamedChart, error) {
	mk := []maker{
		{"ii_increment", func() (*Chart, error) { return IIIncrement(t, res, pub) }},
		{"decomposition", func() (*Chart, error) { return Decomposition(t, res) }},
		{"ii_channels", func() (*Chart, error) { return Channels(t, res) }},
		{"ii_cumulative", func() (*Chart, error) { return Cumulative(t, res, pub) }},
	}
	return build(mk)
}

// CompareCharts returns every comparison chart of the scenarios, in this
// order and with these names: "compare_ii_increment" ([CompareII]),
// "compare_ii_share" ([CompareIIShare]), "compare_growth"
// ([CompareGrowth]) and, when a scenario after the first has the first's
// price base, "compare_ii_diff" ([CompareIIDiff]).
func CompareCharts(t *Theme, sc []Scenario) ([]NamedChart, error) {
	mk := []maker{
		{"compare_ii_increment", func() (*Chart, error) { return CompareII(t, sc) }},
		{"compare_ii_share", func() (*Chart, error) { return CompareIIShare(t, sc) }},
		{"compare_growth", func() (*Chart, error) { return CompareGrowth(t, sc) }},
	}
	if HasDifference(sc) {
		mk = append(mk, maker{"compare_ii_diff", func() (*Chart, error) { return CompareIIDiff(t, sc) }})
	}
	return build(mk)
}

// HasDifference reports whether [CompareIIDiff] has a line to draw: a
// scenario after the first at the first's price base, sharing a year
// with it.
func HasDifference(sc []Scenario) bool {
	if len(sc) < 2 || len(sc[0].Results.Years) == 0 {
		return false
	}
	for _, s := range sc[1:] {
		if len(s.Results.Years) > 0 && PriceBase(s.Results) == PriceBase(sc[0].Results) {
			if xs, _ := diffSeries(sc[0].Results, s.Results); len(xs) > 0 {
				return true
			}
		}
	}
	return false
}

// maker makes the chart called name.
type maker struct {
	name string
	f    func() (*Chart, error)
}

func build(mk []maker) ([]NamedChart, error) {
	out := make([]NamedChart, 0, len(mk))
	for _, m := range mk {
		c, err := m.f()
		if err != nil {
			return nil, err
		}
		out = append(out, NamedChart{Name: m.name, Chart: c})
	}
	return out, nil
}
