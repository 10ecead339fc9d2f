package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExtremeValidRuns: input inside every documented limit runs, charts
// included (issue 17: base 1000 at 100 % growth over 2018–2203 crashed the
// channel chart on a bar clipped away entirely, exit 1).
func TestExtremeValidRuns(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	sc := writeFile(t, dir, "big.toml", `[span]
base_year = 2018
last_year = 2203
[gdp]
base_yi = 1000
growth_pct = 100
[labor]
share_pct = 10
[capital]
share_pct = 30
ict_share = 0.2
private_ii_share = 0.5
[tfp.ii_share]
technical_progress = 0.1
`)
	out := filepath.Join(dir, "out")
	code, _, stderr := simulate(t, "run", "--format", "png,svg", "--out", out, sc)
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	for _, f := range []string{"results.csv", "ii_channels.png", "ii_channels.svg", "decomposition.png"} {
		if _, err := os.Stat(filepath.Join(out, "big", f)); err != nil {
			t.Error(err)
		}
	}
	csv, err := os.ReadFile(filepath.Join(out, "big", "results.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if s := strings.ToLower(string(csv)); strings.Contains(s, "inf") || strings.Contains(s, "nan") {
		t.Error("results.csv holds a non-finite value")
	}
}
