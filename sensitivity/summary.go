package sensitivity

import (
	"context"
	"runtime"
	"sync"

	"simulate/quantile"
)

// Percents are the percentiles of a Summary, in percent.
var Percents = [5]float64{5, 25, 50, 75, 95}

// Summary describes a sample: its mean and the percentiles Percents.
type Summary struct {
	Mean float64
	P    [5]float64 // P5, P25, P50, P75, P95
}

// Summarize returns the summary of each sample, by package quantile: the
// mean (quantile.Mean, a fixed order of summation), and percentiles that
// are exact order statistics interpolated as Hyndman and Fan's type 7 (R's
// default, numpy's "linear"): with order statistics x(0) ≤ … ≤ x(n−1) and
// h = (n−1)·p/100, Q(p) = x(⌊h⌋) + (h − ⌊h⌋)·(x(⌊h⌋+1) − x(⌊h⌋)). Large
// samples are bucketed to find the needed order statistics in two passes
// (percentile.go), small ones go to quantile.Percentiles; both give the
// same numbers.
//
// The samples may be reordered. Samples are summarised in parallel; the
// result does not depend on how.
func Summarize(ctx context.Context, samples [][]float64) ([]Summary, error) {
	out := make([]Summary, len(samples))
	var wg sync.WaitGroup
	next := make(chan int)
	var firstErr error
	var mu sync.Mutex
	for range min(runtime.GOMAXPROCS(0), len(samples)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var counts []int
			var buf []float64
			for i := range next {
				x := samples[i]
				out[i].Mean = quantile.Mean(x)
				if err := percentiles(out[i].P[:], x, Percents[:], &counts, &buf); err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	for i := range samples {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return out, firstErr
}
