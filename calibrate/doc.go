// Package calibrate recovers model inputs that a report does not publish
// from the outputs it does publish, as a calibration spec declares: the
// scenario to start from, the free inputs with their bounds, and the
// published targets with their printed precision (the format is described
// in docs/calibration.md; [Open] reads a spec, [Calibrate] solves it).
//
// The shipped specs are the files of specs/, embedded ([Names], [Source]).
// Their targets are the one place where a report's published figures are
// kept, with their printed precision: a scenario names the spec with its
// published key, and [Spec.Figures] gives the figures to draw.
//
// # The problem
//
// A free input sets one or more key paths of the model (as model.Lookup
// reads them) from a few free values: one per year, one constant, two ends
// of a linear path, or values at given years with linear interpolation in
// between. A target is a metric (package metrics) with its published value.
// The fit minimises the weighted sum of squares
//
//	½ Σ_i (w_i·(m_i(x) − v_i))²,   lo ≤ x ≤ hi
//
// where w_i defaults to 2/precision_i, so that a residual of half the
// printed precision — the edge of rounding to the published digit — counts
// 1, and a target with weight 0 is only checked.
//
// # The method, and why
//
// The bounds are removed by the change of variables x = lo + (hi−lo)·(1 +
// sin u)/2, so that every trial point is inside the bounds and an
// unconstrained method applies. The objective is a sum of squares of smooth
// residuals, and the residuals are cheap (a model evaluation takes well
// under a microsecond), so the Jacobian J of the weighted residuals is
// taken by central differences (gonum/diff/fd) and the search is Newton's
// method of gonum/optimize with the Gauss–Newton Hessian JᵀJ and a
// backtracking line search. Near a zero-residual solution, which is what a
// consistent calibration has, Gauss–Newton converges quadratically, where
// BFGS or L-BFGS must first learn the curvature and Nelder–Mead needs many
// evaluations per dimension. When JᵀJ is singular (an input the targets do
// not fix) gonum's Newton adds a multiple of the identity until it can
// factorise, which turns the step into a Levenberg–Marquardt step.
//
// # Structure
//
// Before solving, each free value is moved a little (at the start and at a
// second point) and every metric that does not change beyond float64
// rounding is taken not to depend on it. Free values and weighted targets linked by dependence
// form independent blocks, solved one after the other: the baseline's θ
// path splits into one block per year (a year's II increment depends on
// that year's θ only), while a free growth path is one block (growth of
// year t moves the GDP level of every later year).
//
// # Diagnostics
//
// A fit is not usable ([Fit.Err]) when a free value moves no weighted
// target, when the targets of a block fix only some combinations of its
// values (the Jacobian scaled to the bounds is rank-deficient at the
// solution; the values in its null space are named), when there are more
// free values than weighted targets, when a target with a precision is
// missed (with the free values that sit on a bound), or when the calibrated
// inputs break a model constraint.
//
// Units are those of the key paths and metric names: _pct percent, _pp
// percentage points, _yi 亿元 (10^8 yuan at constant base-year prices),
// shares as fractions.
package calibrate
