package workbench

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"simulate/model"
	"simulate/scenarios"
	"simulate/sensitivity"
)

// MaxChanges is the most changes one state may hold.
const MaxChanges = 256

// Base is a scenario the page offers.
type Base struct {
	S *scenarios.Scenario
	// Extends is how a saved state names the scenario: its embedded
	// name, or the absolute path of its file.
	Extends string
}

// NewBase loads the scenario arg (an embedded name or a file) as
// scenarios.Open does.
func NewBase(arg string) (*Base, error) {
	s, err := scenarios.Open(arg)
	if err != nil {
		return nil, err
	}
	ext := s.Name
	if !strings.HasPrefix(s.Source, "embedded:") {
		if ext, err = filepath.Abs(arg); err != nil {
			return nil, err
		}
	}
	return &Base{S: s, Extends: ext}, nil
}

// State is a scenario with changes applied: the scenario its TOML loads.
type State struct {
	Base    *Base
	Changes []sensitivity.Change
	TOML    []byte
	S       *scenarios.Scenario // the scenario TOML loads
	Results model.Results
}

// inputError is a problem of the request: answered 400.
type inputError struct{ msg string }

func (e *inputError) Error() string { return e.msg }

func badf(format string, args ...any) error { return &inputError{fmt.Sprintf(format, args...)} }

// Evaluate applies changes to base and loads the result as a scenario
// file. An error is the user's: a change that does not parse or resolve, or
// a value out of its domain (the scenario loader's message).
func Evaluate(base *Base, changes []string) (*State, error) {
	if len(changes) > MaxChanges {
		return nil, badf("%d changes: at most %d are allowed", len(changes), MaxChanges)
	}
	st := &State{Base: base}
	targets := make([]model.Target, len(changes))
	values := make([]float64, len(changes))
	for i, c := range changes {
		ch, err := sensitivity.ParseChange(c)
		if err != nil {
			return nil, &inputError{err.Error()}
		}
		if err := ch.Check(base.S.Inputs); err != nil {
			var pe *model.PathError
			msg := err.Error()
			if errors.As(err, &pe) {
				msg = pe.Msg
			}
			return nil, badf("%s: %s (scenario %s)", ch.Label(), msg, base.S.Name)
		}
		st.Changes = append(st.Changes, ch)
		targets[i], values[i] = ch.Target, ch.Value
	}
	b, err := model.Bind(base.S.Inputs, targets)
	if err != nil {
		return nil, &inputError{strings.TrimPrefix(err.Error(), "model: ")}
	}
	b.Apply(values)
	st.TOML = scenarioTOML(base, b.Inputs())
	s, err := scenarios.Parse(base.S.Name+"-workbench.toml", st.TOML)
	if err != nil {
		return nil, &inputError{err.Error()}
	}
	st.S = s
	model.Evaluate(&st.Results, s.Inputs)
	return st, nil
}

// scenarioTOML writes the scenario that extends base and gives every value
// of in that differs from base's: scalars as numbers, per-year values as
// a table of the years changed. Where a split value of a year changes, every
// split key of that year's form is written, so that the year's split is
// taken whole from the file.
func scenarioTOML(base *Base, in *model.Inputs) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# Written by the simulate workbench (simulate serve): %s with the changes below.\n", base.S.Name)
	fmt.Fprintf(&b, "extends = %s\n", strconv.Quote(base.Extends))
	if base.S.Published != "" && !strings.ContainsAny(base.S.Published, `/\`) {
		fmt.Fprintf(&b, "published = %s\n", strconv.Quote(base.S.Published))
	}
	orig := base.S.Inputs
	splitYears := map[model.SplitForm]map[int]bool{}
	type change struct {
		p     *model.Param
		years map[int]bool
	}
	var list []change
	for i := range model.Params {
		p := model.Params[i]
		if !p.Active(orig) || p.Derived(orig) {
			continue
		}
		r0, err0 := model.Lookup(orig, p.Key)
		r1, err1 := model.Lookup(in, p.Key)
		if err0 != nil || err1 != nil {
			continue
		}
		if !p.PerYear {
			if r0.Get(0) != r1.Get(0) {
				list = append(list, change{p: p})
			}
			continue
		}
		ys := map[int]bool{}
		for k := 0; k < r0.Len(); k++ {
			if r0.Get(k) != r1.Get(k) {
				ys[r0.YearIndex(k)] = true
				if p.IsSplit {
					if splitYears[p.Form] == nil {
						splitYears[p.Form] = map[int]bool{}
					}
					splitYears[p.Form][r0.YearIndex(k)] = true
				}
			}
		}
		list = append(list, change{p: p, years: ys})
	}
	for _, c := range list {
		p := c.p
		if !p.PerYear {
			fmt.Fprintf(&b, "%s = %s\n", p.Key, strconv.FormatFloat(p.FromModel(*p.Scalar(in)), 'g', -1, 64))
			continue
		}
		ys := c.years
		if p.IsSplit {
			for y := range splitYears[p.Form] {
				ys[y] = true
			}
		}
		if len(ys) == 0 {
			continue
		}
		first, n := p.Years(in)
		series := p.Series(in)
		if len(ys) == n && !p.IsSplit && allEqual(series[:n]) {
			fmt.Fprintf(&b, "%s = %s\n", p.Key, strconv.FormatFloat(p.FromModel(series[0]), 'g', -1, 64))
			continue
		}
		var parts []string
		for i := 0; i < n; i++ {
			if ys[i] {
				parts = append(parts, fmt.Sprintf("%d = %s", first+i, strconv.FormatFloat(p.FromModel(series[i]), 'g', -1, 64)))
			}
		}
		fmt.Fprintf(&b, "%s = { %s }\n", p.Key, strings.Join(parts, ", "))
	}
	return []byte(b.String())
}

func allEqual(v []float64) bool {
	for _, x := range v {
		if x != v[0] {
			return false
		}
	}
	return true
}
