package scenarios

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"simulate/internal/tomlfile"
	"simulate/model"
	"simulate/pwt"
)

// ModeSolow is the mode of scenarios that project growth from the supply
// side (model.Solow): the keys solow.* replace gdp.growth_pct and the factor
// split, which the model computes.
const ModeSolow = "solow"

// History names the observed years shown before a scenario's projection:
// the growth accounting of one country in the Penn World Table (package
// history decomposes them).
type History struct {
	Country string      // ISO 3166-1 alpha-3 code, e.g. "CHN"
	Capital pwt.Capital // the capital input (history.capital)
	Labour  pwt.Labour  // the labour input (history.labor)
	// From and To bound the years of growth shown, inclusive; From is 0
	// when the history starts with the data, To is at most the base year
	// (its default).
	From, To int
}

// Reference is a published split of one year's growth, to be marked on
// charts beside the scenario's own.
type Reference struct {
	Year                      int
	Label                     string
	Labor, Capital, TFP       float64 // contributions, percentage points
	LaborOK, CapitalOK, TFPOK bool    // which of them were given
}

// addSolowSchema adds the keys of the history and reference tables to the
// schema s (the solow.* keys come from model.Params with the others).
func addSolowSchema(s map[string]kind) {
	for k, kd := range map[string]kind{
		"history":              kindTable,
		"history.country":      kindString,
		"history.from":         kindInt,
		"history.to":           kindInt,
		"history.capital":      kindString,
		"history.labor":        kindString,
		"reference":            kindTable,
		"reference.year":       kindInt,
		"reference.label":      kindString,
		"reference.labor_pp":   kindNumber,
		"reference.capital_pp": kindNumber,
		"reference.tfp_pp":     kindNumber,
	} {
		s[k] = kd
	}
}

// hasICT reports whether the scenario splits capital into ICT and non-ICT
// stocks: whether it gives any solow.ict key.
func hasICT(leaves map[string]*leaf) bool {
	for k := range leaves {
		if strings.HasPrefix(k, "solow.ict.") {
			return true
		}
	}
	return false
}

// modeKeys reports keys that the scenario's mode does not allow: solow.* keys
// outside mode "solow", and in it the keys the Solow model computes. Such
// keys are errors where f gives them; inherited from a scenario f extends,
// they are dropped from leaves (f's mode or ICT split overrides them).
func modeKeys(f *file, mode string, leaves map[string]*leaf) Errors {
	var errs Errors
	ict := hasICT(leaves)
	for _, k := range sortedKeys(leaves) {
		l := leaves[k]
		inherited := l.file != f
		if inherited && !allowed(k, mode, ict) {
			delete(leaves, k)
			continue
		}
		// An inherited [uncertainty] entry of a key the mode does not
		// allow goes with the key.
		if path, ok := strings.CutPrefix(k, uncertaintyKey+"."); ok {
			if inherited && !allowed(paramOf(path), mode, ict) {
				delete(leaves, k)
			}
			continue
		}
		p, _ := model.LookupParam(k)
		switch {
		case mode != ModeSolow && p != nil && p.Solow:
			errs = append(errs, l.errorf(nil, "solow.* keys belong to supply-side scenarios: add mode = \"solow\" (and drop gdp.growth_pct and the factor split), or remove %s", k))
		case mode != ModeSolow || allowed(k, mode, ict):
		case slices.Contains(checkOnly, k) || p.IsSplit:
			errs = append(errs, l.errorf(nil, "in mode = \"solow\" the factor split is computed (capital from solow.investment_rate_pct, labour from solow.labor_growth_pct and solow.human_capital_growth_pct, TFP the residual); remove %s", k))
		case !p.ComputedBySolow(false): // computed with the ICT split only: φ
			errs = append(errs, l.errorf(nil, "with the solow.ict split, φ is computed as the ICT stock's share of capital's contribution; remove capital.ict_share (or the solow.ict keys)"))
		default:
			errs = append(errs, l.errorf(nil, "in mode = \"solow\" GDP growth is computed from the solow.* inputs; remove gdp.growth_pct"))
		}
	}
	return errs
}

// paramOf returns the parameter key of an [uncertainty] entry's path, which
// may end in a year ("gdp.growth_pct.2021").
func paramOf(path string) string {
	if _, ok := model.LookupParam(path); ok {
		return path
	}
	if i := strings.LastIndexByte(path, '.'); i > 0 {
		return path[:i]
	}
	return path
}

// allowed reports whether key k may be given in a scenario of the mode,
// with or without the ICT split: the solow.* keys only in mode "solow",
// and there neither the keys the Solow model computes
// (model.Param.ComputedBySolow) nor the split's check-only keys.
func allowed(k, mode string, ict bool) bool {
	p, _ := model.LookupParam(k)
	if mode != ModeSolow {
		return p == nil || !p.Solow
	}
	return !slices.Contains(checkOnly, k) && (p == nil || !p.ComputedBySolow(ict))
}

// buildSolow reads the solow.* keys into in.Solow and fills the inputs the
// Solow model derives.
func buildSolow(b *builder) Errors {
	var errs Errors
	f, in, leaves := b.f, b.in, b.leaves
	n := in.Len()
	for _, p := range model.Params {
		if !p.Solow || !p.Active(in) {
			continue
		}
		l, ok := leaves[p.Key]
		switch {
		case !ok && p.Required() && strings.HasPrefix(p.Key, "solow.ict."):
			errs = append(errs, &Error{File: f.Name, Key: p.Key, Msg: fmt.Sprintf(
				"missing: splitting capital (any solow.ict key) needs solow.ict.capital_share, solow.ict.investment_share and solow.ict.depreciation_pct; %s is %s", p.Key, p.Doc)})
			continue
		case !ok && p.Required():
			errs = append(errs, &Error{File: f.Name, Key: p.Key, Msg: fmt.Sprintf("missing: mode = \"solow\" needs %s (%s, %s)", p.Key, p.Doc, p.Unit)})
			continue
		}
		if !p.PerYear {
			v := p.Default
			if ok {
				v, _ = tomlfile.Number(l.val)
			}
			*p.Scalar(in) = p.ToModel(v)
			continue
		}
		dst := p.Series(in)
		if !ok {
			for i := range dst {
				dst[i] = p.ToModel(p.Default)
			}
			continue
		}
		first, _ := p.Years(in)
		if p.FromBase {
			if e := lastYearGiven(l, first, first+n); e != nil {
				errs = append(errs, e)
				continue
			}
		}
		vals, _, e := b.series(l, first-1, n, false, p.Default)
		errs = append(errs, e...)
		for i, v := range vals {
			dst[i] = p.ToModel(v)
		}
	}
	if len(errs) > 0 {
		return errs
	}
	model.FillInputs(in, in.Solow)
	return nil
}

// lastYearGiven returns an error if a per-year table for an investment key
// gives the year after its last: the investment of the span's last year
// would only be capital after the span.
func lastYearGiven(l *leaf, first, year int) *Error {
	m, ok := l.val.(map[string]any)
	if !ok {
		return nil
	}
	if _, lin := m["linear"]; lin {
		return nil
	}
	for k := range m {
		if y, ok := model.ParseYear(k); ok && y == year {
			return l.errorf([]string{k}, "year %d: the investment of the span's last year would be capital only after the span; give the years %d–%d (base_year to last_year−1)", year, first, year-1)
		}
	}
	return nil
}

// solowInputError places a model validation error of a Solow scenario: at
// the key when the scenario gives it, else as a problem of the values the
// Solow model computed from the solow.* inputs.
func solowInputError(b *builder, ie *model.InputError) *Error {
	f, leaves, in := b.f, b.leaves, b.in
	p, ok := model.LookupParam(ie.Key)
	if !ok || !p.Derived(in) {
		return b.inputError(ie)
	}
	key := fmt.Sprintf("%s[%d]", ie.Key, ie.Year)
	if ie.Key == "capital.ict_share" {
		// Point at the ICT inputs: the first one the scenario gives.
		var line, col int
		for _, k := range []string{"solow.ict.capital_share", "solow.ict.investment_share", "solow.ict.depreciation_pct"} {
			if l, ok := leaves[k]; ok {
				line, col = l.pos()
				break
			}
		}
		return &Error{File: f.Name, Line: line, Col: col, Key: key, Msg: fmt.Sprintf(
			"φ, the ICT stock's share of capital's contribution computed from the solow.ict inputs, is %s in %d, outside [0, 1]: "+
				"the ICT and non-ICT stocks move in opposite directions that year; the attribution needs both to grow or both to shrink "+
				"(check solow.ict.investment_share, solow.ict.depreciation_pct and solow.depreciation_pct)", model.FormatValue(in.ICTShare[ie.Year-in.FirstYear()]), ie.Year)}
	}
	return &Error{File: f.Name, Key: key, Msg: "computed by the Solow model from the solow.* inputs: " + ie.Msg}
}

var isoCode = regexp.MustCompile(`^[A-Z]{3}$`)

// buildHistory reads the [history] table, if given.
func buildHistory(leaves map[string]*leaf, base int) (*History, Errors) {
	l, ok := leaves["history.country"]
	if !ok {
		return nil, needs(leaves, "history.", "the [history] table needs country = \"ISO\" (e.g. \"CHN\")")
	}
	var errs Errors
	h := &History{Country: l.val.(string), To: base}
	if !isoCode.MatchString(h.Country) {
		errs = append(errs, l.errorf(nil, "%q is not an ISO 3166-1 alpha-3 code such as \"CHN\" (three capital letters)", h.Country))
	} else if !pwt.DefaultHas(h.Country) {
		// Validated means runnable: the country's series is in the
		// embedded table run reads.
		errs = append(errs, l.errorf(nil, "unknown country %q: the embedded Penn World Table 9.1 has no rows for it (it has %d countries: simulate history --country with an unknown code lists them)", h.Country, pwt.DefaultCountries()))
	}
	for _, k := range []string{"history.from", "history.to"} {
		l, ok := leaves[k]
		if !ok {
			continue
		}
		y := int(l.val.(int64))
		switch {
		case y < 1000 || y > 9999:
			errs = append(errs, l.errorf(nil, "%d is not a year in [1000, 9999]", y))
		case y > base:
			errs = append(errs, l.errorf(nil, "%d is after the base year %d: the history ends where the projection starts", y, base))
		case k == "history.from":
			h.From = y
		default:
			h.To = y
		}
	}
	if h.From != 0 && h.From > h.To {
		errs = append(errs, leaves["history.from"].errorf(nil, "from %d is after to %d", h.From, h.To))
	}
	var err error
	if l, ok := leaves["history.capital"]; ok {
		if h.Capital, err = pwt.ParseCapital(l.val.(string)); err != nil {
			errs = append(errs, l.errorf(nil, "%s", err.(*pwt.NameError).Detail()))
		}
	}
	if l, ok := leaves["history.labor"]; ok {
		if h.Labour, err = pwt.ParseLabour(l.val.(string)); err != nil {
			errs = append(errs, l.errorf(nil, "%s", err.(*pwt.NameError).Detail()))
		}
	}
	return h, errs
}

// buildReference reads the [reference] table, if given.
func buildReference(leaves map[string]*leaf) (*Reference, Errors) {
	l, ok := leaves["reference.year"]
	if !ok {
		return nil, needs(leaves, "reference.", "the [reference] table needs year = YEAR")
	}
	var errs Errors
	r := &Reference{Year: int(l.val.(int64))}
	if r.Year < 1000 || r.Year > 9999 {
		errs = append(errs, l.errorf(nil, "%d is not a year in [1000, 9999]", r.Year))
	}
	if l, ok := leaves["reference.label"]; ok {
		r.Label = l.val.(string)
	}
	for _, c := range []struct {
		key string
		v   *float64
		ok  *bool
	}{
		{"reference.labor_pp", &r.Labor, &r.LaborOK},
		{"reference.capital_pp", &r.Capital, &r.CapitalOK},
		{"reference.tfp_pp", &r.TFP, &r.TFPOK},
	} {
		if l, ok := leaves[c.key]; ok {
			*c.v, _ = tomlfile.Number(l.val)
			*c.ok = true
			if !tomlfile.Finite(*c.v) || *c.v < -100 || *c.v > 100 {
				errs = append(errs, l.errorf(nil, "%v is outside the allowed range [-100, 100] (pp)", *c.v))
			}
		}
	}
	if !r.LaborOK && !r.CapitalOK && !r.TFPOK {
		errs = append(errs, l.errorf(nil, "a reference needs at least one of labor_pp, capital_pp, tfp_pp"))
	}
	return r, errs
}

// needs reports, at the first key (in key order) under prefix, that a
// table lacks the key that must come with it: msg.
func needs(leaves map[string]*leaf, prefix, msg string) Errors {
	for _, k := range sortedKeys(leaves) {
		if strings.HasPrefix(k, prefix) {
			return Errors{leaves[k].errorf(nil, "%s", msg)}
		}
	}
	return nil
}

func sortedKeys(leaves map[string]*leaf) []string {
	keys := make([]string, 0, len(leaves))
	for k := range leaves {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
