package cii_test

import (
	"testing"

	"simulate/cii"
	"simulate/indexes"
	"simulate/model"
)

func load(b *testing.B) *cii.Index {
	b.Helper()
	f, err := indexes.LoadEmbedded("cii2020")
	if err != nil {
		b.Fatal(err)
	}
	return f.Index
}

// BenchmarkEvaluate is the inner loop of a Monte Carlo run on the index:
// apply a draw of every reconstructed penetration, evaluate.
func BenchmarkEvaluate(b *testing.B) {
	ix := load(b)
	var targets []model.Target
	for _, p := range ix.Paths() {
		ref, _ := cii.Lookup(ix, p)
		if ref.Field == cii.PenetrationField && ref.Stage.Penetration.Source == cii.Reconstructed {
			targets = append(targets, model.Target{Path: p})
		}
	}
	bd, err := cii.Bind(ix, targets)
	if err != nil {
		b.Fatal(err)
	}
	x := make([]float64, len(targets))
	for i := range x {
		x[i] = 10
	}
	var r cii.Result
	b.ReportAllocs()
	for b.Loop() {
		bd.Apply(x)
		bd.Index().Evaluate(&r)
	}
}

// BenchmarkReconstruct solves the reconstruction of the seven industries.
func BenchmarkReconstruct(b *testing.B) {
	ix := load(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := cii.Reconstruct(ix); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFeasible solves the linear programmes of every stage.
func BenchmarkFeasible(b *testing.B) {
	ix := load(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, ind := range ix.Industries {
			if _, err := ix.Feasible(ind); err != nil {
				b.Fatal(err)
			}
		}
	}
}
