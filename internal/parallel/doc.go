// Package parallel runs independent pieces of work on at most GOMAXPROCS
// goroutines, so that the result does not depend on how many run.
//
// The work is n items split into chunks of a fixed size: chunk c holds
// items c·size … min((c+1)·size, n)−1, whatever the machine. A caller that
// writes each item's result into its own slot and draws random numbers
// from a stream seeded by the chunk's index gets the same bytes on one core
// and on many. Chunks are handed out in index order; each goroutine has its
// own state (scratch space, an evaluator, a generator), made once.
//
// Once the context is done, or a chunk has failed, chunks stop being handed
// out. The context's error is returned if it is done; else the error of
// the failed chunk with the lowest index, which (when whether a chunk fails
// depends only on the chunk) is the error a loop over the chunks in order
// would have met first.
package parallel
