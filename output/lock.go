package output

import (
	"context"
	"time"
)

// lockPoll is how long a run waits between two tries of a held lock.
const lockPoll = 50 * time.Millisecond

// acquire calls try until it takes a lock (try returns its release),
// fails, or ctx is done. try reports busy when another holds the lock:
// acquire then calls onWait, if not nil, once, and tries again after
// lockPoll.
func acquire(ctx context.Context, onWait func(), try func() (release func(), busy bool, err error)) (func(), error) {
	waited := false
	for {
		release, busy, err := try()
		switch {
		case err != nil:
			return nil, err
		case !busy:
			return release, nil
		}
		if !waited && onWait != nil {
			onWait()
		}
		waited = true
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(lockPoll):
		}
	}
}
