package cii

import (
	"fmt"
	"math"
	"strings"
)

// Kind is what a [Constraint] says.
type Kind uint8

const (
	// MeanMax: the weighted mean penetration of the items is at most Value
	// (percent). "内容生产和衍生环节…综合起来不到15%".
	MeanMax Kind = iota
	// MeanMin: the weighted mean penetration of the items is at least Value.
	MeanMin
	// Descending: each item's penetration is at least the next one's.
	// "资金支付领域…最高，…资金吸收环节次之，…资金提供环节…较低".
	Descending
	// Lowest: the item's penetration is at most that of every other leaf
	// of the industry. "仓储管理成为…程度最低的环节".
	Lowest
	// Highest: the item's penetration is at least that of every other leaf
	// of the industry. "支付结算的产业互联网程度最高".
	Highest
	// AboveIndex: each item's penetration is at least the industry's index
	// (a stage the text calls high: "较高").
	AboveIndex
	// BelowIndex: each item's penetration is at most the industry's index
	// (a stage the text calls low: "不高", "较弱").
	BelowIndex
	// WeightSum: the items' shares of the industry sum to Value (a
	// fraction). "上游环节的总体权重比例较高，达到60%".
	WeightSum
	// WeightHighest: the item's share of the industry is at least that of
	// every other stage. "教学是教育的核心环节".
	WeightHighest

	numKinds
)

var kindNames = [numKinds]string{
	"mean_max", "mean_min", "descending", "lowest", "highest",
	"above_index", "below_index", "weight_sum", "weight_highest",
}

// String returns the kind as an index file spells it: "mean_max", ….
func (k Kind) String() string {
	if k >= numKinds {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return kindNames[k]
}

// ParseKind reads a kind as an index file spells it.
func ParseKind(s string) (Kind, bool) {
	for i, n := range kindNames {
		if n == s {
			return Kind(i), true
		}
	}
	return 0, false
}

// Kinds returns the spellings of every kind.
func Kinds() []string { return append([]string(nil), kindNames[:]...) }

// HasValue reports whether a constraint of kind k takes a Value.
func (k Kind) HasValue() bool { return k == MeanMax || k == MeanMin || k == WeightSum }

// OnWeights reports whether k constrains weights (else penetrations).
func (k Kind) OnWeights() bool { return k == WeightSum || k == WeightHighest }

// single reports whether k takes exactly one item.
func (k Kind) single() bool { return k == Lowest || k == Highest || k == WeightHighest }

// Constraint is a relation between values of one industry that the
// report's text states (or an assumption adds). Items are stage paths
// within the industry: "stage" or "stage.sub". The penetration of an item
// that is a stage with sub-stages is their weighted mean.
type Constraint struct {
	Industry string
	Key      string // the constraint's name within its industry
	Kind     Kind
	Items    []string
	Value    float64 // MeanMax, MeanMin: percent; WeightSum: a fraction
	Why      Value   // the constraint's source; its V is not used
}

// Name describes c in a message, e.g. "ends_low: mean_max(content,
// derivatives) 15".
func (c *Constraint) Name() string {
	s := fmt.Sprintf("%s(%s)", c.Kind, strings.Join(c.Items, ", "))
	if c.Key != "" {
		s = c.Key + ": " + s
	}
	if c.Kind.HasValue() {
		s += " " + FormatValue(c.Value)
	}
	return s
}

// FormatValue formats v for a message, without float64 noise.
func FormatValue(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Sprint(v)
	}
	s := fmt.Sprintf("%.10g", v)
	if strings.ContainsAny(s, "e") {
		return s
	}
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// row is a linear condition on the leaf penetrations p of one industry
// (percent), with the weights held: lo ≤ Σ coef_j·p_j ≤ hi. The order of
// the leaves is that of [Industry.Leaves].
type row struct {
	name   string
	coef   []float64
	lo, hi float64
}

// industryLeaves returns the paths and shares of the leaves of ind, and
// for each stage path (leaves and stages with sub-stages) the leaves it
// covers.
type leafSet struct {
	paths  []string
	shares []float64
	leaves []*Stage
	items  map[string][]int // stage path → indices of its leaves
}

func newLeafSet(ind *Industry) *leafSet {
	ls := &leafSet{items: map[string][]int{}}
	ind.Leaves(func(path string, share float64, leaf, stage *Stage) {
		k := len(ls.paths)
		ls.paths = append(ls.paths, path)
		ls.shares = append(ls.shares, share)
		ls.leaves = append(ls.leaves, leaf)
		ls.items[path] = []int{k}
		if leaf != stage {
			ls.items[stage.Key] = append(ls.items[stage.Key], k)
		}
	})
	return ls
}

// mean returns the coefficients of the weighted mean penetration of the
// item at path: share_j/Σ share over its leaves. A zero-weight item is the
// plain mean of its leaves.
func (ls *leafSet) mean(path string) []float64 {
	c := make([]float64, len(ls.paths))
	idx := ls.items[path]
	var tot float64
	for _, k := range idx {
		tot += ls.shares[k]
	}
	for _, k := range idx {
		if tot > 0 {
			c[k] = ls.shares[k] / tot
		} else {
			c[k] = 1 / float64(len(idx))
		}
	}
	return c
}

func (ls *leafSet) score() []float64 { return append([]float64(nil), ls.shares...) }

func sub(a, b []float64) []float64 {
	c := make([]float64, len(a))
	for i := range a {
		c[i] = a[i] - b[i]
	}
	return c
}

func unit(n, k int) []float64 {
	c := make([]float64, n)
	c[k] = 1
	return c
}

// rows returns the linear conditions on the leaf penetrations of ind that
// its bounds and the constraints on penetrations give, with the weights
// held: every leaf in [0, 100] and within its Min and Max, every stage
// with sub-stages within its Min and Max, and each constraint of cons
// that concerns ind.
func (ls *leafSet) rows(ind *Industry, cons []*Constraint) []row {
	n := len(ls.paths)
	var rs []row
	for k, p := range ls.paths {
		lf := ls.leaves[k]
		rs = append(rs, row{name: p + " in [" + FormatValue(lf.Min) + ", " + FormatValue(lf.Max) + "]",
			coef: unit(n, k), lo: math.Max(0, lf.Min), hi: math.Min(100, lf.Max)})
	}
	for _, s := range ind.Stages {
		if !s.Leaf() && (s.Min > 0 || s.Max < 100) {
			rs = append(rs, row{name: s.Key + " in [" + FormatValue(s.Min) + ", " + FormatValue(s.Max) + "]",
				coef: ls.mean(s.Key), lo: s.Min, hi: s.Max})
		}
	}
	inf := math.Inf(1)
	for _, c := range cons {
		if c.Industry != ind.Key || c.Kind.OnWeights() {
			continue
		}
		name := c.Name()
		switch c.Kind {
		case MeanMax, MeanMin:
			coef := make([]float64, n)
			var tot float64
			for _, it := range c.Items {
				for _, k := range ls.items[it] {
					coef[k] += ls.shares[k]
					tot += ls.shares[k]
				}
			}
			for k := range coef {
				coef[k] /= tot
			}
			if c.Kind == MeanMax {
				rs = append(rs, row{name: name, coef: coef, lo: -inf, hi: c.Value})
			} else {
				rs = append(rs, row{name: name, coef: coef, lo: c.Value, hi: inf})
			}
		case Descending:
			for i := 0; i+1 < len(c.Items); i++ {
				rs = append(rs, row{name: name, coef: sub(ls.mean(c.Items[i]), ls.mean(c.Items[i+1])), lo: 0, hi: inf})
			}
		case Lowest, Highest:
			m := ls.mean(c.Items[0])
			own := map[int]bool{}
			for _, k := range ls.items[c.Items[0]] {
				own[k] = true
			}
			for k := range n {
				if own[k] {
					continue
				}
				if c.Kind == Lowest {
					rs = append(rs, row{name: name, coef: sub(unit(n, k), m), lo: 0, hi: inf})
				} else {
					rs = append(rs, row{name: name, coef: sub(m, unit(n, k)), lo: 0, hi: inf})
				}
			}
		case AboveIndex, BelowIndex:
			for _, it := range c.Items {
				d := sub(ls.mean(it), ls.score())
				if c.Kind == AboveIndex {
					rs = append(rs, row{name: name, coef: d, lo: 0, hi: inf})
				} else {
					rs = append(rs, row{name: name, coef: d, lo: -inf, hi: 0})
				}
			}
		}
	}
	return rs
}

// Tolerance is how far a value may be on the wrong side of a constraint
// and still satisfy it: index files write penetrations to six decimals of
// a percent and weights to eight decimals.
const Tolerance = 1e-6

// Violation is a constraint an index does not satisfy.
type Violation struct {
	Industry string
	Name     string  // the constraint, e.g. "retail: highest(sales_service.payment_settlement)"
	Value    float64 // the left-hand side, in the constraint's unit
	Lo, Hi   float64 // the allowed range (±Inf when open)
}

func (v Violation) String() string {
	return fmt.Sprintf("%s: %s is %s, outside [%s, %s]", v.Industry, v.Name, FormatValue(v.Value), FormatValue(v.Lo), FormatValue(v.Hi))
}

// Violations returns every constraint of ix (and every stage bound) that
// its values break by more than [Tolerance].
func (ix *Index) Violations() []Violation {
	var out []Violation
	for _, ind := range ix.Industries {
		ls := newLeafSet(ind)
		p := make([]float64, len(ls.paths))
		for k, lf := range ls.leaves {
			p[k] = lf.Penetration.V
		}
		for _, r := range ls.rows(ind, ix.Constraints) {
			v := dot(r.coef, p)
			if v < r.lo-Tolerance || v > r.hi+Tolerance {
				out = append(out, Violation{Industry: ind.Key, Name: r.name, Value: v, Lo: r.lo, Hi: r.hi})
			}
		}
		for _, c := range ix.Constraints {
			if c.Industry != ind.Key || !c.Kind.OnWeights() {
				continue
			}
			switch c.Kind {
			case WeightSum:
				var w float64
				for _, it := range c.Items {
					for _, k := range ls.items[it] {
						w += ls.shares[k]
					}
				}
				if math.Abs(w-c.Value) > Tolerance {
					out = append(out, Violation{Industry: ind.Key, Name: c.Name(), Value: w, Lo: c.Value, Hi: c.Value})
				}
			case WeightHighest:
				s, _ := ind.Stage(c.Items[0])
				for _, o := range ind.Stages {
					if o != s && o.Weight.V > s.Weight.V+Tolerance {
						out = append(out, Violation{Industry: ind.Key, Name: c.Name() + " vs " + o.Key, Value: s.Weight.V - o.Weight.V, Lo: 0, Hi: math.Inf(1)})
					}
				}
			}
		}
	}
	return out
}

func dot(a, b []float64) float64 {
	var s float64
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}
