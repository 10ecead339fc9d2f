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

// Scratch is working memory for Percentiles, kept from one call to the
// next. The zero value is ready to use. A Scratch must not be used by two
// goroutines at once.
type Scratch struct {
	counts []int     // cumulative bucket counts
	vals   []float64 // the values of the buckets needed
}

// Percentiles sets dst[i] to the ps[i]-th percentile of x (type 7, see the
// package documentation). ps must be in nondecreasing order. x may be
// reordered (see the package documentation for when).
//
// s holds working memory; with a nil s, Percentiles allocates what it
// needs, and with the same s reused it allocates nothing once s has grown
// to the sample size.
//
// It returns ErrEmpty or ErrNaN for an empty sample or one holding a NaN,
// and an error wrapping ErrPercent for a percentile outside [0, 100] or out
// of order. It panics if len(dst) != len(ps).
func Percentiles(dst, x, ps []float64, s *Scratch) error {
	if len(dst) != len(ps) {
		panic("quantile: len(dst) != len(ps)")
	}
	if len(x) >= bucketMinN && len(ps) <= bucketMaxPs {
		if s == nil {
			s = new(Scratch)
		}
		done, err := s.bucketed(dst, x, ps)
		if done || err != nil {
			return err
		}
	}
	return selected(dst, x, ps)
}

// selected is Percentiles by selection.
func selected(dst, x, ps []float64) error {
	if len(x) == 0 {
		return ErrEmpty
	}
	for _, v := range x {
		if v != v {
			return ErrNaN
		}
	}
	if err := checkPercents(ps); err != nil {
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

// checkPercents validates the percentiles.
func checkPercents(ps []float64) error {
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
