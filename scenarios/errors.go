package scenarios

import "simulate/internal/tomlfile"

// Error is one problem with a scenario file: where it is (file:line:col,
// key path) and what is wrong. Line and Col are 1-based and 0 when the
// position is not known.
type Error = tomlfile.Error

// Errors are every problem found in one scenario (and those it extends),
// reported together, one a line, sorted by file and position.
type Errors = tomlfile.Errors
