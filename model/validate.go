package model

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// MaxYears is the longest span a scenario may project; it keeps levels far
// from overflow whatever the growth path.
const MaxYears = 200

// WeightTolerance is how far Σ w_d may be from 1. The weights are typed in
// scenario files as decimals (0.25, or 0.333333 for a three-way split), so a
// tolerance far above rounding of float64 but far below any economic meaning
// is used.
const WeightTolerance = 1e-6

// InputError is one problem found by [Inputs.Check]: which key (and year) and
// what is wrong with it, in the key's units.
type InputError struct {
	Key  string // key path, e.g. "capital.ict_share"
	Year int    // the year concerned, or 0
	Msg  string // e.g. "1.5 is outside [0, 1]"

	// Also are the other keys the problem involves: the shares' sum
	// involves labour's share beside capital's, the weights' sum every
	// weight. A reader of files places the problem at whichever of them
	// the user changed.
	Also []string
}

func (e *InputError) Error() string {
	if e.Year != 0 {
		return fmt.Sprintf("%s[%d]: %s", e.Key, e.Year, e.Msg)
	}
	return e.Key + ": " + e.Msg
}

// Validate returns every problem of in joined into one error, or nil.
func (in *Inputs) Validate() error {
	var errs []error
	for _, e := range in.Check() {
		errs = append(errs, e)
	}
	return errors.Join(errs...)
}

// Check returns every problem of in: non-finite values, values outside their
// parameter's domain, a TFP residual share outside [0, 1] in the shares
// form, and TFP weights that do not sum to 1 within [WeightTolerance].
func (in *Inputs) Check() []*InputError {
	var errs []*InputError
	add := func(key string, year int, format string, args ...any) {
		errs = append(errs, &InputError{Key: key, Year: year, Msg: fmt.Sprintf(format, args...)})
	}
	n := in.Len()
	if n == 0 {
		add("span", 0, "the span has no projected year")
		return errs
	}
	if n > MaxYears {
		add("span", 0, "%d years is more than the %d allowed", n, MaxYears)
		return errs
	}
	in.checkLengths()
	if in.Solow != nil {
		in.Solow.checkLengths(n)
	}

	if in.Index != nil && len(in.Index.Level) != n {
		panic("model: the index link and the span differ in length")
	}
	for _, p := range Params {
		if !p.Active(in) {
			continue
		}
		if d := p.weight - 1; d >= 0 && in.WeightRule.IsResidual(Dimension(d)) {
			if v := in.Weight[d]; v < -WeightTolerance || v > 1+WeightTolerance || math.IsNaN(v) {
				add(p.Key, 0, "%s: the residual weight (tfp.weight_residual) is 1 minus the other three weights, which must add up to between 0 and 1; it may not fall below 0",
					FormatValue(v))
			}
			continue
		}
		if p.theta && in.Index != nil {
			// θ is derived: say which inputs give it.
			dim := strings.TrimPrefix(p.Key, "tfp.ii_share.")
			for i, v := range p.series(in) {
				if v < 0 || v > 1 || math.IsNaN(v) {
					add("cii.kappa."+dim, in.FirstYear()+i,
						"θ = κ·I/100 = %s in %d is outside [0, 1]: lower cii.kappa.%s or cii.index_pts[%d]",
						FormatValue(v), in.FirstYear()+i, dim, in.FirstYear()+i)
				}
			}
			continue
		}
		if !p.PerYear {
			if msg := p.check(p.FromModel(*p.scalar(in))); msg != "" {
				add(p.Key, 0, "%s", msg)
			}
			continue
		}
		s := p.series(in)
		first, _ := p.Years(in)
		for i := range n {
			if !p.Applies(in, i) {
				continue
			}
			if msg := p.check(p.FromModel(s[i])); msg != "" {
				add(p.Key, first+i, "%s", msg)
			}
		}
	}

	for i := range n {
		if in.Form[i] != Shares {
			continue
		}
		if rest := 1 - in.LaborShare[i] - in.CapitalShare[i]; rest < -WeightTolerance {
			add("capital.share_pct", in.FirstYear()+i,
				"labour and capital shares add up to %s %% of growth in %d, leaving TFP a negative share; they may add up to at most 100 %%",
				FormatValue(100*(in.LaborShare[i]+in.CapitalShare[i])), in.FirstYear()+i)
			errs[len(errs)-1].Also = []string{"labor.share_pct"}
		}
	}

	var sum float64
	for _, w := range in.Weight {
		sum += w
	}
	if math.Abs(sum-1) > WeightTolerance {
		add("tfp.weight", 0, "the four weights add up to %s; they must add up to 1 (±%g)", FormatValue(sum), WeightTolerance)
		for _, p := range Params {
			if p.IsWeight() {
				errs[len(errs)-1].Also = append(errs[len(errs)-1].Also, p.Key)
			}
		}
	}
	return errs
}

// check returns what is wrong with value v (key units) of p, or "".
func (p *Param) check(v float64) string {
	switch {
	case math.IsNaN(v):
		return "nan is not a number; give a finite value in " + p.Domain()
	case math.IsInf(v, 0):
		return fmt.Sprintf("%v is not finite; give a value in %s", v, p.Domain())
	case v < p.Min || v > p.Max:
		return fmt.Sprintf("%s is outside the allowed range %s (%s)", FormatOutside(v, p.Min, p.Max), p.Domain(), p.Unit)
	}
	return ""
}

// FormatOutside writes v, a value outside [lo, hi], as FormatValue does
// unless its rounding would show a value inside (1000000000001 rounds to
// 1000000000000): then as the shortest decimal that reads back as v.
func FormatOutside(v, lo, hi float64) string {
	if a := math.Abs(v); a >= 1e21 || a != 0 && a < 1e-6 {
		return strconv.FormatFloat(v, 'g', -1, 64) // 1e+300, not 301 digits
	}
	s := FormatValue(v)
	if r, err := strconv.ParseFloat(s, 64); err == nil && (r < lo || r > hi) {
		return s
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
