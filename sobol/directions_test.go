package sobol

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestJoeKuoTable(t *testing.T) {
	tab := JoeKuo()
	if got, want := tab.Dims(), 101; got != want {
		t.Fatalf("Dims: got %d, want %d", got, want)
	}
	// The first rows as printed in Joe and Kuo's file.
	first := []struct {
		s, a int
		m    []uint32
	}{
		{1, 0, []uint32{1}},
		{2, 1, []uint32{1, 3}},
		{3, 1, []uint32{1, 3, 1}},
		{3, 2, []uint32{1, 1, 1}},
		{4, 1, []uint32{1, 1, 3, 3}},
	}
	for i, w := range first {
		row := tab.Row(i + 2)
		if row.D != i+2 || row.S != w.s || int(row.A) != w.a || fmt.Sprint(row.M) != fmt.Sprint(w.m) {
			t.Errorf("row %d: got %+v, want s=%d a=%d m=%v", i+2, row, w.s, w.a, w.m)
		}
	}
	// Every polynomial is primitive and they are distinct: the number of
	// primitive polynomials of degree s over GF(2) is φ(2^s−1)/s, so degrees
	// 1 … 9 have 1, 1, 2, 2, 6, 6, 18, 16, 48 of them, 100 in all.
	seen := map[[2]int]bool{}
	count := map[int]int{}
	for d := 2; d <= tab.Dims(); d++ {
		row := tab.Row(d)
		key := [2]int{row.S, int(row.A)}
		if seen[key] {
			t.Errorf("dimension %d repeats polynomial s=%d a=%d", d, row.S, row.A)
		}
		seen[key] = true
		count[row.S]++
		if !primitive(row.S, row.A) {
			t.Errorf("dimension %d: polynomial s=%d a=%d is not primitive", d, row.S, row.A)
		}
	}
	want := map[int]int{1: 1, 2: 1, 3: 2, 4: 2, 5: 6, 6: 6, 7: 18, 8: 16, 9: 48}
	if fmt.Sprint(count) != fmt.Sprint(want) {
		t.Errorf("polynomials per degree: got %v, want %v", count, want)
	}
}

// primitive reports whether x^s + a₁x^(s−1) + … + a_(s−1)x + 1 is primitive
// over GF(2): x has multiplicative order exactly 2^s − 1 modulo it.
func primitive(s int, a uint32) bool {
	poly := uint64(1)<<s | uint64(a)<<1 | 1
	order := uint64(1)<<s - 1
	// Multiply by x repeatedly; x^order must be 1 and no earlier power.
	p := uint64(1)
	for e := uint64(1); e <= order; e++ {
		p <<= 1
		if p>>s&1 == 1 {
			p ^= poly
		}
		if p == 1 {
			return e == order
		}
	}
	return false
}

func TestParseTableErrors(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		lines []int // line numbers the error must name, in order
	}{
		{"too few fields", "2 1 0\n", []int{1}},
		{"not a number", "# c\n2 1 0 x\n", []int{2}},
		{"negative", "2 1 0 -1\n", []int{1}},
		{"out of order", "2 1 0 1\n4 2 1 1 3\n", []int{2}},
		{"wrong count", "2 1 0 1\n3 2 1 1\n", []int{2}},
		{"degree zero", "2 0 0 1\n", []int{1}},
		{"degree too big", "2 32 0 " + strings.Repeat("1 ", 32) + "\n", []int{1}},
		{"a too big", "2 1 1 1\n", []int{1}},
		{"m even", "2 1 0 1\n3 2 1 1 2\n", []int{2}},
		{"m too big", "2 1 0 3\n", []int{1}},
		{"several", "d s a m_i\n2 1 0 1\n\n3 2 1 1 4\n4 3 9 1 3 1\n", []int{4, 5}},
		{"header twice", "d s a m_i\nd s a m_i\n", []int{2}},
		{"header after rows", "2 1 0 1\nd s a m_i\n", []int{2}},
		{"line too long", "2 1 0 1\n" + strings.Repeat("1", 2<<20), []int{2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseTable(strings.NewReader(tt.text))
			if err == nil {
				t.Fatal("got no error")
			}
			var lines []int
			for _, e := range unjoin(err) {
				var pe *ParseError
				if !errors.As(e, &pe) {
					t.Fatalf("error %q is not a *ParseError", e)
				}
				lines = append(lines, pe.Line)
				if !strings.Contains(e.Error(), fmt.Sprintf("line %d", pe.Line)) {
					t.Errorf("message %q does not name line %d", e, pe.Line)
				}
			}
			if fmt.Sprint(lines) != fmt.Sprint(tt.lines) {
				t.Errorf("lines: got %v, want %v (%v)", lines, tt.lines, err)
			}
		})
	}
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

func TestParseTableEmpty(t *testing.T) {
	for _, text := range []string{"", "# only a comment\n", "d s a m_i\n"} {
		if _, err := ParseTable(strings.NewReader(text)); !errors.Is(err, ErrNoRows) {
			t.Errorf("%q: got %v, want %v", text, err, ErrNoRows)
		}
	}
}

func TestParseTableRoundTrip(t *testing.T) {
	tab := JoeKuo()
	text := formatTable(tab)
	again, err := ParseTable(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	if got := formatTable(again); got != text {
		t.Error("formatting the parsed table does not reproduce it")
	}
	if !strings.HasPrefix(joeKuoText, "# Sobol") {
		t.Error("embedded file lost its citation header")
	}
}

// formatTable writes t in the file format.
func formatTable(t *Table) string {
	var b strings.Builder
	for d := 2; d <= t.Dims(); d++ {
		r := t.Row(d)
		fmt.Fprintf(&b, "%d %d %d", r.D, r.S, r.A)
		for _, m := range r.M {
			fmt.Fprintf(&b, " %d", m)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func FuzzParseTable(f *testing.F) {
	f.Add(joeKuoText)
	f.Add("d s a m_i\n2 1 0 1\n3 2 1 1 3\n")
	f.Add("2 1 0 1\n3 2 1 1 2\n")
	f.Add("2 1 0\r\n# x\n")
	f.Fuzz(func(t *testing.T, text string) {
		tab, err := ParseTable(strings.NewReader(text))
		if err != nil {
			if msg := err.Error(); msg == "" {
				t.Fatal("empty error message")
			}
			for _, e := range unjoin(err) {
				var pe *ParseError
				if errors.As(e, &pe) && pe.Line < 1 {
					t.Fatalf("line number %d in %q", pe.Line, e)
				}
			}
			return
		}
		// A table that parses gives a working sequence and round-trips.
		s := tab.NewSequence(tab.Dims(), OwenScrambling, 1)
		for range 4 {
			x := make([]float64, tab.Dims())
			s.Next(x)
			for i, v := range x {
				if !(v >= 0 && v < 1) { // NaN fails too
					t.Fatalf("point coordinate %d is %v, not in [0, 1)", i, v)
				}
			}
		}
		if _, err := ParseTable(strings.NewReader(formatTable(tab))); err != nil {
			t.Fatalf("formatted table does not parse: %v", err)
		}
	})
}
