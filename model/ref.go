package model

import (
	"fmt"
	"strconv"
	"strings"

	"simulate/internal/suggest"
)

// PathError is a key path that does not resolve against an Inputs value:
// an unknown parameter, a malformed or out-of-span year, or a parameter the
// inputs do not have. [Lookup] and the functions built on it return it.
type PathError struct {
	Path string // the key path as given, e.g. "gdp.growth_pct[2030]"
	Key  string // the parameter key of Path, e.g. "gdp.growth_pct"
	Year int    // the year Path addresses, or 0
	Msg  string // what is wrong, as shown to a user; it names Path or Key
}

// Error returns Msg prefixed with "model: ".
func (e *PathError) Error() string { return "model: " + e.Msg }

// Ref is a reference to the model values behind a key path, either for every
// year the parameter applies to or for one year, bound to one Inputs value
// (to its slices: Ref does not follow a slice of the Inputs that is
// replaced after Lookup). Get, Set and Apply work in the key's units and
// allocate nothing.
type Ref struct {
	Param *Param
	Year  int // the one year addressed, or 0 for every applicable year

	in      *Inputs
	series  []float64 // per-year: the values of Param in in, model units
	scalar  *float64  // scalar: the value of Param in in, model units
	indices []int     // per-year: the year indices addressed
}

// Lookup resolves a key path such as "capital.ict_share" or
// "gdp.growth_pct[2024]" against in. The error is a *[PathError].
func Lookup(in *Inputs, path string) (Ref, error) {
	key, year := path, 0
	fail := func(format string, args ...any) (Ref, error) {
		return Ref{}, &PathError{Path: path, Key: key, Year: year, Msg: fmt.Sprintf(format, args...)}
	}
	if i := strings.IndexByte(path, '['); i >= 0 {
		key = path[:i]
		if !strings.HasSuffix(path, "]") {
			return fail("%q: a year index is written key[YEAR]", path)
		}
		y, err := strconv.Atoi(path[i+1 : len(path)-1])
		if err != nil {
			return fail("%q: %q is not a year", path, path[i+1:len(path)-1])
		}
		year = y
	}
	p, ok := LookupParam(key)
	switch {
	case !ok:
		if hint := suggest.DidYouMean(key, Keys()); hint != "" {
			return fail("unknown parameter %q%s", key, hint)
		}
		return fail("unknown parameter %q (see the parameter list)", key)
	case !p.Active(in) && p.index:
		return fail("%q: only scenarios that drive θ from an index path ([cii]) have the index inputs", path)
	case !p.Active(in) && in.Solow != nil:
		return fail("%q: the scenario does not split capital into ICT and non-ICT stocks", path)
	case !p.Active(in):
		return fail("%q: only scenarios in mode \"solow\" have Solow inputs", path)
	case p.Derived(in) && p.theta:
		return fail("%q: θ is computed from the index path in this scenario (θ_d = κ_d·I/100); address cii.kappa.* and cii.index_pts instead", path)
	case p.Derived(in):
		return fail("%q: the Solow model computes %s in this scenario; address its solow.* inputs instead", path, key)
	}
	if d := p.weight - 1; d >= 0 && in.WeightRule.IsResidual(Dimension(d)) {
		return fail("%q is the residual weight (tfp.weight_residual = %q): it is 1 minus the other three weights; change those instead", path, Dimension(d))
	}
	r := Ref{Param: p, Year: year, in: in}
	if !p.PerYear {
		if year != 0 {
			return fail("%q: %s is one value for the whole span, not per year", path, key)
		}
		r.scalar = p.scalar(in)
		return r, nil
	}
	first, n := p.Years(in)
	if year != 0 && (year < first || year >= first+n) {
		return fail("%q: year %d is outside %d–%d, the years of %s", path, year, first, first+n-1, key)
	}
	for i := range n {
		if (year == 0 || first+i == year) && p.Applies(in, i) {
			r.indices = append(r.indices, i)
		}
	}
	if len(r.indices) == 0 {
		return fail("%q: no year of the scenario gives its factor split in the %s form", path, p.Form)
	}
	r.series = p.series(in)
	return r, nil
}

// Len returns the number of values addressed: 1 for a scalar.
func (r Ref) Len() int {
	if r.series == nil {
		return 1
	}
	return len(r.indices)
}

// YearIndex returns the year index of the k-th value addressed: 0 for the
// first projected year, or for a FromBase parameter for the base year. It
// panics for a scalar.
func (r Ref) YearIndex(k int) int { return r.indices[k] }

// Get returns the k-th value addressed, in key units.
func (r Ref) Get(k int) float64 {
	if r.series == nil {
		return r.Param.FromModel(*r.scalar)
	}
	return r.Param.FromModel(r.series[r.indices[k]])
}

// Set sets the k-th value addressed, given in key units. Setting one TFP
// dimension weight changes the others as the inputs' [WeightRule] says (the
// residual dimension absorbs the change, or the other three are rescaled in
// proportion), so that the weights keep summing to 1. Setting a Solow input
// recomputes the inputs the Solow model derives ([FillInputs]); setting an
// input of the index link recomputes θ ([FillIndex]).
func (r Ref) Set(k int, v float64) { r.Apply(k, Set, v) }

// Apply changes the k-th value addressed by v in mode m (v in key units,
// or a factor for Scale), as Set does.
func (r Ref) Apply(k int, m Mode, v float64) {
	r.set(k, m, v)
	if r.Param.Solow {
		r.in.fillSolow()
	}
	if r.Param.index {
		FillIndex(r.in)
	}
}

// set changes the k-th value addressed by v in mode m without recomputing
// the Solow model. The arithmetic, x·Scale changed by v then /Scale, is the
// one every change of a value goes through.
func (r *Ref) set(k int, m Mode, v float64) {
	p := r.Param
	if r.series != nil {
		i := r.indices[k]
		r.series[i] = p.ToModel(m.apply(p.FromModel(r.series[i]), v))
		return
	}
	x := p.ToModel(m.apply(p.FromModel(*r.scalar), v))
	if d := p.weight - 1; d >= 0 {
		setWeight(&r.in.Weight, d, x, r.in.WeightRule)
		return
	}
	*r.scalar = x
}

// setAll changes every value addressed by v in mode m without recomputing
// the Solow model: set for each value, with the mode chosen once (this is
// the inner loop of Binding.Apply).
func (r *Ref) setAll(m Mode, v float64) {
	if r.series == nil {
		r.set(0, m, v)
		return
	}
	p, s := r.Param, r.series
	switch m {
	case Set:
		x := p.ToModel(v)
		for _, i := range r.indices {
			s[i] = x
		}
	case Add:
		for _, i := range r.indices {
			s[i] = p.ToModel(p.FromModel(s[i]) + v)
		}
	case Scale:
		for _, i := range r.indices {
			s[i] = p.ToModel(Scale.apply(p.FromModel(s[i]), v)) // zero stays zero, as in set
		}
	}
}

// fillSolow recomputes the inputs the Solow model derives, if in has a
// Solow part.
func (in *Inputs) fillSolow() {
	if in.Solow != nil {
		FillInputs(in, in.Solow)
	}
}

// setWeight sets w[k] to v and changes the other weights so that Σ w = 1
// still holds, by rule: the residual dimension absorbs the change, or the
// others are rescaled in proportion (when they are all zero they share 1−v
// equally).
func setWeight(w *[NumDimensions]float64, k int, v float64, rule WeightRule) {
	if rule.Residual && int(rule.Dimension) != k {
		w[rule.Dimension] -= v - w[k]
		w[k] = v
		return
	}
	var others float64
	for d := range w {
		if d != k {
			others += w[d]
		}
	}
	f := (1 - v) / others // the factor of the others, once (Go does not hoist it)
	for d := range w {
		switch {
		case d == k:
			w[d] = v
		case others > 0:
			w[d] *= f
		default:
			w[d] = (1 - v) / (NumDimensions - 1)
		}
	}
}
