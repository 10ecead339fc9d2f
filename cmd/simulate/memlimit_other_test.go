//go:build !linux

package main

import "testing"

// canLimitMemory: the address-space limit of a child is set on Linux only.
const canLimitMemory = false

func runLimited(t *testing.T, args []string, headroom int) (int, string) {
	panic("runLimited without an address-space limit")
}
