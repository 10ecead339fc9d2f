package scenarios

import (
	"errors"
	"maps"
	"slices"
	"sort"
	"strings"

	"simulate/internal/tomlfile"
	"simulate/model"
	"simulate/uncertain"
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
// Entries apply in the order of model.Params, a whole path before its
// single years.

// uncertaintyKey is the top-level key of the table.
const uncertaintyKey = "uncertainty"

// kindUncertainty is the kind of the [uncertainty] table in the schema: its
// keys are parameter key paths, read by buildUncertainty.
const kindUncertainty = kindSeries + 1

// entryForms shows each family's form in messages.
var entryForms = map[uncertain.Family]string{
	uncertain.Uniform:     `{ dist = "uniform", min = …, max = … }`,
	uncertain.Triangular:  `{ dist = "triangular", min = …, mode = …, max = … }`,
	uncertain.Normal:      `{ dist = "normal", mean = …, sd = … }`,
	uncertain.TruncNormal: `{ dist = "truncnormal", mean = …, sd = …, min = …, max = … }`,
	uncertain.LogNormal:   `{ dist = "lognormal", mu = …, sigma = … } (optional truncation min, max)`,
	uncertain.Beta:        `{ dist = "beta", alpha = …, beta = …, min = 0, max = 1 } (min, max optional)`,
}

// uncertainLeaf is one parsed entry with the leaf it came from.
type uncertainLeaf struct {
	u     uncertain.Input
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
func buildUncertainty(in *model.Inputs, leaves map[string]*leaf) ([]uncertain.Input, Errors) {
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
	unc := make([]uncertain.Input, len(entries))
	for i, e := range entries {
		unc[i] = e.u
	}
	for _, p := range uncertain.CheckSupport(in, unc) {
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
		pe, _ := errors.AsType[*model.PathError](lerr) // Lookup's errors are *model.PathError
		if strings.Contains(path, ".") {
			return e, false, l.errorf(nil, "%s", pe.Msg)
		}
		return e, false, l.errorf(nil, `%s; write the parameter's whole key path in quotes, e.g. "capital.ict_share" = { … }`, pe.Msg)
	}
	e.order = [2]int{slices.Index(model.Params, ref.Param), ref.Year}
	d, err := readEntry(l)
	if err != nil || d.none {
		return e, d.none, err
	}
	dist, derr := uncertain.New(d.family, d.params)
	if derr != nil {
		return e, false, l.errorf(nil, "%s: %v", d.family, derr)
	}
	e.u = uncertain.Input{Target: model.Target{Path: path, Mode: d.apply}, Dist: dist}
	return e, false, nil
}

// distEntry is one entry of the [uncertainty] table as written:
// { dist = FAMILY, apply = MODE, PARAM = VALUE, … }.
type distEntry struct {
	none   bool             // { dist = "none" }: drop the inherited entry
	family uncertain.Family // dist
	apply  model.Mode       // apply; model.Set when not given
	params []float64        // the family's parameters, in the order of Family.Params
}

// readEntry reads the table of an entry into a distEntry: the keys are
// dist, apply and the parameters of the family (Family.Params), spelt
// exactly so (a key differing in case is unknown), the values of the types
// and ranges they take.
func readEntry(l *leaf) (e distEntry, err *Error) {
	m, ok := l.val.(map[string]any)
	if !ok {
		return e, l.errorf(nil, `must be a table such as { dist = "triangular", min = …, mode = …, max = … }, not %s`, tomlfile.TypeName(l.val))
	}
	families := strings.Join(uncertain.Families(), ", ")
	dv, ok := m["dist"]
	if !ok {
		return e, l.errorf(nil, "missing dist: one of %s (or \"none\" to drop an inherited entry)", families)
	}
	ds, ok := dv.(string)
	switch {
	case !ok:
		return e, l.errorf([]string{"dist"}, "must be a string (%s), not %s", families, tomlfile.TypeName(dv))
	case ds == "none" && len(m) > 1:
		return e, l.errorf(nil, `{ dist = "none" } drops the entry and takes no other key`)
	case ds == "none":
		return distEntry{none: true}, nil
	}
	if e.family, ok = uncertain.ParseFamily(ds); !ok {
		return e, l.errorf([]string{"dist"}, "unknown distribution %q; known: %s (or \"none\")%s", ds, families, tomlfile.Suggest(ds, uncertain.Families()))
	}
	if av, ok := m["apply"]; ok {
		as, _ := av.(string)
		if e.apply, ok = model.ParseMode(as); !ok {
			return e, l.errorf([]string{"apply"}, `must be "set" (the draw is the value), "add" (added to the base) or "scale" (a factor on the base), not %v`, av)
		}
	}
	params := e.family.Params()
	allowed := []string{"dist", "apply"}
	for _, p := range params {
		allowed = append(allowed, p.Name)
	}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if !slices.Contains(allowed, k) {
			return e, l.errorf([]string{k}, "unknown key %q for a %s distribution: write %s%s", k, e.family, entryForms[e.family], tomlfile.Suggest(k, allowed))
		}
	}
	for _, p := range params {
		v, ok := m[p.Name]
		if !ok && p.Optional {
			e.params = append(e.params, p.Default)
			continue
		}
		if !ok {
			return e, l.errorf(nil, "a %s distribution needs %s: write %s", e.family, p.Name, entryForms[e.family])
		}
		x, ok := tomlfile.Number(v)
		if !ok {
			return e, l.errorf([]string{p.Name}, "must be a number, not %s", tomlfile.TypeName(v))
		}
		if !tomlfile.Finite(x) {
			return e, l.errorf([]string{p.Name}, "%v is not a finite number", x)
		}
		e.params = append(e.params, x)
	}
	return e, nil
}

// UncertaintyOrigin returns where the entry of the uncertainty table for
// path was given, as "file:line", or "".
func (s *Scenario) UncertaintyOrigin(path string) string {
	return s.Origin(uncertaintyKey + "." + path)
}
