package pwt

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"slices"
	"testing"
)

// csvSHA256 is the SHA-256 of the uncompressed pwt91.csv, as recorded in the data
// export's README and in README.md here.
const csvSHA256 = "0fb08e1f048bfb632980b3098e7955162ffebe2c1bd99ef2df292e0e541c851b"

func TestEmbeddedChecksum(t *testing.T) {
	zr, err := gzip.NewReader(bytes.NewReader(pwt91gz))
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	if _, err := io.Copy(h, zr); err != nil {
		t.Fatal(err)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != csvSHA256 {
		t.Errorf("SHA-256 of the embedded CSV: got %s, want %s", got, csvSHA256)
	}
}

func TestDefault(t *testing.T) {
	tab, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	again, _ := Default()
	if again != tab {
		t.Error("Default parsed the table twice")
	}
	// 182 countries × 68 years (1950–2017) = 12,376 rows, per the export's README.
	isos := tab.Countries()
	if len(isos) != 182 {
		t.Errorf("got %d countries, want 182", len(isos))
	}
	rows := 0
	for _, iso := range isos {
		s, _ := tab.Country(iso)
		rows += len(s.Rows)
		if first, last := s.Rows[0].Year, s.Rows[len(s.Rows)-1].Year; first != 1950 || last != 2017 {
			t.Errorf("%s covers %d–%d, want 1950–2017", iso, first, last)
		}
	}
	if rows != 12376 {
		t.Errorf("got %d rows, want 12376", rows)
	}

	// Spot values copied from pwt91.csv; the file has up to 15 significant digits
	// and these are exact float64 parses of them.
	tests := []struct {
		iso  string
		year int
		v    Var
		want float64
		ok   bool
	}{
		{"CHN", 1952, RGDPNA, 449787.8125, true},
		{"CHN", 1952, LABSH, 0.592168569564819, true},
		{"CHN", 1969, AVH, 0, false}, // China's hours start in 1970
		{"CHN", 1970, AVH, 1976.31201171875, true},
		{"CHN", 1955, RKNA, 0, false}, // capital services start in 1956
		{"CHN", 1956, RKNA, 0.00866402965039015, true},
		{"CHN", 1951, RGDPNA, 0, false},
		{"CHN", 2017, POP, 1409.51745605469, true},
	}
	for _, tt := range tests {
		s, ok := tab.Country(tt.iso)
		if !ok {
			t.Fatalf("no %s", tt.iso)
		}
		if s.Country != "China" {
			t.Errorf("country name %q, want China", s.Country)
		}
		r, _ := s.Row(tt.year)
		got, ok := r.Value(tt.v)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("%s %d %v: got (%v, %v), want (%v, %v)", tt.iso, tt.year, tt.v, got, ok, tt.want, tt.ok)
		}
	}
}

// BenchmarkLoad measures what the first call of Default costs: decompressing and
// parsing the embedded table. Later calls return the cached table.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := load(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDefaultCodes: the list of codes DefaultHas reads is the table's.
func TestDefaultCodes(t *testing.T) {
	tab, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := defaultCodes, tab.Countries(); !slices.Equal(got, want) {
		t.Errorf("codes.go lists %d codes, the table has %d countries: %v", len(got), len(want), want)
	}
	if DefaultCountries() != 182 {
		t.Errorf("DefaultCountries() = %d, want 182", DefaultCountries())
	}
	for _, c := range []struct {
		iso  string
		want bool
	}{{"CHN", true}, {"ABW", true}, {"ZWE", true}, {"chn", false}, {"XYZ", false}, {"", false}, {"CH", false}, {"CHNA", false}} {
		if got := DefaultHas(c.iso); got != c.want {
			t.Errorf("DefaultHas(%q) = %v, want %v", c.iso, got, c.want)
		}
	}
}
