// Package workbench is the local web page of `simulate serve`: an economist
// chooses a scenario, moves a coefficient and watches the projection change.
//
// The page (HTML, CSS and script, embedded; no CDN, no external fonts) is
// built on a small JSON API, which is a contract for scripts and tests:
//
//	GET  /api/scenarios              the scenarios and every parameter with its label, unit, domain, source and values
//	POST /api/run                    {"scenario": "report2020", "changes": ["capital.ict_share=0.2", "gdp.growth_pct[2024]+0.5"]}
//	                                 → {"rows": [results.csv columns by name], "totals": {…}, …}
//	POST /api/chart/<chart>.svg      the same body → one chart of `simulate run` (ii_increment, decomposition, ii_channels, ii_cumulative)
//	POST /api/toml                   the same body → a scenario TOML that extends the scenario and holds only the changed keys
//	POST /api/compare                {"states": [{"name": …, "scenario": …, "changes": […]}, …]} (2 to 6) → comparison charts and totals
//	POST /api/workbook, /api/report  a state or a comparison → the .xlsx workbook or the HTML report
//	POST /api/save                   {"kind": "toml"|"xlsx"|"html", …} → the file written inside the output folder
//
// Changes are written as `simulate sweep --param` writes them, without a
// range: PATH=V sets, PATH+V adds, PATH*V scales (sensitivity.ParseChange).
// A state is evaluated by writing its scenario TOML and loading it as
// `simulate run` loads a file, so that the page's numbers are those of
// `simulate run` on the saved file, to the last digit, and a value out of its
// domain is refused with the scenario loader's message.
//
// Bad input (malformed JSON, an unknown scenario or key, a value out of its
// domain, a body over MaxBody, more than MaxChanges changes) is answered 400
// with the message the command line gives; the server keeps serving. Request
// bodies, change lists and the time of a request are bounded, and at most
// MaxConcurrent evaluations run at once, which bounds memory.
package workbench
