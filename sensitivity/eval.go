package sensitivity

import (
	"simulate/model"
)

// Evaluator runs the model with a fixed list of targets changed. Each call
// of Eval starts from the base inputs, applies value x[i] to target i in
// order, and evaluates; it allocates nothing. An Evaluator is not safe for
// concurrent use: give each goroutine its own (see Clone).
//
// Changes keep the model's constraints: a factor share moved leaves TFP as
// the residual (the model computes it), and a TFP weight moved rescales the
// other three in proportion so that the weights still sum to 1
// (model.Ref.Set). Several targets on one parameter compose in order.
type Evaluator struct {
	base    *model.Inputs
	in      *model.Inputs
	targets []Target
	refs    []model.Ref
	res     model.Results
}

// NewEvaluator returns an evaluator of base with the given targets. It
// returns an error if a target's path does not resolve against base. The
// evaluator reads base on every call and never writes it.
func NewEvaluator(base *model.Inputs, targets []Target) (*Evaluator, error) {
	e := &Evaluator{base: base, in: base.Clone(), targets: append([]Target(nil), targets...)}
	for _, t := range targets {
		r, err := model.Lookup(e.in, t.Path)
		if err != nil {
			return nil, err
		}
		e.refs = append(e.refs, r)
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
	e.in.CopyFrom(e.base)
	for i, r := range e.refs {
		m := e.targets[i].Mode
		for k := range r.Len() {
			r.Set(k, m.apply(r.Get(k), x[i]))
		}
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
