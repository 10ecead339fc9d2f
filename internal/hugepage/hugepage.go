// Package hugepage allocates large buffers that are written once and read
// a few times, such as the values a Monte Carlo run keeps, so that filling
// them costs few page faults.
//
// A new buffer's memory comes from the kernel page by page, on first
// touch: a fault per 4 KiB page. On a virtual machine with page-table
// isolation a fault costs some 10 µs, so the 10 MiB a Monte Carlo pilot
// fills cost 25 ms, a tenth of the run. Backed by 2 MiB pages, the same
// buffer costs five faults. On Linux, Floats asks for that with
// madvise(MADV_HUGEPAGE), which the kernel honours when transparent huge
// pages are set to "madvise" or "always" (when "always", it does so
// unasked); elsewhere it is an ordinary make. The advice changes how
// memory is mapped, never what it holds.
package hugepage

// Size is the size of a huge page on the machines this package advises:
// 2 MiB on x86-64 and arm64 Linux.
const Size = 2 << 20

// Floats returns a new slice of n zeros, backed by huge pages where the
// system gives them (see the package documentation).
func Floats(n int) []float64 {
	x := make([]float64, n)
	if n*8 >= 2*Size {
		advise(x)
	}
	return x
}
