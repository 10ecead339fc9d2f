package workbook_test

import (
	"testing"

	"simulate/workbook"
)

// BenchmarkRunBook builds the workbook of the baseline, as simulate run
// --format xlsx does.
func BenchmarkRunBook(b *testing.B) {
	t := &testing.T{}
	s, res, _ := load(t, "report2020")
	rows := inputRowsOf(s)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := workbook.RunBook(workbook.Run{Scenario: s.Name, Title: s.Title, Results: res, Inputs: rows}).Bytes(); err != nil {
			b.Fatal(err)
		}
	}
}
