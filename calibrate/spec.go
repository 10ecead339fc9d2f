package calibrate

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"simulate/internal/input"
	"simulate/internal/tomlfile"
	"simulate/metrics"
	"simulate/model"
	"simulate/scenarios"
)

// Spec is a calibration spec, read and checked against the scenario it
// starts from: every key path resolves, every year is inside the span.
type Spec struct {
	Name        string // from the name key, else the file name
	Title       string
	Description string
	Source      string // the file as named by the user, or "embedded:calibration/NAME.toml"

	// Scenario is the start scenario as the spec names it: an embedded
	// scenario's name, or a path relative to the spec.
	Scenario string
	// ScenarioPath is the file the start scenario was read from (relative
	// to the working directory), or "" when it is embedded.
	ScenarioPath string
	// Start is the start scenario, loaded and validated.
	Start *scenarios.Scenario

	embeddedStart string // the embedded scenario's name, when Start is embedded
	rerun         string // the argument of simulate calibrate that reads this spec

	Free    []*Free   // in the order of the file
	Targets []*Target // in the order of the file, years ascending
}

// PathForm says how a free input's values over the years are parametrised.
type PathForm uint8

const (
	// PerYear: one free value per year addressed.
	PerYear PathForm = iota
	// Constant: one free value for every year addressed (and the only form
	// of a scalar key).
	Constant
	// Linear: free values at the first and last year addressed, linear in
	// between.
	Linear
	// Points: free values at given years, linear between them and flat
	// before the first and after the last.
	Points
)

// pathFormNames are the forms as written in a spec, indexed by PathForm.
var pathFormNames = [...]string{"per_year", "constant", "linear", "points"}

// Free is a free input: one or more key paths set together from the same
// free values (so that, for instance, one θ per year serves three TFP
// dimensions), with bounds.
type Free struct {
	Name  string   // the label of the table [free.NAME]
	Keys  []string // key paths as model.Lookup reads them
	Form  PathForm
	Knots []int   // the year of each free value; nil for a constant
	Min   float64 // lower bound, key units
	Max   float64 // upper bound, key units
	Start float64 // where the search starts, key units; default (Min+Max)/2
	Unit  string  // the keys' unit
}

// Len returns the number of free values of f.
func (f *Free) Len() int {
	if f.Knots == nil {
		return 1
	}
	return len(f.Knots)
}

// ValueName returns the name of f's k-th free value: "theta[2019]", or
// "theta" for a constant.
func (f *Free) ValueName(k int) string {
	if f.Knots == nil {
		return f.Name
	}
	return f.Name + "[" + strconv.Itoa(f.Knots[k]) + "]"
}

// Target is one published figure the calibration fits.
type Target struct {
	Metric metrics.Metric
	Value  float64 // the published value, in the metric's unit
	// Precision is the unit of the last printed digit (0.1 for 6096.4), or
	// 0 when not given. A fitted value is within precision when it rounds
	// to the published one: |fitted − Value| ≤ Precision/2.
	Precision float64
	// Weight multiplies the residual in the objective. It defaults to
	// 2/Precision, so that a residual of half the precision counts 1; a
	// weight of 0 makes the target a check that does not steer the fit.
	Weight float64
}

// Within reports whether fitted is within the target's precision. A target
// without a precision is never missed.
func (t *Target) Within(fitted float64) bool {
	if t.Precision == 0 {
		return true
	}
	// The slack absorbs float64 noise in a value exactly on the edge
	// (6096.35 fitted to 6096.4 ± 0.05).
	return math.Abs(fitted-t.Value) <= t.Precision/2*(1+1e-9)+1e-12*math.Abs(t.Value)
}

// Open loads a spec named on a command line: a path when arg ends in
// ".toml", contains a path separator or names an existing file, else the
// name of an embedded spec.
func Open(arg string) (*Spec, error) { return tomlfile.Open(arg, Load, LoadEmbedded) }

// Load loads the spec file at name.
func Load(name string) (*Spec, error) {
	src, err := tomlfile.ReadFile(name, input.Spec)
	if err != nil {
		return nil, fmt.Errorf("calibration spec %s: %w", name, err)
	}
	s, err := parse(&specFile{File: tomlfile.NewFile(name, src), dir: filepath.Dir(name)})
	if s != nil {
		s.rerun = name
	}
	return s, err
}

// LoadEmbedded loads the embedded spec called name (see Names).
func LoadEmbedded(name string) (*Spec, error) {
	src, err := Source(name)
	if err != nil {
		return nil, err
	}
	s, err := parse(&specFile{File: tomlfile.NewFile("embedded:calibration/"+name+".toml", src), emb: true})
	if s != nil {
		s.rerun = name
	}
	return s, err
}

// Parse reads a spec from src; name is used in messages and, when the spec
// gives no name, as its name. A scenario path is resolved against the
// current directory.
func Parse(name string, src []byte) (*Spec, error) {
	s, err := parse(&specFile{File: tomlfile.NewFile(name, src), dir: "."})
	if s != nil {
		s.rerun = name
	}
	return s, err
}

// Extends returns how a scenario file written into the folder dir names
// the start scenario in its extends key: the embedded scenario's name, or
// the path of its file relative to dir.
func (s *Spec) Extends(dir string) string {
	if s.ScenarioPath == "" {
		return s.embeddedStart
	}
	target, err1 := filepath.Abs(s.ScenarioPath)
	base, err2 := filepath.Abs(dir)
	if err1 == nil && err2 == nil {
		if rel, err := filepath.Rel(base, target); err == nil {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(target)
}

// Figures returns the published values of the spec's per-year targets of
// the metric called name (such as "ii_increment_yi"), by year, in the
// metric's unit; nil when the spec has none.
func (s *Spec) Figures(name string) map[int]float64 {
	var m map[int]float64
	for _, t := range s.Targets {
		if t.Metric.Name() == name && t.Metric.Year != 0 {
			if m == nil {
				m = map[int]float64{}
			}
			m[t.Metric.Year] = t.Value
		}
	}
	return m
}

// specFile is a spec's source.
type specFile struct {
	*tomlfile.File
	dir string // the folder scenario paths resolve against
	emb bool   // read from the embedded specs
}

// The shapes of the spec's tables: a toml tag is a key, and each value is
// checked by the code that reads it (tomlfile.Fields).
type (
	// specTOML is the top level of a spec.
	specTOML struct {
		Name        any `toml:"name"`
		Title       any `toml:"title"`
		Description any `toml:"description"`
		Scenario    any `toml:"scenario"` // the start scenario: an embedded name or a path
		Free        any `toml:"free"`     // [free.NAME] tables: freeTOML
		Targets     any `toml:"targets"`  // [targets.METRIC] tables: targetTOML
	}
	// freeTOML is a [free.NAME] table.
	freeTOML struct {
		Keys   any `toml:"keys"`   // a key path or a list of them
		Path   any `toml:"path"`   // a path form, default "per_year"
		Points any `toml:"points"` // years, with path = "points"
		Min    any `toml:"min"`
		Max    any `toml:"max"`
		Start  any `toml:"start"`
	}
	// targetTOML is a [targets.METRIC] table.
	targetTOML struct {
		Value     any `toml:"value"`  // one figure
		Values    any `toml:"values"` // { YEAR = VALUE, … } for a per-year metric
		Precision any `toml:"precision"`
		Weight    any `toml:"weight"`
	}
)

// fields reads table into dst (see tomlfile.Fields) and reports each key
// that is not one of dst's, at prefix.
func (f *specFile) fields(table map[string]any, prefix []string, dst any, add func(*tomlfile.Error)) {
	unknown := tomlfile.Fields(table, dst)
	if len(unknown) == 0 {
		return
	}
	keys := tomlfile.Keys(dst)
	for _, k := range unknown {
		add(f.Errorf(append(append([]string(nil), prefix...), k), "%s", tomlfile.UnknownKey(k, strings.Join(prefix, "."), keys)))
	}
}

var validLabel = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]{0,63}$`)

func parse(f *specFile) (*Spec, error) {
	raw, err := f.Decode()
	if err != nil {
		return nil, err
	}
	var errs tomlfile.Errors
	add := func(e *tomlfile.Error) { errs = append(errs, e) }
	var doc specTOML
	f.fields(raw, nil, &doc, add)

	s := &Spec{Source: f.Name}
	str := func(key string, v any, required bool) string {
		if v == nil {
			if required {
				add(&tomlfile.Error{File: f.Name, Key: key, Msg: "missing: " + missing[key]})
			}
			return ""
		}
		t, ok := v.(string)
		if !ok {
			add(f.Errorf([]string{key}, "must be a string, not %s", tomlfile.TypeName(v)))
		}
		return t
	}
	s.Title, s.Description = str("title", doc.Title, false), str("description", doc.Description, false)
	if doc.Name != nil {
		s.Name = str("name", doc.Name, false)
		if err := scenarios.CheckName(s.Name); err != nil && s.Name != "" {
			add(f.Errorf([]string{"name"}, "%v", err))
		}
	} else {
		s.Name = tomlfile.NameFromFile(f.Name)
		if scenarios.CheckName(s.Name) != nil {
			add(&tomlfile.Error{File: f.Name, Key: "name", Msg: "the file name gives no usable spec name; add a name key"})
		}
	}
	s.Scenario = str("scenario", doc.Scenario, true)
	if v, ok := doc.Scenario.(string); ok && v == "" {
		add(f.Errorf([]string{"scenario"}, "is empty: %s", missing["scenario"]))
	}
	freeTab := f.table("free", doc.Free, add)
	targetTab := f.table("targets", doc.Targets, add)
	if s.Scenario == "" {
		return nil, errs.Sort() // not empty: a missing or empty scenario is an error
	}
	// Keys and years are checked against the start scenario.
	if err := loadStart(f, s); err != nil {
		if len(errs) > 0 {
			return nil, errors.Join(errs.Sort(), err)
		}
		return nil, err
	}
	in := s.Start.Inputs

	owner := map[string]string{} // "key@yearIndex" → the free input that sets it
	for _, name := range f.byLine("free", freeTab) {
		fr, e := parseFree(f, in, name, freeTab[name], owner)
		errs = append(errs, e...)
		if fr != nil {
			s.Free = append(s.Free, fr)
		}
	}
	seen := map[metrics.Metric]string{}
	weighted := false
	order := f.byLine("targets", targetTab)
	for _, key := range order {
		ts, e := parseTargets(f, in, key, targetTab[key], seen)
		errs = append(errs, e...)
		for _, t := range ts {
			weighted = weighted || t.Weight > 0
		}
		s.Targets = append(s.Targets, ts...)
	}
	if len(errs) == 0 && !weighted && len(order) > 0 {
		add(f.Errorf([]string{"targets", order[0]}, "every target has weight 0: at least one target must steer the fit"))
	}
	if len(errs) > 0 {
		return nil, errs.Sort()
	}
	return s, nil
}

// missing says what a required key of the spec gives.
var missing = map[string]string{
	"scenario": "the scenario to start from: an embedded name (scenario = \"report2020\") or a path relative to this file; see docs/calibration.md",
	"free":     "give at least one [free.NAME] table: the inputs to calibrate; see docs/calibration.md",
	"targets":  "give at least one [targets.METRIC] table: the published figures to fit; see docs/calibration.md",
}

// table returns the table of tables v, given at key, reporting a missing
// or malformed one.
func (f *specFile) table(key string, v any, add func(*tomlfile.Error)) map[string]map[string]any {
	if v == nil {
		add(&tomlfile.Error{File: f.Name, Key: key, Msg: "missing: " + missing[key]})
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		add(f.Errorf([]string{key}, "must be a table of tables ([%s.NAME]), not %s", key, tomlfile.TypeName(v)))
		return nil
	}
	if len(m) == 0 {
		add(f.Errorf([]string{key}, "is empty: give at least one [%s.NAME] table", key))
		return nil
	}
	out := map[string]map[string]any{}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		t, ok := m[k].(map[string]any)
		if !ok {
			add(f.Errorf([]string{key, k}, "must be a table, not %s", tomlfile.TypeName(m[k])))
			continue
		}
		out[k] = t
	}
	return out
}

// byLine returns the keys of m in the order they are written in the file.
func (f *specFile) byLine(prefix string, m map[string]map[string]any) []string {
	keys := slices.Collect(maps.Keys(m))
	line := func(k string) int {
		l, _ := f.Locate(prefix, k)
		return l
	}
	sort.Slice(keys, func(i, j int) bool {
		li, lj := line(keys[i]), line(keys[j])
		if li != lj {
			return li < lj
		}
		return keys[i] < keys[j]
	})
	return keys
}

// loadStart loads the start scenario: an embedded name, or a path relative
// to the spec. An embedded spec names an embedded scenario.
func loadStart(f *specFile, s *Spec) error {
	ref := s.Scenario
	var err error
	switch {
	case !tomlfile.IsPath(ref):
		s.embeddedStart = ref
		s.Start, err = scenarios.LoadEmbedded(ref)
	case f.emb:
		err = fmt.Errorf("an embedded spec can name only an embedded scenario, not %q", ref)
	default:
		// An absolute path stands for itself; a relative one is relative
		// to the spec's folder.
		s.ScenarioPath = filepath.FromSlash(ref)
		if !filepath.IsAbs(s.ScenarioPath) {
			s.ScenarioPath = filepath.Join(f.dir, s.ScenarioPath)
		}
		s.Start, err = scenarios.Load(s.ScenarioPath)
	}
	if err != nil {
		return errors.Join(f.Errorf([]string{"scenario"}, "the start scenario %q does not load:", ref), err)
	}
	return nil
}

// freeReader reads one free input, [free.NAME], collecting every problem.
type freeReader struct {
	f    *specFile
	in   *model.Inputs
	t    freeTOML
	fr   *Free
	errs tomlfile.Errors

	param          *model.Param // of the first key; every key shares its unit
	years          map[int]bool // the years the per-year keys address
	scalar, series bool         // keys with one value for the span, per-year keys
}

// at returns the key path of key k below the free input's table.
func (r *freeReader) at(k ...string) []string { return append([]string{"free", r.fr.Name}, k...) }

func (r *freeReader) errorf(at []string, format string, args ...any) {
	r.errs = append(r.errs, r.f.Errorf(at, format, args...))
}

// parseFree reads the free input [free.name].
func parseFree(f *specFile, in *model.Inputs, name string, m map[string]any, owner map[string]string) (*Free, tomlfile.Errors) {
	r := &freeReader{f: f, in: in, fr: &Free{Name: name}, years: map[int]bool{}}
	f.fields(m, r.at(), &r.t, func(e *tomlfile.Error) { r.errs = append(r.errs, e) })
	if !validLabel.MatchString(name) {
		r.errorf(r.at(), "free input name %q is not allowed: use letters, digits, '_' or '-', starting with a letter", name)
	}
	r.keys(owner)
	r.path()
	if !r.bounds() || len(r.errs) > 0 {
		return nil, r.errs
	}
	return r.fr, nil
}

// keys reads keys, one key path or a list of them, and resolves them
// against the start scenario; owner records which free input sets each
// value, to refuse a value set twice.
func (r *freeReader) keys(owner map[string]string) {
	fr := r.fr
	switch v := r.t.Keys.(type) {
	case string:
		fr.Keys = []string{v}
	case []any:
		for _, e := range v {
			s, ok := e.(string)
			if !ok {
				r.errorf(r.at("keys"), "must be a list of key paths (strings), not a list holding %s", tomlfile.TypeName(e))
				break
			}
			fr.Keys = append(fr.Keys, s)
		}
		if len(v) == 0 {
			r.errorf(r.at("keys"), "is empty: name at least one key path, e.g. \"capital.ict_share\"")
		}
	case nil:
		r.errorf(r.at(), "missing keys: the key paths this free input sets, e.g. keys = [\"tfp.ii_share.technical_progress\"]")
	default:
		r.errorf(r.at("keys"), "must be a key path or a list of them, not %s", tomlfile.TypeName(v))
	}

	for _, key := range fr.Keys {
		base, _, _ := strings.Cut(key, "[")
		p, ok := model.LookupParam(base)
		if !ok {
			r.errorf(r.at("keys"), "unknown parameter %q%s", base, tomlfile.Suggest(base, paramKeys()))
			continue
		}
		ref, err := model.Lookup(r.in, key)
		if err != nil {
			pe, _ := errors.AsType[*model.PathError](err) // Lookup's errors are *model.PathError
			r.errorf(r.at("keys"), "%s", pe.Msg)
			continue
		}
		if r.param != nil && (p.Unit != r.param.Unit || p.Scale != r.param.Scale) {
			r.errorf(r.at("keys"), "%s is in %s and %s in %s: the keys of one free input share one unit", r.param.Key, r.param.Unit, p.Key, p.Unit)
			continue
		}
		if r.param == nil {
			r.param = p
		}
		if p.IsWeight() && len(fr.Keys) > 1 {
			r.errorf(r.at("keys"), "%s: setting a TFP weight rescales the others, so a weight can be free only alone", p.Key)
			continue
		}
		if !p.PerYear {
			r.scalar = true
			if prev, dup := owner[p.Key]; dup {
				r.errorf(r.at("keys"), "%s is already set by free input %q: each value may be free once", p.Key, prev)
			}
			owner[p.Key] = fr.Name
			continue
		}
		r.series = true
		for k := range ref.Len() {
			yi := ref.YearIndex(k)
			r.years[r.in.FirstYear()+yi] = true
			id := p.Key + "@" + strconv.Itoa(yi)
			if prev, dup := owner[id]; dup {
				r.errorf(r.at("keys"), "%s[%d] is already set by free input %q: each value may be free once", p.Key, r.in.FirstYear()+yi, prev)
			}
			owner[id] = fr.Name
		}
	}
	if r.scalar && r.series {
		r.errorf(r.at("keys"), "mixes per-year keys and keys with one value for the span: give them as separate free inputs")
	}
}

// path reads path and points into the form and the years of the free
// values.
func (r *freeReader) path() {
	fr := r.fr
	form := "per_year"
	if r.t.Path != nil {
		s, isStr := r.t.Path.(string)
		if !isStr {
			r.errorf(r.at("path"), "must be a string (per_year, constant, linear or points), not %s", tomlfile.TypeName(r.t.Path))
		}
		form = s
	}
	if i := slices.Index(pathFormNames[:], form); i >= 0 {
		fr.Form = PathForm(i)
	} else {
		r.errorf(r.at("path"), "%q is not a path form; allowed: %s", form, strings.Join(pathFormNames[:], ", "))
	}
	hasPts := r.t.Points != nil
	if hasPts != (fr.Form == Points) && len(r.errs) == 0 {
		if hasPts {
			r.errorf(r.at("points"), "points is read only with path = \"points\"")
		} else {
			r.errorf(r.at("path"), "path = \"points\" needs points = [YEAR, …], the years whose values are free")
		}
	}
	if r.scalar && fr.Form != Constant && fr.Form != PerYear {
		r.errorf(r.at("path"), "%s has one value for the whole span: its path can only be constant", r.param.Key)
	}
	years := slices.Sorted(maps.Keys(r.years))
	switch {
	case r.scalar || fr.Form == Constant:
		fr.Form, fr.Knots = Constant, nil
	case fr.Form == PerYear:
		fr.Knots = years
	case fr.Form == Linear && len(years) > 0:
		fr.Knots = []int{years[0], years[len(years)-1]}
		if len(years) == 1 {
			fr.Knots = fr.Knots[:1]
		}
	case fr.Form == Points && hasPts:
		list, ok := r.t.Points.([]any)
		if !ok || len(list) == 0 {
			r.errorf(r.at("points"), "must be a list of years, e.g. [2019, 2022, 2024]")
			break
		}
		dup := map[int]bool{}
		for _, e := range list {
			y, ok := e.(int64)
			if !ok {
				r.errorf(r.at("points"), "must be a list of years (whole numbers), not a list holding %s", tomlfile.TypeName(e))
				break
			}
			switch {
			case int(y) < r.in.FirstYear() || int(y) > r.in.LastYear():
				r.errorf(r.at("points"), "year %d is outside the span %d–%d", y, r.in.FirstYear(), r.in.LastYear())
			case dup[int(y)]:
				r.errorf(r.at("points"), "year %d is given twice", y)
			}
			dup[int(y)] = true
			fr.Knots = append(fr.Knots, int(y))
		}
		sort.Ints(fr.Knots)
	}
}

// bounds reads min, max and start, in key units, inside the parameter's
// domain. It reports false when the keys did not resolve.
func (r *freeReader) bounds() bool {
	fr, param := r.fr, r.param
	num := func(key string, v any, def float64) float64 {
		if v == nil {
			return def
		}
		x, isNum := tomlfile.Number(v)
		switch {
		case !isNum:
			r.errorf(r.at(key), "must be a number, not %s", tomlfile.TypeName(v))
		case !tomlfile.Finite(x):
			r.errorf(r.at(key), "%v is not a finite number", x)
		case param != nil && (x < param.Min || x > param.Max):
			r.errorf(r.at(key), "%s is outside the domain %s of %s (%s)", model.FormatOutside(x, param.Min, param.Max), param.Domain(), param.Key, param.Unit)
		}
		return x
	}
	lo, hi := math.Inf(-1), math.Inf(1)
	if param != nil {
		fr.Unit, lo, hi = param.Unit, param.Min, param.Max
	}
	fr.Min, fr.Max = num("min", r.t.Min, lo), num("max", r.t.Max, hi)
	if param == nil {
		if fr.Min > fr.Max {
			r.errorf(r.at("max"), "the bounds are reversed: min %s > max %s", model.FormatValue(fr.Min), model.FormatValue(fr.Max))
		}
		return false
	}
	if len(r.errs) == 0 && fr.Min >= fr.Max {
		k := "max"
		if r.t.Max == nil {
			k = "min"
		}
		if fr.Min == fr.Max {
			r.errorf(r.at(k), "min = max = %s leaves nothing free; fix the value in the scenario instead", model.FormatValue(fr.Min))
		} else {
			r.errorf(r.at(k), "the bounds are reversed: min %s > max %s", model.FormatValue(fr.Min), model.FormatValue(fr.Max))
		}
	}
	fr.Start = num("start", r.t.Start, (fr.Min+fr.Max)/2)
	if len(r.errs) == 0 && (fr.Start < fr.Min || fr.Start > fr.Max) {
		r.errorf(r.at("start"), "start %s is outside the bounds [%s, %s]", model.FormatValue(fr.Start), model.FormatValue(fr.Min), model.FormatValue(fr.Max))
	}
	return true
}

// parseTargets reads the table [targets.KEY]: one target, or one per year
// of its values table.
func parseTargets(f *specFile, in *model.Inputs, key string, m map[string]any, seen map[metrics.Metric]string) ([]*Target, tomlfile.Errors) {
	var errs tomlfile.Errors
	at := func(k ...string) []string { return append([]string{"targets", key}, k...) }
	add := func(e *tomlfile.Error) { errs = append(errs, e) }
	var t targetTOML
	f.fields(m, at(), &t, add)
	if base, _, _ := strings.Cut(key, "["); !slices.Contains(metrics.Names(), base) {
		add(f.Errorf(at(), "unknown metric %q%s", base, tomlfile.Suggest(base, metrics.Names())))
		return nil, errs
	}
	met, err := metrics.Parse(key)
	if err != nil {
		me, _ := errors.AsType[*metrics.Error](err) // Parse's errors are *metrics.Error
		add(f.Errorf(at(), "%s", me.Msg))
		return nil, errs
	}

	const (
		anySign = iota
		positive
		nonNegative
	)
	num := func(k string, v any, sign int) (float64, bool) {
		if v == nil {
			return 0, false
		}
		x, isNum := tomlfile.Number(v)
		switch {
		case !isNum:
			add(f.Errorf(at(k), "must be a number, not %s", tomlfile.TypeName(v)))
		case !tomlfile.Finite(x):
			add(f.Errorf(at(k), "%v is not a finite number", x))
		case sign == positive && x <= 0:
			add(f.Errorf(at(k), "must be positive, not %s", model.FormatValue(x)))
		case sign == nonNegative && x < 0:
			add(f.Errorf(at(k), "must not be negative, not %s (0 makes the target a check)", model.FormatValue(x)))
		}
		return x, true
	}
	prec, hasPrec := num("precision", t.Precision, positive)
	weight, hasWeight := num("weight", t.Weight, nonNegative)
	// A weight (given, or 2/precision) beyond MaxWeight overflows the
	// fit's weighted squares and makes a false diagnosis.
	if hasWeight && tomlfile.Finite(weight) && weight > MaxWeight {
		add(f.Errorf(at("weight"), "%s is outside the allowed range [0, %g]: a larger weight overflows the fit's sum of squares", model.FormatOutside(weight, 0, MaxWeight), float64(MaxWeight)))
	}
	if hasPrec && !hasWeight && prec > 0 && 2/prec > MaxWeight {
		add(f.Errorf(at("precision"), "%s is below the smallest precision %g (its weight 2/precision would pass %g)", model.FormatOutside(prec, 2/MaxWeight, math.Inf(1)), 2/MaxWeight, float64(MaxWeight)))
	}
	switch {
	case !hasPrec && !hasWeight:
		add(f.Errorf(at(), "give precision (the unit of the last printed digit, e.g. 0.1 for 6096.4) or weight"))
	case !hasWeight:
		weight = 2 / prec
	case weight == 0 && !hasPrec:
		add(f.Errorf(at("weight"), "a target with weight 0 is only checked, which needs a precision"))
	}

	var pts []point
	switch {
	case met.PerYear() && met.Year == 0:
		if t.Value != nil || t.Values == nil {
			add(f.Errorf(at(), "%s is per year: give values = { YEAR = VALUE, … } (or write the target as [targets.\"%s[YEAR]\"] with value)", key, key))
			break
		}
		pts = yearPoints(f, met, at("values"), t.Values, add)
	default:
		if t.Values != nil || t.Value == nil {
			add(f.Errorf(at(), "%s is one figure: give value = NUMBER", key))
			break
		}
		x, _ := num("value", t.Value, anySign)
		pts = append(pts, point{met, x, at("value")})
	}
	if len(errs) > 0 {
		return nil, errs
	}
	sort.Slice(pts, func(i, j int) bool { return pts[i].m.Year < pts[j].m.Year })
	var ts []*Target
	for _, p := range pts {
		if err := p.m.Check(in.FirstYear(), in.LastYear()); err != nil {
			me, _ := errors.AsType[*metrics.Error](err) // Check's errors are *metrics.Error
			add(f.Errorf(p.k, "%s", me.Msg))
			continue
		}
		if prev, dup := seen[p.m]; dup {
			add(f.Errorf(p.k, "%s is already a target in [targets.%s]", p.m, prev))
			continue
		}
		seen[p.m] = key
		ts = append(ts, &Target{Metric: p.m, Value: p.v, Precision: prec, Weight: weight})
	}
	return ts, errs
}

// point is one published figure of a target table, with where it is
// written.
type point struct {
	m metrics.Metric
	v float64
	k []string
}

// yearPoints reads the values table, at at, of the per-year metric met:
// { YEAR = VALUE, … }.
func yearPoints(f *specFile, met metrics.Metric, at []string, values any, add func(*tomlfile.Error)) []point {
	vm, ok := values.(map[string]any)
	if !ok || len(vm) == 0 {
		add(f.Errorf(at, "must be a table of years and values, e.g. { 2019 = 6096.4 }"))
		return nil
	}
	var pts []point
	for y, v := range vm {
		k := append(append([]string(nil), at...), y)
		year, ok := model.ParseYear(y)
		if !ok {
			add(f.Errorf(k, "%q is not a year: the keys of values are years, e.g. 2019", y))
			continue
		}
		x, isNum := tomlfile.Number(v)
		if !isNum {
			add(f.Errorf(k, "must be a number, not %s", tomlfile.TypeName(v)))
			continue
		}
		if !tomlfile.Finite(x) {
			add(f.Errorf(k, "%v is not a finite number", x))
			continue
		}
		pts = append(pts, point{met.WithYear(year), x, k})
	}
	return pts
}

// MaxWeight is the largest weight of a target: the weighted residuals of
// the fit stay far from overflow.
const MaxWeight = 1e9

func paramKeys() []string {
	var keys []string
	for _, p := range model.Params {
		if !p.Solow {
			keys = append(keys, p.Key)
		}
	}
	return keys
}
