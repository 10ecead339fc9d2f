package tomlfile

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"simulate/internal/input"
)

// MaxFileSize is the largest TOML file ReadFile reads (the limit of
// input.Scenario, input.Spec and input.Index).
const MaxFileSize = 1 << 20

// ReadFile reads the regular file at name, of kind k, with [input.Read]:
// anything but a regular file (a folder, a device, a pipe) is refused
// before it is opened, and a file over k's limit is refused. Errors do not
// repeat the path: the caller names the file.
func ReadFile(name string, k input.Kind) ([]byte, error) {
	return input.Read(name, k)
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
