package history_test

import (
	"testing"

	"simulate/history"
	"simulate/pwt"
)

func TestDiagnose(t *testing.T) {
	// Pakistan: PWT 9.1 has neither labsh nor rkna for it, so no choice of
	// inputs gives a year.
	d := history.Diagnose(country(t, "PAK"), auto)
	if d.Years != 67 || len(d.Gaps) != 2 || d.Gaps[0] != (history.VarGaps{Var: pwt.LABSH, Years: 67}) ||
		d.Gaps[1] != (history.VarGaps{Var: pwt.RKNA, Years: 67}) || len(d.Alternatives) != 0 {
		t.Errorf("PAK: %+v", d)
	}
	// Kenya has no hours: hours-hc gives nothing, the other measures do,
	// and the capital stock one more year than capital services.
	d = history.Diagnose(country(t, "KEN"), history.Options{})
	if d.Years != 67 || d.Gaps[0] != (history.VarGaps{Var: pwt.AVH, Years: 67}) {
		t.Errorf("KEN gaps: %+v", d.Gaps)
	}
	want := []history.Alternative{
		{Capital: pwt.CapitalStock, Labour: pwt.LabourAuto, Rows: 67, First: 1951, Last: 2017},
		{Capital: pwt.CapitalStock, Labour: pwt.LabourPersonsHC, Rows: 67, First: 1951, Last: 2017},
		{Capital: pwt.CapitalStock, Labour: pwt.LabourPersons, Rows: 67, First: 1951, Last: 2017},
		{Capital: pwt.CapitalServices, Labour: pwt.LabourAuto, Rows: 63, First: 1955, Last: 2017},
	}
	if len(d.Alternatives) < len(want) {
		t.Fatalf("KEN alternatives %+v", d.Alternatives)
	}
	for i, w := range want {
		if d.Alternatives[i] != w {
			t.Errorf("alternative %d: got %+v, want %+v", i, d.Alternatives[i], w)
		}
	}
	if d := history.Diagnose(country(t, "KEN"), history.Options{Labour: 9}); d.Years != 0 || d.Alternatives != nil {
		t.Errorf("invalid options: %+v", d)
	}
}

// TestNoYearCount counts the countries of PWT 9.1 without a year the
// default inputs (capital services, automatic labour) can compute: 48,
// none of which another choice rescues. docs/history.md quotes the count.
func TestNoYearCount(t *testing.T) {
	tab := defaultTable(t)
	var none []string
	for _, iso := range tab.Countries() {
		s, _ := tab.Country(iso)
		res, _ := history.Decompose(s, auto)
		if len(res.Rows) > 0 {
			continue
		}
		none = append(none, iso)
		if d := history.Diagnose(s, auto); len(d.Alternatives) != 0 {
			t.Errorf("%s: rescued by %+v", iso, d.Alternatives[0])
		}
	}
	if len(none) != 48 {
		t.Errorf("%d countries without a year, want 48: %v", len(none), none)
	}
}
