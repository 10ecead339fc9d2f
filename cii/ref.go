package cii

import (
	"fmt"
	"strings"

	"simulate/model"
)

// PathPrefix starts every key path of an index value.
const PathPrefix = "index."

// Field is which value of a stage a key path addresses.
type Field uint8

const (
	WeightField      Field = iota // …weight: a fraction of the parent
	PenetrationField              // …penetration_pct: percent
)

// PathError is a key path that does not name a value of an index.
type PathError struct {
	Path string
	Msg  string // what is wrong, as shown to a user
}

func (e *PathError) Error() string { return "cii: " + e.Msg }

// Ref refers to one value of an index by key path:
//
//	index.INDUSTRY.STAGE.weight             a stage's share of its industry
//	index.INDUSTRY.STAGE.penetration_pct    a leaf stage's penetration, %
//	index.INDUSTRY.STAGE.SUB.weight         a sub-stage's share of its stage
//	index.INDUSTRY.STAGE.SUB.penetration_pct
//
// Get, Set and Apply work in the value's units (a fraction for a weight,
// percent for a penetration) and allocate nothing. A Ref is bound to the
// Index it was looked up in.
type Ref struct {
	Path     string
	Field    Field
	Industry int    // index of the industry in Index.Industries
	Stage    *Stage // the stage or sub-stage addressed

	siblings []*Stage // Field == WeightField: the stage and its siblings
	parent   *Stage   // a sub-stage's stage, whose derived penetration follows
}

// Lookup resolves a key path against ix. The error is a *[PathError].
func Lookup(ix *Index, path string) (Ref, error) {
	fail := func(format string, args ...any) (Ref, error) {
		return Ref{}, &PathError{Path: path, Msg: fmt.Sprintf(format, args...)}
	}
	rest, ok := strings.CutPrefix(path, PathPrefix)
	if !ok {
		return fail("%q: an index key path starts with %q, e.g. index.retail.back_office.weight", path, PathPrefix)
	}
	parts := strings.Split(rest, ".")
	if len(parts) < 3 || len(parts) > 4 {
		return fail("%q: write index.INDUSTRY.STAGE.weight or …penetration_pct (a sub-stage: index.INDUSTRY.STAGE.SUB.…)", path)
	}
	var field Field
	switch last := parts[len(parts)-1]; last {
	case "weight":
		field = WeightField
	case "penetration_pct":
		field = PenetrationField
	default:
		return fail("%q: %q is not a value of a stage%s", path, last, suggest(last, []string{"weight", "penetration_pct"}))
	}
	ii := -1
	for i, ind := range ix.Industries {
		if ind.Key == parts[0] {
			ii = i
		}
	}
	if ii < 0 {
		return fail("%q: no industry %q%s", path, parts[0], suggest(parts[0], industryKeys(ix)))
	}
	ind := ix.Industries[ii]
	stagePath := strings.Join(parts[1:len(parts)-1], ".")
	s, ok := ind.Stage(stagePath)
	if !ok {
		return fail("%q: %s has no stage %q%s", path, ind.Key, stagePath, suggestStage(ind, stagePath))
	}
	r := Ref{Path: path, Field: field, Industry: ii, Stage: s}
	top, _ := ind.Stage(parts[1])
	if len(parts) == 4 {
		r.parent = top
	}
	if field == PenetrationField && !s.Leaf() {
		return fail("%q: %s has sub-stages, whose weighted mean is its penetration; address a sub-stage's, e.g. %s%s.%s.%s.penetration_pct",
			path, stagePath, PathPrefix, ind.Key, stagePath, s.Subs[0].Key)
	}
	if field == WeightField {
		r.siblings = ind.Stages
		if r.parent != nil {
			r.siblings = r.parent.Subs
		}
	}
	return r, nil
}

// Domain returns the range of the value: [0, 1] for a weight, [0, 100] for
// a penetration.
func (r Ref) Domain() (lo, hi float64) {
	if r.Field == WeightField {
		return 0, 1
	}
	return 0, 100
}

// Unit returns "fraction" for a weight, "%" for a penetration.
func (r Ref) Unit() string {
	if r.Field == WeightField {
		return "fraction"
	}
	return "%"
}

// Get returns the value.
func (r Ref) Get() float64 {
	if r.Field == WeightField {
		return r.Stage.Weight.V
	}
	return r.Stage.Penetration.V
}

// Set sets the value. Setting a weight rescales its siblings' in
// proportion so that they keep summing to 1 (when they are all zero they
// share the rest equally): the rule of the TFP weights of a scenario. A
// stage whose sub-stage changes gets its derived penetration recomputed.
func (r Ref) Set(v float64) {
	if r.Field == WeightField {
		setWeight(r.siblings, r.Stage, v)
	} else {
		r.Stage.Penetration.V = v
	}
	if r.parent != nil {
		r.parent.Penetration.V = stagePenetration(r.parent)
	}
}

// Apply changes the value by v in mode m (set, add in the value's units,
// or scale by a factor), as Set does.
func (r Ref) Apply(m model.Mode, v float64) {
	x := r.Get()
	switch m {
	case model.Add:
		x += v
	case model.Scale:
		x *= v
	default:
		x = v
	}
	r.Set(x)
}

// setWeight sets s's weight to v and rescales the others of ss so that the
// weights still sum to 1.
func setWeight(ss []*Stage, s *Stage, v float64) {
	var others float64
	for _, t := range ss {
		if t != s {
			others += t.Weight.V
		}
	}
	for _, t := range ss {
		switch {
		case t == s:
			t.Weight.V = v
		case others > 0:
			t.Weight.V *= (1 - v) / others
		default:
			t.Weight.V = (1 - v) / float64(len(ss)-1)
		}
	}
}

// Paths returns the key path of every value of ix that [Lookup] resolves,
// in file order: for each industry, each stage's weight, then its
// penetration (a leaf) or its sub-stages' weights and penetrations.
func (ix *Index) Paths() []string {
	var ps []string
	for _, ind := range ix.Industries {
		for _, s := range ind.Stages {
			base := PathPrefix + ind.Key + "." + s.Key + "."
			ps = append(ps, base+"weight")
			if s.Leaf() {
				ps = append(ps, base+"penetration_pct")
			}
			for _, c := range s.Subs {
				ps = append(ps, base+c.Key+".weight", base+c.Key+".penetration_pct")
			}
		}
	}
	return ps
}
