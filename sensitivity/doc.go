// Package sensitivity asks which assumption the answer hangs on: it changes
// the model's inputs one or a few at a time (sweeps and tornado diagrams)
// or draws them from distributions (Monte Carlo and Sobol indices), and
// reads the outcome through package metrics.
//
// # Parameters and changes
//
// A parameter is addressed by its key path from model.Params, for the whole
// span or one year: "capital.ict_share", "tfp.weight.scale_efficiency",
// "gdp.growth_pct", "gdp.growth_pct[2024]". A change sets it (PATH=V), adds
// to it (PATH+V, in the key's units: percentage points for a % key) or
// scales it (PATH*V). A change of a whole path applies the same value to
// every year. Values are in the key's units, as in scenario files.
//
// Changes keep the model's constraints. When a factor's share of growth
// moves, TFP, the residual, absorbs the difference; when a TFP dimension
// weight moves, the other three are rescaled in proportion so that the four
// still sum to 1 (model.Ref.Set). Several changes of one parameter compose
// in the order given.
//
// # Determinism and speed
//
// Random draws come from math/rand/v2 PCG generators, one per fixed chunk
// of draws, seeded with (seed, chunk index); every draw lands in a fixed
// slot. The output is therefore the same for a seed whatever the number of
// goroutines or how the scheduler interleaves them. The evaluation loop
// allocates nothing: each worker has its own clone of the inputs and its
// own results.
package sensitivity
