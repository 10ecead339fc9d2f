// Package tomlfile reads TOML files strictly, for the readers of the
// project's file formats (scenarios, calibration specs): decoding that
// survives a decoder panic, positions of keys, typed errors that say where
// (file:line:col and key path) and what is wrong, suggestions for a
// misspelt key, and the rules shared by every format for finding a file
// (a path or an embedded name) and naming it.
//
// Conventions:
//
//   - Files are read with package internal/input (regular files only, of a
//     bounded size, never blocking on a pipe), and [File.Decode] refuses a
//     file nested deeper than [MaxDepth] or holding more than [MaxKeys]
//     keys before the decoder sees it ([File.CheckShape], one pass): the
//     decoder's time and memory grow faster than the file on deep nesting.
//   - Files are decoded with github.com/BurntSushi/toml into a generic table
//     (map[string]any) once; a fixed-shape table is then read into a struct
//     with [Fields], which matches keys to the fields' toml tags exactly:
//     keys are case-sensitive (BurntSushi's own struct decoding folds case),
//     and a wrong type is left for the reader to report in its own words,
//     together with every other problem, rather than stopping the decoding.
//   - Numbers are int64 or float64 as decoded; [Number] accepts either. NaN
//     and infinities decode without complaint: readers check them.
//   - Lines and columns are 1-based; 0 means unknown. The decoder gives
//     positions only for syntax errors, so [File.Locate] finds keys itself,
//     from an index of the file built in one pass on first use: reporting
//     many errors costs one scan of the file, not one per error.
//   - ParseError.ErrorWithPosition is never called (it has panicked on CRLF
//     input); errors are built from ParseError's fields.
//   - An [Error] may name the one year it concerns; [Errors.MergeYears]
//     reports the same problem of several years at one place once, naming
//     the years ("in years 2019–2024"). Suggestions come from package
//     internal/suggest, the project's one did-you-mean.
package tomlfile
