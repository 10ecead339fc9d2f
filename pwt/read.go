package pwt

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// bom is the UTF-8 byte order mark.
const bom = "\ufeff"

// ErrEmpty is returned by Read for input without a header line.
var ErrEmpty = errors.New("pwt: empty input")

// maxErrors bounds how many problems Read collects before it gives up, so that a
// wrong file yields a readable message rather than one line per cell.
const maxErrors = 10

// Year bounds accepted by Read. They are far wider than PWT's 1950–2017; they exist
// so that year arithmetic (t − 1) can never overflow.
const (
	minYear = 1
	maxYear = 9999
)

// Columns read besides the Vars. PWT's own files call the code column
// "countrycode"; the pwt9 R package calls it "isocode". Read accepts either.
const (
	colCountry     = "country"
	colISO         = "isocode"
	colCountryCode = "countrycode"
	colYear        = "year"
)

// Read parses a PWT table in CSV form: a header line naming the columns, then one
// row per country-year. Columns other than country, isocode (or countrycode), year
// and the Vars are ignored; their order does not matter. The columns of optional
// Vars (delta, csh_i, pop) may be absent, which makes their values missing. An empty cell is a missing
// value. Read collects the problems it finds (up to a limit) and returns them
// together with errors.Join; each names the line and, where there is one, the
// column.
func Read(r io.Reader) (*Table, error) {
	br := bufio.NewReader(r)
	// A UTF-8 byte order mark, as some spreadsheet exports write, is not part of
	// the data; encoding/csv would see it as the start of an unquoted field.
	if b, err := br.Peek(len(bom)); err == nil && string(b) == bom {
		br.Discard(len(bom))
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1 // checked here, to name the missing or extra column
	cr.ReuseRecord = true

	header, err := cr.Read()
	if err == io.EOF {
		return nil, ErrEmpty
	}
	if err != nil {
		return nil, fmt.Errorf("pwt: %w", err)
	}
	header = slices.Clone(header)
	cols, err := columns(header)
	if err != nil {
		return nil, err
	}

	p := parser{
		cr:     cr,
		header: header,
		cols:   cols,
		t:      &Table{series: make(map[string]*Series)},
		first:  make(map[key]int),
	}
	p.rows()
	if len(p.errs) == 0 && len(p.first) == 0 {
		p.errs = append(p.errs, errors.New("pwt: no data rows after the header"))
	}
	if len(p.errs) > 0 {
		return nil, errors.Join(p.errs...)
	}
	for iso, s := range p.t.series {
		slices.SortFunc(s.Rows, func(a, b Row) int { return a.Year - b.Year })
		p.t.isos = append(p.t.isos, iso)
	}
	slices.Sort(p.t.isos)
	return p.t, nil
}

// colIndex holds the position in a record of each column Read uses.
type colIndex struct {
	country, iso, year int
	vars               [numVars]int
}

// columns finds the needed columns in the header. All problems are reported at once.
func columns(header []string) (colIndex, error) {
	pos := make(map[string]int, len(header))
	var errs []error
	for i, name := range header {
		if j, dup := pos[name]; dup {
			errs = append(errs, fmt.Errorf("pwt: line 1: column %q appears twice (fields %d and %d)", name, j+1, i+1))
			continue
		}
		pos[name] = i
	}
	find := func(name string) int {
		i, ok := pos[name]
		if !ok {
			errs = append(errs, fmt.Errorf("pwt: line 1: missing column %q", name))
			return -1
		}
		return i
	}
	var c colIndex
	c.country = find(colCountry)
	if i, ok := pos[colCountryCode]; ok {
		if _, both := pos[colISO]; both {
			errs = append(errs, fmt.Errorf("pwt: line 1: both %q and %q columns; want one", colISO, colCountryCode))
		}
		c.iso = i
	} else {
		c.iso = find(colISO)
	}
	c.year = find(colYear)
	for v := range Var(numVars) {
		i, ok := pos[v.String()]
		switch {
		case ok:
			c.vars[v] = i
		case v.Optional():
			c.vars[v] = -1 // absent: every value missing
		default:
			c.vars[v] = find(v.String())
		}
	}
	return c, errors.Join(errs...)
}

// key identifies a row of the table.
type key struct {
	iso  string
	year int
}

// parser holds the state of one Read.
type parser struct {
	cr     *csv.Reader
	header []string
	cols   colIndex
	t      *Table
	first  map[key]int // line where each (isocode, year) was first seen
	errs   []error
}

func (p *parser) fail(err error) bool {
	p.errs = append(p.errs, err)
	return len(p.errs) >= maxErrors
}

// rows reads every data record, filling p.t or p.errs.
func (p *parser) rows() {
	for {
		rec, err := p.cr.Read()
		if err == io.EOF {
			return
		}
		if err != nil {
			// A CSV syntax error (bare quote, ...) already names line and column.
			// The reader cannot resynchronise reliably after one, so stop.
			p.fail(fmt.Errorf("pwt: %w", err))
			return
		}
		if p.record(rec) {
			line, _ := p.cr.FieldPos(0)
			p.errs = append(p.errs, fmt.Errorf("pwt: too many errors, stopped at line %d", line))
			return
		}
	}
}

// record parses one data record. It reports whether Read should stop because
// too many errors were found.
func (p *parser) record(rec []string) (stop bool) {
	line, _ := p.cr.FieldPos(0)
	if len(rec) != len(p.header) {
		return p.fail(raggedError(line, len(rec), p.header))
	}
	lineOf := func(col int) int {
		l, _ := p.cr.FieldPos(col)
		return l
	}

	bad := false
	iso := rec[p.cols.iso]
	switch {
	case iso == "":
		bad = true
		if p.fail(fmt.Errorf("pwt: line %d, column %q: empty country code", lineOf(p.cols.iso), p.header[p.cols.iso])) {
			return true
		}
	case !isISO(iso):
		// A code is selected by --country and names an output folder:
		// three capital letters, as every PWT code is.
		bad = true
		if p.fail(fmt.Errorf("pwt: line %d, column %q: %q is not an ISO 3166-1 alpha-3 code (three capital letters A–Z)", lineOf(p.cols.iso), p.header[p.cols.iso], iso)) {
			return true
		}
	}
	year, err := strconv.Atoi(rec[p.cols.year])
	switch {
	case err != nil:
		bad = true
		if p.fail(fmt.Errorf("pwt: line %d, column %q: %q is not a year", lineOf(p.cols.year), colYear, rec[p.cols.year])) {
			return true
		}
	case year < minYear || year > maxYear:
		bad = true
		if p.fail(fmt.Errorf("pwt: line %d, column %q: year %d outside %d–%d", lineOf(p.cols.year), colYear, year, minYear, maxYear)) {
			return true
		}
	}

	row := Row{Year: year}
	for v := range Var(numVars) {
		col := p.cols.vars[v]
		if col < 0 {
			continue // optional column absent
		}
		x, err := number(rec[col])
		if err == nil && !math.IsNaN(x) {
			err = v.check(x)
		}
		if err != nil {
			bad = true
			if p.fail(fmt.Errorf("pwt: line %d, column %q: %w", lineOf(col), v, err)) {
				return true
			}
		}
		if !math.IsNaN(x) {
			row.vals[v] = x
			row.present |= 1 << v
		}
	}
	if bad {
		return false
	}

	k := key{iso, year}
	if first, dup := p.first[k]; dup {
		return p.fail(fmt.Errorf("pwt: line %d: duplicate row for %s %d (first at line %d)", line, iso, year, first))
	}
	s, ok := p.t.series[iso]
	if !ok {
		// Clone: fields of a csv record share one string per line, and keeping a
		// substring would keep the whole line alive.
		iso = strings.Clone(iso)
		k.iso = iso
		s = &Series{ISO: iso, Country: strings.Clone(rec[p.cols.country])}
		p.t.series[iso] = s
	} else if name := rec[p.cols.country]; name != s.Country {
		return p.fail(fmt.Errorf("pwt: line %d, column %q: %q for %s, earlier rows say %q",
			lineOf(p.cols.country), colCountry, name, iso, s.Country))
	}
	p.first[k] = line
	s.Rows = append(s.Rows, row)
	return false
}

// number parses one numeric cell. An empty cell is a missing value, returned as
// NaN. NaN and infinities in the input are rejected: a number is either a finite
// value or absent.
func number(cell string) (float64, error) {
	if cell == "" {
		return math.NaN(), nil
	}
	x, err := strconv.ParseFloat(cell, 64)
	if errors.Is(err, strconv.ErrRange) {
		return math.NaN(), fmt.Errorf("%q is out of the float64 range", cell)
	}
	if err != nil {
		return math.NaN(), fmt.Errorf("%q is not a number", cell)
	}
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return math.NaN(), fmt.Errorf("%q is not a finite number", cell)
	}
	return x, nil
}

// isISO reports whether s is three capital letters A–Z.
func isISO(s string) bool {
	return len(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z'
}

// Domains of the values Read accepts. Levels are positive and bounded so
// that any ratio of two of them (a growth factor) and its logarithm are
// finite (zero and negative levels are read, and skipped by the
// decomposition); shares are fractions. PWT 9.1's own values lie well inside
// (levels from 0.001 to 1e8, csh_i from −2.1 to 9.4).
const (
	minLevel = 1e-9
	maxLevel = 1e15
)

// check returns an error if x is outside v's domain.
func (v Var) check(x float64) error {
	switch v {
	case LABSH, DELTA:
		if x < 0 || x > 1 {
			return fmt.Errorf("%v is outside [0, 1]: %s is a fraction", x, v)
		}
	case CSH_I:
		if x < -100 || x > 100 {
			return fmt.Errorf("%v is outside [-100, 100]: %s is a fraction of GDP", x, v)
		}
	default:
		// Zero and negative levels are read: the decomposition skips
		// the years they touch, saying why.
		if x > 0 && x < minLevel || x > maxLevel || x < -maxLevel {
			return fmt.Errorf("%v is outside [%g, %g]: %s is a positive level or index", x, minLevel, maxLevel, v)
		}
	}
	return nil
}

// raggedError describes a record whose field count differs from the header's,
// naming the first missing or the first extra column.
func raggedError(line, got int, header []string) error {
	want := len(header)
	if got < want {
		return fmt.Errorf("pwt: line %d: %d fields, header has %d (column %q and after missing)", line, got, want, header[got])
	}
	return fmt.Errorf("pwt: line %d: %d fields, header has %d (extra fields after column %q)", line, got, want, header[want-1])
}
