package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Every command with --format xlsx writes its workbook into its output
// folder, with the sheets of its results, beside its other files.
func TestWorkbookFormat(t *testing.T) {
	for _, c := range []struct {
		args   []string
		file   string
		sheets []string
	}{
		{[]string{"run", "--format", "svg,xlsx"}, "report2020/report2020.xlsx", []string{"Inputs", "Results", "Totals", "Published", "Charts"}},
		{[]string{"run", "--format", "xlsx", "actual2019-2024"}, "actual2019-2024/actual2019-2024.xlsx", []string{"Inputs", "Results", "Totals", "Charts"}},
		{[]string{"compare", "--format", "xlsx", "report2020", "actual2019-2024"}, "compare-report2020-actual2019-2024/compare.xlsx", []string{"Compare", "Totals", "Overlays", "Charts"}},
		{[]string{"mc", "--format", "xlsx", "--draws", "200"}, "report2020/mc.xlsx", []string{"Inputs", "Percentiles", "Charts"}},
		{[]string{"sobol", "--format", "xlsx", "--n", "256", "--bootstrap", "50"}, "report2020/sobol.xlsx", []string{"Inputs", "Sobol", "Charts"}},
		{[]string{"tornado", "--format", "xlsx"}, "report2020/tornado-ii_total_yi/tornado.xlsx", []string{"Inputs", "Tornado"}},
		{[]string{"index", "--format", "xlsx"}, "cii2020/cii2020.xlsx", []string{"Industries", "Stages", "Charts"}},
	} {
		t.Run(c.args[0], func(t *testing.T) {
			var first []byte
			for i := range 2 {
				out := t.TempDir()
				args := append([]string{c.args[0], "--out", out}, c.args[1:]...)
				if code, _, stderr := simulate(t, args...); code != 0 {
					t.Fatalf("simulate %v: exit %d: %s", args, code, stderr)
				}
				b, err := os.ReadFile(filepath.Join(out, c.file))
				if err != nil {
					t.Fatal(err)
				}
				if i == 0 {
					first = b
					f, err := excelize.OpenReader(bytes.NewReader(b))
					if err != nil {
						t.Fatal(err)
					}
					if got := f.GetSheetList(); !slices.Equal(got, c.sheets) {
						t.Errorf("sheets %v, want %v", got, c.sheets)
					}
					f.Close()
				} else if !bytes.Equal(first, b) {
					t.Error("two runs wrote different workbooks")
				}
			}
		})
	}
}
