package cii

import (
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

// TestQPKnown solves small programmes whose minimisers are known by hand.
func TestQPKnown(t *testing.T) {
	// Nocedal & Wright, example 16.3: min (x1−1)² + (x2−2.5)² subject to
	// x1 − 2x2 + 2 ≥ 0, −x1 − 2x2 + 6 ≥ 0, −x1 + 2x2 + 2 ≥ 0, x ≥ 0:
	// the minimiser is (1.4, 1.7).
	q := newQP(2)
	q.h.SetSym(0, 0, 2)
	q.h.SetSym(1, 1, 2)
	q.g[0], q.g[1] = -2, -5
	q.addLe([]float64{-1, 2}, 2)
	q.addLe([]float64{1, 2}, 6)
	q.addLe([]float64{1, -2}, 2)
	x, err := q.solve()
	if err != nil {
		t.Fatal(err)
	}
	if !scalar.EqualWithinAbs(x[0], 1.4, 1e-9) || !scalar.EqualWithinAbs(x[1], 1.7, 1e-9) {
		t.Errorf("N&W 16.3: got %v, want [1.4 1.7]", x)
	}

	// An equality and a bound: min x1² + x2² + x3² subject to
	// x1 + x2 + x3 = 3, x1 ≤ 0.5: x = (0.5, 1.25, 1.25).
	q = newQP(3)
	for i := range 3 {
		q.h.SetSym(i, i, 2)
	}
	q.addEq([]float64{1, 1, 1}, 3)
	q.addLe([]float64{1, 0, 0}, 0.5)
	x, err = q.solve()
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []float64{0.5, 1.25, 1.25} {
		if !scalar.EqualWithinAbs(x[i], want, 1e-9) {
			t.Errorf("equality and bound: x[%d] = %v, want %v", i, x[i], want)
		}
	}

	// Infeasible rows are an error.
	q = newQP(1)
	q.h.SetSym(0, 0, 1)
	q.addLe([]float64{1}, -1)
	if _, err := q.solve(); err == nil {
		t.Error("infeasible: no error")
	}
}
