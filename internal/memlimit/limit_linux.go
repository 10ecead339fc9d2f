//go:build linux

package memlimit

import (
	"os"
	"strconv"
	"strings"
)

// addressSpace returns the soft RLIMIT_AS and the address space in use
// (VmSize; without /proc, the Go runtime's mapped memory), and false when
// there is no limit.
func addressSpace() (limit, used uint64, ok bool) {
	limit, ok = rlimitAS()
	if !ok {
		return 0, 0, false
	}
	if size, ok := vmSize(); ok {
		return limit, size, true
	}
	return limit, runtimeMapped(), true
}

// vmSize returns the process's virtual size from /proc/self/statm.
func vmSize() (uint64, bool) {
	data, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0, false
	}
	f := strings.Fields(string(data))
	if len(f) == 0 {
		return 0, false
	}
	pages, err := strconv.ParseUint(f[0], 10, 64)
	if err != nil {
		return 0, false
	}
	return pages * uint64(os.Getpagesize()), true
}
