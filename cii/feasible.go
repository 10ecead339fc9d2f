package cii

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize/convex/lp"
)

// Interval is a closed range of values, in the value's unit.
type Interval struct{ Lo, Hi float64 }

// Feasible returns, for each stage and sub-stage of ind (keyed by path,
// "stage" or "stage.sub"), the interval of its penetration that the
// constraints leave open: the smallest and largest value a linear
// programme finds subject to
//
//   - the weights held at their values;
//   - every penetration whose source is not Reconstructed held at its
//     value (the text's figures, assumptions);
//   - every reconstructed penetration in [0, 100] and within its bounds;
//   - every constraint of ix on ind's penetrations;
//   - the industry's index within half the published score's precision
//     of the published score (30.2 stands for [30.15, 30.25]), when the
//     report publishes one.
//
// Strict inequalities of the text ("不到10%") are taken as their closure
// (≤ 10). The programmes are solved with gonum's simplex method
// (optimize/convex/lp). The error says when the constraints have no
// solution at all: the held values break one of them.
//
// The mean of the seven published scores is not a further constraint: it
// holds whatever each score is within its rounding interval only if the
// others compensate, and seven intervals of ±0.05 leave every score its
// whole interval within the mean's ±0.005.
func (ix *Index) Feasible(ind *Industry) (map[string]Interval, error) {
	ls := newLeafSet(ind)
	n := len(ls.paths)
	rs := ls.rows(ind, ix.Constraints)
	for k, lf := range ls.leaves {
		if lf.Penetration.Source != Reconstructed {
			v := lf.Penetration.V
			rs = append(rs, row{name: ls.paths[k] + " held", coef: unit(n, k), lo: v, hi: v})
		}
	}
	if S := ind.Published.V; !math.IsNaN(S) {
		h := ind.Precision / 2
		rs = append(rs, row{name: "published score", coef: ls.score(), lo: S - h, hi: S + h})
	}
	prob := newLP(n, rs)
	out := map[string]Interval{}
	for _, path := range ind.StagePaths() {
		obj := ls.mean(path)
		lo, err := prob.min(obj)
		if err != nil {
			return nil, fmt.Errorf("cii: %s: the constraints on %s have no solution with the held values: %w", ind.Key, path, err)
		}
		neg := make([]float64, n)
		for i, c := range obj {
			neg[i] = -c
		}
		hi, err := prob.min(neg)
		if err != nil {
			return nil, fmt.Errorf("cii: %s: the constraints on %s have no solution with the held values: %w", ind.Key, path, err)
		}
		out[path] = Interval{Lo: lo, Hi: -hi}
	}
	return out, nil
}

// lpProblem is min cᵀp subject to rows lo ≤ a·p ≤ hi and p ≥ 0, in
// standard form: each finite side of a row becomes an equality with its
// own slack, so that the constraint matrix has full row rank.
type lpProblem struct {
	n    int // number of penetrations
	a    *mat.Dense
	b    []float64
	cols int
}

func newLP(n int, rs []row) *lpProblem {
	type side struct {
		coef []float64
		rhs  float64
	}
	var sides []side
	for _, r := range rs {
		if !math.IsInf(r.hi, 1) {
			sides = append(sides, side{r.coef, r.hi})
		}
		if !math.IsInf(r.lo, -1) {
			neg := make([]float64, n)
			for i, c := range r.coef {
				neg[i] = -c
			}
			sides = append(sides, side{neg, -r.lo})
		}
	}
	m := len(sides)
	cols := n + m
	a := mat.NewDense(m, cols, nil)
	b := make([]float64, m)
	for i, s := range sides {
		for j, c := range s.coef {
			a.Set(i, j, c)
		}
		a.Set(i, n+i, 1)
		b[i] = s.rhs
	}
	return &lpProblem{n: n, a: a, b: b, cols: cols}
}

// lpTol is the simplex method's tolerance on reduced costs.
const lpTol = 1e-10

// min returns the minimum of obj·p.
func (p *lpProblem) min(obj []float64) (float64, error) {
	c := make([]float64, p.cols)
	copy(c, obj)
	f, _, err := lp.Simplex(c, p.a, p.b, lpTol, nil)
	return f, err
}

// feasiblePoint returns a point satisfying the rows (the simplex method's
// first phase), or an error when there is none.
func (p *lpProblem) feasiblePoint() ([]float64, error) {
	c := make([]float64, p.cols)
	_, x, err := lp.Simplex(c, p.a, p.b, lpTol, nil)
	if err != nil {
		return nil, err
	}
	return x[:p.n], nil
}
