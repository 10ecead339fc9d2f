// Package metrics names the outputs of a model run so that specs and tools
// can refer to them in text: the calibration targets, the sensitivity
// outputs, the checks of a test.
//
// A metric is either a per-year value written NAME[YEAR], where NAME is a
// column of results.csv (ii_increment_yi[2019], ii_share_pct[2024],
// gdp_yi[2020], …), or a period total written NAME alone, where NAME is a
// field of summary.json's totals (ii_total_yi, period_ii_share_pct, …).
// The units are those of the names: _yi 亿元 (10^8 yuan, constant base-year
// prices), _pct percent, _pp percentage points.
//
// [Parse] reads a metric's name; [Metric.Value] reads it from
// *model.Results and allocates nothing, so that it can sit inside an
// optimiser's objective.
package metrics
