package parallel

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

// Chunk is the chunk of items Lo … Hi−1, the Index-th of its run.
type Chunk struct {
	Index  int
	Lo, Hi int
}

// ForChunks calls fn(s, c) for every chunk c of n items, size items to a
// chunk (the last may be shorter), on at most GOMAXPROCS goroutines, each
// with its own state s from newState. Chunks run concurrently and finish in
// any order: fn must write only to its chunk's slots.
//
// It stops taking chunks once ctx is done or a chunk has failed, and
// returns ctx's error if ctx is done, else the error of the failed chunk
// with the lowest index (see the package documentation), else nil.
//
// It panics if size < 1.
func ForChunks[S any](ctx context.Context, n, size int, newState func() S, fn func(s S, c Chunk) error) error {
	if size < 1 {
		panic(fmt.Sprintf("parallel: chunk size %d, want at least 1", size))
	}
	nc := 0 // chunks
	if n > 0 {
		nc = (n-1)/size + 1
	}
	var (
		next   atomic.Int64 // the next chunk to hand out
		failed atomic.Bool
		mu     sync.Mutex // guards errAt and err
		errAt  = nc       // the lowest failed chunk
		err    error      // its error
	)
	work := func() {
		s := newState()
		for !failed.Load() && ctx.Err() == nil {
			c := int(next.Add(1) - 1)
			if c >= nc {
				return
			}
			lo := c * size
			if e := fn(s, Chunk{Index: c, Lo: lo, Hi: min(lo+size, n)}); e != nil {
				mu.Lock()
				if c < errAt {
					errAt, err = c, e
				}
				mu.Unlock()
				failed.Store(true)
			}
		}
	}
	workers := min(runtime.GOMAXPROCS(0), nc)
	if workers <= 1 {
		if nc > 0 {
			work()
		}
	} else {
		var wg sync.WaitGroup
		for range workers {
			wg.Go(work)
		}
		wg.Wait()
	}
	if e := ctx.Err(); e != nil {
		return e
	}
	return err
}

// For calls fn(i) for i = 0 … n−1 on at most GOMAXPROCS goroutines: it is
// ForChunks with chunks of one item and no state.
func For(ctx context.Context, n int, fn func(i int) error) error {
	return ForChunks(ctx, n, 1, func() struct{} { return struct{}{} },
		func(_ struct{}, c Chunk) error { return fn(c.Index) })
}
