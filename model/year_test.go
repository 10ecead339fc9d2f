package model

import "testing"

func TestParseYear(t *testing.T) {
	for s, want := range map[string]int{"2019": 2019, "1000": 1000, "9999": 9999} {
		if got, ok := ParseYear(s); !ok || got != want {
			t.Errorf("%q: got %d, %v", s, got, ok)
		}
	}
	for _, s := range []string{"", "999", "0999", "+201", "-201", "20190", "２０１９", "2O19", " 201"} {
		if got, ok := ParseYear(s); ok {
			t.Errorf("%q: got %d, want no year", s, got)
		}
	}
}

func TestInterpolate(t *testing.T) {
	years, vals := []int{2019, 2021, 2024}, []float64{1, 3, 0}
	for year, want := range map[int]float64{2015: 1, 2019: 1, 2020: 2, 2021: 3, 2022: 2, 2024: 0, 2030: 0} {
		if got := Interpolate(years, vals, year); got != want {
			t.Errorf("%d: got %v, want %v", year, got, want)
		}
	}
	// The last given value is returned as given, not as a + (b − a).
	if got := Interpolate([]int{2019, 2024}, []float64{0.7, 0.1}, 2024); got != 0.1 { // 0.7 + (0.1 − 0.7) is 0.09999999999999998
		t.Errorf("last point: got %v, want 0.1", got)
	}
	if got := Interpolate(nil, []float64{5}, 2020); got != 5 {
		t.Errorf("no years: got %v, want 5", got)
	}
}
