package pwt

import (
	"math"
	"slices"
	"strconv"
)

// Var identifies one of the numeric PWT variables a Table keeps.
type Var uint8

// The variables a Table keeps, named as the PWT column they come from.
const (
	RGDPNA Var = iota // real GDP at constant 2011 national prices, million 2011 USD
	RNNA              // capital stock at constant 2011 national prices, million 2011 USD
	RKNA              // capital services at constant 2011 national prices, index 2011 = 1
	EMP               // persons engaged, millions
	AVH               // average annual hours worked per person engaged
	HC                // human capital index per person
	LABSH             // labour compensation as a fraction of GDP at current national prices
	RTFPNA            // TFP at constant national prices, index 2011 = 1
	DELTA             // average depreciation rate of the capital stock, fraction (optional column)
	CSH_I             // share of gross capital formation in GDP at current PPPs, fraction (optional column)
	POP               // population, millions (optional column)

	numVars = iota
)

// firstOptional is the first Var whose column a table may lack: Read treats an
// absent optional column as a column of missing values. The growth-accounting
// variables before it are required.
const firstOptional = DELTA

// Row.present has one bit per Var; this fails to compile if they outgrow it.
var _ [16 - numVars]struct{}

// varNames are the CSV column names, indexed by Var.
var varNames = [numVars]string{"rgdpna", "rnna", "rkna", "emp", "avh", "hc", "labsh", "rtfpna", "delta", "csh_i", "pop"}

// Vars returns every Var a Table keeps, in column order.
func Vars() []Var {
	vs := make([]Var, numVars)
	for i := range vs {
		vs[i] = Var(i)
	}
	return vs
}

// Optional reports whether a table may lack v's column (its values are then
// all missing).
func (v Var) Optional() bool { return v >= firstOptional && int(v) < numVars }

// String returns the PWT column name of v, e.g. "rkna".
func (v Var) String() string {
	if int(v) < len(varNames) {
		return varNames[v]
	}
	return "pwt.Var(" + strconv.Itoa(int(v)) + ")"
}

// Row is one country-year of the table. The zero Row has every value missing.
type Row struct {
	Year int
	vals [numVars]float64 // by Var; meaningful only where present has the bit
	// present has bit v set when vals[v] holds a value. A bitmask rather than NaN
	// in vals so that the zero Row (say, of a year not in the table) reads as
	// missing, not as zeros.
	present uint16
}

// Value returns the value of v in this row and whether it is present. A missing
// value returns (NaN, false), never 0.
func (r Row) Value(v Var) (float64, bool) {
	if int(v) >= numVars || r.present&(1<<v) == 0 {
		return math.NaN(), false
	}
	return r.vals[v], true
}

// Has reports whether v is present in this row.
func (r Row) Has(v Var) bool {
	_, ok := r.Value(v)
	return ok
}

// Series is the data of one country: its rows sorted by strictly increasing year.
// Years need not be contiguous.
type Series struct {
	ISO     string // ISO 3166-1 alpha-3 code, e.g. "CHN" (PWT's countrycode)
	Country string // country name as in PWT, e.g. "China"
	Rows    []Row  // sorted by Year, no duplicates
}

// Row returns the row of the given year and whether there is one.
func (s Series) Row(year int) (Row, bool) {
	i, ok := slices.BinarySearchFunc(s.Rows, year, func(r Row, y int) int { return r.Year - y })
	if !ok {
		return Row{}, false
	}
	return s.Rows[i], true
}

// Table is a parsed Penn World Table: one Series per country.
type Table struct {
	series map[string]*Series
	isos   []string // sorted
}

// Countries returns the ISO codes of the countries in the table, sorted.
func (t *Table) Countries() []string {
	return slices.Clone(t.isos)
}

// Country returns the series of the country with ISO code iso (e.g. "CHN") and
// whether the table has it. The series is a copy: changing it does not change the
// table, which matters because Default's table is shared.
func (t *Table) Country(iso string) (Series, bool) {
	s, ok := t.series[iso]
	if !ok {
		return Series{}, false
	}
	c := *s
	c.Rows = slices.Clone(s.Rows)
	return c, true
}
