package output

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

func TestAddConfined(t *testing.T) {
	b := NewBatch(t.TempDir())
	for _, rel := range []string{"../x", "/etc/passwd", "a/../../x", ""} {
		if err := b.Add(rel, nil); err == nil {
			t.Errorf("%q: got no error", rel)
		}
	}
	for _, rel := range []string{"a/b.csv", "x.json", "a/./c"} {
		if err := b.Add(rel, nil); err != nil {
			t.Errorf("%q: %v", rel, err)
		}
	}
}

func TestCommit(t *testing.T) {
	root := t.TempDir()
	b := NewBatch(root)
	b.Add("s/results.csv", []byte("new"))
	b.Add("s/summary.json", []byte("{}"))
	if err := b.Commit(context.Background()); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(root, "s", "results.csv"))
	if err != nil || string(got) != "new" {
		t.Fatalf("got %q, %v", got, err)
	}
	if st, _ := os.Stat(filepath.Join(root, "s", "results.csv")); st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v", st.Mode())
	}
}

// TestCommitCancelled checks that a cancelled commit leaves the earlier
// files and no temporary ones.
func TestCommitCancelled(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "s"), 0o755)
	os.WriteFile(filepath.Join(root, "s", "results.csv"), []byte("old"), 0o644)
	b := NewBatch(root)
	b.Add("s/results.csv", []byte("new"))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := b.Commit(ctx); err == nil {
		t.Fatal("got no error")
	}
	got, _ := os.ReadFile(filepath.Join(root, "s", "results.csv"))
	entries, _ := os.ReadDir(filepath.Join(root, "s"))
	if string(got) != "old" || len(entries) != 1 {
		t.Errorf("content %q, files %v", got, entries)
	}
}

// TestCommitFailure checks that when one file cannot be written, none of
// the batch is put in place.
func TestCommitFailure(t *testing.T) {
	root := t.TempDir()
	// A file where the batch needs a folder makes the second write fail.
	os.WriteFile(filepath.Join(root, "blocker"), []byte("x"), 0o644)
	b := NewBatch(root)
	b.Add("a.csv", []byte("a"))
	b.Add("blocker/b.csv", []byte("b"))
	if err := b.Commit(context.Background()); err == nil {
		t.Fatal("got no error")
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}
}
