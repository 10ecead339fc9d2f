// Package model is the growth-accounting model of the simulator: it splits
// real GDP growth into the contributions of labour (L), capital (K) and total
// factor productivity (TFP, A), and attributes a part of each to the
// industrial internet (II), as in section 1.2 of the iResearch × Tsinghua
// report "China Industrial Internet Development Index 2019–2020" (July 2020).
//
// # Equations
//
// For each projected year t = b+1 … b+n after the base year b:
//
//	ΔY_t = Y_{t−1}·g_t,  Y_t = Y_{t−1} + ΔY_t          (Y_b given)
//	c_L,t + c_K,t + c_A,t = g_t                          (contributions)
//	σ_X,t = c_X,t / g_t                                  (shares of growth)
//	II_t  = Y_{t−1}·( λ_t·c_L,t                          labour channel
//	                + φ_t·π_t·c_K,t                      capital channel
//	                + c_A,t·Σ_d w_d·θ_d,t )              TFP channels d = TP, TE, SE, AE
//	s_t   = II_t / ΔY_t                                  II share of growth
//
// The II increment is computed from contributions, not as s_t·ΔY_t: the two
// are equal whenever g_t ≠ 0 (σ_X·ΔY = c_X·Y_{t−1}), but the contribution
// form stays defined in a year of zero growth. In such a year the shares of
// growth and s_t are reported as 0.
//
// # The factor split
//
// A year's split of growth between the factors is given in one of three
// forms (see [SplitForm]): as shares of growth, as contributions, or as a
// production function (factor growth rates and capital's income share α,
// with c_K = α·g_K and c_L = (1−α)·g_L). In every form TFP is the residual,
// c_A = g − c_L − c_K, so the contributions add up to growth by construction
// and, when an input is perturbed, TFP is the factor that absorbs the change.
//
// # The supply side (Solow)
//
// Inputs may carry a [Solow] part (Inputs.Solow). Growth, the factor split
// (in the Production form) and, when capital is split into ICT and non-ICT
// stocks, φ are then computed from capital accumulation, TFP and labour by
// [FillInputs], and the decomposition and attribution run on them
// unchanged. The Solow inputs are addressable like every other input (keys
// solow.*, flagged Solow in [Params]); setting one through a [Ref]
// recomputes the derived inputs, which are themselves no longer
// addressable ([Param.Derived]).
//
// # θ from the industrial-internet index
//
// Inputs may carry an [IndexLink] (Inputs.Index): θ of every TFP dimension
// then follows a path of the industrial-internet index I_t (points),
// θ_d,t = κ_d·I_t/100, as the report's appendix calls θ the influence
// coefficients of the degree of industrial internet. κ and I are
// addressable (keys cii.kappa.*, cii.index_pts); θ is derived
// ([FillIndex]) and no longer addressable.
//
// # Conventions
//
// Inside this package every rate and share is a fraction (0.063, not 6.3 %)
// and every level is in 亿元 (10^8 yuan) at constant base-year prices. Growth
// rates are simple (not log) annual rates. The scenario files use percent
// and percentage points where their key names say so (_pct, _pp); the
// parameter table of this package ([Params]) records the unit and scale of
// every addressable input ([Param.ToModel], [Param.FromModel]), so that the
// same key paths serve the scenario loader, the output files and the
// sensitivity tools.
//
// # Changing inputs
//
// Every rule of how a value changes an input lives here. [Lookup] resolves
// a key path ("capital.ict_share", "gdp.growth_pct[2024]") to a [Ref],
// which reads and writes in key units; an error is a *[PathError] that
// carries the path. A [Target] is a path with a [Mode] (set, add or
// scale). However a value is applied, TFP stays the residual of the factor
// split, setting one TFP weight changes the others so that they still sum
// to 1 (in proportion, or only a residual dimension: [WeightRule]), and changing a Solow input recomputes what the Solow model derives.
// [Bind] ties a list of targets to a working copy of some inputs, to apply
// values to them again and again from the base without allocating: the
// inner loop of the sensitivity tools.
//
// Every parameter has a human label, in English and Chinese (Param fields
// LabelEN, LabelZH and Symbol), for charts, workbooks and pages: a key path
// is what a user types, a label what a reader sees. [Param.Label] and
// [Param.LabelSymbol] give it in a language ("en" or "zh"),
// [Param.UnitLabel] and [UnitLabel] the unit in words ("100 million yuan",
// "百分点"), and [Target.HumanLabel] and [Target.Unit] a change target
// ("GDP growth, shift" in pp). English labels keep to Windows-1252, which
// English PDF charts can draw.
//
// Evaluation allocates nothing once the destination has room for the span:
// see [Evaluate].
//
// # Results that are not finite
//
// For inputs that pass [Inputs.Check] every result is finite ([MinGrowth],
// [MaxYears] and the domains of [Params] see to it). Should a result be NaN
// or infinite nonetheless, [Attribute] names the inputs that produce it:
// those whose resetting to a neutral value ([Param.Neutral]) makes it
// finite, with their exact values ([FormatExact]).
package model
