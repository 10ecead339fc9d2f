package indexes

import (
	"flag"
	"math"
	"os"
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
	// The targets: a mode's penetration where one feeds the stage.
	if tg := targets["education.teaching"]; tg.Mode != "online_teaching" || tg.T != 10 {
		t.Errorf("education.teaching: target %+v, want online teaching's 10 %%", tg)
	}
	if tg := targets["retail.operations.other_operations"]; tg.Lo != 20 || tg.Hi != 71 || tg.T != 45.5 {
		t.Errorf("retail.operations.other_operations: target %+v, want [20, 71] → 45.5", tg)
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

// rewriteReconstructed writes the reconstructed values of rec into
// cii2020.toml.
func rewriteReconstructed(t *testing.T, rec *cii.Index) {
	t.Helper()
	f, err := Load(ciiFile)
	if err != nil {
		t.Fatal(err)
	}
	out, err := f.Rewrite(rec)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(ciiFile, out, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("rewrote the reconstructed values of %s", ciiFile)
}
