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
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// memChild marks a child process of TestMemoryLimit, which runs the
// command line after the test flags ("--") under an address-space limit.
const memChildEnv = "SIMULATE_MEMLIMIT_CHILD"

// memHeadroomEnv holds, in a child process, the address space in MiB it
// may use beyond what it uses when it sets its limit.
const memHeadroomEnv = "SIMULATE_MEMLIMIT_MIB"

// memHeadroom is the address space TestMemoryLimit's children may use
// beyond what they use when they set their limit, in MiB: room for a
// small run, not for the large ones.
const memHeadroom = 192

// canLimitMemory: runLimited can set a child's address-space limit here.
const canLimitMemory = true

// runLimited runs the command line args in a child process whose
// address-space limit is what it uses plus headroom MiB, and returns its
// exit code and what it wrote to stderr.
func runLimited(t *testing.T, args []string, headroom int) (int, string) {
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^TestMemoryLimit$", "-test.count=1", "--"}, args...)...)
	cmd.Env = append(os.Environ(), memChildEnv+"=1", fmt.Sprintf("%s=%d", memHeadroomEnv, headroom))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		return ee.ExitCode(), stderr.String()
	case err != nil:
		t.Error(err)
		return -1, stderr.String()
	}
	return 0, stderr.String()
}

// TestMemoryLimit runs commands that allocate in proportion to a size the
// user gives in a child process whose address-space limit (RLIMIT_AS,
// ulimit -v) is what it already uses plus memHeadroom: a small run runs
// (exit 0), so the estimates refuse only what is large; history --data of
// a 60 MiB table (a sparse file) is refused up front, exit 1, with the
// estimate and the limit, and writes nothing. The other refusals (sweep,
// mc, sobol, on a scenario and an index) are cases of the bad-input
// catalogue (testdata/bad/cases.toml, memory = …), run the same way.
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
		{"sweep small", []string{"sweep", "--param", "capital.ict_share=0:1:10", "--param", "labor.ii_share=0:1:10", "report2020"}, 0, nil},
		{"mc --keep-draws small", []string{"mc", "--keep-draws", "--draws", "2000", "report2020"}, 0, nil},
		{"history, the embedded data", []string{"history", "--country", "CHN"}, 0, nil},
		{"history --data of 60 MiB", []string{"history", "--country", "CHN", "--data", data}, 1,
			[]string{"simulate history: --data " + data + " (60 MiB (62914560 bytes)) need about 180 MiB", "address-space limit"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			args := append(c.args, "--out", out)
			code, stderr := runLimited(t, args, memHeadroom)
			if code != c.code {
				t.Fatalf("exit code %d, want %d; stderr:\n%s", code, c.code, stderr)
			}
			wantInOrder(t, stderr, c.want)
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
	headroom, err := strconv.Atoi(os.Getenv(memHeadroomEnv))
	if err != nil {
		t.Fatal(err)
	}
	rl.Cur = pages*uint64(os.Getpagesize()) + uint64(headroom)<<20
	if err := syscall.Setrlimit(syscall.RLIMIT_AS, &rl); err != nil {
		t.Fatal(err)
	}
	err = run(context.Background(), args, strings.NewReader(""), new(bytes.Buffer), os.Stderr)
	os.Exit(exitCode(err, os.Stderr))
}
