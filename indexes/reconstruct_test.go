package indexes

import (
	"flag"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"simulate/cii"
)

var update = flag.Bool("update", false, "rewrite the reconstructed values of cii2020.toml from a fresh reconstruction")

const ciiFile = "cii2020.toml"

// fileTol is how closely the values written in cii2020.toml must match a
// fresh reconstruction: the file holds weights to 8 decimals and
// penetrations to 6 decimals of a percent.
const fileTol = 1e-6

// TestCII2020Reconstruction reruns the reconstruction of the values the
// report's text does not give and checks that cii2020.toml holds its
// result, so that the two cannot drift apart. With -update it rewrites
// the reconstructed values in the file instead.
func TestCII2020Reconstruction(t *testing.T) {
	f, err := LoadEmbedded("cii2020")
	if err != nil {
		t.Fatal(err)
	}
	rec, targets, err := cii.Reconstruct(f.Index)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		rewriteReconstructed(t, rec)
		return
	}
	for i, ind := range f.Index.Industries {
		got, want := ind, rec.Industries[i]
		for j, s := range got.Stages {
			compareStage(t, ind.Key+"."+s.Key, s, want.Stages[j])
			for k, c := range s.Subs {
				compareStage(t, ind.Key+"."+s.Key+"."+c.Key, c, want.Stages[j].Subs[k])
			}
		}
	}
	for k, tg := range targets {
		t.Logf("target %-50s [%6.2f, %6.2f] → %6.2f %s", k, tg.Lo, tg.Hi, tg.T, tg.Mode)
	}
}

func compareStage(t *testing.T, path string, got, want *cii.Stage) {
	t.Helper()
	if got.Weight.Source == cii.Reconstructed && math.Abs(got.Weight.V-want.Weight.V) > fileTol {
		t.Errorf("%s.weight: the file has %v, a fresh reconstruction %v (rerun with -update)", path, got.Weight.V, want.Weight.V)
	}
	if got.Leaf() && got.Penetration.Source == cii.Reconstructed && math.Abs(got.Penetration.V-want.Penetration.V) > fileTol {
		t.Errorf("%s.penetration_pct: the file has %v, a fresh reconstruction %v (rerun with -update)", path, got.Penetration.V, want.Penetration.V)
	}
}

var valueField = regexp.MustCompile(`value = [-+0-9.eE]+`)

// rewriteReconstructed writes the reconstructed values of rec into the
// lines of cii2020.toml that hold them.
func rewriteReconstructed(t *testing.T, rec *cii.Index) {
	t.Helper()
	src, err := os.ReadFile(ciiFile)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(ciiFile, src)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	set := func(path []string, v float64, decimals int) {
		line, _ := f.src.Locate(path...)
		if line == 0 {
			t.Fatalf("cannot find %s in %s", strings.Join(path, "."), ciiFile)
		}
		l := lines[line-1]
		if !valueField.MatchString(l) {
			t.Fatalf("%s:%d: no value = … on the line of %s", ciiFile, line, strings.Join(path, "."))
		}
		lines[line-1] = valueField.ReplaceAllLiteralString(l, "value = "+strconv.FormatFloat(v, 'f', decimals, 64))
	}
	for _, ind := range rec.Industries {
		for _, s := range ind.Stages {
			stage := func(path []string, s *cii.Stage) {
				if s.Weight.Source == cii.Reconstructed {
					set(append(path, "weight"), s.Weight.V, 8)
				}
				if s.Leaf() && s.Penetration.Source == cii.Reconstructed {
					set(append(path, "penetration_pct"), s.Penetration.V, 6)
				}
			}
			stage([]string{ind.Key, s.Key}, s)
			for _, c := range s.Subs {
				stage([]string{ind.Key, s.Key, c.Key}, c)
			}
		}
	}
	if err := os.WriteFile(ciiFile, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("rewrote the reconstructed values of %s", ciiFile)
}
