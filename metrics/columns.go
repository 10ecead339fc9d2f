package metrics

import "simulate/model"

// Column is one output of a model run: a column of results.csv, with a
// value per year, or a period total in summary.json. Its name is also the
// metric's name (see [Parse]). The tables [Columns] and [Totals] list them.
type Column struct {
	// Name is the column's header in results.csv, or the total's key in
	// summary.json. Its suffix is the unit: _yi 亿元, _pct percent, _pp
	// percentage points. Other tools rely on names: extend, never rename.
	Name string
	Unit string // "亿元", "%" or "pp"
	Doc  string // what the value is, with the model's symbol

	// Short is the column's header in the table `simulate run` prints,
	// where the unit follows it ("L" is printed "L pp"); "" leaves the
	// column out of that table. Decimals is the number of digits printed
	// after the point there.
	Short    string
	Decimals int

	// Human labels for charts and reports (English and Chinese, e.g.
	// "Σ II GDP increment 2019–2024 (亿元 / 100 million yuan)") go here.

	// How the value is read: exactly one is set.
	year    yearValue                                       // per year
	total   func(r *model.Results) float64                  // a period total
	channel func(r *model.Results, c model.Channel) float64 // a period total per channel
}

// Columns are the per-year columns, in the order of results.csv (whose
// first column, "year", is the key of a row and not in this table). Every
// per-year output reads this table: results.csv, the table `simulate run`
// prints, compare.csv, and the metrics NAME[YEAR] of --metric and of
// calibration targets. Treat it as read-only.
//
// A new column, or the column of a new channel, is one line here: its
// name, unit, doc, printed header and decimals, and where its value is in
// a model.Year (a field no row read before also needs a yearField and its
// case in yearValue.of).
var Columns = []Column{
	{Name: "gdp_yi", Unit: "亿元", Doc: "real GDP Y_t", Short: "GDP", Decimals: 1, year: level(gdpField)},
	{Name: "growth_pct", Unit: "%", Doc: "real GDP growth g_t", Short: "growth", Decimals: 2, year: percent(growthField)},
	{Name: "delta_gdp_yi", Unit: "亿元", Doc: "GDP increment ΔY_t", Short: "ΔGDP", Decimals: 1, year: level(deltaGDPField)},
	{Name: "labor_pp", Unit: "pp", Doc: "labour's contribution to growth", Short: "L", Decimals: 2, year: contribution(model.Labor)},
	{Name: "capital_pp", Unit: "pp", Doc: "capital's contribution to growth", Short: "K", Decimals: 2, year: contribution(model.Capital)},
	{Name: "tfp_pp", Unit: "pp", Doc: "TFP's contribution to growth", Short: "TFP", Decimals: 2, year: contribution(model.TFP)},
	{Name: "labor_share_pct", Unit: "%", Doc: "labour's share of growth", Short: "L", Decimals: 1, year: share(model.Labor)},
	{Name: "capital_share_pct", Unit: "%", Doc: "capital's share of growth", Short: "K", Decimals: 1, year: share(model.Capital)},
	{Name: "tfp_share_pct", Unit: "%", Doc: "TFP's share of growth", Short: "TFP", Decimals: 1, year: share(model.TFP)},
	{Name: "ii_share_pct", Unit: "%", Doc: "II share of the year's GDP growth s_t", Short: "II share", Decimals: 1, year: percent(iiShareField)},
	{Name: "ii_labor_yi", Unit: "亿元", Doc: "II increment through labour", Decimals: 1, year: channel(model.ChannelLabor)},
	{Name: "ii_capital_yi", Unit: "亿元", Doc: "II increment through capital", Decimals: 1, year: channel(model.ChannelCapital)},
	{Name: "ii_tfp_tp_yi", Unit: "亿元", Doc: "II increment through technical progress", Decimals: 1, year: channel(model.ChannelTP)},
	{Name: "ii_tfp_te_yi", Unit: "亿元", Doc: "II increment through technical efficiency", Decimals: 1, year: channel(model.ChannelTE)},
	{Name: "ii_tfp_se_yi", Unit: "亿元", Doc: "II increment through scale efficiency", Decimals: 1, year: channel(model.ChannelSE)},
	{Name: "ii_tfp_ae_yi", Unit: "亿元", Doc: "II increment through allocative efficiency", Decimals: 1, year: channel(model.ChannelAE)},
	{Name: "ii_increment_yi", Unit: "亿元", Doc: "II GDP increment II_t", Short: "II", Decimals: 1, year: level(iiField)},
	{Name: "ii_cumulative_yi", Unit: "亿元", Doc: "cumulative II increment", Short: "cum. II", Decimals: 1, year: level(iiCumulativeField)},
}

// Totals are the period totals, in the order of summary.json's totals
// (which end with "years", the number of projected years, not in this
// table). Every row but ii_by_channel_yi, a number per channel, is a
// metric NAME. The line of totals below the table `simulate run` prints
// shows the rows with a Short name, as "Short value Unit". Treat it as
// read-only; a new total is one line here.
var Totals = []Column{
	{Name: "ii_total_yi", Unit: "亿元", Doc: "Σ II_t over the span", Short: "Σ II", Decimals: 1,
		total: func(r *model.Results) float64 { return r.Totals.II }},
	{Name: "delta_gdp_total_yi", Unit: "亿元", Doc: "Σ ΔY_t over the span", Short: "Σ ΔGDP", Decimals: 1,
		total: func(r *model.Results) float64 { return r.Totals.DeltaGDP }},
	{Name: "period_ii_share_pct", Unit: "%", Doc: "Σ II_t / Σ ΔY_t", Short: "II share of growth", Decimals: 2,
		total: func(r *model.Results) float64 { return 100 * r.Totals.IIShare }},
	{Name: "ii_by_channel_yi", Unit: "亿元", Doc: "Σ II_t over the span by channel", Decimals: 1,
		channel: func(r *model.Results, c model.Channel) float64 { return r.Totals.Channel[c] }},
	{Name: "gdp_last_yi", Unit: "亿元", Doc: "real GDP of the last year", Decimals: 1,
		total: lastGDP},
}

func lastGDP(r *model.Results) float64 {
	if n := len(r.Years); n > 0 {
		return r.Years[n-1].GDP
	}
	return 0
}

// PerYear reports whether c is a per-year column (else a period total).
func (c *Column) PerYear() bool { return c.year.field != noField }

// PerChannel reports whether c is a period total with a number per
// channel rather than one number; such a total is not a metric.
func (c *Column) PerChannel() bool { return c.channel != nil }

// Header returns c's header in the printed table: Short and the unit.
func (c *Column) Header() string { return c.Short + " " + c.Unit }

// Value returns the per-year column c of y, in c's unit. It allocates
// nothing.
//
// It panics if c is a period total.
func (c *Column) Value(y *model.Year) float64 {
	if c.year.field == noField {
		panic("metrics: " + c.Name + " is a period total, not per year")
	}
	return c.year.of(y)
}

// FileValue returns the per-year column c of y, in c's unit, as the files
// write it: for a column in percent or pp, the shortest decimal that
// converts back to the model's fraction ([model.InUnit]), so that an input
// echoed in a column (growth_pct, labor_share_pct, …) reads exactly as it
// was typed — 3.7, not 3.7000000000000006 — and every other value differs
// from [Column.Value] by float64 rounding only.
//
// It panics if c is a period total.
func (c *Column) FileValue(y *model.Year) float64 {
	if c.year.field == noField {
		panic("metrics: " + c.Name + " is a period total, not per year")
	}
	return model.InUnit(c.year.raw(y), c.year.scale)
}

// Total returns the period total c of r, in c's unit.
//
// It panics if c is per year or per channel.
func (c *Column) Total(r *model.Results) float64 {
	if c.total == nil {
		panic("metrics: " + c.Name + " is not a period total of one number")
	}
	return c.total(r)
}

// ChannelTotal returns channel ch of the per-channel period total c of r,
// in c's unit.
//
// It panics unless c is per channel.
func (c *Column) ChannelTotal(r *model.Results, ch model.Channel) float64 {
	if c.channel == nil {
		panic("metrics: " + c.Name + " is not a period total per channel")
	}
	return c.channel(r, ch)
}

// Lookup returns the per-year column or period total named name.
func Lookup(name string) (*Column, bool) {
	for i := range Columns {
		if Columns[i].Name == name {
			return &Columns[i], true
		}
	}
	for i := range Totals {
		if Totals[i].Name == name {
			return &Totals[i], true
		}
	}
	return nil, false
}

// yearValue says where a per-year column's value is in a model.Year: a
// field, with an index into the array fields, times a scale (100 for a
// fraction shown in percent or pp). It is data rather than a function so
// that reading a metric costs a switch and no call: Monte Carlo reads some
// twenty per draw.
type yearValue struct {
	field yearField
	index uint8 // into Contribution and Share (a model.Factor) or Channel (a model.Channel)
	scale float64
}

// yearField is a field of model.Year.
type yearField uint8

const (
	noField yearField = iota // not a per-year column
	gdpField
	growthField
	deltaGDPField
	contributionField
	shareField
	iiShareField
	channelField
	iiField
	iiCumulativeField
)

// level is a field in its own unit, 亿元.
func level(f yearField) yearValue { return yearValue{field: f, scale: 1} }

// percent is a fraction in percent.
func percent(f yearField) yearValue { return yearValue{field: f, scale: 100} }

// contribution is factor f's contribution to growth, in pp.
func contribution(f model.Factor) yearValue {
	return yearValue{field: contributionField, index: uint8(f), scale: 100}
}

// share is factor f's share of growth, in percent.
func share(f model.Factor) yearValue {
	return yearValue{field: shareField, index: uint8(f), scale: 100}
}

// channel is the II increment through channel c, in 亿元.
func channel(c model.Channel) yearValue {
	return yearValue{field: channelField, index: uint8(c), scale: 1}
}

// of returns the value in y, in the column's unit.
func (v *yearValue) of(y *model.Year) float64 { return v.scale * v.raw(y) }

// raw returns the value in y in model units (a fraction, or 亿元).
func (v *yearValue) raw(y *model.Year) float64 {
	var x float64
	switch v.field {
	case gdpField:
		x = y.GDP
	case growthField:
		x = y.Growth
	case deltaGDPField:
		x = y.DeltaGDP
	case contributionField:
		x = y.Contribution[v.index]
	case shareField:
		x = y.Share[v.index]
	case iiShareField:
		x = y.IIShare
	case channelField:
		x = y.Channel[v.index]
	case iiField:
		x = y.II
	case iiCumulativeField:
		x = y.IICumulative
	}
	return x
}
