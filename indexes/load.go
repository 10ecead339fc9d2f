package indexes

import (
	"embed"
	"fmt"
	"io/fs"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"

	"simulate/cii"
	"simulate/internal/input"
	"simulate/internal/tomlfile"
)

// embedded holds the shipped index files, so that the tool reads them
// without the source tree.
//
//go:embed *.toml
var embedded embed.FS

// Names returns the names of the embedded index files, sorted.
func Names() []string { return tomlfile.Names(embedded, ".") }

// Source returns the TOML text of the embedded index file called name.
func Source(name string) ([]byte, error) {
	src, err := fs.ReadFile(embedded, name+".toml")
	if err != nil || CheckName(name) != nil {
		return nil, fmt.Errorf("no embedded index %q (embedded: %s); to load a file, give its path ending in .toml", name, strings.Join(Names(), ", "))
	}
	return src, nil
}

var validName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// CheckName returns an error unless name can name an index: it becomes a
// folder of the output directory, so the rule is that of scenario names
// (scenarios.CheckName): 1 to 64 letters, digits, '.', '_' or '-',
// starting with a letter or digit, without "..".
func CheckName(name string) error {
	if !validName.MatchString(name) || strings.Contains(name, "..") {
		return fmt.Errorf("index name %q is not allowed: use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit, without \"..\"", name)
	}
	return nil
}

// Error is one problem with an index file: file:line:col, key path and
// what is wrong.
type Error = tomlfile.Error

// Errors are every problem found in an index file, one a line.
type Errors = tomlfile.Errors

// File is a loaded and checked index file.
type File struct {
	// Index is the index the file gives, with every stage's derived
	// penetration computed.
	Index *cii.Index
	// Source is the file as named by the user, or "embedded:NAME.toml".
	Source  string
	src     *tomlfile.File
	pending []pending // the [uncertainty] table as read
}

// Open loads an index named on a command line: a path to a file when arg
// ends in ".toml" or contains a path separator or names an existing file,
// else the name of an embedded index.
func Open(arg string) (*File, error) { return tomlfile.Open(arg, Load, LoadEmbedded) }

// Load loads the index file at path.
func Load(path string) (*File, error) {
	src, err := tomlfile.ReadFile(path, input.Index)
	if err != nil {
		return nil, fmt.Errorf("index %s: %w", path, err)
	}
	return Parse(path, src)
}

// LoadEmbedded loads the embedded index called name.
func LoadEmbedded(name string) (*File, error) {
	src, err := Source(name)
	if err != nil {
		return nil, err
	}
	return Parse("embedded:"+name+".toml", src)
}

// Parse loads an index from src; name is used in messages and, when the
// file gives no name, as the index's name.
func Parse(name string, src []byte) (*File, error) {
	r := &reader{f: tomlfile.NewFile(name, src)}
	raw, err := r.f.Decode()
	if err != nil {
		return nil, Errors{err.(*Error)}
	}
	ix := r.index(raw)
	if len(r.errs) == 0 {
		for _, p := range ix.Check() {
			r.errs = append(r.errs, r.problem(ix, p))
		}
	}
	if len(r.errs) > 0 {
		return nil, r.errs.Sort()
	}
	ix.Update()
	f := &File{Index: ix, Source: name, src: r.f}
	if u, ok := raw["uncertainty"]; ok {
		f.pending = r.uncertainty(ix, u)
	}
	if len(r.errs) > 0 {
		return nil, r.errs.Sort()
	}
	return f, nil
}

// reader collects every problem of one file.
type reader struct {
	f    *tomlfile.File
	errs Errors
}

func (r *reader) errorf(at []string, format string, args ...any) {
	r.errs = append(r.errs, r.f.Errorf(at, format, args...))
}

// problem places a problem of cii.Index.Check at its key.
func (r *reader) problem(ix *cii.Index, p *cii.Problem) *Error {
	at := strings.Split(p.Path, ".")
	if at[0] == "index" {
		return &Error{File: r.f.Name, Key: p.Path, Msg: p.Msg}
	}
	return r.f.Errorf(at, "%s", p.Msg)
}

// ordered returns the keys of table m in the order the file writes them
// (keys it cannot place last, alphabetically).
func (r *reader) ordered(prefix []string, m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	pos := map[string][2]int{}
	for _, k := range keys {
		l, c := r.f.Locate(append(slices.Clone(prefix), k)...)
		if l == 0 {
			l = math.MaxInt32
		}
		pos[k] = [2]int{l, c}
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := pos[keys[i]], pos[keys[j]]
		if a != b {
			if a[0] != b[0] {
				return a[0] < b[0]
			}
			return a[1] < b[1]
		}
		return keys[i] < keys[j]
	})
	return keys
}

// Top-level keys; every other top-level key is an industry (a table).
var topKeys = []string{"name", "title", "description", "aggregate", "published_mean", "uncertainty"}

// Keys of an industry's table; every other key is a stage (a table).
var industryKeys = []string{"name", "name_zh", "published", "value_added_share_pct", "modes", "constraints"}

// Keys of a stage's table; every other key of a stage is a sub-stage.
var stageKeys = []string{"name", "name_zh", "named", "weight", "penetration_pct"}

func (r *reader) index(raw map[string]any) *cii.Index {
	ix := &cii.Index{Name: tomlfile.NameFromFile(r.f.Name)}
	ix.PublishedMean.V = math.NaN()
	for _, k := range r.ordered(nil, raw) {
		v := raw[k]
		at := []string{k}
		switch k {
		case "name":
			if s, ok := r.str(at, v); ok {
				if err := CheckName(s); err != nil {
					r.errorf(at, "%v", err)
				}
				ix.Name = s
			}
		case "title":
			ix.Title, _ = r.str(at, v)
		case "description":
			ix.Description, _ = r.str(at, v)
		case "aggregate":
			if s, ok := r.str(at, v); ok {
				a, ok := cii.ParseAggregate(s)
				if !ok {
					r.errorf(at, "%q is not an aggregate: write \"mean\" (the arithmetic mean, as the report) or \"value_added\" (weighted by value added)", s)
				}
				ix.Aggregate = a
			}
		case "published_mean":
			ix.PublishedMean, ix.MeanPrecision = r.published(at, v)
		case "uncertainty":
			// Read after the index is built.
		default:
			m, ok := v.(map[string]any)
			if !ok || misspeltValue(v) {
				r.errorf(at, "%s; an industry is a table ([%s] with name, name_zh, published, … and its stages)",
					strings.TrimSuffix(tomlfile.UnknownKey(k, "", topKeys), "."), k)
				continue
			}
			ix.Industries = append(ix.Industries, r.industry(ix, k, m))
		}
	}
	if ix.Name == "" {
		r.errorf([]string{"name"}, "the file gives no usable index name; add a name key")
	}
	return ix
}

func (r *reader) industry(ix *cii.Index, key string, m map[string]any) *cii.Industry {
	ind := &cii.Industry{Key: key}
	ind.Published.V, ind.ValueAdded.V = math.NaN(), math.NaN()
	prefix := []string{key}
	for _, k := range r.ordered(prefix, m) {
		v := m[k]
		at := append(slices.Clone(prefix), k)
		switch k {
		case "name":
			ind.Name, _ = r.str(at, v)
		case "name_zh":
			ind.NameZh, _ = r.str(at, v)
		case "published":
			ind.Published, ind.Precision = r.published(at, v)
		case "value_added_share_pct":
			ind.ValueAdded = r.value(at, v, nil)
		case "modes":
			if t, ok := r.table(at, v, "a table of modes: [%s.modes.KEY]", key); ok {
				for _, mk := range r.ordered(at, t) {
					ind.Modes = append(ind.Modes, r.mode(append(slices.Clone(at), mk), t[mk]))
				}
			}
		case "constraints":
			if t, ok := r.table(at, v, "a table of constraints: [%s.constraints.NAME]", key); ok {
				for _, ck := range r.ordered(at, t) {
					if c := r.constraint(key, append(slices.Clone(at), ck), t[ck]); c != nil {
						ix.Constraints = append(ix.Constraints, c)
					}
				}
			}
		default:
			sm, ok := v.(map[string]any)
			if !ok || misspeltValue(v) {
				r.errorf(at, "%s; a stage is a table ([%s.%s] with name, name_zh, weight and penetration_pct)",
					strings.TrimSuffix(tomlfile.UnknownKey(k, key, industryKeys), "."), key, k)
				continue
			}
			ind.Stages = append(ind.Stages, r.stage(at, sm, true))
		}
	}
	return ind
}

func (r *reader) stage(at []string, m map[string]any, top bool) *cii.Stage {
	s := &cii.Stage{Key: at[len(at)-1], Min: 0, Max: 100}
	s.Weight.V, s.Penetration.V = math.NaN(), math.NaN()
	var penAt []string
	var hasWeight, hasPen bool
	for _, k := range r.ordered(at, m) {
		v := m[k]
		kat := append(slices.Clone(at), k)
		switch k {
		case "name":
			s.Name, _ = r.str(kat, v)
		case "name_zh":
			s.NameZh, _ = r.str(kat, v)
		case "named":
			s.Named = r.source(kat, v)
		case "weight":
			s.Weight, hasWeight = r.value(kat, v, nil), true
		case "penetration_pct":
			s.Penetration, penAt, hasPen = r.value(kat, v, map[string]*float64{"min": &s.Min, "max": &s.Max}), kat, true
		default:
			sm, ok := v.(map[string]any)
			if !ok || !top || misspeltValue(v) {
				what := "; a sub-stage is a table ([" + strings.Join(kat, ".") + "] with name, name_zh, weight and penetration_pct)"
				switch {
				case misspeltValue(v):
					what = ""
				case ok && !top:
					what = "; a sub-stage has no sub-stages of its own"
				}
				r.errorf(kat, "%s%s", strings.TrimSuffix(tomlfile.UnknownKey(k, strings.Join(at, "."), stageKeys), "."), what)
				continue
			}
			s.Subs = append(s.Subs, r.stage(kat, sm, false))
		}
	}
	if !hasWeight {
		r.errorf(at, "missing weight: give the stage's share of its %s, e.g. weight = { value = 0.25, source = \"assumption\", note = \"…\" }", parentWord(top))
	}
	switch {
	case s.Leaf() && !hasPen:
		r.errorf(at, "missing penetration_pct: give the stage's penetration in percent, e.g. penetration_pct = { value = 20, source = \"text\", section = \"4.1\", quote = \"…\" }")
	case !s.Leaf() && hasPen && !math.IsNaN(s.Penetration.V):
		r.errorf(penAt, "a stage with sub-stages has the weighted mean of theirs as its penetration: give min and max here if the text bounds it, but no value")
	case !s.Leaf():
		s.Penetration = cii.Value{Source: cii.Derived, Section: s.Penetration.Section, Quote: s.Penetration.Quote, Note: s.Penetration.Note}
	}
	return s
}

// misspeltValue reports whether v, a table given where a stage may be, is
// rather a value with a misspelt key: it has no weight but the keys of a
// value table (value, source, …).
func misspeltValue(v any) bool {
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	if _, ok := m["weight"]; ok {
		return false
	}
	for _, k := range append(slices.Clone(valueKeys), "min", "max", "precision") {
		if _, ok := m[k]; ok {
			return true
		}
	}
	return false
}

func parentWord(top bool) string {
	if top {
		return "industry"
	}
	return "stage"
}

func (r *reader) mode(at []string, v any) *cii.Mode {
	md := &cii.Mode{Key: at[len(at)-1]}
	md.Penetration.V = math.NaN()
	m, ok := r.table(at, v, "a table: [%s] with name, name_zh, penetration_pct and feeds", strings.Join(at, "."))
	if !ok {
		return md
	}
	allowed := []string{"name", "name_zh", "penetration_pct", "feeds"}
	for _, k := range r.ordered(at, m) {
		kat := append(slices.Clone(at), k)
		switch k {
		case "name":
			md.Name, _ = r.str(kat, m[k])
		case "name_zh":
			md.NameZh, _ = r.str(kat, m[k])
		case "penetration_pct":
			md.Penetration = r.value(kat, m[k], nil)
		case "feeds":
			md.Feeds = r.strs(kat, m[k])
		default:
			r.errorf(kat, "%s", tomlfile.UnknownKey(k, strings.Join(at, "."), allowed))
		}
	}
	if _, ok := m["penetration_pct"]; !ok {
		r.errorf(at, "missing penetration_pct: the share of its target users the mode reaches, percent")
	}
	return md
}

func (r *reader) constraint(industry string, at []string, v any) *cii.Constraint {
	m, ok := r.table(at, v, "a table: [%s] with kind, items, …", strings.Join(at, "."))
	if !ok {
		return nil
	}
	c := &cii.Constraint{Industry: industry, Key: at[len(at)-1], Value: math.NaN()}
	allowed := []string{"kind", "items", "value", "source", "section", "quote", "note"}
	var hasKind, hasItems bool
	why := map[string]any{}
	for _, k := range r.ordered(at, m) {
		kat := append(slices.Clone(at), k)
		switch k {
		case "kind":
			if s, ok := r.str(kat, m[k]); ok {
				kd, ok := cii.ParseKind(s)
				if !ok {
					r.errorf(kat, "unknown kind %q; known: %s%s", s, strings.Join(cii.Kinds(), ", "), tomlfile.Suggest(s, cii.Kinds()))
					return nil
				}
				c.Kind, hasKind = kd, true
			}
		case "items":
			c.Items, hasItems = r.strs(kat, m[k]), true
		case "value":
			if x, ok := r.num(kat, m[k]); ok {
				c.Value = x
			}
		case "source", "section", "quote", "note":
			why[k] = m[k]
		default:
			r.errorf(kat, "%s", tomlfile.UnknownKey(k, strings.Join(at, "."), allowed))
		}
	}
	if !hasKind {
		r.errorf(at, "missing kind: one of %s", strings.Join(cii.Kinds(), ", "))
		return nil
	}
	if !hasItems {
		r.errorf(at, "missing items: the stages the constraint concerns, e.g. items = [\"content\", \"derivatives\"]")
	}
	switch {
	case c.Kind.HasValue() && math.IsNaN(c.Value):
		r.errorf(at, "a %s constraint needs a value", c.Kind)
	case !c.Kind.HasValue() && !math.IsNaN(c.Value):
		r.errorf(append(slices.Clone(at), "value"), "a %s constraint takes no value", c.Kind)
	}
	c.Why = r.source(at, why)
	return c
}

// published reads { value, precision, source, section, quote, note }.
func (r *reader) published(at []string, v any) (cii.Value, float64) {
	prec := math.NaN()
	val := r.value(at, v, map[string]*float64{"precision": &prec})
	if _, ok := v.(map[string]any); ok && math.IsNaN(prec) {
		r.errorf(at, "missing precision: the unit of the last printed digit (0.1 for 30.2)")
	}
	if !math.IsNaN(prec) && !(prec > 0 && prec <= 10) {
		r.errorf(append(slices.Clone(at), "precision"), "%s is not a precision in (0, 10]", cii.FormatValue(prec))
	}
	if math.IsNaN(prec) {
		prec = 0
	}
	return val, prec
}

// valueKeys are the keys of every value table.
var valueKeys = []string{"value", "source", "section", "quote", "note"}

// value reads a number (source Given) or a table { value, source, section,
// quote, note } with the extra number keys given (min, max, precision).
// A stage's penetration table may leave out the value (a stage with
// sub-stages): V is then NaN.
func (r *reader) value(at []string, v any, extra map[string]*float64) cii.Value {
	out := cii.Value{V: math.NaN()}
	if x, ok := tomlfile.Number(v); ok {
		out.V = r.finite(at, x)
		return out
	}
	m, ok := v.(map[string]any)
	if !ok {
		r.errorf(at, "must be a number or a table { value = …, source = \"text\", section = \"…\", quote = \"…\" }, not %s", tomlfile.TypeName(v))
		return out
	}
	allowed := slices.Clone(valueKeys)
	for k := range extra {
		allowed = append(allowed, k)
	}
	sort.Strings(allowed)
	why := map[string]any{}
	for _, k := range r.ordered(at, m) {
		kat := append(slices.Clone(at), k)
		switch p, isExtra := extra[k]; {
		case k == "value":
			if x, ok := r.num(kat, m[k]); ok {
				out.V = x
			}
		case isExtra:
			if x, ok := r.num(kat, m[k]); ok {
				*p = x
			}
		case slices.Contains(valueKeys, k):
			why[k] = m[k]
		default:
			r.errorf(kat, "%s", tomlfile.UnknownKey(k, strings.Join(at, "."), allowed))
		}
	}
	src := r.source(at, why)
	src.V = out.V
	if math.IsNaN(out.V) && at[len(at)-1] != "penetration_pct" {
		r.errorf(at, "missing value")
	}
	return src
}

// source reads source, section, quote and note: a value's source.
func (r *reader) source(at []string, v any) cii.Value {
	var out cii.Value
	m, ok := v.(map[string]any)
	if !ok {
		r.errorf(at, "must be a table { source = \"text\", section = \"…\", quote = \"…\" }, not %s", tomlfile.TypeName(v))
		return out
	}
	sv, has := m["source"]
	for _, k := range r.ordered(at, m) {
		kat := append(slices.Clone(at), k)
		switch k {
		case "source":
			s, ok := r.str(kat, sv)
			if !ok {
				continue
			}
			src, ok := cii.ParseSource(s)
			if !ok {
				r.errorf(kat, "unknown source %q; write one of %s%s", s, strings.Join(cii.Sources(), ", "), tomlfile.Suggest(s, cii.Sources()))
			}
			out.Source = src
		case "section":
			out.Section, _ = r.str(kat, m[k])
		case "quote":
			out.Quote, _ = r.str(kat, m[k])
		case "note":
			out.Note, _ = r.str(kat, m[k])
		default:
			r.errorf(kat, "%s", tomlfile.UnknownKey(k, strings.Join(at, "."), []string{"source", "section", "quote", "note"}))
		}
	}
	switch {
	case !has && len(m) > 0:
		r.errorf(at, "missing source: one of %s", strings.Join(cii.Sources(), ", "))
	case (out.Source == cii.Text || out.Source == cii.Figure) && out.Section == "" && out.Quote == "":
		r.errorf(at, "a %s source names its section or quotes the report (section = \"4.1\", quote = \"…\")", out.Source)
	case out.Source == cii.Assumption && out.Note == "":
		r.errorf(at, "an assumption says why: add note = \"…\"")
	}
	return out
}

func (r *reader) table(at []string, v any, format string, args ...any) (map[string]any, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		r.errorf(at, "must be "+format+", not %s", append(args, tomlfile.TypeName(v))...)
	}
	return m, ok
}

func (r *reader) str(at []string, v any) (string, bool) {
	s, ok := v.(string)
	if !ok {
		r.errorf(at, "must be a string, not %s", tomlfile.TypeName(v))
	}
	return s, ok
}

func (r *reader) strs(at []string, v any) []string {
	a, ok := v.([]any)
	if !ok {
		r.errorf(at, "must be an array of strings, e.g. [\"content\", \"derivatives\"], not %s", tomlfile.TypeName(v))
		return nil
	}
	out := make([]string, 0, len(a))
	for _, x := range a {
		s, ok := x.(string)
		if !ok {
			r.errorf(at, "must be an array of strings, and %v is %s", x, tomlfile.TypeName(x))
			return nil
		}
		out = append(out, s)
	}
	return out
}

func (r *reader) num(at []string, v any) (float64, bool) {
	x, ok := tomlfile.Number(v)
	if !ok {
		r.errorf(at, "must be a number, not %s", tomlfile.TypeName(v))
		return 0, false
	}
	return r.finite(at, x), tomlfile.Finite(x)
}

func (r *reader) finite(at []string, x float64) float64 {
	if !tomlfile.Finite(x) {
		r.errorf(at, "%v is not a finite number", x)
		return math.NaN()
	}
	return x
}
