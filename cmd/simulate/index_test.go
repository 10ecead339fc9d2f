package main

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"simulate/cii"
	"simulate/indexes"
)

// TestRunIndex runs simulate index on the shipped cii2020 and checks the
// printed table, the files and their columns.
func TestRunIndex(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	code, stdout, stderr := simulate(t, "index", "--out", out, "--format", "svg", "--lang", "zh")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, w := range []string{"cii2020 — China Industrial Internet Index", "finance        金融  30.20      30.2       1",
		"mean 17.09 pts (published 17.09) · value-added-weighted mean 13.66 pts", "are reconstructed"} {
		if !strings.Contains(stdout, w) {
			t.Errorf("stdout lacks %q:\n%s", w, stdout)
		}
	}
	dir := filepath.Join(out, "cii2020")
	read := func(name string) [][]string {
		t.Helper()
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	ind := read("industries.csv")
	if got := strings.Join(ind[0], ","); got != "industry,name_zh,index,published,rank" {
		t.Errorf("industries.csv header: %s", got)
	}
	if len(ind) != 8 || ind[1][0] != "finance" || ind[1][3] != "30.2" || ind[1][4] != "1" {
		t.Errorf("industries.csv: %v", ind)
	}
	st := read("stages.csv")
	if got := strings.Join(st[0][:9], ","); got != "industry,stage,name_zh,weight,penetration_pct,contribution_pts,source,feasible_lo_pct,feasible_hi_pct" {
		t.Errorf("stages.csv header: %s", got)
	}
	found := false
	for _, r := range st[1:] {
		if r[0] == "retail" && r[1] == "sales_service.payment_settlement" {
			found = r[4] == "71" && r[6] == "text" && r[7] == "71" && r[8] == "71"
		}
	}
	if !found {
		t.Error("stages.csv: no retail payment_settlement row at 71 %, text, [71, 71]")
	}
	b, err := os.ReadFile(filepath.Join(dir, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	var sum struct {
		Mean  float64  `json:"mean_pts"`
		VA    *float64 `json:"va_mean_pts"`
		Hash  string   `json:"inputs_sha256"`
		Index string   `json:"index"`
	}
	if err := json.Unmarshal(b, &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Index != "cii2020" || sum.Mean < 17.085 || sum.Mean >= 17.095 || sum.VA == nil || len(sum.Hash) != 64 {
		t.Errorf("summary.json: %+v", sum)
	}
	for _, name := range []string{"cii_industries.zh.svg", "cii_contributions.zh.svg", "cii_stages_finance.zh.svg", "cii_stages_healthcare.zh.svg"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
}

// TestRunIndexScenario checks that simulate run prints the index path of
// a scenario that drives θ from the index, and charts it.
func TestRunIndexScenario(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	code, stdout, stderr := simulate(t, "run", "--out", out, "--format", "svg", "report2020-index")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if w := "CII path driving θ = κ·I/100 (points): 2019 17.09, 2020 18.44, 2021 19.92, 2022 21.22, 2023 22.34, 2024 23.46"; !strings.Contains(stdout, w) {
		t.Errorf("stdout lacks %q:\n%s", w, stdout)
	}
	if _, err := os.Stat(filepath.Join(out, "report2020-index", "cii_path.svg")); err != nil {
		t.Error(err)
	}
}

// TestRunIndexReconstruct checks that --reconstruct reproduces the shipped
// file: the reconstruction is rerunnable from the command line.
func TestRunIndexReconstruct(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	code, stdout, stderr := simulate(t, "index", "--reconstruct", "--out", out, "--format", "svg")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "reconstructed the values marked reconstructed") {
		t.Errorf("stdout:\n%s", stdout)
	}
	got, err := os.ReadFile(filepath.Join(out, "cii2020", "cii2020.toml"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "indexes", "cii2020.toml"))
	if err != nil {
		t.Fatal(err)
	}
	// The same values (to the file's decimals: the last digit may differ
	// where a platform rounds the solution's last bits differently).
	a, err := indexes.Parse("rewritten.toml", got)
	if err != nil {
		t.Fatal(err)
	}
	b, err := indexes.Parse("cii2020.toml", want)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range b.Index.Paths() {
		ra, _ := cii.Lookup(a.Index, p)
		rb, _ := cii.Lookup(b.Index, p)
		if math.Abs(ra.Get()-rb.Get()) > 1e-6 {
			t.Errorf("%s: rewritten %v, shipped %v (go test ./indexes -run TestCII2020Reconstruction -update)", p, ra.Get(), rb.Get())
		}
	}
}
