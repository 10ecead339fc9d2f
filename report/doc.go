// Package report writes the HTML report of simulate: one self-contained
// file that a user can pass on, open in any browser without a network,
// and print to PDF.
//
// A report holds, for one scenario or several: the scenarios with their
// titles and sources; the headline numbers (Σ II over the span, the
// period's II share of growth and the last year's II increment); the
// report's figure and every chart of the run as inline SVG (text stays
// text, drawn by the reader's fonts); the results table; the model
// against the published figures, each difference against the printed
// precision; every input with its unit, value, source comment and the
// scenario it is inherited from; the method (MODEL.md §2) in a few
// equations in plain HTML; for several scenarios the comparison charts
// and a table of totals with their periods and price bases; and at the
// foot the command line, the version and each scenario's inputs hash, so
// that it can be rerun.
//
// The page has no scripts, no external fonts, style sheets or images: its
// CSS is inline, its charts are inline SVG, and its font stack names
// common CJK fonts for the Chinese text (--lang zh). A print style sheet
// keeps charts and tables whole across pages.
//
// Labels and units of the tables come from the one output table (package
// metrics) and the one parameter table (model.Params); the page's own
// headings are in [text], in English and Chinese.
package report
