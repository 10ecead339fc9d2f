// Package uncertain describes uncertain inputs of the model: a [Distribution]
// (uniform, triangular, normal, truncated normal, (truncated) lognormal or
// scaled beta, built on gonum's stat/distuv) and an [Input]: one draw from
// a distribution applied in a mode (set, add, scale) to one key path, or,
// for a grouped input with a name of its own, to several ([NewGroup]).
// [Steps] gives the order in which the keys of a list of inputs apply.
// [CheckSupport] refuses a list of inputs whose draws could leave a
// parameter's domain. A [Correlation] is a target Spearman rank correlation
// between two inputs; [CheckCorrelations] checks a list of them (positive
// definiteness, naming the pair that breaks it) and [ImanConover] induces
// them in a sample by reordering it, every marginal kept exactly.
//
// Scenario files give uncertain inputs in their [uncertainty] table
// (package scenarios); package sensitivity draws them (Monte Carlo, Sobol
// indices) and takes their quantiles (tornado diagrams).
//
// # Conventions
//
// Values are in the units of the parameter's key, as in scenario files
// (percent for a _pct key, a fraction for a share), or a factor when the
// input's mode is model.Scale. Family names and parameter names are
// spelled as the uncertainty table writes them: "triangular", "min",
// "mode", "max", ….
//
// Draws come from an explicit math/rand/v2 source and allocate nothing.
package uncertain
