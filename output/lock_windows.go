//go:build windows

package output

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"syscall"
)

// lockName is the file whose exclusive opening locks an output folder on
// Windows. It exists only while a run holds the folder.
const lockName = ".simulate-lock"

// Windows error and flag values that package syscall does not export.
const (
	errorSharingViolation  syscall.Errno = 32         // ERROR_SHARING_VIOLATION
	fileFlagDeleteOnClose                = 0x04000000 // FILE_FLAG_DELETE_ON_CLOSE
	fileAttributeTemporary               = 0x00000100 // FILE_ATTRIBUTE_TEMPORARY
)

// lockDir takes an exclusive lock on the folder dir, waiting while another
// process or batch holds it, until ctx is done. onWait, if not nil, is
// called once when it must wait. The returned function releases the lock.
//
// Windows cannot lock a folder handle, so the lock is a file in it,
// .simulate-lock, opened with no sharing (a second opening fails with a
// sharing violation until the first handle is closed) and deleted when
// its handle is closed: by the release, or by the system when the process
// ends, however it ends. Nothing is left in the folder, and a lock cannot
// outlive its holder. A lock file left in place and locked with LockFileEx
// would serve as well but stay in the user's folder.
func lockDir(ctx context.Context, dir string, onWait func()) (func(), error) {
	name, err := syscall.UTF16PtrFromString(filepath.Join(dir, lockName))
	if err != nil {
		return nil, fmt.Errorf("output: locking %s: %w", dir, err)
	}
	denied := 0
	return acquire(ctx, onWait, func() (func(), bool, error) {
		h, err := syscall.CreateFile(name,
			syscall.GENERIC_READ|syscall.GENERIC_WRITE,
			0, // no sharing: the lock
			nil, syscall.OPEN_ALWAYS,
			syscall.FILE_ATTRIBUTE_HIDDEN|fileAttributeTemporary|fileFlagDeleteOnClose, 0)
		switch {
		case err == nil:
			return func() { syscall.CloseHandle(h) }, false, nil
		case errors.Is(err, errorSharingViolation):
			return nil, true, nil // another run holds the folder
		case errors.Is(err, syscall.ERROR_ACCESS_DENIED) && denied < 20:
			// The previous holder's file may be being deleted; a
			// folder that cannot be written to stays denied.
			denied++
			return nil, true, nil
		}
		return nil, false, fmt.Errorf("output: locking %s: %w", dir, err)
	})
}
