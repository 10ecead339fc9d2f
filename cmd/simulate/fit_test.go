package main

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"simulate/plots"
)

// TestFitPNG checks the fit chart of the report's calibration: named
// after the output file and written beside it (x.fit.png, x.fit.csv), at
// the size of every other chart, and in Chinese with --lang zh.
func TestFitPNG(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if code, stdout, stderr := simulate(t, "calibrate", "report2020", "--out", filepath.Join(dir, "x.toml"), "--lang", "zh", "--format", "png,svg"); code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	for _, name := range []string{"x.fit.csv", "x.fit.zh.svg"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
	f, err := os.Open(filepath.Join(dir, "x.fit.zh.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil {
		t.Fatal(err)
	}
	if w, h := plots.Width.Dots(plots.DPI), plots.Height.Dots(plots.DPI); cfg.Width != int(w+0.5) || cfg.Height != int(h+0.5) {
		t.Errorf("got %d × %d pixels, want %.0f × %.0f as every chart", cfg.Width, cfg.Height, w, h)
	}
}
