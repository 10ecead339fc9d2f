package sobol

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestNewDesignErrors(t *testing.T) {
	tests := []struct {
		name           string
		k, n, reps     int
		s              Sampling
		wantSubstrings []string
	}{
		{"k=0", 0, 8, 1, Scrambled, []string{"k = 0"}},
		{"k too big for Sobol", 51, 8, 1, Shifted, []string{"102 Sobol dimensions"}},
		{"n=1", 2, 1, 1, Scrambled, []string{"n = 1"}},
		{"no replicates", 2, 8, 0, MonteCarlo, []string{"0 replicates"}},
		{"plain replicated", 2, 8, 2, Plain, []string{"all be equal"}},
		{"unknown sampling", 2, 8, 1, Sampling(7), []string{"unknown sampling"}},
		{"all at once", 0, 0, 0, Scrambled, []string{"k = 0", "n = 0", "0 replicates"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewDesign(tt.k, tt.n, tt.reps, tt.s, 1)
			if !errors.Is(err, ErrDesign) {
				t.Fatalf("got %v, want an error wrapping ErrDesign", err)
			}
			for _, s := range tt.wantSubstrings {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not mention %q", err, s)
				}
			}
		})
	}
	if _, err := NewDesign(51, 8, 1, MonteCarlo, 1); err != nil {
		t.Errorf("Monte Carlo with 51 parameters: %v", err)
	}
}

// TestDesignPoints checks that A and B are the two halves of the sequence's
// points, replicate by replicate, and that Seek agrees with walking.
func TestDesignPoints(t *testing.T) {
	const k, n, reps = 3, 64, 4
	for _, s := range []Sampling{Scrambled, Shifted, Plain, MonteCarlo} {
		t.Run(s.String(), func(t *testing.T) {
			r := reps
			if s == Plain {
				r = 1
			}
			d, err := NewDesign(k, n, r, s, 7)
			if err != nil {
				t.Fatal(err)
			}
			p := d.Points(0)
			as := make([][]float64, d.Len())
			bs := make([][]float64, d.Len())
			for j := range d.Len() {
				as[j], bs[j] = make([]float64, k), make([]float64, k)
				p.Next(as[j], bs[j])
			}
			if s != MonteCarlo {
				// Replicate r is the sequence randomised with its own seed.
				seq := NewSequence(2*k, d.scrambling(), 0)
				x := make([]float64, 2*k)
				for rep := range r {
					seq.Randomise(d.scrambling(), d.repSeeds[rep])
					for i := range n {
						seq.Next(x)
						j := rep*n + i
						if !slices.Equal(x[:k], as[j]) || !slices.Equal(x[k:], bs[j]) {
							t.Fatalf("base point %d: got %v %v, want %v", j, as[j], bs[j], x)
						}
					}
				}
				if r > 1 && slices.Equal(as[0], as[n]) {
					t.Error("replicates 1 and 2 start with the same point")
				}
			}
			a, b := make([]float64, k), make([]float64, k)
			for _, j := range []int{d.Len() - 1, 0, n - 1, n, 2*n + 5, 1} {
				if j >= d.Len() {
					continue
				}
				q := d.Points(3)
				q.Seek(j)
				q.Next(a, b)
				if !slices.Equal(a, as[j]) || !slices.Equal(b, bs[j]) {
					t.Errorf("Seek(%d): got %v %v, want %v %v", j, a, b, as[j], bs[j])
				}
			}
		})
	}
}

func TestABRow(t *testing.T) {
	dst := make([]float64, 3)
	ABRow(dst, []float64{1, 2, 3}, []float64{4, 5, 6}, 1)
	if want := []float64{1, 5, 3}; !slices.Equal(dst, want) {
		t.Errorf("got %v, want %v", dst, want)
	}
}

func TestDesignOptions(t *testing.T) {
	tests := []struct {
		s    Sampling
		reps int
		want CI
	}{
		{Scrambled, 8, ReplicateT},
		{Shifted, 8, ReplicateT},
		{Scrambled, 1, NoCI},
		{Plain, 1, NoCI},
		{MonteCarlo, 1, Bootstrap},
		{MonteCarlo, 8, ReplicateT},
	}
	for _, tt := range tests {
		d, err := NewDesign(2, 16, tt.reps, tt.s, 1)
		if err != nil {
			t.Fatal(err)
		}
		if got := d.Options(); got.CI != tt.want || got.Replicates != tt.reps || got.Level != 0.95 {
			t.Errorf("%v with %d replicates: got %+v, want CI %v", tt.s, tt.reps, got, tt.want)
		}
	}
}
