package model

import (
	"strings"
	"testing"
	"unicode"
)

// cp1252Extra are the characters of Windows-1252 above Latin-1 that labels use.
const cp1252Extra = "–—‘’“”…•×"

// TestParamLabels checks that every parameter has an English and a
// Chinese label, that the English one keeps to Windows-1252 (English PDF
// charts draw only that) and that no label repeats the key path.
func TestParamLabels(t *testing.T) {
	for _, p := range Params {
		if p.LabelEN == "" || p.LabelZH == "" {
			t.Errorf("%s: label en %q, zh %q; want both", p.Key, p.LabelEN, p.LabelZH)
		}
		for _, r := range p.LabelEN {
			if r > 0xff && !strings.ContainsRune(cp1252Extra, r) {
				t.Errorf("%s: English label %q has %q, outside Windows-1252", p.Key, p.LabelEN, r)
			}
		}
		if !strings.ContainsFunc(p.LabelZH, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			t.Errorf("%s: Chinese label %q has no Chinese", p.Key, p.LabelZH)
		}
		for _, l := range []string{p.LabelEN, p.LabelZH} {
			if strings.Contains(l, p.Key) || strings.Contains(l, "_") {
				t.Errorf("%s: label %q holds a key", p.Key, l)
			}
		}
		if u := p.UnitLabel("en"); u == "" || u == "亿元" {
			t.Errorf("%s: English unit %q", p.Key, u)
		}
	}
}

// TestTargetLabels checks the words of targets in both languages.
func TestTargetLabels(t *testing.T) {
	cases := []struct {
		t          Target
		en, zh, un string
	}{
		{Target{Path: "capital.ict_share"}, "ICT share of capital's contribution", "ICT资本占资本贡献的比重 φ", "fraction"},
		{Target{Path: "gdp.growth_pct", Mode: Add}, "GDP growth, shift", "GDP增长率（平移）", "pp"},
		{Target{Path: "gdp.growth_pct[2024]"}, "GDP growth, 2024", "2024年GDP增长率", "%"},
		{Target{Path: "capital.ict_share", Mode: Scale}, "ICT share of capital's contribution, scale factor", "ICT资本占资本贡献的比重 φ（缩放倍数）", "factor"},
		{Target{Path: "no.such"}, "no.such", "no.such", ""},
	}
	for _, c := range cases {
		if en, zh, u := c.t.HumanLabel("en"), c.t.HumanLabel("zh"), c.t.Unit(); en != c.en || zh != c.zh || u != c.un {
			t.Errorf("%s: %q, %q, %q; want %q, %q, %q", c.t.Label(), en, zh, u, c.en, c.zh, c.un)
		}
	}
	if got := UnitLabel("亿元", "en"); got != "100 million yuan" {
		t.Errorf("亿元 in English: %q", got)
	}
	if got := UnitLabel("pp", "zh"); got != "百分点" {
		t.Errorf("pp in Chinese: %q", got)
	}
}
