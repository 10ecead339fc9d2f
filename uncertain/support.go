package uncertain

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"simulate/model"
)

// Problem is what is wrong with entry Index of a list of inputs.
type Problem struct {
	Index int
	Msg   string
}

// interval is a closed interval of values, key units.
type interval struct{ lo, hi float64 }

func (iv interval) apply(m model.Mode, d interval) interval {
	switch m {
	case model.Add:
		return interval{iv.lo + d.lo, iv.hi + d.hi}
	case model.Scale:
		if (iv.lo == 0 && iv.hi == 0) || (d.lo == 0 && d.hi == 0) {
			return interval{}
		}
		p := [4]float64{iv.lo * d.lo, iv.lo * d.hi, iv.hi * d.lo, iv.hi * d.hi}
		r := interval{math.Inf(1), math.Inf(-1)}
		for _, v := range p {
			if math.IsNaN(v) { // 0·∞: the product can be anything
				return interval{math.Inf(-1), math.Inf(1)}
			}
			r.lo, r.hi = min(r.lo, v), max(r.hi, v)
		}
		return r
	}
	return d
}

// CheckSupport checks that no draw of the uncertain inputs can take a
// parameter outside its domain, applied to in (the base) in the order of
// Steps, and, in years whose factor split is given as shares, that labour's
// and capital's shares cannot add up to more than 100 % (TFP, the residual,
// would get a negative share). With a residual TFP weight (in.WeightRule)
// it checks that the other three weights cannot add up to more than 1,
// which would push the residual below 0. It follows the range of every
// value through the steps in order (interval arithmetic on the supports),
// so the check is exact for one step per value and conservative for
// several. Every key of a grouped input is checked.
//
// It returns every problem, each with the index of the input to blame.
func CheckSupport(in *model.Inputs, unc []Input) []Problem {
	var probs []Problem
	type key struct {
		p *model.Param
		i int // year index, 0 for a scalar
	}
	cur := map[key]interval{}
	last := map[key]int{} // the last input that moved a value
	weightMoved := false
	residual := in.WeightRule.Residual
	lastWeight := -1 // the last input that moved a weight
	for _, st := range Steps(unc) {
		n, u := st.Input, &unc[st.Input]
		prefix := ""
		if u.Group {
			prefix = "key " + st.Path + ": "
		}
		ref, err := model.Lookup(in, st.Path)
		if err != nil {
			probs = append(probs, Problem{n, prefix + pathMessage(err)})
			continue
		}
		p := ref.Param
		lo, hi := u.Dist.Support()
		sup := interval{lo, hi}
		isWeight := p.IsWeight()
		var bad []string // each interval outside the domain, with its year
		var badYears []int
		for k := range ref.Len() {
			kk := key{p, 0}
			if p.PerYear {
				kk.i = ref.YearIndex(k)
			}
			iv, ok := cur[kk]
			if !ok {
				b := ref.Get(k)
				iv = interval{b, b}
			}
			if isWeight && weightMoved && !residual {
				// Another weight's change has rescaled this one: it can
				// be anywhere in [0, 1].
				iv = interval{0, 1}
			}
			iv = iv.apply(u.Mode, sup)
			cur[kk], last[kk] = iv, n
			if iv.lo < p.Min || iv.hi > p.Max {
				first := 0
				if p.PerYear {
					first, _ = p.Years(in)
				}
				bad = append(bad, fmt.Sprintf("[%s, %s]", fmtNum(iv.lo), fmtNum(iv.hi)))
				badYears = append(badYears, first+kk.i)
			}
		}
		if len(bad) > 0 {
			probs = append(probs, Problem{n, prefix + supportMsg(u, p, describe(bad, badYears, p.PerYear && ref.Len() > 1))})
		}
		if isWeight {
			weightMoved = true
			lastWeight = n
		}
	}
	if residual && lastWeight >= 0 {
		if msg := residualProblem(in, func(p *model.Param) (interval, bool) {
			iv, ok := cur[key{p, 0}]
			return iv, ok
		}); msg != "" {
			probs = append(probs, Problem{lastWeight, msg})
		}
	}

	// Shares of growth: labour's and capital's may not exceed 100 %
	// together. One problem per entry to blame, at its worst year.
	lab, _ := model.LookupParam("labor.share_pct")
	capShare, _ := model.LookupParam("capital.share_pct")
	type worst struct {
		sum, l, c float64
		year      int
	}
	over := map[int]worst{}
	var blamed []int
	for i := range in.Len() {
		if in.Form[i] != model.Shares {
			continue
		}
		l, lok := cur[key{lab, i}]
		c, cok := cur[key{capShare, i}]
		if !lok && !cok {
			continue
		}
		if !lok {
			v := lab.FromModel(lab.Series(in)[i])
			l = interval{v, v}
		}
		if !cok {
			v := capShare.FromModel(capShare.Series(in)[i])
			c = interval{v, v}
		}
		s := l.hi + c.hi
		if s <= 100+100*model.WeightTolerance {
			continue
		}
		blame := last[key{capShare, i}]
		if !cok || (lok && last[key{lab, i}] > blame) {
			blame = last[key{lab, i}]
		}
		w, seen := over[blame]
		if !seen {
			blamed = append(blamed, blame)
		}
		if s > w.sum {
			over[blame] = worst{s, l.hi, c.hi, in.FirstYear() + i}
		}
	}
	for _, b := range blamed {
		w := over[b]
		probs = append(probs, Problem{b, fmt.Sprintf(
			"labour's and capital's shares of growth can add up to %s %% in %d (up to %s + %s), leaving TFP, the residual, a negative share; narrow the ranges so that they add up to at most 100 %%",
			fmtNum(w.sum), w.year, fmtNum(w.l), fmtNum(w.c))})
	}
	return probs
}

// residualProblem returns what is wrong when the weights other than the
// residual one, in the intervals moved(p) gives (their base values when
// not moved), can add up to more than 1, or "".
func residualProblem(in *model.Inputs, moved func(p *model.Param) (interval, bool)) string {
	var hi float64
	var parts []string
	var res *model.Param
	for _, p := range model.Params {
		d, ok := p.Dimension()
		if !ok {
			continue
		}
		if in.WeightRule.IsResidual(d) {
			res = p
			continue
		}
		iv, ok := moved(p)
		if !ok {
			v := *p.Scalar(in)
			iv = interval{v, v}
		}
		hi += iv.hi
		parts = append(parts, fmt.Sprintf("%s up to %s", p.Key, fmtNum(iv.hi)))
	}
	if 1-hi >= -model.WeightTolerance {
		return ""
	}
	return fmt.Sprintf("%s, the residual weight (tfp.weight_residual), is 1 minus the other three weights and can fall to %s, below its lower bound 0 (with %s); narrow the ranges so that the other weights add up to at most 1",
		res.Key, fmtNum(1-hi), strings.Join(parts, ", "))
}

// describe writes the intervals that leave the domain: once when they are
// all the same, else each with its year (the first three).
func describe(bad []string, years []int, perYear bool) string {
	same := true
	for _, b := range bad {
		same = same && b == bad[0]
	}
	if !perYear || same {
		return bad[0]
	}
	var parts []string
	for i, b := range bad {
		if i == 3 {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, fmt.Sprintf("%s in %d", b, years[i]))
	}
	return strings.Join(parts, ", ")
}

func supportMsg(u *Input, p *model.Param, bad string) string {
	what := "its values"
	switch u.Mode {
	case model.Add:
		what = "the base plus a draw"
	case model.Scale:
		what = "the base times a draw"
	}
	lo, hi := u.Dist.Support()
	msg := fmt.Sprintf("%s %s with %s can take %s in %s, outside the domain %s (%s)",
		u.Mode, u.Dist.String(), supportText(lo, hi), what, bad, p.Domain(), p.Unit)
	switch {
	case !u.Dist.Bounded():
		msg += "; an unbounded distribution cannot be used here: use truncnormal (normal with min and max), a lognormal with max, or beta with min and max inside the domain"
	default:
		msg += "; narrow the distribution (or truncate it, or use beta with min and max) so that every draw stays in the domain"
	}
	return msg
}

func supportText(lo, hi float64) string {
	return fmt.Sprintf("support [%s, %s]", fmtNum(lo), fmtNum(hi))
}

// pathMessage returns the message of an error of model.Lookup, as shown to
// a user.
func pathMessage(err error) string {
	if pe, ok := errors.AsType[*model.PathError](err); ok {
		return pe.Msg
	}
	return err.Error()
}
