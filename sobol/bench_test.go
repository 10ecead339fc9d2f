package sobol

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// benchOutputs returns synthetic outputs of a linear model with noise for
// n rows and k parameters.
func benchOutputs(n, k int) (fA, fB []float64, fAB [][]float64) {
	rng := rand.New(rand.NewPCG(1, 1))
	fA, fB = make([]float64, n), make([]float64, n)
	fAB = make([][]float64, k)
	for i := range fAB {
		fAB[i] = make([]float64, n)
	}
	a, b := make([]float64, k), make([]float64, k)
	for j := range n {
		var ya, yb float64
		for i := range k {
			a[i], b[i] = rng.Float64(), rng.Float64()
			ya += float64(i+1) * a[i]
			yb += float64(i+1) * b[i]
		}
		fA[j], fB[j] = ya, yb
		for i := range k {
			fAB[i][j] = ya + float64(i+1)*(b[i]-a[i])
		}
	}
	return fA, fB, fAB
}

// BenchmarkBootstrap is Indices with 1000 percentile bootstrap resamples for
// 12 parameters.
func BenchmarkBootstrap(b *testing.B) {
	const k = 12
	for _, n := range []int{1024, 16384} {
		fA, fB, fAB := benchOutputs(n, k)
		b.Run(fmt.Sprintf("n=%d/k=%d", n, k), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Indices(fA, fB, fAB, Options{CI: Bootstrap, Resamples: 1000, Seed: 1}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkReplicateT is Indices with Student-t intervals over 8 replicates.
func BenchmarkReplicateT(b *testing.B) {
	const k = 12
	for _, n := range []int{1024, 16384} {
		fA, fB, fAB := benchOutputs(n, k)
		b.Run(fmt.Sprintf("n=%d/k=%d", n, k), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Indices(fA, fB, fAB, Options{CI: ReplicateT, Replicates: 8}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSequenceNext is the cost of one 24-dimensional point.
func BenchmarkSequenceNext(b *testing.B) {
	for _, scr := range []Scrambling{NoScrambling, DigitalShift, OwenScrambling} {
		s := NewSequence(24, scr, 1)
		dst := make([]float64, 24)
		b.Run(fmt.Sprintf("dim=24/%s", scr), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if s.Index() == maxPoints {
					s.Seek(0)
				}
				s.Next(dst)
			}
		})
	}
}

// BenchmarkEvaluate is generating a design for 12 parameters and evaluating
// a trivial model on all its rows, in order on one goroutine.
func BenchmarkEvaluate(b *testing.B) {
	const k = 12
	for _, s := range []Sampling{Scrambled, MonteCarlo} {
		d, err := NewDesign(k, 2048, 8, s, 1)
		if err != nil {
			b.Fatal(err)
		}
		o := d.NewOutputs()
		b.Run(fmt.Sprintf("n=%d/k=%d/%s", d.Len(), k, s), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				fill(d, o, func(x []float64) float64 { return x[0] + x[1] })
			}
		})
	}
}
