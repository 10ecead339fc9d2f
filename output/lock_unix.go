//go:build unix && !aix && (!solaris || illumos)

package output

import (
	"context"
	"errors"
	"fmt"
	"os"
	"syscall"
)

// lockDir takes an advisory lock on the folder dir (flock on the folder
// itself: nothing is left in it), waiting while another process or
// batch holds it, until ctx is done. onWait, if not nil, is called once
// when it must wait. The returned function releases the lock. Where the
// folder's file system refuses flock, it locks as lockDirFcntl does.
func lockDir(ctx context.Context, dir string, onWait func()) (func(), error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	release, err := acquire(ctx, onWait, func() (func(), bool, error) {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		switch {
		case err == nil:
			return func() {
				syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
				f.Close()
			}, false, nil
		case errors.Is(err, syscall.EWOULDBLOCK) || errors.Is(err, syscall.EINTR):
			return nil, true, nil
		case errors.Is(err, syscall.ENOTSUP) || errors.Is(err, syscall.ENOSYS):
			return nil, false, errNoFlock
		}
		return nil, false, fmt.Errorf("output: locking %s: %w", dir, err)
	})
	if err != nil {
		f.Close()
	}
	if err == errNoFlock {
		// A file system without flock (some FUSE and network ones):
		// fcntl locks, or the process's lock where there are none.
		return lockDirFcntl(ctx, dir, onWait)
	}
	return release, err
}

// errNoFlock is the folder's file system refusing flock.
var errNoFlock = errors.New("output: no flock")
