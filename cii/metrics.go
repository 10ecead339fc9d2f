package cii

import (
	"fmt"
	"math"

	"simulate/model"
	"simulate/quantile"
)

// Metric is an output of an index by name, read from a [Result]:
//
//	INDUSTRY_pts    the industry's index, points (finance_pts)
//	INDUSTRY_rank   its rank among the industries, 1 for the highest
//	mean_pts        the arithmetic mean of the industries' indices
//	va_mean_pts     their mean weighted by value added
type Metric struct {
	Name     string
	Unit     string // "pts" or "rank"
	kind     metricKind
	industry int
}

type metricKind uint8

const (
	metricScore metricKind = iota
	metricRank
	metricMean
	metricVAMean
)

// Metrics returns every metric of ix: each industry's index, then each
// industry's rank, then mean_pts and va_mean_pts.
func (ix *Index) Metrics() []Metric {
	var ms []Metric
	for i, ind := range ix.Industries {
		ms = append(ms, Metric{Name: ind.Key + "_pts", Unit: "pts", kind: metricScore, industry: i})
	}
	for i, ind := range ix.Industries {
		ms = append(ms, Metric{Name: ind.Key + "_rank", Unit: "rank", kind: metricRank, industry: i})
	}
	return append(ms,
		Metric{Name: "mean_pts", Unit: "pts", kind: metricMean},
		Metric{Name: "va_mean_pts", Unit: "pts", kind: metricVAMean})
}

// ParseMetric returns the metric of ix called name.
func (ix *Index) ParseMetric(name string) (Metric, error) {
	ms := ix.Metrics()
	names := make([]string, len(ms))
	for i, m := range ms {
		if m.Name == name {
			return m, nil
		}
		names[i] = m.Name
	}
	return Metric{}, fmt.Errorf("cii: %q is not a metric of index %s%s", name, ix.Name, suggest(name, names))
}

// Value returns the metric's value in r. It allocates nothing.
func (m Metric) Value(r *Result) float64 {
	switch m.kind {
	case metricScore:
		return r.Scores[m.industry]
	case metricRank:
		return float64(r.Ranks[m.industry])
	case metricMean:
		return r.Mean
	}
	return r.VAMean
}

// Binding ties a list of targets (key paths with a mode) to a working copy
// of an index, to apply values to them again and again from the base: the
// inner loop of a sensitivity analysis. It is not safe for concurrent use:
// give each goroutine its own (Clone).
type Binding struct {
	base, ix *Index
	targets  []model.Target
	refs     []Ref
	pairs    [][2]*Stage // {working stage, base stage}: every stage and sub-stage
}

// Bind returns a binding of targets to a copy of base. The error, a
// *[PathError], names the first path that does not resolve. The binding
// reads base on every Apply and never writes it.
func Bind(base *Index, targets []model.Target) (*Binding, error) {
	b := &Binding{base: base, ix: base.Clone(), targets: append([]model.Target(nil), targets...)}
	for _, t := range targets {
		r, err := Lookup(b.ix, t.Path)
		if err != nil {
			return nil, err
		}
		b.refs = append(b.refs, r)
	}
	for i, ind := range b.ix.Industries {
		src := base.Industries[i]
		for j, s := range ind.Stages {
			b.pairs = append(b.pairs, [2]*Stage{s, src.Stages[j]})
			for k, c := range s.Subs {
				b.pairs = append(b.pairs, [2]*Stage{c, src.Stages[j].Subs[k]})
			}
		}
	}
	return b, nil
}

// Clone returns a binding of the same base and targets with its own copy
// of the index.
func (b *Binding) Clone() *Binding {
	c, err := Bind(b.base, b.targets)
	if err != nil {
		panic("cii: clone of a valid binding failed: " + err.Error())
	}
	return c
}

// Apply sets the bound index to the base with x[i] applied to target i in
// its mode, in order, as [Ref.Apply] would. It allocates nothing. It panics
// if len(x) differs from the number of targets.
func (b *Binding) Apply(x []float64) {
	if len(x) != len(b.refs) {
		panic("cii: Binding.Apply with the wrong number of values")
	}
	for _, p := range b.pairs {
		p[0].Weight.V, p[0].Penetration.V = p[1].Weight.V, p[1].Penetration.V
	}
	for i, r := range b.refs {
		r.Apply(b.targets[i].Mode, x[i])
	}
}

// Index returns the bound index: the base with the values of the last
// Apply.
func (b *Binding) Index() *Index { return b.ix }

// RankInterval summarises the ranks of one industry over many draws: what
// composite-indicator audits (the OECD/JRC handbook, COINr) report as the
// uncertainty of a rank.
type RankInterval struct {
	Industry string
	Median   float64 // the median rank
	P5, P95  float64 // the 5 % and 95 % percentiles of the rank
	Best     int     // the best (smallest) rank drawn
	Worst    int     // the worst rank drawn
	Base     int     // the rank in the base index (the published scores' order for cii2020)
}

// RankIntervals returns the rank interval of each industry of ix from a
// matrix of draws: scores[d·k+i] is industry i's index in draw d, for k
// industries. Percentiles are exact order statistics of the draws' ranks
// (Hyndman–Fan type 7, package quantile). It returns an error if scores is
// empty, not a whole number of rows, or holds a NaN.
func RankIntervals(ix *Index, scores []float64) ([]RankInterval, error) {
	k := len(ix.Industries)
	if k == 0 || len(scores) == 0 || len(scores)%k != 0 {
		return nil, fmt.Errorf("cii: %d scores are not whole draws of %d industries", len(scores), k)
	}
	n := len(scores) / k
	ranks := make([][]float64, k)
	for i := range ranks {
		ranks[i] = make([]float64, n)
	}
	row := make([]int, k)
	for d := range n {
		s := scores[d*k : (d+1)*k]
		for _, v := range s {
			if math.IsNaN(v) {
				return nil, fmt.Errorf("cii: draw %d has a NaN score", d)
			}
		}
		Ranks(row, s)
		for i, r := range row {
			ranks[i][d] = float64(r)
		}
	}
	var base Result
	ix.Evaluate(&base)
	out := make([]RankInterval, k)
	var sc quantile.Scratch
	q := make([]float64, 3)
	for i, ind := range ix.Industries {
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, r := range ranks[i] {
			lo, hi = math.Min(lo, r), math.Max(hi, r)
		}
		if err := quantile.Percentiles(q, ranks[i], []float64{5, 50, 95}, &sc); err != nil {
			return nil, fmt.Errorf("cii: ranks of %s: %w", ind.Key, err)
		}
		out[i] = RankInterval{Industry: ind.Key, P5: q[0], Median: q[1], P95: q[2], Best: int(lo), Worst: int(hi), Base: base.Ranks[i]}
	}
	return out, nil
}
