// Package quantile computes exact percentiles (order statistics) and means of
// large samples without a full sort.
//
// Percentiles are given in percent, 0 ≤ p ≤ 100. The definition is Hyndman
// and Fan (1996) type 7, the default of R's quantile and of numpy.percentile
// ("linear"): for a sample of size n with order statistics
// x(0) ≤ … ≤ x(n−1) (0-based), let h = (n−1)·p/100, r = ⌊h⌋ and f = h − r;
// then
//
//	Q(p) = x(r) + f·(x(r+1) − x(r)),
//
// and Q(p) = x(r) when f = 0, so Q(0) is the minimum and Q(100) the maximum.
// h is computed as float64(n−1)·p/100: when (n−1)·p is a multiple of 100 it
// lands exactly on an order statistic. Interpolation towards an infinite order
// statistic gives that infinity. A NaN in the sample is an error (ErrNaN):
// order statistics are undefined.
//
// # Algorithms
//
// Percentiles finds the order statistics it needs in one of two ways, which
// give the same numbers:
//
//   - Bucketing, for samples of at least 32768 finite values: one pass
//     finds the range and counts the sample in 4096 equal-width buckets.
//     The bucket of a value, ⌊(v − min)·B/(max − min)⌋, never decreases as v
//     grows, so every value of a bucket is ≤ every value of the next one,
//     and the cumulative counts say which bucket holds x(r) and at what
//     rank. A second pass copies out the values of those few buckets, which
//     are sorted to read x(r) and x(r+1). The sample is not reordered.
//   - Selection (introselect with Hoare partitioning, several percentiles
//     selected middle first, O(n log q) for q percentiles) for small
//     samples, samples holding an infinity, more than eight percentiles,
//     and samples where a needed bucket holds more than a sixteenth of the
//     values (a distribution concentrated in a corner of its range). It
//     reorders the sample.
//
// A [Scratch] carries the working memory of bucketing from call to call, so
// that repeated calls allocate nothing.
//
// Reference: R. J. Hyndman and Y. Fan (1996), "Sample quantiles in
// statistical packages", The American Statistician 50(4), 361–365.
package quantile
