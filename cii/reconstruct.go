package cii

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// MinShare is the smallest share of its industry a reconstructed leaf may
// take: a stage the report names is not weightless.
const MinShare = 0.01

// Target is what the reconstruction draws a reconstructed penetration
// towards, and why.
type Target struct {
	Lo, Hi float64 // the interval the text and the score leave it, percent
	T      float64 // the target: the interval's midpoint, or a mode's penetration
	Mode   string  // the key of the mode whose penetration is the target, or ""
}

// Reconstruct returns a copy of ix in which every value whose source is
// Reconstructed is replaced by the solution of a stated selection
// problem, and the targets of the reconstructed penetrations, keyed by
// industry and stage path ("retail.operations.other_operations").
//
// The report publishes each industry's index and a few stage values; the
// charts that held the others did not survive into its text. Of all the
// weights and penetrations that reproduce the published index exactly and
// satisfy every constraint of the text, the reconstruction takes the one
// closest to equal weights and to the middle of what the text allows:
// for each industry, in the shares W_j of its leaves (a stage, or a
// sub-stage: its weight times its stage's) and their contributions
// C_j = W_j·p_j to the index, in points, it minimises
//
//	Σ_j ((W_j − W⁰_j)/W⁰_j)²  +  Σ_{j reconstructed} ((C_j − t_j·W_j)/(W⁰_j·h_j))²
//
// subject to Σ W_j = 1 and Σ C_j = S (the published index), the held
// values (a text's penetration p: C_j = p·W_j; a weight the text gives),
// each reconstructed penetration's bounds (lo·W_j ≤ C_j ≤ hi·W_j), W_j ≥
// MinShare, and every constraint of the text that is linear in (W, C):
// mean_max, mean_min, above_index, below_index (with the index at S),
// weight_sum, weight_highest; and the orderings of the text (descending,
// highest, lowest) with a margin of OrderMargin points: exact against a
// held value, else linearised at the previous solution's shares and solved
// again until they repeat.
//
//   - W⁰ are the reference shares: equal stages, equal sub-stages within a
//     stage; where a weight_sum constraint groups stages, the group shares
//     its sum equally and the other stages the rest.
//   - t_j is the target of a reconstructed penetration: the penetration of
//     a mode that feeds the stage (the report's survey figure), else the
//     midpoint of the interval the text leaves it — its bounds, narrowed
//     by the bound of a group mean it belongs to, by the published index
//     for a stage the text calls high or low, and by a held value it must
//     stay below or above. h_j is half that interval's width (at least
//     0.5 points).
//
// The first term counts a weight that doubles as much as a penetration
// that moves from the middle of its interval to its edge. In (W, C) the
// problem is a convex quadratic programme with linear constraints, solved
// exactly by an active-set method from a simplex starting point; the
// weights and penetrations are then W and C/W. Every constraint is checked
// on the solution: the error names any that it breaks.
func Reconstruct(ix *Index) (*Index, map[string]Target, error) {
	out := ix.Clone()
	targets := map[string]Target{}
	var errs []string
	for _, ind := range out.Industries {
		if err := reconstructIndustry(out, ind, targets); err != nil {
			errs = append(errs, err.Error())
		}
	}
	if len(errs) > 0 {
		return nil, nil, fmt.Errorf("cii: reconstruction: %s", strings.Join(errs, "; "))
	}
	out.Update()
	var broken []string
	for _, v := range out.Violations() {
		broken = append(broken, v.String())
	}
	if len(broken) > 0 {
		return nil, nil, fmt.Errorf("cii: the reconstruction breaks %s", strings.Join(broken, "; "))
	}
	return out, targets, nil
}

// hasReconstructed reports whether ind has a reconstructed weight or
// penetration.
func hasReconstructed(ind *Industry) bool {
	found := false
	ind.Leaves(func(_ string, _ float64, leaf, stage *Stage) {
		found = found || leaf.Penetration.Source == Reconstructed || leaf.Weight.Source == Reconstructed || stage.Weight.Source == Reconstructed
	})
	return found
}

func reconstructIndustry(ix *Index, ind *Industry, targets map[string]Target) error {
	if !hasReconstructed(ind) {
		return nil
	}
	S := ind.Published.V
	if math.IsNaN(S) {
		return fmt.Errorf("%s has reconstructed values but no published index to reproduce", ind.Key)
	}
	ls := newLeafSet(ind)
	n := len(ls.paths)
	w0 := referenceShares(ix, ind, ls)
	ivs, err := leafTargets(ix, ind, ls)
	if err != nil {
		return err
	}
	// Variables: x[j] = W_j, x[n+j] = C_j.
	q := newQP(2 * n)
	vec := func(w, c map[int]float64) []float64 {
		a := make([]float64, 2*n)
		for j, v := range w {
			a[j] += v
		}
		for j, v := range c {
			a[n+j] += v
		}
		return a
	}
	addH := func(i, j int, v float64) { q.h.SetSym(i, j, q.h.At(i, j)+v) }
	held := make([]bool, n)
	for j, lf := range ls.leaves {
		// ((W − W0)/W0)²
		addH(j, j, 2/(w0[j]*w0[j]))
		q.g[j] -= 2 / w0[j]
		held[j] = lf.Penetration.Source != Reconstructed
		if held[j] {
			q.addEq(vec(map[int]float64{j: -lf.Penetration.V}, map[int]float64{j: 1}), 0)
			continue
		}
		iv := ivs[j]
		targets[ind.Key+"."+ls.paths[j]] = iv
		// ((C − tW)/(W0·h))²
		h := math.Max((iv.Hi-iv.Lo)/2, 0.5)
		s := 2 / (w0[j] * h * w0[j] * h)
		addH(n+j, n+j, s)
		addH(j, j, s*iv.T*iv.T)
		addH(j, n+j, -s*iv.T)
		// lo·W ≤ C ≤ hi·W, with the leaf's own bounds (the targets'
		// narrowing by other constraints is imposed by those constraints).
		lo, hi := math.Max(0, lf.Min), math.Min(100, lf.Max)
		q.addLe(vec(map[int]float64{j: lo}, map[int]float64{j: -1}), 0)
		q.addLe(vec(map[int]float64{j: -hi}, map[int]float64{j: 1}), 0)
	}
	all := map[int]float64{}
	for j := range n {
		all[j] = 1
		q.addLe(vec(map[int]float64{j: -1}, nil), -MinShare)
	}
	q.addEq(vec(all, nil), 1)
	q.addEq(vec(nil, all), S)

	// Held weights.
	for _, s := range ind.Stages {
		idx := ls.items[s.Key]
		if s.Weight.Source != Reconstructed {
			m := map[int]float64{}
			for _, j := range idx {
				m[j] = 1
			}
			q.addEq(vec(m, nil), s.Weight.V)
		}
		for k, c := range s.Subs {
			if c.Weight.Source == Reconstructed {
				continue
			}
			m := map[int]float64{}
			for _, j := range idx {
				m[j] = -c.Weight.V
			}
			m[idx[k]] += 1
			q.addEq(vec(m, nil), 0)
		}
		if !s.Leaf() && (s.Min > 0 || s.Max < 100) {
			lo, hi := map[int]float64{}, map[int]float64{}
			cl, ch := map[int]float64{}, map[int]float64{}
			for _, j := range idx {
				lo[j], cl[j] = s.Min, -1
				hi[j], ch[j] = -s.Max, 1
			}
			q.addLe(vec(lo, cl), 0)
			q.addLe(vec(hi, ch), 0)
		}
	}

	// The text's constraints that are linear in (W, C), and the orderings.
	var orders []ordering
	for _, c := range ix.Constraints {
		if c.Industry != ind.Key {
			continue
		}
		items := func(k int) ([]int, map[int]float64) {
			m := map[int]float64{}
			for _, j := range ls.items[c.Items[k]] {
				m[j] = 1
			}
			return ls.items[c.Items[k]], m
		}
		switch c.Kind {
		case MeanMax, MeanMin:
			w, cc := map[int]float64{}, map[int]float64{}
			sign := 1.0
			if c.Kind == MeanMin {
				sign = -1
			}
			for k := range c.Items {
				idx, _ := items(k)
				for _, j := range idx {
					w[j] = -sign * c.Value
					cc[j] = sign
				}
			}
			q.addLe(vec(w, cc), 0)
		case AboveIndex, BelowIndex:
			sign := 1.0 // BelowIndex: C − S·W ≤ 0
			if c.Kind == AboveIndex {
				sign = -1
			}
			for k := range c.Items {
				idx, _ := items(k)
				w, cc := map[int]float64{}, map[int]float64{}
				for _, j := range idx {
					w[j] = -sign * S
					cc[j] = sign
				}
				q.addLe(vec(w, cc), 0)
			}
		case WeightSum:
			m := map[int]float64{}
			for k := range c.Items {
				idx, _ := items(k)
				for _, j := range idx {
					m[j] = 1
				}
			}
			q.addEq(vec(m, nil), c.Value)
		case WeightHighest:
			own, _ := items(0)
			for _, o := range ind.Stages {
				if o.Key == c.Items[0] {
					continue
				}
				m := map[int]float64{}
				for _, j := range ls.items[o.Key] {
					m[j] = 1
				}
				for _, j := range own {
					m[j] -= 1
				}
				q.addLe(vec(m, nil), 0)
			}
		case Descending:
			for k := 0; k+1 < len(c.Items); k++ {
				orders = append(orders, ls.order(c.Items[k], c.Items[k+1]))
			}
		case Highest, Lowest:
			own := ls.items[c.Items[0]]
			for j := range n {
				if slices.Contains(own, j) {
					continue
				}
				if c.Kind == Highest {
					orders = append(orders, ls.order(c.Items[0], ls.paths[j]))
				} else {
					orders = append(orders, ls.order(ls.paths[j], c.Items[0]))
				}
			}
		}
	}

	// The orderings are p_A ≥ p_B + OrderMargin with p = ΣC/ΣW over an
	// item's leaves: linear when one side is held, else linearised at the
	// previous solution's shares W̄ (Σ C_A/Σ W̄_A − Σ C_B/Σ W̄_B ≥ margin)
	// and solved again until the shares repeat, where the linearised
	// condition is the exact one.
	wbar := slices.Clone(w0)
	var x []float64
	for iter := 0; ; iter++ {
		qq := *q
		qq.le = slices.Clone(q.le)
		for _, o := range orders {
			if a, ok := o.rowAt(wbar, n); ok {
				qq.le = append(qq.le, a)
			}
		}
		var err error
		if x, err = qq.solve(); err != nil {
			return fmt.Errorf("%s: %w", ind.Key, err)
		}
		var moved float64
		for j := range n {
			moved = math.Max(moved, math.Abs(x[j]-wbar[j]))
			wbar[j] = x[j]
		}
		if len(orders) == 0 || moved < 1e-13 {
			break
		}
		if iter == 200 {
			return fmt.Errorf("%s: the orderings' linearisation did not settle (shares still move by %g)", ind.Key, moved)
		}
	}
	for _, o := range orders {
		if gap := o.gap(x, n); gap < OrderMargin-1e-7 {
			return fmt.Errorf("%s: %s is %s above %s, less than the margin of %s points",
				ind.Key, o.a, FormatValue(gap), o.b, FormatValue(OrderMargin))
		}
	}
	// Back to weights and penetrations.
	for _, s := range ind.Stages {
		idx := ls.items[s.Key]
		var w float64
		for _, j := range idx {
			w += x[j]
		}
		if s.Weight.Source == Reconstructed {
			s.Weight.V = w
		}
		if s.Leaf() {
			if s.Penetration.Source == Reconstructed {
				s.Penetration.V = x[n+idx[0]] / x[idx[0]]
			}
			continue
		}
		for k, c := range s.Subs {
			j := idx[k]
			if c.Weight.Source == Reconstructed {
				c.Weight.V = x[j] / w
			}
			if c.Penetration.Source == Reconstructed {
				c.Penetration.V = x[n+j] / x[j]
			}
		}
	}
	return nil
}

// OrderMargin is the gap, in points, by which the reconstruction keeps an
// ordering of the text ("最高", "最低", "次之"): the text's stages are not
// tied where it ranks them. The feasible intervals take the orderings as
// weak (≥).
const OrderMargin = 1.0

// ordering is the condition p_a ≥ p_b + OrderMargin between two items.
type ordering struct {
	a, b         string
	ia, ib       []int   // their leaves
	heldA, heldB float64 // the penetration of a held single leaf, else NaN
}

// order returns the ordering of item a above item b.
func (ls *leafSet) order(a, b string) ordering {
	held := func(idx []int) float64 {
		if len(idx) == 1 && ls.leaves[idx[0]].Penetration.Source != Reconstructed {
			return ls.leaves[idx[0]].Penetration.V
		}
		return math.NaN()
	}
	o := ordering{a: a, b: b, ia: ls.items[a], ib: ls.items[b]}
	o.heldA, o.heldB = held(o.ia), held(o.ib)
	return o
}

// rowAt returns the ordering as a row a·x ≤ b in x = (W, C), linearised at
// the shares wbar where neither side is held; ok is false when both are.
func (o ordering) rowAt(wbar []float64, n int) (qpRow, bool) {
	a := make([]float64, 2*n)
	b := 0.0
	switch {
	case !math.IsNaN(o.heldA) && !math.IsNaN(o.heldB):
		return qpRow{}, false
	case !math.IsNaN(o.heldA): // Σ C_B − (v_A − m)·Σ W_B ≤ 0
		for _, j := range o.ib {
			a[n+j], a[j] = 1, -(o.heldA - OrderMargin)
		}
	case !math.IsNaN(o.heldB): // (v_B + m)·Σ W_A − Σ C_A ≤ 0
		for _, j := range o.ia {
			a[n+j], a[j] = -1, o.heldB+OrderMargin
		}
	default: // Σ C_B/Σ W̄_B − Σ C_A/Σ W̄_A ≤ −m
		var wa, wb float64
		for _, j := range o.ia {
			wa += wbar[j]
		}
		for _, j := range o.ib {
			wb += wbar[j]
		}
		for _, j := range o.ib {
			a[n+j] += 1 / wb
		}
		for _, j := range o.ia {
			a[n+j] -= 1 / wa
		}
		b = -OrderMargin
	}
	return qpRow{a, b}, true
}

// gap returns p_a − p_b at x = (W, C).
func (o ordering) gap(x []float64, n int) float64 {
	pen := func(idx []int) float64 {
		var c, w float64
		for _, j := range idx {
			c, w = c+x[n+j], w+x[j]
		}
		return c / w
	}
	return pen(o.ia) - pen(o.ib)
}

// referenceShares returns W⁰: each leaf's share of ind under equal weights
// (within the groups of weight_sum constraints) and the held weights.
func referenceShares(ix *Index, ind *Industry, ls *leafSet) []float64 {
	stageW := make(map[string]float64, len(ind.Stages))
	rest, free := 1.0, 0
	grouped := map[string]bool{}
	for _, c := range ix.Constraints {
		if c.Industry != ind.Key || c.Kind != WeightSum {
			continue
		}
		for _, it := range c.Items {
			stageW[it] = c.Value / float64(len(c.Items))
			grouped[it] = true
		}
		rest -= c.Value
	}
	for _, s := range ind.Stages {
		switch {
		case s.Weight.Source != Reconstructed:
			stageW[s.Key] = s.Weight.V
			if !grouped[s.Key] {
				rest -= s.Weight.V
			}
		case !grouped[s.Key]:
			free++
		}
	}
	for _, s := range ind.Stages {
		if _, ok := stageW[s.Key]; !ok {
			stageW[s.Key] = rest / float64(free)
		}
	}
	w0 := make([]float64, len(ls.paths))
	ind.Leaves(func(path string, _ float64, leaf, stage *Stage) {
		k := ls.items[path][0]
		w0[k] = stageW[stage.Key]
		if leaf != stage {
			v := 1 / float64(len(stage.Subs))
			if leaf.Weight.Source != Reconstructed {
				v = leaf.Weight.V
			}
			w0[k] *= v
		}
		w0[k] = math.Max(w0[k], MinShare)
	})
	return w0
}

// leafTargets returns the interval and target of each leaf's penetration
// (see [Reconstruct]).
func leafTargets(ix *Index, ind *Industry, ls *leafSet) ([]Target, error) {
	S := ind.Published.V
	ts := make([]Target, len(ls.paths))
	for j, lf := range ls.leaves {
		ts[j] = Target{Lo: math.Max(0, lf.Min), Hi: math.Min(100, lf.Max)}
	}
	for _, s := range ind.Stages {
		if !s.Leaf() {
			for _, j := range ls.items[s.Key] {
				ts[j].Lo, ts[j].Hi = math.Max(ts[j].Lo, s.Min), math.Min(ts[j].Hi, s.Max)
			}
		}
	}
	narrow := func(j int, lo, hi float64) {
		ts[j].Lo, ts[j].Hi = math.Max(ts[j].Lo, lo), math.Min(ts[j].Hi, hi)
	}
	inf := math.Inf(1)
	for _, c := range ix.Constraints {
		if c.Industry != ind.Key {
			continue
		}
		for k, it := range c.Items {
			for _, j := range ls.items[it] {
				switch c.Kind {
				case MeanMax:
					narrow(j, -inf, c.Value)
				case MeanMin:
					narrow(j, c.Value, inf)
				case AboveIndex:
					narrow(j, S, inf)
				case BelowIndex:
					narrow(j, -inf, S)
				case Highest, Lowest:
					if k != 0 {
						continue
					}
					ref := ls.leaves[j]
					if !ref.Leaf() || ref.Penetration.Source == Reconstructed {
						continue
					}
					for o := range ls.leaves {
						if o == j {
							continue
						}
						if c.Kind == Highest {
							narrow(o, -inf, ref.Penetration.V)
						} else {
							narrow(o, ref.Penetration.V, inf)
						}
					}
				}
			}
		}
	}
	fed := map[int][]*Mode{}
	for _, m := range ind.Modes {
		for _, f := range m.Feeds {
			for _, j := range ls.items[f] {
				fed[j] = append(fed[j], m)
			}
		}
	}
	for j := range ts {
		t := &ts[j]
		if ls.leaves[j].Penetration.Source != Reconstructed {
			continue
		}
		if t.Lo > t.Hi {
			return nil, fmt.Errorf("%s.%s: the text leaves its penetration no room: at least %s and at most %s",
				ind.Key, ls.paths[j], FormatValue(t.Lo), FormatValue(t.Hi))
		}
		t.T = (t.Lo + t.Hi) / 2
		if ms := fed[j]; len(ms) > 0 {
			var sum float64
			var keys []string
			for _, m := range ms {
				sum += m.Penetration.V
				keys = append(keys, m.Key)
			}
			t.T = math.Min(math.Max(sum/float64(len(ms)), t.Lo), t.Hi)
			t.Mode = strings.Join(keys, "+")
		}
	}
	return ts, nil
}
