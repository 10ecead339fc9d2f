package sobol

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// Bits is the number of bits of the direction numbers, and so of every
// coordinate: points are multiples of 2⁻³², and a sequence has 2³² points.
const Bits = 32

//go:embed sobol-joe-kuo-d101.txt
var joeKuoText string

// Direction is one row of a direction-number table, for one dimension of the
// sequence: the primitive polynomial x^S + a₁x^(S−1) + … + a_(S−1)x + 1 over
// GF(2) and its initial direction numbers.
type Direction struct {
	D int      // dimension, 2, 3, …; dimension 1 is van der Corput and has no row
	S int      // degree of the primitive polynomial, 1 ≤ S ≤ 31
	A uint32   // inner coefficients a₁ … a_(S−1) as bits, a₁ the most significant; A < 2^(S−1)
	M []uint32 // initial direction numbers m₁ … m_S, each odd with m_i < 2^i
}

// Table is a parsed table of direction numbers.
type Table struct {
	rows []Direction
}

// Dims returns the number of dimensions the table supports: one more than
// its number of rows, since dimension 1 needs none.
func (t *Table) Dims() int { return 1 + len(t.rows) }

// Row returns the row of dimension d, 2 ≤ d ≤ Dims(). It panics otherwise.
func (t *Table) Row(d int) Direction {
	if d < 2 || d > t.Dims() {
		panic(fmt.Sprintf("sobol: dimension %d outside 2 … %d", d, t.Dims()))
	}
	return t.rows[d-2]
}

// JoeKuo returns the embedded table: the first 100 rows (dimensions 2–101) of
// Joe and Kuo's new-joe-kuo-6.21201. See the package documentation for the
// citation.
func JoeKuo() *Table { return joeKuo() }

var joeKuo = sync.OnceValue(func() *Table {
	t, err := ParseTable(strings.NewReader(joeKuoText))
	if err != nil {
		panic("sobol: embedded direction numbers: " + err.Error())
	}
	return t
})

// ParseError is a problem on one line of a direction-number table.
type ParseError struct {
	Line int    // 1-based line number
	Msg  string // what is wrong
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("sobol: direction numbers, line %d: %s", e.Line, e.Msg)
}

// ErrNoRows is returned for a table without any row of direction numbers.
var ErrNoRows = errors.New("sobol: direction numbers: no rows")

// maxErrors bounds how many line errors ParseTable reports at once.
const maxErrors = 20

// ParseTable reads a table of direction numbers in the format of Joe and Kuo's
// files: one dimension per line, "d s a m_1 … m_s", separated by blanks, for
// d = 2, 3, … in order. Blank lines and lines starting with '#' are ignored,
// as is one header line "d s a m_i" before the first row. Every problem is
// reported with its line number (*ParseError, several joined with
// errors.Join, at most 20).
func ParseTable(r io.Reader) (*Table, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	var (
		t      Table
		errs   []error
		line   int
		header bool
	)
	fail := func(format string, args ...any) {
		errs = append(errs, &ParseError{Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	for sc.Scan() && len(errs) < maxErrors {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || text[0] == '#' {
			continue
		}
		f := strings.Fields(text)
		if !header && len(t.rows) == 0 && strings.Join(f, " ") == "d s a m_i" {
			header = true
			continue
		}
		row, msg := parseRow(f, 2+len(t.rows))
		if msg != "" {
			fail("%s", msg)
			// Keep counting dimensions so later lines are judged in place.
			row = Direction{D: 2 + len(t.rows)}
		}
		t.rows = append(t.rows, row)
	}
	if err := sc.Err(); err != nil {
		line++
		fail("%v", err)
	}
	if len(errs) == 0 && len(t.rows) == 0 {
		return nil, ErrNoRows
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return &t, nil
}

// parseRow parses the fields of one row that should describe dimension want.
// It returns a non-empty message for a malformed row.
func parseRow(f []string, want int) (Direction, string) {
	if len(f) < 4 {
		return Direction{}, fmt.Sprintf("want d s a m_1 … m_s, got %d field(s)", len(f))
	}
	nums := make([]uint64, len(f))
	for i, s := range f {
		v, err := strconv.ParseUint(s, 10, 32)
		if err != nil {
			return Direction{}, fmt.Sprintf("field %d (%q) is not an integer in 0 … 2^32−1", i+1, s)
		}
		nums[i] = v
	}
	d, s, a := nums[0], nums[1], nums[2]
	switch {
	case d != uint64(want):
		return Direction{}, fmt.Sprintf("dimension %d out of order, want %d", d, want)
	case s < 1 || s > Bits-1:
		return Direction{}, fmt.Sprintf("degree s = %d outside 1 … %d", s, Bits-1)
	case uint64(len(f)) != 3+s:
		return Direction{}, fmt.Sprintf("degree s = %d needs %d direction numbers, got %d", s, s, len(f)-3)
	case a >= 1<<(s-1):
		return Direction{}, fmt.Sprintf("coefficients a = %d do not fit in s−1 = %d bits", a, s-1)
	}
	row := Direction{D: want, S: int(s), A: uint32(a), M: make([]uint32, s)}
	for i, m := range nums[3:] {
		if m%2 == 0 || m >= 1<<(i+1) {
			return Direction{}, fmt.Sprintf("m_%d = %d must be odd and less than 2^%d", i+1, m, i+1)
		}
		row.M[i] = uint32(m)
	}
	return row, ""
}

// directions returns the Bits direction numbers v₁ … v₃₂ of dimension d
// (1-based) as 32-bit binary fractions, v_j = m_j / 2^j: for dimension 1
// v_j = 2^−j; otherwise m_j is given for j ≤ s and for j > s follows the
// recurrence of Bratley and Fox (1988), as used by Joe and Kuo:
//
//	v_j = a₁v_(j−1) ⊕ … ⊕ a_(s−1)v_(j−s+1) ⊕ v_(j−s) ⊕ (v_(j−s) ≫ s).
func (t *Table) directions(dst []uint32, d int) {
	if d == 1 {
		for j := range dst {
			dst[j] = 1 << (Bits - 1 - j)
		}
		return
	}
	row := t.Row(d)
	s := row.S
	for j := 0; j < Bits; j++ {
		if j < s {
			dst[j] = row.M[j] << (Bits - 1 - j)
			continue
		}
		v := dst[j-s] ^ dst[j-s]>>s
		for k := 1; k < s; k++ {
			if row.A>>(s-1-k)&1 == 1 {
				v ^= dst[j-k]
			}
		}
		dst[j] = v
	}
}
