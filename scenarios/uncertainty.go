package scenarios

import (
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"

	"simulate/internal/tomlfile"
	"simulate/model"
	"simulate/uncertain"
)

// The [uncertainty] table gives a distribution for any parameter, keyed by
// its key path in quotes (with an optional year), or for a group of key
// paths that one draw changes together, keyed by the group's name:
//
//	[uncertainty]
//	"capital.ict_share" = { dist = "triangular", min = 0.10, mode = 0.15, max = 0.25 }
//	"gdp.growth_pct" = { dist = "truncnormal", mean = 0, sd = 0.5, min = -1, max = 1, apply = "add" }
//	theta_scale = { keys = ["tfp.ii_share.technical_progress", "tfp.ii_share.technical_efficiency"],
//	                dist = "uniform", min = 0.8, max = 1.2, apply = "scale", label = "θ scale" }
//
//	[[uncertainty.correlation]]
//	inputs = ["capital.share_pct", "capital.ict_share"]
//	rank = 0.5
//
// apply is "set" (default: the draw is the value), "add" (the draw is added
// to the base, in the key's units) or "scale" (the base is multiplied by
// the draw); label is a label for charts. An entry of a scenario overrides
// the entry of the same name of the scenario it extends; { dist = "none" }
// drops an inherited entry; a correlation list replaces the inherited one.
// Keys apply in the order of model.Params, a whole path before its single
// years (uncertain.Steps).

// uncertaintyKey is the top-level key of the table.
const uncertaintyKey = "uncertainty"

// correlationKey is the key of the list of rank correlations in the
// table: a name no entry may take.
const correlationKey = "correlation"

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
	order [3]int // of its first key: index in model.Params, year (0 for a whole path), 1 for a group
}

// validGroupName is the form of a group's name: a bare TOML key without
// dots, so that it never reads as a key path.
var validGroupName = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]{0,63}$`)

// flattenUncertainty stores each entry of the [uncertainty] table as a leaf
// "uncertainty.NAME", so that an extending scenario overrides entries one
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

// buildUncertainty reads the entries of the [uncertainty] table and its
// correlations against the scenario's inputs and checks that no draw can
// leave a parameter's domain and that the correlations are possible.
func buildUncertainty(in *model.Inputs, leaves map[string]*leaf) ([]uncertain.Input, []uncertain.Correlation, Errors) {
	var errs Errors
	var entries []uncertainLeaf
	for key, l := range leaves {
		name, ok := strings.CutPrefix(key, uncertaintyKey+".")
		if !ok || name == correlationKey {
			continue
		}
		e, drop, err := parseEntry(in, name, l)
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
		return nil, nil, errs
	}
	sort.Slice(entries, func(i, j int) bool {
		a, b := entries[i].order, entries[j].order
		if a != b {
			return slices.Compare(a[:], b[:]) < 0
		}
		return entries[i].u.Name < entries[j].u.Name
	})
	unc := make([]uncertain.Input, len(entries))
	for i, e := range entries {
		unc[i] = e.u
	}
	for _, p := range uncertain.CheckSupport(in, unc) {
		errs = append(errs, entries[p.Index].l.errorf(nil, "%s", p.Msg))
	}
	if len(errs) > 0 {
		return nil, nil, errs
	}
	var cs []uncertain.Correlation
	if l, ok := leaves[uncertaintyKey+"."+correlationKey]; ok {
		cs, errs = parseCorrelations(l, unc)
	}
	if len(errs) > 0 {
		return nil, nil, errs
	}
	return unc, cs, nil
}

// parseEntry reads one entry; drop reports { dist = "none" }.
func parseEntry(in *model.Inputs, name string, l *leaf) (e uncertainLeaf, drop bool, err *Error) {
	e.l = l
	m, isTable := l.val.(map[string]any)
	_, group := m["keys"]
	if isTable && m["dist"] == "none" && len(m) == 1 {
		// Dropped: whatever the name (a key path, a group, a residual
		// weight the scenario no longer draws) as long as it is a name.
		if key, _, _ := strings.Cut(name, "["); strings.Contains(name, ".") && !isParam(key) {
			return e, false, l.errorf(nil, "unknown parameter %q (see the parameter list)", key)
		}
		return e, true, nil
	}
	if !group {
		ref, lerr := model.Lookup(in, name)
		if lerr != nil {
			pe, _ := errors.AsType[*model.PathError](lerr) // Lookup's errors are *model.PathError
			if p, ok := model.LookupParam(name); ok && isResidual(in, p) {
				return e, false, l.errorf(nil, `%s (an entry inherited from the scenario this one extends is dropped with "%s" = { dist = "none" })`, pe.Msg, name)
			}
			if strings.Contains(name, ".") || !isTable {
				return e, false, l.errorf(nil, "%s", pe.Msg)
			}
			return e, false, l.errorf(nil, `%s; write the parameter's whole key path in quotes, e.g. "capital.ict_share" = { … }, or for a grouped input give its key paths, %s = { keys = ["…", "…"], dist = … }`, pe.Msg, name)
		}
		e.order = [3]int{slices.Index(model.Params, ref.Param), ref.Year, 0}
	}
	d, err := readEntry(l, group)
	if err != nil {
		return e, false, err
	}
	dist, derr := uncertain.New(d.family, d.params)
	if derr != nil {
		return e, false, l.errorf(nil, "%s: %v", d.family, derr)
	}
	if !group {
		e.u = uncertain.NewInput(name, d.apply, dist)
		e.u.Text = d.label
		return e, false, nil
	}

	// A group: a name of its own and the key paths it changes.
	if key, _, _ := strings.Cut(name, "["); isParam(key) {
		return e, false, l.errorf([]string{"keys"}, "a grouped input is named by a name of its own, not a key path: write e.g. theta_scale = { keys = [%q, …], … }", name)
	}
	if !validGroupName.MatchString(name) || name == correlationKey {
		return e, false, l.errorf(nil, "%q cannot name a grouped input: use 1 to 64 letters, digits, '_' or '-', starting with a letter, not %q", name, correlationKey)
	}
	for n, k := range d.keys {
		ref, lerr := model.Lookup(in, k)
		if lerr != nil {
			pe, _ := errors.AsType[*model.PathError](lerr) // Lookup's errors are *model.PathError
			return e, false, l.errorf([]string{"keys"}, "%s", pe.Msg)
		}
		o := [3]int{slices.Index(model.Params, ref.Param), ref.Year, 1}
		if n == 0 || slices.Compare(o[:], e.order[:]) < 0 {
			e.order = o
		}
	}
	e.u = uncertain.NewGroup(name, d.keys, d.apply, dist)
	e.u.Text = d.label
	return e, false, nil
}

func isParam(key string) bool { _, ok := model.LookupParam(key); return ok }

// isResidual reports whether p is the residual TFP weight of in.
func isResidual(in *model.Inputs, p *model.Param) bool {
	d, ok := p.Dimension()
	return ok && in.WeightRule.IsResidual(d)
}

// distEntry is one entry of the [uncertainty] table as written:
// { dist = FAMILY, apply = MODE, PARAM = VALUE, … }.
type distEntry struct {
	none   bool             // { dist = "none" }: drop the inherited entry
	family uncertain.Family // dist
	apply  model.Mode       // apply; model.Set when not given
	params []float64        // the family's parameters, in the order of Family.Params
	keys   []string         // a group's key paths
	label  string           // label, for charts
}

// readEntry reads the table of an entry into a distEntry: the keys are
// dist, apply, label, keys (for a group) and the parameters of the family
// (Family.Params), spelt exactly so (a key differing in case is unknown),
// the values of the types and ranges they take.
func readEntry(l *leaf, group bool) (e distEntry, err *Error) {
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
	if lv, ok := m["label"]; ok {
		if e.label, ok = lv.(string); !ok || strings.TrimSpace(e.label) == "" {
			return e, l.errorf([]string{"label"}, "must be a label for charts, a string that is not empty, not %s", tomlfile.TypeName(lv))
		}
	}
	if group {
		kv := m["keys"]
		arr, ok := kv.([]any)
		if !ok || len(arr) == 0 {
			return e, l.errorf([]string{"keys"}, `must be a list of key paths, e.g. keys = ["tfp.ii_share.technical_progress", "tfp.ii_share.technical_efficiency"], not %s`, tomlfile.TypeName(kv))
		}
		for _, v := range arr {
			k, ok := v.(string)
			if !ok {
				return e, l.errorf([]string{"keys"}, "must hold key paths (strings), not %s", tomlfile.TypeName(v))
			}
			if slices.Contains(e.keys, k) {
				return e, l.errorf([]string{"keys"}, "%q is given twice", k)
			}
			e.keys = append(e.keys, k)
		}
	}
	params := e.family.Params()
	allowed := []string{"dist", "apply", "label"}
	if group {
		allowed = append(allowed, "keys")
	}
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

// parseCorrelations reads the list of rank correlations, [[uncertainty.
// correlation]] tables of inputs (two names of entries) and rank, and
// checks that the matrix they make is positive definite.
func parseCorrelations(l *leaf, unc []uncertain.Input) ([]uncertain.Correlation, Errors) {
	var tables []map[string]any
	switch v := l.val.(type) {
	case []map[string]any:
		tables = v
	case []any:
		for _, t := range v {
			m, ok := t.(map[string]any)
			if !ok {
				return nil, Errors{l.errorf(nil, "must be a list of tables { inputs = [\"…\", \"…\"], rank = … }, not a list of %s", tomlfile.TypeName(t))}
			}
			tables = append(tables, m)
		}
	default:
		return nil, Errors{l.errorf(nil, "must be a list of [[uncertainty.correlation]] tables with inputs and rank, not %s", tomlfile.TypeName(l.val))}
	}
	at := func(n int, below ...string) *Error {
		line, col := l.file.LocateArray(n, []string{uncertaintyKey, correlationKey}, below...)
		if line == 0 {
			line, col = l.pos()
		}
		key := fmt.Sprintf("%s[%d]", l.key, n+1)
		if len(below) > 0 {
			key += "." + strings.Join(below, ".")
		}
		return &Error{File: l.file.Name, Line: line, Col: col, Key: key}
	}
	names := make([]string, len(unc))
	for i := range unc {
		names[i] = unc[i].Name
	}
	var errs Errors
	var cs []uncertain.Correlation
	for n, t := range tables {
		fail := func(below []string, format string, args ...any) {
			e := at(n, below...)
			e.Msg = fmt.Sprintf(format, args...)
			errs = append(errs, e)
		}
		bad := false
		for _, k := range slices.Sorted(maps.Keys(t)) {
			if k != "inputs" && k != "rank" {
				fail([]string{k}, "unknown key %q: a correlation is { inputs = [\"…\", \"…\"], rank = … }%s", k, tomlfile.Suggest(k, []string{"inputs", "rank"}))
				bad = true
			}
		}
		c := uncertain.Correlation{}
		iv, ok := t["inputs"].([]any)
		if !ok || len(iv) != 2 {
			fail([]string{"inputs"}, "must name two entries of the uncertainty table, e.g. inputs = [\"capital.share_pct\", \"capital.ict_share\"]")
			bad = true
		} else {
			for k, v := range iv {
				s, _ := v.(string)
				i := slices.Index(names, s)
				if i < 0 {
					fail([]string{"inputs"}, "%q is not an entry of the uncertainty table (entries: %s)%s", s, strings.Join(names, ", "), didYouMean(s, names))
					bad = true
					continue
				}
				if k == 0 {
					c.A = i
				} else {
					c.B = i
				}
			}
		}
		rv, ok := t["rank"]
		r, isNum := tomlfile.Number(rv)
		switch {
		case !ok:
			fail(nil, "missing rank: the Spearman rank correlation, strictly between -1 and 1")
			bad = true
		case !isNum:
			fail([]string{"rank"}, "must be a number strictly between -1 and 1, not %s", tomlfile.TypeName(rv))
			bad = true
		default:
			c.Rank = r
		}
		if !bad {
			cs = append(cs, c)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if err := uncertain.CheckCorrelations(unc, cs); err != nil {
		ce, _ := errors.AsType[*uncertain.CorrelationError](err)
		e := at(ce.Index)
		e.Msg = ce.Msg
		return nil, Errors{e}
	}
	return cs, nil
}
