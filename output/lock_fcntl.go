//go:build unix

package output

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"syscall"
)

// lockName is the file whose lock locks an output folder where the folder
// itself cannot be locked (fcntl locks need a file open for writing). It
// exists only while a run holds the folder.
const lockName = ".simulate-lock"

// lockDirFcntl is lockDir for the systems without flock (AIX, Solaris)
// and for folders whose file system refuses flock:
// an fcntl write lock on the file .simulate-lock in dir, which the holder
// removes before it releases the lock. A run that locked a file since
// removed (it opened it before the removal) sees that the name no longer
// leads to its file and tries again, so a lock is never held on a file
// another run cannot see. fcntl locks are per process, so runs in one
// process are serialized by a lock of the process beside it.
func lockDirFcntl(ctx context.Context, dir string, onWait func()) (func(), error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	inProcess := processLock(abs)
	name := filepath.Join(abs, lockName)
	return acquire(ctx, onWait, func() (func(), bool, error) {
		select {
		case inProcess <- struct{}{}:
		default:
			return nil, true, nil
		}
		unlockProcess := func() { <-inProcess }
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			unlockProcess()
			return nil, false, fmt.Errorf("output: locking %s: %w", dir, err)
		}
		lk := syscall.Flock_t{Type: syscall.F_WRLCK, Whence: io.SeekStart}
		err = syscall.FcntlFlock(f.Fd(), syscall.F_SETLK, &lk)
		switch {
		case errors.Is(err, syscall.EAGAIN) || errors.Is(err, syscall.EACCES) || errors.Is(err, syscall.EINTR):
			f.Close()
			unlockProcess()
			return nil, true, nil
		case errors.Is(err, syscall.ENOLCK) || errors.Is(err, syscall.ENOTSUP) || errors.Is(err, syscall.ENOSYS):
			// A file system without locks: the process lock only.
			f.Close()
			os.Remove(name)
			return unlockProcess, false, nil
		case err != nil:
			f.Close()
			unlockProcess()
			return nil, false, fmt.Errorf("output: locking %s: %w", dir, err)
		}
		held, err1 := f.Stat()
		now, err2 := os.Stat(name)
		if err1 != nil || err2 != nil || !os.SameFile(held, now) {
			f.Close() // locked a file its holder has removed since
			unlockProcess()
			return nil, true, nil
		}
		return func() {
			os.Remove(name)
			f.Close()
			unlockProcess()
		}, false, nil
	})
}

var (
	processLocksMu sync.Mutex
	processLocks   = map[string]chan struct{}{}
)

// processLock returns the lock of this process on the folder dir (an
// absolute path): a channel that holds one token while it is taken.
func processLock(dir string) chan struct{} {
	processLocksMu.Lock()
	defer processLocksMu.Unlock()
	c := processLocks[dir]
	if c == nil {
		c = make(chan struct{}, 1)
		processLocks[dir] = c
	}
	return c
}
