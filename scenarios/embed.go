package scenarios

import (
	"embed"
	"io/fs"
	"sort"
	"strings"
)

// embedded holds the shipped scenarios, so that the tool runs them without
// the source tree.
//
//go:embed *.toml
var embedded embed.FS

// Names returns the names of the embedded scenarios, sorted.
func Names() []string { return tomlNames(embedded, ".") }

// tomlNames returns the names, without ".toml", of the TOML files in folder
// dir of fsys, sorted.
func tomlNames(fsys fs.FS, dir string) []string {
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

// Source returns the TOML text of the embedded scenario called name.
func Source(name string) ([]byte, error) {
	f, err := readEmbedded(name)
	if err != nil {
		return nil, err
	}
	return f.src, nil
}
