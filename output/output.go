package output

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// Batch collects the files of one run, to be written together by Commit.
type Batch struct {
	root  string
	files map[string][]byte // path relative to root → content

	stamp  *Stamp // when set, Commit writes a manifest.json per folder
	inputs []inputRecord
}

// NewBatch returns an empty batch of files for the folder root.
func NewBatch(root string) *Batch {
	return &Batch{root: root, files: map[string][]byte{}}
}

// Add adds a file at rel, a slash-separated path inside the root. It
// returns an error if rel is absolute or would leave the root.
func (b *Batch) Add(rel string, content []byte) error {
	if !filepath.IsLocal(filepath.FromSlash(rel)) {
		return fmt.Errorf("output: %q is not a path inside the output folder", rel)
	}
	b.files[filepath.Clean(filepath.FromSlash(rel))] = content
	return nil
}

// Paths returns the paths of the files in the batch, joined to the root and
// sorted (without the manifests a stamped batch adds).
func (b *Batch) Paths() []string {
	var ps []string
	for rel := range b.files {
		ps = append(ps, filepath.Join(b.root, rel))
	}
	sort.Strings(ps)
	return ps
}

// Commit writes every file of the batch: first all to temporary files
// beside their destinations, then, if all were written and ctx is not
// done, renames them into place. On an error or cancellation the temporary
// files are removed and the files already in place are untouched.
func (b *Batch) Commit(ctx context.Context) (err error) {
	files := b.files
	if b.stamp != nil {
		ms, err := b.manifests()
		if err != nil {
			return fmt.Errorf("output: manifest: %w", err)
		}
		files = make(map[string][]byte, len(b.files)+len(ms))
		for rel, data := range b.files {
			files[rel] = data
		}
		for rel, data := range ms {
			files[rel] = data
		}
	}
	rels := make([]string, 0, len(files))
	for rel := range files {
		rels = append(rels, rel)
	}
	sort.Strings(rels)

	temps := map[string]string{} // destination → temporary file
	defer func() {
		if err != nil {
			for _, tmp := range temps {
				os.Remove(tmp)
			}
		}
	}()
	for _, rel := range rels {
		if err := ctx.Err(); err != nil {
			return err
		}
		dst := filepath.Join(b.root, rel)
		tmp, err := writeTemp(dst, files[rel])
		if err != nil {
			return err
		}
		temps[dst] = tmp
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, rel := range rels {
		dst := filepath.Join(b.root, rel)
		if err := os.Rename(temps[dst], dst); err != nil {
			return fmt.Errorf("output: %w", err)
		}
		delete(temps, dst)
	}
	return nil
}

// writeTemp writes content to a new temporary file in dst's folder and
// returns its name.
func writeTemp(dst string, content []byte) (string, error) {
	dir := filepath.Dir(dst)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("output: %w", err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(dst)+".tmp-*")
	if err != nil {
		return "", fmt.Errorf("output: %w", err)
	}
	_, werr := f.Write(content)
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("output: writing %s: %w", dst, err)
	}
	// CreateTemp makes files readable by the owner only; results are for
	// everyone who may read the folder.
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("output: %w", err)
	}
	return f.Name(), nil
}
