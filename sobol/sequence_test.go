package sobol

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSequenceFirstPoints(t *testing.T) {
	// Known values of the Sobol sequence with Joe–Kuo direction numbers in
	// Gray-code order (the same as scipy.stats.qmc.Sobol(d, scramble=False)):
	// dimension 1 is van der Corput in Gray-code order; dimension 2 has
	// m₁ = 1 with x + 1, so v_j = v_(j−1) ⊕ (v_(j−1) ≫ 1); dimension 3 has
	// m = (1, 3) with x² + x + 1. Worked by hand from the recurrence.
	want := [][3]float64{
		{0, 0, 0},
		{0.5, 0.5, 0.5},
		{0.75, 0.25, 0.25},
		{0.25, 0.75, 0.75},
		{0.375, 0.375, 0.625},
		{0.875, 0.875, 0.125},
		{0.625, 0.125, 0.875},
		{0.125, 0.625, 0.375},
		{0.1875, 0.3125, 0.9375},
	}
	s := NewSequence(3, NoScrambling, 0)
	got := make([]float64, 3)
	for i, w := range want {
		s.Next(got)
		if [3]float64(got) != w {
			t.Errorf("point %d: got %v, want %v", i, got, w)
		}
	}
}

func TestSequenceSeek(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, scr := range []Scrambling{NoScrambling, DigitalShift, OwenScrambling} {
		t.Run(scr.String(), func(t *testing.T) {
			const dim = 17
			seq := NewSequence(dim, scr, 9)
			all := make([][]float64, 3000)
			for i := range all {
				all[i] = make([]float64, dim)
				seq.Next(all[i])
			}
			jump := NewSequence(dim, scr, 9)
			got := make([]float64, dim)
			for range 200 {
				i := rng.IntN(len(all) - 1)
				jump.Seek(uint64(i))
				jump.Next(got)
				if !slices.Equal(got, all[i]) {
					t.Fatalf("Seek(%d): got %v, want %v", i, got, all[i])
				}
				jump.Next(got)
				if !slices.Equal(got, all[i+1]) {
					t.Fatalf("Seek(%d) then Next: got %v, want %v", i, got, all[i+1])
				}
			}
			// The end of the sequence: point 2³²−1 is the last.
			jump.Seek(maxPoints - 1)
			jump.Next(got)
			defer func() {
				if recover() == nil {
					t.Error("Next after 2^32 points did not panic")
				}
			}()
			jump.Next(got)
		})
	}
}

// TestSequenceBalance checks the net property in one and two dimensions:
// the first 2^m points have exactly one point in each interval
// [i/2^m, (i+1)/2^m) of every dimension, before and after randomisation, and
// dimensions 1 and 2 form a (0, m, 2)-net: one point in every elementary box
// [i/2^a, (i+1)/2^a) × [j/2^b, (j+1)/2^b) with a + b = m. It follows that the
// plain sequence's 2^m points in each dimension are exactly 0, 1/2^m, …,
// (2^m−1)/2^m, with mean 1/2 − 2^−(m+1).
func TestSequenceBalance(t *testing.T) {
	const m, dim = 10, 101
	n := 1 << m
	for _, scr := range []Scrambling{NoScrambling, DigitalShift, OwenScrambling} {
		t.Run(scr.String(), func(t *testing.T) {
			s := NewSequence(dim, scr, 42)
			pts := make([][]float64, n)
			for i := range pts {
				pts[i] = make([]float64, dim)
				s.Next(pts[i])
			}
			for d := range dim {
				seen := make([]bool, n)
				var sum float64
				for _, p := range pts {
					c := int(p[d] * float64(n))
					if seen[c] {
						t.Fatalf("dimension %d: two points in [%d/%d, %d/%d)", d+1, c, n, c+1, n)
					}
					seen[c] = true
					sum += p[d]
				}
				if scr == NoScrambling {
					if got, want := sum/float64(n), 0.5-1/float64(2*n); got != want {
						t.Errorf("dimension %d: mean %v, want %v", d+1, got, want)
					}
				}
			}
			for a := 0; a <= m; a++ {
				b := m - a
				seen := map[[2]int]bool{}
				for _, p := range pts {
					box := [2]int{int(p[0] * float64(int(1)<<a)), int(p[1] * float64(int(1)<<b))}
					if seen[box] {
						t.Fatalf("boxes 2^-%d × 2^-%d: two points in %v", a, b, box)
					}
					seen[box] = true
				}
			}
		})
	}
}

func TestSequenceRandomisation(t *testing.T) {
	const dim = 5
	point := func(scr Scrambling, seed uint64, i uint64) []float64 {
		s := NewSequence(dim, scr, seed)
		s.Seek(i)
		p := make([]float64, dim)
		s.Next(p)
		return p
	}
	for _, scr := range []Scrambling{DigitalShift, OwenScrambling} {
		if !slices.Equal(point(scr, 1, 7), point(scr, 1, 7)) {
			t.Errorf("%v: same seed gives different points", scr)
		}
		if slices.Equal(point(scr, 1, 7), point(scr, 2, 7)) {
			t.Errorf("%v: different seeds give the same point", scr)
		}
		// Each randomised point is uniform on the cube: over 4000 seeds, the
		// mean of a coordinate is 1/2 within 5 standard errors (√(1/12/4000)).
		const seeds = 4000
		for _, i := range []uint64{0, 1, 1000} {
			var sum float64
			for seed := range uint64(seeds) {
				sum += point(scr, seed, i)[dim-1]
			}
			if mean := sum / seeds; math.Abs(mean-0.5) > 5*math.Sqrt(1.0/12/seeds) {
				t.Errorf("%v point %d: mean over seeds %v, want ≈ 0.5", scr, i, mean)
			}
		}
	}
	s := NewSequence(dim, OwenScrambling, 3)
	s.Randomise(NoScrambling, 0)
	p := make([]float64, dim)
	s.Next(p)
	s.Next(p)
	if !slices.Equal(p, []float64{0.5, 0.5, 0.5, 0.5, 0.5}) {
		t.Errorf("after Randomise(NoScrambling): got %v, want the plain point 1", p)
	}
}

// TestOwenScrambleNested checks the defining properties of a nested
// scramble: points sharing their first j digits still share (other) first j
// digits, and points that differ first in digit j+1 still differ there.
func TestOwenScrambleNested(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for range 20000 {
		seed := rng.Uint64()
		x, y := rng.Uint32(), rng.Uint32()
		j := rng.IntN(33)
		if j < 32 {
			// y shares x's first j digits and differs in digit j+1.
			hi := ^uint32(0) << (32 - j)
			if j == 0 {
				hi = 0
			}
			y = x&hi | y&^hi
			y = y&^(1<<(31-j)) | ^x&(1<<(31-j))
		} else {
			y = x
		}
		sx, sy := owenScramble(x, seed), owenScramble(y, seed)
		common := 32
		if d := sx ^ sy; d != 0 {
			common = 31 - int(math.Floor(math.Log2(float64(d))))
		}
		if common != j {
			t.Fatalf("x=%032b y=%032b share %d digits, scrambled share %d", x, y, j, common)
		}
	}
}

func TestSequenceNoAllocations(t *testing.T) {
	for _, scr := range []Scrambling{NoScrambling, DigitalShift, OwenScrambling} {
		s := NewSequence(24, scr, 1)
		dst := make([]float64, 24)
		if a := testing.AllocsPerRun(100, func() { s.Next(dst) }); a != 0 {
			t.Errorf("%v: Next: got %v allocations, want 0", scr, a)
		}
		if a := testing.AllocsPerRun(10, func() { s.Randomise(scr, 5); s.Seek(1234) }); a != 0 {
			t.Errorf("%v: Randomise and Seek: got %v allocations, want 0", scr, a)
		}
	}
}

func TestSequencePanics(t *testing.T) {
	tests := map[string]func(){
		"dim 0":        func() { NewSequence(0, NoScrambling, 0) },
		"dim 102":      func() { NewSequence(102, NoScrambling, 0) },
		"bad scramble": func() { NewSequence(2, Scrambling(9), 0) },
		"short dst":    func() { NewSequence(2, NoScrambling, 0).Next(make([]float64, 1)) },
		"seek too far": func() { NewSequence(2, NoScrambling, 0).Seek(maxPoints + 1) },
	}
	for name, f := range tests {
		t.Run(name, func(t *testing.T) {
			defer func() {
				r := recover()
				if r == nil {
					t.Fatal("did not panic")
				}
				if msg := fmt.Sprint(r); len(msg) < 7 || msg[:7] != "sobol: " {
					t.Errorf("panic %q lacks the package prefix", msg)
				}
			}()
			f()
		})
	}
}
