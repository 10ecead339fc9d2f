package main

import (
	"fmt"

	"simulate/internal/memlimit"
)

// Memory estimates of the commands whose allocations grow with a size the
// user gives (points of a sweep, draws, base rows), compared with the
// address-space limit before the work starts (memlimit.Check: exit 1
// with the estimate and the limit, not the runtime's "out of memory").
// The constants are peak resident sizes measured on linux/amd64 and
// rounded up.
const (
	// bytesPerValue is one float64 kept per draw or row: the value and
	// the headroom of a slice or heap that grows.
	bytesPerValue = 16

	// bytesPerSweepPoint is one point of a sweep: its metric, its row
	// of sweep.csv and its cell of the chart. A 1000 × 1000 grid peaked
	// at 535 MB (scenario) and 588 MB (index) resident.
	bytesPerSweepPoint = 640

	// bytesPerDrawsText is one value of a scenario's draws.csv: its
	// text, about 18 bytes, in a buffer grown once (1 000 000 draws of
	// report2020, 9 columns, 159 MB of text).
	bytesPerDrawsText = 24

	// bytesPerIndexDrawsCell is one value of an index's draws.csv, whose
	// rows are built as strings first: 100 000 draws of cii2020, 51
	// columns, peaked at 529 MB resident.
	bytesPerIndexDrawsCell = 112

	// bytesPerDataByte is one byte of a PWT table (history --data): the
	// file read whole, then parsed (a 60 MiB table peaked at 182 MB
	// resident, 47 MB of which for the rest of the run).
	bytesPerDataByte = 3
)

// checkSweepMemory refuses a sweep of points points (shape: "1000 ×
// 1000") that would not fit in the address-space limit.
func checkSweepMemory(shape string, points int) error {
	return memlimit.Check(fmt.Sprintf("%s sweep points", shape), uint64(points)*bytesPerSweepPoint)
}

// drawsMemory is the memory of a Monte Carlo run of draws draws keeping
// series values per draw, and, with --keep-draws, writing cols values per
// draw to draws.csv at textBytes a value.
func drawsMemory(draws, series, cols int, keep bool, textBytes uint64) uint64 {
	need := bytesPerValue * uint64(draws) * uint64(series)
	if keep {
		need += textBytes * uint64(draws) * uint64(cols)
	}
	return need
}

// sobolMemory is the memory of a Sobol analysis of n base rows of k
// inputs and metrics metrics with boot bootstrap resamples, whose indices
// are computed for conc metrics at a time: the model's outputs, n·(k+2)
// values a metric; the sums of each row of a metric being computed,
// n·(2+3k) values; and with a bootstrap, its resampled indices (2k a
// resample) and a weight per row in each of conc workers.
func sobolMemory(n, k, metrics, boot, conc int) uint64 {
	conc = max(1, min(metrics, conc))
	values := uint64(n) * uint64(k+2) * uint64(metrics)
	values += uint64(n) * uint64(2+3*k) * uint64(conc)
	if boot > 0 {
		values += 2*uint64(k)*uint64(boot) + uint64(n)*uint64(conc)
	}
	return 8 * values
}
