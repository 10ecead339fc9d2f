//go:build !linux

package hugepage

// advise does nothing: huge pages are advised on Linux only.
func advise([]float64) {}
