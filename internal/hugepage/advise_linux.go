package hugepage

import (
	"syscall"
	"unsafe"
)

// advise asks the kernel to back the huge pages that lie wholly inside x
// with huge pages. It ignores the answer: the advice is an optimisation,
// and a kernel without transparent huge pages refuses it.
func advise(x []float64) {
	// The first element on a huge-page boundary, and the whole huge pages
	// from it that x holds.
	addr := uintptr(unsafe.Pointer(unsafe.SliceData(x)))
	first := int((Size-addr%Size)%Size) / 8
	if first >= len(x) {
		return
	}
	n := (len(x) - first) * 8 / Size * Size
	if n == 0 {
		return
	}
	b := unsafe.Slice((*byte)(unsafe.Pointer(&x[first])), n)
	_ = syscall.Madvise(b, syscall.MADV_HUGEPAGE)
}
