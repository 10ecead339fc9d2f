//go:build aix || (solaris && !illumos)

package output

import "context"

// lockDir takes a lock on the folder dir: see [lockDirFcntl] (these
// systems have no flock).
func lockDir(ctx context.Context, dir string, onWait func()) (func(), error) {
	return lockDirFcntl(ctx, dir, onWait)
}
