package model

import "strconv"

// ParseYear reads a year written as four digits, 1000 to 9999: the keys of
// per-year tables in scenario and calibration files and the YEAR of
// NAME[YEAR].
func ParseYear(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	y, err := strconv.Atoi(s)
	return y, err == nil && y >= 1000
}

// Interpolate returns the value at year of the path through the points
// (years[k], vals[k]): linear between two given years, flat before the
// first and after the last. years must be ascending; with none, it returns
// vals[0].
func Interpolate(years []int, vals []float64, year int) float64 {
	n := len(years)
	switch {
	case n == 0 || year <= years[0]:
		return vals[0]
	case year >= years[n-1]:
		return vals[n-1]
	}
	for k := 1; k < n; k++ {
		if year <= years[k] {
			t := float64(year-years[k-1]) / float64(years[k]-years[k-1])
			return vals[k-1] + t*(vals[k]-vals[k-1])
		}
	}
	return vals[n-1]
}
