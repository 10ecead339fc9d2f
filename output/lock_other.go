//go:build !unix

package output

import "context"

// lockDir does not lock where flock is not available.
func lockDir(context.Context, string, func()) (func(), error) { return func() {}, nil }
