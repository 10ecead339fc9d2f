package scenarios

import (
	"math"
	"slices"
	"sort"
	"strings"

	"simulate/internal/tomlfile"
	"simulate/model"
	"simulate/sensitivity"
)

// The [uncertainty] table gives a distribution for any parameter, keyed by
// its key path in quotes (with an optional year):
//
//	[uncertainty]
//	"capital.ict_share" = { dist = "triangular", min = 0.10, mode = 0.15, max = 0.25 }
//	"gdp.growth_pct" = { dist = "truncnormal", mean = 0, sd = 0.5, min = -1, max = 1, apply = "add" }
//
// apply is "set" (default: the draw is the value), "add" (the draw is added
// to the base, in the key's units) or "scale" (the base is multiplied by
// the draw). An entry of a scenario overrides the entry of the same key of
// the scenario it extends; { dist = "none" } drops an inherited entry.
// Entries apply in the order of model.Params (then model.SolowParams), a
// whole path before its single years.

// uncertaintyKey is the top-level key of the table.
const uncertaintyKey = "uncertainty"

// kindUncertainty is the kind of the [uncertainty] table in the schema: its
// keys are parameter key paths, read by buildUncertainty.
const kindUncertainty = kindSeries + 1

// distKeys lists the keys each family takes, required first; optional
// keys are marked with a trailing '?'.
var distKeys = map[sensitivity.Family][]string{
	sensitivity.Uniform:     {"min", "max"},
	sensitivity.Triangular:  {"min", "mode", "max"},
	sensitivity.Normal:      {"mean", "sd"},
	sensitivity.TruncNormal: {"mean", "sd", "min", "max"},
	sensitivity.LogNormal:   {"mu", "sigma", "min?", "max?"},
	sensitivity.Beta:        {"alpha", "beta", "min?", "max?"},
}

// entryForms shows each family's form in messages.
var entryForms = map[sensitivity.Family]string{
	sensitivity.Uniform:     `{ dist = "uniform", min = …, max = … }`,
	sensitivity.Triangular:  `{ dist = "triangular", min = …, mode = …, max = … }`,
	sensitivity.Normal:      `{ dist = "normal", mean = …, sd = … }`,
	sensitivity.TruncNormal: `{ dist = "truncnormal", mean = …, sd = …, min = …, max = … }`,
	sensitivity.LogNormal:   `{ dist = "lognormal", mu = …, sigma = … } (optional truncation min, max)`,
	sensitivity.Beta:        `{ dist = "beta", alpha = …, beta = …, min = 0, max = 1 } (min, max optional)`,
}

// uncertainLeaf is one parsed entry with the leaf it came from.
type uncertainLeaf struct {
	u     sensitivity.Uncertain
	l     *leaf
	order [2]int // index in model.Params, then year (0 for a whole path)
}

// flattenUncertainty stores each entry of the [uncertainty] table as a leaf
// "uncertainty.PATH", so that an extending scenario overrides entries one
// by one.
func flattenUncertainty(f *file, v any, leaves map[string]*leaf, errs *Errors) {
	l := &leaf{key: uncertaintyKey, val: v, file: f}
	table, ok := v.(map[string]any)
	if !ok {
		*errs = append(*errs, l.errorf(nil, `must be a table of "KEY.PATH" = { dist = …, … } entries, not %s`, tomlfile.TypeName(v)))
		return
	}
	for k, e := range table {
		p := uncertaintyKey + "." + k
		leaves[p] = &leaf{key: p, val: e, file: f}
	}
}

// buildUncertainty reads the entries of the [uncertainty] table against
// the scenario's inputs and checks that no draw can leave a parameter's
// domain.
func buildUncertainty(in *model.Inputs, leaves map[string]*leaf) ([]sensitivity.Uncertain, Errors) {
	var errs Errors
	var entries []uncertainLeaf
	for key, l := range leaves {
		path, ok := strings.CutPrefix(key, uncertaintyKey+".")
		if !ok {
			continue
		}
		e, drop, err := parseEntry(in, path, l)
		if err != nil {
			if err.Line == 0 { // e.g. an unquoted dotted key: point at the table
				err.Line, err.Col = l.file.Locate(uncertaintyKey)
			}
			errs = append(errs, err)
			continue
		}
		if !drop {
			entries = append(entries, e)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	sort.Slice(entries, func(i, j int) bool {
		a, b := entries[i].order, entries[j].order
		if a[0] != b[0] {
			return a[0] < b[0]
		}
		return a[1] < b[1]
	})
	unc := make([]sensitivity.Uncertain, len(entries))
	for i, e := range entries {
		unc[i] = e.u
	}
	for _, p := range sensitivity.CheckSupport(in, unc) {
		errs = append(errs, entries[p.Index].l.errorf(nil, "%s", p.Msg))
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return unc, nil
}

// parseEntry reads one entry; drop reports { dist = "none" }.
func parseEntry(in *model.Inputs, path string, l *leaf) (e uncertainLeaf, drop bool, err *Error) {
	e.l = l
	ref, lerr := model.Lookup(in, path)
	if lerr != nil {
		msg := strings.TrimPrefix(lerr.Error(), "model: ")
		if strings.Contains(path, ".") {
			return e, false, l.errorf(nil, "%s", msg)
		}
		return e, false, l.errorf(nil, `%s; write the parameter's whole key path in quotes, e.g. "capital.ict_share" = { … }`, msg)
	}
	for i, p := range slices.Concat(model.Params, model.SolowParams) {
		if p == ref.Param {
			e.order = [2]int{i, ref.Year}
		}
	}
	m, ok := l.val.(map[string]any)
	if !ok {
		return e, false, l.errorf(nil, `must be a table such as { dist = "triangular", min = …, mode = …, max = … }, not %s`, tomlfile.TypeName(l.val))
	}
	dv, ok := m["dist"]
	if !ok {
		return e, false, l.errorf(nil, "missing dist: one of %s (or \"none\" to drop an inherited entry)", strings.Join(sensitivity.Families(), ", "))
	}
	ds, ok := dv.(string)
	if !ok {
		return e, false, l.errorf([]string{"dist"}, "must be a string (%s), not %s", strings.Join(sensitivity.Families(), ", "), tomlfile.TypeName(dv))
	}
	if ds == "none" {
		if len(m) > 1 {
			return e, false, l.errorf(nil, `{ dist = "none" } drops the entry and takes no other key`)
		}
		return e, true, nil
	}
	fam, ok := sensitivity.ParseFamily(ds)
	if !ok {
		return e, false, l.errorf([]string{"dist"}, "unknown distribution %q; known: %s (or \"none\")%s", ds, strings.Join(sensitivity.Families(), ", "), tomlfile.Suggest(ds, sensitivity.Families()))
	}
	mode := sensitivity.Set
	if av, ok := m["apply"]; ok {
		as, ok := av.(string)
		if ok {
			mode, ok = sensitivity.ParseMode(as)
		}
		if !ok {
			return e, false, l.errorf([]string{"apply"}, `must be "set" (the draw is the value), "add" (added to the base) or "scale" (a factor on the base), not %v`, av)
		}
	}

	// Strict keys: only dist, apply and the family's parameters.
	allowed := []string{"dist", "apply"}
	for _, k := range distKeys[fam] {
		allowed = append(allowed, strings.TrimSuffix(k, "?"))
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !slices.Contains(allowed, k) {
			return e, false, l.errorf([]string{k}, "unknown key %q for a %s distribution: write %s%s", k, fam, entryForms[fam], tomlfile.Suggest(k, allowed))
		}
	}
	vals := map[string]float64{}
	for _, k := range distKeys[fam] {
		name, optional := strings.CutSuffix(k, "?")
		v, ok := m[name]
		if !ok {
			if optional {
				continue
			}
			return e, false, l.errorf(nil, "a %s distribution needs %s: write %s", fam, name, entryForms[fam])
		}
		x, ok := tomlfile.Number(v)
		if !ok {
			return e, false, l.errorf([]string{name}, "must be a number, not %s", tomlfile.TypeName(v))
		}
		if !tomlfile.Finite(x) {
			return e, false, l.errorf([]string{name}, "%v is not a finite number", x)
		}
		vals[name] = x
	}
	get := func(k string, def float64) float64 {
		if v, ok := vals[k]; ok {
			return v
		}
		return def
	}
	var d sensitivity.Distribution
	var derr error
	switch fam {
	case sensitivity.Uniform:
		d, derr = sensitivity.NewUniform(vals["min"], vals["max"])
	case sensitivity.Triangular:
		d, derr = sensitivity.NewTriangular(vals["min"], vals["mode"], vals["max"])
	case sensitivity.Normal:
		d, derr = sensitivity.NewNormal(vals["mean"], vals["sd"])
	case sensitivity.TruncNormal:
		d, derr = sensitivity.NewTruncNormal(vals["mean"], vals["sd"], vals["min"], vals["max"])
	case sensitivity.LogNormal:
		d, derr = sensitivity.NewLogNormal(vals["mu"], vals["sigma"], get("min", 0), get("max", math.Inf(1)))
	case sensitivity.Beta:
		d, derr = sensitivity.NewBeta(vals["alpha"], vals["beta"], get("min", 0), get("max", 1))
	}
	if derr != nil {
		return e, false, l.errorf(nil, "%s: %v", fam, derr)
	}
	e.u = sensitivity.Uncertain{Target: sensitivity.Target{Path: path, Mode: mode}, Dist: d}
	return e, false, nil
}

// UncertaintyOrigin returns where the entry of the uncertainty table for
// path was given, as "file:line", or "".
func (s *Scenario) UncertaintyOrigin(path string) string {
	return s.Origin(uncertaintyKey + "." + path)
}
