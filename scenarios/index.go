package scenarios

import (
	"fmt"
	"math"
	"strings"

	"simulate/cii"
	"simulate/indexes"
	"simulate/internal/tomlfile"
	"simulate/model"
)

// A scenario may drive θ from a path of the industrial-internet index
// instead of giving θ (model.IndexLink): θ_d,t = κ_d·I_t/100.
//
//	[cii]
//	index = "cii2020"                     # the index file whose mean is I of the first year (default)
//	index_pts = { 2020 = 18.4, … }        # I_t, points; the first year defaults to that mean
//	[cii.kappa]
//	technical_progress = 1.14             # κ_d (default 0)
//
// Any cii key makes the scenario's θ derived: tfp.ii_share.* may then not
// be given (except inherited from the scenario it extends, which the
// index replaces), and a scenario that gives θ replaces the index link it
// inherits.

// ciiPrefix starts every key of the index link.
const ciiPrefix = "cii."

// ciiIndexKey names the index file of the first year's default.
const ciiIndexKey = "cii.index"

// defaultCII is the index file a scenario's cii.index defaults to.
const defaultCII = "cii2020"

func addIndexSchema(s map[string]kind) { s[ciiIndexKey] = kindString }

// dropReplaced removes from the leaves a scenario inherits those its own
// leaves replace: θ when it drives θ from the index, the index link when it
// gives θ.
func dropReplaced(merged, own map[string]*leaf) {
	ownCII, ownTheta := false, false
	for k := range own {
		ownCII = ownCII || strings.HasPrefix(k, ciiPrefix)
		ownTheta = ownTheta || strings.HasPrefix(k, "tfp.ii_share.")
	}
	for k := range merged {
		if ownCII && strings.HasPrefix(k, "tfp.ii_share.") || ownTheta && strings.HasPrefix(k, ciiPrefix) {
			delete(merged, k)
		}
	}
}

// hasIndexLink reports whether the leaves give the index link.
func hasIndexLink(leaves map[string]*leaf) bool {
	for k := range leaves {
		if strings.HasPrefix(k, ciiPrefix) {
			return true
		}
	}
	return false
}

// buildIndexLink reads the cii keys into in.Index, which build has
// allocated, and reports θ given beside them.
func (b *builder) buildIndexLink(f *file, in *model.Inputs, leaves map[string]*leaf) Errors {
	var errs Errors
	for _, p := range model.Params {
		if l, ok := leaves[p.Key]; ok && p.IsTheta() {
			errs = append(errs, l.errorf(nil, "θ is computed from the index path in this scenario (θ_d = κ_d·I_t/100, [cii]): give cii.kappa.%s instead, or drop [cii]",
				strings.TrimPrefix(p.Key, "tfp.ii_share.")))
		}
	}
	for _, p := range model.Params {
		if !p.IsIndex() || p.PerYear {
			continue
		}
		v := p.Default
		if l, ok := leaves[p.Key]; ok {
			v, _ = tomlfile.Number(l.val)
		}
		*p.Scalar(in) = p.ToModel(v)
	}
	p, _ := model.LookupParam("cii.index_pts")
	l, ok := leaves[p.Key]
	if !ok {
		return append(errs, &Error{File: f.Name, Key: p.Key, Msg: "missing: a scenario with [cii] gives the index path index_pts (points), e.g. { 2020 = 18.4, 2021 = 19.9 }; its first year defaults to the mean of the index file"})
	}
	base, n := in.BaseYear, in.Len()
	vals, has, e := b.series(l, base, n, true, math.NaN())
	if len(e) > 0 {
		return append(errs, e...)
	}
	var missing []int
	for i := 1; i < n; i++ {
		if has[i] == nil {
			missing = append(missing, base+1+i)
		}
	}
	if len(missing) > 0 {
		errs = append(errs, l.errorf(nil, "missing %s: a table of years gives every year of the span %d–%d but the first, which defaults to the index file's mean",
			tomlfile.YearList(missing), base+1, base+n))
	}
	if has[0] == nil {
		mean, err := indexMean(f, leaves)
		if err != nil {
			return append(errs, err)
		}
		vals[0] = mean
	}
	for i, v := range vals {
		in.Index.Level[i] = p.ToModel(v)
	}
	return errs
}

// indexMean returns the mean of the index file that cii.index names
// (default cii2020): the first year's index when the scenario does not
// give it.
func indexMean(f *file, leaves map[string]*leaf) (float64, *Error) {
	ref, at := defaultCII, (*leaf)(nil)
	if l, ok := leaves[ciiIndexKey]; ok {
		ref, at = l.val.(string), l
	}
	fail := func(err error) (float64, *Error) {
		if at == nil {
			return 0, &Error{File: f.Name, Key: ciiIndexKey, Msg: err.Error()}
		}
		return 0, at.errorf(nil, "%v", err)
	}
	var ix *indexes.File
	var err error
	switch {
	case !tomlfile.IsPath(ref):
		ix, err = indexes.LoadEmbedded(ref)
	case at != nil && at.file.emb:
		return fail(fmt.Errorf("an embedded scenario names an embedded index, not the path %q", ref))
	default:
		p := ref
		if at != nil {
			p = at.file.join(ref)
		}
		ix, err = indexes.Load(p)
	}
	if err != nil {
		return fail(err)
	}
	var r cii.Result
	ix.Index.Evaluate(&r)
	return r.Mean, nil
}
