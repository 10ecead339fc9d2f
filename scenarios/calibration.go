package scenarios

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"
)

// calibrationSpecs holds the shipped calibration specs (read by package
// calibrate), so that `simulate calibrate NAME` works without the source
// tree. They are kept apart from the scenarios: a spec is not a scenario.
//
//go:embed calibration/*.toml
var calibrationSpecs embed.FS

// CalibrationNames returns the names of the embedded calibration specs,
// sorted.
func CalibrationNames() []string { return tomlNames(calibrationSpecs, "calibration") }

// CalibrationSource returns the TOML text of the embedded calibration spec
// called name.
func CalibrationSource(name string) ([]byte, error) {
	src, err := fs.ReadFile(calibrationSpecs, "calibration/"+name+".toml")
	if err != nil || CheckName(name) != nil {
		return nil, fmt.Errorf("no embedded calibration spec %q (embedded: %s); to load a file, give its path ending in .toml",
			name, strings.Join(CalibrationNames(), ", "))
	}
	return src, nil
}
