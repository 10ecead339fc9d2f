// Package indexes reads index files: TOML files that give an
// industrial-internet index (package cii) — industries, their stages with
// weights and penetrations, and the constraints of the source's text —
// with the source of every value. The report's index, cii2020, is
// embedded; [Open] loads a file or an embedded index by name, [Parse] a
// source held in memory.
//
// Files are read with the strict machinery of the scenario format
// (internal/tomlfile): keys are case-sensitive, an unknown key is an
// error with a suggestion, numbers must be finite, and every problem is
// reported at once as file:line:col: key.path: what is wrong.
//
// # The format
//
// The top level gives name (default: the file name without .toml), title,
// description, aggregate ("mean", the report's arithmetic mean, or
// "value_added"), published_mean, and [uncertainty]; every other table is
// an industry, whose key names it in key paths:
//
//	[finance]
//	name = "Finance"
//	name_zh = "金融"
//	published = { value = 30.2, precision = 0.1, source = "text", section = "3.1.4", quote = "…" }
//	value_added_share_pct = { value = 7.7, source = "text", section = "2.1", quote = "…" }
//
// An industry's other tables are its stages, in file order, and a stage's
// other tables its sub-stages:
//
//	[finance.exchange]
//	name = "Payments and transfers"
//	name_zh = "资金汇兑（支付）"
//	named = { source = "text", section = "3.1.1", quote = "…" }
//	weight = { value = 0.31, source = "reconstructed" }
//
//	[finance.exchange.payment]
//	name = "Payment"
//	name_zh = "支付"
//	weight = { value = 0.4, source = "reconstructed" }
//	penetration_pct = { value = 80, source = "reconstructed", min = 70, section = "3.1.4", quote = "…" }
//
// A value is a number or a table { value, source, section, quote, note }:
// source is "text" (then section or quote), "figure", "reconstructed" or
// "assumption" (then note); a plain number has source "given". A weight is
// a fraction of the parent (the industry, or the stage of a sub-stage);
// siblings' weights sum to 1 (±1e-6). A penetration is in percent, [0,
// 100]; min and max in its table are the bounds the text gives it. A stage
// with sub-stages has no penetration of its own (their weighted mean), but
// may give bounds.
//
// [INDUSTRY.modes.KEY] are modes with the share of their target users they
// reach (penetration_pct) and the stages they feed (feeds). [INDUSTRY.
// constraints.NAME] are relations the text states, with kind (mean_max,
// mean_min, descending, lowest, highest, above_index, below_index,
// weight_sum, weight_highest: see cii.Kind), items (stage paths "stage" or
// "stage.sub"), value (for mean_max, mean_min, weight_sum) and the source
// keys.
//
// The [uncertainty] table is described in uncertainty.go and docs/cii.md.
package indexes
