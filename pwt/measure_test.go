package pwt

import (
	"errors"
	"strings"
	"testing"
)

func TestMeasureStrings(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{CapitalServices.String(), "rkna"},
		{CapitalStock.String(), "rnna"},
		{Capital(9).String(), "pwt.Capital(9)"},
		{LabourHoursHC.String(), "emp×avh×hc"},
		{LabourPersons.String(), "emp"},
		{LabourPersonsHC.String(), "emp×hc"},
		{LabourAuto.String(), "emp×avh×hc, else emp×hc, else emp"},
		{LabourAuto.Name(), "auto"},
		{Labour(7).String(), "pwt.Labour(7)"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestParseMeasures(t *testing.T) {
	for i, name := range CapitalNames {
		c, err := ParseCapital(name)
		if err != nil || int(c) != i || c.Name() != name {
			t.Errorf("ParseCapital(%q) = %v, %v", name, c, err)
		}
	}
	for i, name := range LabourNames {
		l, err := ParseLabour(name)
		if err != nil || int(l) != i || l.Name() != name {
			t.Errorf("ParseLabour(%q) = %v, %v", name, l, err)
		}
	}
	if got, _ := ParseLabour("hours-hc"); got != LabourHoursHC {
		t.Errorf("hours-hc is %v", got)
	}
	if got, _ := ParseLabour("persons-hc"); got != LabourPersonsHC {
		t.Errorf("persons-hc is %v", got)
	}
	if got, _ := ParseLabour("auto"); got != LabourAuto {
		t.Errorf("auto is %v", got)
	}
	_, err := ParseCapital("rknA")
	var ne *NameError
	if !errors.As(err, &ne) || err.Error() != `pwt: unknown capital input "rknA"; allowed: rkna, rnna` ||
		ne.Detail() != `unknown capital input "rknA"; allowed: rkna, rnna` {
		t.Errorf("ParseCapital(rknA): %v", err)
	}
	if _, err := ParseLabour("hours"); err == nil || !strings.Contains(err.Error(), "allowed: hours-hc, persons, persons-hc, auto") {
		t.Errorf("ParseLabour(hours): %v", err)
	}
}

func TestMeasureVars(t *testing.T) {
	if CapitalServices.Var() != RKNA || CapitalStock.Var() != RNNA {
		t.Error("capital variables")
	}
	for l, want := range map[Labour]string{LabourHoursHC: "[emp avh hc]", LabourPersons: "[emp]", LabourPersonsHC: "[emp hc]", LabourAuto: "[emp avh hc]"} {
		var names []string
		for _, v := range l.Vars() {
			names = append(names, v.String())
		}
		if got := "[" + strings.Join(names, " ") + "]"; got != want {
			t.Errorf("%v: got %s, want %s", l, got, want)
		}
	}
}

func TestFallbacks(t *testing.T) {
	if got := LabourAuto.Fallbacks(); len(got) != 3 || got[0] != LabourHoursHC || got[1] != LabourPersonsHC || got[2] != LabourPersons {
		t.Errorf("auto falls back through %v", got)
	}
	for _, l := range []Labour{LabourHoursHC, LabourPersons, LabourPersonsHC} {
		if got := l.Fallbacks(); len(got) != 1 || got[0] != l {
			t.Errorf("%v falls back through %v", l, got)
		}
	}
}
