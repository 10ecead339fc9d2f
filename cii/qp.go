package cii

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// qp is a small strictly convex quadratic programme:
//
//	minimise ½·xᵀHx + gᵀx  subject to  eq rows a·x = b,  le rows a·x ≤ b.
//
// H must be positive definite on the null space of the equality rows.
// solve finds the minimiser with the primal active-set method (Nocedal
// and Wright, Numerical Optimization, 2nd ed., algorithm 16.3), from a
// feasible point found by the simplex method's first phase. Each step
// solves the equality-constrained subproblem of the working set by its
// KKT system (dense LU, gonum/mat); the problems here have a few dozen
// variables.
type qp struct {
	n  int
	h  *mat.SymDense
	g  []float64
	eq []qpRow
	le []qpRow
}

type qpRow struct {
	a []float64
	b float64
}

func newQP(n int) *qp {
	return &qp{n: n, h: mat.NewSymDense(n, nil), g: make([]float64, n)}
}

// addEq adds the row a·x = b; addLe the row a·x ≤ b.
func (q *qp) addEq(a []float64, b float64) { q.eq = append(q.eq, qpRow{a, b}) }
func (q *qp) addLe(a []float64, b float64) { q.le = append(q.le, qpRow{a, b}) }

// errQPIterations reports an active-set method that did not finish.
var errQPIterations = errors.New("the active-set method did not converge")

// qpTol is the tolerance of the active-set method: on a step's length
// (relative), on a constraint being active, and on a multiplier's sign.
const qpTol = 1e-11

// solve returns the minimiser, or an error when the rows have no feasible
// point.
func (q *qp) solve() ([]float64, error) {
	x, err := q.start()
	if err != nil {
		return nil, err
	}
	work := []int{} // indices of le rows in the working set
	in := make([]bool, len(q.le))
	for range 50 * (q.n + len(q.le) + 1) {
		p, lam, err := q.step(x, work)
		if err != nil {
			return nil, err
		}
		if norm(p) <= qpTol*(1+norm(x)) {
			// Optimal for the working set: drop the inequality with the
			// most negative multiplier, or stop.
			worst, wi := -qpTol, -1
			for k := range work {
				if l := lam[len(q.eq)+k]; l < worst {
					worst, wi = l, k
				}
			}
			if wi < 0 {
				return x, nil
			}
			in[work[wi]] = false
			work = append(work[:wi], work[wi+1:]...)
			continue
		}
		alpha, block := 1.0, -1
		for i, r := range q.le {
			if in[i] {
				continue
			}
			ap := dot(r.a, p)
			if ap <= qpTol*norm(r.a)*norm(p) {
				continue
			}
			if t := (r.b - dot(r.a, x)) / ap; t < alpha {
				alpha, block = math.Max(t, 0), i
			}
		}
		for i := range x {
			x[i] += alpha * p[i]
		}
		if block >= 0 {
			in[block] = true
			work = append(work, block)
		}
	}
	return nil, errQPIterations
}

// step solves the KKT system of the working set at x:
//
//	[H  Aᵀ] [p]   [−(Hx + g)]
//	[A  0 ] [λ] = [ b − Ax  ]
//
// with A the equality rows and the working set's le rows, and returns the
// step p and the multipliers λ (equality rows first).
func (q *qp) step(x []float64, work []int) (p, lam []float64, err error) {
	rows := make([]qpRow, 0, len(q.eq)+len(work))
	rows = append(rows, q.eq...)
	for _, i := range work {
		rows = append(rows, q.le[i])
	}
	m := len(rows)
	k := mat.NewDense(q.n+m, q.n+m, nil)
	rhs := mat.NewVecDense(q.n+m, nil)
	hx := mat.NewVecDense(q.n, nil)
	hx.MulVec(q.h, mat.NewVecDense(q.n, append([]float64(nil), x...)))
	for i := range q.n {
		for j := range q.n {
			k.Set(i, j, q.h.At(i, j))
		}
		rhs.SetVec(i, -(hx.AtVec(i) + q.g[i]))
	}
	for r, row := range rows {
		for j, a := range row.a {
			k.Set(q.n+r, j, a)
			k.Set(j, q.n+r, a)
		}
		rhs.SetVec(q.n+r, row.b-dot(row.a, x))
	}
	var sol mat.VecDense
	if err := sol.SolveVec(k, rhs); err != nil {
		return nil, nil, fmt.Errorf("the KKT system of the working set is singular: %w", err)
	}
	p = make([]float64, q.n)
	lam = make([]float64, m)
	for i := range q.n {
		p[i] = sol.AtVec(i)
	}
	for r := range m {
		lam[r] = sol.AtVec(q.n + r)
	}
	return p, lam, nil
}

// start returns a feasible point: the simplex method's first phase on the
// rows, with x ≥ 0 (every variable of the problems here is non-negative).
func (q *qp) start() ([]float64, error) {
	var rs []row
	inf := math.Inf(1)
	for _, r := range q.eq {
		rs = append(rs, row{coef: r.a, lo: r.b, hi: r.b})
	}
	for _, r := range q.le {
		rs = append(rs, row{coef: r.a, lo: -inf, hi: r.b})
	}
	x, err := newLP(q.n, rs).feasiblePoint()
	if err != nil {
		return nil, fmt.Errorf("no point satisfies the constraints: %w", err)
	}
	return append([]float64(nil), x...), nil
}

func norm(v []float64) float64 { return math.Sqrt(dot(v, v)) }
