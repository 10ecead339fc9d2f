package scenarios

import (
	"testing"

	"simulate/model"
)

// FuzzParse feeds the loader arbitrary sources, seeded with the shipped
// scenarios (both modes): it must not panic, its errors must render, and a
// scenario it accepts must evaluate.
func FuzzParse(f *testing.F) {
	for _, name := range Names() {
		src, err := Source(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Add([]byte(solowSrc))
	f.Add([]byte(solowSrc + "[solow.ict]\ncapital_share = 0.05\ninvestment_share = 0.1\ndepreciation_pct = 20\n[history]\ncountry = \"CHN\"\n[reference]\nyear = 2020\ntfp_pp = 1\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		s, err := Parse("f.toml", src)
		if err != nil {
			if err.Error() == "" {
				t.Error("empty error message")
			}
			return
		}
		var res model.Results
		model.Evaluate(&res, s.Inputs)
		if len(res.Years) != s.Inputs.Len() {
			t.Errorf("%d result years for %d inputs", len(res.Years), s.Inputs.Len())
		}
	})
}
