package sobol

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestBootstrapCancelled: a bootstrap stops once its context is done
// (issue 17: Ctrl-C was ignored for minutes in the bootstrap).
func TestBootstrapCancelled(t *testing.T) {
	const n, k = 4096, 4
	fA, fB := make([]float64, n), make([]float64, n)
	fAB := make([][]float64, k)
	for i := range n {
		fA[i], fB[i] = float64(i%7), float64(i%5)
	}
	for j := range fAB {
		fAB[j] = make([]float64, n)
		for i := range n {
			fAB[j][i] = float64((i + j) % 11)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	start := time.Now()
	_, err := IndicesContext(ctx, fA, fB, fAB, Options{CI: Bootstrap, Resamples: 1_000_000})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v after cancellation", d)
	}
}
