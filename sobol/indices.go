package sobol

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/stat/distuv"

	"simulate/internal/parallel"
	"simulate/quantile"
)

// CI selects how Indices computes confidence intervals.
type CI int

const (
	// NoCI computes point estimates only.
	NoCI CI = iota
	// Bootstrap gives percentile bootstrap intervals (Efron and Tibshirani
	// 1993, ch. 13): the base points (rows j of A, B and every A_B^(i)
	// together) are resampled with replacement, the estimators recomputed on
	// each resample, and the interval runs between the (1−Level)/2 and
	// (1+Level)/2 percentiles (type 7) of the resampled estimates. It assumes
	// independent rows, so use it with MonteCarlo sampling; on a Sobol design
	// the rows are not independent and the intervals are too wide.
	Bootstrap
	// ReplicateT gives Student-t intervals over independent replicates, the
	// standard interval of randomised quasi-Monte Carlo (L'Ecuyer and
	// Lemieux 2002): the rows form Replicates consecutive equal
	// blocks, independent randomisations of the same design; with S_r the
	// estimate from block r alone and s their standard deviation, the interval
	// is Ŝ ± t_(R−1, (1+Level)/2)·s/√R around the estimate Ŝ from all rows.
	ReplicateT
)

func (c CI) String() string {
	switch c {
	case NoCI:
		return "none"
	case Bootstrap:
		return "bootstrap"
	case ReplicateT:
		return "replicate t"
	}
	return fmt.Sprintf("CI(%d)", int(c))
}

// Options controls Indices. The zero value computes point estimates only;
// Design.Options gives the recommended options for a design.
type Options struct {
	CI         CI      // interval method
	Level      float64 // confidence level, 0 < Level < 1; 0 means 0.95
	Resamples  int     // bootstrap resamples; 0 means 1000
	Replicates int     // rows form this many consecutive independent blocks of equal size; 0 means 1
	Seed       uint64  // seed of the bootstrap resampling
}

// Result holds Sobol indices for K parameters. The interval slices are nil
// when no intervals were asked for.
type Result struct {
	S1, S1Lo, S1Hi []float64 // first-order indices S_i and their intervals
	ST, STLo, STHi []float64 // total-order indices S_Ti and their intervals
	Mean           float64   // mean of the output over the rows of A and B
	Var            float64   // variance V of the output over the rows of A and B
}

var (
	// ErrOptions is wrapped by errors for options that do not fit the data.
	ErrOptions = errors.New("sobol: invalid options")
	// ErrNotFinite is wrapped by the error for a NaN or infinite output.
	ErrNotFinite = errors.New("sobol: model output is not finite")
	// ErrZeroVariance is wrapped by the error for outputs that do not vary,
	// for which the indices are undefined.
	ErrZeroVariance = errors.New("sobol: model output has zero variance")
)

// Indices estimates first-order and total Sobol indices from model outputs
// on a Saltelli design: fA[j], fB[j] and fAB[i][j] are the outputs at row j
// of A, B and A_B^(i) (see Design and Outputs). With n rows and the outputs
// centred by their mean over A and B,
//
//	V    = 1/(2n) Σ_j (f(A)_j² + f(B)_j²) − m², m the mean of the centred f(A), f(B),
//	S_i  = 1/n  Σ_j (f(B)_j − m)(f(A_B^(i))_j − f(A)_j) / V,
//	S_Ti = 1/(2n) Σ_j (f(A)_j − f(A_B^(i))_j)² / V.
//
// S_i is the first-order estimator of Saltelli et al. (2010) and S_Ti the
// total-effect estimator of Jansen (1999), which Saltelli et al. (2010) found
// the best of those they compared (references in the package documentation).
// Centring f(B) (the mean m is ≈ 0
// after centring) leaves the expectation unchanged and makes the result
// invariant to adding a constant to the output, which the uncentred
// estimator is not: its variance grows with the squared mean. V is the
// plug-in variance of the 2n outputs of A and B.
//
// Intervals follow opt.CI. Bootstrap resamples run on all cores (package
// internal/parallel); the result does not depend on GOMAXPROCS: resample b
// draws from a PCG stream seeded with (opt.Seed, b) and writes only its
// own slot.
//
// It returns an error wrapping ErrNotFinite if an output is NaN or infinite,
// ErrZeroVariance if V is zero, and ErrOptions if the options do not fit the
// data (bootstrap with fewer than 10 resamples, replicate intervals with
// fewer than 2 replicates or a row count that is not a multiple of them, a
// level outside (0, 1)). It panics if the slices' lengths differ or there
// are fewer than 2 rows or no parameters.
func Indices(fA, fB []float64, fAB [][]float64, opt Options) (Result, error) {
	return IndicesContext(context.Background(), fA, fB, fAB, opt)
}

// IndicesContext is [Indices] that stops, returning ctx's error, once ctx
// is done: a bootstrap of many resamples on a large design takes minutes,
// and each resample checks ctx before it starts.
func IndicesContext(ctx context.Context, fA, fB []float64, fAB [][]float64, opt Options) (Result, error) {
	n, k := len(fA), len(fAB)
	if len(fB) != n {
		panic(fmt.Sprintf("sobol: Indices: len(fB) = %d, len(fA) = %d", len(fB), n))
	}
	if n < 2 || k < 1 {
		panic(fmt.Sprintf("sobol: Indices: %d rows and %d parameters, want at least 2 and 1", n, k))
	}
	for i, ab := range fAB {
		if len(ab) != n {
			panic(fmt.Sprintf("sobol: Indices: len(fAB[%d]) = %d, len(fA) = %d", i, len(ab), n))
		}
	}
	opt, err := opt.withDefaults(n)
	if err != nil {
		return Result{}, err
	}
	if err := checkFinite(fA, fB, fAB); err != nil {
		return Result{}, err
	}

	rows := newRowStats(fA, fB, fAB)
	sums := make([]float64, rows.f)
	rows.sum(sums, 0, n)
	res := Result{S1: make([]float64, k), ST: make([]float64, k)}
	m, v, ok := estimate(res.S1, res.ST, sums, float64(n))
	if !ok {
		return Result{}, ErrZeroVariance
	}
	res.Mean, res.Var = rows.centre+m, v

	switch opt.CI {
	case Bootstrap:
		err = bootstrap(ctx, &res, rows, opt)
	case ReplicateT:
		err = replicateT(&res, rows, opt)
	}
	if err != nil {
		return Result{}, err
	}
	return res, nil
}

// withDefaults fills in defaults and checks the options against n rows.
func (o Options) withDefaults(n int) (Options, error) {
	if o.Level == 0 {
		o.Level = 0.95
	}
	if o.Resamples == 0 {
		o.Resamples = 1000
	}
	if o.Replicates == 0 {
		o.Replicates = 1
	}
	switch {
	case !(o.Level > 0 && o.Level < 1):
		return o, fmt.Errorf("%w: level %v outside (0, 1)", ErrOptions, o.Level)
	case o.Replicates < 1 || n%o.Replicates != 0:
		return o, fmt.Errorf("%w: %d rows do not split into %d replicates", ErrOptions, n, o.Replicates)
	}
	switch o.CI {
	case NoCI:
	case Bootstrap:
		if o.Resamples < 10 {
			return o, fmt.Errorf("%w: %d bootstrap resamples, want at least 10", ErrOptions, o.Resamples)
		}
	case ReplicateT:
		if o.Replicates < 2 || n/o.Replicates < 2 {
			return o, fmt.Errorf("%w: replicate intervals need at least 2 replicates of at least 2 rows, got %d of %d",
				ErrOptions, o.Replicates, n/o.Replicates)
		}
	default:
		return o, fmt.Errorf("%w: unknown interval method %d", ErrOptions, int(o.CI))
	}
	return o, nil
}

func checkFinite(fA, fB []float64, fAB [][]float64) error {
	bad := func(name string, j int, v float64) error {
		return fmt.Errorf("%w: %s at row %d is %v", ErrNotFinite, name, j, v)
	}
	for j := range fA {
		if math.IsNaN(fA[j]) || math.IsInf(fA[j], 0) {
			return bad("f(A)", j, fA[j])
		}
		if math.IsNaN(fB[j]) || math.IsInf(fB[j], 0) {
			return bad("f(B)", j, fB[j])
		}
	}
	for i, ab := range fAB {
		for j, v := range ab {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return bad(fmt.Sprintf("f(A_B^(%d))", i+1), j, v)
			}
		}
	}
	return nil
}

// rowStats holds, for every row j, the terms whose (weighted) sums the
// estimators need, in one contiguous row of f = 2 + 3k values: with a, b the
// centred outputs of A and B and d_i = f(A_B^(i))_j − f(A)_j,
//
//	a+b, a²+b², then for each i: b·d_i, d_i, d_i².
//
// A resample is then a weighted sum of rows, shared by all parameters.
type rowStats struct {
	x      []float64
	n, k   int
	f      int
	centre float64 // mean of f(A) and f(B), subtracted before squaring
}

func newRowStats(fA, fB []float64, fAB [][]float64) *rowStats {
	n, k := len(fA), len(fAB)
	r := &rowStats{n: n, k: k, f: 2 + 3*k, centre: (quantile.Mean(fA) + quantile.Mean(fB)) / 2}
	r.x = make([]float64, n*r.f)
	for j := range n {
		row := r.x[j*r.f : (j+1)*r.f]
		a, b := fA[j]-r.centre, fB[j]-r.centre
		row[0] = a + b
		row[1] = a*a + b*b
		for i := range k {
			d := fAB[i][j] - fA[j]
			row[2+3*i] = b * d
			row[3+3*i] = d
			row[4+3*i] = d * d
		}
	}
	return r
}

// sum sets dst to the sums of rows lo … hi−1.
func (r *rowStats) sum(dst []float64, lo, hi int) {
	clear(dst)
	for j := lo; j < hi; j++ {
		row := r.x[j*r.f : (j+1)*r.f]
		row = row[:len(dst)]
		for c, v := range row {
			dst[c] += v
		}
	}
}

// weightedSum sets dst to Σ_j w_j·row_j, as the matrix-vector product
// Xᵀw in gonum's assembly kernel (single-threaded, so the order of the sums
// is fixed). Skipping the rows of weight zero in Go code was slower.
func (r *rowStats) weightedSum(dst, w []float64) {
	blas64.Gemv(blas.Trans, 1,
		blas64.General{Rows: r.n, Cols: r.f, Stride: r.f, Data: r.x},
		blas64.Vector{N: r.n, Inc: 1, Data: w},
		0, blas64.Vector{N: r.f, Inc: 1, Data: dst})
}

// estimate computes the indices into s1 and st from row sums over a sample
// of total weight n. It returns the mean m and variance V of the centred
// outputs, and false if V ≤ 0.
func estimate(s1, st, sums []float64, n float64) (m, v float64, ok bool) {
	m = sums[0] / (2 * n)
	v = sums[1]/(2*n) - m*m
	if !(v > 0) {
		return m, v, false
	}
	for i := range s1 {
		s := sums[2+3*i : 5+3*i]
		s1[i] = (s[0] - m*s[1]) / n / v
		st[i] = s[2] / (2 * n) / v
	}
	return m, v, true
}

// bootstrap sets the percentile bootstrap intervals of res.
func bootstrap(ctx context.Context, res *Result, rows *rowStats, opt Options) error {
	n, k, nb := rows.n, rows.k, opt.Resamples
	s1b := make([]float64, k*nb) // s1b[i*nb+b]: S_i on resample b
	stb := make([]float64, k*nb)
	type state struct {
		pcg             rand.PCG
		w, sums, s1, st []float64
	}
	err := parallel.ForChunks(ctx, nb, 1, func() *state {
		return &state{w: make([]float64, n), sums: make([]float64, rows.f), s1: make([]float64, k), st: make([]float64, k)}
	}, func(s *state, c parallel.Chunk) error {
		b := c.Index
		s.pcg.Seed(opt.Seed, uint64(b))
		clear(s.w)
		for range n {
			s.w[uniformIndex(&s.pcg, n)]++
		}
		rows.weightedSum(s.sums, s.w)
		if _, _, ok := estimate(s.s1, s.st, s.sums, float64(n)); !ok {
			return fmt.Errorf("%w in a bootstrap resample", ErrZeroVariance)
		}
		for i := range k {
			s1b[i*nb+b] = s.s1[i]
			stb[i*nb+b] = s.st[i]
		}
		return nil
	})
	if err != nil {
		return err
	}
	alpha := 1 - opt.Level
	ps := []float64{100 * alpha / 2, 100 * (1 - alpha/2)}
	q := make([]float64, 2)
	res.S1Lo, res.S1Hi = make([]float64, k), make([]float64, k)
	res.STLo, res.STHi = make([]float64, k), make([]float64, k)
	for i := range k {
		if err := quantile.Percentiles(q, s1b[i*nb:(i+1)*nb], ps, nil); err != nil {
			return fmt.Errorf("sobol: bootstrap interval of S_%d: %w", i+1, err)
		}
		res.S1Lo[i], res.S1Hi[i] = q[0], q[1]
		if err := quantile.Percentiles(q, stb[i*nb:(i+1)*nb], ps, nil); err != nil {
			return fmt.Errorf("sobol: bootstrap interval of S_T%d: %w", i+1, err)
		}
		res.STLo[i], res.STHi[i] = q[0], q[1]
	}
	return nil
}

// replicateT sets the Student-t intervals over replicates of res.
func replicateT(res *Result, rows *rowStats, opt Options) error {
	k, nr := rows.k, opt.Replicates
	size := rows.n / nr
	sums := make([]float64, rows.f)
	s1 := make([]float64, k)
	st := make([]float64, k)
	// Welford accumulators of the replicate estimates.
	mean1, m21 := make([]float64, k), make([]float64, k)
	meanT, m2T := make([]float64, k), make([]float64, k)
	for r := range nr {
		rows.sum(sums, r*size, (r+1)*size)
		if _, _, ok := estimate(s1, st, sums, float64(size)); !ok {
			return fmt.Errorf("%w in replicate %d", ErrZeroVariance, r+1)
		}
		for i := range k {
			welford(&mean1[i], &m21[i], s1[i], r+1)
			welford(&meanT[i], &m2T[i], st[i], r+1)
		}
	}
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(nr - 1)}.Quantile((1 + opt.Level) / 2)
	scale := t / math.Sqrt(float64(nr)*float64(nr-1)) // t·s/√R with s² = M2/(R−1)
	res.S1Lo, res.S1Hi = make([]float64, k), make([]float64, k)
	res.STLo, res.STHi = make([]float64, k), make([]float64, k)
	for i := range k {
		h1 := scale * math.Sqrt(m21[i])
		hT := scale * math.Sqrt(m2T[i])
		res.S1Lo[i], res.S1Hi[i] = res.S1[i]-h1, res.S1[i]+h1
		res.STLo[i], res.STHi[i] = res.ST[i]-hT, res.ST[i]+hT
	}
	return nil
}

// welford adds the c-th value x to a running mean and sum of squared
// deviations.
func welford(mean, m2 *float64, x float64, c int) {
	d := x - *mean
	*mean += d / float64(c)
	*m2 += d * (x - *mean)
}

// uniformIndex returns a uniform integer in [0, n) from pcg, by Lemire's
// multiply-and-reject method.
func uniformIndex(pcg *rand.PCG, n int) int {
	un := uint64(n)
	hi, lo := bits.Mul64(pcg.Uint64(), un)
	if lo < un {
		thresh := -un % un
		for lo < thresh {
			hi, lo = bits.Mul64(pcg.Uint64(), un)
		}
	}
	return int(hi)
}
