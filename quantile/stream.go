package quantile

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// A Plan computes exact percentiles of a sample of n values that is seen in
// pieces, in any order, without keeping it: the values are counted in
// buckets, and only the values of the few buckets that should hold the
// order statistics needed are kept. Which buckets those are is guessed
// from a pilot, a part of the sample (say its first 65 536 values): around
// each percentile of the pilot, a bracket of Width standard errors of the
// pilot's quantile in rank. When a needed order statistic turns out to
// lie in a bucket that was not kept — the guess failed, which for Width 5
// happens to a percentile about once in two million — Percentiles says so
// and returns the plan of a second pass over the sample that keeps it too.
// The result is the same as that of [Percentiles] on the whole sample, bit
// for bit, whatever the order in which the values come, the pieces they
// come in and how the tallies of the pieces are merged.
//
// The buckets are those of bucketing (see the package documentation):
// B equal-width buckets between the pilot's minimum and maximum, one below
// and one above, so that the bucket of a value never decreases as the
// value grows.
type Plan struct {
	n      int
	ps     []float64
	lo, hi float64 // the pilot's range
	scale  float64 // buckets per unit
	nb     int     // buckets in [lo, hi]; bucket 0 is below lo, nb+1 above hi
	keep   []uint8 // 1 for the buckets whose values are kept, else 0 (a number: see Tally.AddStrided)
	all    bool    // the pilot has an infinity: every value is kept, in bucket 1
}

// PlanBuckets is the number of buckets between a pilot's minimum and
// maximum: few enough that the counts of twenty tallies stay in a core's
// cache, enough that the buckets kept hold a few per cent of the values.
const PlanBuckets = 1024

// NewPlan returns the plan for percentiles ps (in percent, nondecreasing)
// of a sample of n values, of which pilot holds some (not reordered). width
// is the half-width of each bracket in standard errors of the pilot's
// quantile; 5 is a good choice.
//
// It returns ErrEmpty for an empty pilot or n = 0, ErrNaN for a NaN in the
// pilot, and an error wrapping ErrPercent for bad percentiles.
func NewPlan(pilot []float64, n int, ps []float64, width float64) (*Plan, error) {
	if len(pilot) == 0 || n == 0 {
		return nil, ErrEmpty
	}
	if err := checkPercents(ps); err != nil {
		return nil, err
	}
	if len(pilot) > n {
		return nil, fmt.Errorf("quantile: a pilot of %d values from a sample of %d", len(pilot), n)
	}
	if n > math.MaxInt32 {
		return nil, fmt.Errorf("quantile: a plan counts fewer than 2³¹ values, not %d", n)
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range pilot {
		if v != v {
			return nil, ErrNaN
		}
		// Comparisons, not min and max, which pay for NaN (excluded
		// above) and for ordering −0 before +0 (either bounds the same
		// buckets).
		if v < lo {
			lo = v
		}
		if v > hi {
			hi = v
		}
	}
	p := &Plan{n: n, ps: slices.Clone(ps), lo: lo, hi: hi, nb: PlanBuckets}
	switch {
	case math.IsInf(lo, 0) || math.IsInf(hi, 0):
		// No finite range to bucket: one bucket holding everything, kept.
		p.lo, p.hi, p.nb, p.all = math.Inf(-1), math.Inf(1), 1, true
	case lo == hi:
		// One bucket holding the pilot's value alone: (v − lo)·∞ is NaN
		// there, ±∞ elsewhere (see bucket).
		p.nb, p.scale = 1, math.Inf(1)
	default:
		p.scale = float64(p.nb) / (hi - lo)
	}
	p.keep = make([]uint8, p.nb+2)
	if p.all {
		p.keep[1] = 1
		return p, nil
	}

	// The pilot's counts in the buckets say which bucket holds each of
	// its order statistics: the buckets from that of the lower edge of
	// each bracket to that of its upper edge are kept.
	t := p.NewTally()
	t.Add(pilot)
	cum := make([]int, len(t.counts)+1)
	for k, c := range t.counts {
		cum[k+1] = cum[k] + int(c)
	}
	m := len(pilot)
	for _, q := range ps {
		q /= 100
		se := width * math.Sqrt(float64(m)*q*(1-q))
		a := min(max(int(math.Floor(float64(m)*q-se))-1, 0), m-1)
		b := min(max(int(math.Ceil(float64(m)*q+se))+1, 0), m-1)
		from, to := bucketOf(cum, a), bucketOf(cum, b)
		if a == 0 {
			from = 0 // the bracket reaches the pilot's minimum: below it too
		}
		if b == m-1 {
			to = p.nb + 1
		}
		for k := from; k <= to; k++ {
			p.keep[k] = 1
		}
	}
	return p, nil
}

// bucket returns the bucket of v, not NaN: 1 + ⌊(v − lo)·scale⌋ inside
// the pilot's range, which never decreases as v grows (Tally.Add computes
// it inline).
func (p *Plan) bucket(v float64) int {
	if p.all {
		return 1
	}
	f := (v - p.lo) * p.scale
	switch {
	case f >= 0 && f < float64(p.nb):
		return 1 + int(f)
	case v < p.lo:
		return 0
	case v > p.hi:
		return p.nb + 1
	case f != f: // the pilot's value, when it is constant
		return 1
	}
	return 1 + min(int(f), p.nb-1) // rounding at the maximum
}

// A Tally holds the counts and kept values of the part of a sample it was
// given. A Tally must not be used by two goroutines at once: give each its
// own and Merge them.
type Tally struct {
	p      *Plan
	counts []int32     // per bucket; a tally counts at most 2³¹−1 values
	kept   []float64   // the block being filled
	full   [][]float64 // the blocks filled: kept values are never copied to grow
	nan    bool
	stage  *[stageSize]float64 // where AddStrided writes every value, keeping some
}

// keptBlock is the size of a block of kept values.
const keptBlock = 1 << 14

// keep appends v to the kept values.
func (t *Tally) keep(v float64) {
	if len(t.kept) == cap(t.kept) {
		if len(t.kept) > 0 {
			t.full = append(t.full, t.kept)
		}
		t.kept = make([]float64, 0, keptBlock)
	}
	t.kept = append(t.kept, v)
}

// blocks returns every block of kept values.
func (t *Tally) blocks() [][]float64 {
	if len(t.kept) == 0 {
		return t.full
	}
	return append(t.full[:len(t.full):len(t.full)], t.kept)
}

// NewTally returns an empty tally of the plan.
func (p *Plan) NewTally() *Tally {
	return &Tally{p: p, counts: make([]int32, p.nb+2), stage: new([stageSize]float64)}
}

// Add counts the values xs. It allocates only to grow the kept values.
func (t *Tally) Add(xs []float64) { t.AddStrided(xs, 1) }

// AddStrided counts the values xs[0], xs[stride], xs[2·stride] …: one
// column of a table stored row after row. It allocates only to grow the
// kept values. It panics if stride < 1.
func (t *Tally) AddStrided(xs []float64, stride int) {
	if stride < 1 {
		panic("quantile: AddStrided with a stride below 1")
	}
	p := t.p
	if p.all {
		for i := 0; i < len(xs); i += stride {
			v := xs[i]
			if v != v {
				t.nan = true
				continue
			}
			t.counts[1]++
			t.keep(v)
		}
		return
	}
	// Whether a value is kept is a branch that goes one way for some 8 %
	// of the values, at random, which the processor mispredicts each
	// time. So every value is written to the stage, after the ones kept
	// so far, and the count of those kept grows by 1 or 0: no branch.
	lo, scale := p.lo, p.scale
	counts, keep := t.counts[:p.nb+2], p.keep[:p.nb+2]
	fnb := float64(p.nb)
	for len(xs) > 0 {
		m := min((len(xs)+stride-1)/stride, stageSize)
		stage := t.stage[:m]
		n := 0
		for i := range m {
			v := xs[i*stride]
			f := (v - lo) * scale
			b := 1 + int(f)
			if !(f >= 0 && f < fnb) { // rare: outside the pilot's range, its maximum, NaN
				if v != v {
					t.nan = true
					continue
				}
				b = p.bucket(v)
			}
			counts[b]++
			stage[n] = v
			n += int(keep[b])
		}
		for _, v := range stage[:n] {
			t.keep(v)
		}
		xs = xs[min(m*stride, len(xs)):]
	}
}

// stageSize is the number of values AddStrided counts before it moves
// those kept from the stage to the kept values.
const stageSize = 256

// Merge adds the counts and kept values of u to t.
func (t *Tally) Merge(u *Tally) {
	if u.p != t.p {
		panic("quantile: Merge of tallies of different plans")
	}
	for i, c := range u.counts {
		t.counts[i] += c
	}
	t.full = append(t.blocks(), u.blocks()...)
	t.kept = nil
	t.nan = t.nan || u.nan
}

// ErrCount is returned by Plan.Percentiles when the tally did not count
// as many values as the plan's sample has.
var ErrCount = errors.New("quantile: the tally does not hold the whole sample")

// Percentiles sets dst[i] to the ps[i]-th percentile of the sample whose
// every value t counted (type 7, as Percentiles). When an order statistic
// needed lies in a bucket whose values were not kept, it leaves dst alone
// and returns the plan of another pass over the whole sample, which keeps
// those values too; else next is nil.
//
// s holds working memory, as for Percentiles: reused over the tallies of
// many samples, it saves allocating (and touching new memory) for each.
// It may be nil.
//
// It returns ErrNaN if the sample holds a NaN and ErrCount if t did not
// count n values. It panics if len(dst) differs from the plan's number of
// percentiles.
func (p *Plan) Percentiles(dst []float64, t *Tally, s *Scratch) (next *Plan, err error) {
	if len(dst) != len(p.ps) {
		panic("quantile: len(dst) != the plan's number of percentiles")
	}
	if t.p != p {
		panic("quantile: Percentiles of a tally of another plan")
	}
	if t.nan {
		return nil, ErrNaN
	}
	if s == nil {
		s = new(Scratch)
	}
	cum := grow(&s.counts, len(t.counts)+1) // cum[k]: values in buckets before k
	cum[0] = 0
	for k, c := range t.counts {
		cum[k+1] = cum[k] + int(c)
	}
	if cum[len(t.counts)] != p.n {
		return nil, fmt.Errorf("%w: %d values counted, %d expected", ErrCount, cum[len(t.counts)], p.n)
	}

	// The ranks needed and their buckets.
	type need struct{ r, b int }
	var needs []need
	var missing []int
	for _, q := range p.ps {
		r, f := position(q, p.n)
		rs := []int{r}
		if f != 0 && r+1 < p.n {
			rs = append(rs, r+1)
		}
		for _, rr := range rs {
			b := bucketOf(cum, rr)
			needs = append(needs, need{rr, b})
			if p.keep[b] == 0 && !p.single(b) {
				missing = append(missing, b)
			}
		}
	}
	if len(missing) > 0 {
		q := *p
		q.keep = slices.Clone(p.keep)
		for _, b := range missing {
			q.keep[b] = 1
		}
		return &q, nil
	}

	// The kept values of the buckets that hold a needed rank, in bucket
	// order: a counting sort by bucket. The other kept values (most of
	// them: a bracket spans several buckets) are not copied.
	used := make([]bool, len(t.counts))
	for _, nd := range needs {
		used[nd.b] = true
	}
	start := make([]int, len(t.counts)+1) // start[k]: first copied value of bucket k
	for k, c := range t.counts {
		start[k+1] = start[k]
		if used[k] && p.keep[k] == 1 {
			start[k+1] += int(c)
		}
	}
	vals := grow(&s.vals, start[len(t.counts)])
	fill := slices.Clone(start[:len(t.counts)])
	lo, scale, fnb := p.lo, p.scale, float64(p.nb)
	for _, blk := range t.blocks() {
		for _, v := range blk {
			f := (v - lo) * scale // p.bucket(v), its common case inline
			b := 1 + int(f)
			if !(f >= 0 && f < fnb) {
				b = p.bucket(v)
			}
			if used[b] {
				vals[fill[b]] = v
				fill[b]++
			}
		}
	}
	// x(r): the (r − cum[b])-th smallest kept value of its bucket b. Ranks
	// are selected in increasing order, each in what is left of its bucket.
	order := slices.Clone(needs)
	slices.SortFunc(order, func(a, b need) int { return a.r - b.r })
	at := map[int]float64{}
	from := map[int]int{} // bucket → first unselected position
	for _, nd := range order {
		if _, ok := at[nd.r]; ok {
			continue
		}
		if p.single(nd.b) {
			at[nd.r] = p.lo
			continue
		}
		k := start[nd.b] + nd.r - cum[nd.b]
		lo, ok := from[nd.b]
		if !ok {
			lo = start[nd.b]
		}
		selectRank(vals, lo, start[nd.b+1]-1, k)
		from[nd.b] = k + 1
		at[nd.r] = vals[k]
	}
	for i, q := range p.ps {
		r, f := position(q, p.n)
		a := at[r]
		if f == 0 || r+1 == p.n {
			dst[i] = a
			continue
		}
		dst[i] = lerp(a, at[r+1], f)
	}
	return nil, nil
}

// single reports whether bucket b holds one value only, the pilot's: the
// bucket between the ends of a constant pilot.
func (p *Plan) single(b int) bool { return b == 1 && p.lo == p.hi }

// grow returns (*b)[:n], making *b anew when it is too short.
func grow[T any](b *[]T, n int) []T {
	if cap(*b) < n {
		*b = make([]T, n)
	}
	return (*b)[:n]
}
