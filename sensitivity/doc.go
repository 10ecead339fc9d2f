// Package sensitivity asks which assumption the answer hangs on: it changes
// the model's inputs one or a few at a time (Sweep, Tornado) or draws them
// from distributions (MonteCarlo, Sobol), and reads the outcome through
// package metrics. docs/sensitivity.md describes the commands built on it.
//
// # Parameters and changes
//
// A parameter is addressed by its key path from model.Params, for the
// whole span or one year: "capital.ict_share", "tfp.weight.scale_efficiency",
// "gdp.growth_pct", "gdp.growth_pct[2024]". A [Change] sets it (PATH=V),
// adds to it (PATH+V) or scales it (PATH*V): a model.Target, a path with a
// model.Mode, and a value. A [Range] gives evenly spaced values
// (PATH=LO:HI:N). Values are in the key's units, as in scenario files: a %
// key is added to in percentage points. A change of a whole path applies
// the same value to every year.
//
// How a value changes the inputs is the model's (model.Binding): when a
// factor's share of growth moves, TFP, the residual, absorbs the
// difference; when a TFP dimension weight moves, the other three are
// rescaled in proportion so that the four still sum to 1 (or, with a
// residual weight, model.WeightRule, that one alone takes the change); when a Solow
// input moves, the growth path and split it drives are recomputed. Several
// changes of one parameter compose in the order given. An [Evaluator]
// applies them and runs the model without allocating.
//
// # Uncertainty
//
// Uncertain inputs (package uncertain: one draw from a distribution applied
// to one key path, or to several for a grouped input) are drawn by
// [MonteCarlo], independently or with rank correlations induced by
// Iman–Conover, through their quantile functions on a Sobol design by
// [Sobol] (independent inputs only: the caller refuses correlations), and
// give a tornado diagram's low and high values by [QuantileRange]. The
// engines run any [Model] ([MonteCarloOf], [SobolOf]); [NewInputsModel] is the
// growth-accounting model with uncertain inputs.
//
// # Determinism and speed
//
// Work is split into fixed chunks of [ChunkSize] draws or design rows. In
// MonteCarlo, chunk c draws from a math/rand/v2 PCG generator seeded with
// (seed, c); every draw lands in a fixed slot. The output is therefore the
// same for a seed whatever the number of goroutines or how the scheduler
// interleaves them. Each worker has its own clone of the inputs and its own
// results, so the evaluation loop allocates nothing. Percentiles are exact
// order statistics, Hyndman–Fan type 7 ([Summarize]); runs of many draws
// stream them (quantile.Plan) instead of keeping every value.
package sensitivity
