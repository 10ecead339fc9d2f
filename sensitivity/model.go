package sensitivity

import (
	"errors"

	"simulate/metrics"
	"simulate/model"
	"simulate/uncertain"
)

// Model is what the Monte Carlo and Sobol engines evaluate: a function of
// the values of its uncertain inputs (one value each, in the order of the
// engine's list of inputs) to the values of its outputs. The engines know
// nothing else of it, so that they run any model that can say this:
// [InputsModel] runs the growth-accounting model of package model and reads
// metrics of package metrics.
type Model interface {
	// Outputs returns the number of outputs.
	Outputs() int
	// NewRunner returns a Runner for one goroutine.
	NewRunner() Runner
}

// Runner evaluates a Model. A Runner is not safe for concurrent use.
type Runner interface {
	// Run sets dst[j] to output j of the model with input i at x[i]. It
	// should allocate nothing: it is the inner loop of the engines.
	Run(dst, x []float64)
}

// InputsModel is the Model of uncertain inputs of model.Inputs: each input
// (plain or grouped) changes its targets by the value it is given, applied
// to the base in the order of uncertain.Steps, and the outputs are metrics
// read from the results.
type InputsModel struct {
	base    *model.Inputs
	targets []model.Target
	input   []int // input[j]: the input whose value target j takes
	plain   bool  // input[j] = j: no group, one target per input
	metrics []metrics.Metric
	readers []metrics.Reader
	proto   *Evaluator
	k       int
}

// NewInputsModel returns the model of base with the uncertain inputs unc
// and the metrics ms as outputs. It returns an error, a *model.PathError,
// if a key path does not resolve against base, and the error of
// metrics.Metric.Check if a metric cannot be read from base's span.
func NewInputsModel(base *model.Inputs, unc []uncertain.Input, ms []metrics.Metric) (*InputsModel, error) {
	if len(ms) == 0 {
		return nil, errors.New("sensitivity: no metric")
	}
	for _, m := range ms {
		if err := m.Check(base.FirstYear(), base.LastYear()); err != nil {
			return nil, err
		}
	}
	m := &InputsModel{base: base, metrics: ms, k: len(unc)}
	for _, met := range ms {
		m.readers = append(m.readers, met.Reader(base.FirstYear()))
	}
	for _, s := range uncertain.Steps(unc) {
		m.targets = append(m.targets, s.Target)
		m.input = append(m.input, s.Input)
	}
	m.plain = len(m.input) == len(unc)
	for j, i := range m.input {
		m.plain = m.plain && i == j
	}
	ev, err := NewEvaluator(base, m.targets)
	if err != nil {
		return nil, err
	}
	m.proto = ev
	return m, nil
}

// Outputs returns the number of metrics.
func (m *InputsModel) Outputs() int { return len(m.metrics) }

// NewRunner returns a runner with its own copy of the inputs.
func (m *InputsModel) NewRunner() Runner { return m.newRunner() }

func (m *InputsModel) newRunner() *inputsRunner {
	return &inputsRunner{m: m, ev: m.proto.Clone(), xt: make([]float64, len(m.targets))}
}

type inputsRunner struct {
	m  *InputsModel
	ev *Evaluator
	xt []float64 // the value of each target
}

// Apply sets the runner's inputs to the base with x applied.
func (r *inputsRunner) apply(x []float64) {
	if len(x) != r.m.k {
		panic("sensitivity: Run with the wrong number of inputs")
	}
	if r.m.plain {
		r.ev.Apply(x)
		return
	}
	for j, i := range r.m.input {
		r.xt[j] = x[i]
	}
	r.ev.Apply(r.xt)
}

func (r *inputsRunner) Run(dst, x []float64) {
	r.apply(x)
	res := r.ev.evaluate()
	for j, rd := range r.m.readers {
		dst[j] = rd.Value(res)
	}
}
