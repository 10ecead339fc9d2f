package output

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
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

// TestManifest checks that a stamped batch records, in each folder it
// writes to, what wrote each file; that a second batch updates the entries
// of its files and keeps those of files it did not write; and that entries
// of files that are gone are dropped.
func TestManifest(t *testing.T) {
	root := t.TempDir()
	t1 := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	b := NewBatch(root)
	b.Add("mine/results.csv", []byte("1"))
	b.Add("mine/summary.json", []byte("{}"))
	b.Add("mine/sweep-x-y/sweep.csv", []byte("s"))
	b.AddInputs("mine", "mine", "abc")
	b.SetStamp(Stamp{Command: "simulate run mine.toml", Version: "v1", Time: t1})
	if err := b.Commit(context.Background()); err != nil {
		t.Fatal(err)
	}
	m, err := ReadManifest(filepath.Join(root, "mine"))
	if err != nil {
		t.Fatal(err)
	}
	want := ManifestEntry{Command: "simulate run mine.toml", Inputs: map[string]string{"mine": "abc"}, Version: "v1", Time: "2025-06-01T12:00:00Z"}
	if len(m.Files) != 2 || !reflect.DeepEqual(m.Files["results.csv"], want) || !reflect.DeepEqual(m.Files["summary.json"], want) {
		t.Errorf("manifest %+v", m.Files)
	}
	if sub, err := ReadManifest(filepath.Join(root, "mine", "sweep-x-y")); err != nil || len(sub.Files) != 1 || sub.Files["sweep.csv"].Inputs["mine"] != "abc" {
		t.Errorf("subfolder manifest %+v, %v", sub, err)
	}
	if paths := b.Paths(); len(paths) != 3 {
		t.Errorf("Paths lists the manifests: %v", paths)
	}

	// A second run writes results.csv only; summary.json keeps its entry.
	os.WriteFile(filepath.Join(root, "mine", "stale.png"), nil, 0o644)
	os.Remove(filepath.Join(root, "mine", "summary.json"))
	b = NewBatch(root)
	b.Add("mine/results.csv", []byte("2"))
	b.SetStamp(Stamp{Command: "simulate run other.toml", Version: "v2", Time: t1.Add(time.Hour)})
	if err := b.Commit(context.Background()); err != nil {
		t.Fatal(err)
	}
	m, err = ReadManifest(filepath.Join(root, "mine"))
	if err != nil {
		t.Fatal(err)
	}
	if e := m.Files["results.csv"]; e.Command != "simulate run other.toml" || e.Time != "2025-06-01T13:00:00Z" || e.Inputs != nil {
		t.Errorf("updated entry %+v", e)
	}
	if _, ok := m.Files["summary.json"]; ok {
		t.Error("the entry of a removed file is kept")
	}
	if _, ok := m.Files["stale.png"]; ok {
		t.Error("an entry for a file no batch wrote")
	}

	// A manifest that does not decode is replaced.
	os.WriteFile(filepath.Join(root, "mine", ManifestName), []byte("{not json"), 0o644)
	b = NewBatch(root)
	b.Add("mine/results.csv", []byte("3"))
	b.SetStamp(Stamp{Command: "c", Version: "v3", Time: t1})
	if err := b.Commit(context.Background()); err != nil {
		t.Fatal(err)
	}
	if m, err := ReadManifest(filepath.Join(root, "mine")); err != nil || m.Files["results.csv"].Version != "v3" {
		t.Errorf("replaced manifest %+v, %v", m, err)
	}

	// Without a stamp, no manifest.
	root2 := t.TempDir()
	b = NewBatch(root2)
	b.Add("a/x.csv", nil)
	if err := b.Commit(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root2, "a", ManifestName)); !os.IsNotExist(err) {
		t.Errorf("an unstamped batch wrote a manifest: %v", err)
	}
}
