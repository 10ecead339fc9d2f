package results

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"

	"simulate/metrics"
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

// Totals are the period totals of a run, as summary.json holds them: each
// row of the table [metrics.Totals] under its name, in the table's order,
// then "years". A new row of that table is a new key of summary.json.
type Totals struct {
	Values   map[string]float64            // each total of one number by name, in its unit (ii_total_yi, …)
	Channels map[string]map[string]float64 // each total per channel by name, then by channel name (ii_by_channel_yi → labor, …)
	Years    int                           // the number of projected years
}

// MarshalJSON writes t as a JSON object with the keys in the order of
// [metrics.Totals], then "years".
func (t Totals) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i := range metrics.Totals {
		c := &metrics.Totals[i]
		var v any = t.Values[c.Name]
		if c.PerChannel() {
			v = t.Channels[c.Name]
		}
		val, err := json.Marshal(v)
		if err != nil {
			return nil, fmt.Errorf("totals %s: %w", c.Name, err)
		}
		key, _ := json.Marshal(c.Name) // a string always encodes
		b.Write(key)
		b.WriteByte(':')
		b.Write(val)
		b.WriteByte(',')
	}
	b.WriteString(`"years":` + strconv.Itoa(t.Years) + "}")
	return b.Bytes(), nil
}

// UnmarshalJSON reads the totals of summary.json. Like a struct, it
// ignores keys it does not know.
func (t *Totals) UnmarshalJSON(data []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	*t = Totals{Values: map[string]float64{}, Channels: map[string]map[string]float64{}}
	for k, v := range raw {
		c, ok := metrics.Lookup(k)
		var err error
		switch {
		case k == "years":
			err = json.Unmarshal(v, &t.Years)
		case !ok || c.PerYear():
		case c.PerChannel():
			var m map[string]float64
			err = json.Unmarshal(v, &m)
			t.Channels[k] = m
		default:
			var x float64
			err = json.Unmarshal(v, &x)
			t.Values[k] = x
		}
		if err != nil {
			return fmt.Errorf("totals %s: %w", k, err)
		}
	}
	return nil
}

// ResolvedInputs returns every model input in key units, as typed
// ([model.Param.KeyValue]: 3.7, not 3.7000000000000006), keyed by key path:
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
			m[p.Key] = p.KeyValue(*p.Scalar(in))
			continue
		}
		first, _ := p.Years(in)
		byYear := map[string]float64{}
		for i, v := range p.Series(in) {
			if p.Applies(in, i) {
				byYear[strconv.Itoa(first+i)] = p.KeyValue(v)
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

// NewTotals returns the period totals of res: every row of
// [metrics.Totals], in its unit.
func NewTotals(res *model.Results) Totals {
	t := Totals{Values: map[string]float64{}, Channels: map[string]map[string]float64{}}
	t.Years = len(res.Years)
	for i := range metrics.Totals {
		c := &metrics.Totals[i]
		if !c.PerChannel() {
			t.Values[c.Name] = c.Total(res)
			continue
		}
		m := map[string]float64{}
		for ch := range model.Channel(model.NumChannels) {
			m[ch.String()] = c.ChannelTotal(res, ch)
		}
		t.Channels[c.Name] = m
	}
	return t
}

// WriteJSON writes s as indented JSON. It writes nothing and returns a
// *NonFiniteError when a total is NaN or infinite.
func WriteJSON(w io.Writer, s *Summary) error {
	for name, v := range s.Totals.Values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return &NonFiniteError{Column: name, Value: v}
		}
	}
	for name, m := range s.Totals.Channels {
		for ch, v := range m {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return &NonFiniteError{Column: name + "." + ch, Value: v}
			}
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(s)
}
