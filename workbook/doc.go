// Package workbook writes the results of simulate as an Excel workbook
// (.xlsx, with github.com/xuri/excelize/v2): the tables of results.csv,
// the totals, the inputs with their sources and the published figures as
// sheets, with numbers as numbers in a number format per unit, and the
// report's charts as native Excel charts (not pictures) that read the
// sheets, so that a user restyles them in Excel.
//
// A workbook is built in memory from the same values the CSV writers of
// package results write ([Run], [Compare], and the sheets of the
// sensitivity and index commands added with [Book.Percentiles],
// [Book.Sobol], [Book.Tornado] and [Book.Index]), and
// returned as bytes by [Book.Bytes] for the caller to write with its other
// outputs (package output). The same inputs give the same bytes: the
// workbook's document properties carry a fixed time ([Stamp]), and the
// zip entries no time at all.
//
// Units follow package metrics: a column's name ends in its unit (_yi 亿元,
// _pct percent, _pp percentage points); 亿元 show one decimal with
// thousands separators, percent and pp two, fractions four, in Excel's
// number formats only: the cells hold the values at full precision.
package workbook
