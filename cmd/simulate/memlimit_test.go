//go:build linux

package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// memChild marks a child process of TestMemoryLimit, which runs the
// command line after the test flags ("--") under an address-space limit.
const memChildEnv = "SIMULATE_MEMLIMIT_CHILD"

// memHeadroom is the address space the child may use beyond what it uses
// when it sets its limit: room for a small run, not for the large ones.
const memHeadroom = 192 << 20

// TestMemoryLimit runs each command that allocates in proportion to a size
// the user gives in a child process whose address-space limit (RLIMIT_AS,
// ulimit -v) is what it already uses plus memHeadroom: a large run is
// refused up front, exit 1, with the estimate and the limit, and writes
// nothing; the same command on a small size runs (exit 0).
func TestMemoryLimit(t *testing.T) {
	if os.Getenv(memChildEnv) == "1" {
		memChild(t, flag.Args())
		return
	}
	if testing.Short() {
		t.Skip("starts child processes")
	}
	t.Parallel()
	data := filepath.Join(t.TempDir(), "pwt.csv")
	f, err := os.Create(data)
	if err == nil {
		err = errors.Join(f.Truncate(60<<20), f.Close()) // 60 MiB that take no disk space
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"sweep grid", []string{"sweep", "--param", "capital.ict_share=0:1:1000", "--param", "labor.ii_share=0:1:1000", "report2020"}, 1,
			[]string{"simulate sweep: 1000 × 1000 sweep points need about 610 MiB", "address-space limit (ulimit -v)"}},
		{"sweep small", []string{"sweep", "--param", "capital.ict_share=0:1:10", "--param", "labor.ii_share=0:1:10", "report2020"}, 0, nil},
		{"index sweep grid", []string{"sweep", "--param", "index.finance.lending.weight=0.1:0.6:1000", "--param", "index.finance.absorption.weight=0.1:0.6:1000", "cii2020"}, 1,
			[]string{"simulate sweep: 1000 × 1000 sweep points need about 610 MiB", "address-space limit"}},
		{"mc keep-draws", []string{"mc", "--keep-draws", "--draws", "300000", "report2020"}, 1,
			[]string{"simulate mc: 300000 draws × 26 values per draw need about", "address-space limit"}},
		{"index mc keep-draws", []string{"mc", "--keep-draws", "--draws", "100000", "cii2020"}, 1,
			[]string{"simulate mc: 100000 draws × 57 values per draw need about", "address-space limit"}},
		{"index sobol", []string{"sobol", "--n", "262144", "cii2020"}, 1,
			[]string{"simulate sobol: 262144 base rows ×", "address-space limit"}},
		{"history data", []string{"history", "--country", "CHN", "--data", data}, 1,
			[]string{"simulate history: --data " + data + " (60 MiB (62914560 bytes)) need about 180 MiB", "address-space limit"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			args := append(c.args, "--out", out)
			cmd := exec.Command(os.Args[0], append([]string{"-test.run=^TestMemoryLimit$", "-test.count=1", "--"}, args...)...)
			cmd.Env = append(os.Environ(), memChildEnv+"=1")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err := cmd.Run()
			code := 0
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != c.code {
				t.Fatalf("exit code %d, want %d; stderr:\n%s", code, c.code, stderr.String())
			}
			rest := stderr.String()
			for _, w := range c.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("message lacks %q (in order):\n%s", w, stderr.String())
				}
				rest = rest[i+len(w):]
			}
			if c.code != 0 {
				if entries, err := os.ReadDir(out); err == nil && len(entries) > 0 {
					t.Errorf("output left behind: %v", entries)
				}
			}
		})
	}
}

// memChild sets the process's address-space limit to what it uses plus
// memHeadroom, runs the command line args and exits with its code.
func memChild(t *testing.T, args []string) {
	data, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		t.Skip(err)
	}
	var pages uint64
	if _, err := fmt.Sscan(string(data), &pages); err != nil {
		t.Fatal(err)
	}
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_AS, &rl); err != nil {
		t.Fatal(err)
	}
	rl.Cur = pages*uint64(os.Getpagesize()) + memHeadroom
	if err := syscall.Setrlimit(syscall.RLIMIT_AS, &rl); err != nil {
		t.Fatal(err)
	}
	err = run(context.Background(), args, strings.NewReader(""), new(bytes.Buffer), os.Stderr)
	os.Exit(exitCode(err, os.Stderr))
}
