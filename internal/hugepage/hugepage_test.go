package hugepage

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// TestFloats: a slice of n zeros that can be written, for sizes below,
// at and above the ones advised.
func TestFloats(t *testing.T) {
	for _, n := range []int{0, 1, 1000, 2 * Size / 8, 2*Size/8 + 1, 5 * Size / 8} {
		x := Floats(n)
		if len(x) != n {
			t.Fatalf("Floats(%d) has length %d", n, len(x))
		}
		for i, v := range x {
			if v != 0 {
				t.Fatalf("Floats(%d)[%d] = %g, want 0", n, i, v)
			}
			x[i] = float64(i)
		}
		for i, v := range x {
			if v != float64(i) {
				t.Fatalf("Floats(%d)[%d] = %g after writing %d", n, i, v, i)
			}
		}
	}
}

// TestAdvised: on Linux the whole huge pages inside a large buffer are
// advised: the mapping that holds them has the flag "hg" (VM_HUGEPAGE) in
// /proc/self/smaps, whether or not the kernel then gives huge pages.
func TestAdvised(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("huge pages are advised on Linux only")
	}
	x := Floats(5 * Size / 8)
	addr := uintptr(unsafe.Pointer(&x[0]))
	inside := (addr + Size - 1) &^ (Size - 1) // the first huge page wholly inside x
	b, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	runtime.KeepAlive(x)
	var found bool
	for _, line := range strings.Split(string(b), "\n") {
		if lo, hi, ok := mapping(line); ok {
			found = lo <= inside && inside < hi
			continue
		}
		if found && strings.HasPrefix(line, "VmFlags:") {
			if !strings.Contains(line+" ", " hg ") {
				t.Fatalf("the mapping holding the buffer is not advised: %s", line)
			}
			return
		}
	}
	t.Fatalf("no mapping in /proc/self/smaps holds address %#x", inside)
}

// mapping parses the first line of a mapping in smaps, "lo-hi perms …".
func mapping(line string) (lo, hi uintptr, ok bool) {
	f := strings.Fields(line)
	if len(f) < 2 || strings.HasSuffix(f[0], ":") {
		return 0, 0, false
	}
	a, b, ok := strings.Cut(f[0], "-")
	if !ok {
		return 0, 0, false
	}
	l, err1 := strconv.ParseUint(a, 16, 64)
	h, err2 := strconv.ParseUint(b, 16, 64)
	if err1 != nil || err2 != nil {
		return 0, 0, false
	}
	return uintptr(l), uintptr(h), true
}
