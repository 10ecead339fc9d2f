// Package quantile computes exact percentiles (order statistics) and means of
// large samples, using selection instead of a full sort.
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
// Selection reorders the slice it works on. Percentiles works in place;
// PercentilesCopy copies into a caller's scratch buffer first. Neither
// allocates.
//
// Reference: R. J. Hyndman and Y. Fan (1996), "Sample quantiles in
// statistical packages", The American Statistician 50(4), 361–365.
package quantile
