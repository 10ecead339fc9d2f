package memlimit

import (
	"errors"
	"fmt"
	"os"
	"testing"
)

// TestCheckArithmetic: the comparison of need + used + Slack with the
// limit, at its edges and where the sum would overflow.
func TestCheckArithmetic(t *testing.T) {
	const mib = 1 << 20
	for _, c := range []struct {
		name              string
		need, used, limit uint64
		refused           bool
	}{
		{"fits", 100 * mib, 1000 * mib, 2000 * mib, false},
		{"fits exactly", 100 * mib, 1000 * mib, 1100*mib + Slack, false},
		{"one byte over", 100*mib + 1, 1000 * mib, 1100*mib + Slack, true},
		{"need alone over", 3000 * mib, 0, 2000 * mib, true},
		{"nothing needed, already over", 0, 2000 * mib, 2000 * mib, true},
		{"need near 2^64", ^uint64(0) - 10, 1000 * mib, 2000 * mib, true},
		{"sum plus slack wraps", ^uint64(0) - Slack/2, 0, ^uint64(0), true},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := check("the test", c.need, c.used, c.limit)
			var me *Error
			if got := errors.As(err, &me); got != c.refused {
				t.Fatalf("got %v, want refused %v", err, c.refused)
			}
			if c.refused && (me.Need != c.need || me.Used != c.used || me.Limit != c.limit) {
				t.Errorf("got %+v", me)
			}
		})
	}
}

// TestRuntimeMapped: the stand-in for the address space in use where the
// system does not tell it is the Go runtime's mapped memory: more than
// nothing, and (here, where the system tells it) at most the process's
// whole virtual size.
func TestRuntimeMapped(t *testing.T) {
	m := runtimeMapped()
	if m < 1<<20 {
		t.Fatalf("runtime mapped %d bytes", m)
	}
	data, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		t.Skip(err)
	}
	var pages uint64
	if _, err := fmt.Sscan(string(data), &pages); err != nil {
		t.Fatal(err)
	}
	if size := pages * uint64(os.Getpagesize()); m > size {
		t.Errorf("runtime mapped %d bytes, more than the virtual size %d", m, size)
	}
}
