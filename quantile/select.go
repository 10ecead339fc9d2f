package quantile

import (
	"math/bits"
	"slices"
)

// multiselect puts into place every order statistic x(r) with r = ⌊h(p)⌋ for
// p in ps, assuming x[lo:hi] holds exactly the order statistics lo … hi−1 of
// the whole sample. It selects the middle rank first and recurses on both
// sides, so q percentiles cost O(n log q) comparisons on average.
func multiselect(x []float64, lo, hi int, ps []float64) {
	n := len(x)
	for len(ps) > 0 {
		if r, _ := position(ps[0], n); r >= lo {
			break
		}
		ps = ps[1:]
	}
	for len(ps) > 0 {
		if r, _ := position(ps[len(ps)-1], n); r < hi {
			break
		}
		ps = ps[:len(ps)-1]
	}
	if len(ps) == 0 || hi-lo <= 1 {
		return
	}
	m := len(ps) / 2
	r, _ := position(ps[m], n)
	selectRank(x, lo, hi-1, r)
	multiselect(x, lo, r, ps[:m])
	multiselect(x, r+1, hi, ps[m+1:])
}

// smallRange is the size below which selection finishes by insertion sort.
const smallRange = 16

// selectRank reorders x[lo:hi+1] so that x[k] is the element that would be
// there if x[lo:hi+1] were sorted, with no larger element before it and no
// smaller one after. It is introselect: quickselect with Hoare partitioning
// around a median-of-three (ninther for large ranges) pivot, falling back to
// a full sort of the remaining range if the partitions keep being lopsided,
// so the worst case is O(n log n).
func selectRank(x []float64, lo, hi, k int) {
	depth := 2 * bits.Len(uint(hi-lo+1))
	for hi-lo >= smallRange {
		if depth == 0 {
			slices.Sort(x[lo : hi+1])
			return
		}
		depth--
		p := pivot(x, lo, hi)
		i, j := lo-1, hi+1
		for {
			for {
				i++
				if x[i] >= p {
					break
				}
			}
			for {
				j--
				if x[j] <= p {
					break
				}
			}
			if i >= j {
				break
			}
			x[i], x[j] = x[j], x[i]
		}
		// Now x[lo:j+1] ≤ p ≤ x[j+1:hi+1] and lo ≤ j < hi.
		if k <= j {
			hi = j
		} else {
			lo = j + 1
		}
	}
	insertionSort(x[lo : hi+1])
}

// pivot chooses a pivot value and moves it to the middle of x[lo:hi+1]; the
// pivot sitting strictly before hi is what keeps both Hoare partitions
// non-empty.
func pivot(x []float64, lo, hi int) float64 {
	mid := lo + (hi-lo)/2
	m := mid
	if hi-lo >= 128 {
		s := (hi - lo) / 8
		a := median3(x, lo, lo+s, lo+2*s)
		b := median3(x, mid-s, mid, mid+s)
		c := median3(x, hi-2*s, hi-s, hi)
		m = median3(x, a, b, c)
	} else {
		m = median3(x, lo, mid, hi)
	}
	x[m], x[mid] = x[mid], x[m]
	return x[mid]
}

// median3 returns the index of the median of x[a], x[b], x[c].
func median3(x []float64, a, b, c int) int {
	if x[a] > x[b] {
		a, b = b, a
	}
	// x[a] ≤ x[b]
	if x[c] >= x[b] {
		return b
	}
	if x[c] <= x[a] {
		return a
	}
	return c
}

func insertionSort(x []float64) {
	for i := 1; i < len(x); i++ {
		v := x[i]
		j := i
		for ; j > 0 && x[j-1] > v; j-- {
			x[j] = x[j-1]
		}
		x[j] = v
	}
}
