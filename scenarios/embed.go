package scenarios

import (
	"embed"

	"simulate/internal/tomlfile"
)

// embedded holds the shipped scenarios, so that the tool runs them without
// the source tree.
//
//go:embed *.toml
var embedded embed.FS

// Names returns the names of the embedded scenarios, sorted.
func Names() []string { return tomlfile.Names(embedded, ".") }

// Source returns the TOML text of the embedded scenario called name.
func Source(name string) ([]byte, error) {
	f, err := readEmbedded(name)
	if err != nil {
		return nil, err
	}
	return f.Src, nil
}
