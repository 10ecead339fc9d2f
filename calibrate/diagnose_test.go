package calibrate

import (
	"strings"
	"testing"
)

// The published II increments as targets, to be appended to a spec.
const incrementTargets = `
[targets.ii_increment_yi]
precision = 0.1
values = { 2019 = 6096.4, 2020 = 6703.5, 2021 = 7485.2, 2022 = 7970.4, 2023 = 8663.6, 2024 = 9387.8 }
`

func TestDiagnostics(t *testing.T) {
	for _, c := range []struct {
		name string
		spec string
		want []string // substrings of the issues, in order
	}{
		{
			name: "more free values than targets",
			spec: "scenario = \"report2020\"\n[free.theta]\n" + thetaKeys + "\nmin = 0\nmax = 1\n" +
				"[targets.ii_total_yi]\nvalue = 46306.9\nprecision = 0.1\n",
			want: []string{
				"not identified: theta[2019], theta[2020], theta[2021], theta[2022], theta[2023], theta[2024]: the targets they move (ii_total_yi) fix only some combinations of them",
				"under-determined: 6 free values but 1 weighted target",
			},
		},
		{
			name: "a free value no target depends on",
			spec: "scenario = \"report2020\"\n[free.theta]\n" + thetaKeys + "\nmin = 0\nmax = 1\n" +
				"[free.phi]\nkeys = \"capital.ict_share[2024]\"\nmin = 0\nmax = 0.5\n" +
				"[targets.\"ii_increment_yi[2019]\"]\nvalue = 6096.4\nprecision = 0.1\n",
			want: []string{
				"not identified: no weighted target depends on theta[2020] (kept at its start, 0.5), theta[2021] (kept at its start, 0.5), " +
					"theta[2022] (kept at its start, 0.5), theta[2023] (kept at its start, 0.5), theta[2024] (kept at its start, 0.5), phi[2024] (kept at its start, 0.25)",
				"under-determined: 7 free values but 1 weighted target",
			},
		},
		{
			name: "as many targets as values, but only a product is fixed",
			spec: "scenario = \"report2020\"\n" +
				"[free.phi]\nkeys = \"capital.ict_share[2019]\"\nmin = 0\nmax = 1\n" +
				"[free.pi]\nkeys = \"capital.private_ii_share[2019]\"\nmin = 0\nmax = 1\n" +
				"[targets.\"ii_increment_yi[2019]\"]\nvalue = 6096.4\nprecision = 0.1\n" +
				"[targets.\"ii_share_pct[2019]\"]\nvalue = 10.7483\nprecision = 0.1\n",
			want: []string{
				"not identified: phi[2019], pi[2019]: the targets they move (ii_increment_yi[2019], ii_share_pct[2019]) fix only some combinations of them",
			},
		},
		{
			name: "bounds too tight: targets missed, values at a bound",
			spec: "scenario = \"report2020\"\n[free.theta]\n" + thetaKeys + "\nmin = 0\nmax = 0.2\n" + incrementTargets,
			want: []string{
				"missed: ii_increment_yi[2020]: published 6703.5 (printed to 0.1), best fit 6440.6341, off by -262.8659 亿元",
				"at a bound: theta[2020] = 0.2",
				"missed: ii_increment_yi[2021]",
				"missed: ii_increment_yi[2022]",
				"missed: ii_increment_yi[2023]",
				"missed: ii_increment_yi[2024]",
			},
		},
		{
			name: "a check no free input moves",
			spec: "scenario = \"report2020\"\n[free.growth]\nkeys = \"gdp.growth_pct\"\nmin = 0\nmax = 15\n" + incrementTargets +
				"[targets.\"ii_share_pct[2024]\"]\nvalue = 20\nprecision = 0.1\nweight = 0\n",
			want: []string{
				"missed: ii_share_pct[2024]: published 20 (printed to 0.1), best fit 14.2074, off by -5.7926 %; no free input moves it",
			},
		},
		{
			name: "calibrated inputs break a model constraint",
			spec: "scenario = \"report2020\"\n[free.k]\nkeys = \"capital.share_pct[2019]\"\nmin = 0\nmax = 100\n" +
				"[targets.\"tfp_share_pct[2019]\"]\nvalue = -3\nprecision = 0.1\n",
			want: []string{
				"invalid: capital.share_pct[2019]: labour and capital shares add up to 103 % of growth",
			},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := Parse("spec.toml", []byte(c.spec))
			if err != nil {
				t.Fatal(err)
			}
			f := mustCalibrate(t, s)
			err = f.Err()
			if err == nil {
				t.Fatal("got no issues")
			}
			msg := err.Error()
			pos := 0
			for _, w := range c.want {
				i := strings.Index(msg[pos:], w)
				if i < 0 {
					t.Fatalf("issues lack %q (in order):\n%s", w, msg)
				}
				pos += i + len(w)
			}
			if len(f.Issues) == 0 || !strings.HasPrefix(msg, "calibration spec: the best fit is not usable") {
				t.Errorf("message: %s", msg)
			}
		})
	}
}
