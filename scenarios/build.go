package scenarios

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"simulate/internal/tomlfile"
	"simulate/model"
)

// build turns the merged leaves of a scenario into model inputs and checks
// them, collecting every problem.
func build(f *file, leaves map[string]*leaf) (*Scenario, Errors) {
	s, errs := header(f, leaves)
	fileErr := func(key, format string, args ...any) {
		errs = append(errs, &Error{File: f.Name, Key: key, Msg: fmt.Sprintf(format, args...)})
	}
	solow := s.Mode == ModeSolow
	errs = append(errs, modeKeys(f, s.Mode, leaves)...)
	// The span comes first: every per-year value is read against it.
	base, n, e := span(f, leaves)
	errs = append(errs, e...)
	if len(errs) > 0 {
		return nil, errs
	}
	in := model.NewInputs(base, n)
	if solow {
		in.Solow = model.NewSolow(n, hasICT(leaves))
	}
	s.Inputs = in

	given := map[string][]bool{} // per-year keys: which years were given
	for _, p := range model.Params {
		if p.Solow || p.Derived(in) {
			continue // read by buildSolow, or computed by the Solow model (modeKeys reported it if given)
		}
		l, ok := leaves[p.Key]
		if !p.PerYear {
			switch {
			case ok:
				v, _ := tomlfile.Number(l.val)
				*p.Scalar(in) = p.ToModel(v)
			case p.Required():
				fileErr(p.Key, "missing: the scenario must give %s (%s)", p.Key, p.Doc)
			default:
				*p.Scalar(in) = p.ToModel(p.Default)
			}
			continue
		}
		dst := p.Series(in)
		if !ok {
			switch {
			case p.Required():
				fileErr(p.Key, "missing: the scenario must give %s (%s)", p.Key, p.Doc)
			case !p.IsSplit:
				for i := range dst {
					dst[i] = p.ToModel(p.Default)
				}
			}
			continue
		}
		vals, has, e := parseSeries(l, base, n, p.IsSplit)
		errs = append(errs, e...)
		for i, v := range vals {
			if has[i] {
				dst[i] = p.ToModel(v)
			}
		}
		given[p.Key] = has
	}
	errs = append(errs, weightResidual(f, in, leaves)...)
	checks := map[string][]float64{}
	for _, key := range checkOnly {
		if l, ok := leaves[key]; ok && !solow {
			vals, has, e := parseSeries(l, base, n, true)
			errs = append(errs, e...)
			for i, v := range vals {
				if has[i] && !tomlfile.Finite(v) {
					errs = append(errs, l.errorf(yearKey(l, base+1+i), "%v is not a finite number", v))
					has[i] = false
				}
			}
			checks[key], given[key] = vals, has
		}
	}
	h, e := buildHistory(leaves, base)
	s.History = h
	errs = append(errs, e...)
	s.Reference, e = buildReference(leaves)
	errs = append(errs, e...)
	if solow {
		errs = append(errs, buildSolow(f, in, leaves)...)
	}
	if len(errs) > 0 {
		return nil, errs
	}

	if solow {
		for _, ie := range in.Check() {
			errs = append(errs, solowInputError(f, leaves, in, ie))
		}
		if len(errs) > 0 {
			return nil, errs
		}
		return s, nil
	}
	errs = append(errs, splitForms(f, in, leaves, given)...)
	if len(errs) > 0 {
		return nil, errs
	}
	errs = append(errs, checkSums(in, leaves, checks, given)...)
	for _, ie := range in.Check() {
		errs = append(errs, inputError(f, leaves, ie))
	}
	if len(errs) > 0 {
		return nil, errs
	}
	s.Uncertainty, s.Correlations, errs = buildUncertainty(in, leaves)
	if len(errs) > 0 {
		return nil, errs
	}
	return s, nil
}

// header reads the keys that say what the scenario is: its name (from the
// name key, else the file name), title, description, mode and the
// published figures it is compared with.
func header(f *file, leaves map[string]*leaf) (*Scenario, Errors) {
	var errs Errors
	s := &Scenario{Source: f.Name, Mode: ModeDecomposition, leaves: leaves}
	if l, ok := leaves["title"]; ok {
		s.Title = l.val.(string)
	}
	if l, ok := leaves["description"]; ok {
		s.Description = l.val.(string)
	}
	if l, ok := leaves["name"]; ok {
		s.Name = l.val.(string)
		if err := CheckName(s.Name); err != nil {
			errs = append(errs, l.errorf(nil, "%v", err))
		}
	} else {
		s.Name = tomlfile.NameFromFile(f.Name)
		if err := CheckName(s.Name); err != nil {
			errs = append(errs, &Error{File: f.Name, Key: "name", Msg: fmt.Sprintf("the file name gives no usable scenario name (%v); add a name key", err)})
		}
	}
	if l, ok := leaves["mode"]; ok {
		switch m := l.val.(string); m {
		case ModeDecomposition, ModeSolow:
			s.Mode = m
		default:
			errs = append(errs, l.errorf(nil, "mode %q is not known; allowed: %s, %s", m, ModeDecomposition, ModeSolow))
		}
	}
	if l, ok := leaves["published"]; ok {
		// Not inherited, so l is a key of f: a path is relative to f.
		switch ref := l.val.(string); {
		case ref == "":
			errs = append(errs, l.errorf(nil, "is empty: name the calibration spec that holds the published figures, e.g. published = \"report2020\""))
		case !tomlfile.IsPath(ref):
			s.Published = ref
		case f.emb:
			errs = append(errs, l.errorf(nil, "an embedded scenario names an embedded calibration spec, not the path %q", ref))
		default:
			s.Published = f.join(ref)
		}
	}
	return s, errs
}

// span reads [span] into the base year and the number of years after it.
func span(f *file, leaves map[string]*leaf) (base, n int, errs Errors) {
	var years [2]int
	for i, key := range []string{"span.base_year", "span.last_year"} {
		l, ok := leaves[key]
		if !ok {
			errs = append(errs, &Error{File: f.Name, Key: key, Msg: "missing: the scenario must give [span] base_year and last_year"})
			continue
		}
		y := l.val.(int64)
		if y < 1000 || y > 9999 {
			errs = append(errs, l.errorf(nil, "%d is not a year in [1000, 9999]", y))
			continue
		}
		years[i] = int(y)
	}
	if years[0] != 0 && years[1] != 0 {
		if n := years[1] - years[0]; n < 1 || n > model.MaxYears {
			errs = append(errs, leaves["span.last_year"].errorf(nil,
				"last_year %d must be 1 to %d years after base_year %d", years[1], model.MaxYears, years[0]))
		}
	}
	return years[0], years[1] - years[0], errs
}

// splitForms sets the split form of every year from the keys given for it:
// exactly one form per year, with all of its keys.
func splitForms(f *file, in *model.Inputs, leaves map[string]*leaf, given map[string][]bool) Errors {
	var errs Errors
	var missing []int
	for i := range in.Len() {
		year := in.FirstYear() + i
		var found []model.SplitForm
		for fm := range model.SplitForm(model.NumSplitForms) {
			for _, key := range fm.Keys() {
				if given[key] != nil && given[key][i] {
					found = append(found, fm)
					break
				}
			}
		}
		switch len(found) {
		case 0:
			missing = append(missing, year)
		case 1:
			fm, keys := found[0], found[0].Keys()
			in.Form[i] = fm
			for _, key := range keys {
				if given[key] == nil || !given[key][i] {
					other := leaves[keys[0]]
					if given[keys[0]] == nil || !given[keys[0]][i] {
						other = leaves[keys[1]]
					}
					errs = append(errs, other.errorf(yearKey(other, year),
						"year %d gives the factor split in the %s form, which also needs %s for that year", year, fm, key))
				}
			}
		default:
			a, b := found[0], found[1]
			l := leaves[firstGiven(b.Keys(), given, i)]
			errs = append(errs, l.errorf(yearKey(l, year),
				"year %d gives the factor split in two forms, %s (%s) and %s (%s); give one form per year",
				year, a, firstGiven(a.Keys(), given, i), b, firstGiven(b.Keys(), given, i)))
		}
	}
	if len(missing) > 0 {
		errs = append(errs, &Error{File: f.Name, Key: "labor, capital", Msg: fmt.Sprintf(
			"no factor split for %s: give labor.share_pct and capital.share_pct (shares of growth, %%), "+
				"labor.contribution_pp and capital.contribution_pp (pp), or labor.growth_pct, capital.growth_pct "+
				"and capital.income_share (production function)", yearList(missing))})
	}
	return errs
}

func firstGiven(keys []string, given map[string][]bool, i int) string {
	for _, k := range keys {
		if given[k] != nil && given[k][i] {
			return k
		}
	}
	return keys[0]
}

// checkSums compares the stated TFP share or contribution, where given, with
// the residual the model takes.
func checkSums(in *model.Inputs, leaves map[string]*leaf, checks map[string][]float64, given map[string][]bool) Errors {
	var errs Errors
	for i := range in.Len() {
		year := in.FirstYear() + i
		if has := given["tfp.share_pct"]; has != nil && has[i] {
			l := leaves["tfp.share_pct"]
			if in.Form[i] != model.Shares {
				errs = append(errs, l.errorf(yearKey(l, year), "year %d gives the split as %s, not shares: tfp.share_pct does not apply", year, in.Form[i]))
				continue
			}
			sum := 100*(in.LaborShare[i]+in.CapitalShare[i]) + checks["tfp.share_pct"][i]
			if d := sum - 100; d > ShareSumTolerance || d < -ShareSumTolerance {
				errs = append(errs, l.errorf(yearKey(l, year),
					"labour, capital and TFP shares of growth add up to %s %% in %d; they must add up to 100 %% (±%g pp)",
					model.FormatValue(sum), year, ShareSumTolerance))
			}
		}
		if has := given["tfp.contribution_pp"]; has != nil && has[i] {
			l := leaves["tfp.contribution_pp"]
			if in.Form[i] != model.Contributions {
				errs = append(errs, l.errorf(yearKey(l, year), "year %d gives the split as %s, not contributions: tfp.contribution_pp does not apply", year, in.Form[i]))
				continue
			}
			sum := 100*(in.LaborContribution[i]+in.CapitalContribution[i]) + checks["tfp.contribution_pp"][i]
			if d := sum - 100*in.Growth[i]; d > ShareSumTolerance || d < -ShareSumTolerance {
				errs = append(errs, l.errorf(yearKey(l, year),
					"labour, capital and TFP contributions add up to %s pp in %d, but growth is %s %% (tolerance ±%g pp)",
					model.FormatValue(sum), year, model.FormatValue(100*in.Growth[i]), ShareSumTolerance))
			}
		}
	}
	return errs
}

// weightResidualKey names the TFP dimension whose weight absorbs a change
// of another weight (model.WeightRule).
const weightResidualKey = "tfp.weight_residual"

// weightResidual reads tfp.weight_residual: the residual dimension's
// weight becomes 1 minus the others, whatever value it was given in a file
// this one extends; a value the file itself gives must agree.
func weightResidual(f *file, in *model.Inputs, leaves map[string]*leaf) Errors {
	l, ok := leaves[weightResidualKey]
	if !ok {
		return nil
	}
	name := l.val.(string)
	d, ok := model.ParseDimension(name)
	if !ok {
		return Errors{l.errorf(nil, "%q is not a TFP dimension; write one of %s%s", name,
			strings.Join(model.DimensionNames(), ", "), didYouMean(name, model.DimensionNames()))}
	}
	in.WeightRule = model.WeightRule{Residual: true, Dimension: d}
	var others float64
	var key string
	for _, p := range model.Params {
		switch e, ok := p.Dimension(); {
		case !ok:
		case e == d:
			key = p.Key
		default:
			others += *p.Scalar(in)
		}
	}
	rest := 1 - others
	if rl, given := leaves[key]; given && rl.file == f && math.Abs(in.Weight[d]-rest) > model.WeightTolerance {
		return Errors{rl.errorf(nil, "%s is the residual weight (%s = %q): it is 1 minus the other weights, %s; leave it out or give %s",
			model.FormatValue(in.Weight[d]), weightResidualKey, name, model.FormatValue(rest), model.FormatValue(rest))}
	}
	in.Weight[d] = rest
	return nil
}

// didYouMean returns tomlfile.Suggest's hint when it names one close
// match, else "": for messages that list the allowed names themselves.
func didYouMean(name string, allowed []string) string {
	if s := tomlfile.Suggest(name, allowed); !strings.HasPrefix(s, "; allowed here") {
		return s
	}
	return ""
}

// inputError places a model validation error at the key that caused it.
func inputError(f *file, leaves map[string]*leaf, ie *model.InputError) *Error {
	if r, ok := leaves[weightResidualKey]; ok {
		if p, ok := model.LookupParam(ie.Key); ok {
			if d, isWeight := p.Dimension(); isWeight && r.val == d.String() {
				// The residual is negative: place it at the weights this
				// file gives, else at the rule.
				at := r
				for _, q := range model.Params {
					if l, ok := leaves[q.Key]; ok && q.IsWeight() && q != p && l.file == f {
						at = l
						break
					}
				}
				e := at.errorf(nil, "%s", ie.Msg)
				e.Key = ie.Key
				return e
			}
		}
	}
	l, ok := leaves[ie.Key]
	if !ok && ie.Key == "tfp.weight" { // the weights' sum: place it at the first weight given
		for _, p := range model.Params {
			if !p.IsWeight() {
				continue
			}
			if l, ok = leaves[p.Key]; ok {
				break
			}
		}
	}
	if !ok {
		key := ie.Key
		if ie.Year != 0 {
			key = fmt.Sprintf("%s[%d]", ie.Key, ie.Year)
		}
		return &Error{File: f.Name, Key: key, Msg: ie.Msg + " (default value)"}
	}
	e := l.errorf(yearKey(l, ie.Year), "%s", ie.Msg)
	if ie.Year != 0 {
		e.Key = fmt.Sprintf("%s[%d]", ie.Key, ie.Year)
	}
	if ie.Key != l.key {
		e.Key = ie.Key
	}
	return e
}

// yearKey returns the key path below l at which year is written, when l is
// a per-year table (so that an error points at the year's own entry).
func yearKey(l *leaf, year int) []string {
	m, ok := l.val.(map[string]any)
	if !ok || year == 0 {
		return nil
	}
	if _, lin := m["linear"]; lin {
		return nil
	}
	for k := range m {
		if y, ok := model.ParseYear(k); ok && y == year {
			return []string{k}
		}
	}
	return nil
}

// parseSeries reads a time-varying value for the years base+1 … base+n:
// a number (the same every year), a table of years, or a linear path
// { linear = { YEAR = VALUE, … } } (linear between the given years, flat
// before the first and after the last). A table of years must give every
// year unless partial.
func parseSeries(l *leaf, base, n int, partial bool) (vals []float64, given []bool, errs Errors) {
	vals, given = make([]float64, n), make([]bool, n)
	if v, ok := tomlfile.Number(l.val); ok {
		for i := range vals {
			vals[i], given[i] = v, true
		}
		return vals, given, nil
	}
	m := l.val.(map[string]any)
	if lin, ok := m["linear"]; ok {
		if len(m) > 1 {
			return nil, nil, Errors{l.errorf(nil, "a linear path is written alone: { linear = { 2019 = 6.3, 2024 = 5.5 } }")}
		}
		pts, ok := lin.(map[string]any)
		if !ok {
			return nil, nil, Errors{l.errorf([]string{"linear"}, "must be a table of years and values, not %s", tomlfile.TypeName(lin))}
		}
		ys, vs, errs := yearTable(l, []string{"linear"}, pts, 0, 0)
		if len(errs) > 0 {
			return nil, nil, errs
		}
		if len(ys) == 0 {
			return nil, nil, Errors{l.errorf([]string{"linear"}, "a linear path needs at least one year")}
		}
		for i := range vals {
			vals[i], given[i] = model.Interpolate(ys, vs, base+1+i), true
		}
		return vals, given, nil
	}
	ys, vs, errs := yearTable(l, nil, m, base+1, base+n)
	if len(errs) > 0 {
		return nil, nil, errs
	}
	for k, y := range ys {
		vals[y-base-1], given[y-base-1] = vs[k], true
	}
	if !partial {
		var missing []int
		for i, ok := range given {
			if !ok {
				missing = append(missing, base+1+i)
			}
		}
		if len(missing) > 0 {
			return nil, nil, Errors{l.errorf(nil, "missing %s: a table of years must give every year of the span %d–%d (or write one number, or a linear path)",
				yearList(missing), base+1, base+n)}
		}
	}
	return vals, given, nil
}

// yearTable reads a table of YEAR = NUMBER entries, sorted by year. When
// last > 0, years outside [first, last] are errors.
func yearTable(l *leaf, below []string, m map[string]any, first, last int) (years []int, vals []float64, errs Errors) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	type point struct {
		y int
		v float64
	}
	var pts []point
	for _, k := range keys {
		at := append(append([]string(nil), below...), k)
		// A year has one spelling (four digits), so TOML's own duplicate-key
		// check already refuses a year given twice.
		y, ok := model.ParseYear(k)
		if !ok {
			errs = append(errs, l.errorf(at, "%q is not a year: the keys of a per-year table are years, e.g. 2019", k))
			continue
		}
		if last > 0 && (y < first || y > last) {
			errs = append(errs, l.errorf(at, "year %d is outside the span %d–%d", y, first, last))
			continue
		}
		v, ok := tomlfile.Number(m[k])
		if !ok {
			errs = append(errs, l.errorf(at, "must be a number, not %s", tomlfile.TypeName(m[k])))
			continue
		}
		pts = append(pts, point{y, v})
	}
	sort.Slice(pts, func(i, j int) bool { return pts[i].y < pts[j].y })
	for _, p := range pts {
		years, vals = append(years, p.y), append(vals, p.v)
	}
	return years, vals, errs
}

// yearList writes years as "year 2021" or "years 2019–2021, 2023".
func yearList(years []int) string {
	var parts []string
	for i := 0; i < len(years); {
		j := i
		for j+1 < len(years) && years[j+1] == years[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("%d–%d", years[i], years[j]))
		} else {
			parts = append(parts, strconv.Itoa(years[i]))
		}
		i = j + 1
	}
	if len(years) == 1 {
		return "year " + parts[0]
	}
	return "years " + strings.Join(parts, ", ")
}
