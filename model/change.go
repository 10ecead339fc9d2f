package model

import "fmt"

// Mode is how a value v changes a parameter whose current value is x (key
// units).
type Mode int

const (
	Set   Mode = iota // x ← v
	Add               // x ← x + v (v in the key's units: pp for a % key)
	Scale             // x ← x · v (v is a factor)

	NumModes = 3
)

var modeNames = [...]string{"set", "add", "scale"}
var modeOps = [...]string{"=", "+", "*"}

// String returns "set", "add" or "scale": the spelling of the apply key of
// a scenario's uncertainty table.
func (m Mode) String() string {
	if m < 0 || int(m) >= len(modeNames) {
		return fmt.Sprintf("Mode(%d)", int(m))
	}
	return modeNames[m]
}

// Op returns "=", "+" or "*": the operator of a change written PATH=V,
// PATH+V or PATH*V.
func (m Mode) Op() string { return modeOps[m] }

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
		if x == 0 { // zero stays zero, whatever the factor (0·∞ is NaN)
			return 0
		}
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

// Label returns the target as written in a change without its value, and
// as used in output columns: "capital.ict_share" (set), "gdp.growth_pct+"
// (add) or "capital.ict_share*" (scale).
func (t Target) Label() string {
	if t.Mode == Set {
		return t.Path
	}
	return t.Path + t.Mode.Op()
}

// Check returns an error, a *[PathError], unless the path names a parameter
// of in (and, with a year, a year of its span that the parameter applies
// to).
func (t Target) Check(in *Inputs) error {
	_, err := Lookup(in, t.Path)
	return err
}

// Binding ties a list of targets to a working copy of base inputs, to apply
// values to them again and again, each time starting from the base: the
// inner loop of the sensitivity tools. A Binding is not safe for
// concurrent use: give each goroutine its own (see Clone).
type Binding struct {
	base, in *Inputs
	targets  []Target
	refs     []Ref // targets resolved against in

	// What Apply restores from the base: only the values a target changes
	// can differ from it, and not those the first target of their
	// parameter sets anew.
	series  [][2][]float64 // {in's series, base's series}
	scalars [][2]*float64  // {in's scalar, base's scalar}
	weights bool           // a weight is changed: every weight may move
	solow   bool           // a Solow input is changed: recompute the derived inputs
	index   bool           // an input of the index link is changed: recompute θ
}

// Bind returns a binding of targets to a copy of base. The error, a
// *[PathError], names the first target whose path does not resolve
// against base. The binding reads base on every Apply and never writes it.
// Like Evaluate, it panics if the per-year slices of base differ in length.
func Bind(base *Inputs, targets []Target) (*Binding, error) {
	base.checkLengths()
	b := &Binding{base: base, in: base.Clone(), targets: append([]Target(nil), targets...)}
	restored := map[*Param]bool{}
	for _, t := range targets {
		r, err := Lookup(b.in, t.Path)
		if err != nil {
			return nil, err
		}
		b.refs = append(b.refs, r)
		p := r.Param
		b.solow = b.solow || p.Solow
		b.index = b.index || p.index
		switch {
		case p.IsWeight():
			b.weights = true
		case restored[p]:
		case t.Mode == Set && r.Year == 0:
			// The first change of p sets every value it applies to:
			// nothing of an earlier Apply survives, nothing to restore.
		case p.PerYear:
			b.series = append(b.series, [2][]float64{r.series, p.Series(base)})
		default:
			b.scalars = append(b.scalars, [2]*float64{r.scalar, p.Scalar(base)})
		}
		restored[p] = true
	}
	return b, nil
}

// Clone returns a binding of the same base and targets with its own copy of
// the inputs.
func (b *Binding) Clone() *Binding {
	c, err := Bind(b.base, b.targets)
	if err != nil {
		panic("model: clone of a valid binding failed: " + err.Error())
	}
	return c
}

// Apply sets the bound inputs to the base with x[i] applied to target i in
// its mode, in order, as [Ref.Apply] would, and recomputes what the Solow
// model and the index link derive once at the end. Several targets on one parameter compose
// in order. It allocates nothing. It panics if len(x) differs from the
// number of targets.
func (b *Binding) Apply(x []float64) {
	if len(x) != len(b.refs) {
		panic("model: Binding.Apply with the wrong number of values")
	}
	for _, s := range b.series {
		copy(s[0], s[1])
	}
	for _, s := range b.scalars {
		*s[0] = *s[1]
	}
	if b.weights {
		b.in.Weight = b.base.Weight
	}
	for i := range b.refs {
		b.refs[i].setAll(b.targets[i].Mode, x[i])
	}
	if b.solow {
		b.in.fillSolow()
	}
	if b.index {
		FillIndex(b.in)
	}
}

// Evaluate evaluates the bound inputs into dst, as [Evaluate] does. It
// does not check their lengths again: Bind did, and Apply never changes
// them.
func (b *Binding) Evaluate(dst *Results) { evaluate(dst, b.in) }

// Inputs returns the bound inputs: the base with the values of the last
// Apply.
func (b *Binding) Inputs() *Inputs { return b.in }
