//go:build unix

package output

import (
	"bufio"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestLockDirFcntl: the lock of the systems without flock (AIX, Solaris),
// run here: a second holder in the process waits until the first
// releases; a holder in another process keeps this one waiting until it
// ends; the lock file exists only while the folder is held.
func TestLockDirFcntl(t *testing.T) {
	if dir := os.Getenv("OUTPUT_LOCK_CHILD"); dir != "" {
		release, err := lockDirFcntl(context.Background(), dir, nil)
		if err != nil {
			t.Fatal(err)
		}
		os.Stdout.WriteString("locked\n")
		bufio.NewReader(os.Stdin).ReadString('\n') // until the parent closes stdin
		release()
		return
	}
	dir := t.TempDir()
	lockFile := filepath.Join(dir, lockName)
	exists := func() bool { _, err := os.Stat(lockFile); return err == nil }

	first, err := lockDirFcntl(context.Background(), dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !exists() {
		t.Error("no lock file while the folder is held")
	}
	waiting := make(chan struct{})
	second := make(chan func(), 1)
	go func() {
		r, err := lockDirFcntl(context.Background(), dir, func() { close(waiting) })
		if err != nil {
			t.Error(err)
		}
		second <- r
	}()
	select {
	case <-waiting:
	case <-second:
		t.Fatal("a second holder in the process took the held lock")
	case <-time.After(10 * time.Second):
		t.Fatal("the second holder neither waited nor took the lock")
	}
	first()
	select {
	case r := <-second:
		r()
	case <-time.After(10 * time.Second):
		t.Fatal("the second holder did not take the released lock")
	}
	if exists() {
		t.Error("lock file left after the release")
	}

	child := exec.Command(os.Args[0], "-test.run=^TestLockDirFcntl$", "-test.count=1")
	child.Env = append(os.Environ(), "OUTPUT_LOCK_CHILD="+dir)
	stdin, err := child.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := child.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	if line, err := bufio.NewReader(stdout).ReadString('\n'); err != nil || line != "locked\n" {
		t.Fatalf("child: %q, %v", line, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	if r, err := lockDirFcntl(ctx, dir, nil); !errors.Is(err, context.DeadlineExceeded) {
		if r != nil {
			r()
		}
		t.Fatalf("while another process holds the folder: got %v, want to wait until the deadline", err)
	}
	stdin.Close()
	if err := child.Wait(); err != nil {
		t.Fatalf("child: %v", err)
	}
	r, err := lockDirFcntl(context.Background(), dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	r()
}
