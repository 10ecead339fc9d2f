// Package race reports whether the program was built with the race
// detector (go build -race, go test -race).
//
// Tests use it to skip work that the race detector makes many times slower
// without finding anything: rendering raster images, comparing them with
// golden files, and measuring the coverage of statistical intervals over
// many runs. Tests of concurrent code never skip.
package race
