package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestInterruptKeepsOutputs interrupts `simulate run` at different moments
// and checks that the output folder then holds either the complete earlier
// results or the complete new ones — never a mix, a partial file or a
// temporary file.
func TestInterruptKeepsOutputs(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	t.Parallel()
	dir := t.TempDir()
	bin := filepath.Join(dir, "simulate")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out := filepath.Join(dir, "out")
	files := []string{"results.csv", "summary.json", "ii_increment.png", "decomposition.png"}
	read := func() [][]byte {
		var bs [][]byte
		for _, f := range files {
			b, _ := os.ReadFile(filepath.Join(out, "report2020", f))
			bs = append(bs, b)
		}
		return bs
	}
	// The earlier results: the baseline. The new ones: a variant of the same
	// name, so that the two differ in every file.
	if b, err := exec.Command(bin, "run", "--out", out).CombinedOutput(); err != nil {
		t.Fatalf("first run: %v\n%s", err, b)
	}
	old := read()
	variant := writeFile(t, dir, "report2020.toml", "name = \"report2020\"\nextends = \"report2020\"\n[gdp]\ngrowth_pct = 5\n[capital]\nict_share = 0.3\n")

	var interrupted, completed int
	for _, delay := range []time.Duration{0, 5, 20, 50, 100, 200, 400, 800} {
		cmd := exec.Command(bin, "run", "--out", out, "--format", "png,svg", variant)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay * time.Millisecond)
		cmd.Process.Signal(syscall.SIGINT)
		err := cmd.Wait()
		var ee *exec.ExitError
		switch {
		case err == nil:
			completed++
		case errors.As(err, &ee) && ee.ExitCode() == -1:
			// Killed by the signal before the handler was installed: the
			// default action, before any work.
			interrupted++
		case errors.As(err, &ee) && ee.ExitCode() == exitFailure:
			interrupted++
			if !strings.Contains(stderr.String(), "interrupted") {
				t.Errorf("after %v: stderr %q", delay, stderr.String())
			}
		default:
			t.Fatalf("after %v: %v\n%s", delay, err, stderr.String())
		}
		now := read()
		same := func(a, b [][]byte) bool {
			for i := range a {
				if !bytes.Equal(a[i], b[i]) {
					return false
				}
			}
			return true
		}
		if !same(now, old) {
			// The run completed: every file must be the new one.
			for i, b := range now {
				if bytes.Equal(b, old[i]) || len(b) == 0 {
					t.Errorf("after %v: %s is not the new file while others are", delay, files[i])
				}
			}
			old = now
		}
		entries, _ := os.ReadDir(filepath.Join(out, "report2020"))
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".") {
				t.Errorf("after %v: temporary file %s left", delay, e.Name())
			}
		}
	}
	t.Logf("%d runs interrupted, %d completed before the signal", interrupted, completed)
	if interrupted == 0 {
		t.Error("no run was interrupted: the test checked nothing")
	}

	// SIGKILL cannot be handled: a run killed while it renames its files
	// may leave some files new and others old, and temporary files behind,
	// but every file in place is whole — the earlier one or the new one.
	first, second := read(), [][]byte(nil)
	other := writeFile(t, dir, "other/report2020.toml", "name = \"report2020\"\nextends = \"report2020\"\n[gdp]\ngrowth_pct = 4\n")
	if b, err := exec.Command(bin, "run", "--out", filepath.Join(dir, "probe"), other).CombinedOutput(); err != nil {
		t.Fatalf("probe run: %v\n%s", err, b)
	}
	for _, f := range files {
		b, _ := os.ReadFile(filepath.Join(dir, "probe", "report2020", f))
		second = append(second, b)
	}
	for _, delay := range []time.Duration{0, 20, 50, 100, 200, 300, 500} {
		cmd := exec.Command(bin, "run", "--out", out, other)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
		for i, b := range read() {
			if !bytes.Equal(b, first[i]) && !bytes.Equal(b, second[i]) {
				t.Errorf("after SIGKILL at %v: %s is neither the earlier nor the new file (%d bytes)", delay, files[i], len(b))
			}
		}
	}
}
