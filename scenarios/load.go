package scenarios

import (
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"simulate/internal/input"
	"simulate/internal/suggest"
	"simulate/internal/tomlfile"
	"simulate/model"
	"simulate/uncertain"
)

// Scenario is a loaded, merged and validated scenario.
type Scenario struct {
	Name        string // used in output paths; letters, digits, '.', '_', '-'
	Title       string
	Description string
	Mode        string   // "decomposition" or "solow" (Inputs.Solow is then set)
	Source      string   // the file as named by the user, or "embedded:NAME.toml"
	Chain       []string // Source of this scenario, then of each one it extends
	Inputs      *model.Inputs
	Uncertainty []uncertain.Input // the [uncertainty] table, in the order applied (uncertainty.go)
	// Correlations are the rank correlations between inputs of Uncertainty
	// ([[uncertainty.correlation]]), checked to be possible together.
	Correlations []uncertain.Correlation
	History      *History   // observed years to show before the projection, or nil
	Reference    *Reference // a published split to mark on charts, or nil

	// Published names the calibration spec whose targets are the published
	// figures the scenario reproduces, drawn as markers on its charts: an
	// embedded spec's name, or a path (relative to the working directory).
	// "" when the scenario names none. It is not inherited.
	Published string

	// Notes are what a reader of the scenario should know that is not an
	// error: a stated TFP share inherited from the scenario it extends and
	// no longer checked, because this file changes the factor split.
	// `simulate validate` prints them.
	Notes []string

	leaves map[string]*leaf // every key given, after extends was applied
}

// Given reports whether the scenario (or one it extends) gives key.
func (s *Scenario) Given(key string) bool { _, ok := s.leaves[key]; return ok }

// Origin returns where key was given, as "file:line", or "" when the key
// was not given (the default applies).
func (s *Scenario) Origin(key string) string {
	l, ok := s.leaves[key]
	if !ok {
		return ""
	}
	line, _ := l.pos()
	if line == 0 {
		return l.file.Name
	}
	return fmt.Sprintf("%s:%d", l.file.Name, line)
}

// ShareSumTolerance is how far, in percentage points, stated factor shares
// (or contributions) may add up from 100 % (or from growth). Published
// shares are printed to one decimal: three rounded figures can be off by
// 3 × 0.05 pp together.
const ShareSumTolerance = 0.15

// Modes of scenario evaluation.
const ModeDecomposition = "decomposition"

var validName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// CheckName returns an error unless name can serve as a scenario name: it
// becomes a folder of the output directory, so it may not contain a path
// separator, "..", or anything but letters, digits, '.', '_' and '-'.
func CheckName(name string) error {
	if !validName.MatchString(name) || strings.Contains(name, "..") {
		return fmt.Errorf("scenario name %q is not allowed: use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit, without \"..\"", name)
	}
	return nil
}

// file is one scenario source.
type file struct {
	*tomlfile.File        // the name as shown in messages, and the source
	id             string // identity for cycle detection: absolute path or "embedded:NAME"
	dir            string // folder against which extends paths resolve
	emb            bool   // read from the embedded files

	// depth is the file's place in the chain of extends: 0 for the file
	// loaded, 1 for the one it extends, and so on. Where two files give a
	// value, the one of lower depth wins.
	depth int
	// extends reports whether the file extends another.
	extends bool
}

// leaf is one key with its value, as given in a file.
type leaf struct {
	key  string
	val  any
	file *file
	// base is the leaf of the same key in the scenario file extends, which
	// this one overrides, or nil. A table of years that gives some years
	// only takes the others from it.
	base *leaf
}

// depth returns the depth of the file that gives l (see file.depth).
func (l *leaf) depth() int { return l.file.depth }

// pos returns where the leaf, or a key below it, is written.
func (l *leaf) pos(below ...string) (int, int) {
	p := append(strings.Split(l.key, "."), below...)
	line, col := l.file.Locate(p...)
	if line == 0 && len(below) > 0 {
		return l.file.Locate(strings.Split(l.key, ".")...)
	}
	return line, col
}

func (l *leaf) errorf(below []string, format string, args ...any) *Error {
	line, col := l.pos(below...)
	key := l.key
	if len(below) > 0 {
		key += "." + strings.Join(below, ".")
	}
	return &Error{File: l.file.Name, Line: line, Col: col, Key: key, Msg: fmt.Sprintf(format, args...)}
}

// Open loads a scenario named on a command line: a path to a file when arg
// ends in ".toml" or contains a path separator or names an existing file,
// else the name of an embedded scenario.
func Open(arg string) (*Scenario, error) { return tomlfile.Open(arg, Load, LoadEmbedded) }

// Load loads the scenario file at path.
func Load(path string) (*Scenario, error) {
	f, err := readFile(path)
	if err != nil {
		return nil, err
	}
	return load(f)
}

// LoadEmbedded loads the embedded scenario called name.
func LoadEmbedded(name string) (*Scenario, error) {
	f, err := readEmbedded(name)
	if err != nil {
		return nil, err
	}
	return load(f)
}

// Parse loads a scenario from src; name is used in messages and, when the
// source gives no name, as the scenario name. An extends path is resolved
// against the current directory.
func Parse(name string, src []byte) (*Scenario, error) {
	return load(&file{File: tomlfile.NewFile(name, src), id: "parse:" + name, dir: "."})
}

func readFile(p string) (*file, error) {
	src, err := tomlfile.ReadFile(p, input.Scenario)
	if err != nil {
		return nil, fmt.Errorf("scenario %s: %w", p, err)
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		abs = p
	}
	return &file{File: tomlfile.NewFile(p, src), id: abs, dir: filepath.Dir(p)}, nil
}

func readEmbedded(name string) (*file, error) {
	src, err := fs.ReadFile(embedded, name+".toml")
	if err != nil || CheckName(name) != nil {
		return nil, fmt.Errorf("no embedded scenario %q (embedded: %s); to load a file, give its path ending in .toml", name, strings.Join(Names(), ", "))
	}
	return &file{File: tomlfile.NewFile("embedded:"+name+".toml", src), id: "embedded:" + name, emb: true}, nil
}

// load reads f and the scenarios it extends and builds the scenario,
// reporting every problem it can find at once: those of every phase whose
// input could still be read (unknown keys, wrong types, values out of
// range, sums), the same problem of several years once.
func load(f *file) (*Scenario, error) {
	broken := map[string]bool{}
	leaves, chain, errs, ok := resolve(f, nil, broken)
	if ok {
		s, e := build(f, leaves, broken)
		errs = append(errs, e...)
		if s == nil && len(errs) == 0 { // build reports why it gives no scenario; never leave it unsaid
			errs = append(errs, &Error{File: f.Name, Msg: "the scenario could not be read"})
		}
		if len(errs) == 0 {
			s.Chain = chain
			return s, nil
		}
	}
	return nil, errs.MergeYears().Sort()
}

// resolve decodes f and the scenarios it extends, and returns the merged
// leaves: the keys f gives override those of the scenario it extends. It
// returns the problems found, and ok false when the scenario cannot be put
// together at all (a syntax error, a missing or cyclic extends); keys
// given with a value that cannot be read are left out of the leaves and
// set in broken. stack holds the files extending f, to detect a cycle.
func resolve(f *file, stack []*file, broken map[string]bool) (leaves map[string]*leaf, chain []string, errs Errors, ok bool) {
	for i, g := range stack {
		if g.id == f.id {
			var names []string
			for _, h := range append(stack[i:], f) {
				names = append(names, h.Name)
			}
			// Placed at the extends key that closes the cycle.
			last := stack[len(stack)-1]
			line, col := last.Locate("extends")
			return nil, nil, Errors{{File: last.Name, Line: line, Col: col, Key: "extends", Msg: "extends forms a cycle: " + strings.Join(names, " → ")}}, false
		}
	}
	f.depth = len(stack)
	own, errs := decode(f, broken)
	if own == nil {
		return nil, nil, errs, false
	}
	ext, ok := own["extends"]
	if !ok {
		return own, []string{f.Name}, errs, !broken["extends"]
	}
	delete(own, "extends")
	f.extends = true
	target := ext.val.(string)
	var base *file
	var err error
	switch {
	case tomlfile.IsPath(target):
		if f.emb {
			base, err = readEmbeddedPath(path.Join(f.dir, target))
		} else {
			base, err = readFile(f.join(target))
		}
	default:
		base, err = readEmbedded(target)
	}
	if err != nil {
		return nil, nil, append(errs, ext.errorf(nil, "%v", err)), false
	}
	merged, chain, e, ok := resolve(base, append(stack, f), broken)
	errs = append(errs, e...)
	if !ok {
		return nil, nil, errs, false
	}
	// A name, and the published figures a scenario is compared with, are
	// never inherited.
	delete(merged, "name")
	delete(merged, "published")
	dropReplaced(merged, own)
	for k, l := range own {
		l.base = merged[k]
		merged[k] = l
	}
	return merged, append([]string{f.Name}, chain...), errs, true
}

// join returns the path of a file that f names by path p (in slash or
// native form): p itself when absolute, else p relative to f's folder.
func (f *file) join(p string) string {
	p = filepath.FromSlash(p)
	if !filepath.IsAbs(p) {
		p = filepath.Join(f.dir, p)
	}
	return p
}

func readEmbeddedPath(p string) (*file, error) {
	src, err := fs.ReadFile(embedded, p)
	if err != nil {
		return nil, fmt.Errorf("no embedded scenario file %q", p)
	}
	return &file{File: tomlfile.NewFile("embedded:"+p, src), id: "embedded:" + strings.TrimSuffix(p, ".toml"), dir: path.Dir(p), emb: true}, nil
}

// decode parses the TOML of f and checks every key against the schema. On
// a syntax error it returns nil leaves.
func decode(f *file, broken map[string]bool) (leaves map[string]*leaf, errs Errors) {
	raw, err := f.Decode()
	if err != nil {
		return nil, Errors{err.(*Error)}
	}
	leaves = map[string]*leaf{}
	flatten(f, raw, "", leaves, broken, &errs)
	return leaves, errs
}

// flatten walks a decoded table, checking keys against the schema, and
// stores every value key in leaves. A key whose value has the wrong type,
// or an unknown key that is a misspelling of an allowed one, is set in
// broken: the user gave it, so what depends on it is not checked.
func flatten(f *file, table map[string]any, prefix string, leaves map[string]*leaf, broken map[string]bool, errs *Errors) {
	keys := make([]string, 0, len(table))
	for k := range table {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		p := k
		if prefix != "" {
			p = prefix + "." + k
		}
		v := table[k]
		l := &leaf{key: p, val: v, file: f}
		kd, ok := schema[p]
		if !ok {
			allowed := childKeys(prefix)
			*errs = append(*errs, l.errorf(nil, "%s", tomlfile.UnknownKey(k, prefix, allowed)))
			if near, ok := suggest.Nearest(k, allowed); ok {
				broken[strings.TrimPrefix(prefix+"."+near, ".")] = true
			}
			continue
		}
		if kd == kindUncertainty {
			flattenUncertainty(f, v, leaves, errs)
			continue
		}
		if kd == kindTable {
			sub, ok := v.(map[string]any)
			if !ok {
				*errs = append(*errs, l.errorf(nil, "must be a table of keys (%s), not %s", strings.Join(childKeys(p), ", "), tomlfile.TypeName(v)))
				broken[p] = true
				continue
			}
			flatten(f, sub, p, leaves, broken, errs)
			continue
		}
		if msg := checkKind(kd, v); msg != "" {
			*errs = append(*errs, l.errorf(nil, "%s", msg))
			broken[p] = true
			continue
		}
		leaves[p] = l
	}
}

// checkKind returns what is wrong with the type of v for a key of kind kd.
func checkKind(kd kind, v any) string {
	switch kd {
	case kindString:
		if _, ok := v.(string); !ok {
			return "must be a string, not " + tomlfile.TypeName(v)
		}
	case kindInt:
		if _, ok := v.(int64); !ok {
			return "must be a whole number (a year), not " + tomlfile.TypeName(v)
		}
	case kindNumber:
		if _, ok := tomlfile.Number(v); !ok {
			return "must be a number, not " + tomlfile.TypeName(v)
		}
	case kindSeries:
		if _, ok := tomlfile.Number(v); ok {
			return ""
		}
		if _, ok := v.(map[string]any); !ok {
			return "must be a number, a table of years ({ 2019 = 6.3, 2020 = 6.1 }) or a linear path ({ linear = { 2019 = 6.3, 2024 = 5.5 } }), not " + tomlfile.TypeName(v)
		}
	}
	return ""
}
