// Package scenarios reads scenario files: TOML files that give the model's
// inputs for a span of years, with their sources, and that the simulate
// command runs. The shipped scenarios (report2020, its hindcast
// actual2019-2024, the supply-side solow-china and solow-china-ict) are
// embedded; [Open] loads a file or an embedded scenario by name, [Parse] a
// source held in memory.
//
// # The format
//
// A scenario is a TOML table. Units are in the key names: _pct percent, _pp
// percentage points, _yi 亿元 (10^8 yuan at constant base-year prices),
// _share a fraction in [0, 1]. The keys are:
//
//   - name (default: the file name without .toml; it names the output
//     folder, see [CheckName]), title, description;
//   - mode: "decomposition" (default: growth and its split are given) or
//     "solow" (growth is projected from the solow.* keys; see
//     docs/history.md);
//   - extends: an embedded scenario's name, or a file (a value ending in
//     .toml or containing a path separator, relative to this file); every key
//     this file gives overrides the one it extends (see Extending below);
//   - published: the calibration spec that holds the figures a source
//     published for this scenario (an embedded spec's name, or a file as for
//     extends); the simulate command marks them on the scenario's charts.
//     The figures are kept once, in the spec, with their printed precision;
//   - [span] base_year and last_year: the year whose GDP level is given, and
//     the last year projected (1 to model.MaxYears after it);
//   - the model's parameters, by key path (gdp.base_yi, gdp.growth_pct,
//     capital.ict_share, tfp.weight.technical_progress, …): every key of
//     model.Params, with its unit, default and allowed range;
//   - tfp.share_pct and tfp.contribution_pp: stated figures that are only
//     checked against the residual TFP takes (to ±[ShareSumTolerance]);
//   - [history] and [reference]: observed years (Penn World Table) and a
//     published split of one year, drawn before the projection
//     (docs/history.md);
//   - [uncertainty]: a distribution for any parameter, for the sensitivity
//     tools (docs/sensitivity.md).
//
// A per-year value is one number for every year, a table of years that
// gives every projected year ({ 2019 = 6.3, 2020 = 6.1, … }), or a linear
// path ({ linear = { 2019 = 6.3, 2024 = 5.5 } }: linear between the given
// years, flat before the first and after the last). Projected years are
// base_year+1 … last_year.
//
// Each year's growth is split between labour, capital and TFP in exactly one
// of three forms: shares of growth (labor.share_pct, capital.share_pct),
// contributions (labor.contribution_pp, capital.contribution_pp) or the
// production function (labor.growth_pct, capital.growth_pct,
// capital.income_share). TFP is the residual in every form.
//
// name and published are never inherited through extends: a scenario that
// extends the report's baseline is not drawn against the report's figures.
//
// # Extending
//
// The files of a chain of extends have a depth: 0 for the file loaded, 1
// for the one it extends, and so on; where two give a value, the nearer
// one wins. In a file that extends another:
//
//   - a table of years may give some years only: the others are those of
//     the value it overrides, or the default when the scenario extended
//     does not give the key (in a file that extends nothing a missing year
//     is an error). A table written for another span (in a file further up
//     than the span) may hold years outside it, which are ignored; the
//     years it lacks are an error placed at the nearer file's span;
//   - a year's factor split is taken in the form of the nearest file that
//     gives it, so giving contributions replaces inherited shares;
//   - a stated tfp.share_pct or tfp.contribution_pp inherited from a file
//     further up than the split (or, for a contribution, the growth) of a
//     year is not checked that year: it was a statement about the other
//     split. [Scenario.Notes] says so, as it notes an inherited
//     [uncertainty] entry that draws, in set mode, a value the nearer file
//     changes;
//   - a problem of values given by several files (the shares' sum, the
//     weights' sum) is placed at the nearest of them.
//
// Loading goes on after a problem whenever later checks can still be made:
// a key given with an unreadable value (a wrong type, or an unknown key
// that is a misspelling of it) is left out and the checks that depend on
// it are skipped, so that one run reports unknown keys, wrong types and
// out-of-range values together. The same problem of several years at one
// place is reported once, naming the years ([tomlfile.Errors.MergeYears]).
//
// [Copy] gives an embedded scenario's text to save under another name
// (without its name line), [Template] the text of a new file that extends
// a scenario and lists every key it can override, commented out with its
// value, unit and source.
//
// # Errors
//
// Loading is strict: unknown keys (with a suggestion; keys are
// case-sensitive), wrong types, nan and inf, values outside their range,
// years outside the span, splits that do not add up, missing keys, cycles of
// extends. Every problem found is reported at once, as [Errors]: one
// [Error] per problem with the file, line and column, the key path and what
// is allowed. Nothing is run from a scenario that does not load.
package scenarios
