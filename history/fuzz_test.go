package history_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"simulate/history"
)

// FuzzReadOfficial: the readers of NBS data never panic, and what they
// accept is finite and in order.
func FuzzReadOfficial(f *testing.F) {
	for _, name := range []string{"china_nbs_gdp.csv", "china_nbs_gdp_constant.csv"} {
		b, err := os.ReadFile(filepath.Join("data", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("year,gdp_nominal_first_yi,gdp_nominal_final_yi,real_growth_first_pct,real_growth_final_pct,note\n2010,1,,5,,\"x\"\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, read := range []func([]byte) ([]history.Official, error){
			func(b []byte) ([]history.Official, error) { return history.ReadOfficial(bytes.NewReader(b)) },
			func(b []byte) ([]history.Official, error) { return history.ReadConstantPrices(bytes.NewReader(b)) },
		} {
			off, err := read(b)
			if err != nil {
				if err.Error() == "" {
					t.Error("empty error")
				}
				continue
			}
			for i, o := range off {
				if g := o.Growth(); !(g >= -100 && g <= 100) {
					t.Errorf("%d: growth %v", o.Year, g)
				}
				if i > 0 && o.Year <= off[i-1].Year {
					t.Errorf("years %d then %d", off[i-1].Year, o.Year)
				}
			}
		}
	})
}
