package calibrate

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

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

var pathFormNames = [...]string{"per_year", "constant", "linear", "points"}

// String returns the form as written in a spec: "per_year", "constant",
// "linear" or "points".
func (f PathForm) String() string {
	if int(f) >= len(pathFormNames) {
		return "PathForm(" + strconv.Itoa(int(f)) + ")"
	}
	return pathFormNames[f]
}

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
func Open(arg string) (*Spec, error) {
	if strings.HasSuffix(arg, ".toml") || strings.ContainsAny(arg, `/\`) {
		return Load(arg)
	}
	if st, err := os.Stat(arg); err == nil && st.Mode().IsRegular() {
		return Load(arg)
	}
	return LoadEmbedded(arg)
}

// Load loads the spec file at name.
func Load(name string) (*Spec, error) {
	src, err := os.ReadFile(name)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("calibration spec %s: %w", name, err)
	}
	s, err := parse(&specFile{name: name, dir: filepath.Dir(name), src: src})
	if s != nil {
		s.rerun = name
	}
	return s, err
}

// LoadEmbedded loads the embedded spec called name (see
// scenarios.CalibrationNames).
func LoadEmbedded(name string) (*Spec, error) {
	src, err := scenarios.CalibrationSource(name)
	if err != nil {
		return nil, err
	}
	s, err := parse(&specFile{name: "embedded:calibration/" + name + ".toml", dir: "calibration", src: src, emb: true})
	if s != nil {
		s.rerun = name
	}
	return s, err
}

// Parse reads a spec from src; name is used in messages and, when the spec
// gives no name, as its name. A scenario path is resolved against the
// current directory.
func Parse(name string, src []byte) (*Spec, error) {
	s, err := parse(&specFile{name: name, dir: ".", src: src})
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

// specFile is a spec's source.
type specFile struct {
	name string // as shown in messages
	dir  string // the folder scenario paths resolve against
	src  []byte
	emb  bool // read from the embedded specs
}

// errorf returns an error placed at the key path in f.
func (f *specFile) errorf(at []string, format string, args ...any) *scenarios.Error {
	line, col := 0, 0
	for p := at; len(p) > 0 && line == 0; p = p[:len(p)-1] {
		line, col = scenarios.Locate(f.src, p...)
	}
	return &scenarios.Error{File: f.name, Line: line, Col: col, Key: strings.Join(at, "."), Msg: fmt.Sprintf(format, args...)}
}

// Keys of the spec format.
var (
	topKeys    = []string{"description", "free", "name", "scenario", "targets", "title"}
	freeKeys   = []string{"keys", "max", "min", "path", "points", "start"}
	targetKeys = []string{"precision", "value", "values", "weight"}
)

var validLabel = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]{0,63}$`)

func parse(f *specFile) (*Spec, error) {
	raw, err := scenarios.DecodeTOML(f.name, f.src)
	if err != nil {
		return nil, err
	}
	var errs scenarios.Errors
	add := func(e *scenarios.Error) { errs = append(errs, e) }
	unknown(f, raw, nil, topKeys, add)

	s := &Spec{Source: f.name}
	str := func(key string, required bool) string {
		v, ok := raw[key]
		if !ok {
			if required {
				add(&scenarios.Error{File: f.name, Key: key, Msg: "missing: " + missing[key]})
			}
			return ""
		}
		t, ok := v.(string)
		if !ok {
			add(f.errorf([]string{key}, "must be a string, not %s", scenarios.TypeName(v)))
		}
		return t
	}
	s.Title, s.Description = str("title", false), str("description", false)
	if _, ok := raw["name"]; ok {
		s.Name = str("name", false)
		if err := scenarios.CheckName(s.Name); err != nil && s.Name != "" {
			add(f.errorf([]string{"name"}, "%v", err))
		}
	} else {
		s.Name = strings.TrimSuffix(path.Base(filepath.ToSlash(f.name)), ".toml")
		s.Name = strings.TrimPrefix(s.Name, "embedded:")
		if scenarios.CheckName(s.Name) != nil {
			add(&scenarios.Error{File: f.name, Key: "name", Msg: "the file name gives no usable spec name; add a name key"})
		}
	}
	s.Scenario = str("scenario", true)
	if v, ok := raw["scenario"].(string); ok && v == "" {
		add(f.errorf([]string{"scenario"}, "is empty: %s", missing["scenario"]))
	}
	freeTab := table(f, raw, "free", add)
	targetTab := table(f, raw, "targets", add)
	if s.Scenario == "" {
		return nil, sorted(errs) // not empty: a missing or empty scenario is an error
	}
	// Keys and years are checked against the start scenario.
	if err := loadStart(f, s); err != nil {
		if len(errs) > 0 {
			return nil, errors.Join(sorted(errs), err)
		}
		return nil, err
	}
	in := s.Start.Inputs

	owner := map[string]string{} // "key@yearIndex" → the free input that sets it
	for _, name := range byLine(f, "free", freeTab) {
		fr, e := parseFree(f, in, name, freeTab[name], owner)
		errs = append(errs, e...)
		if fr != nil {
			s.Free = append(s.Free, fr)
		}
	}
	seen := map[metrics.Metric]string{}
	weighted := false
	order := byLine(f, "targets", targetTab)
	for _, key := range order {
		ts, e := parseTargets(f, in, key, targetTab[key], seen)
		errs = append(errs, e...)
		for _, t := range ts {
			weighted = weighted || t.Weight > 0
		}
		s.Targets = append(s.Targets, ts...)
	}
	if len(errs) == 0 && !weighted && len(order) > 0 {
		add(f.errorf([]string{"targets", order[0]}, "every target has weight 0: at least one target must steer the fit"))
	}
	if len(errs) > 0 {
		return nil, sorted(errs)
	}
	return s, nil
}

// missing says what a required key of the spec gives.
var missing = map[string]string{
	"scenario": "the scenario to start from: an embedded name (scenario = \"report2020\") or a path relative to this file; see docs/calibration.md",
	"free":     "give at least one [free.NAME] table: the inputs to calibrate; see docs/calibration.md",
	"targets":  "give at least one [targets.METRIC] table: the published figures to fit; see docs/calibration.md",
}

// unknown reports every key of m not in allowed, at prefix.
func unknown(f *specFile, m map[string]any, prefix []string, allowed []string, add func(*scenarios.Error)) {
	for k := range m {
		if !contains(allowed, k) {
			where := "at the top level"
			if len(prefix) > 0 {
				where = "in [" + strings.Join(prefix, ".") + "]"
			}
			add(f.errorf(append(append([]string(nil), prefix...), k), "unknown key %q %s%s", k, where, scenarios.Suggest(k, allowed)))
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// table returns the table of tables at key, reporting a missing or
// malformed one.
func table(f *specFile, raw map[string]any, key string, add func(*scenarios.Error)) map[string]map[string]any {
	v, ok := raw[key]
	if !ok {
		add(&scenarios.Error{File: f.name, Key: key, Msg: "missing: " + missing[key]})
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		add(f.errorf([]string{key}, "must be a table of tables ([%s.NAME]), not %s", key, scenarios.TypeName(v)))
		return nil
	}
	if len(m) == 0 {
		add(f.errorf([]string{key}, "is empty: give at least one [%s.NAME] table", key))
		return nil
	}
	out := map[string]map[string]any{}
	for k, sub := range m {
		t, ok := sub.(map[string]any)
		if !ok {
			add(f.errorf([]string{key, k}, "must be a table, not %s", scenarios.TypeName(sub)))
			continue
		}
		out[k] = t
	}
	return out
}

// byLine returns the keys of m in the order they are written in the file.
func byLine(f *specFile, prefix string, m map[string]map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	line := func(k string) int {
		l, _ := scenarios.Locate(f.src, prefix, k)
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
// to the spec (inside the embedded files for an embedded spec).
func loadStart(f *specFile, s *Spec) error {
	ref := s.Scenario
	isPath := strings.HasSuffix(ref, ".toml") || strings.ContainsAny(ref, `/\`)
	var err error
	switch {
	case !isPath:
		s.embeddedStart = ref
		s.Start, err = scenarios.LoadEmbedded(ref)
	case f.emb:
		// Embedded specs live in calibration/ beside the embedded scenarios.
		p := path.Clean(path.Join(f.dir, ref))
		name, ok := strings.CutSuffix(p, ".toml")
		if !ok || strings.Contains(name, "/") {
			err = fmt.Errorf("an embedded spec can name only an embedded scenario, not %q", ref)
			break
		}
		s.embeddedStart = name
		s.Start, err = scenarios.LoadEmbedded(name)
	default:
		s.ScenarioPath = filepath.Join(f.dir, filepath.FromSlash(ref))
		s.Start, err = scenarios.Load(s.ScenarioPath)
	}
	if err != nil {
		return errors.Join(f.errorf([]string{"scenario"}, "the start scenario %q does not load:", ref), err)
	}
	return nil
}

// parseFree reads the free input [free.name].
func parseFree(f *specFile, in *model.Inputs, name string, m map[string]any, owner map[string]string) (*Free, scenarios.Errors) {
	var errs scenarios.Errors
	at := func(k ...string) []string { return append([]string{"free", name}, k...) }
	add := func(e *scenarios.Error) { errs = append(errs, e) }
	unknown(f, m, at(), freeKeys, add)
	fr := &Free{Name: name}
	if !validLabel.MatchString(name) {
		add(f.errorf(at(), "free input name %q is not allowed: use letters, digits, '_' or '-', starting with a letter", name))
	}

	// keys: one key path or a list of them.
	switch v := m["keys"].(type) {
	case string:
		fr.Keys = []string{v}
	case []any:
		for _, e := range v {
			s, ok := e.(string)
			if !ok {
				add(f.errorf(at("keys"), "must be a list of key paths (strings), not a list holding %s", scenarios.TypeName(e)))
				break
			}
			fr.Keys = append(fr.Keys, s)
		}
		if len(v) == 0 {
			add(f.errorf(at("keys"), "is empty: name at least one key path, e.g. \"capital.ict_share\""))
		}
	case nil:
		add(f.errorf(at(), "missing keys: the key paths this free input sets, e.g. keys = [\"tfp.ii_share.technical_progress\"]"))
	default:
		add(f.errorf(at("keys"), "must be a key path or a list of them, not %s", scenarios.TypeName(v)))
	}

	// The keys, resolved against the start scenario.
	var refs []model.Ref
	var param *model.Param
	years := map[int]bool{}
	scalar, series := false, false
	for _, key := range fr.Keys {
		base, _, _ := strings.Cut(key, "[")
		p, ok := model.LookupParam(base)
		if !ok {
			add(f.errorf(at("keys"), "unknown parameter %q%s", base, scenarios.Suggest(base, paramKeys())))
			continue
		}
		r, err := model.Lookup(in, key)
		if err != nil {
			pe, _ := errors.AsType[*model.PathError](err) // Lookup's errors are *model.PathError
			add(f.errorf(at("keys"), "%s", pe.Msg))
			continue
		}
		if param != nil && (p.Unit != param.Unit || p.Scale != param.Scale) {
			add(f.errorf(at("keys"), "%s is in %s and %s in %s: the keys of one free input share one unit", param.Key, param.Unit, p.Key, p.Unit))
			continue
		}
		if param == nil {
			param = p
		}
		if p.IsWeight() && len(fr.Keys) > 1 {
			add(f.errorf(at("keys"), "%s: setting a TFP weight rescales the others, so a weight can be free only alone", p.Key))
			continue
		}
		if p.PerYear {
			series = true
			for k := range r.Len() {
				yi := r.YearIndex(k)
				years[in.FirstYear()+yi] = true
				id := p.Key + "@" + strconv.Itoa(yi)
				if prev, dup := owner[id]; dup {
					add(f.errorf(at("keys"), "%s[%d] is already set by free input %q: each value may be free once", p.Key, in.FirstYear()+yi, prev))
				}
				owner[id] = name
			}
		} else {
			scalar = true
			if prev, dup := owner[p.Key]; dup {
				add(f.errorf(at("keys"), "%s is already set by free input %q: each value may be free once", p.Key, prev))
			}
			owner[p.Key] = name
		}
		refs = append(refs, r)
	}
	if scalar && series {
		add(f.errorf(at("keys"), "mixes per-year keys and keys with one value for the span: give them as separate free inputs"))
	}

	// path and points.
	form := "per_year"
	if v, ok := m["path"]; ok {
		s, isStr := v.(string)
		if !isStr {
			add(f.errorf(at("path"), "must be a string (per_year, constant, linear or points), not %s", scenarios.TypeName(v)))
		}
		form = s
	}
	switch form {
	case "per_year":
		fr.Form = PerYear
	case "constant":
		fr.Form = Constant
	case "linear":
		fr.Form = Linear
	case "points":
		fr.Form = Points
	default:
		add(f.errorf(at("path"), "%q is not a path form; allowed: per_year, constant, linear, points", form))
	}
	pts, hasPts := m["points"]
	if hasPts != (fr.Form == Points) && len(errs) == 0 {
		if hasPts {
			add(f.errorf(at("points"), "points is read only with path = \"points\""))
		} else {
			add(f.errorf(at("path"), "path = \"points\" needs points = [YEAR, …], the years whose values are free"))
		}
	}
	if scalar && fr.Form != Constant && fr.Form != PerYear {
		add(f.errorf(at("path"), "%s has one value for the whole span: its path can only be constant", param.Key))
	}
	sortedYears := make([]int, 0, len(years))
	for y := range years {
		sortedYears = append(sortedYears, y)
	}
	sort.Ints(sortedYears)
	switch {
	case scalar || fr.Form == Constant:
		fr.Form, fr.Knots = Constant, nil
	case fr.Form == PerYear:
		fr.Knots = sortedYears
	case fr.Form == Linear && len(sortedYears) > 0:
		fr.Knots = []int{sortedYears[0], sortedYears[len(sortedYears)-1]}
		if len(sortedYears) == 1 {
			fr.Knots = fr.Knots[:1]
		}
	case fr.Form == Points && hasPts:
		list, ok := pts.([]any)
		if !ok || len(list) == 0 {
			add(f.errorf(at("points"), "must be a list of years, e.g. [2019, 2022, 2024]"))
			break
		}
		dup := map[int]bool{}
		for _, e := range list {
			y, ok := e.(int64)
			if !ok {
				add(f.errorf(at("points"), "must be a list of years (whole numbers), not a list holding %s", scenarios.TypeName(e)))
				break
			}
			switch {
			case int(y) < in.FirstYear() || int(y) > in.LastYear():
				add(f.errorf(at("points"), "year %d is outside the span %d–%d", y, in.FirstYear(), in.LastYear()))
			case dup[int(y)]:
				add(f.errorf(at("points"), "year %d is given twice", y))
			}
			dup[int(y)] = true
			fr.Knots = append(fr.Knots, int(y))
		}
		sort.Ints(fr.Knots)
	}

	// Bounds and start, in key units, inside the parameter's domain.
	num := func(key string, def float64) float64 {
		v, ok := m[key]
		if !ok {
			return def
		}
		x, isNum := scenarios.Number(v)
		switch {
		case !isNum:
			add(f.errorf(at(key), "must be a number, not %s", scenarios.TypeName(v)))
		case math.IsNaN(x) || math.IsInf(x, 0):
			add(f.errorf(at(key), "%v is not a finite number", x))
		case param != nil && (x < param.Min || x > param.Max):
			add(f.errorf(at(key), "%s is outside the domain %s of %s (%s)", model.FormatValue(x), param.Domain(), param.Key, param.Unit))
		}
		return x
	}
	lo, hi := math.Inf(-1), math.Inf(1)
	if param != nil {
		fr.Unit, lo, hi = param.Unit, param.Min, param.Max
	}
	fr.Min, fr.Max = num("min", lo), num("max", hi)
	if param == nil {
		if fr.Min > fr.Max {
			add(f.errorf(at("max"), "the bounds are reversed: min %s > max %s", model.FormatValue(fr.Min), model.FormatValue(fr.Max)))
		}
		return nil, errs
	}
	if len(errs) == 0 && fr.Min >= fr.Max {
		k := "max"
		if _, ok := m["max"]; !ok {
			k = "min"
		}
		if fr.Min == fr.Max {
			add(f.errorf(at(k), "min = max = %s leaves nothing free; fix the value in the scenario instead", model.FormatValue(fr.Min)))
		} else {
			add(f.errorf(at(k), "the bounds are reversed: min %s > max %s", model.FormatValue(fr.Min), model.FormatValue(fr.Max)))
		}
	}
	fr.Start = num("start", (fr.Min+fr.Max)/2)
	if len(errs) == 0 && (fr.Start < fr.Min || fr.Start > fr.Max) {
		add(f.errorf(at("start"), "start %s is outside the bounds [%s, %s]", model.FormatValue(fr.Start), model.FormatValue(fr.Min), model.FormatValue(fr.Max)))
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return fr, nil
}

// parseTargets reads the table [targets.KEY]: one target, or one per year
// of its values table.
func parseTargets(f *specFile, in *model.Inputs, key string, m map[string]any, seen map[metrics.Metric]string) ([]*Target, scenarios.Errors) {
	var errs scenarios.Errors
	at := func(k ...string) []string { return append([]string{"targets", key}, k...) }
	add := func(e *scenarios.Error) { errs = append(errs, e) }
	unknown(f, m, at(), targetKeys, add)
	if base, _, _ := strings.Cut(key, "["); !contains(metrics.Names(), base) {
		add(f.errorf(at(), "unknown metric %q%s", base, scenarios.Suggest(base, metrics.Names())))
		return nil, errs
	}
	met, err := metrics.Parse(key)
	if err != nil {
		add(f.errorf(at(), "%s", strings.TrimPrefix(err.Error(), "metrics: not a metric: ")))
		return nil, errs
	}

	const (
		anySign = iota
		positive
		nonNegative
	)
	num := func(k string, sign int) (float64, bool) {
		v, ok := m[k]
		if !ok {
			return 0, false
		}
		x, isNum := scenarios.Number(v)
		switch {
		case !isNum:
			add(f.errorf(at(k), "must be a number, not %s", scenarios.TypeName(v)))
		case math.IsNaN(x) || math.IsInf(x, 0):
			add(f.errorf(at(k), "%v is not a finite number", x))
		case sign == positive && x <= 0:
			add(f.errorf(at(k), "must be positive, not %s", model.FormatValue(x)))
		case sign == nonNegative && x < 0:
			add(f.errorf(at(k), "must not be negative, not %s (0 makes the target a check)", model.FormatValue(x)))
		}
		return x, true
	}
	prec, hasPrec := num("precision", positive)
	weight, hasWeight := num("weight", nonNegative)
	switch {
	case !hasPrec && !hasWeight:
		add(f.errorf(at(), "give precision (the unit of the last printed digit, e.g. 0.1 for 6096.4) or weight"))
	case !hasWeight:
		weight = 2 / prec
	case weight == 0 && !hasPrec:
		add(f.errorf(at("weight"), "a target with weight 0 is only checked, which needs a precision"))
	}

	type point struct {
		m metrics.Metric
		v float64
		k []string // where it is written
	}
	var pts []point
	_, hasValue := m["value"]
	vals, hasValues := m["values"]
	switch {
	case met.PerYear() && met.Year == 0:
		if hasValue || !hasValues {
			add(f.errorf(at(), "%s is per year: give values = { YEAR = VALUE, … } (or write the target as [targets.\"%s[YEAR]\"] with value)", key, key))
			break
		}
		vm, ok := vals.(map[string]any)
		if !ok || len(vm) == 0 {
			add(f.errorf(at("values"), "must be a table of years and values, e.g. { 2019 = 6096.4 }"))
			break
		}
		for y, v := range vm {
			year, err := strconv.Atoi(y)
			if err != nil || len(y) != 4 {
				add(f.errorf(at("values", y), "%q is not a year: the keys of values are years, e.g. 2019", y))
				continue
			}
			x, isNum := scenarios.Number(v)
			if !isNum || math.IsNaN(x) || math.IsInf(x, 0) {
				add(f.errorf(at("values", y), "must be a finite number, not %s", scenarios.TypeName(v)))
				continue
			}
			pts = append(pts, point{met.WithYear(year), x, at("values", y)})
		}
	default:
		if hasValues || !hasValue {
			add(f.errorf(at(), "%s is one figure: give value = NUMBER", key))
			break
		}
		x, _ := num("value", anySign)
		pts = append(pts, point{met, x, at("value")})
	}
	if len(errs) > 0 {
		return nil, errs
	}
	sort.Slice(pts, func(i, j int) bool { return pts[i].m.Year < pts[j].m.Year })
	var ts []*Target
	for _, p := range pts {
		if err := p.m.Check(in.FirstYear(), in.LastYear()); err != nil {
			add(f.errorf(p.k, "%s", strings.TrimPrefix(err.Error(), "metrics: ")))
			continue
		}
		if prev, dup := seen[p.m]; dup {
			add(f.errorf(p.k, "%s is already a target in [targets.%s]", p.m, prev))
			continue
		}
		seen[p.m] = key
		ts = append(ts, &Target{Metric: p.m, Value: p.v, Precision: prec, Weight: weight})
	}
	return ts, errs
}

func paramKeys() []string {
	var keys []string
	for _, p := range model.Params {
		if !p.Solow {
			keys = append(keys, p.Key)
		}
	}
	return keys
}

// sorted sorts errs by position and returns them.
func sorted(errs scenarios.Errors) scenarios.Errors {
	sort.SliceStable(errs, func(i, j int) bool {
		a, b := errs[i], errs[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return errs
}
