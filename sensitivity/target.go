package sensitivity

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"simulate/model"
)

// Mode is how a value changes a parameter: x is the parameter's current
// value (key units) and v the value applied.
type Mode int

const (
	Set   Mode = iota // x ← v
	Add               // x ← x + v (v in the key's units: pp for a % key)
	Scale             // x ← x · v (v is a factor)
)

var modeNames = [...]string{"set", "add", "scale"}
var modeOps = [...]string{"=", "+", "*"}

// String returns "set", "add" or "scale": the spelling of the apply key of
// the uncertainty table.
func (m Mode) String() string {
	if m < 0 || int(m) >= len(modeNames) {
		return fmt.Sprintf("Mode(%d)", int(m))
	}
	return modeNames[m]
}

// ParseMode reads "set", "add" or "scale".
func ParseMode(s string) (Mode, bool) {
	for m, n := range modeNames {
		if n == s {
			return Mode(m), true
		}
	}
	return 0, false
}

// apply returns x changed by v in mode m.
func (m Mode) apply(x, v float64) float64 {
	switch m {
	case Add:
		return x + v
	case Scale:
		return x * v
	}
	return v
}

// Target is what a value changes: the parameter at Path (a key path with an
// optional year, "gdp.growth_pct" or "gdp.growth_pct[2024]") in mode Mode.
// A path without a year changes every year the parameter applies to by the
// same value.
type Target struct {
	Path string
	Mode Mode
}

// Label returns the target as written on a command line without its value,
// and as used in output columns: "capital.ict_share" (set),
// "gdp.growth_pct+" (add) or "capital.ict_share*" (scale).
func (t Target) Label() string {
	if t.Mode == Set {
		return t.Path
	}
	return t.Path + modeOps[t.Mode]
}

// Check returns an error unless the path names a parameter of in (and, with
// a year, a year of its span that the parameter applies to).
func (t Target) Check(in *model.Inputs) error {
	_, err := model.Lookup(in, t.Path)
	return err
}

// Change is a target with the value applied: "capital.ict_share=0.2",
// "gdp.growth_pct+0.5", "capital.ict_share*1.1".
type Change struct {
	Target
	Value float64
}

// String returns the change as ParseChange reads it.
func (c Change) String() string {
	return c.Path + modeOps[c.Mode] + strconv.FormatFloat(c.Value, 'g', -1, 64)
}

// ParseChange reads a change written PATH=V (set), PATH+V (add) or PATH*V
// (scale). The path is checked against a scenario by Target.Check, not here.
func ParseChange(s string) (Change, error) {
	t, rest, err := splitTarget(s, "PATH=V, PATH+V or PATH*V")
	if err != nil {
		return Change{}, err
	}
	v, err := parseNumber(s, rest)
	if err != nil {
		return Change{}, err
	}
	return Change{Target: t, Value: v}, nil
}

// Range is a target with evenly spaced values Lo … Hi, N of them (N ≥ 2):
// "capital.ict_share=0.05:0.3:26".
type Range struct {
	Target
	Lo, Hi float64
	N      int
}

// MaxRangePoints is the most values a Range may have.
const MaxRangePoints = 10001

// Values returns the N values of r, the first exactly Lo and the last
// exactly Hi.
func (r Range) Values() []float64 {
	v := make([]float64, r.N)
	for i := range v {
		v[i] = r.Lo + (r.Hi-r.Lo)*float64(i)/float64(r.N-1)
	}
	v[r.N-1] = r.Hi
	return v
}

// ParseRange reads a range written PATH=LO:HI:N, PATH+LO:HI:N or
// PATH*LO:HI:N.
func ParseRange(s string) (Range, error) {
	const form = "PATH=LO:HI:N (or PATH+LO:HI:N to add, PATH*LO:HI:N to scale)"
	t, rest, err := splitTarget(s, form)
	if err != nil {
		return Range{}, err
	}
	parts := strings.Split(rest, ":")
	if len(parts) != 3 {
		return Range{}, fmt.Errorf("%q: write a range as %s", s, form)
	}
	lo, err := parseNumber(s, parts[0])
	if err != nil {
		return Range{}, err
	}
	hi, err := parseNumber(s, parts[1])
	if err != nil {
		return Range{}, err
	}
	n, err := strconv.Atoi(parts[2])
	if err != nil || n < 2 || n > MaxRangePoints {
		return Range{}, fmt.Errorf("%q: the number of points %q must be a whole number from 2 to %d", s, parts[2], MaxRangePoints)
	}
	if !(lo < hi) {
		return Range{}, fmt.Errorf("%q: LO (%s) must be less than HI (%s)", s, parts[0], parts[1])
	}
	return Range{Target: t, Lo: lo, Hi: hi, N: n}, nil
}

// splitTarget splits s at its first operator (=, +, *) into the target and
// the text after the operator.
func splitTarget(s, form string) (Target, string, error) {
	i := strings.IndexAny(s, "=+*")
	if i < 0 {
		return Target{}, "", fmt.Errorf("%q: no =, + or *; write %s", s, form)
	}
	path := strings.TrimSpace(s[:i])
	if path == "" {
		return Target{}, "", fmt.Errorf("%q: no parameter before %q; write %s", s, s[i:i+1], form)
	}
	key, _, _ := strings.Cut(path, "[")
	if _, ok := model.LookupParam(key); !ok {
		return Target{}, "", fmt.Errorf("%q: unknown parameter %q (simulate params lists them)", s, key)
	}
	return Target{Path: path, Mode: Mode(strings.IndexByte("=+*", s[i]))}, strings.TrimSpace(s[i+1:]), nil
}

func parseNumber(s, v string) (float64, error) {
	x, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, fmt.Errorf("%q: %q is not a finite number", s, v)
	}
	return x, nil
}
