// Package memlimit compares the memory a run will need with the
// address-space limit of the process (ulimit -v, RLIMIT_AS), so that a run
// that cannot fit is refused up front with a message rather than killed
// by the Go runtime's "out of memory" (which exits 2, the code of invalid
// input).
//
// The limit is read on every Unix that has RLIMIT_AS (Linux, macOS, the
// BSDs but OpenBSD, Solaris, illumos, AIX). The address space already in
// use is the process's whole virtual size on Linux (/proc/self/statm) and,
// elsewhere, the memory the Go runtime has mapped (runtime/metrics), a
// lower bound that leaves out the program's text and the system's
// libraries. Where there is no such limit (OpenBSD, Windows, plan9,
// js/wasm) nothing is checked.
package memlimit

import "fmt"

// Error is a run that would not fit in the address-space limit.
type Error struct {
	What  string // what needs the memory: "10000000 draws × 23 values"
	Need  uint64 // bytes the run will allocate
	Used  uint64 // bytes of address space the process already uses
	Limit uint64 // the limit, bytes
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s need about %d MiB, and the process already uses %d MiB of its %d MiB address-space limit (ulimit -v): "+
		"raise the limit or ask for less", e.What, e.Need>>20, e.Used>>20, e.Limit>>20)
}

// Slack is what Check adds to an estimate for what a run allocates
// besides it and for the Go runtime's reservations as the heap grows.
const Slack = 64 << 20

// Check returns an *Error when need bytes more would pass the
// address-space limit of the process, and nil when they fit or no limit
// is set (or it cannot be read).
func Check(what string, need uint64) error {
	limit, used, ok := addressSpace()
	if !ok {
		return nil
	}
	return check(what, need, used, limit)
}

// check returns an *Error when need bytes more than used (plus [Slack])
// pass limit.
func check(what string, need, used, limit uint64) error {
	// Saturating: an estimate near 2⁶⁴ does not wrap around to fit.
	total := used + need
	if total < used {
		total = ^uint64(0)
	}
	if total+Slack < total || total+Slack > limit {
		return &Error{What: what, Need: need, Used: used, Limit: limit}
	}
	return nil
}
