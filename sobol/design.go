package sobol

import (
	"errors"
	"fmt"
	"math/rand/v2"
)

// Sampling selects how a Design draws its base points.
type Sampling int

const (
	// Scrambled uses an Owen-scrambled Sobol sequence; each replicate has its
	// own independent scramble. With two or more replicates, Options gives
	// Student-t intervals over replicates: the recommended setting.
	Scrambled Sampling = iota
	// Shifted uses a digitally shifted Sobol sequence, an independent shift
	// per replicate.
	Shifted
	// Plain uses the deterministic Sobol sequence: no confidence intervals,
	// and all replicates would be equal, so it allows only one.
	Plain
	// MonteCarlo uses independent uniform draws (PCG). Rows are independent,
	// so Options gives bootstrap intervals.
	MonteCarlo
)

func (s Sampling) String() string {
	switch s {
	case Scrambled:
		return "scrambled Sobol"
	case Shifted:
		return "shifted Sobol"
	case Plain:
		return "plain Sobol"
	case MonteCarlo:
		return "Monte Carlo"
	}
	return fmt.Sprintf("Sampling(%d)", int(s))
}

// ErrDesign is wrapped by the errors NewDesign returns.
var ErrDesign = errors.New("sobol: invalid design")

// Design is the sampling design of Saltelli et al. (2010) for K parameters on
// the unit cube [0, 1)^K.
//
// Base point j (0 ≤ j < Len()) is a point of a 2K-dimensional sequence; its
// first K coordinates are row j of matrix A and its last K coordinates row j
// of matrix B. Matrix A_B^(i) is A with column i taken from B. The model is
// evaluated on the rows of A, B and the K matrices A_B^(i): Len()·(K+2)
// evaluations. Mapping the unit cube to the parameters' distributions (for
// example by inverse CDFs) is the caller's part.
//
// The base points come in Replicates consecutive blocks of N points; block r
// holds points 0 … N−1 of the sequence under the r-th independent
// randomisation, so the blocks are independent replicates of the same
// estimator. Choose N a power of two for Sobol sampling: the first 2^m points
// of the sequence form a net, other counts lose balance.
//
// A Design is immutable and safe for concurrent use.
type Design struct {
	K          int      // number of parameters
	N          int      // base points per replicate
	Replicates int      // independent randomisations, R ≥ 1
	Sampling   Sampling // how base points are drawn
	Seed       uint64   // seed of all randomness

	repSeeds []uint64 // seed of each replicate's randomisation
}

// NewDesign returns a design for k parameters with replicates blocks of n
// base points, drawn by s from seed. It returns an error wrapping ErrDesign if
// k < 1, 2k exceeds the dimensions of the embedded table (k > 50) for Sobol
// sampling, n < 2, n > 2³² for Sobol sampling, replicates < 1, replicates > 1
// with Plain sampling, or s is unknown.
func NewDesign(k, n, replicates int, s Sampling, seed uint64) (*Design, error) {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("%w: "+format, append([]any{ErrDesign}, args...)...))
	}
	sobol := s == Scrambled || s == Shifted || s == Plain
	switch {
	case s < Scrambled || s > MonteCarlo:
		bad("unknown sampling %d", int(s))
	case k < 1:
		bad("k = %d parameters, want at least 1", k)
	case sobol && 2*k > JoeKuo().Dims():
		bad("k = %d parameters need %d Sobol dimensions, the table has %d", k, 2*k, JoeKuo().Dims())
	}
	switch {
	case n < 2:
		bad("n = %d base points, want at least 2", n)
	case sobol && uint64(n) > maxPoints:
		bad("n = %d base points, the Sobol sequence has 2^32", n)
	}
	switch {
	case replicates < 1:
		bad("%d replicates, want at least 1", replicates)
	case s == Plain && replicates > 1:
		bad("%d replicates of the plain Sobol sequence would all be equal", replicates)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	d := &Design{K: k, N: n, Replicates: replicates, Sampling: s, Seed: seed}
	rng := rand.New(rand.NewPCG(seed, 0x646573696e)) // stream "design"
	d.repSeeds = make([]uint64, replicates)
	for r := range d.repSeeds {
		d.repSeeds[r] = rng.Uint64()
	}
	return d, nil
}

// Len returns the number of base points, N·Replicates: the length of each of
// the output slices A, B and AB[i].
func (d *Design) Len() int { return d.N * d.Replicates }

// Options returns the recommended options for Indices on outputs of this
// design: Student-t intervals over replicates for randomised Sobol sampling
// with at least two replicates, bootstrap intervals for Monte Carlo with one
// replicate, none otherwise; 95 % level, 1000 bootstrap resamples, and the
// bootstrap seeded from the design's seed.
func (d *Design) Options() Options {
	o := Options{Level: 0.95, Resamples: 1000, Replicates: d.Replicates, Seed: mix64(d.Seed ^ 0x626f6f74)}
	switch {
	case d.Replicates >= 2 && d.Sampling != Plain:
		o.CI = ReplicateT
	case d.Sampling == MonteCarlo:
		o.CI = Bootstrap
	}
	return o
}

// scrambling returns the randomisation of the Sobol sequence.
func (d *Design) scrambling() Scrambling {
	switch d.Sampling {
	case Scrambled:
		return OwenScrambling
	case Shifted:
		return DigitalShift
	}
	return NoScrambling
}

// Points walks the base points of a design in order. Each goroutine needs
// its own Points; a Points positioned with Seek yields exactly the points a
// sequential walk would, so chunks of a design can be evaluated in parallel
// with identical results.
type Points struct {
	d   *Design
	seq *Sequence // Sobol sampling
	pcg rand.PCG  // Monte Carlo sampling
	rng *rand.Rand
	buf []float64
	rep int // replicate the sequence is randomised for
	j   int // global index of the next base point
}

// Points returns a walker positioned at base point from.
// It panics if from is outside 0 … Len().
func (d *Design) Points(from int) *Points {
	p := &Points{d: d, buf: make([]float64, 2*d.K), rep: -1}
	if d.Sampling == MonteCarlo {
		p.rng = rand.New(&p.pcg)
	} else {
		p.seq = NewSequence(2*d.K, NoScrambling, 0)
	}
	p.Seek(from)
	return p
}

// Seek positions p so that Next returns base point j next.
// It panics if j is outside 0 … Len().
func (p *Points) Seek(j int) {
	if j < 0 || j > p.d.Len() {
		panic(fmt.Sprintf("sobol: base point %d outside 0 … %d", j, p.d.Len()))
	}
	p.j = j
	if p.seq != nil && j < p.d.Len() {
		p.position()
	}
}

// position points the sequence at base point p.j.
func (p *Points) position() {
	r, i := p.j/p.d.N, p.j%p.d.N
	if r != p.rep {
		p.seq.Randomise(p.d.scrambling(), p.d.repSeeds[r])
		p.rep = r
	}
	p.seq.Seek(uint64(i))
}

// Next writes the next row of A into a and of B into b, and advances. It
// allocates nothing.
//
// It panics if len(a) or len(b) is not K, or past the last base point.
func (p *Points) Next(a, b []float64) {
	d := p.d
	if len(a) != d.K || len(b) != d.K {
		panic(fmt.Sprintf("sobol: Points.Next: len(a) = %d, len(b) = %d, want %d", len(a), len(b), d.K))
	}
	if p.j >= d.Len() {
		panic("sobol: Points.Next past the last base point")
	}
	if d.Sampling == MonteCarlo {
		// Point j is a pure function of (seed, j): stream j of PCG.
		p.pcg.Seed(d.repSeeds[0], uint64(p.j))
		for i := range p.buf {
			p.buf[i] = p.rng.Float64()
		}
	} else {
		if p.j%d.N == 0 && p.j/d.N != p.rep {
			p.position()
		}
		p.seq.Next(p.buf)
	}
	copy(a, p.buf[:d.K])
	copy(b, p.buf[d.K:])
	p.j++
}

// ABRow writes row j of A_B^(i) into dst given rows a of A and b of B: a
// with coordinate i replaced by b[i]. It panics if the lengths differ or i is
// out of range.
func ABRow(dst, a, b []float64, i int) {
	if len(dst) != len(a) || len(b) != len(a) {
		panic("sobol: ABRow: slices of different lengths")
	}
	copy(dst, a)
	dst[i] = b[i]
}

// Outputs holds a scalar model output at every row of a design.
type Outputs struct {
	A  []float64   // A[j] = f(row j of A)
	B  []float64   // B[j] = f(row j of B)
	AB [][]float64 // AB[i][j] = f(row j of A_B^(i)), i < K
}

// NewOutputs allocates outputs for d.
func (d *Design) NewOutputs() *Outputs {
	n := d.Len()
	o := &Outputs{A: make([]float64, n), B: make([]float64, n), AB: make([][]float64, d.K)}
	for i := range o.AB {
		o.AB[i] = make([]float64, n)
	}
	return o
}
