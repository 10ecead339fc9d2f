package history

import (
	"cmp"
	"slices"

	"simulate/pwt"
)

// A Diagnosis explains a result without rows: which inputs are missing,
// and which other choices of inputs would give rows.
type Diagnosis struct {
	// Gaps count, for each input with a gap, the skipped years it is
	// missing from (or not positive in), most first; Years is the number of
	// skipped years. An input with Gap.Years == Years is missing
	// throughout.
	Gaps  []VarGaps
	Years int
	// Alternatives are the other choices of capital and labour input that
	// give rows over the same years, most rows first; empty when none does.
	Alternatives []Alternative
}

// VarGaps is the number of years an input is missing from.
type VarGaps struct {
	Var   pwt.Var
	Years int
}

// Alternative is a choice of inputs and the rows it gives.
type Alternative struct {
	Capital     pwt.Capital
	Labour      pwt.Labour
	Rows        int
	First, Last int // years of the first and last row
}

// Diagnose explains why Decompose(s, opt) has no rows (it may be called on
// any options, but says most when there are none). Invalid options give a
// zero Diagnosis.
func Diagnose(s pwt.Series, opt Options) Diagnosis {
	res, err := Decompose(s, opt)
	if err != nil {
		return Diagnosis{}
	}
	d := Diagnosis{Years: len(res.Skipped)}
	count := map[pwt.Var]int{}
	var order []pwt.Var
	for _, sk := range res.Skipped {
		for _, v := range sk.Vars() {
			if count[v] == 0 {
				order = append(order, v)
			}
			count[v]++
		}
	}
	for _, v := range order {
		d.Gaps = append(d.Gaps, VarGaps{Var: v, Years: count[v]})
	}
	slices.SortStableFunc(d.Gaps, func(a, b VarGaps) int { return cmp.Compare(b.Years, a.Years) })

	for _, k := range []pwt.Capital{pwt.CapitalServices, pwt.CapitalStock} {
		for _, l := range []pwt.Labour{pwt.LabourAuto, pwt.LabourHoursHC, pwt.LabourPersonsHC, pwt.LabourPersons} {
			if k == opt.Capital && l == opt.Labour {
				continue
			}
			o := opt
			o.Capital, o.Labour = k, l
			r, _ := Decompose(s, o)
			if n := len(r.Rows); n > 0 {
				d.Alternatives = append(d.Alternatives, Alternative{Capital: k, Labour: l, Rows: n, First: r.Rows[0].Year, Last: r.Rows[n-1].Year})
			}
		}
	}
	slices.SortStableFunc(d.Alternatives, func(a, b Alternative) int { return cmp.Compare(b.Rows, a.Rows) })
	return d
}
