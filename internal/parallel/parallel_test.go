package parallel

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"
)

// withProcs runs f with GOMAXPROCS set to procs.
func withProcs(procs int, f func()) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
	f()
}

// TestForChunksCovers checks that every item is in exactly one chunk, that
// the chunks are the fixed ones, and that at most GOMAXPROCS states are made.
func TestForChunksCovers(t *testing.T) {
	for _, procs := range []int{1, 2, 4} {
		for _, tc := range []struct{ n, size int }{{0, 3}, {1, 3}, {3, 3}, {10, 3}, {1000, 7}, {5, 100}, {64, 1}} {
			withProcs(procs, func() {
				hits := make([]int32, tc.n)
				chunks := make([]Chunk, (tc.n+tc.size-1)/tc.size)
				var states atomic.Int32
				err := ForChunks(context.Background(), tc.n, tc.size, func() *int {
					states.Add(1)
					return new(int)
				}, func(s *int, c Chunk) error {
					*s += c.Hi - c.Lo
					chunks[c.Index] = c
					for i := c.Lo; i < c.Hi; i++ {
						atomic.AddInt32(&hits[i], 1)
					}
					return nil
				})
				name := fmt.Sprintf("GOMAXPROCS=%d n=%d size=%d", procs, tc.n, tc.size)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				for i, h := range hits {
					if h != 1 {
						t.Errorf("%s: item %d done %d times, want 1", name, i, h)
					}
				}
				for i, c := range chunks {
					if want := (Chunk{i, i * tc.size, min((i+1)*tc.size, tc.n)}); c != want {
						t.Errorf("%s: got chunk %+v, want %+v", name, c, want)
					}
				}
				if got := int(states.Load()); got > procs || got > len(chunks) {
					t.Errorf("%s: %d states, want at most %d", name, got, min(procs, len(chunks)))
				}
			})
		}
	}
}

// TestForChunksError checks that the error of the lowest failed chunk is
// returned however the chunks are scheduled.
func TestForChunksError(t *testing.T) {
	for _, procs := range []int{1, 2, 4} {
		withProcs(procs, func() {
			for range 50 {
				err := For(context.Background(), 100, func(i int) error {
					if i == 17 || i == 18 || i == 60 {
						return fmt.Errorf("item %d", i)
					}
					return nil
				})
				if err == nil || err.Error() != "item 17" {
					t.Fatalf("GOMAXPROCS=%d: got %v, want item 17", procs, err)
				}
			}
		})
	}
}

// TestForChunksCancel checks that no chunk is taken once the context is
// done and that its error is returned.
func TestForChunksCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	ran := false
	if err := For(ctx, 10, func(int) error { ran = true; return nil }); !errors.Is(err, context.Canceled) || ran {
		t.Errorf("done context: error %v, a chunk ran: %v; want context.Canceled and none", err, ran)
	}

	withProcs(1, func() {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var last int
		err := For(ctx, 100, func(i int) error {
			last = i
			if i == 5 {
				cancel()
			}
			return nil
		})
		if !errors.Is(err, context.Canceled) || last != 5 {
			t.Errorf("cancelled at item 5: error %v, last item %d; want context.Canceled, 5", err, last)
		}
	})
}

func TestForChunksPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("size 0: no panic")
		}
	}()
	ForChunks(context.Background(), 1, 0, func() int { return 0 }, func(int, Chunk) error { return nil })
}
