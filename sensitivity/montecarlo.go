package sensitivity

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"

	"simulate/internal/hugepage"
	"simulate/internal/parallel"
	"simulate/metrics"
	"simulate/model"
	"simulate/quantile"
	"simulate/uncertain"
)

// MaxDraws is the largest number of Monte Carlo draws.
const MaxDraws = 10_000_000

// MaxStoredValues bounds the values a Monte Carlo run keeps in memory when
// it keeps every value (KeepDraws), draws × (metrics + inputs): 2²⁷
// float64, 1 GiB.
const MaxStoredValues = 1 << 27

// Streaming percentiles (see MonteCarlo): the pilot is the first
// pilotDraws draws; runs of more than streamAbove draws stream.
const (
	pilotDraws  = 16 * ChunkSize
	streamAbove = 4 * pilotDraws
	// bracketWidth is the half-width of the bracket kept around each
	// percentile of the pilot, in standard errors: a percentile falls
	// outside about once in 1.7 million, and then costs a second pass.
	bracketWidth = 5
)

// MCConfig configures a Monte Carlo run.
type MCConfig struct {
	Draws   int              // number of draws, 1 … MaxDraws
	Seed    uint64           // seed of every random stream
	Metrics []metrics.Metric // outcomes recorded for every draw (MonteCarlo)
	// KeepDraws keeps every value: of each metric (MCResult.Values) and
	// each input drawn (MCResult.Draws).
	KeepDraws bool
	// Correlations are rank correlations between the inputs, induced by
	// the method of Iman and Conover (uncertain.ImanConover).
	Correlations []uncertain.Correlation
	Progress     *Progress // counts finished draws; may be nil
}

// MCResult holds the summary of every output over the draws, and with
// KeepDraws every value in draw order.
type MCResult struct {
	Metrics   []metrics.Metric // the outputs, for MonteCarlo
	Summaries []Summary        // Summaries[m]: mean and percentiles of output m
	Values    [][]float64      // Values[m][d]: output m in draw d (KeepDraws)
	Draws     [][]float64      // Draws[i][d]: the value drawn for input i in draw d (KeepDraws)
	// Passes is the number of times the model was run on every draw: 1,
	// or 2 when a streamed percentile needed a second pass.
	Passes int
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

// MonteCarlo draws the uncertain inputs from their distributions, applies
// the draws to base (see InputsModel) and records the metrics of each
// draw: MonteCarloOf with the model of base and cfg.Metrics.
func MonteCarlo(ctx context.Context, base *model.Inputs, unc []uncertain.Input, cfg MCConfig) (*MCResult, error) {
	if err := checkMC(len(unc), len(cfg.Metrics), cfg); err != nil {
		return nil, err
	}
	m, err := NewInputsModel(base, unc, cfg.Metrics)
	if err != nil {
		return nil, err
	}
	r, err := MonteCarloOf(ctx, m, unc, cfg)
	if err != nil {
		return nil, err
	}
	r.Metrics = cfg.Metrics
	return r, nil
}

func checkMC(inputs, outputs int, cfg MCConfig) error {
	series := 0
	switch {
	case cfg.KeepDraws:
		series = outputs + inputs
	case len(cfg.Correlations) > 0:
		series = inputs // Iman–Conover rearranges every draw at once
	}
	if err := CheckSize(cfg.Draws, series); err != nil {
		return err
	}
	if outputs == 0 {
		return errors.New("sensitivity: no metric to record")
	}
	return nil
}

// MonteCarloOf runs model m on cfg.Draws draws of the inputs unc (their
// distributions; cfg.Metrics is not read) and summarises each output: its
// mean and its percentiles Percents, exact order statistics of the draws
// (Hyndman–Fan type 7).
//
// Draw d belongs to chunk d / ChunkSize, whose random numbers come from a
// PCG generator seeded with (Seed, chunk); within a draw the inputs are
// drawn in order. With correlations every draw is made first, and the
// draws are then rearranged by Iman–Conover (uncertain.ImanConover, seeded
// with Seed). The mean sums each chunk in draw order and the chunks in
// order. The result therefore depends only on the model, the inputs, the
// seed and the number of draws, not on the number of goroutines.
//
// Percentiles of runs of at most 262 144 draws, and of every run with
// KeepDraws, are taken from every value (package quantile's Percentiles).
// Larger runs stream: the first 65 536 draws are kept as a pilot, and for
// the others only counts in buckets and the values of the buckets around
// each percentile of the pilot (quantile.Plan), so that memory stays small
// whatever the number of draws; in the rare case that a percentile falls
// outside what was kept, the model is run on every draw a second time to
// keep it. Both give the same numbers.
//
// It returns ctx's error, and no result, if ctx is done before the end.
func MonteCarloOf(ctx context.Context, m Model, unc []uncertain.Input, cfg MCConfig) (*MCResult, error) {
	nOut := m.Outputs()
	if err := checkMC(len(unc), nOut, cfg); err != nil {
		return nil, err
	}
	if err := uncertain.CheckCorrelations(unc, cfg.Correlations); err != nil {
		return nil, err
	}
	mc := &mcRun{m: m, unc: unc, cfg: cfg, n: cfg.Draws, nOut: nOut}
	mc.nChunks = (mc.n-1)/ChunkSize + 1
	mc.sums = make([]float64, mc.nChunks*nOut)
	r := &MCResult{Passes: 1}

	// Every draw first, when they must be kept or rearranged.
	if cfg.KeepDraws || len(cfg.Correlations) > 0 {
		if err := mc.drawAll(ctx); err != nil {
			return nil, err
		}
		if err := uncertain.ImanConover(mc.x, unc, cfg.Correlations, cfg.Seed); err != nil {
			return nil, err
		}
		if cfg.KeepDraws {
			r.Draws = mc.x
		}
	}
	cfg.Progress.expect(mc.n)

	var err error
	if cfg.KeepDraws || mc.n <= streamAbove {
		vals, e := mc.stored(ctx)
		if e != nil {
			return nil, e
		}
		work := vals
		if cfg.KeepDraws {
			r.Values = vals
			work = make([][]float64, len(vals)) // Summarize may reorder
			for j, v := range vals {
				work[j] = slices.Clone(v)
			}
		}
		r.Summaries, err = Summarize(ctx, work)
	} else {
		r.Summaries, r.Passes, err = mc.streamed(ctx)
	}
	if err != nil {
		return nil, err
	}
	for j := range r.Summaries {
		var s float64
		for c := range mc.nChunks {
			s += mc.sums[c*nOut+j]
		}
		r.Summaries[j].Mean = s / float64(mc.n)
	}
	return r, nil
}

// mcRun is one Monte Carlo run.
type mcRun struct {
	m       Model
	unc     []uncertain.Input
	cfg     MCConfig
	n, nOut int
	nChunks int
	x       [][]float64 // x[i][d]: input i in draw d, when drawn first
	sums    []float64   // sums[c·nOut+j]: Σ of output j over chunk c, in draw order
}

// drawAll makes every draw into mc.x.
func (mc *mcRun) drawAll(ctx context.Context) error {
	mc.x = columns(len(mc.unc), mc.n)
	return parallel.ForChunks(ctx, mc.n, ChunkSize, func() *rand.PCG { return rand.NewPCG(0, 0) },
		func(src *rand.PCG, c parallel.Chunk) error {
			src.Seed(mc.cfg.Seed, uint64(c.Index))
			for d := c.Lo; d < c.Hi; d++ {
				for i := range mc.unc {
					mc.x[i][d] = mc.unc[i].Dist.Rand(src)
				}
			}
			return nil
		})
}

// mcWorker is the state of one goroutine.
type mcWorker struct {
	run Runner
	src *rand.PCG
	// The inputs and outputs of up to rowBatch draws, draw after draw:
	// input i of the r-th at xs[r·k+i], output j at rows[r·nOut+j]. The
	// inputs are drawn first, then the model is run and writes its
	// outputs in place, then they are counted while in cache.
	xs, rows []float64
	sums     []runningSum // sums[j]: of output j over the chunk so far
	tal      []*quantile.Tally
}

// rowBatch is the number of draws made, run and counted at once: 256
// draws of 20 outputs fill 40 KiB, a core's first level of cache. A
// multiple of 4 (see runningSum).
const rowBatch = 256

// chunks runs the model on the draws of chunks lo … hi−1. The outputs of
// draw d go to dst[j][d] when dst is not nil; else they are in the
// worker's rows, and sink, when not nil, is called with the rows of every
// rowBatch draws. With sums it records the chunk's sums. newTallies, when
// not nil, gives each worker its tallies.
func (mc *mcRun) chunks(ctx context.Context, lo, hi int, dst [][]float64, sums bool, newTallies func() []*quantile.Tally,
	sink func(w *mcWorker, rows []float64)) ([]*mcWorker, error) {
	var mu sync.Mutex
	var workers []*mcWorker
	k, nOut := len(mc.unc), mc.nOut
	n := min(hi*ChunkSize, mc.n) - lo*ChunkSize
	if n <= 0 {
		return nil, nil
	}
	err := parallel.ForChunks(ctx, n, ChunkSize, func() *mcWorker {
		w := &mcWorker{run: mc.m.NewRunner(), src: rand.NewPCG(0, 0),
			xs: make([]float64, rowBatch*k), rows: make([]float64, rowBatch*nOut), sums: make([]runningSum, nOut)}
		if newTallies != nil {
			w.tal = newTallies()
		}
		mu.Lock()
		workers = append(workers, w)
		mu.Unlock()
		return w
	}, func(w *mcWorker, c parallel.Chunk) error {
		// c counts from chunk lo.
		c.Index += lo
		c.Lo += lo * ChunkSize
		c.Hi += lo * ChunkSize
		if mc.x == nil {
			w.src.Seed(mc.cfg.Seed, uint64(c.Index))
		}
		clear(w.sums)
		for b := c.Lo; b < c.Hi; b += rowBatch {
			m := min(rowBatch, c.Hi-b)
			xs, rows := w.xs[:m*k], w.rows[:m*nOut]
			mc.fill(w.src, xs, b, m)
			for r := range m {
				w.run.Run(rows[r*nOut:(r+1)*nOut], xs[r*k:(r+1)*k])
			}
			for j := range w.sums {
				w.sums[j].add(rows[j:], nOut)
			}
			if dst != nil {
				for r := range m {
					for j, v := range rows[r*nOut : (r+1)*nOut] {
						dst[j][b+r] = v
					}
				}
			}
			if sink != nil {
				sink(w, rows)
			}
		}
		if sums {
			for j := range w.sums {
				mc.sums[c.Index*nOut+j] = w.sums[j].sum()
			}
		}
		mc.cfg.Progress.add(c.Hi - c.Lo)
		return nil
	})
	return workers, err
}

// fill sets xs to the inputs of the m draws b, b+1, …, draw after draw:
// drawn from src, in order, or those of mc.x when every draw was made
// first.
func (mc *mcRun) fill(src *rand.PCG, xs []float64, b, m int) {
	k := len(mc.unc)
	for r := range m {
		x := xs[r*k : (r+1)*k]
		for i := range x {
			if mc.x != nil {
				x[i] = mc.x[i][b+r]
			} else {
				x[i] = mc.unc[i].Dist.Rand(src)
			}
		}
	}
}

// runningSum is the sum of a chunk's values in a fixed order whatever the
// machine, the layout of the values and the pieces they come in: four
// running sums, value i of the chunk going to sum i mod 4 (a remainder of
// fewer than four at the end to the first), added pairwise at the end.
type runningSum [4]float64

// add adds the values x[0], x[stride], x[2·stride] … of the chunk, which
// come after those added before; all but the last piece of a chunk must
// hold a multiple of 4 values.
func (s *runningSum) add(x []float64, stride int) {
	s0, s1, s2, s3 := s[0], s[1], s[2], s[3]
	i := 0
	for ; i+3*stride < len(x); i += 4 * stride {
		s0 += x[i]
		s1 += x[i+stride]
		s2 += x[i+2*stride]
		s3 += x[i+3*stride]
	}
	for ; i < len(x); i += stride {
		s0 += x[i]
	}
	*s = runningSum{s0, s1, s2, s3}
}

// sum returns the sum.
func (s *runningSum) sum() float64 { return (s[0] + s[1]) + (s[2] + s[3]) }

// columns returns m columns of n zeros each, in one buffer backed by huge
// pages where the system has them: filling them costs few page faults.
func columns(m, n int) [][]float64 {
	buf := hugepage.Floats(m * n)
	c := make([][]float64, m)
	for j := range c {
		c[j] = buf[j*n : (j+1)*n : (j+1)*n]
	}
	return c
}

// stored runs every draw and keeps every output value.
func (mc *mcRun) stored(ctx context.Context) ([][]float64, error) {
	if err := CheckSize(mc.n, mc.nOut); err != nil {
		return nil, err
	}
	vals := columns(mc.nOut, mc.n)
	_, err := mc.chunks(ctx, 0, mc.nChunks, vals, true, nil, nil)
	return vals, err
}

// streamed runs every draw keeping a pilot, then counts (see MonteCarloOf),
// and returns the summaries without means and the number of passes.
func (mc *mcRun) streamed(ctx context.Context) ([]Summary, int, error) {
	pilotChunks := pilotDraws / ChunkSize
	pilot := columns(mc.nOut, pilotDraws)
	_, err := mc.chunks(ctx, 0, pilotChunks, pilot, true, nil, nil)
	if err != nil {
		return nil, 0, err
	}
	plans := make([]*quantile.Plan, mc.nOut)
	for j := range plans {
		if plans[j], err = quantile.NewPlan(pilot[j], mc.n, Percents[:], bracketWidth); err != nil {
			return nil, 0, mc.outputError(j, err)
		}
	}
	// The pilot's values go into tallies now, and the pilot is let go:
	// collected now, its 10 MB hold the values the other draws keep,
	// rather than new memory, each page of which costs a fault.
	pilotTal := make([]*quantile.Tally, mc.nOut)
	for j, p := range plans {
		pilotTal[j] = p.NewTally()
		pilotTal[j].Add(pilot[j])
	}
	pilot = nil
	runtime.GC()
	tallies := func() []*quantile.Tally {
		t := make([]*quantile.Tally, mc.nOut)
		for j, p := range plans {
			if p != nil {
				t[j] = p.NewTally()
			}
		}
		return t
	}
	add := func(w *mcWorker, rows []float64) {
		for j, t := range w.tal {
			if t != nil {
				t.AddStrided(rows[j:], mc.nOut)
			}
		}
	}
	workers, err := mc.chunks(ctx, pilotChunks, mc.nChunks, nil, true, tallies, add)
	if err != nil {
		return nil, 0, err
	}
	sums := make([]Summary, mc.nOut)
	merge := func(j int, pilot *quantile.Tally) *quantile.Tally {
		t := plans[j].NewTally()
		if pilot != nil {
			t.Merge(pilot)
		}
		for _, w := range workers {
			t.Merge(w.tal[j])
		}
		return t
	}
	var again bool
	var scratch quantile.Scratch
	for j := range plans {
		next, err := plans[j].Percentiles(sums[j].P[:], merge(j, pilotTal[j]), &scratch)
		if err != nil {
			return nil, 0, mc.outputError(j, err)
		}
		plans[j] = next // nil when done
		again = again || next != nil
	}
	if !again {
		return sums, 1, nil
	}
	// A second pass over every draw, for the outputs whose percentiles
	// fell outside what was kept.
	mc.cfg.Progress.expect(mc.n)
	if workers, err = mc.chunks(ctx, 0, mc.nChunks, nil, false, tallies, add); err != nil {
		return nil, 0, err
	}
	for j, p := range plans {
		if p == nil {
			continue
		}
		next, err := p.Percentiles(sums[j].P[:], merge(j, nil), &scratch)
		if err != nil {
			return nil, 0, mc.outputError(j, err)
		}
		if next != nil {
			panic("sensitivity: a second pass kept too little")
		}
	}
	return sums, 2, nil
}

// outputError names output j in an error of package quantile.
func (mc *mcRun) outputError(j int, err error) error {
	if errors.Is(err, quantile.ErrNaN) {
		return fmt.Errorf("output %d is not a number in some draw: %w", j, err)
	}
	return err
}
