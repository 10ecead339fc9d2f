//go:build !unix && !windows

package output

import "context"

// lockDir does not lock: on the platforms left (plan9, js/wasm, wasip1)
// there is no advisory file lock to take, and runs into one folder are
// not serialized.
func lockDir(context.Context, string, func()) (func(), error) { return func() {}, nil }
