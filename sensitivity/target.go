package sensitivity

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"simulate/internal/suggest"
	"simulate/model"
)

// Change is a target with the value applied: "capital.ict_share=0.2",
// "gdp.growth_pct+0.5", "capital.ict_share*1.1".
type Change struct {
	model.Target
	Value float64
}

// String returns the change as ParseChange reads it.
func (c Change) String() string {
	return c.Path + c.Mode.Op() + strconv.FormatFloat(c.Value, 'g', -1, 64)
}

// ParseChange reads a change written PATH=V (set), PATH+V (add) or PATH*V
// (scale). The path is checked against a scenario by model.Target.Check, not
// here.
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
	model.Target
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
func splitTarget(s, form string) (model.Target, string, error) {
	i := strings.IndexAny(s, "=+*")
	if i < 0 {
		return model.Target{}, "", fmt.Errorf("%q: no =, + or *; write %s", s, form)
	}
	path := strings.TrimSpace(s[:i])
	if path == "" {
		return model.Target{}, "", fmt.Errorf("%q: no parameter before %q; write %s", s, s[i:i+1], form)
	}
	key, _, _ := strings.Cut(path, "[")
	if _, ok := model.LookupParam(key); !ok {
		return model.Target{}, "", fmt.Errorf("%q: unknown parameter %q%s (simulate params lists them)", s, key, suggest.DidYouMean(key, model.Keys()))
	}
	t := model.Target{Path: path}
	for m := range model.Mode(model.NumModes) {
		if m.Op()[0] == s[i] {
			t.Mode = m
		}
	}
	return t, strings.TrimSpace(s[i+1:]), nil
}

func parseNumber(s, v string) (float64, error) {
	x, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, fmt.Errorf("%q: %q is not a finite number", s, v)
	}
	return x, nil
}
