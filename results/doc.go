// Package results lays out every file a run writes, and the table
// `simulate run` prints: what people read and other tools load. The
// commands in cmd/simulate compute, then hand what they computed to a
// Write function here. Charts are drawn by package plots.
//
// # Columns
//
// The outputs of a model run are not listed here but in one table in
// package metrics: [metrics.Columns] (per year) and [metrics.Totals]
// (period totals) give each output's name, unit, doc, short header and
// decimals in the printed table, and how its value is read. results.csv,
// the printed table, summary.json's totals and compare.csv are written
// from that table, and its names are the metrics of --metric and of
// calibration targets. A new column is one row there.
//
// Units are in every name: _yi for 亿元 (10^8 yuan, constant base-year
// prices), _pct for percent, _pp for percentage points. Files are CSV
// with a header row, as encoding/csv writes it, unless said otherwise.
// Numbers in files are written by [Format] at full precision (the
// shortest decimal that reads back as the same float64), without exponent
// or thousands separators, unless said otherwise; the printed table is
// rounded for reading. results.csv and summary.json's inputs write a value
// in % or pp as the shortest decimal that converts back to the model's
// fraction (metrics.Column.FileValue, model.Param.KeyValue), so that an
// input echoed reads exactly as typed (3.7, not 3.7000000000000006).
//
// # Files
//
// Each command writes into DIR/<scenario>/ (sweep into
// DIR/<scenario>/sweep-<param>[-<param>]-<metric>/, tornado into
// DIR/<scenario>/tornado-<metric>/); compare into DIR/compare-A-B[-…]/ (or
// DIR/NAME/ with --name), history into DIR/history-<ISO>/ (and, for several
// countries, DIR/history-compare-<ISO-…>/). Every folder written also holds
// manifest.json (package output).
//
//   - results.csv, simulate run, [WriteCSV]: a row per year; the columns
//     are year, then every per-year column of metrics.Columns in order:
//     gdp_yi, growth_pct, delta_gdp_yi, labor_pp, capital_pp, tfp_pp,
//     labor_share_pct, capital_share_pct, tfp_share_pct, ii_share_pct,
//     ii_labor_yi, ii_capital_yi, ii_tfp_tp_yi, ii_tfp_te_yi, ii_tfp_se_yi,
//     ii_tfp_ae_yi, ii_increment_yi, ii_cumulative_yi.
//   - summary.json, simulate run, [WriteJSON]: JSON of a [Summary]:
//     scenario, title, source, extends, base_year, last_year, inputs (every
//     key path in its units, [ResolvedInputs]), inputs_sha256
//     ([InputsHash]), totals ([Totals]: every row of metrics.Totals in
//     order — ii_total_yi, delta_gdp_total_yi, period_ii_share_pct,
//     ii_by_channel_yi with a number per channel, gdp_last_yi — then
//     years), generated_by.
//   - compare.csv, simulate compare, [WriteCompareCSV]: long format, a row
//     per scenario, year and metric; the columns are scenario, year,
//     metric, value. The metrics are growth_pct, delta_gdp_yi,
//     ii_increment_yi, ii_share_pct, ii_cumulative_yi and, for a scenario
//     after the first at the first's price base (its base year), in the
//     years they share, ii_increment_diff_yi ([CompareIIDiff]). Values are
//     rounded to 6 decimals.
//   - percentiles.csv, simulate mc, [WritePercentilesCSV]: a row per metric
//     recorded; the columns are metric, year (empty for a period total),
//     mean, p5, p25, p50, p75, p95.
//   - draws.csv, simulate mc --keep-draws, [WriteDrawsCSV]: a row per draw;
//     the columns are draw (from 0), the value drawn for each uncertain
//     input under its label (a shift for P+, a factor for P*), then
//     ii_total_yi, period_ii_share_pct and the --metric.
//   - tornado.csv, simulate tornado, [WriteTornadoCSV]: a row per input,
//     largest swing first; the columns are param, low_value, high_value,
//     metric_low, metric_high, swing.
//   - sobol.csv, simulate sobol, [WriteSobolCSV]: a row per metric and
//     input; the columns are metric, year (of a per-year metric, empty for
//     a period total), param, s1, s1_lo, s1_hi, st, st_lo, st_hi (the
//     first-order and total indices with their intervals).
//   - sweep.csv, simulate sweep, [WriteSweepCSV]: a row per point, the
//     first range outer; the columns are each range (P, or P+ for add, P*
//     for scale), then the metric as written (NAME or NAME[YEAR]).
//   - history.csv, simulate history, [WriteHistoryCSV]: a row per year;
//     the columns are [HistoryColumns]: year, gdp_growth_pct, capital_pp,
//     labor_pp, tfp_pp (log points, 100 × Δln, so that they add up
//     exactly), labor_share (a fraction), then labor_hours_pp and
//     labor_quality_pp (which add up to labor_pp), labor_measure (hours-hc,
//     persons-hc or persons), gdp_per_capita_growth_pct (empty without
//     pop) and gdp_per_worker_growth_pct.
//   - history_periods.csv, simulate history --periods, in each country's
//     folder and (several countries) the comparison's,
//     [WriteHistoryPeriodsCSV]: a row per country and period; the columns
//     are [HistoryPeriodColumns]: the means in log points a year and the
//     shares of growth in percent.
//   - history_compare.csv, simulate history with several countries, in
//     DIR/history-compare-<ISO-…>/, [WriteHistoryCompareCSV] (read back by
//     [ReadHistoryCompareCSV]): long format, a row per country, year and
//     variable ([HistoryVariables]); the columns are country, year,
//     variable, value.
//   - official_growth.csv, simulate history --country CHN,
//     [WriteOfficialCSV]: a row per year with both PWT and official (NBS)
//     growth; the columns are [OfficialColumns].
//
// [WriteTable] prints a run for reading: the year and each column of
// metrics.Columns that has a short header, rounded to its decimals, then a
// line with each total of metrics.Totals that has one. [WriteColumns]
// aligns such tables, counting a Chinese character as two columns.
//
// Not here: the calibrated scenario and NAME.fit.csv of simulate calibrate,
// written by package calibrate (Fit.WriteScenario, Fit.WriteCSV) with
// [Format]; and the charts, drawn by package plots.
package results
