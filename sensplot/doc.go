// Package sensplot draws the charts of the sensitivity and uncertainty
// commands with gonum/plot: a sweep's line chart or heat map with a colour
// bar, a tornado diagram, Monte Carlo fan charts and Sobol index bars.
// Each chart is one function that takes results and labels and returns a
// drawable; Render turns a drawable into PNG, SVG or PDF bytes.
//
// Labels are given by the caller in the units of the data (the package
// converts nothing). The default gonum/plot fonts have no CJK glyphs, so
// labels should spell 亿元 as "100 million yuan" (see Unit).
package sensplot
