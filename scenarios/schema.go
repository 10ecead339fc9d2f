package scenarios

import (
	"sort"
	"strings"

	"simulate/model"
)

// kind is what a key of the scenario format holds.
type kind int

const (
	kindTable  kind = iota // a table of further keys
	kindString             // a string
	kindInt                // an integer
	kindNumber             // one number for the whole span
	kindSeries             // a time-varying value: number, per-year table or linear path
)

// schema maps every key path of the format to what it holds. The model's
// parameters come from model.Params, so a parameter added there is a key
// here without further work.
var schema = buildSchema()

// checkOnly are per-year keys that the model does not read: they are given
// to check the split against published figures (TFP is the residual).
var checkOnly = []string{"tfp.share_pct", "tfp.contribution_pp"}

func buildSchema() map[string]kind {
	s := map[string]kind{
		"name":            kindString,
		"title":           kindString,
		"description":     kindString,
		"extends":         kindString,
		"mode":            kindString,
		"published":       kindString,
		"span":            kindTable,
		"span.base_year":  kindInt,
		"span.last_year":  kindInt,
		uncertaintyKey:    kindUncertainty,
		weightResidualKey: kindString,
	}
	for _, p := range model.Params {
		k := kindNumber
		if p.PerYear {
			k = kindSeries
		}
		s[p.Key] = k
		// Every prefix of a key path is a table.
		for i := range p.Key {
			if p.Key[i] == '.' {
				s[p.Key[:i]] = kindTable
			}
		}
	}
	for _, k := range checkOnly {
		s[k] = kindSeries
	}
	addSolowSchema(s)
	addIndexSchema(s)
	return s
}

// childKeys returns the keys allowed directly inside the table at prefix
// ("" for the top level), sorted.
func childKeys(prefix string) []string {
	var keys []string
	for k := range schema {
		rest := k
		if prefix != "" {
			var ok bool
			if rest, ok = strings.CutPrefix(k, prefix+"."); !ok {
				continue
			}
		}
		if !strings.Contains(rest, ".") {
			keys = append(keys, rest)
		}
	}
	sort.Strings(keys)
	return keys
}
