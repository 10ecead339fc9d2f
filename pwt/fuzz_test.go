package pwt

import (
	"math"
	"strings"
	"testing"
)

// FuzzRead checks that Read never panics, that every error renders with the
// package prefix, and that a table it accepts keeps its invariants.
func FuzzRead(f *testing.F) {
	const row = `"XYZ","X",2000,"x",1,1,1,1,1,1,0.5,1` + "\n"
	for _, s := range []string{
		"",
		"\n",
		hdr,
		hdr + row,
		hdr + row + row,
		hdr + `"XYZ","X",2001,"x",,,,,,,,` + "\n" + row,
		hdr + `"XYZ","X",2000,"x",1,1,abc,1,1,1,0.5,1` + "\n",
		hdr + `"XYZ","X",2000,"x",1,1,1` + "\n",
		hdr + `"XYZ","X",2000,"x",1,1,1,1,1,1,0.5,1"` + "\n",
		"\ufeff" + hdr + row,
		`"a","b"` + "\n" + `1,2` + "\n",
		"x\r\ny\r\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		tab, err := Read(strings.NewReader(in))
		if err != nil {
			if tab != nil {
				t.Error("Read returned both a table and an error")
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "pwt: ") {
				t.Errorf("error %q lacks the package prefix", msg)
			}
			return
		}
		isos := tab.Countries()
		if len(isos) == 0 {
			t.Fatal("Read accepted a table without countries")
		}
		for _, iso := range isos {
			if !isISO(iso) {
				t.Fatalf("code %q read", iso)
			}
			s, ok := tab.Country(iso)
			if !ok || s.ISO != iso || len(s.Rows) == 0 {
				t.Fatalf("country %q: ok %v, series %+v", iso, ok, s)
			}
			for i, r := range s.Rows {
				if i > 0 && r.Year <= s.Rows[i-1].Year {
					t.Fatalf("%s: years not strictly increasing at %d", iso, r.Year)
				}
				for _, v := range Vars() {
					x, ok := r.Value(v)
					if ok && (math.IsNaN(x) || math.IsInf(x, 0)) {
						t.Fatalf("%s %d %v: present but %v", iso, r.Year, v, x)
					}
					if ok {
						if err := v.check(x); err != nil {
							t.Fatalf("%s %d %v: read outside its domain: %v", iso, r.Year, v, err)
						}
					}
				}
			}
		}
	})
}
