package quantile

import (
	"errors"
	"fmt"
	"math"
)

var (
	// ErrEmpty is returned for a sample with no elements.
	ErrEmpty = errors.New("quantile: empty sample")
	// ErrNaN is returned when the sample contains a NaN.
	ErrNaN = errors.New("quantile: sample contains NaN")
	// ErrPercent is returned, wrapped, for a percentile outside [0, 100] or
	// a list of percentiles that is not in nondecreasing order.
	ErrPercent = errors.New("quantile: invalid percentile")
)

// Mean returns the arithmetic mean of x, or NaN if x is empty.
func Mean(x []float64) float64 {
	if len(x) == 0 {
		return math.NaN()
	}
	// Four partial sums: faster, and a little more accurate than one.
	var s0, s1, s2, s3 float64
	i := 0
	for ; i+4 <= len(x); i += 4 {
		s0 += x[i]
		s1 += x[i+1]
		s2 += x[i+2]
		s3 += x[i+3]
	}
	for ; i < len(x); i++ {
		s0 += x[i]
	}
	return ((s0 + s1) + (s2 + s3)) / float64(len(x))
}

// Percentile returns the p-th percentile of x (type 7, see the package
// documentation). It reorders x.
func Percentile(x []float64, p float64) (float64, error) {
	var dst [1]float64
	ps := [1]float64{p}
	err := Percentiles(dst[:], x, ps[:])
	return dst[0], err
}

// Percentiles sets dst[i] to the ps[i]-th percentile of x (type 7, see the
// package documentation). ps must be in nondecreasing order. x is reordered:
// afterwards each order statistic that was needed sits at its sorted
// position. It allocates nothing.
//
// It panics if len(dst) != len(ps).
func Percentiles(dst, x, ps []float64) error {
	if len(dst) != len(ps) {
		panic("quantile: len(dst) != len(ps)")
	}
	if err := check(x, ps); err != nil {
		return err
	}
	n := len(x)
	multiselect(x, 0, n, ps)
	for i, p := range ps {
		r, f := position(p, n)
		lo := x[r]
		if f == 0 || r+1 == n {
			dst[i] = lo
			continue
		}
		// x(r+1) is the smallest element after x(r) up to and including the
		// next order statistic that was selected.
		end := n
		for _, q := range ps[i+1:] {
			if rq, _ := position(q, n); rq > r {
				end = rq + 1
				break
			}
		}
		hi := x[r+1]
		for _, v := range x[r+2 : end] {
			if v < hi {
				hi = v
			}
		}
		dst[i] = lerp(lo, hi, f)
	}
	return nil
}

// PercentilesCopy is Percentiles on a copy of x made in scratch, which must
// hold at least len(x) elements; x is left unchanged. It allocates nothing.
//
// It panics if len(dst) != len(ps) or len(scratch) < len(x).
func PercentilesCopy(dst, scratch, x, ps []float64) error {
	if len(scratch) < len(x) {
		panic("quantile: scratch shorter than sample")
	}
	s := scratch[:len(x)]
	copy(s, x)
	return Percentiles(dst, s, ps)
}

// check validates the sample and the percentiles.
func check(x, ps []float64) error {
	if len(x) == 0 {
		return ErrEmpty
	}
	for _, v := range x {
		if v != v {
			return ErrNaN
		}
	}
	for i, p := range ps {
		if !(p >= 0 && p <= 100) {
			return fmt.Errorf("%w: %v is outside [0, 100]", ErrPercent, p)
		}
		if i > 0 && p < ps[i-1] {
			return fmt.Errorf("%w: percentiles not in nondecreasing order (%v after %v)", ErrPercent, p, ps[i-1])
		}
	}
	return nil
}

// position returns r = ⌊h⌋ and f = h − r for h = (n−1)·p/100.
func position(p float64, n int) (int, float64) {
	h := float64(n-1) * p / 100
	r := int(h)
	if r > n-1 { // cannot happen for p ≤ 100; kept as a guard
		r = n - 1
	}
	return r, h - float64(r)
}

// lerp interpolates a + f·(b − a) for a ≤ b, 0 < f < 1, with exact results
// when a = b and the limiting infinity when an end is infinite.
func lerp(a, b, f float64) float64 {
	switch {
	case a == b:
		return a
	case math.IsInf(a, 0):
		return a
	case math.IsInf(b, 0):
		return b
	}
	return a + f*(b-a)
}
