package sensitivity

import (
	"context"
	"errors"
	"fmt"
	"math/bits"

	"simulate/internal/parallel"
	"simulate/metrics"
	"simulate/model"
	"simulate/sobol"
	"simulate/uncertain"
)

// SobolReplicates is the number of independently scrambled replicates the
// Sobol design is split into: their spread gives the Student-t intervals
// that package sobol measured to have the nominal coverage (sobol/README.md).
const SobolReplicates = 8

// Limits of the design's size N.
const (
	MinSobolN = 8 * SobolReplicates
	MaxSobolN = 1 << 22
)

// SobolConfig configures a Sobol analysis.
type SobolConfig struct {
	N         int    // base rows of the design: a power of two, MinSobolN … MaxSobolN
	Seed      uint64 // seed of the scrambling (and of the bootstrap)
	Bootstrap int    // 0: Student-t intervals over the replicates; else bootstrap resamples (≥ 10)
	Level     float64
	Metrics   []metrics.Metric
	Progress  *Progress // counts model runs; may be nil
}

// SobolResult holds the indices of each metric.
type SobolResult struct {
	Metrics []metrics.Metric // the outputs, for Sobol
	Indices []sobol.Result   // Indices[m].S1[i]: output m, input i
	Runs    int              // model runs: N·(k+2)
	Options sobol.Options    // how the intervals were computed
	Design  *sobol.Design
}

// MaxBootstrapWork bounds the work of Sobol's bootstrap intervals,
// N × inputs × metrics × resamples row operations (each resample
// reweights every row for every input): 2³⁴, a few minutes on one core.
// Sobol refuses more up front.
const MaxBootstrapWork = 1 << 34

// CheckSobolN returns an error unless n is a valid design size.
func CheckSobolN(n int) error {
	if n < MinSobolN || n > MaxSobolN || bits.OnesCount(uint(n)) != 1 {
		return fmt.Errorf("%d base rows: N must be a power of two from %d to %d (the design is %d scrambled Sobol replicates of N/%d points, and Sobol points balance in powers of two)",
			n, MinSobolN, MaxSobolN, SobolReplicates, SobolReplicates)
	}
	return nil
}

// Sobol estimates first-order and total Sobol indices of each metric for
// the uncertain inputs: SobolOf with the model of base (InputsModel) and
// cfg.Metrics.
func Sobol(ctx context.Context, base *model.Inputs, unc []uncertain.Input, cfg SobolConfig) (*SobolResult, error) {
	if len(unc) == 0 {
		return nil, errors.New("no uncertain input")
	}
	if len(cfg.Metrics) == 0 {
		return nil, errors.New("sensitivity: no metric")
	}
	if err := CheckSobolN(cfg.N); err != nil {
		return nil, err
	}
	for _, m := range cfg.Metrics {
		if err := m.Check(base.FirstYear(), base.LastYear()); err != nil {
			return nil, err
		}
	}
	m, err := NewInputsModel(base, unc, cfg.Metrics)
	if err != nil {
		return nil, err
	}
	r, err := SobolOf(ctx, m, unc, cfg)
	if err != nil {
		var oe *OutputError
		if errors.As(err, &oe) && errors.Is(oe.Err, ErrNoVariance) {
			return nil, fmt.Errorf("metric %s %w", cfg.Metrics[oe.Output], oe.Err)
		}
		if errors.As(err, &oe) {
			return nil, fmt.Errorf("metric %s: %w", cfg.Metrics[oe.Output], oe.Err)
		}
		return nil, err
	}
	r.Metrics = cfg.Metrics
	return r, nil
}

// OutputError is an error of the indices of one output of a Model.
type OutputError struct {
	Output int
	Err    error
}

func (e *OutputError) Error() string { return fmt.Sprintf("output %d: %v", e.Output, e.Err) }
func (e *OutputError) Unwrap() error { return e.Err }

// ErrNoVariance is the error, wrapped in an *OutputError, of an output that
// does not vary with the inputs: its indices are undefined.
var ErrNoVariance = errors.New("does not vary with the uncertain inputs: its Sobol indices are undefined")

// SobolOf estimates first-order and total Sobol indices of each output of
// model m for the inputs unc (their distributions; cfg.Metrics is not
// read), with the Saltelli et al. (2010) design of package sobol: base
// points from a 2k-dimensional Owen-scrambled Sobol sequence (Joe–Kuo
// direction numbers) in SobolReplicates independent replicates; matrix A
// takes the first k coordinates, B the last k, and A_B^(i) is A with
// column i from B. Each coordinate u in [0, 1) becomes the value of input
// i through its distribution's quantile function, Q_i(u). The model runs
// N·(k+2) times. The indices assume independent inputs.
//
// The estimators are package sobol's (sobol.Indices): Saltelli et al.
// (2010) for the first-order index and Jansen (1999) for the total index.
// Intervals: Student-t over the replicates (cfg.Bootstrap = 0), or the
// percentile bootstrap over rows with cfg.Bootstrap resamples, which on a
// Sobol design is conservative (package sobol measured full coverage with
// intervals 3–6 times too wide).
//
// Rows are evaluated in chunks on all cores into fixed slots, so the result
// does not depend on the number of goroutines. An output that does not
// vary gives an *OutputError wrapping ErrNoVariance.
func SobolOf(ctx context.Context, m Model, unc []uncertain.Input, cfg SobolConfig) (*SobolResult, error) {
	k := len(unc)
	nOut := m.Outputs()
	if k == 0 {
		return nil, errors.New("no uncertain input")
	}
	if err := CheckSobolN(cfg.N); err != nil {
		return nil, err
	}
	if nOut == 0 {
		return nil, errors.New("sensitivity: no metric")
	}
	if per := (k + 2) * nOut; cfg.N > MaxStoredValues/per {
		return nil, fmt.Errorf("%d base rows × %d outputs per row would need %d MiB; the limit is %d values (%d MiB): use N ≤ %d",
			cfg.N, per, cfg.N*per*8>>20, MaxStoredValues, MaxStoredValues*8>>20, MaxStoredValues/per)
	}
	if b := cfg.Bootstrap; b > 0 {
		if work := cfg.N * k * nOut; b > MaxBootstrapWork/work {
			return nil, fmt.Errorf("%d base rows × %d inputs × %d metrics × %d bootstrap resamples is %.3g row operations; the limit is %.3g (minutes on one core): use at most %d resamples, or a smaller N",
				cfg.N, k, nOut, b, float64(work)*float64(b), float64(MaxBootstrapWork), MaxBootstrapWork/work)
		}
	}
	d, err := sobol.NewDesign(k, cfg.N/SobolReplicates, SobolReplicates, sobol.Scrambled, cfg.Seed)
	if err != nil {
		return nil, err
	}
	opt := d.Options()
	if cfg.Level != 0 {
		opt.Level = cfg.Level
	}
	if cfg.Bootstrap > 0 {
		opt.CI, opt.Resamples = sobol.Bootstrap, cfg.Bootstrap
	}

	n := d.Len()
	outs := make([]*sobol.Outputs, nOut)
	for j := range outs {
		outs[j] = d.NewOutputs()
	}
	cfg.Progress.expect(n * (k + 2))
	type state struct {
		run          Runner
		p            *sobol.Points
		a, b, xa, xb []float64
		x, y         []float64
	}
	err = parallel.ForChunks(ctx, n, ChunkSize, func() *state {
		return &state{run: m.NewRunner(), p: d.Points(0),
			a: make([]float64, k), b: make([]float64, k), xa: make([]float64, k), xb: make([]float64, k),
			x: make([]float64, k), y: make([]float64, nOut)}
	}, func(s *state, c parallel.Chunk) error {
		s.p.Seek(c.Lo)
		for j := c.Lo; j < c.Hi; j++ {
			s.p.Next(s.a, s.b)
			for i := range unc {
				s.xa[i] = unc[i].Dist.Quantile(s.a[i])
				s.xb[i] = unc[i].Dist.Quantile(s.b[i])
			}
			s.run.Run(s.y, s.xa)
			for o, v := range s.y {
				outs[o].A[j] = v
			}
			s.run.Run(s.y, s.xb)
			for o, v := range s.y {
				outs[o].B[j] = v
			}
			for i := range unc {
				copy(s.x, s.xa)
				s.x[i] = s.xb[i]
				s.run.Run(s.y, s.x)
				for o, v := range s.y {
					outs[o].AB[i][j] = v
				}
			}
		}
		cfg.Progress.add((c.Hi - c.Lo) * (k + 2))
		return nil
	})
	if err != nil {
		return nil, err
	}

	r := &SobolResult{Runs: n * (k + 2), Options: opt, Design: d, Indices: make([]sobol.Result, nOut)}
	err = parallel.For(ctx, nOut, func(o int) error {
		ix, err := sobol.IndicesContext(ctx, outs[o].A, outs[o].B, outs[o].AB, opt)
		if errors.Is(err, sobol.ErrZeroVariance) {
			return &OutputError{o, ErrNoVariance}
		}
		if err != nil {
			return &OutputError{o, err}
		}
		r.Indices[o] = ix
		return nil
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}
