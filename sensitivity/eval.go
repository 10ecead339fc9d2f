package sensitivity

import "simulate/model"

// Evaluator runs the model with a fixed list of targets changed. Each call
// of Eval starts from the base inputs, applies value x[i] to target i in
// order, and evaluates; it allocates nothing. An Evaluator is not safe for
// concurrent use: give each goroutine its own (see Clone).
//
// The changes are the model's (model.Binding): a factor share moved leaves
// TFP as the residual, a TFP weight moved rescales the other three in
// proportion so that the weights still sum to 1, and a Solow input moved
// recomputes the growth path and factor split it drives. Several targets
// on one parameter compose in order.
type Evaluator struct {
	b   *model.Binding
	res model.Results
}

// NewEvaluator returns an evaluator of base with the given targets. It
// returns an error, a *model.PathError, if a target's path does not resolve
// against base. The evaluator reads base on every call and never writes it.
func NewEvaluator(base *model.Inputs, targets []model.Target) (*Evaluator, error) {
	b, err := model.Bind(base, targets)
	if err != nil {
		return nil, err
	}
	return newEvaluator(b), nil
}

func newEvaluator(b *model.Binding) *Evaluator {
	e := &Evaluator{b: b}
	b.Evaluate(&e.res) // sizes the results: Eval allocates nothing
	return e
}

// Clone returns an evaluator of the same base and targets with its own
// inputs and results.
func (e *Evaluator) Clone() *Evaluator { return newEvaluator(e.b.Clone()) }

// Apply sets the evaluator's inputs to the base with x[i] applied to target
// i. It panics if len(x) differs from the number of targets.
func (e *Evaluator) Apply(x []float64) { e.b.Apply(x) }

// Eval applies x (see Apply), evaluates the model and returns the results,
// which stay valid until the next call.
func (e *Evaluator) Eval(x []float64) *model.Results {
	e.b.Apply(x)
	return e.evaluate()
}

// evaluate evaluates the inputs of the last Apply.
func (e *Evaluator) evaluate() *model.Results {
	e.b.Evaluate(&e.res)
	return &e.res
}

// Inputs returns the inputs of the last Apply or Eval, to check or show.
func (e *Evaluator) Inputs() *model.Inputs { return e.b.Inputs() }
