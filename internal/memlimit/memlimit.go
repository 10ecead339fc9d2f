// Package memlimit compares the memory a run will need with the
// address-space limit of the process (ulimit -v, RLIMIT_AS), so that a run
// that cannot fit is refused up front with a message rather than killed
// by the Go runtime's "out of memory" (which exits 2, the code of invalid
// input).
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

// Check returns an *Error when need bytes more would pass the
// address-space limit of the process, and nil when they fit or no limit
// is set (or it cannot be read).
func Check(what string, need uint64) error {
	limit, used, ok := addressSpace()
	if !ok {
		return nil
	}
	// Slack for what the run allocates besides the estimate and for the
	// Go runtime's reservations as the heap grows.
	const slack = 64 << 20
	if used+need+slack > limit {
		return &Error{What: what, Need: need, Used: used, Limit: limit}
	}
	return nil
}
