package sensitivity

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"simulate/metrics"
	"simulate/model"
	"simulate/uncertain"
)

// benchUncertain is the baseline's uncertainty table (report2020.toml).
func benchUncertain(tb testing.TB) []uncertain.Input {
	must := func(d uncertain.Distribution, err error) uncertain.Distribution {
		if err != nil {
			tb.Fatal(err)
		}
		return d
	}
	return []uncertain.Input{
		uncertain.NewInput("gdp.growth_pct", model.Add, must(uncertain.NewTruncNormal(0, 0.6, -1.8, 1.8))),
		uncertain.NewInput("labor.share_pct", model.Set, must(uncertain.NewTriangular(0, 3.7, 8))),
		uncertain.NewInput("capital.share_pct", model.Set, must(uncertain.NewTruncNormal(32.5, 5, 22.5, 42.5))),
		uncertain.NewInput("capital.ict_share", model.Set, must(uncertain.NewTriangular(0.08, 0.15, 0.25))),
		uncertain.NewInput("capital.private_ii_share", model.Set, must(uncertain.NewBeta(5, 5, 0.15, 0.45))),
		uncertain.NewInput("tfp.weight.scale_efficiency", model.Set, must(uncertain.NewTriangular(0.15, 0.25, 0.35))),
	}
}

// mcMetrics are the metrics simulate mc records for a six-year span.
func mcMetrics(in *model.Inputs) []metrics.Metric {
	var ms []metrics.Metric
	for _, name := range []string{"ii_increment_yi", "ii_share_pct", "growth_pct"} {
		m, _ := metrics.Parse(name)
		for y := in.FirstYear(); y <= in.LastYear(); y++ {
			ms = append(ms, m.WithYear(y))
		}
	}
	for _, name := range []string{"ii_total_yi", "period_ii_share_pct"} {
		m, _ := metrics.Parse(name)
		ms = append(ms, m)
	}
	return ms
}

// BenchmarkEval is one evaluation with the baseline's six inputs changed.
func BenchmarkEval(b *testing.B) {
	unc := benchUncertain(b)
	factors, lows, _ := QuantileRange(unc, 5)
	var targets []model.Target
	for _, f := range factors {
		targets = append(targets, f.Targets...)
	}
	ev, err := NewEvaluator(baseInputs(), targets)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		ev.Eval(lows)
	}
}

// BenchmarkDraw is the draws of one Monte Carlo row, without evaluation.
func BenchmarkDraw(b *testing.B) {
	unc := benchUncertain(b)
	src := rand.NewPCG(1, 2)
	for _, u := range unc {
		b.Run(u.Dist.Family.String(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				u.Dist.Rand(src)
			}
		})
	}
}

// BenchmarkMonteCarlo is the whole loop of simulate mc: draws, evaluation
// and the 20 metrics of a six-year span, on all cores.
func BenchmarkMonteCarlo(b *testing.B) {
	base := baseInputs()
	unc := benchUncertain(b)
	ms := mcMetrics(base)
	for _, n := range []int{10000, 1000000} {
		b.Run(fmt.Sprintf("draws=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := MonteCarlo(context.Background(), base, unc, MCConfig{Draws: n, Seed: 1, Metrics: ms}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSummarize is the exact percentiles of simulate mc's 20 series.
func BenchmarkSummarize(b *testing.B) {
	const n = 1000000
	src := rand.New(rand.NewPCG(1, 2))
	orig := make([][]float64, 20)
	for i := range orig {
		orig[i] = make([]float64, n)
		for j := range orig[i] {
			orig[i][j] = src.NormFloat64()
		}
	}
	work := make([][]float64, 20)
	for i := range work {
		work[i] = make([]float64, n)
	}
	b.ReportAllocs()
	for b.Loop() {
		for i := range work {
			copy(work[i], orig[i])
		}
		if _, err := Summarize(context.Background(), work); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSobol is the model runs and indices of simulate sobol on the
// baseline's six inputs, without the chart.
func BenchmarkSobol(b *testing.B) {
	base := baseInputs()
	unc := benchUncertain(b)
	ms := mcMetrics(base)[18:19] // ii_total_yi
	for _, boot := range []int{0, 1000} {
		b.Run(fmt.Sprintf("n=16384/bootstrap=%d", boot), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Sobol(context.Background(), base, unc, SobolConfig{N: 16384, Seed: 1, Bootstrap: boot, Metrics: ms}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
