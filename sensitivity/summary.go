package sensitivity

import (
	"context"

	"simulate/internal/parallel"
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
// h = (n−1)·p/100, Q(p) = x(⌊h⌋) + (h − ⌊h⌋)·(x(⌊h⌋+1) − x(⌊h⌋)).
//
// The samples may be reordered. Samples are summarised in parallel; the
// result does not depend on how.
func Summarize(ctx context.Context, samples [][]float64) ([]Summary, error) {
	out := make([]Summary, len(samples))
	err := parallel.ForChunks(ctx, len(samples), 1, func() *quantile.Scratch { return new(quantile.Scratch) },
		func(s *quantile.Scratch, c parallel.Chunk) error {
			x := samples[c.Index]
			out[c.Index].Mean = quantile.Mean(x)
			return quantile.Percentiles(out[c.Index].P[:], x, Percents[:], s)
		})
	if err != nil {
		return nil, err
	}
	return out, nil
}
