//go:build linux

package memlimit

import (
	"os"
	"strconv"
	"strings"
)

// addressSpace returns the soft RLIMIT_AS and the address space in use
// (VmSize), and false when there is no limit or either cannot be read.
func addressSpace() (limit, used uint64, ok bool) {
	limit, ok = rlimitAS()
	if !ok {
		return 0, 0, false
	}
	data, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0, 0, false
	}
	f := strings.Fields(string(data))
	if len(f) == 0 {
		return 0, 0, false
	}
	pages, err := strconv.ParseUint(f[0], 10, 64)
	if err != nil {
		return 0, 0, false
	}
	return limit, pages * uint64(os.Getpagesize()), true
}
