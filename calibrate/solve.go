package calibrate

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize"

	"simulate/model"
)

// Fit is the outcome of a calibration: the calibrated inputs, how well they
// meet each target, and what is wrong with the fit, if anything.
type Fit struct {
	Spec    *Spec
	Inputs  *model.Inputs // the start scenario's inputs with the calibrated values
	Results model.Results // the model evaluated at Inputs
	Values  []Value       // every free value, in the order of Spec.Free
	Targets []TargetFit   // in the order of Spec.Targets
	Stats   Stats
	Issues  []Issue // empty when every value is identified and every target met

	dep [][]bool // dep[i][j]: target i depends on free value j
}

// Value is one free value of the fit.
type Value struct {
	Free  *Free
	Knot  int     // index into Free.Knots; 0 for a constant
	Name  string  // e.g. "theta[2019]"
	Value float64 // calibrated value, key units
	// Identified reports that some weighted target depends on the value
	// and that the targets fix it (it is not in a direction the targets
	// cannot see).
	Identified bool
	AtBound    bool // the value ended on Free.Min or Free.Max
}

// TargetFit is one target with its fitted value.
type TargetFit struct {
	*Target
	Fitted   float64 // the metric at the calibrated inputs
	Residual float64 // Fitted − Value, in the metric's unit
	Within   bool    // Fitted rounds to Value (always true without a precision)
	Moved    bool    // some free value moves this metric
}

// Stats measure the work of a calibration.
type Stats struct {
	Blocks           int // independent sub-problems solved one after the other
	Iterations       int // major iterations of the optimiser, over all blocks
	FuncEvaluations  int // objective evaluations requested by the optimiser
	GradEvaluations  int // gradient evaluations requested by the optimiser
	ModelEvaluations int // model evaluations in all: objective, finite differences, diagnostics
	Runtime          time.Duration
}

// IssueKind classifies what is wrong with a fit.
type IssueKind uint8

const (
	// NotIdentified: free values that no target depends on, or that the
	// targets fix only in combination.
	NotIdentified IssueKind = iota
	// Underdetermined: more free values than weighted targets.
	Underdetermined
	// Missed: a target the best fit does not reproduce to its precision.
	Missed
	// Invalid: the calibrated inputs break a constraint of the model.
	Invalid
)

var issueNames = [...]string{"not identified", "under-determined", "missed", "invalid"}

func (k IssueKind) String() string {
	if int(k) < len(issueNames) {
		return issueNames[k]
	}
	return fmt.Sprintf("IssueKind(%d)", int(k))
}

// Issue is one problem of a fit.
type Issue struct {
	Kind IssueKind
	Msg  string
}

func (i Issue) String() string { return i.Kind.String() + ": " + i.Msg }

// FitError is the error [Fit.Err] returns: the issues of a fit.
type FitError struct {
	Spec   string // the spec's name
	Issues []Issue
}

func (e *FitError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "calibration %s: the best fit is not usable (%d problem%s):", e.Spec, len(e.Issues), plural(len(e.Issues)))
	for _, i := range e.Issues {
		b.WriteString("\n  " + i.String())
	}
	return b.String()
}

// Err returns nil when the fit has no issues, else a *FitError listing
// them.
func (f *Fit) Err() error {
	if len(f.Issues) == 0 {
		return nil
	}
	return &FitError{Spec: f.Spec.Name, Issues: f.Issues}
}

// Settings of the optimiser. The objective is a weighted sum of squares
// measured in half-precisions, so that 1 is the edge of a printed digit.
const (
	// convergeAbs and convergeRel: the search ends when two major
	// iterations in a row lower the objective by less than
	// convergeRel·f + convergeAbs. An objective of 1e-18 puts every
	// weighted residual near 1e-9 half-precisions, far below any printed
	// digit and near float64 noise.
	convergeAbs = 1e-18
	convergeRel = 1e-12
	// maxIterations bounds the major iterations of one block.
	maxIterations = 500
	// probeStep is the step, as a fraction of a value's bounds, by which
	// dependencies are probed; a metric that changes by no more than
	// probeTol relative under it does not depend on the value. Rounding
	// moves a metric that does not depend on the value by a few 1e-16
	// (s_t = II_t/ΔY_t, with shares of growth fixed, is one); a real
	// dependence moves it by far more than 1e-11 over a thousandth of the
	// bounds.
	probeStep = 1e-3
	probeTol  = 1e-11
	// rankTol: singular values of the scaled Jacobian below rankTol times
	// the largest mark directions the targets do not fix.
	rankTol = 1e-7
	// nullShare: a value takes part in an unfixed direction when its
	// component in the unit null vector exceeds nullShare.
	nullShare = 0.1
)

// problem is a spec bound to a working copy of the inputs.
type problem struct {
	ctx   context.Context
	spec  *Spec
	work  *model.Inputs
	res   model.Results
	binds []binding
	lo    []float64 // bounds of each free value, key units
	hi    []float64
	x     []float64 // current free values, key units
	evals int
}

// binding ties one free input's values to the inputs it sets.
type binding struct {
	refs  []model.Ref
	knots []int
	off   int // offset of its values in x
	n     int
}

func newProblem(ctx context.Context, s *Spec) *problem {
	p := &problem{ctx: ctx, spec: s, work: s.Start.Inputs.Clone()}
	for _, fr := range s.Free {
		b := binding{knots: fr.Knots, off: len(p.x), n: fr.Len()}
		for _, key := range fr.Keys {
			r, err := model.Lookup(p.work, key)
			if err != nil {
				panic("calibrate: a checked spec does not resolve: " + err.Error())
			}
			b.refs = append(b.refs, r)
		}
		p.binds = append(p.binds, b)
		for range b.n {
			p.lo, p.hi, p.x = append(p.lo, fr.Min), append(p.hi, fr.Max), append(p.x, fr.Start)
		}
	}
	return p
}

// apply writes the free values x into the working inputs. It allocates
// nothing.
func (p *problem) apply(x []float64) {
	first := p.work.FirstYear()
	for i := range p.binds {
		b := &p.binds[i]
		v := x[b.off : b.off+b.n]
		for _, r := range b.refs {
			if !r.Param.PerYear {
				r.Set(0, v[0])
				continue
			}
			for k := range r.Len() {
				r.Set(k, model.Interpolate(b.knots, v, first+r.YearIndex(k)))
			}
		}
	}
}

// eval evaluates the model at the free values x.
func (p *problem) eval(x []float64) {
	p.apply(x)
	model.Evaluate(&p.res, p.work)
	p.evals++
}

// The search runs in unbounded coordinates u with x = lo + (hi−lo)(1+sin u)/2,
// which keeps every trial value inside its bounds.
func toU(x, lo, hi float64) float64 {
	return math.Asin(math.Max(-1, math.Min(1, 2*(x-lo)/(hi-lo)-1)))
}

func fromU(u, lo, hi float64) float64 { return lo + (hi-lo)*(1+math.Sin(u))/2 }

// Calibrate fits the free inputs of s to its targets. It returns an error
// only when ctx is done; a fit that misses targets or cannot identify its
// values is returned with [Fit.Issues] (see [Fit.Err]).
func Calibrate(ctx context.Context, s *Spec) (*Fit, error) {
	return calibrate(ctx, s, false)
}

// calibrate is Calibrate; joint solves every block as one (for tests that
// compare the two).
func calibrate(ctx context.Context, s *Spec, joint bool) (*Fit, error) {
	start := time.Now()
	p := newProblem(ctx, s)
	fit := &Fit{Spec: s}

	var weighted []int // indices of the targets that steer the fit
	for i, t := range s.Targets {
		if t.Weight > 0 {
			weighted = append(weighted, i)
		}
	}
	dep := p.dependencies()

	// Blocks: connected parts of the graph in which a value and a weighted
	// target are linked when the target depends on the value.
	parent := make([]int, len(p.x))
	for j := range parent {
		parent[j] = j
	}
	find := func(j int) int {
		for parent[j] != j {
			parent[j] = parent[parent[j]]
			j = parent[j]
		}
		return j
	}
	seen := make([]bool, len(p.x))
	for _, i := range weighted {
		first := -1
		for j, d := range dep[i] {
			if !d {
				continue
			}
			seen[j] = true
			if first < 0 {
				first = j
			} else {
				parent[find(j)] = find(first)
			}
		}
	}
	byRoot := map[int]*block{}
	var blocks []*block
	for j := range p.x {
		if !seen[j] {
			continue
		}
		r := find(j)
		b, ok := byRoot[r]
		if !ok {
			b = &block{}
			byRoot[r] = b
			blocks = append(blocks, b)
		}
		b.vars = append(b.vars, j)
	}
	for _, i := range weighted {
		for j, d := range dep[i] {
			if d {
				b := byRoot[find(j)]
				b.rows = append(b.rows, i)
				break
			}
		}
	}

	if joint && len(blocks) > 1 {
		for _, b := range blocks[1:] {
			blocks[0].vars = append(blocks[0].vars, b.vars...)
			blocks[0].rows = append(blocks[0].rows, b.rows...)
		}
		blocks = blocks[:1]
	}

	identified := append([]bool(nil), seen...)
	for _, b := range blocks {
		if err := p.solve(b, &fit.Stats); err != nil {
			return nil, err
		}
		for _, j := range p.unfixed(b) {
			identified[j] = false
		}
	}
	fit.Stats.Blocks = len(blocks)

	// The fit at the final values.
	p.eval(p.x)
	fit.Inputs = p.work.Clone()
	model.Evaluate(&fit.Results, fit.Inputs)
	for bi, fr := range s.Free {
		for kn := range fr.Len() {
			j := p.binds[bi].off + kn
			span := p.hi[j] - p.lo[j]
			fit.Values = append(fit.Values, Value{
				Free: fr, Knot: kn, Name: fr.ValueName(kn), Value: p.x[j],
				Identified: identified[j],
				AtBound:    p.x[j]-p.lo[j] <= 1e-9*span || p.hi[j]-p.x[j] <= 1e-9*span,
			})
		}
	}
	for i, t := range s.Targets {
		v := t.Metric.Value(&fit.Results)
		moved := false
		for _, d := range dep[i] {
			moved = moved || d
		}
		fit.Targets = append(fit.Targets, TargetFit{Target: t, Fitted: v, Residual: v - t.Value, Within: t.Within(v), Moved: moved})
	}
	fit.dep = dep
	fit.Issues = p.diagnose(fit, dep, blocks, len(weighted))
	fit.Stats.ModelEvaluations = p.evals
	fit.Stats.Runtime = time.Since(start)
	return fit, nil
}

// block is an independent part of the problem: free values and the
// weighted targets that depend on them and on no other free value.
type block struct {
	vars []int // indices of free values
	rows []int // indices of targets
}

// dependencies returns dep[i][j]: target i's metric changes when free value
// j does. It probes each value at the start and at a second point, so that
// a derivative that happens to vanish at one point is not taken for
// independence.
func (p *problem) dependencies() [][]bool {
	ts := p.spec.Targets
	dep := make([][]bool, len(ts))
	for i := range dep {
		dep[i] = make([]bool, len(p.x))
	}
	base := make([]float64, len(ts))
	x := make([]float64, len(p.x))
	for _, at := range []float64{-1, 0.37} {
		for j := range x {
			x[j] = p.x[j]
			if at >= 0 {
				x[j] = p.lo[j] + at*(p.hi[j]-p.lo[j])
			}
		}
		p.eval(x)
		for i, t := range ts {
			base[i] = t.Metric.Value(&p.res)
		}
		for j := range x {
			keep := x[j]
			h := probeStep * (p.hi[j] - p.lo[j])
			if x[j]+h > p.hi[j] {
				h = -h
			}
			x[j] += h
			p.eval(x)
			x[j] = keep
			for i, t := range ts {
				if v := t.Metric.Value(&p.res); math.Abs(v-base[i]) > probeTol*(math.Abs(v)+math.Abs(base[i])) {
					dep[i][j] = true
				}
			}
		}
	}
	return dep
}

// solve fits the values of b to its targets by weighted least squares:
// Newton's method from gonum/optimize on ½‖r(u)‖², r the weighted
// residuals in the bounded coordinates u, with the Gauss–Newton Hessian
// JᵀJ (J by central differences). Newton adds a multiple of the identity
// while JᵀJ is singular, which makes each step a Levenberg–Marquardt step.
func (p *problem) solve(b *block, st *Stats) error {
	n, m := len(b.vars), len(b.rows)
	ts := p.spec.Targets
	x := append([]float64(nil), p.x...)
	resid := func(dst, u []float64) {
		for k, j := range b.vars {
			x[j] = fromU(u[k], p.lo[j], p.hi[j])
		}
		p.eval(x)
		for k, i := range b.rows {
			t := ts[i]
			dst[k] = t.Weight * (t.Metric.Value(&p.res) - t.Value)
		}
	}
	r := make([]float64, m)
	jac := mat.NewDense(m, n, nil)
	var jacU []float64 // where jac was last computed
	jacobian := func(u []float64) {
		if jacU != nil && floats.Equal(jacU, u) {
			return
		}
		fd.Jacobian(jac, resid, u, &fd.JacobianSettings{Formula: fd.Central})
		jacU = append(jacU[:0], u...)
	}
	prob := optimize.Problem{
		Func: func(u []float64) float64 {
			resid(r, u)
			return floats.Dot(r, r) / 2
		},
		Grad: func(g, u []float64) {
			resid(r, u)
			jacobian(u)
			mat.NewVecDense(n, g).MulVec(jac.T(), mat.NewVecDense(m, r))
		},
		Hess: func(h *mat.SymDense, u []float64) {
			jacobian(u)
			h.SymOuterK(1, jac.T())
		},
		Status: func() (optimize.Status, error) {
			if err := p.ctx.Err(); err != nil {
				return optimize.Failure, err
			}
			return optimize.NotTerminated, nil
		},
	}
	u0 := make([]float64, n)
	for k, j := range b.vars {
		u0[k] = toU(p.x[j], p.lo[j], p.hi[j])
	}
	settings := &optimize.Settings{
		Converger:       &optimize.FunctionConverge{Absolute: convergeAbs, Relative: convergeRel, Iterations: 2},
		MajorIterations: maxIterations,
	}
	method := &optimize.Newton{Linesearcher: &optimize.Backtracking{ContractionFactor: 0.25}}
	res, err := optimize.Minimize(prob, u0, settings, method)
	if cerr := p.ctx.Err(); cerr != nil {
		return cerr
	}
	if res == nil {
		return fmt.Errorf("calibrate: the optimiser did not run: %w", err)
	}
	// Whatever status ended the search (a line search that can no longer
	// lower the objective is the usual end of a zero-residual fit), the
	// result is the best point found; diagnose judges it.
	for k, j := range b.vars {
		p.x[j] = fromU(res.X[k], p.lo[j], p.hi[j])
	}
	st.Iterations += res.Stats.MajorIterations
	st.FuncEvaluations += res.Stats.FuncEvaluations
	st.GradEvaluations += res.Stats.GradEvaluations
	return nil
}

// unfixed returns the values of b that take part in a direction the
// targets do not fix: the null space of the Jacobian of the weighted
// residuals with respect to the values scaled to their bounds, at the
// solution.
func (p *problem) unfixed(b *block) []int {
	n, m := len(b.vars), len(b.rows)
	ts := p.spec.Targets
	x := append([]float64(nil), p.x...)
	z := make([]float64, n)
	for k, j := range b.vars {
		z[k] = (p.x[j] - p.lo[j]) / (p.hi[j] - p.lo[j])
	}
	jac := mat.NewDense(m, n, nil)
	fd.Jacobian(jac, func(dst, z []float64) {
		for k, j := range b.vars {
			x[j] = p.lo[j] + z[k]*(p.hi[j]-p.lo[j])
		}
		p.eval(x)
		for k, i := range b.rows {
			t := ts[i]
			dst[k] = t.Weight * (t.Metric.Value(&p.res) - t.Value)
		}
	}, z, &fd.JacobianSettings{Formula: fd.Central})
	var svd mat.SVD
	if !svd.Factorize(jac, mat.SVDFull) {
		return nil
	}
	s := svd.Values(nil)
	rank := 0
	for _, v := range s {
		if v > rankTol*s[0] {
			rank++
		}
	}
	if rank == n {
		return nil
	}
	var v mat.Dense
	svd.VTo(&v)
	var out []int
	for k, j := range b.vars {
		for c := rank; c < n; c++ {
			if math.Abs(v.At(k, c)) > nullShare {
				out = append(out, j)
				break
			}
		}
	}
	return out
}

// diagnose lists what is wrong with fit.
func (p *problem) diagnose(fit *Fit, dep [][]bool, blocks []*block, weighted int) []Issue {
	var issues []Issue
	add := func(k IssueKind, format string, args ...any) {
		issues = append(issues, Issue{k, fmt.Sprintf(format, args...)})
	}
	var orphans []string
	for j, v := range fit.Values {
		moved := false
		for i, t := range p.spec.Targets {
			moved = moved || t.Weight > 0 && dep[i][j]
		}
		if !moved {
			orphans = append(orphans, fmt.Sprintf("%s (kept at its start, %s)", v.Name, model.FormatValue(v.Value)))
		}
	}
	if len(orphans) > 0 {
		add(NotIdentified, "no weighted target depends on %s; add a target that it moves, or fix it in the scenario", strings.Join(orphans, ", "))
	}
	for _, b := range blocks {
		var names []string
		for _, j := range b.vars {
			if !fit.Values[j].Identified {
				names = append(names, fit.Values[j].Name)
			}
		}
		if len(names) == 0 {
			continue
		}
		var rows []string
		for _, i := range b.rows {
			rows = append(rows, p.spec.Targets[i].Metric.String())
		}
		add(NotIdentified, "%s: the targets they move (%s) fix only some combinations of them; tie them together, fix some in the scenario, or add targets",
			strings.Join(names, ", "), abbreviate(rows, 4))
	}
	if n := len(fit.Values); n > weighted {
		add(Underdetermined, "%d free values but %d weighted target%s: the targets cannot fix them all", n, weighted, plural(weighted))
	}
	for i, t := range fit.Targets {
		if t.Within {
			continue
		}
		msg := fmt.Sprintf("%s: published %s (printed to %s), best fit %s, off by %s %s",
			t.Metric, model.FormatValue(t.Value), model.FormatValue(t.Precision),
			formatFit(t.Fitted, t.Precision), signed(t.Residual, t.Precision), t.Metric.Unit())
		if !t.Moved {
			msg += "; no free input moves it"
		} else {
			var bound []string
			for j, d := range dep[i] {
				if d && fit.Values[j].AtBound {
					bound = append(bound, fmt.Sprintf("%s = %s", fit.Values[j].Name, model.FormatValue(fit.Values[j].Value)))
				}
			}
			if len(bound) > 0 {
				msg += "; at a bound: " + strings.Join(bound, ", ")
			}
		}
		add(Missed, "%s", msg)
	}
	for _, e := range fit.Inputs.Check() {
		add(Invalid, "%v", e)
	}
	return issues
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// abbreviate joins list, cutting it after max entries.
func abbreviate(list []string, max int) string {
	if len(list) <= max {
		return strings.Join(list, ", ")
	}
	return strings.Join(list[:max], ", ") + fmt.Sprintf(" and %d more", len(list)-max)
}
