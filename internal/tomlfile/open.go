package tomlfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// MaxFileSize is the largest file ReadFile reads: far above any real
// scenario or spec, it keeps a wrong path (a log, a device) from exhausting
// memory.
const MaxFileSize = 1 << 20

// ReadFile reads the regular file at name, refusing anything else (a
// folder, a device, a pipe) and files over MaxFileSize. what names the kind
// of file in the message about its size ("a scenario"). Errors do not
// repeat the path: the caller names the file.
func ReadFile(name, what string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file")
	}
	if st.Size() > MaxFileSize {
		return nil, fmt.Errorf("%d bytes is larger than the %d bytes %s may have", st.Size(), MaxFileSize, what)
	}
	src, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if len(src) > MaxFileSize {
		return nil, fmt.Errorf("larger than the %d bytes %s may have", MaxFileSize, what)
	}
	return src, nil
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// IsPath reports whether a reference written in a file (extends = …,
// scenario = …) names a file rather than an embedded name: it ends in
// ".toml" or contains a path separator.
func IsPath(ref string) bool {
	return strings.HasSuffix(ref, ".toml") || strings.ContainsAny(ref, `/\`)
}

// Open loads what a command line names: the file at arg, with load, when
// arg ends in ".toml", contains a path separator or names an existing
// regular file; else the embedded file called arg, with loadEmbedded.
func Open[T any](arg string, load, loadEmbedded func(string) (T, error)) (T, error) {
	if IsPath(arg) {
		return load(arg)
	}
	if st, err := os.Stat(arg); err == nil && st.Mode().IsRegular() {
		return load(arg)
	}
	return loadEmbedded(arg)
}

// NameFromFile returns the name a file gives what it holds when it has no
// name key: its base name without ".toml" (and without the "embedded:"
// prefix of an embedded file's name), for a path in either slash form.
func NameFromFile(name string) string {
	n := strings.TrimSuffix(path.Base(filepath.ToSlash(name)), ".toml")
	return strings.TrimPrefix(n, "embedded:")
}

// Names returns the names, without ".toml", of the TOML files in folder dir
// of fsys, sorted.
func Names(fsys fs.FS, dir string) []string {
	entries, _ := fs.ReadDir(fsys, dir)
	var names []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".toml"); ok && !e.IsDir() {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}
