package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// benchRun runs simulate in-process b.N times with args, output in a
// fresh folder. Besides the wall time it reports cpu-s/op, the process's
// CPU time (user + system, all threads) per run: issue 15's targets are in
// CPU time, which a machine shared with other work disturbs less.
func benchRun(b *testing.B, args ...string) {
	b.Helper()
	out := b.TempDir()
	args = append(args, "--out", out)
	start := cpuTime()
	for b.Loop() {
		var so, se bytes.Buffer
		if err := run(context.Background(), args, strings.NewReader(""), &so, &se); err != nil {
			b.Fatalf("%v: %s", err, se.String())
		}
	}
	b.ReportMetric((cpuTime()-start).Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkMC is simulate mc on the embedded baseline, whole command:
// draws, exact percentiles, the three fan charts (SVG, PNG, or none),
// files written. Issue 15's target: draws=1000000/format=svg at most
// 0.35 s of CPU for the whole process (measured with /usr/bin/time, see
// docs/sensitivity.md; this benchmark gives the in-process wall time).
func BenchmarkMC(b *testing.B) {
	for _, n := range []string{"10000", "1000000"} {
		for _, f := range []string{"svg", "png", "none"} {
			b.Run("draws="+n+"/format="+f, func(b *testing.B) { benchRun(b, "mc", "--draws", n, "--format", f) })
		}
	}
}

// BenchmarkSobol is simulate sobol on the embedded baseline (six inputs),
// whole command: design, model runs, indices (Student-t intervals, or 1000
// bootstrap resamples), chart. Issue 15's target: n=16384/bootstrap=0
// with --format none at most 0.1 s of CPU for the whole process.
func BenchmarkSobol(b *testing.B) {
	for _, n := range []string{"4096", "16384"} {
		for _, boot := range []string{"0", "1000"} {
			b.Run("n="+n+"/bootstrap="+boot, func(b *testing.B) {
				benchRun(b, "sobol", "--n", n, "--bootstrap", boot, "--format", "none")
			})
		}
	}
}

// BenchmarkPeer is the Go side of the comparison with OpenTURNS
// (bench/openturns/peer.py, docs/sensitivity.md "Against OpenTURNS"): the
// same work on issue 15's peer specification, whole command, no chart.
func BenchmarkPeer(b *testing.B) {
	b.Run("mc/draws=1000000", func(b *testing.B) {
		benchRun(b, "mc", peerFile, "--draws", "1000000", "--format", "none")
	})
	for _, boot := range []string{"0", "1000"} {
		b.Run("sobol/n=16384/bootstrap="+boot, func(b *testing.B) {
			benchRun(b, "sobol", peerFile, "--n", "16384", "--bootstrap", boot, "--format", "none")
		})
	}
}
