//go:build unix

package input

import "syscall"

// oNonblock opens a named pipe without waiting for a writer, should one
// replace the file between the check and the open.
const oNonblock = syscall.O_NONBLOCK
