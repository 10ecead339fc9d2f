//go:build unix && !openbsd

package memlimit

import "syscall"

// unlimited is where a limit stops being one: RLIM_INFINITY is 2⁶³−1 on
// the BSDs and macOS, 2⁶⁴−1 on Linux, 2⁶⁴−3 on Solaris, and no machine
// has 2⁶² bytes of address space.
const unlimited = 1 << 62

// rlimitAS returns the soft RLIMIT_AS, and false when none is set or it
// cannot be read.
func rlimitAS() (uint64, bool) {
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_AS, &rl); err != nil {
		return 0, false
	}
	cur := uint64(rl.Cur) // int64 on FreeBSD and DragonFly
	if cur == 0 || cur >= unlimited {
		return 0, false
	}
	return cur, true
}
