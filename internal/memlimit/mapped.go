package memlimit

import "runtime/metrics"

// runtimeMapped returns the bytes of memory the Go runtime has mapped
// (runtime/metrics /memory/classes/total:bytes): the heap, stacks and the
// runtime's own structures, without the program's text and the system's
// libraries. It stands for the address space in use where the system
// does not tell it simply.
func runtimeMapped() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
