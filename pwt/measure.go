package pwt

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Capital selects the PWT measure of the capital input K.
type Capital uint8

const (
	// CapitalServices uses rkna, capital services at constant national prices.
	// It is the default (zero value) because PWT's rtfpna is built on it.
	CapitalServices Capital = iota
	// CapitalStock uses rnna, the capital stock at constant national prices.
	CapitalStock
)

// Var returns the PWT variable c uses: RKNA or RNNA.
func (c Capital) Var() Var {
	if c == CapitalStock {
		return RNNA
	}
	return RKNA
}

// String returns the PWT variable c uses.
func (c Capital) String() string {
	switch c {
	case CapitalServices:
		return "rkna"
	case CapitalStock:
		return "rnna"
	}
	return "pwt.Capital(" + strconv.Itoa(int(c)) + ")"
}

// Labour selects the PWT measure of the labour input L.
type Labour uint8

const (
	// LabourHoursHC is emp·avh·hc: hours worked, adjusted for human capital. It is
	// the default (zero value) because PWT's rtfpna is built on it.
	LabourHoursHC Labour = iota
	// LabourPersons is emp: persons engaged.
	LabourPersons
	// LabourPersonsHC is emp·hc: persons engaged, adjusted for human capital.
	LabourPersonsHC
	// LabourAuto is not one product but a choice made year by year (by
	// package history): emp·avh·hc where avh and hc are present in both
	// years of a step, else emp·hc where hc is, else emp. It makes the most
	// of each country's data; the years on hours match PWT's rtfpna, the
	// others do not.
	LabourAuto
)

// Fallbacks returns the measures l stands for, in the order tried:
// LabourHoursHC, LabourPersonsHC, LabourPersons for LabourAuto, and l
// itself for every other measure.
func (l Labour) Fallbacks() []Labour {
	if l == LabourAuto {
		return []Labour{LabourHoursHC, LabourPersonsHC, LabourPersons}
	}
	return []Labour{l}
}

// Vars returns the PWT variables whose product l is: EMP, then AVH and HC
// as l uses them. For LabourAuto they are the variables it may use: EMP,
// AVH and HC.
func (l Labour) Vars() []Var {
	switch l {
	case LabourHoursHC, LabourAuto:
		return []Var{EMP, AVH, HC}
	case LabourPersonsHC:
		return []Var{EMP, HC}
	}
	return []Var{EMP}
}

// String returns the product of PWT variables l uses.
func (l Labour) String() string {
	switch l {
	case LabourHoursHC:
		return "emp×avh×hc"
	case LabourPersons:
		return "emp"
	case LabourPersonsHC:
		return "emp×hc"
	case LabourAuto:
		return "emp×avh×hc, else emp×hc, else emp"
	}
	return "pwt.Labour(" + strconv.Itoa(int(l)) + ")"
}

// CapitalNames and LabourNames are the names by which the measures are
// chosen on the command line and in scenario files, in the order of the
// constants.
var (
	CapitalNames = []string{"rkna", "rnna"}
	LabourNames  = []string{"hours-hc", "persons", "persons-hc", "auto"}
)

// ParseCapital returns the capital measure called name ("rkna" or "rnna").
// The error is a *NameError.
func ParseCapital(name string) (Capital, error) {
	if i := slices.Index(CapitalNames, name); i >= 0 {
		return Capital(i), nil
	}
	return 0, &NameError{What: "capital input", Name: name, Allowed: CapitalNames}
}

// ParseLabour returns the labour measure called name ("hours-hc", "persons",
// "persons-hc" or "auto"). The error is a *NameError.
func ParseLabour(name string) (Labour, error) {
	if i := slices.Index(LabourNames, name); i >= 0 {
		return Labour(i), nil
	}
	return 0, &NameError{What: "labour input", Name: name, Allowed: LabourNames}
}

// Name returns the name by which c is chosen: "rkna" or "rnna".
func (c Capital) Name() string {
	if int(c) < len(CapitalNames) {
		return CapitalNames[c]
	}
	return c.String()
}

// Name returns the name by which l is chosen: "hours-hc", "persons",
// "persons-hc" or "auto".
func (l Labour) Name() string {
	if int(l) < len(LabourNames) {
		return LabourNames[l]
	}
	return l.String()
}

// A NameError reports a measure name that is not known.
type NameError struct {
	What    string   // what was named: "capital input" or "labour input"
	Name    string   // the name given
	Allowed []string // the names known
}

func (e *NameError) Error() string { return "pwt: " + e.Detail() }

// Detail returns the message without the package prefix, for a caller that
// says where the name was given (a flag, a key of a file).
func (e *NameError) Detail() string {
	return fmt.Sprintf("unknown %s %q; allowed: %s", e.What, e.Name, strings.Join(e.Allowed, ", "))
}
