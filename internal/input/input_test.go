//go:build unix && !solaris

package input

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestRead checks every way a named file can be refused, each within a
// time bound: no refusal may wait on the file.
func TestRead(t *testing.T) {
	dir := t.TempDir()
	ok := filepath.Join(dir, "ok.toml")
	if err := os.WriteFile(ok, []byte("a = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	small := Kind{"a test file", 16}
	big := filepath.Join(dir, "big")
	if err := os.WriteFile(big, make([]byte, 17), 0o644); err != nil {
		t.Fatal(err)
	}
	// A 5 GB sparse file: its size is refused before a byte is read.
	sparse := filepath.Join(dir, "sparse")
	f, err := os.Create(sparse)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(5 << 30); err != nil {
		t.Skip("cannot make a sparse file:", err)
	}
	f.Close()

	tests := []struct {
		name, path string
		k          Kind
		want       string
	}{
		{"folder", dir, Scenario, "not a regular file (a folder)"},
		{"missing", filepath.Join(dir, "none"), Scenario, "no such file or directory"},
		{"too large", big, small, "17 bytes is larger than the 16 bytes a test file may have"},
		{"sparse 5 GB", sparse, PWT, "5368709120 bytes is larger than the 64 MiB (67108864 bytes) a Penn World Table data file may have"},
	}
	{
		fifo := filepath.Join(dir, "fifo.toml")
		if err := syscall.Mkfifo(fifo, 0o644); err != nil {
			t.Fatal(err)
		}
		tests = append(tests,
			struct {
				name, path string
				k          Kind
				want       string
			}{"named pipe", fifo, Scenario, "not a regular file (a named pipe)"},
			struct {
				name, path string
				k          Kind
				want       string
			}{"/dev/zero", "/dev/zero", Font, "not a regular file (a character device)"},
		)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() {
				_, err := Read(tc.path, tc.k)
				done <- err
			}()
			select {
			case err := <-done:
				if err == nil || err.Error() != tc.want {
					t.Errorf("got %v, want %q", err, tc.want)
				}
				if err != nil && strings.Contains(err.Error(), dir) {
					t.Errorf("message repeats the path: %v", err)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("Read did not return within 5 s")
			}
		})
	}
	src, err := Read(ok, Scenario)
	if err != nil || string(src) != "a = 1\n" {
		t.Errorf("regular file: got %q, %v", src, err)
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{
		1 << 20:   "1 MiB (1048576 bytes)",
		256 << 20: "256 MiB (268435456 bytes)",
		1000:      "1000 bytes",
	} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}
