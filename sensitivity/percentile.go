package sensitivity

import (
	"math"
	"slices"

	"simulate/quantile"
)

// Exact percentiles of a large sample by bucketing: the same numbers as
// quantile.Percentiles (type 7), in two passes over the sample instead of
// several rounds of selection.
//
// Pass 1 finds the range and counts the sample in histBuckets equal-width
// buckets. The bucket of a value, ⌊(v − min)·B/(max − min)⌋, never
// decreases as v grows, so every value of a bucket is ≤ every value of the
// next one, and the cumulative counts say which bucket holds order
// statistic x(r) and at what rank within it. Pass 2 copies out the values
// of those few buckets, which are sorted to read x(r) and x(r+1).
//
// When a needed bucket holds a large part of the sample (a distribution
// concentrated in a corner of its range), or the sample is small or holds
// an infinity, it falls back to quantile.Percentiles.

// histBuckets is the number of buckets; histMinN the smallest sample worth
// bucketing.
const (
	histBuckets = 4096
	histMinN    = 8 * histBuckets
)

// percentiles sets dst[i] to the ps[i]-th percentile of x (type 7), like
// quantile.Percentiles, and reorders x only when it falls back to it.
// counts and buf are scratch space, grown as needed.
func percentiles(dst, x, ps []float64, counts *[]int, buf *[]float64) error {
	n := len(x)
	if n < histMinN {
		return quantile.Percentiles(dst, x, ps)
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range x {
		if v != v {
			return quantile.ErrNaN
		}
		lo, hi = min(lo, v), max(hi, v)
	}
	if math.IsInf(lo, 0) || math.IsInf(hi, 0) || lo == hi {
		return quantile.Percentiles(dst, x, ps)
	}
	scale := histBuckets / (hi - lo)
	bucket := func(v float64) int { return min(int((v-lo)*scale), histBuckets-1) }

	if cap(*counts) < histBuckets+1 {
		*counts = make([]int, histBuckets+1)
	}
	cnt := (*counts)[:histBuckets+1]
	clear(cnt)
	for _, v := range x {
		cnt[bucket(v)+1]++
	}
	for k := 1; k <= histBuckets; k++ {
		cnt[k] += cnt[k-1] // cnt[k]: values in buckets before k
	}

	// The buckets holding the ranks needed: r = ⌊h⌋ and r+1 for each
	// percentile.
	var wanted [16]int // distinct, at most two per percentile
	nw := 0
	if 2*len(ps) > len(wanted) {
		return quantile.Percentiles(dst, x, ps)
	}
	for _, p := range ps {
		r := int(float64(n-1) * p / 100)
		for _, rr := range [2]int{r, min(r+1, n-1)} {
			if k := sortSearch(cnt, rr); !slices.Contains(wanted[:nw], k) {
				wanted[nw] = k
				nw++
			}
		}
	}
	total := 0
	for _, k := range wanted[:nw] {
		size := cnt[k+1] - cnt[k]
		if size > n/16 {
			return quantile.Percentiles(dst, x, ps)
		}
		total += size
	}
	slices.Sort(wanted[:nw])
	var start [17]int // start of bucket wanted[i] in b
	for i, k := range wanted[:nw] {
		start[i+1] = start[i] + cnt[k+1] - cnt[k]
	}
	if cap(*buf) < total {
		*buf = make([]float64, total)
	}
	b := (*buf)[:total]
	var fill [16]int
	copy(fill[:], start[:nw])
	var slot [histBuckets]int8 // 1 + index in wanted, or 0
	for i, k := range wanted[:nw] {
		slot[k] = int8(i + 1)
	}
	for _, v := range x {
		if i := slot[bucket(v)]; i > 0 {
			b[fill[i-1]] = v
			fill[i-1]++
		}
	}
	for i := range nw {
		slices.Sort(b[start[i]:start[i+1]])
	}
	at := func(rr int) float64 {
		k := sortSearch(cnt, rr)
		i := slices.Index(wanted[:nw], k)
		return b[start[i]+rr-cnt[k]]
	}
	for i, p := range ps {
		h := float64(n-1) * p / 100
		r := int(h)
		f := h - float64(r)
		a := at(r)
		if f == 0 || r+1 == n {
			dst[i] = a
			continue
		}
		dst[i] = lerp(a, at(r+1), f)
	}
	return nil
}

// sortSearch returns the bucket k with cnt[k] ≤ r < cnt[k+1].
func sortSearch(cnt []int, r int) int {
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

// lerp is quantile's interpolation: a + f·(b − a), exact when a = b.
func lerp(a, b, f float64) float64 {
	if a == b {
		return a
	}
	return a + f*(b-a)
}
