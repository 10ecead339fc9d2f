package cii

import (
	"fmt"
	"math"
	"regexp"

	"simulate/internal/tomlfile"
	"simulate/model"
)

// Problem is one thing wrong with an index found by [Index.Check]: the key
// path of the value (without the "index." prefix: "finance",
// "finance.exchange.weight", "constraints[2]") and what is wrong.
type Problem struct {
	Path string
	Msg  string
}

// WeightTolerance is how far the weights of siblings may add up from 1:
// the same tolerance as the TFP weights of a scenario.
const WeightTolerance = 1e-6

var validKey = regexp.MustCompile(`^[a-z][a-z0-9_]{0,63}$`)

// CheckKey returns an error unless key can name an industry, a stage or a
// mode: a lower-case letter, then lower-case letters, digits and '_'.
func CheckKey(key string) error {
	if !validKey.MatchString(key) {
		return fmt.Errorf("%q is not a valid key: use a lower-case letter, then lower-case letters, digits or '_' (at most 64)", key)
	}
	return nil
}

// Check returns every problem of ix: keys, the ranges of weights,
// penetrations and bounds, weights of siblings that do not sum to 1, and
// constraints or modes that name stages the industry does not have. It
// does not check the constraints themselves: see [Index.Violations].
func (ix *Index) Check() []*Problem {
	var ps []*Problem
	add := func(path, format string, args ...any) {
		ps = append(ps, &Problem{Path: path, Msg: fmt.Sprintf(format, args...)})
	}
	if len(ix.Industries) == 0 {
		add("index", "no industry: an index needs at least one")
	}
	if v := ix.PublishedMean.V; !math.IsNaN(v) && (v < 0 || v > 100 || math.IsInf(v, 0)) {
		add("published_mean", "%s is outside [0, 100] points", model.FormatOutside(v, 0, 100))
	}
	for _, ind := range ix.Industries {
		if err := CheckKey(ind.Key); err != nil {
			add(ind.Key, "%v", err)
		}
		if v := ind.Published.V; !math.IsNaN(v) && (v < 0 || v > 100 || math.IsInf(v, 0)) {
			add(ind.Key+".published", "%s is outside [0, 100] points", FormatValue(v))
		}
		if v := ind.ValueAdded.V; !math.IsNaN(v) && !(v > 0 && v <= 100) {
			add(ind.Key+".value_added_share_pct", "%s is outside (0, 100] %%", FormatValue(v))
		}
		if len(ind.Stages) == 0 {
			add(ind.Key, "no stage: an industry needs at least one")
		}
		checkStages(ind.Key, "the stages of "+ind.Key, ind.Stages, add)
		for _, m := range ind.Modes {
			path := ind.Key + ".modes." + m.Key
			checkPct(path+".penetration_pct", m.Penetration.V, add)
			for _, f := range m.Feeds {
				if _, ok := ind.Stage(f); !ok {
					add(path+".feeds", "%s has no stage %q%s", ind.Key, f, suggestStage(ind, f))
				}
			}
		}
	}
	for i, c := range ix.Constraints {
		path := fmt.Sprintf("%s.constraints.%s", c.Industry, c.Key)
		if c.Key == "" {
			path = fmt.Sprintf("%s.constraints[%d]", c.Industry, i+1)
		}
		ind, ok := ix.Industry(c.Industry)
		if !ok {
			add(path, "no industry %q%s", c.Industry, suggest(c.Industry, industryKeys(ix)))
			continue
		}
		switch {
		case len(c.Items) == 0:
			add(path+".items", "%s names no stage", c.Kind)
		case c.Kind.single() && len(c.Items) != 1:
			add(path+".items", "%s takes one stage, not %d", c.Kind, len(c.Items))
		case c.Kind == Descending && len(c.Items) < 2:
			add(path+".items", "descending takes at least two stages")
		}
		for _, it := range c.Items {
			s, ok := ind.Stage(it)
			if !ok {
				add(path+".items", "%s has no stage %q%s", ind.Key, it, suggestStage(ind, it))
				continue
			}
			if c.Kind == WeightHighest && !isTop(ind, s) {
				add(path+".items", "weight_highest compares stages, and %q is a sub-stage", it)
			}
		}
		if c.Kind.HasValue() {
			lim := 100.0
			if c.Kind == WeightSum {
				lim = 1
			}
			if math.IsNaN(c.Value) || c.Value < 0 || c.Value > lim {
				add(path+".value", "%s is outside [0, %s]", FormatValue(c.Value), FormatValue(lim))
			}
		}
	}
	return ps
}

func isTop(ind *Industry, s *Stage) bool {
	for _, t := range ind.Stages {
		if t == s {
			return true
		}
	}
	return false
}

func checkStages(prefix, what string, ss []*Stage, add func(path, format string, args ...any)) {
	var sum float64
	for _, s := range ss {
		path := prefix + "." + s.Key
		if err := CheckKey(s.Key); err != nil {
			add(path, "%v", err)
		}
		w := s.Weight.V
		switch {
		case math.IsNaN(w) || math.IsInf(w, 0):
			add(path+".weight", "%v is not a finite number; give a weight in [0, 1]", w)
		case w < 0 || w > 1:
			add(path+".weight", "%s is outside [0, 1]", FormatValue(w))
		}
		sum += w
		if s.Leaf() {
			checkPct(path+".penetration_pct", s.Penetration.V, add)
		}
		switch {
		case math.IsNaN(s.Min) || math.IsNaN(s.Max) || s.Min < 0 || s.Max > 100:
			add(path+".penetration_pct", "the bounds min = %s, max = %s must lie in [0, 100] %%", FormatValue(s.Min), FormatValue(s.Max))
		case s.Min > s.Max:
			add(path+".penetration_pct", "min = %s is above max = %s", FormatValue(s.Min), FormatValue(s.Max))
		}
		if !s.Leaf() {
			checkStages(path, "the sub-stages of "+path, s.Subs, add)
		}
	}
	if len(ss) > 0 && !math.IsNaN(sum) && math.Abs(sum-1) > WeightTolerance {
		add(prefix+"."+ss[0].Key+".weight", "%s add up to %s; the weights of siblings must add up to 1 (±%g)", what, FormatValue(sum), WeightTolerance)
	}
}

func checkPct(path string, v float64, add func(path, format string, args ...any)) {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		add(path, "%v is not a finite number; give a penetration in [0, 100] %%", v)
	case v < 0 || v > 100:
		add(path, "%s is outside the allowed range [0, 100] %%", model.FormatOutside(v, 0, 100))
	}
}

func industryKeys(ix *Index) []string {
	var ks []string
	for _, ind := range ix.Industries {
		ks = append(ks, ind.Key)
	}
	return ks
}

// StagePaths returns the paths of every stage and sub-stage of ind, in
// file order: "stage", "stage.sub", ….
func (ind *Industry) StagePaths() []string {
	var ps []string
	for _, s := range ind.Stages {
		ps = append(ps, s.Key)
		for _, c := range s.Subs {
			ps = append(ps, s.Key+"."+c.Key)
		}
	}
	return ps
}

func suggestStage(ind *Industry, name string) string { return suggest(name, ind.StagePaths()) }

// suggest returns a hint for an unknown name among the allowed ones:
// "; did you mean X?" or "; allowed here: …".
func suggest(name string, allowed []string) string { return tomlfile.Suggest(name, allowed) }
