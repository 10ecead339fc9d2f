package scenarios

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

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
	History     *History          // observed years to show before the projection, or nil
	Reference   *Reference        // a published split to mark on charts, or nil

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
		return l.file.name
	}
	return fmt.Sprintf("%s:%d", l.file.name, line)
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
	name string // as shown in messages
	id   string // identity for cycle detection: absolute path or "embedded:NAME"
	dir  string // folder against which extends paths resolve
	src  []byte
	emb  bool // read from the embedded files
}

// leaf is one key with its value, as given in a file.
type leaf struct {
	key  string
	val  any
	file *file
}

// pos returns where the leaf, or a key below it, is written.
func (l *leaf) pos(below ...string) (int, int) {
	p := append(strings.Split(l.key, "."), below...)
	line, col := locate(l.file.src, p)
	if line == 0 && len(below) > 0 {
		return locate(l.file.src, strings.Split(l.key, "."))
	}
	return line, col
}

func (l *leaf) errorf(below []string, format string, args ...any) *Error {
	line, col := l.pos(below...)
	key := l.key
	if len(below) > 0 {
		key += "." + strings.Join(below, ".")
	}
	return &Error{File: l.file.name, Line: line, Col: col, Key: key, Msg: fmt.Sprintf(format, args...)}
}

// Open loads a scenario named on a command line: a path to a file when arg
// ends in ".toml" or contains a path separator or names an existing file,
// else the name of an embedded scenario.
func Open(arg string) (*Scenario, error) {
	if strings.HasSuffix(arg, ".toml") || strings.ContainsAny(arg, `/\`) {
		return Load(arg)
	}
	if st, err := os.Stat(arg); err == nil && st.Mode().IsRegular() {
		return Load(arg)
	}
	return LoadEmbedded(arg)
}

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
	return load(&file{name: name, id: "parse:" + name, dir: ".", src: src})
}

// MaxFileSize is the largest scenario file read: far above any real
// scenario, it keeps a wrong path (a log, a device) from exhausting memory.
const MaxFileSize = 1 << 20

func readFile(p string) (*file, error) {
	src, err := readLimited(p)
	if err != nil {
		return nil, fmt.Errorf("scenario %s: %w", p, err)
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		abs = p
	}
	return &file{name: p, id: abs, dir: filepath.Dir(p), src: src}, nil
}

// readLimited reads the regular file at p, refusing anything else (a
// folder, a device, a pipe) and files over MaxFileSize.
func readLimited(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file")
	}
	if st.Size() > MaxFileSize {
		return nil, fmt.Errorf("%d bytes is larger than the %d bytes a scenario may have", st.Size(), MaxFileSize)
	}
	src, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if len(src) > MaxFileSize {
		return nil, fmt.Errorf("larger than the %d bytes a scenario may have", MaxFileSize)
	}
	return src, nil
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func readEmbedded(name string) (*file, error) {
	src, err := fs.ReadFile(embedded, name+".toml")
	if err != nil || CheckName(name) != nil {
		return nil, fmt.Errorf("no embedded scenario %q (embedded: %s); to load a file, give its path ending in .toml", name, strings.Join(Names(), ", "))
	}
	return &file{name: "embedded:" + name + ".toml", id: "embedded:" + name, src: src, emb: true}, nil
}

func load(f *file) (*Scenario, error) {
	leaves, chain, err := resolve(f, nil)
	if err != nil {
		return nil, err
	}
	s, errs := build(f, leaves)
	if len(errs) > 0 {
		sortErrors(errs)
		return nil, errs
	}
	s.Chain = chain
	return s, nil
}

// resolve decodes f and the scenarios it extends, and returns the merged
// leaves: the keys f gives override those of the scenario it extends.
// stack holds the files extending f, to detect a cycle.
func resolve(f *file, stack []*file) (map[string]*leaf, []string, error) {
	for i, g := range stack {
		if g.id == f.id {
			var names []string
			for _, h := range append(stack[i:], f) {
				names = append(names, h.name)
			}
			return nil, nil, &Error{File: f.name, Key: "extends", Msg: "extends forms a cycle: " + strings.Join(names, " → ")}
		}
	}
	own, errs := decode(f)
	if len(errs) > 0 {
		sortErrors(errs)
		return nil, nil, errs
	}
	ext, ok := own["extends"]
	if !ok {
		return own, []string{f.name}, nil
	}
	delete(own, "extends")
	target := ext.val.(string)
	var base *file
	var err error
	switch {
	case strings.HasSuffix(target, ".toml") || strings.ContainsAny(target, `/\`):
		if f.emb {
			base, err = readEmbeddedPath(path.Join(f.dir, target))
		} else {
			p := filepath.FromSlash(target)
			if !filepath.IsAbs(p) {
				p = filepath.Join(f.dir, p)
			}
			base, err = readFile(p)
		}
	default:
		base, err = readEmbedded(target)
	}
	if err != nil {
		return nil, nil, ext.errorf(nil, "%v", err)
	}
	merged, chain, err := resolve(base, append(stack, f))
	if err != nil {
		return nil, nil, err
	}
	delete(merged, "name") // a name is never inherited
	for k, l := range own {
		merged[k] = l
	}
	return merged, append([]string{f.name}, chain...), nil
}

func readEmbeddedPath(p string) (*file, error) {
	src, err := fs.ReadFile(embedded, p)
	if err != nil {
		return nil, fmt.Errorf("no embedded scenario file %q", p)
	}
	return &file{name: "embedded:" + p, id: "embedded:" + strings.TrimSuffix(p, ".toml"), dir: path.Dir(p), src: src, emb: true}, nil
}

// decode parses the TOML of f and checks every key against the schema.
func decode(f *file) (leaves map[string]*leaf, errs Errors) {
	var raw map[string]any
	if err := safeDecode(f.src, &raw); err != nil {
		return nil, Errors{tomlError(f, err)}
	}
	leaves = map[string]*leaf{}
	flatten(f, raw, "", leaves, &errs)
	return leaves, errs
}

// DecodeTOML decodes src into a generic table the way scenario files are
// decoded: a panic inside the decoder becomes an error, and a syntax error
// becomes an *Error with the line and column the decoder gives. name is
// the file as shown in messages.
func DecodeTOML(name string, src []byte) (map[string]any, error) {
	var raw map[string]any
	if err := safeDecode(src, &raw); err != nil {
		return nil, tomlError(&file{name: name}, err)
	}
	return raw, nil
}

// safeDecode runs the TOML decoder, turning a panic inside it (a decoder
// bug on odd input) into an error.
func safeDecode(src []byte, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the TOML decoder failed on this input: %v", r)
		}
	}()
	_, err = toml.Decode(string(src), v)
	return err
}

// tomlError turns a decoder error into an *Error with the position the
// decoder gives. It reads ParseError's fields rather than calling
// ErrorWithPosition, which has panicked on some inputs (CRLF line endings).
func tomlError(f *file, err error) *Error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		msg := pe.Message
		if pe.Usage != "" {
			msg += " (" + strings.TrimSpace(pe.Usage) + ")"
		}
		return &Error{File: f.name, Line: pe.Position.Line, Col: pe.Position.Col, Key: pe.LastKey, Msg: "TOML syntax: " + msg}
	}
	return &Error{File: f.name, Msg: err.Error()}
}

// flatten walks a decoded table, checking keys against the schema, and
// stores every value key in leaves.
func flatten(f *file, table map[string]any, prefix string, leaves map[string]*leaf, errs *Errors) {
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
			where := "at the top level"
			if prefix != "" {
				where = "in [" + prefix + "]"
			}
			*errs = append(*errs, l.errorf(nil, "unknown key %q %s%s", k, where, suggest(k, childKeys(prefix))))
			continue
		}
		if kd == kindUncertainty {
			flattenUncertainty(f, v, leaves, errs)
			continue
		}
		if kd == kindTable {
			sub, ok := v.(map[string]any)
			if !ok {
				*errs = append(*errs, l.errorf(nil, "must be a table of keys (%s), not %s", strings.Join(childKeys(p), ", "), typeName(v)))
				continue
			}
			flatten(f, sub, p, leaves, errs)
			continue
		}
		if msg := checkKind(kd, v); msg != "" {
			*errs = append(*errs, l.errorf(nil, "%s", msg))
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
			return "must be a string, not " + typeName(v)
		}
	case kindInt:
		if _, ok := v.(int64); !ok {
			return "must be a whole number (a year), not " + typeName(v)
		}
	case kindNumber:
		if _, ok := number(v); !ok {
			return "must be a number, not " + typeName(v)
		}
	case kindSeries:
		if _, ok := number(v); ok {
			return ""
		}
		if _, ok := v.(map[string]any); !ok {
			return "must be a number, a table of years ({ 2019 = 6.3, 2020 = 6.1 }) or a linear path ({ linear = { 2019 = 6.3, 2024 = 5.5 } }), not " + typeName(v)
		}
	}
	return ""
}

// Number returns a decoded TOML value as a float64 when it is a number
// (integer or float). Other readers of TOML files (calibration specs) use it
// so that they accept numbers as scenarios do.
func Number(v any) (float64, bool) { return number(v) }

func number(v any) (float64, bool) {
	switch x := v.(type) {
	case int64:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}

// TypeName describes the type of a decoded TOML value for a message: "a
// string", "an integer", "a table", ….
func TypeName(v any) string { return typeName(v) }

func typeName(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a float"
	case bool:
		return "a boolean"
	case map[string]any:
		return "a table"
	case []map[string]any:
		return "an array of tables"
	case []any:
		return "an array"
	}
	return fmt.Sprintf("a %T", v)
}

func sortErrors(errs Errors) {
	sort.SliceStable(errs, func(i, j int) bool {
		a, b := errs[i], errs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// finite reports whether v is neither NaN nor infinite.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
