package calibrate

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"

	"simulate/internal/tomlfile"
	"simulate/scenarios"
)

// specs holds the shipped calibration specs (specs/*.toml), so that
// `simulate calibrate NAME` works without the source tree.
//
//go:embed specs/*.toml
var specs embed.FS

// Names returns the names of the embedded calibration specs, sorted.
func Names() []string { return tomlfile.Names(specs, "specs") }

// Source returns the TOML text of the embedded calibration spec called
// name.
func Source(name string) ([]byte, error) {
	src, err := fs.ReadFile(specs, "specs/"+name+".toml")
	if err != nil || scenarios.CheckName(name) != nil {
		return nil, fmt.Errorf("no embedded calibration spec %q (embedded: %s); to load a file, give its path ending in .toml",
			name, strings.Join(Names(), ", "))
	}
	return src, nil
}
