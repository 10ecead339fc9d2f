package output

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

// snapshot returns every file and folder under root: path → content
// ("/" for a folder, "→ target" for a link).
func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			m[rel] = "→ " + target
			return err
		case d.IsDir():
			m[rel] = "/"
		default:
			data, err := os.ReadFile(p)
			m[rel] = string(data)
			return err
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	return m
}

// TestCommitRollback blocks the last file of a run (its destination is a
// folder that is not empty, so that the rename fails after every other
// file was renamed) and checks that the folder holds the earlier set byte
// for byte.
func TestCommitRollback(t *testing.T) {
	root := t.TempDir()
	first := NewBatch(root)
	first.SetStamp(Stamp{Command: "simulate run a", Version: "v1", Time: time.Unix(1, 0)})
	first.Add("s/a.csv", []byte("old a"))
	first.Add("s/b.png", []byte("old b"))
	if err := first.Commit(context.Background()); err != nil {
		t.Fatal(err)
	}
	// The blocker: s/z.json is a folder holding a file.
	if err := os.MkdirAll(filepath.Join(root, "s", "z.json"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "s", "z.json", "keep"), []byte("k"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, root)

	second := NewBatch(root)
	second.SetStamp(Stamp{Command: "simulate run b", Version: "v2", Time: time.Unix(2, 0)})
	second.Add("s/a.csv", []byte("new a"))
	second.Add("s/b.png", []byte("new b"))
	second.Add("s/c.csv", []byte("new c")) // a file the earlier set lacks
	second.Add("t/new.csv", []byte("new")) // in a folder the earlier set lacks
	second.Add("s/z.json", []byte("blocked"))
	err := second.Commit(context.Background())
	if err == nil {
		t.Fatal("commit over a folder succeeded")
	}
	if after := snapshot(t, root); !reflect.DeepEqual(after, before) {
		t.Errorf("after a failed commit the folder holds\n%v\nwant the earlier set\n%v", after, before)
	}
}

// TestCommitSerialized: a run stalled before its renames holds the folder;
// a second run into it waits, then writes its whole set: the folder never
// mixes both runs' files.
func TestCommitSerialized(t *testing.T) {
	root := t.TempDir()
	stalled, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	beforeRenames = func() {
		once.Do(func() {
			close(stalled)
			<-release
		})
	}
	t.Cleanup(func() { beforeRenames = nil })

	batch := func(tag string) *Batch {
		b := NewBatch(root)
		for _, f := range []string{"s/a.csv", "s/b.csv", "s/c.png"} {
			b.Add(f, []byte(tag))
		}
		return b
	}
	errA := make(chan error, 1)
	go func() { errA <- batch("A").Commit(context.Background()) }()
	<-stalled

	waiting := make(chan struct{})
	errB := make(chan error, 1)
	b := batch("B")
	b.OnWait(func() { close(waiting) })
	go func() { errB <- b.Commit(context.Background()) }()
	select {
	case <-waiting:
	case err := <-errB:
		t.Fatalf("second run finished (%v) while the first held the folder", err)
	case <-time.After(10 * time.Second):
		t.Fatal("second run neither waited nor finished")
	}
	close(release)
	if err := <-errA; err != nil {
		t.Fatal(err)
	}
	if err := <-errB; err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"s/a.csv", "s/b.csv", "s/c.png"} {
		if data, _ := os.ReadFile(filepath.Join(root, f)); string(data) != "B" {
			t.Errorf("%s holds %q, want the second run's", f, data)
		}
	}

	// A run waiting for the lock gives up when its context is done.
	unlock, err := lockDir(context.Background(), root, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if err := batch("C").Commit(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("cancelled wait: got %v", err)
	}
}

// TestCommitSymlinkEscape: a symbolic link inside the output folder does
// not send a file outside it.
func TestCommitSymlinkEscape(t *testing.T) {
	root, elsewhere := t.TempDir(), t.TempDir()
	if err := os.Symlink(elsewhere, filepath.Join(root, "report2020")); err != nil {
		t.Skip("no symbolic links:", err)
	}
	b := NewBatch(root)
	b.Add("report2020/results.csv", []byte("x"))
	var esc *EscapeError
	if err := b.Commit(context.Background()); !errors.As(err, &esc) {
		t.Fatalf("got %v, want an *EscapeError", err)
	}
	if entries, _ := os.ReadDir(elsewhere); len(entries) > 0 {
		t.Errorf("written outside the output folder: %v", entries)
	}
	// A link that stays inside is followed.
	if err := os.Mkdir(filepath.Join(root, "real"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real", filepath.Join(root, "inside")); err != nil {
		t.Fatal(err)
	}
	b = NewBatch(root)
	b.Add("inside/results.csv", []byte("x"))
	if err := b.Commit(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// TestCommitProtected: no output replaces an input of the same command.
func TestCommitProtected(t *testing.T) {
	root := t.TempDir()
	spec := filepath.Join(root, "spec.toml")
	if err := os.WriteFile(spec, []byte("input"), 0o644); err != nil {
		t.Fatal(err)
	}
	b := NewBatch(root)
	b.Add("spec.toml", []byte("output"))
	b.Add("fit.csv", []byte("output"))
	b.Protect(filepath.Join(root, ".", "spec.toml"))
	var pe *ProtectedError
	err := b.Commit(context.Background())
	if !errors.As(err, &pe) || !strings.Contains(err.Error(), "an input of this command") {
		t.Fatalf("got %v, want a *ProtectedError", err)
	}
	if data, _ := os.ReadFile(spec); string(data) != "input" {
		t.Errorf("input replaced: %q", data)
	}
	if _, err := os.Stat(filepath.Join(root, "fit.csv")); err == nil {
		t.Error("fit.csv written")
	}
}
