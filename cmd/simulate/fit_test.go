package main

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// TestFitPNG checks fit.png of the report's calibration: one panel of
// 6 × 2.5 inches at 96 DPI per metric of its targets (ii_increment_yi,
// ii_share_pct, ii_total_yi, period_ii_share_pct).
func TestFitPNG(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if code, stdout, stderr := simulate(t, "calibrate", "report2020", "--out", filepath.Join(dir, "x.toml")); code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	f, err := os.Open(filepath.Join(dir, "fit.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Width != 576 || cfg.Height != 4*240 {
		t.Errorf("got %d × %d pixels, want 576 × 960 (four panels)", cfg.Width, cfg.Height)
	}
}
