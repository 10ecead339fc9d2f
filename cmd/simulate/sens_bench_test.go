package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// benchRun runs simulate in-process b.N times with args, output in a
// fresh folder.
func benchRun(b *testing.B, args ...string) {
	b.Helper()
	out := b.TempDir()
	args = append(args, "--out", out)
	for b.Loop() {
		var so, se bytes.Buffer
		if err := run(context.Background(), args, strings.NewReader(""), &so, &se); err != nil {
			b.Fatalf("%v: %s", err, se.String())
		}
	}
}

// BenchmarkMC is simulate mc on the embedded baseline, whole command:
// draws, exact percentiles, three PNG fan charts, files written.
func BenchmarkMC(b *testing.B) {
	for _, n := range []string{"10000", "1000000"} {
		b.Run("draws="+n, func(b *testing.B) { benchRun(b, "mc", "--draws", n) })
	}
}

// BenchmarkSobol is simulate sobol on the embedded baseline, whole
// command: design, model runs, indices with 1000 bootstrap resamples, chart.
func BenchmarkSobol(b *testing.B) {
	for _, n := range []string{"4096", "16384"} {
		b.Run("n="+n, func(b *testing.B) { benchRun(b, "sobol", "--n", n, "--bootstrap", "1000") })
	}
}
