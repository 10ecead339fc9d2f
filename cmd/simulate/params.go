package main

import (
	"fmt"
	"strconv"
	"strings"

	"simulate/model"
	"simulate/results"
	"simulate/uncertain"
)

func init() {
	register(&command{
		name:    "params",
		args:    "[FILE|NAME]",
		summary: "List every addressable parameter of a scenario (default report2020) with its value(s), unit, domain and uncertainty.",
		run:     runParams,
	})
}

func runParams(e *env, args []string) error {
	c := commands["params"]
	pos, err := parse(e, c, newFlags(c), args)
	if err != nil {
		return helpOK(err)
	}
	s, err := loadOne(c, pos)
	if err != nil {
		return err
	}
	in := s.Inputs
	byPath := map[string][]string{}
	for i := range s.Uncertainty {
		u := &s.Uncertainty[i]
		for _, k := range u.Keys {
			key, _, _ := strings.Cut(k, "[")
			byPath[key] = append(byPath[key], uncertaintyText(u, k))
		}
	}

	fmt.Fprintf(e.stdout, "Parameters of %s (%d–%d). Address a parameter for every year by its key, or one year as KEY[YEAR];\n", s.Name, in.FirstYear(), in.LastYear())
	fmt.Fprintf(e.stdout, "change it with KEY=V (set), KEY+V (add, in its unit: pp for %%) or KEY*V (scale).\n\n")
	rows := [][]string{{"key", "label", "unit", "domain", "uncertainty", "value"}}
	for _, p := range model.Params {
		if !p.Active(in) {
			continue // a Solow input of a scenario without a Solow part
		}
		unc := "—"
		if us := byPath[p.Key]; len(us) > 0 {
			unc = strings.Join(us, "; ")
		}
		rows = append(rows, []string{p.Key, p.LabelSymbol("en"), p.Unit, p.Domain(), unc, paramValue(p, in)})
	}
	if err := results.WriteColumns(e.stdout, rows, false); err != nil {
		return err
	}
	if len(s.Correlations) > 0 {
		var pairs []string
		for _, cr := range s.Correlations {
			pairs = append(pairs, fmt.Sprintf("%s–%s %s", s.Uncertainty[cr.A].Name, s.Uncertainty[cr.B].Name, model.FormatValue(cr.Rank)))
		}
		fmt.Fprintf(e.stdout, "\nRank correlations (simulate mc draws with them; sobol and tornado refuse them): %s\n", strings.Join(pairs, ", "))
	}
	return nil
}

// paramValue writes the value of p in in: one number when it is the same
// every year it applies to, else year by year.
func paramValue(p *model.Param, in *model.Inputs) string {
	if p.Derived(in) && p.IsTheta() {
		return "(θ = κ·I/100 from the index path: address cii.kappa.* and cii.index_pts)"
	}
	if p.Derived(in) {
		return "(computed by the Solow model: address its solow.* inputs)"
	}
	if !p.PerYear {
		v := model.FormatValue(p.FromModel(*p.Scalar(in)))
		if d, ok := p.Dimension(); ok && in.WeightRule.IsResidual(d) {
			v += " (the residual weight: 1 minus the other three; not addressable)"
		}
		return v
	}
	s := p.Series(in)
	firstYear, _ := p.Years(in)
	var years []string
	var first float64
	same, n := true, 0
	for i, v := range s {
		if !p.Applies(in, i) {
			continue
		}
		v = p.FromModel(v)
		if n == 0 {
			first = v
		}
		same = same && v == first
		n++
		years = append(years, strconv.Itoa(firstYear+i)+": "+model.FormatValue(v))
	}
	switch {
	case n == 0:
		return fmt.Sprintf("(not used: no year gives the factor split as %s)", p.Form)
	case same && n == len(s):
		return model.FormatValue(first) + " every year"
	}
	return strings.Join(years, ", ")
}

// uncertaintyText describes the entry of the uncertainty table u for its
// key path key: "triangular(…)", "[2024] add uniform(…)", and for a group
// "theta_scale: scale uniform(…)".
func uncertaintyText(u *uncertain.Input, key string) string {
	t := u.Dist.String()
	if u.Mode != model.Set {
		t = u.Mode.String() + " " + t
	}
	if _, year, ok := strings.Cut(key, "["); ok {
		t = "[" + year + " " + t
	}
	if u.Group {
		t = u.Name + ": " + t
	}
	return t
}
