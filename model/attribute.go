package model

import (
	"math"
	"strconv"
	"strings"
)

// Cause is an input named as producing a result that is not a finite
// number (see [Attribute]): one parameter, as a whole or in some years.
type Cause struct {
	Key    string    // the parameter's key path, e.g. "gdp.growth_pct"
	Years  []int     // the years of the values named; nil for a scalar
	Values []float64 // the values, in the key's units: one per year, or one for a scalar
}

// String writes c as a user reads it, each value in the shortest form
// that reads back exactly ([FormatExact]): "gdp.base_yi = 1e+300",
// "gdp.growth_pct[2019] = 1e-307", "gdp.growth_pct = 100 in 2019–2203",
// "gdp.growth_pct = 1 … 100 in 2019–2203".
func (c Cause) String() string {
	switch {
	case len(c.Values) == 0:
		return c.Key
	case len(c.Years) == 0:
		return c.Key + " = " + FormatExact(c.Values[0])
	case len(c.Years) == 1:
		return c.Key + "[" + strconv.Itoa(c.Years[0]) + "] = " + FormatExact(c.Values[0])
	}
	lo, hi := c.Values[0], c.Values[0]
	for _, v := range c.Values {
		lo, hi = min(lo, v), max(hi, v) // NaN propagates, as it should show
	}
	vals := FormatExact(lo)
	if lo != hi || math.IsNaN(lo) != math.IsNaN(hi) {
		vals += " … " + FormatExact(hi)
	}
	first, last := c.Years[0], c.Years[len(c.Years)-1]
	years := strconv.Itoa(first) + "–" + strconv.Itoa(last)
	if last-first+1 != len(c.Years) {
		years = strconv.Itoa(len(c.Years)) + " years of " + years
	}
	return c.Key + " = " + vals + " in " + years
}

// Attribution is the inputs that produce a result that is not a finite
// number, as [Attribute] finds them.
type Attribution struct {
	// Causes are the inputs named. Unless Joint, each is necessary: set
	// back to a neutral value (its own alone), the result is finite.
	Causes []Cause
	// Joint: no input alone is necessary (each of Causes gives the result
	// without the others); set back together, they give a finite one.
	Joint bool
}

// maxCausesShown is how many causes String writes before "and N more".
const maxCausesShown = 4

// String writes a as "produced by A with B" (the necessary inputs), or
// "produced by each of A and B (setting back one alone is not enough)"
// when Joint, or "" when a names nothing.
func (a *Attribution) String() string {
	if a == nil || len(a.Causes) == 0 {
		return ""
	}
	var parts []string
	for i, c := range a.Causes {
		if i == maxCausesShown {
			parts = append(parts, strconv.Itoa(len(a.Causes)-i)+" more")
			break
		}
		parts = append(parts, c.String())
	}
	if a.Joint {
		return "produced by each of " + joinAnd(parts) + " (setting back one alone is not enough)"
	}
	return "produced by " + parts[0] + joinWith(parts[1:])
}

func joinAnd(parts []string) string {
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

func joinWith(parts []string) string {
	if len(parts) == 0 {
		return ""
	}
	return " with " + joinAnd(parts)
}

// FormatExact writes v in the shortest form that reads back as v: without
// an exponent for ordinary magnitudes (3.7, 1000000000001), with one for
// the very large and very small (1e+300, 3e-322).
func FormatExact(v float64) string {
	if a := math.Abs(v); a >= 1e21 || a != 0 && a < 1e-6 || math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// Neutral returns the value, in key units, to which [Attribute] sets p
// back: its default when it has one, else 0 brought into its domain (a
// growth rate of 0, a base GDP of 1, a capital–output ratio of 0.1).
func (p *Param) Neutral() float64 {
	if !p.Required() {
		return p.Default
	}
	return min(max(0, p.Min), p.Max)
}

// attrUnit is one addressable input of some inputs: a parameter, as a
// whole (all years) or in one year.
type attrUnit struct {
	p    *Param
	year int // 0: every year the parameter applies to
}

// Attribute finds the inputs of in that produce a result that is not a
// finite number: bad(res) reports whether the result in question (a
// column in a year, a total, a metric) is still not finite in res.
//
// Each addressable input ([Lookup]: not derived, not the residual weight)
// is set back to its neutral value ([Param.Neutral]) in a copy of in, the
// copy evaluated, and the inputs whose resetting makes the result finite
// are the causes: each necessary to it. A per-year input is then narrowed
// to the years whose reset alone makes it finite, or named as a whole
// when no year alone does (growth compounding over the span). When no
// input alone is necessary, a smallest set whose joint reset does it is
// named (Attribution.Joint). When some values lie outside their domain
// (inputs that got past validation), those inputs alone are tried first,
// and named when they explain the result. The result is nil when bad(in's
// own evaluation) is false or nothing set back makes it finite.
//
// It evaluates the model about once per input and once per year of each
// per-year cause, allocating as it goes: it is for an error's message,
// not for a loop. Values are changed as [Ref.Set] does (weights keep
// their sum, Solow and index inputs recompute what they drive).
func Attribute(in *Inputs, bad func(*Results) bool) *Attribution {
	var res Results
	eval := func(c *Inputs) bool {
		Evaluate(&res, c)
		return bad(&res)
	}
	if !eval(in) {
		return nil
	}
	var units, outsiders []attrUnit
	for _, p := range Params {
		r, err := Lookup(in, p.Key)
		if err != nil || r.Len() == 0 {
			continue
		}
		units = append(units, attrUnit{p: p})
		for k := range r.Len() {
			if p.check(r.Get(k)) != "" {
				outsiders = append(outsiders, attrUnit{p: p})
				break
			}
		}
	}
	// Values outside their domain got past no validation: when they
	// explain the result, they alone are named.
	if len(outsiders) > 0 {
		if a := attribute(in, outsiders, eval); a != nil {
			return a
		}
	}
	return attribute(in, units, eval)
}

// attribute is Attribute among the inputs units; eval evaluates inputs
// and reports whether the result in question is still not finite.
func attribute(in *Inputs, units []attrUnit, eval func(*Inputs) bool) *Attribution {
	// reset returns a copy of in with every unit of us set back.
	reset := func(us ...attrUnit) *Inputs {
		c := in.Clone()
		for _, u := range us {
			path := u.p.Key
			if u.year != 0 {
				path += "[" + strconv.Itoa(u.year) + "]"
			}
			r, err := Lookup(c, path)
			if err != nil {
				continue
			}
			for k := range r.Len() {
				r.Set(k, u.p.Neutral())
			}
		}
		return c
	}

	var chosen []attrUnit
	for _, u := range units {
		if !eval(reset(u)) {
			chosen = append(chosen, u)
		}
	}
	joint := false
	if len(chosen) == 0 {
		if eval(reset(units...)) {
			return nil // not the inputs' values: nothing to name
		}
		// Drop every unit the others do without: a smallest set.
		chosen = append(chosen, units...)
		for i := 0; i < len(chosen); {
			rest := append(append([]attrUnit(nil), chosen[:i]...), chosen[i+1:]...)
			if !eval(reset(rest...)) {
				chosen = rest
				continue
			}
			i++
		}
		joint = true
	}

	a := &Attribution{Joint: joint}
	for i, u := range chosen {
		r, _ := Lookup(in, u.p.Key)
		if !u.p.PerYear {
			a.Causes = append(a.Causes, Cause{Key: u.p.Key, Values: []float64{u.p.KeyValue(*u.p.scalar(in))}})
			continue
		}
		// The other causes set back, when joint: which years of this
		// one, set back alone, then make the result finite?
		var others []attrUnit
		if joint {
			others = append(append(others, chosen[:i]...), chosen[i+1:]...)
		}
		first, _ := u.p.Years(in)
		whole, named := Cause{Key: u.p.Key}, Cause{Key: u.p.Key}
		for k := range r.Len() {
			y := first + r.YearIndex(k)
			v := u.p.KeyValue(u.p.series(in)[r.YearIndex(k)])
			whole.Years, whole.Values = append(whole.Years, y), append(whole.Values, v)
			if !eval(reset(append(others, attrUnit{p: u.p, year: y})...)) {
				named.Years, named.Values = append(named.Years, y), append(named.Values, v)
			}
		}
		if len(named.Years) == 0 {
			named = whole // no year alone: the path as a whole
		}
		a.Causes = append(a.Causes, named)
	}
	return a
}
