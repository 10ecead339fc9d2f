package model

import "testing"

// TestIndexLink checks θ = κ·I/100, that a clone and a copy carry the
// link, and that a binding of κ recomputes θ without allocating.
func TestIndexLink(t *testing.T) {
	in := testInputs()
	in.Index = NewIndexLink(in.Len())
	in.Index.Kappa[TechnicalProgress] = 1.2
	for i := range in.Index.Level {
		in.Index.Level[i] = 0.1 * float64(i+1)
	}
	FillIndex(in)
	for i := range in.Len() {
		if got, want := in.TFPII[TechnicalProgress][i], 1.2*in.Index.Level[i]; got != want {
			t.Errorf("θ_TP[%d]: got %v, want %v", i, got, want)
		}
		if in.TFPII[ScaleEfficiency][i] != 0 {
			t.Errorf("θ_SE[%d]: got %v, want 0 (κ_SE = 0)", i, in.TFPII[ScaleEfficiency][i])
		}
	}
	c := in.Clone()
	c.Index.Level[0] = 0.5
	if in.Index.Level[0] == 0.5 {
		t.Error("Clone shares the index path")
	}
	in.CopyFrom(c)
	if in.Index.Level[0] != 0.5 {
		t.Error("CopyFrom did not copy the index path")
	}
	b, err := Bind(in, []Target{{Path: "cii.kappa.technical_progress", Mode: Scale}})
	if err != nil {
		t.Fatal(err)
	}
	b.Apply([]float64{2})
	if got, want := b.Inputs().TFPII[TechnicalProgress][0], 2*1.2*0.5; got != want {
		t.Errorf("θ_TP after κ × 2: got %v, want %v", got, want)
	}
	if allocs := testing.AllocsPerRun(100, func() { b.Apply([]float64{1.5}) }); allocs != 0 {
		t.Errorf("Apply allocates %v times", allocs)
	}
	if errs := in.Check(); len(errs) != 0 {
		t.Errorf("Check: %v", errs)
	}
	in.Index.Kappa[AllocativeEfficiency] = 5
	FillIndex(in)
	if errs := in.Check(); len(errs) == 0 || errs[0].Key != "cii.kappa.allocative_efficiency" {
		t.Errorf("Check with θ = 2.5: got %v", errs)
	}
}
