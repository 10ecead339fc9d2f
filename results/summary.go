package results

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"strconv"

	"simulate/model"
)

// Summary is the content of summary.json.
type Summary struct {
	Scenario    string         `json:"scenario"`
	Title       string         `json:"title"`
	Source      string         `json:"source"`  // the file, or embedded:NAME.toml
	Extends     []string       `json:"extends"` // the scenarios it extends, nearest first
	BaseYear    int            `json:"base_year"`
	LastYear    int            `json:"last_year"`
	Inputs      map[string]any `json:"inputs"`        // ResolvedInputs
	InputsHash  string         `json:"inputs_sha256"` // InputsHash
	Totals      Totals         `json:"totals"`
	GeneratedBy string         `json:"generated_by"`
}

// Totals are the period totals of a run.
type Totals struct {
	IITotal       float64            `json:"ii_total_yi"`         // Σ II_t, 亿元
	DeltaGDPTotal float64            `json:"delta_gdp_total_yi"`  // Σ ΔY_t, 亿元
	PeriodIIShare float64            `json:"period_ii_share_pct"` // Σ II / Σ ΔY, %
	IIByChannel   map[string]float64 `json:"ii_by_channel_yi"`    // Σ II_t by channel, 亿元
	LastGDP       float64            `json:"gdp_last_yi"`         // Y of the last year, 亿元
	Years         int                `json:"years"`               // number of projected years
}

// ResolvedInputs returns every model input in key units, keyed by key path:
// a number for a scalar, a table year → value for a per-year input (only the
// years it applies to), and "split_form", year → form. For Solow inputs it
// holds the solow.* inputs too, and the values computed from them under
// their own keys (gdp.growth_pct, the production-form split, and φ with the
// ICT split).
func ResolvedInputs(in *model.Inputs) map[string]any {
	m := map[string]any{}
	for _, p := range model.Params {
		if !p.Active(in) {
			continue // a Solow input of inputs without a Solow part
		}
		if !p.PerYear {
			m[p.Key] = p.FromModel(*p.Scalar(in))
			continue
		}
		first, _ := p.Years(in)
		byYear := map[string]float64{}
		for i, v := range p.Series(in) {
			if p.Applies(in, i) {
				byYear[strconv.Itoa(first+i)] = p.FromModel(v)
			}
		}
		if len(byYear) > 0 {
			m[p.Key] = byYear
		}
	}
	forms := map[string]string{}
	for i, f := range in.Form {
		forms[strconv.Itoa(in.FirstYear()+i)] = f.String()
	}
	m["split_form"] = forms
	return m
}

// InputsHash returns the SHA-256, in hex, of the canonical JSON encoding of
// the resolved inputs (keys sorted, floats in shortest form): two runs with
// the same hash had the same inputs, whatever files they came from.
func InputsHash(in *model.Inputs) string {
	b, err := json.Marshal(ResolvedInputs(in))
	if err != nil {
		panic("results: resolved inputs do not encode: " + err.Error()) // finite numbers always do
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// NewTotals returns the period totals of res in output units.
func NewTotals(res *model.Results) Totals {
	t := Totals{
		IITotal:       res.Totals.II,
		DeltaGDPTotal: res.Totals.DeltaGDP,
		PeriodIIShare: 100 * res.Totals.IIShare,
		IIByChannel:   map[string]float64{},
		Years:         len(res.Years),
	}
	for c := range model.Channel(model.NumChannels) {
		t.IIByChannel[c.String()] = res.Totals.Channel[c]
	}
	if n := len(res.Years); n > 0 {
		t.LastGDP = res.Years[n-1].GDP
	}
	return t
}

// WriteJSON writes s as indented JSON.
func WriteJSON(w io.Writer, s *Summary) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(s)
}
