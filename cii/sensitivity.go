package cii

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"

	"simulate/internal/parallel"
	"simulate/model"
	"simulate/sobol"
	"simulate/uncertain"
)

// ChunkSize is the number of draws (or design rows) in a chunk of
// [MonteCarlo] and [Sobol]: the unit of work of a goroutine and of a
// random stream, as in package sensitivity. It is fixed, so that which
// draws share a stream never depends on the machine.
const ChunkSize = 4096

// CheckDomain returns an error naming every weight outside [0, 1] and
// every penetration outside [0, 100] % of ix (beyond [Tolerance]), with
// its key path: what a value applied by a sensitivity analysis must not
// produce. Unlike [Index.Check] it ignores the constraints of the text,
// which a sensitivity analysis is free to leave.
func (ix *Index) CheckDomain() error {
	bad := func(s *Stage) bool {
		w, p := s.Weight.V, s.Penetration.V
		return !(w >= -Tolerance && w <= 1+Tolerance) || s.Leaf() && !(p >= -Tolerance && p <= 100+Tolerance)
	}
	ok := true
	for _, ind := range ix.Industries {
		for _, s := range ind.Stages {
			ok = ok && !bad(s)
			for _, c := range s.Subs {
				ok = ok && !bad(c)
			}
		}
	}
	if ok {
		return nil // the hot path of a sensitivity run: no allocation
	}
	var msgs []string
	check := func(path string, s *Stage) {
		if w := s.Weight.V; !(w >= -Tolerance && w <= 1+Tolerance) {
			msgs = append(msgs, fmt.Sprintf("%s.weight = %s is outside [0, 1]", path, FormatValue(w)))
		}
		if p := s.Penetration.V; s.Leaf() && !(p >= -Tolerance && p <= 100+Tolerance) {
			msgs = append(msgs, fmt.Sprintf("%s.penetration_pct = %s is outside [0, 100] %%", path, FormatValue(p)))
		}
	}
	for _, ind := range ix.Industries {
		for _, s := range ind.Stages {
			base := PathPrefix + ind.Key + "." + s.Key
			check(base, s)
			for _, c := range s.Subs {
				check(base+"."+c.Key, c)
			}
		}
	}
	return errors.New(strings.Join(msgs, "; "))
}

// SweepIndex returns metric m of base at every point of the grid of one
// or two targets: z[i] at values[0][i], or z[i·len(values[1])+j] at
// (values[0][i], values[1][j]). It returns an error, and no values, if a
// point of the grid gives a value outside its domain
// ([Index.CheckDomain]): every point is checked as it is evaluated. It
// stops with ctx's error when ctx is done (looking every 1024 points).
func SweepIndex(ctx context.Context, base *Index, targets []model.Target, values [][]float64, m Metric) ([]float64, error) {
	if len(targets) < 1 || len(targets) > 2 || len(values) != len(targets) {
		return nil, errors.New("cii: a sweep needs one or two targets, each with its values")
	}
	b, err := Bind(base, targets)
	if err != nil {
		return nil, err
	}
	ny := 1
	if len(values) == 2 {
		ny = len(values[1])
	}
	x := make([]float64, len(targets))
	z := make([]float64, 0, len(values[0])*ny)
	var r Result
	for _, xv := range values[0] {
		x[0] = xv
		for j := range ny {
			if len(values) == 2 {
				x[1] = values[1][j]
			}
			if len(z)%1024 == 1023 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			b.Apply(x)
			if err := b.ix.CheckDomain(); err != nil {
				return nil, fmt.Errorf("at %s: %v", pointText(targets, x), err)
			}
			b.ix.Evaluate(&r)
			z = append(z, m.Value(&r))
		}
	}
	return z, nil
}

func pointText(targets []model.Target, x []float64) string {
	parts := make([]string, len(targets))
	for i, t := range targets {
		op := "="
		switch t.Mode {
		case model.Add:
			op = "+"
		case model.Scale:
			op = "*"
		}
		parts[i] = t.Path + op + FormatValue(x[i])
	}
	return strings.Join(parts, ", ")
}

// Bar is one bar of a tornado diagram of an index: a metric with one
// target at its low and at its high value, every other value at the base.
type Bar struct {
	model.Target
	Low, High             float64 // the values applied (a fraction, percent, or a factor for Scale)
	MetricLow, MetricHigh float64
}

// Swing returns |MetricHigh − MetricLow|.
func (b Bar) Swing() float64 { return math.Abs(b.MetricHigh - b.MetricLow) }

// Tornado returns the bars of a tornado diagram of metric m of base,
// largest swing first (ties keep the order of targets), and the metric at
// the base. lows[i] and highs[i] are applied to targets[i] alone. It
// returns an error naming each value outside its domain.
func Tornado(base *Index, targets []model.Target, lows, highs []float64, m Metric) ([]Bar, float64, error) {
	if len(lows) != len(targets) || len(highs) != len(targets) {
		return nil, 0, errors.New("cii: Tornado needs a low and a high value for each target")
	}
	var r Result
	base.Evaluate(&r)
	at := m.Value(&r)
	bars := make([]Bar, len(targets))
	var errs []error
	for i, t := range targets {
		b, err := Bind(base, []model.Target{t})
		if err != nil {
			return nil, 0, err
		}
		bars[i] = Bar{Target: t, Low: lows[i], High: highs[i]}
		for k, v := range []float64{lows[i], highs[i]} {
			b.Apply([]float64{v})
			if err := b.ix.CheckDomain(); err != nil {
				errs = append(errs, fmt.Errorf("at %s: %v", pointText([]model.Target{t}, []float64{v}), err))
				continue
			}
			b.ix.Evaluate(&r)
			if k == 0 {
				bars[i].MetricLow = m.Value(&r)
			} else {
				bars[i].MetricHigh = m.Value(&r)
			}
		}
	}
	if len(errs) > 0 {
		return nil, 0, errors.Join(errs...)
	}
	sort.SliceStable(bars, func(i, j int) bool { return bars[i].Swing() > bars[j].Swing() })
	return bars, at, nil
}

// MCResult is the outcome of every draw of a Monte Carlo run on an index,
// in draw order.
type MCResult struct {
	Metrics []Metric
	Values  [][]float64 // Values[m][d]: metric m in draw d
	// Scores[d·k+i] is industry i's index in draw d, for k industries: the
	// input of [RankIntervals].
	Scores []float64
	Draws  [][]float64 // Draws[i][d]: the value drawn for input i (keep)
}

// MonteCarlo draws every uncertain input independently from its
// distribution, applies the draws to base in order (a weight drawn
// rescales its siblings, [Ref.Set]), and records the metrics and every
// industry's score of each draw; with keep, also the values drawn.
//
// Draw d belongs to chunk d / [ChunkSize], whose random numbers come from
// a PCG generator seeded with (seed, chunk), as in package sensitivity;
// within a draw the inputs are drawn in order. The result depends only on
// the inputs, the seed and the number of draws, not on the number of
// goroutines. It returns an error if a draw leaves a value's domain, and
// ctx's error if ctx is done first.
func MonteCarlo(ctx context.Context, base *Index, unc []uncertain.Input, draws int, seed uint64, ms []Metric, keep bool) (*MCResult, error) {
	if draws < 1 {
		return nil, fmt.Errorf("cii: %d draws: at least one", draws)
	}
	proto, err := bindInputs(base, unc)
	if err != nil {
		return nil, err
	}
	k := len(base.Industries)
	r := &MCResult{Metrics: ms, Values: make([][]float64, len(ms)), Scores: make([]float64, draws*k)}
	for m := range r.Values {
		r.Values[m] = make([]float64, draws)
	}
	if keep {
		r.Draws = make([][]float64, len(unc))
		for i := range r.Draws {
			r.Draws[i] = make([]float64, draws)
		}
	}
	type state struct {
		b   *Binding
		src *rand.PCG
		x   []float64
		res Result
	}
	err = parallel.ForChunks(ctx, draws, ChunkSize, func() *state {
		return &state{b: proto.Clone(), src: rand.NewPCG(0, 0), x: make([]float64, len(unc))}
	}, func(s *state, c parallel.Chunk) error {
		s.src.Seed(seed, uint64(c.Index))
		for d := c.Lo; d < c.Hi; d++ {
			for i := range unc {
				s.x[i] = unc[i].Dist.Rand(s.src)
			}
			s.b.Apply(s.x)
			if err := s.b.ix.CheckDomain(); err != nil {
				return fmt.Errorf("draw %d: %v", d, err)
			}
			s.b.ix.Evaluate(&s.res)
			for m, met := range ms {
				r.Values[m][d] = met.Value(&s.res)
			}
			copy(r.Scores[d*k:(d+1)*k], s.res.Scores)
			for i, v := range s.x {
				if r.Draws != nil {
					r.Draws[i][d] = v
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// bindInputs binds the targets of unc to a copy of base.
func bindInputs(base *Index, unc []uncertain.Input) (*Binding, error) {
	if len(unc) == 0 {
		return nil, errors.New("cii: no uncertain input")
	}
	targets := make([]model.Target, len(unc))
	for i, u := range unc {
		if len(u.Keys) != 1 {
			return nil, fmt.Errorf("cii: %s changes %d values; an index's inputs change one each", u.Name, len(u.Keys))
		}
		targets[i] = u.Targets()[0]
	}
	return Bind(base, targets)
}

// SobolResult holds the Sobol indices of each metric of an index.
type SobolResult struct {
	Metrics []Metric
	Indices []sobol.Result // Indices[m].S1[i]: metric m, input i
	Runs    int            // index evaluations: N·(k+2)
	Options sobol.Options  // how the intervals were computed
}

// Sobol estimates first-order and total Sobol indices of each metric for
// the uncertain inputs with the design and estimators of package sensitivity
// (sensitivity.Sobol): n base rows of an Owen-scrambled Sobol sequence in
// replicates independent blocks, each coordinate u mapped to input i's
// value by its quantile function, Saltelli et al. (2010) first-order and
// Jansen (1999) total estimators (sobol.Indices); Student-t intervals over
// the replicates, or the percentile bootstrap with boot > 0 resamples.
// The index is evaluated n·(k+2) times, in chunks into fixed slots, so the
// result does not depend on the number of goroutines.
func Sobol(ctx context.Context, base *Index, unc []uncertain.Input, n, replicates int, seed uint64, boot int, ms []Metric) (*SobolResult, error) {
	proto, err := bindInputs(base, unc)
	if err != nil {
		return nil, err
	}
	if len(ms) == 0 {
		return nil, errors.New("cii: no metric")
	}
	k := len(unc)
	d, err := sobol.NewDesign(k, n/replicates, replicates, sobol.Scrambled, seed)
	if err != nil {
		return nil, err
	}
	opt := d.Options()
	if boot > 0 {
		opt.CI, opt.Resamples = sobol.Bootstrap, boot
	}
	rows := d.Len()
	outs := make([]*sobol.Outputs, len(ms))
	for m := range outs {
		outs[m] = d.NewOutputs()
	}
	type state struct {
		b             *Binding
		p             *sobol.Points
		a, bb, xa, xb []float64
		x             []float64
		res           Result
	}
	eval := func(s *state, x []float64, row int) error {
		s.b.Apply(x)
		if err := s.b.ix.CheckDomain(); err != nil {
			return fmt.Errorf("design row %d: %v", row, err)
		}
		s.b.ix.Evaluate(&s.res)
		return nil
	}
	err = parallel.ForChunks(ctx, rows, ChunkSize, func() *state {
		return &state{b: proto.Clone(), p: d.Points(0),
			a: make([]float64, k), bb: make([]float64, k), xa: make([]float64, k), xb: make([]float64, k), x: make([]float64, k)}
	}, func(s *state, c parallel.Chunk) error {
		s.p.Seek(c.Lo)
		for j := c.Lo; j < c.Hi; j++ {
			s.p.Next(s.a, s.bb)
			for i := range unc {
				s.xa[i] = unc[i].Dist.Quantile(s.a[i])
				s.xb[i] = unc[i].Dist.Quantile(s.bb[i])
			}
			if err := eval(s, s.xa, j); err != nil {
				return err
			}
			for m, met := range ms {
				outs[m].A[j] = met.Value(&s.res)
			}
			if err := eval(s, s.xb, j); err != nil {
				return err
			}
			for m, met := range ms {
				outs[m].B[j] = met.Value(&s.res)
			}
			for i := range unc {
				copy(s.x, s.xa)
				s.x[i] = s.xb[i]
				if err := eval(s, s.x, j); err != nil {
					return err
				}
				for m, met := range ms {
					outs[m].AB[i][j] = met.Value(&s.res)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	r := &SobolResult{Metrics: ms, Runs: rows * (k + 2), Options: opt}
	for m, o := range outs {
		ix, err := sobol.Indices(o.A, o.B, o.AB, opt)
		if errors.Is(err, sobol.ErrZeroVariance) {
			return nil, fmt.Errorf("metric %s does not vary with the uncertain inputs: its Sobol indices are undefined", ms[m].Name)
		}
		if err != nil {
			return nil, fmt.Errorf("metric %s: %w", ms[m].Name, err)
		}
		r.Indices = append(r.Indices, ix)
	}
	return r, nil
}
