package indexes

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"simulate/cii"
)

var valueField = regexp.MustCompile(`value = [-+0-9.eE]+`)

// Rewrite returns the file's source with the value of every weight and
// penetration whose source is Reconstructed replaced by rec's (an index
// with the same industries and stages, as cii.Reconstruct returns):
// weights to 8 decimals, penetrations to 6 decimals of a percent. Comments
// and everything else of the file are kept. A reconstructed value must be
// written as an inline table on one line (weight = { value = …, source =
// "reconstructed" }).
func (f *File) Rewrite(rec *cii.Index) ([]byte, error) {
	lines := strings.Split(string(f.src.Src), "\n")
	set := func(path []string, v float64, decimals int) error {
		line, _ := f.src.Locate(path...)
		if line == 0 || !valueField.MatchString(lines[line-1]) {
			return fmt.Errorf("%s: %s is not written as { value = …, source = \"reconstructed\" } on one line", f.Source, strings.Join(path, "."))
		}
		lines[line-1] = valueField.ReplaceAllLiteralString(lines[line-1], "value = "+strconv.FormatFloat(v, 'f', decimals, 64))
		return nil
	}
	for i, ind := range f.Index.Industries {
		for j, s := range ind.Stages {
			stage := func(path []string, s, r *cii.Stage) error {
				if s.Weight.Source == cii.Reconstructed {
					if err := set(append(path, "weight"), r.Weight.V, 8); err != nil {
						return err
					}
				}
				if s.Leaf() && s.Penetration.Source == cii.Reconstructed {
					return set(append(path, "penetration_pct"), r.Penetration.V, 6)
				}
				return nil
			}
			rs := rec.Industries[i].Stages[j]
			if err := stage([]string{ind.Key, s.Key}, s, rs); err != nil {
				return nil, err
			}
			for k, c := range s.Subs {
				if err := stage([]string{ind.Key, s.Key, c.Key}, c, rs.Subs[k]); err != nil {
					return nil, err
				}
			}
		}
	}
	return []byte(strings.Join(lines, "\n")), nil
}
