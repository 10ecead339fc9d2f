// Package metrics holds the one table of a model run's outputs and names
// them, so that files, the printed table, specs and tools refer to them
// the same way: results.csv's columns, summary.json's totals, the
// calibration targets, the sensitivity outputs, the checks of a test.
//
// # The table
//
// [Columns] lists the per-year outputs in the order of results.csv's
// columns, [Totals] the period totals in the order of summary.json's
// totals. Each row, a [Column], gives the output's name, unit and doc, its
// short header and decimals in the table `simulate run` prints, and how
// its value is read from a model.Year (a per-year column) or a
// model.Results (a period total). Package results writes results.csv, the
// printed table, summary.json's totals and compare.csv from the table, and
// [Parse] and [Names] read it. A new output — a column, the column of a
// new channel, a period total — is one row here and nothing else outside
// package model (a field of model.Year that no row read before also needs
// its case in the switch that reads per-year values).
//
// Units are those of the names: _yi 亿元 (10^8 yuan, constant base-year
// prices), _pct percent, _pp percentage points. A row's value is in that
// unit: the model's fractions are multiplied by 100.
//
// # Metrics
//
// A metric is either a per-year value written NAME[YEAR], where NAME is a
// row of Columns (ii_increment_yi[2019], ii_share_pct[2024], gdp_yi[2020],
// …), or a period total written NAME alone, where NAME is a row of Totals
// (ii_total_yi, period_ii_share_pct, …; not ii_by_channel_yi, which has a
// number per channel).
//
// [Parse] reads a metric's name; [Metric.Value] reads it from
// *model.Results and allocates nothing, so that it can sit inside an
// optimiser's objective or a Monte Carlo draw.
//
// Every column and total has a human label in English and Chinese (Column
// fields LabelEN and LabelZH): [Column.Label], [Metric.Label] (with the
// year of a per-year metric), [Metric.LabelOver] (a total with its span,
// "Total II GDP increment, 2019–2024") and the units in words,
// [Column.UnitLabel] and [Metric.UnitLabel].
package metrics
