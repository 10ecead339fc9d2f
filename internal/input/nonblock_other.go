//go:build !unix

package input

const oNonblock = 0
