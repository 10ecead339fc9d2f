package sensitivity

import (
	"errors"
	"math"
	"slices"
)

// percentiles sets dst[i] to the ps[i]-th percentile of x, type 7.
// Interim: sorts x; replaced by package quantile's selection once it lands.
func percentiles(dst, x, ps []float64) error {
	for _, v := range x {
		if math.IsNaN(v) {
			return errors.New("sensitivity: NaN in a sample")
		}
	}
	slices.Sort(x)
	n := len(x)
	for i, p := range ps {
		h := float64(n-1) * p / 100
		r := int(h)
		f := h - float64(r)
		if f == 0 || r+1 >= n {
			dst[i] = x[r]
			continue
		}
		dst[i] = x[r] + f*(x[r+1]-x[r])
	}
	return nil
}
