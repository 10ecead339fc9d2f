package pwt

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// hdr is a minimal header with every column Read needs, in a different order from
// PWT's and with one column Read ignores (currency), to show that order and extra
// columns do not matter.
const hdr = `"isocode","country","year","currency","rgdpna","rnna","rkna","emp","avh","hc","labsh","rtfpna"` + "\n"

func TestReadValues(t *testing.T) {
	in := hdr +
		`"XYZ","Xyzland",2001,"Xyz",110,210,1.1,11,1900,2.1,0.6,1.01` + "\n" +
		`"XYZ","Xyzland",2000,"Xyz",100,200,1,10,,2,0.5,1` + "\n" +
		`"ABC","Abcland",2000,"Abc",1e3,0x1p1,,,,,,` + "\n"
	tab, err := Read(strings.NewReader(in))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if got, want := strings.Join(tab.Countries(), ","), "ABC,XYZ"; got != want {
		t.Errorf("Countries() = %q, want %q", got, want)
	}
	s, ok := tab.Country("XYZ")
	if !ok {
		t.Fatal(`Country("XYZ") not found`)
	}
	if s.ISO != "XYZ" || s.Country != "Xyzland" {
		t.Errorf("got ISO %q, Country %q; want XYZ, Xyzland", s.ISO, s.Country)
	}
	if len(s.Rows) != 2 || s.Rows[0].Year != 2000 || s.Rows[1].Year != 2001 {
		t.Fatalf("rows not sorted by year: %+v", s.Rows)
	}
	tests := []struct {
		iso  string
		year int
		v    Var
		want float64
		ok   bool
	}{
		{"XYZ", 2000, RGDPNA, 100, true},
		{"XYZ", 2000, AVH, 0, false}, // empty cell: missing, not zero
		{"XYZ", 2001, AVH, 1900, true},
		{"XYZ", 2001, RTFPNA, 1.01, true},
		{"XYZ", 2001, LABSH, 0.6, true},
		{"ABC", 2000, RGDPNA, 1000, true},
		{"ABC", 2000, RNNA, 2, true}, // hexadecimal float, as strconv accepts
		{"ABC", 2000, RKNA, 0, false},
		{"ABC", 2000, LABSH, 0, false},
	}
	for _, tt := range tests {
		s, _ := tab.Country(tt.iso)
		r, ok := s.Row(tt.year)
		if !ok {
			t.Fatalf("%s %d: no row", tt.iso, tt.year)
		}
		got, ok := r.Value(tt.v)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("%s %d %v: got (%v, %v), want (%v, %v)", tt.iso, tt.year, tt.v, got, ok, tt.want, tt.ok)
		}
		if !ok && !math.IsNaN(got) {
			t.Errorf("%s %d %v: missing value is %v, want NaN", tt.iso, tt.year, tt.v, got)
		}
		if r.Has(tt.v) != tt.ok {
			t.Errorf("%s %d %v: Has = %v, want %v", tt.iso, tt.year, tt.v, r.Has(tt.v), tt.ok)
		}
	}
	if _, ok := s.Row(1999); ok {
		t.Error("Row(1999) found, want none")
	}
	if _, ok := tab.Country("CHN"); ok {
		t.Error(`Country("CHN") found in a table without it`)
	}
}

// TestCountryIsACopy guards the shared Default table: a caller changing the
// series it got must not change the table.
func TestCountryIsACopy(t *testing.T) {
	tab, err := Read(strings.NewReader(hdr + `"XYZ","X",2000,"x",1,1,1,1,1,1,0.5,1` + "\n"))
	if err != nil {
		t.Fatal(err)
	}
	s, _ := tab.Country("XYZ")
	s.Rows[0].Year = 1900
	s2, _ := tab.Country("XYZ")
	if s2.Rows[0].Year != 2000 {
		t.Errorf("table changed through a returned series: year %d, want 2000", s2.Rows[0].Year)
	}
}

func TestReadCountryCodeAlias(t *testing.T) {
	in := strings.Replace(hdr, `"isocode"`, `"countrycode"`, 1) + `"XYZ","X",2000,"x",1,1,1,1,1,1,0.5,1` + "\n"
	tab, err := Read(strings.NewReader(in))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if _, ok := tab.Country("XYZ"); !ok {
		t.Error(`Country("XYZ") not found with a "countrycode" column`)
	}
}

func TestReadErrors(t *testing.T) {
	const ok = `"XYZ","X",2000,"x",1,1,1,1,1,1,0.5,1` + "\n"
	tests := []struct {
		name string
		in   string
		want []string // substrings the error message must contain
	}{
		{"empty", "", []string{"pwt: empty input"}},
		{"header only", hdr, []string{"no data rows"}},
		{"missing column",
			strings.Replace(hdr, `,"rkna"`, "", 1) + `"XYZ","X",2000,"x",1,1,1,1,1,0.5,1` + "\n",
			[]string{`line 1: missing column "rkna"`}},
		{"two missing columns",
			`"isocode","year","rgdpna","rnna","rkna","emp","avh","hc","rtfpna"` + "\n",
			[]string{`line 1: missing column "country"`, `line 1: missing column "labsh"`}},
		{"duplicated column",
			strings.TrimSuffix(hdr, "\n") + `,"emp"` + "\n",
			[]string{`line 1: column "emp" appears twice`}},
		{"not a number",
			hdr + ok + `"XYZ","X",2001,"x",1,1,abc,1,1,1,0.5,1` + "\n",
			[]string{`pwt: line 3, column "rkna": "abc" is not a number`}},
		{"not finite",
			hdr + `"XYZ","X",2000,"x",1,1,1,1,NaN,1,0.5,1` + "\n",
			[]string{`line 2, column "avh": "NaN" is not a finite number`}},
		{"out of range",
			hdr + `"XYZ","X",2000,"x",1,1,1,1,1,1,0.5,1e999` + "\n",
			[]string{`line 2, column "rtfpna": "1e999" is out of the float64 range`}},
		{"bad year",
			hdr + `"XYZ","X",20x0,"x",1,1,1,1,1,1,0.5,1` + "\n",
			[]string{`line 2, column "year": "20x0" is not a year`}},
		{"year out of range",
			hdr + `"XYZ","X",-5,"x",1,1,1,1,1,1,0.5,1` + "\n",
			[]string{`line 2, column "year": year -5 outside`}},
		{"empty code",
			hdr + `"","X",2000,"x",1,1,1,1,1,1,0.5,1` + "\n",
			[]string{`line 2, column "isocode": empty country code`}},
		{"duplicated year",
			hdr + ok + `"XYZ","X",2001,"x",1,1,1,1,1,1,0.5,1` + "\n" + ok,
			[]string{`pwt: line 4: duplicate row for XYZ 2000 (first at line 2)`}},
		{"ragged row, short",
			hdr + `"XYZ","X",2000,"x",1,1,1` + "\n",
			[]string{`line 2: 7 fields, header has 12`, `column "emp" and after missing`}},
		{"ragged row, long",
			hdr + ok + `"XYZ","X",2001,"x",1,1,1,1,1,1,0.5,1,9` + "\n",
			[]string{`line 3: 13 fields, header has 12`, `after column "rtfpna"`}},
		{"country name changes",
			hdr + ok + `"XYZ","Y",2001,"x",1,1,1,1,1,1,0.5,1` + "\n",
			[]string{`line 3, column "country": "Y" for XYZ, earlier rows say "X"`}},
		{"csv syntax",
			hdr + `"XYZ","X",2000,"x",1,1,1,1,1,1,0.5,1"` + "\n",
			[]string{"pwt: ", "line 2"}},
		{"several problems in one file",
			hdr + `"XYZ","X",2000,"x",a,1,1,1,1,1,0.5,1` + "\n" + `"XYZ","X",2001,"x",1,1,1,b,1,1,0.5,1` + "\n",
			[]string{`line 2, column "rgdpna": "a"`, `line 3, column "emp": "b"`}},
		{"too many problems",
			hdr + strings.Repeat(`"XYZ","X",y,"x",1,1,1,1,1,1,0.5,1`+"\n", 20),
			[]string{"too many errors, stopped at line 11"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab, err := Read(strings.NewReader(tt.in))
			if err == nil {
				t.Fatalf("Read succeeded with %d countries, want an error", len(tab.Countries()))
			}
			if tab != nil {
				t.Errorf("Read returned a table with the error %v", err)
			}
			msg := err.Error()
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q does not contain %q", msg, w)
				}
			}
			for _, line := range strings.Split(msg, "\n") {
				if !strings.HasPrefix(line, "pwt: ") {
					t.Errorf("error line %q lacks the package prefix", line)
				}
			}
		})
	}
	if _, err := Read(strings.NewReader("")); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty input: got %v, want ErrEmpty", err)
	}
}

func TestReadBOM(t *testing.T) {
	if _, err := Read(strings.NewReader("\ufeff" + hdr + `"XYZ","X",2000,"x",1,1,1,1,1,1,0.5,1` + "\n")); err != nil {
		t.Errorf("Read with a byte order mark: %v", err)
	}
}

func TestVarString(t *testing.T) {
	var names []string
	for _, v := range Vars() {
		names = append(names, v.String())
	}
	if got, want := strings.Join(names, ","), "rgdpna,rnna,rkna,emp,avh,hc,labsh,rtfpna,delta,csh_i,pop"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if got, want := Var(200).String(), "pwt.Var(200)"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if _, ok := (Row{}).Value(Var(200)); ok {
		t.Error("Value of an unknown Var reported present")
	}
}

// TestZeroRowIsMissing guards against reading an absent row as zeros: the row
// of a year not in the table has every value missing.
func TestZeroRowIsMissing(t *testing.T) {
	for _, v := range Vars() {
		if x, ok := (Row{}).Value(v); ok || !math.IsNaN(x) {
			t.Errorf("zero Row, %v: got (%v, %v), want (NaN, false)", v, x, ok)
		}
	}
}

// TestOptionalColumns checks that delta, csh_i and pop are read when present and
// missing (not zero) when their columns are absent, and that a bad value in an
// optional column is still an error.
func TestOptionalColumns(t *testing.T) {
	const row = `"XYZ","X",2000,"x",1,1,1,1,1,1,0.5,1`
	tests := []struct {
		name            string
		src             string
		delta, csh, pop float64 // NaN: missing
		wantErr         string
	}{
		{"absent", hdr + row + "\n", math.NaN(), math.NaN(), math.NaN(), ""},
		{"present", strings.TrimSuffix(hdr, "\n") + `,"delta","csh_i","pop"` + "\n" + row + ",0.05,0.4,12.5\n", 0.05, 0.4, 12.5, ""},
		{"empty cells", strings.TrimSuffix(hdr, "\n") + `,"csh_i","pop","delta"` + "\n" + row + ",,,\n", math.NaN(), math.NaN(), math.NaN(), ""},
		{"bad value", strings.TrimSuffix(hdr, "\n") + `,"delta"` + "\n" + row + ",x\n", 0, 0, 0, `line 2, column "delta": "x" is not a number`},
		{"bad pop", strings.TrimSuffix(hdr, "\n") + `,"pop"` + "\n" + row + ",inf\n", 0, 0, 0, `line 2, column "pop": "inf" is not a finite number`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab, err := Read(strings.NewReader(tt.src))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			s, _ := tab.Country("XYZ")
			for _, c := range []struct {
				v    Var
				want float64
			}{{DELTA, tt.delta}, {CSH_I, tt.csh}, {POP, tt.pop}} {
				got, ok := s.Rows[0].Value(c.v)
				if math.IsNaN(c.want) {
					if ok {
						t.Errorf("%v: got %v, want missing", c.v, got)
					}
				} else if !ok || got != c.want {
					t.Errorf("%v: got (%v, %v), want %v", c.v, got, ok, c.want)
				}
			}
		})
	}
	for _, v := range Vars() {
		if got, want := v.Optional(), v == DELTA || v == CSH_I || v == POP; got != want {
			t.Errorf("%v.Optional() = %v, want %v", v, got, want)
		}
	}
}
