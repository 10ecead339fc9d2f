package model

import "testing"

// TestFormatOutside: a value outside a range is never shown rounded into
// it (issue 17: 1000000000001 was shown as 1000000000000).
func TestFormatOutside(t *testing.T) {
	for _, tc := range []struct {
		v, lo, hi float64
		want      string
	}{
		{1000000000001, 1, 1e12, "1000000000001"},
		{1.0000000000000002, 0, 1, "1.0000000000000002"},
		{-1e-300, 0, 1, "-1e-300"},
		{1.5, 0, 1, "1.5"},
		{120, 0, 100, "120"},
		{1e300, 0, 1, "1e+300"},
	} {
		if got := FormatOutside(tc.v, tc.lo, tc.hi); got != tc.want {
			t.Errorf("FormatOutside(%v, %v, %v) = %q, want %q", tc.v, tc.lo, tc.hi, got, tc.want)
		}
	}
}
