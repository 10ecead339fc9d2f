//go:build unix && !linux && !openbsd

package memlimit

// addressSpace returns the soft RLIMIT_AS and the memory the Go runtime
// has mapped (see [runtimeMapped]), and false when there is no limit.
func addressSpace() (limit, used uint64, ok bool) {
	limit, ok = rlimitAS()
	if !ok {
		return 0, 0, false
	}
	return limit, runtimeMapped(), true
}
