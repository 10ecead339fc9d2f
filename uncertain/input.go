package uncertain

import (
	"slices"
	"strings"

	"simulate/model"
)

// Input is an uncertain input: one draw of Dist applied in mode Mode to
// every key path of Keys. With model.Set the draw is the parameter's value;
// with model.Add it is a shift of the base value (in the key's units: pp for
// a % key); with model.Scale a factor on the base value. A path without a
// year moves every year of the parameter by the same draw (a common shock);
// give years separately for independent draws.
//
// A plain input changes one key path and is named by it (Name = Keys[0],
// e.g. "capital.ict_share"). A grouped input has a name of its own
// ("theta_scale") and changes several key paths with the same draw: "θ is
// uncertain by ±20 %, the same factor for TP, TE and AE".
type Input struct {
	Name  string     // the entry's name: its key path, or a group's name
	Group bool       // Name is a group's name and Keys its key paths
	Keys  []string   // the key paths a draw changes, each with an optional [YEAR]
	Mode  model.Mode // how a draw changes each key
	Text  string     // a label for charts ("" for none: charts show Label)
	Dist  Distribution
}

// NewInput returns the plain input that draws path's value from d in mode m.
func NewInput(path string, m model.Mode, d Distribution) Input {
	return Input{Name: path, Keys: []string{path}, Mode: m, Dist: d}
}

// NewGroup returns the grouped input called name whose one draw from d
// changes every key path of keys in mode m.
func NewGroup(name string, keys []string, m model.Mode, d Distribution) Input {
	return Input{Name: name, Group: true, Keys: slices.Clone(keys), Mode: m, Dist: d}
}

// Label returns the input's name in output files (the param column of
// sobol.csv and tornado.csv, a column of draws.csv): a group's name, or for
// a plain input its key path with the operator of its mode,
// "capital.ict_share" (set), "gdp.growth_pct+" (add), "capital.ict_share*"
// (scale), as model.Target.Label writes it.
func (u *Input) Label() string {
	if u.Group {
		return u.Name
	}
	return model.Target{Path: u.Name, Mode: u.Mode}.Label()
}

// ChartLabel returns the input's label on charts: Text when given, else
// Label.
func (u *Input) ChartLabel() string {
	if u.Text != "" {
		return u.Text
	}
	return u.Label()
}

// Targets returns the targets a draw changes: each key in the input's mode.
func (u *Input) Targets() []model.Target {
	t := make([]model.Target, len(u.Keys))
	for i, k := range u.Keys {
		t[i] = model.Target{Path: k, Mode: u.Mode}
	}
	return t
}

// Step is one key changed by a draw: Target receives the draw of input
// Input (an index into the list of inputs).
type Step struct {
	model.Target
	Input int
}

// Steps returns the keys that the draws of unc change, in the order they
// are applied: the order of model.Params, a whole path before its single
// years (in year order), and for one key path the order of unc. This is
// the order of the uncertainty table's entries, extended to the keys of
// groups: "gdp.growth_pct" with add and "gdp.growth_pct[2024]" with set
// give 2024 the set value whichever entry is a group. A path that names no
// parameter comes last (model.Lookup refuses it).
func Steps(unc []Input) []Step {
	var s []Step
	for i := range unc {
		for _, t := range unc[i].Targets() {
			s = append(s, Step{Target: t, Input: i})
		}
	}
	slices.SortStableFunc(s, func(a, b Step) int {
		pa, ya := pathOrder(a.Path)
		pb, yb := pathOrder(b.Path)
		if pa != pb {
			return pa - pb
		}
		return ya - yb
	})
	return s
}

// pathOrder returns the index of path's parameter in model.Params (or
// len(model.Params) if none) and its year (0 for a whole path, −1 if the
// year does not parse).
func pathOrder(path string) (param, year int) {
	key, rest, hasYear := strings.Cut(path, "[")
	param = len(model.Params)
	if p, ok := model.LookupParam(key); ok {
		param = slices.Index(model.Params, p)
	}
	if hasYear {
		y, ok := model.ParseYear(strings.TrimSuffix(rest, "]"))
		if !ok {
			return param, -1
		}
		year = y
	}
	return param, year
}
