package quantile

import (
	"math"
	"slices"
)

// Bucketing (see the package documentation): buckets is the number of
// buckets, bucketMinN the smallest sample worth bucketing and bucketMaxPs
// the most percentiles bucketed at once.
const (
	buckets     = 4096
	bucketMinN  = 8 * buckets
	bucketMaxPs = 8
)

// bucketed sets dst as Percentiles does, by bucketing, without reordering
// x. It reports false, and leaves dst alone, when x is not fit for
// bucketing (an infinity, a constant sample, a needed bucket holding more
// than a sixteenth of the sample), so that the caller selects instead.
func (s *Scratch) bucketed(dst, x, ps []float64) (bool, error) {
	n := len(x)
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range x {
		if v != v {
			return true, ErrNaN
		}
		lo, hi = min(lo, v), max(hi, v)
	}
	if err := checkPercents(ps); err != nil {
		return true, err
	}
	if math.IsInf(lo, 0) || math.IsInf(hi, 0) || lo == hi {
		return false, nil
	}
	scale := buckets / (hi - lo)
	bucket := func(v float64) int { return min(int((v-lo)*scale), buckets-1) }

	if cap(s.counts) < buckets+1 {
		s.counts = make([]int, buckets+1)
	}
	cnt := s.counts[:buckets+1]
	clear(cnt)
	for _, v := range x {
		cnt[bucket(v)+1]++
	}
	for k := 1; k <= buckets; k++ {
		cnt[k] += cnt[k-1] // cnt[k]: values in buckets before k
	}

	// The buckets holding the ranks needed: r = ⌊h⌋ and r+1 for each
	// percentile.
	var wanted [2 * bucketMaxPs]int // distinct
	nw := 0
	for _, p := range ps {
		r, _ := position(p, n)
		for _, rr := range [2]int{r, min(r+1, n-1)} {
			if k := bucketOf(cnt, rr); !slices.Contains(wanted[:nw], k) {
				wanted[nw] = k
				nw++
			}
		}
	}
	total := 0
	for _, k := range wanted[:nw] {
		size := cnt[k+1] - cnt[k]
		if size > n/16 {
			return false, nil
		}
		total += size
	}
	slices.Sort(wanted[:nw])
	var start [2*bucketMaxPs + 1]int // start of bucket wanted[i] in vals
	for i, k := range wanted[:nw] {
		start[i+1] = start[i] + cnt[k+1] - cnt[k]
	}
	if cap(s.vals) < total {
		s.vals = make([]float64, total)
	}
	vals := s.vals[:total]
	var fill [2 * bucketMaxPs]int
	copy(fill[:], start[:nw])
	var slot [buckets]int8 // 1 + index in wanted, or 0
	for i, k := range wanted[:nw] {
		slot[k] = int8(i + 1)
	}
	for _, v := range x {
		if i := slot[bucket(v)]; i > 0 {
			vals[fill[i-1]] = v
			fill[i-1]++
		}
	}
	for i := range nw {
		slices.Sort(vals[start[i]:start[i+1]])
	}
	at := func(rr int) float64 {
		k := bucketOf(cnt, rr)
		i := slices.Index(wanted[:nw], k)
		return vals[start[i]+rr-cnt[k]]
	}
	for i, p := range ps {
		r, f := position(p, n)
		a := at(r)
		if f == 0 || r+1 == n {
			dst[i] = a
			continue
		}
		dst[i] = lerp(a, at(r+1), f)
	}
	return true, nil
}

// bucketOf returns the bucket k with cnt[k] ≤ r < cnt[k+1].
func bucketOf(cnt []int, r int) int {
	lo, hi := 0, len(cnt)-1 // invariant: cnt[lo] ≤ r < cnt[hi]
	for hi-lo > 1 {
		m := (lo + hi) / 2
		if cnt[m] <= r {
			lo = m
		} else {
			hi = m
		}
	}
	return lo
}
