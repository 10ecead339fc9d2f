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
//     this file gives overrides the one it extends, a per-year value whole;
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
// # Errors
//
// Loading is strict: unknown keys (with a suggestion; keys are
// case-sensitive), wrong types, nan and inf, values outside their range,
// years outside the span, splits that do not add up, missing keys, cycles of
// extends. Every problem found is reported at once, as [Errors]: one
// [Error] per problem with the file, line and column, the key path and what
// is allowed. Nothing is run from a scenario that does not load.
package scenarios
