package sensitivity

import (
	"strings"

	"simulate/model"
)

// Evaluator runs the model with a fixed list of targets changed. Each call
// of Eval starts from the base inputs, applies value x[i] to target i in
// order, and evaluates; it allocates nothing. An Evaluator is not safe for
// concurrent use: give each goroutine its own (see Clone).
//
// Changes keep the model's constraints: a factor share moved leaves TFP as
// the residual (the model computes it), a TFP weight moved rescales the
// other three in proportion so that the weights still sum to 1
// (model.Ref.Set), and a Solow input moved recomputes the growth path and
// factor split it drives (model.FillInputs). Several targets on one
// parameter compose in order.
type Evaluator struct {
	base    *model.Inputs
	in      *model.Inputs
	targets []Target
	refs    []model.Ref
	res     model.Results

	// The fast path of Apply: each target bound to the values it changes,
	// and the series to restore from the base before applying.
	bound         []boundTarget
	restore       [][2][]float64 // {in's series, base's series}
	restoreScalar [][2]*float64  // {in's scalar, base's scalar}
	weights       bool           // a weight is changed: restore in.Weight
	solow         bool           // a Solow input is changed: recompute the derived inputs
}

// boundTarget is a target resolved to the model values it changes.
type boundTarget struct {
	mode   Mode
	scale  float64   // key units per model unit
	series []float64 // per-year: the clone's series, model units
	idx    []int     // per-year: the year indices changed
	scalar *float64  // a scalar other than a weight
	ref    model.Ref // a TFP weight: set through the model, which rescales the others
	isRef  bool
}

// NewEvaluator returns an evaluator of base with the given targets. It
// returns an error if a target's path does not resolve against base. The
// evaluator reads base on every call and never writes it.
func NewEvaluator(base *model.Inputs, targets []Target) (*Evaluator, error) {
	e := &Evaluator{base: base, in: base.Clone(), targets: append([]Target(nil), targets...)}
	restored := map[*model.Param]bool{}
	for _, t := range targets {
		r, err := model.Lookup(e.in, t.Path)
		if err != nil {
			return nil, err
		}
		e.refs = append(e.refs, r)
		p := r.Param
		e.solow = e.solow || p.Solow
		b := boundTarget{mode: t.Mode, scale: p.Scale}
		switch {
		case p.PerYear:
			b.series = p.Series(e.in)
			for k := range r.Len() {
				b.idx = append(b.idx, r.YearIndex(k))
			}
			if !restored[p] {
				restored[p] = true
				e.restore = append(e.restore, [2][]float64{b.series, p.Series(base)})
			}
		case strings.HasPrefix(p.Key, "tfp.weight."):
			b.ref, b.isRef = r, true
			e.weights = true
		default:
			b.scalar = p.Scalar(e.in)
			if !restored[p] {
				restored[p] = true
				e.restoreScalar = append(e.restoreScalar, [2]*float64{b.scalar, p.Scalar(base)})
			}
		}
		e.bound = append(e.bound, b)
	}
	model.Evaluate(&e.res, e.in)
	return e, nil
}

// Clone returns an evaluator of the same base and targets with its own
// inputs and results.
func (e *Evaluator) Clone() *Evaluator {
	c, err := NewEvaluator(e.base, e.targets)
	if err != nil {
		panic("sensitivity: clone of a valid evaluator failed: " + err.Error())
	}
	return c
}

// Len returns the number of targets.
func (e *Evaluator) Len() int { return len(e.targets) }

// Targets returns the targets, in order.
func (e *Evaluator) Targets() []Target { return e.targets }

// Apply sets the evaluator's inputs to the base with x[i] applied to target
// i. It panics if len(x) differs from the number of targets.
func (e *Evaluator) Apply(x []float64) {
	if len(x) != len(e.refs) {
		panic("sensitivity: Apply with the wrong number of values")
	}
	// Only the values a target changes can differ from the base.
	for _, r := range e.restore {
		copy(r[0], r[1])
	}
	for _, r := range e.restoreScalar {
		*r[0] = *r[1]
	}
	if e.weights {
		e.in.Weight = e.base.Weight
	}
	// The arithmetic is model.Ref's, Get then Set (x·scale, apply, /scale),
	// so that results equal those of changes made through model.Ref.
	for i := range e.bound {
		b := &e.bound[i]
		v := x[i]
		switch {
		case b.series != nil:
			s, sc := b.series, b.scale
			switch b.mode {
			case Set:
				for _, k := range b.idx {
					s[k] = v / sc
				}
			case Add:
				for _, k := range b.idx {
					s[k] = (s[k]*sc + v) / sc
				}
			case Scale:
				for _, k := range b.idx {
					s[k] = (s[k] * sc * v) / sc
				}
			}
		case b.isRef:
			b.ref.Set(0, b.mode.apply(b.ref.Get(0), v))
		default:
			*b.scalar = b.mode.apply(*b.scalar*b.scale, v) / b.scale
		}
	}
	if e.solow {
		// Growth and the factor split follow from the Solow inputs, as
		// model.Ref.Set would recompute them.
		model.FillInputs(e.in, e.in.Solow)
	}
}

// Eval applies x (see Apply), evaluates the model and returns the results,
// which stay valid until the next call.
func (e *Evaluator) Eval(x []float64) *model.Results {
	e.Apply(x)
	model.Evaluate(&e.res, e.in)
	return &e.res
}

// Inputs returns the inputs of the last Apply or Eval, to check or show.
func (e *Evaluator) Inputs() *model.Inputs { return e.in }
