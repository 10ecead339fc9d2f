package sensitivity

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// ChunkSize is the number of draws (or design rows) in a chunk: the unit of
// work of a goroutine and of a random stream. It is fixed, so that which
// draws share a stream never depends on the machine.
const ChunkSize = 4096

// Progress counts finished work (draws or model evaluations) for a progress
// display; it is safe for concurrent use. A nil *Progress counts nothing.
type Progress struct {
	done  atomic.Int64
	total atomic.Int64
}

// Done returns the work finished and the total announced so far.
func (p *Progress) Done() (done, total int64) {
	if p == nil {
		return 0, 0
	}
	return p.done.Load(), p.total.Load()
}

func (p *Progress) add(n int) {
	if p != nil {
		p.done.Add(int64(n))
	}
}

func (p *Progress) expect(n int) {
	if p != nil {
		p.total.Add(int64(n))
	}
}

// chunks returns the number of chunks of n items.
func chunks(n int) int { return (n + ChunkSize - 1) / ChunkSize }

// chunkBounds returns the items [lo, hi) of chunk c of n items.
func chunkBounds(c, n int) (lo, hi int) { return c * ChunkSize, min((c+1)*ChunkSize, n) }

// forChunks calls fn(s, c) for every chunk c of n items, on up to GOMAXPROCS
// goroutines, each with its own state from newState. Chunks are handed out
// in order but may finish in any order: fn must write only to its chunk's
// slots. It stops taking chunks once ctx is done and then returns ctx's
// error.
func forChunks[S any](ctx context.Context, n int, newState func() S, fn func(s S, c int)) error {
	nc := chunks(n)
	workers := min(runtime.GOMAXPROCS(0), nc)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := newState()
			for {
				c := int(next.Add(1) - 1)
				if c >= nc || ctx.Err() != nil {
					return
				}
				fn(s, c)
			}
		}()
	}
	wg.Wait()
	return ctx.Err()
}
