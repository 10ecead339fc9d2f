//go:build !linux

package memlimit

// addressSpace is not measured here.
func addressSpace() (limit, used uint64, ok bool) { return 0, 0, false }
