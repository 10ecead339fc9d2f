package scenarios

import (
	"math"
	"strings"
	"testing"

	"simulate/model"
)

// FuzzParse feeds arbitrary bytes through load → validate → run, seeded with
// the shipped scenarios (both modes): it must never panic, every error must
// render with the file name, and a scenario that loads must give finite
// results for every year.
func FuzzParse(f *testing.F) {
	f.Add([]byte(minimal))
	f.Add([]byte(strings.ReplaceAll(minimal, "\n", "\r\n")))
	f.Add([]byte(strings.ReplaceAll(minimal, "= 5", "= nan")))
	f.Add([]byte("a = \"\"\"\nb\r\n\"\"\"\r\nx = = 1\r\n"))
	f.Add([]byte("[span]\nbase_year = 2018\nlast_year = 2218\n[gdp]\nbase_yi = 1e12\ngrowth_pct = 100\n[labor]\nshare_pct = 0\n[capital]\nshare_pct = 0\n"))
	f.Add([]byte(solowSrc))
	f.Add([]byte(solowSrc + "[solow.ict]\ncapital_share = 0.05\ninvestment_share = 0.1\ndepreciation_pct = 20\n[history]\ncountry = \"CHN\"\n[reference]\nyear = 2020\ntfp_pp = 1\n"))
	f.Add([]byte(minimal + `
[tfp]
weight_residual = "scale_efficiency"
[uncertainty]
"capital.ict_share" = { dist = "uniform", min = 0.1, max = 0.3, label = "φ" }
g = { keys = ["tfp.ii_share.technical_progress", "tfp.weight.technical_efficiency"], dist = "uniform", min = 0.9, max = 1.1, apply = "scale" }
[[uncertainty.correlation]]
inputs = ["g", "capital.ict_share"]
rank = 0.4
`))
	for _, name := range Names() {
		src, err := Source(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		s, err := Parse("fuzz.toml", src)
		if err != nil {
			if msg := err.Error(); !strings.HasPrefix(msg, "fuzz.toml") && !strings.Contains(msg, "extends") {
				t.Fatalf("error does not name the file: %q", msg)
			}
			return
		}
		var res model.Results
		model.Evaluate(&res, s.Inputs)
		if len(res.Years) != s.Inputs.Len() {
			t.Fatalf("%d result years for %d inputs", len(res.Years), s.Inputs.Len())
		}
		for _, y := range res.Years {
			for _, v := range []float64{y.GDP, y.II, y.IIShare, y.DeltaGDP, y.IICumulative} {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					t.Fatalf("%d: non-finite result %v from a valid scenario", y.Year, v)
				}
			}
		}
	})
}
