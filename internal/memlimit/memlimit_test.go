//go:build linux

package memlimit

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestCheckUnderLimit runs the check in a child process started with a
// 2 GiB address-space limit: 8 GiB more does not fit, 1 MiB does.
func TestCheckUnderLimit(t *testing.T) {
	if os.Getenv("MEMLIMIT_CHILD") == "1" {
		err := Check("the test", 8<<30)
		var me *Error
		if !errors.As(err, &me) || !strings.Contains(err.Error(), "address-space limit (ulimit -v)") {
			t.Fatalf("8 GiB: got %v", err)
		}
		if err := Check("the test", 1<<20); err != nil {
			t.Fatalf("1 MiB: %v", err)
		}
		return
	}
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no shell")
	}
	cmd := exec.Command("sh", "-c", "ulimit -v 2097152 && exec \"$0\" -test.run '^TestCheckUnderLimit$' -test.count=1", os.Args[0])
	cmd.Env = append(os.Environ(), "MEMLIMIT_CHILD=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
}

func TestCheckNoLimit(t *testing.T) {
	if _, _, ok := addressSpace(); ok {
		t.Skip("this process has an address-space limit")
	}
	if err := Check("the test", 1<<40); err != nil {
		t.Errorf("no limit: got %v", err)
	}
}
