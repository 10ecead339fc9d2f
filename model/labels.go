package model

import "strings"

// Human labels of the parameters, in English ("en") and Chinese ("zh"),
// for charts, workbooks and pages: the words a reader sees where a key
// path is what a user types. A language is named by its code; any code
// but "zh" reads as English.

// dimensionLabel is each TFP dimension in words, English and Chinese.
var dimensionLabel = [NumDimensions][2]string{
	{"technical progress", "技术进步"},
	{"technical efficiency", "技术效率"},
	{"scale efficiency", "规模效率"},
	{"allocative efficiency", "配置效率"},
}

// Label returns the parameter in words in language lang ("en" or "zh"),
// without its unit: "ICT share of capital's contribution",
// "ICT资本占资本贡献的比重". The English label keeps to Windows-1252, so
// that English PDF charts can draw it; see [Param.LabelSymbol] for the
// label with the model's symbol.
func (p *Param) Label(lang string) string {
	if lang == "zh" && p.LabelZH != "" {
		return p.LabelZH
	}
	if p.LabelEN != "" {
		return p.LabelEN
	}
	return p.Key
}

// LabelSymbol returns [Param.Label] followed by the model's symbol, when
// p has one: "ICT share of capital's contribution φ".
func (p *Param) LabelSymbol(lang string) string {
	if p.Symbol == "" {
		return p.Label(lang)
	}
	return p.Label(lang) + " " + p.Symbol
}

// UnitLabel returns p's unit as a reader writes it in language lang: see
// [UnitLabel].
func (p *Param) UnitLabel(lang string) string { return UnitLabel(p.Unit, lang) }

// unitLabels are the units of Param.Unit (and metrics' units, and "factor"
// for a scale change) in words, English and Chinese.
var unitLabels = map[string][2]string{
	"亿元":       {"100 million yuan", "亿元"},
	"%":        {"%", "%"},
	"pp":       {"pp", "百分点"},
	"fraction": {"fraction", "比例"},
	"ratio":    {"ratio", "比值"},
	"pts":      {"points", "点"},
	"factor":   {"factor", "倍数"},
}

// UnitLabel returns a unit of the parameter table or of the metrics
// table ("亿元", "%", "pp", "fraction", "ratio", "pts", or "factor" for a
// scale change) as a reader writes it in language lang: "100 million
// yuan" and "亿元", "pp" and "百分点". An unknown unit is returned as it
// is.
func UnitLabel(unit, lang string) string {
	l, ok := unitLabels[unit]
	if !ok {
		return unit
	}
	if lang == "zh" {
		return l[1]
	}
	return l[0]
}

// Unit returns the unit of the values applied to t: "factor" for a scale
// change, "pp" for a shift of a percentage, else the parameter's unit; ""
// when the path names no parameter.
func (t Target) Unit() string {
	if t.Mode == Scale {
		return "factor"
	}
	p, _, ok := t.param()
	if !ok {
		return ""
	}
	if t.Mode == Add && p.Unit == "%" {
		return "pp"
	}
	return p.Unit
}

// param returns t's parameter and the year its path names ("" for none).
func (t Target) param() (*Param, string, bool) {
	key, rest, _ := strings.Cut(t.Path, "[")
	p, ok := LookupParam(key)
	return p, strings.TrimSuffix(rest, "]"), ok
}

// HumanLabel returns the target in words in language lang, without its
// unit: the parameter's label, with its year when the path names one, and
// for a shift or a scale change what is applied: "GDP growth, shift",
// "GDP增长率（平移）", "ICT share of capital's contribution, 2024, scale
// factor". A path that names no parameter is returned as [Target.Label].
func (t Target) HumanLabel(lang string) string {
	p, year, ok := t.param()
	if !ok {
		return t.Label()
	}
	zh := lang == "zh"
	s := p.Label(lang)
	if zh && p.Symbol != "" {
		s += " " + p.Symbol
	}
	if year != "" {
		if zh {
			s = year + "年" + s
		} else {
			s += ", " + year
		}
	}
	switch t.Mode {
	case Add:
		if zh {
			return s + "（平移）"
		}
		return s + ", shift"
	case Scale:
		if zh {
			return s + "（缩放倍数）"
		}
		return s + ", scale factor"
	}
	return s
}
