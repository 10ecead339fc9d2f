package sensitivity

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"

	"simulate/internal/parallel"
	"simulate/metrics"
	"simulate/model"
	"simulate/uncertain"
)

// MaxDraws is the largest number of Monte Carlo draws.
const MaxDraws = 10_000_000

// MaxStoredValues bounds the values a Monte Carlo run keeps in memory,
// draws × (metrics + kept draws): 2²⁷ float64, 1 GiB. Exact percentiles
// need every value of a metric at once.
const MaxStoredValues = 1 << 27

// MCConfig configures a Monte Carlo run.
type MCConfig struct {
	Draws     int              // number of draws, 1 … MaxDraws
	Seed      uint64           // seed of every random stream
	Metrics   []metrics.Metric // outcomes recorded for every draw
	KeepDraws bool             // also record the value drawn for each uncertain input
	Progress  *Progress        // counts finished draws; may be nil
}

// MCResult holds the outcome of every draw, in draw order.
type MCResult struct {
	Metrics []metrics.Metric
	Values  [][]float64 // Values[m][d]: metric m in draw d
	Draws   [][]float64 // Draws[i][d]: the value drawn for input i in draw d (KeepDraws)
}

// CheckSize returns an error if a run of draws draws keeping series values
// per draw is outside the limits: draws in 1 … MaxDraws and draws × series
// ≤ MaxStoredValues.
func CheckSize(draws, series int) error {
	if draws < 1 || draws > MaxDraws {
		return fmt.Errorf("%d draws: the number of draws must be from 1 to %d", draws, MaxDraws)
	}
	if series > 0 && draws > MaxStoredValues/series {
		return fmt.Errorf("%d draws × %d values per draw = %d values would need %d MiB; the limit is %d values (%d MiB): use at most %d draws",
			draws, series, draws*series, draws*series*8>>20, MaxStoredValues, MaxStoredValues*8>>20, MaxStoredValues/series)
	}
	return nil
}

// MonteCarlo draws every uncertain input independently from its
// distribution, applies the draws to base in order (see Evaluator), and
// records the metrics of each draw.
//
// Draw d belongs to chunk d / ChunkSize, whose random numbers come from a
// PCG generator seeded with (Seed, chunk); within a draw the inputs are
// drawn in order. The result therefore depends only on the inputs, the
// seed and the number of draws, not on the number of goroutines.
//
// It returns ctx's error, and no result, if ctx is done before the end.
func MonteCarlo(ctx context.Context, base *model.Inputs, unc []uncertain.Input, cfg MCConfig) (*MCResult, error) {
	series := len(cfg.Metrics)
	if cfg.KeepDraws {
		series += len(unc)
	}
	if err := CheckSize(cfg.Draws, series); err != nil {
		return nil, err
	}
	if len(cfg.Metrics) == 0 {
		return nil, errors.New("sensitivity: no metric to record")
	}
	for _, m := range cfg.Metrics {
		if err := m.Check(base.FirstYear(), base.LastYear()); err != nil {
			return nil, err
		}
	}
	targets := make([]model.Target, len(unc))
	for i, u := range unc {
		targets[i] = u.Target
	}
	proto, err := NewEvaluator(base, targets)
	if err != nil {
		return nil, err
	}

	r := &MCResult{Metrics: cfg.Metrics, Values: make([][]float64, len(cfg.Metrics))}
	for m := range r.Values {
		r.Values[m] = make([]float64, cfg.Draws)
	}
	if cfg.KeepDraws {
		r.Draws = make([][]float64, len(unc))
		for i := range r.Draws {
			r.Draws[i] = make([]float64, cfg.Draws)
		}
	}
	cfg.Progress.expect(cfg.Draws)

	type state struct {
		ev  *Evaluator
		src *rand.PCG
		x   []float64
	}
	err = parallel.ForChunks(ctx, cfg.Draws, ChunkSize, func() *state {
		return &state{ev: proto.Clone(), src: rand.NewPCG(0, 0), x: make([]float64, len(unc))}
	}, func(s *state, c parallel.Chunk) error {
		s.src.Seed(cfg.Seed, uint64(c.Index))
		for d := c.Lo; d < c.Hi; d++ {
			for i := range unc {
				s.x[i] = unc[i].Dist.Rand(s.src)
			}
			res := s.ev.Eval(s.x)
			for m, met := range cfg.Metrics {
				r.Values[m][d] = met.Value(res)
			}
			if r.Draws != nil {
				for i, v := range s.x {
					r.Draws[i][d] = v
				}
			}
		}
		cfg.Progress.add(c.Hi - c.Lo)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}
