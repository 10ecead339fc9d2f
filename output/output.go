package output

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
)

// Batch collects the files of one run, to be written together by Commit.
type Batch struct {
	root  string
	files map[string][]byte // path relative to root → content

	stamp  *Stamp // when set, Commit writes a manifest.json per folder
	inputs []inputRecord

	protect []string // inputs no file may replace
	onWait  func()
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

// Commit writes every file of the batch, all or none. It takes the
// folder's lock (waiting while another run writes into it, or until ctx is
// done), checks that every destination stays inside the root once
// symbolic links are followed and is none of the protected inputs
// ([Batch.Protect]), writes every file to a temporary file beside its
// destination and, if all were written and ctx is not done, renames them
// into place, keeping a link to each file it replaces. If a rename fails,
// the files already renamed are put back as they were (or removed, when
// new) and the folders it made are removed: the folder holds exactly the
// earlier set. On an error the temporary files are removed.
func (b *Batch) Commit(ctx context.Context) (err error) {
	made, err := mkdirAllTracked(b.root)
	if err != nil {
		return fmt.Errorf("output: %w", err)
	}
	defer func() {
		if err != nil {
			removeDirs(made)
		}
	}()
	unlock, err := lockDir(ctx, b.root, b.onWait)
	if err != nil {
		return err
	}
	defer unlock()

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
	if err := b.confine(rels); err != nil {
		return err
	}

	temps := map[string]string{} // destination → temporary file
	defer func() {
		for _, tmp := range temps {
			os.Remove(tmp)
		}
	}()
	for _, rel := range rels {
		if err := ctx.Err(); err != nil {
			return err
		}
		dst := filepath.Join(b.root, rel)
		dirs, err := mkdirAllTracked(filepath.Dir(dst))
		made = append(made, dirs...)
		if err != nil {
			return fmt.Errorf("output: %w", err)
		}
		tmp, err := writeTemp(dst, files[rel])
		if err != nil {
			return err
		}
		temps[dst] = tmp
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if beforeRenames != nil {
		beforeRenames()
	}
	return renameAll(b.root, rels, temps)
}

// beforeRenames, when set (by tests), is called between writing the
// temporary files and renaming them: a stalled writer.
var beforeRenames func()

// renameAll renames every temporary file onto its destination. Each file
// it replaces is first linked to a backup beside it; if a rename fails,
// the renamed files are restored from their backups (or removed, when
// they were new), so that the folder holds the earlier set.
func renameAll(root string, rels []string, temps map[string]string) (err error) {
	type done struct{ dst, backup string }
	var renamed []done
	var backups []string
	defer func() {
		if err != nil {
			for i := len(renamed) - 1; i >= 0; i-- {
				d := renamed[i]
				if d.backup != "" {
					os.Rename(d.backup, d.dst)
				} else {
					os.Remove(d.dst)
				}
			}
		}
		for _, bk := range backups {
			os.Remove(bk) // gone when restored
		}
	}()
	for _, rel := range rels {
		dst := filepath.Join(root, rel)
		backup := ""
		if st, err := os.Lstat(dst); err == nil && (st.Mode().IsRegular() || st.Mode()&fs.ModeSymlink != 0) {
			backup, err = linkBackup(dst)
			if err != nil {
				return fmt.Errorf("output: keeping %s until the run is written: %w", dst, err)
			}
			backups = append(backups, backup)
		}
		if err := os.Rename(temps[dst], dst); err != nil {
			return fmt.Errorf("output: %w (nothing of this run was kept)", err)
		}
		delete(temps, dst)
		renamed = append(renamed, done{dst, backup})
	}
	return nil
}

// linkBackup makes a hard link to the file at dst under a new hidden name
// beside it and returns that name; where links cannot be made, a copy.
func linkBackup(dst string) (string, error) {
	for i := 0; i < 100; i++ {
		name := filepath.Join(filepath.Dir(dst), fmt.Sprintf(".%s.bak-%d-%d", filepath.Base(dst), os.Getpid(), i))
		err := os.Link(dst, name)
		if err == nil {
			return name, nil
		}
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		// No hard links here: copy.
		data, rerr := os.ReadFile(dst)
		if rerr != nil {
			return "", rerr
		}
		f, cerr := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if cerr != nil {
			return "", cerr
		}
		_, werr := f.Write(data)
		if err := errors.Join(werr, f.Close()); err != nil {
			os.Remove(name)
			return "", err
		}
		return name, nil
	}
	return "", fmt.Errorf("no free backup name")
}

// mkdirAllTracked makes dir and its missing parents and returns those it
// made, deepest last.
func mkdirAllTracked(dir string) ([]string, error) {
	var missing []string
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil {
			break
		}
		missing = append(missing, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	slices.Reverse(missing)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return missing, nil
}

// removeDirs removes the folders made, deepest first, when empty.
func removeDirs(made []string) {
	slices.SortFunc(made, func(a, b string) int { return len(b) - len(a) })
	for _, d := range made {
		os.Remove(d)
	}
}

// writeTemp writes content to a new temporary file in dst's folder and
// returns its name.
func writeTemp(dst string, content []byte) (string, error) {
	dir := filepath.Dir(dst)
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

// Protect names input files of the command (a scenario, a spec, the files
// a scenario extends) that no file of the batch may replace: Commit
// refuses with a *ProtectedError, writing nothing, when a destination is
// one of them.
func (b *Batch) Protect(paths ...string) { b.protect = append(b.protect, paths...) }

// OnWait sets a function Commit calls once when it must wait for another
// run writing into the same folder.
func (b *Batch) OnWait(f func()) { b.onWait = f }

// ProtectedError is an output that would replace an input of the same
// command.
type ProtectedError struct {
	Output, Input string
}

func (e *ProtectedError) Error() string {
	if e.Output == e.Input {
		return fmt.Sprintf("output: %s is an input of this command: writing it would replace it; write the output elsewhere", e.Output)
	}
	return fmt.Sprintf("output: %s is %s, an input of this command: writing it would replace it; write the output elsewhere", e.Output, e.Input)
}

// EscapeError is an output path that leads outside the output folder
// through a symbolic link.
type EscapeError struct {
	Path, Root string
}

func (e *EscapeError) Error() string {
	return fmt.Sprintf("output: %s leads outside the output folder %s through a symbolic link; nothing was written", e.Path, e.Root)
}

// confine checks every destination: the folder it goes into, with
// symbolic links followed, is inside the root (with symbolic links
// followed), and it is not a protected input.
func (b *Batch) confine(rels []string) error {
	rootReal, err := filepath.EvalSymlinks(b.root)
	if err != nil {
		return fmt.Errorf("output: %w", err)
	}
	var inputs []fs.FileInfo
	var inputNames []string
	for _, p := range b.protect {
		if st, err := os.Stat(p); err == nil {
			inputs = append(inputs, st)
			inputNames = append(inputNames, p)
		}
	}
	checked := map[string]bool{}
	for _, rel := range rels {
		dst := filepath.Join(b.root, rel)
		if st, err := os.Stat(dst); err == nil {
			for i, in := range inputs {
				if os.SameFile(st, in) {
					return &ProtectedError{Output: dst, Input: inputNames[i]}
				}
			}
		}
		dir := filepath.Dir(dst)
		if checked[dir] {
			continue
		}
		checked[dir] = true
		d := dir // the deepest folder that exists
		for {
			if _, err := os.Lstat(d); err == nil || filepath.Dir(d) == d {
				break
			}
			d = filepath.Dir(d)
		}
		real, err := filepath.EvalSymlinks(d)
		if err != nil {
			return fmt.Errorf("output: %w", err)
		}
		if r, err := filepath.Rel(rootReal, real); err != nil || r != "." && !filepath.IsLocal(r) {
			return &EscapeError{Path: dst, Root: b.root}
		}
	}
	return nil
}
