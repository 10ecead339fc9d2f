// Package cii is the industrial-internet index engine: the China Industrial
// Internet Index (中国产业互联网发展指数, CII) of the iResearch × Tsinghua
// report of July 2020 (§2.2–2.3, chapter 3, §4.1), and any index built the
// same way. It knows no files: package indexes reads index files into an
// [Index].
//
// # The index
//
// An industry is decomposed into stages (流程), each weighted by the value
// it creates and its importance; a stage may have sub-stages, weighted
// within it. Each stage (or sub-stage) has the industrial internet's
// penetration (渗透率): the share of it that the connection-based modes
// reach. The industry's index is
//
//	CII_i = Σ_j w_j·p_j,    p_j = Σ_k v_jk·p_jk for a stage with sub-stages,
//
// with the weights w (v) fractions of the parent that sum to 1 and the
// penetrations p in percent, so that CII_i is in points: +1 point is 1 % more
// of the industry using the modes (§2.3). The overall figure is the
// arithmetic mean of the industries (the report's 17.09), or, as an option,
// their mean weighted by value added ([Aggregate]). [Index.Evaluate]
// computes the scores, the aggregates and the ranks, allocating nothing.
//
// # Sources, constraints, reconstruction
//
// Every value carries its [Source]: the report's text, a chart, the
// reconstruction, or an assumption. The report's text gives only a few
// stage values and a set of relations ([Constraint]: bounds, orderings, a
// group's mean, a stage high or low against the industry's index, the
// weight of a group of stages). [Index.Feasible] computes, by linear
// programmes (gonum's simplex), the interval of each penetration that the
// constraints and the published index leave open with the weights held.
// [Reconstruct] chooses the values the text does not give by a stated
// principle — the values that reproduce the published index exactly and
// satisfy every constraint, as close as possible to equal weights and to
// the middle of what the text allows — solved as a convex quadratic
// programme by an active-set method; docs/cii.md gives the formulation.
//
// # Key paths
//
// Every weight and leaf penetration is addressable by a key path,
// index.INDUSTRY.STAGE[.SUB].weight or ….penetration_pct ([Lookup], [Ref]),
// in its unit (a fraction, percent). Setting one weight rescales its
// siblings in proportion so that they still sum to 1, the rule of the TFP
// weights of package model. [Bind] applies values to a list of targets
// again and again from a base without allocating, and [Metric] reads an
// industry's index or rank, the mean or the value-added mean from a
// [Result]: the pieces a sensitivity analysis of the index needs.
// [RankIntervals] summarises ranks over many draws (median, 5–95 %).
//
// # Sensitivity
//
// [SweepIndex], [Tornado], [MonteCarlo] and [Sobol] are the engine of
// simulate sweep, tornado, mc and sobol on an index: they take targets
// (index key paths with a mode, [ParseRange] reads --param) or uncertain
// inputs of package uncertain, apply them through a [Binding] and read
// [Metric]s. Every point is checked by [Index.CheckDomain] (weights in
// [0, 1], penetrations in [0, 100] %), not by the constraints of the text.
// Draws and Sobol rows run in chunks of [ChunkSize] on all cores into fixed
// slots, seeded per chunk as package sensitivity does, so a seed gives the
// same result on any number of cores; the evaluation loop allocates nothing.
//
// Units: weights are fractions, penetrations and bounds percent, indices
// points (0–100).
package cii
