package indexes

import (
	"math"
	"slices"
	"strings"

	"simulate/cii"
	"simulate/internal/tomlfile"
	"simulate/model"
	"simulate/uncertain"
)

// The [uncertainty] table of an index file gives a distribution for any
// value of the index, keyed by its key path in quotes, as a scenario's
// table does (docs/sensitivity.md):
//
//	[uncertainty]
//	"index.retail.back_office.penetration_pct" = { dist = "uniform", min = 0, max = 15 }
//	"index.education.teaching.weight" = { dist = "triangular", min = 0.2, mode = 0.3, max = 0.4 }
//
// Two additions: a uniform distribution may say over = "feasible" instead
// of min and max, for the interval the text and the published score leave
// a reconstructed penetration (cii.Index.Feasible); and the key
// reconstructed gives one distribution to every reconstructed penetration
// that has no entry of its own:
//
//	reconstructed = { dist = "uniform", over = "feasible" }

// reconstructedKey is the key of the entry for every reconstructed
// penetration.
const reconstructedKey = "reconstructed"

// pending is an entry of the [uncertainty] table as read: a whole input,
// or one whose interval is the value's feasible interval, computed when
// the inputs are asked for (File.UncertainInputs).
type pending struct {
	u        uncertain.Input
	feasible bool
	at       []string // where the entry is written
}

// UncertainInputs returns the [uncertainty] table as uncertain inputs
// whose paths are index key paths, in file order: entries with over =
// "feasible" get the feasible interval of their value (cii.Index.Feasible),
// and are left out where the text pins the value (an empty interval). The
// error, placed at the entry, says when an interval cannot be computed:
// the index's values break the constraints.
func (f *File) UncertainInputs() ([]uncertain.Input, error) {
	ix := f.Index
	feasible := map[string]map[string]cii.Interval{}
	var out []uncertain.Input
	var errs Errors
	for _, p := range f.pending {
		if !p.feasible {
			out = append(out, p.u)
			continue
		}
		ref, _ := cii.Lookup(ix, p.u.Name)
		ind := ix.Industries[ref.Industry]
		if feasible[ind.Key] == nil {
			ivs, err := ix.Feasible(ind)
			if err != nil {
				errs = append(errs, f.src.Errorf(p.at, "%v", err))
				feasible[ind.Key] = map[string]cii.Interval{}
				continue
			}
			feasible[ind.Key] = ivs
		}
		path := strings.TrimSuffix(strings.TrimPrefix(ref.Path, cii.PathPrefix+ind.Key+"."), ".penetration_pct")
		iv, ok := feasible[ind.Key][path]
		if !ok || iv.Hi-iv.Lo < 1e-9 {
			continue // not computed (reported), or pinned: no uncertainty
		}
		d, err := uncertain.NewUniform(iv.Lo, iv.Hi)
		if err != nil {
			errs = append(errs, f.src.Errorf(p.at, "%s: %v", ref.Path, err))
			continue
		}
		p.u.Dist = d
		out = append(out, p.u)
	}
	if len(errs) > 0 {
		return nil, errs.Sort()
	}
	return out, nil
}

// uncertainty reads the [uncertainty] table.
func (r *reader) uncertainty(ix *cii.Index, v any) []pending {
	at := []string{"uncertainty"}
	m, ok := r.table(at, v, "a table of \"index.INDUSTRY.STAGE.…\" = { dist = …, … } entries")
	if !ok {
		return nil
	}
	var out []pending
	given := map[string]bool{}
	for _, k := range r.ordered(at, m) {
		if k == reconstructedKey {
			continue
		}
		kat := r.entryAt(k)
		ref, err := cii.Lookup(ix, k)
		if err != nil {
			msg := err.(*cii.PathError).Msg
			if !strings.Contains(k, ".") {
				msg += `; write the value's whole key path in quotes, e.g. "index.retail.back_office.penetration_pct" = { … }, or reconstructed = { … }`
			}
			r.errorf(kat, "%s", msg)
			continue
		}
		given[k] = true
		if p, ok := r.entry(kat, m[k], ref); ok {
			out = append(out, p)
		}
	}
	if e, ok := m[reconstructedKey]; ok {
		kat := []string{"uncertainty", reconstructedKey}
		for _, p := range ix.Paths() {
			ref, _ := cii.Lookup(ix, p)
			if given[p] || ref.Field != cii.PenetrationField || ref.Stage.Penetration.Source != cii.Reconstructed {
				continue
			}
			p, ok := r.entry(kat, e, ref)
			if !ok {
				break // the entry's problem is reported once
			}
			out = append(out, p)
		}
	}
	return out
}

// entryAt returns the key path that places the [uncertainty] entry
// "KEY.PATH" = … at its line. The position index of internal/tomlfile
// splits a quoted key at its dots, so the path is given split when that
// places it further down (on the entry rather than the table's header),
// else as one key.
func (r *reader) entryAt(k string) []string {
	whole := []string{"uncertainty", k}
	split := append([]string{"uncertainty"}, strings.Split(k, ".")...)
	if l, _ := r.f.Locate(split...); l > 0 {
		if lw, _ := r.f.Locate(whole...); l > lw {
			return split
		}
	}
	return whole
}

// entry reads one entry { dist = FAMILY, apply = MODE, PARAM = VALUE, … }
// (or over = "feasible" for a uniform) for the value ref addresses.
func (r *reader) entry(at []string, v any, ref cii.Ref) (pending, bool) {
	u := uncertain.NewInput(ref.Path, model.Set, uncertain.Distribution{})
	fail := pending{}
	m, ok := r.table(at, v, "a table such as { dist = \"uniform\", min = …, max = … }")
	if !ok {
		return fail, false
	}
	families := strings.Join(uncertain.Families(), ", ")
	ds, ok := m["dist"].(string)
	if !ok {
		r.errorf(at, "missing dist: one of %s", families)
		return fail, false
	}
	fam, ok := uncertain.ParseFamily(ds)
	if !ok {
		r.errorf(append(slices.Clone(at), "dist"), "unknown distribution %q; known: %s%s", ds, families, tomlfile.Suggest(ds, uncertain.Families()))
		return fail, false
	}
	allowed := []string{"dist", "apply"}
	for _, p := range fam.Params() {
		allowed = append(allowed, p.Name)
	}
	if fam == uncertain.Uniform {
		allowed = append(allowed, "over")
	}
	for _, k := range r.ordered(at, m) {
		if !slices.Contains(allowed, k) {
			r.errorf(append(slices.Clone(at), k), "unknown key %q for a %s distribution%s", k, fam, tomlfile.Suggest(k, allowed))
			return fail, false
		}
	}
	if a, ok := m["apply"]; ok {
		s, _ := a.(string)
		mode, ok := model.ParseMode(s)
		if !ok {
			r.errorf(append(slices.Clone(at), "apply"), `must be "set" (the draw is the value), "add" (added to the base) or "scale" (a factor on the base), not %v`, a)
			return fail, false
		}
		u.Mode = mode
	}
	var params []float64
	if o, ok := m["over"]; ok {
		oat := append(slices.Clone(at), "over")
		_, hasMin := m["min"]
		_, hasMax := m["max"]
		switch {
		case o != "feasible":
			r.errorf(oat, `must be "feasible" (the interval the text and the published score leave the value), not %v`, o)
			return fail, false
		case hasMin || hasMax:
			r.errorf(oat, `over = "feasible" replaces min and max: give one or the other`)
			return fail, false
		case ref.Field != cii.PenetrationField || u.Mode != model.Set:
			r.errorf(oat, `over = "feasible" is for a penetration that is set (apply = "set")`)
			return fail, false
		}
		return pending{u: u, feasible: true, at: at}, true // feasible intervals lie in the domain
	} else {
		for _, p := range fam.Params() {
			x, ok := m[p.Name]
			if !ok && p.Optional {
				params = append(params, p.Default)
				continue
			}
			if !ok {
				r.errorf(at, "a %s distribution needs %s", fam, p.Name)
				return fail, false
			}
			f, ok := r.num(append(slices.Clone(at), p.Name), x)
			if !ok {
				return fail, false
			}
			params = append(params, f)
		}
	}
	d, err := uncertain.New(fam, params)
	if err != nil {
		r.errorf(at, "%s: %v", fam, err)
		return fail, false
	}
	u.Dist = d
	// No draw may leave the value's domain.
	lo, hi := d.Support()
	base := ref.Get()
	switch u.Mode {
	case model.Add:
		lo, hi = base+lo, base+hi
	case model.Scale:
		lo, hi = math.Min(base*lo, base*hi), math.Max(base*lo, base*hi)
	}
	dlo, dhi := ref.Domain()
	if lo < dlo-cii.Tolerance || hi > dhi+cii.Tolerance {
		r.errorf(at, "draws of %s range over [%s, %s], outside the value's domain [%s, %s] (%s)",
			ref.Path, cii.FormatValue(lo), cii.FormatValue(hi), cii.FormatValue(dlo), cii.FormatValue(dhi), ref.Unit())
		return fail, false
	}
	return pending{u: u, at: at}, true
}
