package sobol

import (
	"fmt"
	"math/bits"
	"math/rand/v2"
)

// Scrambling selects how a Sequence is randomised.
type Scrambling int

const (
	// NoScrambling gives the plain, deterministic Sobol sequence.
	NoScrambling Scrambling = iota
	// DigitalShift XORs every coordinate of dimension j with a random 32-bit
	// integer e_j: u = (x ⊕ e_j)·2⁻³². Each point is uniform on the cube and
	// the net structure is kept, but all points move together, so the error
	// of an estimate need not be close to normal.
	DigitalShift
	// OwenScrambling applies a nested uniform scramble (Owen 1995) to all 32
	// digits of each coordinate: digit k is flipped or not according to a
	// random bit that depends on the dimension and on digits 1 … k−1 of the
	// unscrambled coordinate. The random bits come from hashing the prefix
	// with a per-dimension seed instead of a stored tree (as in Burley 2020).
	// Scrambled nets keep the net property, have variance no worse than
	// Monte Carlo for any square-integrable integrand, and their estimates are
	// asymptotically normal (Loh 2003).
	OwenScrambling
)

func (s Scrambling) String() string {
	switch s {
	case NoScrambling:
		return "none"
	case DigitalShift:
		return "digital shift"
	case OwenScrambling:
		return "Owen scrambling"
	}
	return fmt.Sprintf("Scrambling(%d)", int(s))
}

// maxPoints is the length of a sequence: the Gray-code recurrence runs out of
// direction numbers after 2³² points.
const maxPoints = 1 << Bits

// Sequence generates the points of a (possibly randomised) Sobol sequence in
// the Gray-code order of Antonov and Saleev (1979): point n+1 is point n with
// one direction number XORed in, the one at the position of the lowest zero
// bit of n. Point n is therefore the XOR of the direction numbers at the set
// bits of the Gray code n ⊕ (n ≫ 1), which is how Seek jumps.
//
// The sequence starts at index 0, which for NoScrambling is the origin
// (0, …, 0); then dimension 1 runs 0.5, 0.75, 0.25, 0.375, … . The first
// point is kept on purpose: the first 2^m points (m ≤ 32) form a (t, m, s)-net
// and are balanced (in every dimension exactly one point in each interval
// [i/2^m, (i+1)/2^m)), which dropping it would break (Owen 2020). Call Seek(1)
// for the other convention. Randomised sequences have no point at the origin,
// but coordinates are multiples of 2⁻³² and so can be exactly 0 (with
// probability 2⁻³² each); map them to unbounded distributions with care.
//
// A Sequence is not safe for concurrent use; give each goroutine its own and
// Seek it to its chunk.
type Sequence struct {
	dim   int
	v     []uint32 // v[d*Bits+j] is direction number j+1 of dimension d+1
	x     []uint32 // unrandomised point at index idx
	shift []uint32 // digital shift per dimension, zero unless DigitalShift
	owen  []uint64 // per-dimension scramble seeds, nil unless OwenScrambling
	scr   Scrambling
	idx   uint64 // index of the point that Next returns next
}

// NewSequence returns a dim-dimensional Sobol sequence from the embedded
// Joe–Kuo table, randomised by scr with random numbers drawn from a PCG
// generator seeded with seed (ignored for NoScrambling).
//
// It panics if dim is outside 1 … JoeKuo().Dims() or scr is unknown.
func NewSequence(dim int, scr Scrambling, seed uint64) *Sequence {
	return JoeKuo().NewSequence(dim, scr, seed)
}

// NewSequence is the package-level NewSequence with the direction numbers of
// table t.
func (t *Table) NewSequence(dim int, scr Scrambling, seed uint64) *Sequence {
	if dim < 1 || dim > t.Dims() {
		panic(fmt.Sprintf("sobol: dimension %d outside 1 … %d", dim, t.Dims()))
	}
	s := &Sequence{
		dim:   dim,
		v:     make([]uint32, dim*Bits),
		x:     make([]uint32, dim),
		shift: make([]uint32, dim),
	}
	for d := range dim {
		t.directions(s.v[d*Bits:(d+1)*Bits], d+1)
	}
	s.Randomise(scr, seed)
	return s
}

// Randomise replaces the randomisation of s by a fresh one drawn from seed
// and rewinds s to index 0. The random numbers come from a PCG generator
// (math/rand/v2) seeded with seed. It allocates only when switching to
// OwenScrambling for the first time. It panics if scr is unknown.
func (s *Sequence) Randomise(scr Scrambling, seed uint64) {
	clear(s.shift)
	var rng rand.PCG
	rng.Seed(seed, 0x736f626f6c) // stream "sobol"
	switch scr {
	case NoScrambling:
	case DigitalShift:
		for d := range s.shift {
			s.shift[d] = uint32(rng.Uint64() >> 32)
		}
	case OwenScrambling:
		if s.owen == nil {
			s.owen = make([]uint64, s.dim)
		}
		for d := range s.owen {
			s.owen[d] = rng.Uint64()
		}
	default:
		panic(fmt.Sprintf("sobol: unknown scrambling %d", int(scr)))
	}
	s.scr = scr
	s.Seek(0)
}

// Index returns the index of the point the next call to Next returns.
func (s *Sequence) Index() uint64 { return s.idx }

// Seek positions s so that the next call to Next returns point i. It costs
// O(dim · log i). It panics if i > 2³².
func (s *Sequence) Seek(i uint64) {
	if i > maxPoints {
		panic(fmt.Sprintf("sobol: index %d beyond the 2^32 points of the sequence", i))
	}
	s.idx = i
	clear(s.x)
	g := i ^ i>>1
	for g != 0 {
		j := bits.TrailingZeros64(g)
		g &= g - 1
		if j >= Bits { // only for i = 2³², which Next refuses anyway
			break
		}
		for d := range s.x {
			s.x[d] ^= s.v[d*Bits+j]
		}
	}
}

// Next writes the next point, each coordinate in [0, 1), into dst and
// advances. It allocates nothing.
//
// It panics if len(dst) is not the sequence's number of dimensions or
// after all 2³² points.
func (s *Sequence) Next(dst []float64) {
	if len(dst) != s.dim {
		panic(fmt.Sprintf("sobol: Next: len(dst) = %d, want %d", len(dst), s.dim))
	}
	if s.idx >= maxPoints {
		panic("sobol: sequence exhausted after 2^32 points")
	}
	const scale = 1.0 / maxPoints
	switch s.scr {
	case OwenScrambling:
		for d, x := range s.x {
			dst[d] = float64(owenScramble(x, s.owen[d])) * scale
		}
	default:
		for d, x := range s.x {
			dst[d] = float64(x^s.shift[d]) * scale
		}
	}
	// Advance the Gray code: flip the direction number at the lowest zero bit
	// of the index.
	j := bits.TrailingZeros64(^s.idx)
	s.idx++
	if j < Bits {
		v := s.v[j:]
		for d := range s.x {
			s.x[d] ^= v[d*Bits]
		}
	}
}

// owenScramble applies the nested uniform scramble with the given seed to the
// 32 digits of x: digit k (k = 1 the most significant) is flipped according
// to a random bit that belongs to the node of the binary tree reached by
// digits 1 … k−1 of x. The bits come from hashes: the hash of the node at
// depth 6q (q = 0 … 5) supplies, in heap order, the 63 bits of the subtree of
// depth 6 below it, so a coordinate costs 6 hashes instead of 32. Distinct
// nodes get distinct hash inputs (the prefix tagged with a leading 1), which
// is all the construction needs.
func owenScramble(x uint32, seed uint64) uint32 {
	const depth = 6
	var flip uint32
	for k := 0; k < Bits; k += depth {
		// x >> 32 is 0 in Go, so k = 0 hashes the root.
		prefix := uint64(x>>(Bits-k)) | 1<<k
		h := mix64(seed + prefix*0x9e3779b97f4a7c15)
		// Walk down the subtree: node n in heap order (root 0, children of
		// n at 2n+1 and 2n+2), following the digits of x.
		var n uint64
		for pos := Bits - 1 - k; pos >= max(Bits-k-depth, 0); pos-- {
			flip |= uint32(h>>(n&63)&1) << (pos & 31)
			n = 2*n + 1 + uint64(x>>(pos&31)&1)
		}
	}
	return x ^ flip
}

// mix64 is the finaliser of SplitMix64 (Steele, Lea and Flood 2014), a
// bijection of 64-bit integers with good avalanche.
func mix64(z uint64) uint64 {
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}
