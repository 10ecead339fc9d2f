//go:build !unix

package main

import "time"

// cpuTime is 0 where getrusage is missing: the benchmarks then report
// 0 cpu-s/op, and their wall time only.
func cpuTime() time.Duration { return 0 }
