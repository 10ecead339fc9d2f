// Package histplot draws stacked growth-contribution charts with gonum/plot:
// the growth accounting of observed years (package history) and, after it,
// a scenario's projection (package model), with the GDP growth of each year
// as a dot.
//
// Conventions:
//
//   - One bar per year, its parts the contributions of labour, capital and
//     TFP. Positive parts stack up from 0 and negative parts down from 0,
//     separately, so a bar's extent above 0 is the sum of its positive parts
//     and below 0 the sum of its negative ones; the dot marks their total,
//     the growth rate.
//   - History is in log points (100 × log difference), a projection in
//     percent of simple growth and percentage points; the charts say so in
//     their axis label and at the boundary between the two.
//   - A Chart is a plot with its legend beside it (outside the data area) and
//     a source line below it. Rendering is separate: Chart.PNG, Chart.SVG.
//
// The package stands apart from plots/ only to keep branches apart; it is
// meant to be folded into it.
package histplot
