// Package results turns model results into what people read and other tools
// load: the per-year CSV table, the JSON summary with the resolved inputs and
// their hash, and the text table printed by `simulate run`.
//
// Units are in every column name: _yi for 亿元 (10^8 yuan, constant
// base-year prices), _pct for percent, _pp for percentage points. Numbers in
// files are written at full precision (the shortest decimal that reads back
// as the same float64), without exponent or thousands separators; the text
// table is rounded for reading.
package results
