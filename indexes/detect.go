package indexes

import (
	"os"
	"regexp"
	"slices"

	"simulate/internal/input"
	"simulate/internal/tomlfile"
)

// stageValue matches a line that gives a stage's penetration: a key
// penetration_pct, or a table header ending in .penetration_pct.
var stageValue = regexp.MustCompile(`(?m)^[ \t]*(?:penetration_pct[ \t]*=|\[[^\]\n]*\.penetration_pct[ \t]*\])`)

// LooksLikeIndex reports whether src, the text of a TOML file, is an index
// file rather than a scenario: whether it gives a stage a penetration
// (a line penetration_pct = … or a table [….penetration_pct]), which a
// scenario never does. It reads the text only, so that a file with a
// syntax error is still told apart and its errors come from the right
// reader.
func LooksLikeIndex(src []byte) bool { return stageValue.Match(src) }

// IsIndex reports whether a command-line argument that names a scenario or
// an index names an index: the name of an embedded index, or a file (as
// Open takes it) whose text LooksLikeIndex. A file that cannot be read is
// not an index: the scenario reader reports why.
func IsIndex(arg string) bool {
	if !tomlfile.IsPath(arg) {
		if st, err := os.Stat(arg); err != nil || !st.Mode().IsRegular() {
			return slices.Contains(Names(), arg)
		}
	}
	src, err := tomlfile.ReadFile(arg, input.Index)
	return err == nil && LooksLikeIndex(src)
}
