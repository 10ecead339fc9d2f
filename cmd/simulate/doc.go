// Command simulate runs the growth-accounting model: it decomposes GDP growth
// into labour, capital and TFP and attributes a part of it to the industrial
// internet, for scenarios written in TOML. Run `simulate -h` for the
// subcommands.
//
// The command only wires the packages together: a subcommand reads its
// flags, loads scenarios (package scenarios) or a calibration spec (package
// calibrate), computes (model, sensitivity, calibrate, history), lays the
// results out as files (results) and charts (plots), and writes every file
// of the run at once through an output.Batch, so that a failed or
// interrupted run leaves the earlier outputs whole. Every command commits
// its batch with commit (outputs.go), which stamps it: each folder written
// gets a manifest.json recording, for each file, the command line, the
// inputs_sha256 of the scenarios it came from (addInputs), the version and
// the time. Charts are added with addCharts, which names a Chinese chart
// NAME.zh.EXT; a command whose chart flags allow it (withWorkbook) writes an
// Excel workbook (package workbook) with --format …,xlsx, through
// addWorkbook (workbook.go); report.go writes the HTML report (package
// report); serve.go starts the workbench (package workbench), a local web
// page on the same model. Each subcommand is one file that registers itself (run.go,
// compare.go, mc.go, …); cli.go holds the flag handling shared by all and
// the mapping of errors to exit codes: 0 ok, 1 failure, 2 bad usage or
// invalid input. An error is printed "simulate COMMAND: …"; a usage error
// (usagef, or a flag the flag package refuses) is followed by a line
// pointing to the command's -h. Names the user misspells (commands, flags,
// keys, parameters, metrics) get the nearest one from internal/suggest.
// Numbers printed for people are rounded by numbers.go; files keep full
// precision.
package main
