package cii

import (
	"fmt"
	"math"
)

// Source says where a value of an index comes from.
type Source uint8

const (
	// Given is a value without a stated source: a user's own file may give
	// plain numbers.
	Given Source = iota
	// Text is printed in the report's text (Value.Section and Value.Quote
	// say where and in which words).
	Text
	// Figure is read from one of the report's charts.
	Figure
	// Reconstructed is computed by [Reconstruct] from the textual
	// constraints and the published score.
	Reconstructed
	// Assumption is chosen by the file's author; Value.Note says why.
	Assumption
	// Derived is the penetration of a stage with sub-stages: their weighted
	// mean.
	Derived

	numSources
)

var sourceNames = [numSources]string{"given", "text", "figure", "reconstructed", "assumption", "derived"}

// String returns the source as index files and output files spell it:
// "text", "figure", "reconstructed", "assumption", "given" or "derived".
func (s Source) String() string {
	if s >= numSources {
		return fmt.Sprintf("Source(%d)", int(s))
	}
	return sourceNames[s]
}

// ParseSource reads a source as an index file writes it. "derived" is not
// written by files: it is what a stage with sub-stages has.
func ParseSource(s string) (Source, bool) {
	for i, n := range sourceNames {
		if n == s && Source(i) != Derived {
			return Source(i), true
		}
	}
	return 0, false
}

// Sources returns the spellings ParseSource accepts.
func Sources() []string {
	return []string{Text.String(), Figure.String(), Reconstructed.String(), Assumption.String(), Given.String()}
}

// Value is a number of an index with its source.
type Value struct {
	V       float64
	Source  Source
	Section string // where in the report, e.g. "4.1" (Text, Figure)
	Quote   string // the report's words (Text, Figure)
	Note    string // why (Assumption), or anything a reader should know
}

// Stage is a stage (流程, 环节) of an industry or a sub-stage of a stage.
//
// A stage without sub-stages is a leaf: its penetration is given. A stage
// with sub-stages has the weighted mean of theirs (Penetration.Source is
// Derived and Penetration.V is kept up to date by [Index.Update]).
type Stage struct {
	Key    string // key path element: letters, digits and '_'
	Name   string // English name
	NameZh string // the report's name
	// Named says where the report names the stage, or that the name is an
	// assumption. Only its Source, Section, Quote and Note are used.
	Named Value
	// Weight is the stage's share of its parent (the industry for a stage,
	// the stage for a sub-stage), a fraction in [0, 1]; the weights of
	// siblings sum to 1.
	Weight Value
	// Penetration is the share of the stage reached by the industrial
	// internet's modes, in percent, [0, 100].
	Penetration Value
	// Min and Max bound the penetration as the report's text does (or an
	// assumption), in percent: [0, 100] when the text says nothing. The
	// bound's source is Penetration's Section, Quote and Note.
	Min, Max float64
	// Subs are the sub-stages, or nil for a leaf.
	Subs []*Stage
}

// Leaf reports whether s has no sub-stages.
func (s *Stage) Leaf() bool { return len(s.Subs) == 0 }

// Mode is a mode (模式) of the industrial internet in an industry, with the
// share of its target users it reaches, and the stages it feeds: where a
// stage's penetration is reconstructed, the mode's penetration is its
// target (see [Reconstruct]).
type Mode struct {
	Key         string
	Name        string
	NameZh      string
	Penetration Value    // percent of target users reached
	Feeds       []string // stage paths within the industry: "teaching" or "stage.sub"
}

// Industry is one of the industries of an index.
type Industry struct {
	Key    string
	Name   string
	NameZh string
	// Published is the score the report publishes, in points; V is NaN when
	// it publishes none. Precision is its last printed digit (0.1).
	Published Value
	Precision float64
	// ValueAdded is the industry's value added as a share of GDP, percent,
	// the weight of the value-added-weighted mean; V is NaN when not given.
	ValueAdded Value
	Stages     []*Stage
	Modes      []*Mode
}

// Aggregate is how an index's overall figure is formed from its
// industries' scores.
type Aggregate uint8

const (
	// Mean is the arithmetic mean, as the report forms its 17.09.
	Mean Aggregate = iota
	// ValueAdded weights each industry by its value added (share of GDP).
	ValueAdded
)

var aggregateNames = [...]string{"mean", "value_added"}

// String returns "mean" or "value_added".
func (a Aggregate) String() string {
	if int(a) >= len(aggregateNames) {
		return fmt.Sprintf("Aggregate(%d)", int(a))
	}
	return aggregateNames[a]
}

// ParseAggregate reads "mean" or "value_added".
func ParseAggregate(s string) (Aggregate, bool) {
	for i, n := range aggregateNames {
		if n == s {
			return Aggregate(i), true
		}
	}
	return 0, false
}

// Index is an industrial-internet index: industries, their stages with
// weights and penetrations, and the constraints the report's text puts on
// them.
type Index struct {
	Name        string
	Title       string
	Description string
	// Aggregate is the overall figure [Result.Overall] reports.
	Aggregate Aggregate
	// PublishedMean is the published arithmetic mean of the industries'
	// scores (V NaN when none), printed to MeanPrecision.
	PublishedMean Value
	MeanPrecision float64
	Industries    []*Industry
	Constraints   []*Constraint
}

// Update recomputes the penetration of every stage with sub-stages: the
// weighted mean of its sub-stages'.
func (ix *Index) Update() {
	for _, ind := range ix.Industries {
		for _, s := range ind.Stages {
			if !s.Leaf() {
				s.Penetration.V = stagePenetration(s)
			}
		}
	}
}

// stagePenetration returns Σ v_k·p_k over the sub-stages of s.
func stagePenetration(s *Stage) float64 {
	var p float64
	for _, sub := range s.Subs {
		p += sub.Weight.V * sub.Penetration.V
	}
	return p
}

// Score returns the industry's index, in points:
//
//	CII_i = Σ_j w_j·p_j,  p_j = Σ_k v_jk·p_jk for a stage with sub-stages,
//
// with the weights as fractions and the penetrations in percent. It reads
// the sub-stages of a stage, not its stored penetration.
func (ind *Industry) Score() float64 {
	var sc float64
	for _, s := range ind.Stages {
		p := s.Penetration.V
		if !s.Leaf() {
			p = stagePenetration(s)
		}
		sc += s.Weight.V * p
	}
	return sc
}

// Result is the scores of an index's industries and their aggregates.
type Result struct {
	Scores []float64 // CII_i, points, in the order of Index.Industries
	Ranks  []int     // 1 for the highest score; ties share the better rank
	Mean   float64   // the arithmetic mean of Scores, points (the report's 17.09)
	// VAMean is the mean of Scores weighted by value added, points; NaN
	// when an industry has no value-added share.
	VAMean float64
	// Overall is Mean or VAMean, as the index's Aggregate says.
	Overall float64
}

// Evaluate computes the scores, ranks and aggregates of ix into dst,
// reusing dst's slices: it allocates nothing once they have room.
func (ix *Index) Evaluate(dst *Result) {
	n := len(ix.Industries)
	dst.Scores = grow(dst.Scores, n)
	if cap(dst.Ranks) < n {
		dst.Ranks = make([]int, n)
	}
	dst.Ranks = dst.Ranks[:n]
	var sum, vaSum, va float64
	for i, ind := range ix.Industries {
		sc := ind.Score()
		dst.Scores[i] = sc
		sum += sc
		vaSum += ind.ValueAdded.V * sc
		va += ind.ValueAdded.V
	}
	Ranks(dst.Ranks, dst.Scores)
	dst.Mean = sum / float64(n)
	dst.VAMean = vaSum / va
	if math.IsNaN(va) || va <= 0 {
		dst.VAMean = math.NaN()
	}
	dst.Overall = dst.Mean
	if ix.Aggregate == ValueAdded {
		dst.Overall = dst.VAMean
	}
}

func grow(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	return s[:n]
}

// Ranks sets dst[i] to the rank of scores[i]: 1 plus the number of scores
// strictly greater (competition ranking, "1224": ties share the better
// rank). It allocates nothing. It panics if the lengths differ.
func Ranks(dst []int, scores []float64) {
	if len(dst) != len(scores) {
		panic("cii: Ranks with slices of different length")
	}
	for i, s := range scores {
		r := 1
		for _, t := range scores {
			if t > s {
				r++
			}
		}
		dst[i] = r
	}
}

// Industry returns the industry with the given key.
func (ix *Index) Industry(key string) (*Industry, bool) {
	for _, ind := range ix.Industries {
		if ind.Key == key {
			return ind, true
		}
	}
	return nil, false
}

// Stage returns the stage of ind at path: "stage" or "stage.sub".
func (ind *Industry) Stage(path string) (*Stage, bool) {
	st, sub := splitPath(path)
	for _, s := range ind.Stages {
		if s.Key != st {
			continue
		}
		if sub == "" {
			return s, true
		}
		for _, c := range s.Subs {
			if c.Key == sub {
				return c, true
			}
		}
	}
	return nil, false
}

func splitPath(path string) (stage, sub string) {
	for i := range len(path) {
		if path[i] == '.' {
			return path[:i], path[i+1:]
		}
	}
	return path, ""
}

// Leaves calls f for each leaf of ind (a stage without sub-stages, or a
// sub-stage) with its path ("stage" or "stage.sub"), its share of the
// industry (its weight times its stage's for a sub-stage) and the stage it
// belongs to (itself for a stage without sub-stages), in file order.
func (ind *Industry) Leaves(f func(path string, share float64, leaf, stage *Stage)) {
	for _, s := range ind.Stages {
		if s.Leaf() {
			f(s.Key, s.Weight.V, s, s)
			continue
		}
		for _, c := range s.Subs {
			f(s.Key+"."+c.Key, s.Weight.V*c.Weight.V, c, s)
		}
	}
}

// Clone returns a deep copy of ix.
func (ix *Index) Clone() *Index {
	c := *ix
	c.Industries = make([]*Industry, len(ix.Industries))
	for i, ind := range ix.Industries {
		d := *ind
		d.Stages = cloneStages(ind.Stages)
		d.Modes = make([]*Mode, len(ind.Modes))
		for k, m := range ind.Modes {
			mm := *m
			mm.Feeds = append([]string(nil), m.Feeds...)
			d.Modes[k] = &mm
		}
		c.Industries[i] = &d
	}
	c.Constraints = make([]*Constraint, len(ix.Constraints))
	for i, k := range ix.Constraints {
		kk := *k
		kk.Items = append([]string(nil), k.Items...)
		c.Constraints[i] = &kk
	}
	return &c
}

func cloneStages(ss []*Stage) []*Stage {
	if ss == nil {
		return nil
	}
	out := make([]*Stage, len(ss))
	for i, s := range ss {
		c := *s
		c.Subs = cloneStages(s.Subs)
		out[i] = &c
	}
	return out
}
