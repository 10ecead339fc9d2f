package cii

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"simulate/model"
)

// MaxRangePoints is the most values a range of [ParseRange] may have (that
// of package sensitivity).
const MaxRangePoints = 10001

// ParseRange reads a range of an index value as simulate sweep's --param
// writes it: PATH=LO:HI:N (set), PATH+LO:HI:N (add) or PATH*LO:HI:N
// (scale), with PATH an index key path (index.INDUSTRY.STAGE.weight, …),
// LO < HI finite numbers and N a whole number from 2 to MaxRangePoints.
// The path is checked against an index by [Lookup], not here.
func ParseRange(s string) (t model.Target, lo, hi float64, n int, err error) {
	const form = "PATH=LO:HI:N (or PATH+LO:HI:N to add, PATH*LO:HI:N to scale)"
	fail := func(format string, args ...any) (model.Target, float64, float64, int, error) {
		return model.Target{}, 0, 0, 0, fmt.Errorf("%q: "+format, append([]any{s}, args...)...)
	}
	i := strings.IndexAny(s, "=+*")
	if i < 0 {
		return fail("no =, + or *; write %s", form)
	}
	path := strings.TrimSpace(s[:i])
	if !strings.HasPrefix(path, PathPrefix) {
		return fail("%q is not an index key path: write index.INDUSTRY.STAGE.weight or …penetration_pct", path)
	}
	t = model.Target{Path: path}
	switch s[i] {
	case '+':
		t.Mode = model.Add
	case '*':
		t.Mode = model.Scale
	}
	parts := strings.Split(strings.TrimSpace(s[i+1:]), ":")
	if len(parts) != 3 {
		return fail("write a range as %s", form)
	}
	var v [2]float64
	for k := range v {
		x, err := strconv.ParseFloat(strings.TrimSpace(parts[k]), 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return fail("%q is not a finite number", parts[k])
		}
		v[k] = x
	}
	n, err = strconv.Atoi(strings.TrimSpace(parts[2]))
	if err != nil || n < 2 || n > MaxRangePoints {
		return fail("the number of points %q must be a whole number from 2 to %d", parts[2], MaxRangePoints)
	}
	if !(v[0] < v[1]) {
		return fail("LO (%s) must be less than HI (%s)", parts[0], parts[1])
	}
	return t, v[0], v[1], n, nil
}
