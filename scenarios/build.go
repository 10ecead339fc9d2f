package scenarios

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"simulate/internal/tomlfile"
	"simulate/model"
	"simulate/uncertain"
)

// builder turns the merged leaves of a scenario into model inputs and
// checks them, collecting every problem and note.
type builder struct {
	f      *file            // the file loaded (depth 0)
	leaves map[string]*leaf // every key given, after extends was applied
	broken map[string]bool  // keys given with a value that could not be read
	in     *model.Inputs

	// spanDepth is the depth of the nearest file that gives the span: a
	// table of years from a file further up the chain was written for
	// another span, so years outside this one are ignored, and years it
	// lacks are this file's to give.
	spanDepth int
	spanLeaf  *leaf // span.last_year, where a span change is written

	// from holds, for each per-year key read, the leaf that gave each
	// year's value (nil: not given, the default applies).
	from   map[string][]*leaf
	checks map[string][]float64 // the stated TFP share and contribution, key units

	errs  Errors
	notes []string
}

// build turns the merged leaves of a scenario into model inputs and checks
// them, collecting every problem: a phase runs whenever its input could be
// read, skipping only the checks that depend on a key in broken (given,
// but unreadable) or on one already found wrong.
func build(f *file, leaves map[string]*leaf, broken map[string]bool) (*Scenario, Errors) {
	b := &builder{f: f, leaves: leaves, broken: broken, from: map[string][]*leaf{}, checks: map[string][]float64{}}
	s, errs := header(f, leaves)
	b.errs = errs
	solow := s.Mode == ModeSolow
	b.errs = append(b.errs, modeKeys(f, s.Mode, leaves)...)
	// The span comes first: every per-year value is read against it.
	base, n, e := span(f, leaves, broken)
	b.errs = append(b.errs, e...)
	if len(e) > 0 || n < 1 {
		return nil, b.errs
	}
	b.spanDepth = math.MaxInt
	for _, k := range []string{"span.base_year", "span.last_year"} {
		if l := leaves[k]; l.depth() < b.spanDepth {
			b.spanDepth = l.depth()
		}
	}
	b.spanLeaf = leaves["span.last_year"]
	in := model.NewInputs(base, n)
	if solow {
		in.Solow = model.NewSolow(n, hasICT(leaves))
	}
	if hasIndexLink(leaves) {
		in.Index = model.NewIndexLink(n)
	}
	s.Inputs, b.in = in, in

	for _, p := range model.Params {
		if p.Solow || p.IsIndex() || p.Derived(in) {
			continue // read by buildSolow or buildIndexLink, or computed (modeKeys and buildIndexLink report it if given)
		}
		l, ok := leaves[p.Key]
		if !ok {
			b.absent(p)
			continue
		}
		if !p.PerYear {
			v, _ := tomlfile.Number(l.val)
			*p.Scalar(in) = p.ToModel(v)
			continue
		}
		def := p.Default
		if p.IsSplit {
			def = math.NaN() // a split key gives the years of its form only
		}
		vals, from, e := b.series(l, base, n, p.IsSplit, def)
		if len(e) > 0 {
			b.errs = append(b.errs, e...)
			b.broken[p.Key] = true
			continue
		}
		dst := p.Series(in)
		for i, v := range vals {
			if from[i] != nil || !p.IsSplit {
				dst[i] = p.ToModel(v)
			}
		}
		b.from[p.Key] = from
	}
	b.errs = append(b.errs, weightResidual(f, in, leaves)...)
	for _, key := range checkOnly {
		l, ok := leaves[key]
		if !ok || solow {
			continue
		}
		vals, from, e := b.series(l, base, n, true, math.NaN())
		for i, v := range vals {
			if from[i] != nil && !tomlfile.Finite(v) {
				e = append(e, b.yearError(from[i], base+1+i, "%v is not a finite number", v))
				from[i] = nil
			}
		}
		if len(e) > 0 {
			b.errs = append(b.errs, e...)
			b.broken[key] = true
			continue
		}
		b.checks[key], b.from[key] = vals, from
	}
	h, e := buildHistory(leaves, base)
	s.History = h
	b.errs = append(b.errs, e...)
	s.Reference, e = buildReference(leaves)
	b.errs = append(b.errs, e...)
	if in.Index != nil {
		if e := b.buildIndexLink(f, in, leaves); len(e) > 0 {
			b.errs = append(b.errs, e...)
		} else {
			model.FillIndex(in)
		}
	}

	if solow {
		if e := buildSolow(b); len(e) > 0 {
			b.errs = append(b.errs, e...)
			return nil, b.errs
		}
		for _, ie := range in.Check() {
			if !b.involvesBroken(ie) {
				b.errs = append(b.errs, solowInputError(b, ie))
			}
		}
		if len(b.errs) > 0 {
			return nil, b.errs
		}
		return b.finishUncertainty(s)
	}

	splitOK := !b.anyBroken(splitKeys()...)
	b.splitForms(splitOK)
	b.dropInheritedChecks()
	if splitOK && !b.anyBroken("gdp.growth_pct") {
		b.checkSums()
	}
	for _, ie := range in.Check() {
		if !b.involvesBroken(ie) && (splitOK || !isSplitKey(ie.Key)) {
			b.errs = append(b.errs, b.inputError(ie))
		}
	}
	if len(b.errs) > 0 {
		return nil, b.errs
	}
	return b.finishUncertainty(s)
}

// finishUncertainty reads and checks the [uncertainty] table of s (in
// either mode) and gives s its notes.
func (b *builder) finishUncertainty(s *Scenario) (*Scenario, Errors) {
	unc, corr, e := buildUncertainty(b.in, b.leaves)
	if len(e) > 0 {
		return nil, b.inheritedEntries(e)
	}
	s.Uncertainty, s.Correlations = unc, corr
	b.inheritedDraws(unc)
	s.Notes = b.notes
	return s, nil
}

// inheritedDraws notes the [uncertainty] entries inherited from a scenario
// this one extends that draw, in set mode, a parameter a nearer file
// changes: the sensitivity tools would then draw around the old value,
// not the new one.
func (b *builder) inheritedDraws(unc []uncertain.Input) {
	for _, u := range unc {
		e := b.leaves[uncertaintyKey+"."+u.Name]
		if e == nil || u.Mode != model.Set {
			continue
		}
		for _, path := range u.Keys {
			key, _, _ := strings.Cut(path, "[")
			l, ok := b.leaves[key]
			if !ok || l.depth() >= e.depth() {
				continue
			}
			line, _ := e.pos()
			b.notes = append(b.notes, fmt.Sprintf(
				"[uncertainty] %q, inherited from %s:%d, draws %s from %s in place of the value %s gives it: "+
					"sweep, tornado, mc and sobol would vary it around the inherited value; give it your own entry in [uncertainty], or drop it with { dist = \"none\" }",
				u.Name, e.file.Name, line, key, u.Dist.String(), l.file.Name))
		}
	}
}

// absent handles a parameter the scenario does not give: its default, or
// an error if it is required (unless the user gave it with a value that
// could not be read, already reported).
func (b *builder) absent(p *model.Param) {
	in := b.in
	switch {
	case p.Required() && !b.anyBroken(p.Key):
		b.errs = append(b.errs, &Error{File: b.f.Name, Key: p.Key, Msg: fmt.Sprintf("missing: the scenario must give %s (%s)", p.Key, p.Doc)})
		b.broken[p.Key] = true
	case p.Required():
	case !p.PerYear:
		*p.Scalar(in) = p.ToModel(p.Default)
	case !p.IsSplit:
		dst := p.Series(in)
		for i := range dst {
			dst[i] = p.ToModel(p.Default)
		}
	}
}

// anyBroken reports whether any of keys, or a table holding one, was given
// with a value that could not be read.
func (b *builder) anyBroken(keys ...string) bool {
	for _, k := range keys {
		for p := k; ; {
			if b.broken[p] {
				return true
			}
			i := strings.LastIndexByte(p, '.')
			if i < 0 {
				break
			}
			p = p[:i]
		}
	}
	return false
}

// involvesBroken reports whether a model validation error concerns a key
// that could not be read: its value is not the user's.
func (b *builder) involvesBroken(ie *model.InputError) bool {
	return b.anyBroken(append([]string{ie.Key}, ie.Also...)...)
}

// splitKeys returns every key of every split form.
func splitKeys() []string {
	var keys []string
	for fm := range model.SplitForm(model.NumSplitForms) {
		keys = append(keys, fm.Keys()...)
	}
	return keys
}

func isSplitKey(key string) bool { return slices.Contains(splitKeys(), key) }

// header reads the keys that say what the scenario is: its name (from the
// name key, else the file name), title, description, mode and the
// published figures it is compared with.
func header(f *file, leaves map[string]*leaf) (*Scenario, Errors) {
	var errs Errors
	s := &Scenario{Source: f.Name, Mode: ModeDecomposition, leaves: leaves}
	if l, ok := leaves["title"]; ok {
		s.Title = l.val.(string)
	}
	if l, ok := leaves["description"]; ok {
		s.Description = l.val.(string)
	}
	if l, ok := leaves["name"]; ok {
		s.Name = l.val.(string)
		if err := CheckName(s.Name); err != nil {
			errs = append(errs, l.errorf(nil, "%v", err))
		}
	} else {
		s.Name = tomlfile.NameFromFile(f.Name)
		if err := CheckName(s.Name); err != nil {
			errs = append(errs, &Error{File: f.Name, Key: "name", Msg: fmt.Sprintf("the file name gives no usable scenario name (%v); add a name key", err)})
		}
	}
	if l, ok := leaves["mode"]; ok {
		switch m := l.val.(string); m {
		case ModeDecomposition, ModeSolow:
			s.Mode = m
		default:
			errs = append(errs, l.errorf(nil, "mode %q is not known; allowed: %s, %s", m, ModeDecomposition, ModeSolow))
		}
	}
	if l, ok := leaves["published"]; ok {
		// Not inherited, so l is a key of f: a path is relative to f.
		switch ref := l.val.(string); {
		case ref == "":
			errs = append(errs, l.errorf(nil, "is empty: name the calibration spec that holds the published figures, e.g. published = \"report2020\""))
		case !tomlfile.IsPath(ref):
			s.Published = ref
		case f.emb:
			errs = append(errs, l.errorf(nil, "an embedded scenario names an embedded calibration spec, not the path %q", ref))
		default:
			s.Published = f.join(ref)
		}
	}
	return s, errs
}

// span reads [span] into the base year and the number of years after it.
func span(f *file, leaves map[string]*leaf, broken map[string]bool) (base, n int, errs Errors) {
	var years [2]int
	for i, key := range []string{"span.base_year", "span.last_year"} {
		l, ok := leaves[key]
		if !ok {
			if !broken[key] && !broken["span"] {
				errs = append(errs, &Error{File: f.Name, Key: key, Msg: "missing: the scenario must give [span] base_year and last_year"})
			}
			continue
		}
		y := l.val.(int64)
		if y < 1000 || y > 9999 {
			errs = append(errs, l.errorf(nil, "%d is not a year in [1000, 9999]", y))
			continue
		}
		years[i] = int(y)
	}
	if years[0] == 0 || years[1] == 0 {
		return 0, 0, errs // no span: nothing per year can be read
	}
	if n := years[1] - years[0]; n < 1 || n > model.MaxYears {
		errs = append(errs, leaves["span.last_year"].errorf(nil,
			"last_year %d must be 1 to %d years after base_year %d", years[1], model.MaxYears, years[0]))
	}
	return years[0], years[1] - years[0], errs
}

// splitForms sets the split form of every year from the keys given for it:
// exactly one form per year, with all of its keys. Where files of the
// chain give a year's split in different forms, the nearest file's form
// wins (an extending file that gives contributions overrides the shares
// it inherits) and the other form's values for that year are dropped.
// With report false (a split key could not be read) it sets what forms
// it can and reports nothing.
func (b *builder) splitForms(report bool) {
	in := b.in
	var missing []int
	for i := range in.Len() {
		year := in.FirstYear() + i
		type cand struct {
			fm model.SplitForm
			l  *leaf // the nearest leaf giving one of its keys this year
		}
		var found []cand
		for fm := range model.SplitForm(model.NumSplitForms) {
			var near *leaf
			for _, key := range fm.Keys() {
				if l := b.gave(key, i); l != nil && (near == nil || l.depth() < near.depth()) {
					near = l
				}
			}
			if near != nil {
				found = append(found, cand{fm, near})
			}
		}
		if len(found) == 0 {
			missing = append(missing, year)
			continue
		}
		nearest := found[0].l.depth()
		for _, c := range found {
			nearest = min(nearest, c.l.depth())
		}
		var near []cand
		for _, c := range found {
			if c.l.depth() == nearest {
				near = append(near, c)
				continue
			}
			for _, key := range c.fm.Keys() { // overridden by a nearer file's form
				if fr := b.from[key]; fr != nil {
					fr[i] = nil
				}
			}
		}
		fm, l := near[0].fm, near[0].l
		in.Form[i] = fm
		if !report {
			continue
		}
		if len(near) > 1 {
			a, c := near[0], near[1]
			b.errs = append(b.errs, b.yearError(c.l, year,
				"the factor split of %d is given in two forms, %s (%s) and %s (%s); give one form per year",
				year, a.fm, a.l.key, c.fm, c.l.key))
			continue
		}
		for _, key := range fm.Keys() {
			if b.gave(key, i) == nil {
				b.errs = append(b.errs, b.yearError(l, year,
					"gives the factor split of %d in the %s form, which also needs %s", year, fm, key))
			}
		}
	}
	if len(missing) > 0 && report {
		b.errs = append(b.errs, &Error{File: b.f.Name, Key: "labor, capital", Msg: fmt.Sprintf(
			"no factor split for %s: give labor.share_pct and capital.share_pct (shares of growth, %%), "+
				"labor.contribution_pp and capital.contribution_pp (pp), or labor.growth_pct, capital.growth_pct "+
				"and capital.income_share (production function)", tomlfile.YearList(missing))})
	}
}

// gave returns the leaf that gives the per-year key in year index i, or
// nil.
func (b *builder) gave(key string, i int) *leaf {
	if fr := b.from[key]; fr != nil {
		return fr[i]
	}
	return nil
}

// splitDepth returns the depth of the nearest file that gives any value of
// year index i's factor split (or, with growth, its growth).
func (b *builder) splitDepth(i int, growth bool) int {
	d := math.MaxInt
	keys := b.in.Form[i].Keys()
	if growth {
		keys = append(slices.Clip(keys), "gdp.growth_pct")
	}
	for _, key := range keys {
		if l := b.gave(key, i); l != nil {
			d = min(d, l.depth())
		}
	}
	return d
}

// dropInheritedChecks drops, year by year, a stated TFP share or
// contribution inherited from a scenario this one extends when a nearer
// file changes that year's factor split (or, for a contribution, its
// growth): the statement was about the other split, and TFP takes the
// residual of the new one. A note says so. A statement the file itself
// makes is still checked.
func (b *builder) dropInheritedChecks() {
	in := b.in
	for _, key := range checkOnly {
		fr := b.from[key]
		if fr == nil {
			continue
		}
		contribution := key == "tfp.contribution_pp"
		var years []int
		var stated, residual []float64
		var at, by *leaf
		for i, l := range fr {
			if l == nil {
				continue
			}
			d := b.splitDepth(i, contribution)
			if d >= l.depth() {
				continue
			}
			fr[i] = nil
			years = append(years, in.FirstYear()+i)
			stated = append(stated, b.checks[key][i])
			residual = append(residual, b.residual(i, contribution))
			at = l
			for _, k := range append(slices.Clip(in.Form[i].Keys()), "gdp.growth_pct") {
				if g := b.gave(k, i); g != nil && g.depth() == d {
					by = g
					break
				}
			}
		}
		if len(years) == 0 {
			continue
		}
		what, unit := "share", " %"
		if contribution {
			what, unit = "contribution", " pp"
		}
		value := ""
		if lo, hi := span64(stated); lo == hi {
			value = " = " + model.FormatValue(lo)
		}
		line, _ := at.pos()
		b.notes = append(b.notes, fmt.Sprintf(
			"%s%s, stated in %s:%d, is not checked in %s: %s changes the factor split there, and TFP's %s is the residual, %s",
			key, value, at.file.Name, line, tomlfile.YearRanges(years), by.file.Name, what, rangeText(residual, unit)))
	}
}

// residual returns TFP's share of growth (%) or contribution (pp) in year
// index i: what labour and capital leave.
func (b *builder) residual(i int, contribution bool) float64 {
	var r model.Results
	in := b.in
	one := model.NewInputs(in.BaseYear+i, 1)
	one.BaseGDP = 1
	one.Form[0], one.Growth[0] = in.Form[i], in.Growth[i]
	one.LaborShare[0], one.CapitalShare[0] = in.LaborShare[i], in.CapitalShare[i]
	one.LaborContribution[0], one.CapitalContribution[0] = in.LaborContribution[i], in.CapitalContribution[i]
	one.LaborGrowth[0], one.CapitalGrowth[0], one.Alpha[0] = in.LaborGrowth[i], in.CapitalGrowth[i], in.Alpha[i]
	model.Evaluate(&r, one)
	if contribution {
		return 100 * r.Years[0].Contribution[model.TFP]
	}
	return 100 * r.Years[0].Share[model.TFP]
}

func span64(v []float64) (lo, hi float64) {
	lo, hi = v[0], v[0]
	for _, x := range v {
		lo, hi = min(lo, x), max(hi, x)
	}
	return lo, hi
}

// rangeText writes values as "56.3 %" when they round to one, else
// "54.1–58 %", rounded to two decimals.
func rangeText(v []float64, unit string) string {
	r := func(x float64) string { return model.FormatValue(math.Round(100*x) / 100) }
	lo, hi := span64(v)
	if r(lo) == r(hi) {
		return r(lo) + unit
	}
	return r(lo) + "–" + r(hi) + unit
}

// checkSums compares the stated TFP share or contribution, where given, with
// the residual the model takes.
func (b *builder) checkSums() {
	in := b.in
	for i := range in.Len() {
		year := in.FirstYear() + i
		if l := b.gave("tfp.share_pct", i); l != nil {
			if in.Form[i] != model.Shares {
				b.errs = append(b.errs, b.yearError(l, year, "the factor split of %d is given as %s, not shares: tfp.share_pct does not apply to it", year, in.Form[i]))
			} else {
				sum := 100*(in.LaborShare[i]+in.CapitalShare[i]) + b.checks["tfp.share_pct"][i]
				if d := sum - 100; d > ShareSumTolerance || d < -ShareSumTolerance {
					b.errs = append(b.errs, b.yearError(l, year,
						"labour, capital and TFP shares of growth add up to %s %% in %d; they must add up to 100 %% (±%g pp)",
						model.FormatValue(sum), year, ShareSumTolerance))
				}
			}
		}
		if l := b.gave("tfp.contribution_pp", i); l != nil {
			if in.Form[i] != model.Contributions {
				b.errs = append(b.errs, b.yearError(l, year, "the factor split of %d is given as %s, not contributions: tfp.contribution_pp does not apply to it", year, in.Form[i]))
				continue
			}
			sum := 100*(in.LaborContribution[i]+in.CapitalContribution[i]) + b.checks["tfp.contribution_pp"][i]
			if d := sum - 100*in.Growth[i]; d > ShareSumTolerance || d < -ShareSumTolerance {
				b.errs = append(b.errs, b.yearError(l, year,
					"labour, capital and TFP contributions add up to %s pp in %d, but growth is %s %% (tolerance ±%g pp)",
					model.FormatValue(sum), year, model.FormatValue(100*in.Growth[i]), ShareSumTolerance))
			}
		}
	}
}

// weightResidualKey names the TFP dimension whose weight absorbs a change
// of another weight (model.WeightRule).
const weightResidualKey = "tfp.weight_residual"

// weightResidual reads tfp.weight_residual: the residual dimension's
// weight becomes 1 minus the others, whatever value it was given in a file
// this one extends; a value the file itself gives must agree.
func weightResidual(f *file, in *model.Inputs, leaves map[string]*leaf) Errors {
	l, ok := leaves[weightResidualKey]
	if !ok {
		return nil
	}
	name := l.val.(string)
	d, ok := model.ParseDimension(name)
	if !ok {
		return Errors{l.errorf(nil, "%q is not a TFP dimension; write one of %s%s", name,
			strings.Join(model.DimensionNames(), ", "), didYouMean(name, model.DimensionNames()))}
	}
	in.WeightRule = model.WeightRule{Residual: true, Dimension: d}
	var others float64
	var key string
	for _, p := range model.Params {
		switch e, ok := p.Dimension(); {
		case !ok:
		case e == d:
			key = p.Key
		default:
			others += *p.Scalar(in)
		}
	}
	rest := 1 - others
	if rl, given := leaves[key]; given && rl.file == f && math.Abs(in.Weight[d]-rest) > model.WeightTolerance {
		return Errors{rl.errorf(nil, "%s is the residual weight (%s = %q): it is 1 minus the other weights, %s; leave it out or give %s",
			model.FormatValue(in.Weight[d]), weightResidualKey, name, model.FormatValue(rest), model.FormatValue(rest))}
	}
	in.Weight[d] = rest
	return nil
}

// didYouMean returns tomlfile.Suggest's hint when it names one close
// match, else "": for messages that list the allowed names themselves.
func didYouMean(name string, allowed []string) string {
	if s := tomlfile.Suggest(name, allowed); !strings.HasPrefix(s, "; allowed here") {
		return s
	}
	return ""
}

// inputError places a model validation error at the key that caused it:
// of the keys the problem involves, the one given by the nearest file (the
// user's change, rather than the value it meets in the scenario it
// extends), at the entry of the year concerned.
func (b *builder) inputError(ie *model.InputError) *Error {
	if r, ok := b.leaves[weightResidualKey]; ok {
		if p, ok := model.LookupParam(ie.Key); ok {
			if d, isWeight := p.Dimension(); isWeight && r.val == d.String() {
				// The residual is negative: place it at the weights this
				// file gives, else at the rule.
				at := r
				for _, q := range model.Params {
					if l, ok := b.leaves[q.Key]; ok && q.IsWeight() && q != p && l.file == b.f {
						at = l
						break
					}
				}
				e := at.errorf(nil, "%s", ie.Msg)
				e.Key = ie.Key
				return e
			}
		}
	}
	var at *leaf
	atKey := ie.Key
	for _, k := range append([]string{ie.Key}, ie.Also...) {
		l := b.leafFor(k, ie.Year)
		if l != nil && (at == nil || l.depth() < at.depth()) {
			at, atKey = l, k
		}
	}
	key := ie.Key
	if ie.Key != "tfp.weight" {
		key = atKey
	}
	if ie.Year != 0 {
		key = fmt.Sprintf("%s[%d]", key, ie.Year)
	}
	if at == nil {
		return &Error{File: b.f.Name, Key: key, Msg: ie.Msg + " (default value)", Year: ie.Year}
	}
	msg := ie.Msg
	if ie.Key == "tfp.weight" {
		msg += b.weightsHint(at)
	}
	e := b.yearError(at, ie.Year, "%s", msg)
	e.Key = key
	return e
}

// leafFor returns the leaf that gives key for year (0: a scalar key, or the
// whole span), or nil when the default applies.
func (b *builder) leafFor(key string, year int) *leaf {
	if fr := b.from[key]; fr != nil && year != 0 {
		if i := year - b.in.FirstYear(); i >= 0 && i < len(fr) {
			return fr[i]
		}
	}
	return b.leaves[key]
}

// weightsHint says, for a sum of TFP weights placed at at, which weights
// come from another file: a file that changes one weight gives all four.
func (b *builder) weightsHint(at *leaf) string {
	var own, inherited []string
	var from string
	for _, p := range model.Params {
		if !p.IsWeight() {
			continue
		}
		name := strings.TrimPrefix(p.Key, "tfp.weight.")
		l, ok := b.leaves[p.Key]
		switch {
		case !ok:
			inherited = append(inherited, name+" (default 0.25)")
		case l.file != at.file:
			inherited = append(inherited, name)
			from = l.file.Name
		default:
			own = append(own, name)
		}
	}
	if len(inherited) == 0 {
		return ""
	}
	where := ""
	if from != "" {
		where = " from " + from
	}
	return fmt.Sprintf("; %s gives %s and takes %s%s: give all four weights there",
		at.file.Name, strings.Join(own, ", "), strings.Join(inherited, ", "), where)
}

// yearError returns an error at the entry of year in l (l itself when l is
// not a table of years), for the year (0: none).
func (b *builder) yearError(l *leaf, year int, format string, args ...any) *Error {
	e := l.errorf(yearKey(l, year), format, args...)
	e.Year = year
	if year != 0 && !strings.Contains(e.Key, "[") && len(yearKey(l, year)) == 0 {
		e.Key = fmt.Sprintf("%s[%d]", l.key, year)
	}
	return e
}

// inheritedEntries places problems of [uncertainty] entries inherited from
// a scenario this one extends in this file, which is where they are fixed
// (by giving its own entry, or dropping the inherited one).
func (b *builder) inheritedEntries(errs Errors) Errors {
	for i, e := range errs {
		if e.File == b.f.Name {
			continue
		}
		path := strings.TrimPrefix(e.Key, uncertaintyKey+".")
		line, col := b.f.Locate(uncertaintyKey)
		errs[i] = &Error{File: b.f.Name, Line: line, Col: col, Key: e.Key, Year: e.Year, Msg: fmt.Sprintf(
			"%s (the entry is inherited from %s:%d: give %q your own entry in this file's [uncertainty], or drop it with { dist = \"none\" })",
			e.Msg, e.File, e.Line, path)}
	}
	return errs
}

// yearKey returns the key path below l at which year is written, when l is
// a per-year table (so that an error points at the year's own entry).
func yearKey(l *leaf, year int) []string {
	m, ok := l.val.(map[string]any)
	if !ok || year == 0 {
		return nil
	}
	if _, lin := m["linear"]; lin {
		return nil
	}
	for k := range m {
		if y, ok := model.ParseYear(k); ok && y == year {
			return []string{k}
		}
	}
	return nil
}

// series reads the time-varying value l for the years base+1 … base+n (see
// parseSeries) and returns, for each year, the leaf that gave its value:
// l, or one it overrides.
func (b *builder) series(l *leaf, base, n int, partial bool, def float64) ([]float64, []*leaf, Errors) {
	return parseSeries(l, base, n, seriesOptions{partial: partial, def: def, spanDepth: b.spanDepth, spanLeaf: b.spanLeaf})
}

// seriesOptions say how parseSeries reads a table of years.
type seriesOptions struct {
	// partial lets a table leave years without a value (the split keys,
	// which give the years of their form, and the stated checks).
	partial bool
	// def is the value of a year no file gives, in a file that extends
	// another; NaN when the key has none (required).
	def float64
	// spanDepth is the depth of the nearest file giving the span, and
	// spanLeaf its last_year: a table from a file further up the chain was
	// written for another span.
	spanDepth int
	spanLeaf  *leaf
}

// parseSeries reads a time-varying value for the years base+1 … base+n:
// a number (the same every year), a table of years, or a linear path
// { linear = { YEAR = VALUE, … } } (linear between the given years, flat
// before the first and after the last). It returns the values and, for
// each year, the leaf that gave it (nil for none).
//
// A table of years must give every year, unless the options make it
// partial or it is in a file that extends another: there a year it does
// not give is that of the value it overrides (l.base) or, when the
// scenario extended does not give the key either, the default. A table
// written for another span (in a file further up the chain than the span)
// may hold years outside this one, which are ignored.
func parseSeries(l *leaf, base, n int, o seriesOptions) (vals []float64, from []*leaf, errs Errors) {
	vals, from = make([]float64, n), make([]*leaf, n)
	if v, ok := tomlfile.Number(l.val); ok {
		for i := range vals {
			vals[i], from[i] = v, l
		}
		return vals, from, nil
	}
	m := l.val.(map[string]any)
	if lin, ok := m["linear"]; ok {
		if len(m) > 1 {
			return nil, nil, Errors{l.errorf(nil, "a linear path is written alone: { linear = { 2019 = 6.3, 2024 = 5.5 } }")}
		}
		pts, ok := lin.(map[string]any)
		if !ok {
			return nil, nil, Errors{l.errorf([]string{"linear"}, "must be a table of years and values, not %s", tomlfile.TypeName(lin))}
		}
		ys, vs, errs := yearTable(l, []string{"linear"}, pts, 0, 0, true)
		if len(errs) > 0 {
			return nil, nil, errs
		}
		if len(ys) == 0 {
			return nil, nil, Errors{l.errorf([]string{"linear"}, "a linear path needs at least one year")}
		}
		// Every point shapes the path, a point outside the span too:
		// each is checked against the key's range (1e300 in year 1000
		// cancelled the span's own points).
		if p, ok := model.LookupParam(l.key); ok {
			for k, v := range vs {
				at := []string{"linear", strconv.Itoa(ys[k])}
				switch {
				case !tomlfile.Finite(v):
					errs = append(errs, l.errorf(at, "%v is not a finite number; give a value in %s", v, p.Domain()))
				case v < p.Min || v > p.Max:
					errs = append(errs, l.errorf(at, "%s is outside the allowed range %s (%s): every point of a linear path shapes it, one outside the span too", model.FormatOutside(v, p.Min, p.Max), p.Domain(), p.Unit))
				}
			}
			if len(errs) > 0 {
				return nil, nil, errs
			}
		}
		for i := range vals {
			vals[i], from[i] = model.Interpolate(ys, vs, base+1+i), l
		}
		return vals, from, nil
	}
	strict := l.depth() <= o.spanDepth
	ys, vs, errs := yearTable(l, nil, m, base+1, base+n, strict)
	if len(errs) > 0 {
		return nil, nil, errs
	}
	for k, y := range ys {
		vals[y-base-1], from[y-base-1] = vs[k], l
	}
	if l.base != nil && slices.Contains(from, nil) {
		bo := o
		bo.partial = true
		bv, bf, errs := parseSeries(l.base, base, n, bo)
		if len(errs) > 0 {
			return nil, nil, errs
		}
		for i := range from {
			if from[i] == nil && bf[i] != nil {
				vals[i], from[i] = bv[i], bf[i]
			}
		}
	}
	if o.partial {
		return vals, from, nil
	}
	var missing []int
	for i, g := range from {
		switch {
		case g != nil:
		case l.file.extends && !math.IsNaN(o.def):
			vals[i] = o.def
		default:
			missing = append(missing, base+1+i)
		}
	}
	if len(missing) == 0 {
		return vals, from, nil
	}
	if !strict && o.spanLeaf != nil {
		// The span was changed by a nearer file, which must give the
		// years the inherited table lacks.
		e := o.spanLeaf.errorf(nil, "no value for %s: %s:%d gives it for another span; give it for these years in %s (a table of just these years is enough)",
			tomlfile.YearList(missing), l.file.Name, lineOf(l), o.spanLeaf.file.Name)
		e.Key = l.key
		return nil, nil, Errors{e}
	}
	return nil, nil, Errors{l.errorf(nil, "missing %s: a table of years must give every year of the span %d–%d (or write one number, or a linear path; a file that extends another may give some years only)",
		tomlfile.YearList(missing), base+1, base+n)}
}

func lineOf(l *leaf) int { line, _ := l.pos(); return line }

// yearTable reads a table of YEAR = NUMBER entries, sorted by year. When
// last > 0, years outside [first, last] are errors if strict, else
// ignored.
func yearTable(l *leaf, below []string, m map[string]any, first, last int, strict bool) (years []int, vals []float64, errs Errors) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	type point struct {
		y int
		v float64
	}
	var pts []point
	for _, k := range keys {
		at := append(append([]string(nil), below...), k)
		// A year has one spelling (four digits), so TOML's own duplicate-key
		// check already refuses a year given twice.
		y, ok := model.ParseYear(k)
		if !ok {
			errs = append(errs, l.errorf(at, "%q is not a year: the keys of a per-year table are years, e.g. 2019", k))
			continue
		}
		if last > 0 && (y < first || y > last) {
			if strict {
				errs = append(errs, l.errorf(at, "year %d is outside the span %d–%d", y, first, last))
			}
			continue
		}
		v, ok := tomlfile.Number(m[k])
		if !ok {
			errs = append(errs, l.errorf(at, "must be a number, not %s", tomlfile.TypeName(m[k])))
			continue
		}
		pts = append(pts, point{y, v})
	}
	sort.Slice(pts, func(i, j int) bool { return pts[i].y < pts[j].y })
	for _, p := range pts {
		years, vals = append(years, p.y), append(vals, p.v)
	}
	return years, vals, errs
}
