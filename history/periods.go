package history

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"simulate/pwt"
)

// Period is a span of growth, from year From to year To (From < To), as the
// Conference Board's Total Economy Database and EU KLEMS tabulate it:
// "1990–2000" is the growth from 1990 to 2000, the mean of the Rows of
// From+1 … To. Consecutive periods (1990–2000, 2000–2010) therefore share a
// boundary year but no row.
type Period struct{ From, To int }

// String returns the period as written on the command line, "1990-2000".
func (p Period) String() string { return strconv.Itoa(p.From) + "-" + strconv.Itoa(p.To) }

// Years returns the number of yearly growth rates in the period, To − From.
func (p Period) Years() int { return p.To - p.From }

// ParsePeriods reads a comma-separated list of periods such as
// "1990-2000,2000-2010,2010-2017" (an en dash, "1990–2000", works too).
// Every problem is reported at once, each a *PeriodSyntaxError (joined).
func ParsePeriods(s string) ([]Period, error) {
	var ps []Period
	var errs []error
	for item := range strings.SplitSeq(s, ",") {
		item = strings.TrimSpace(item)
		a, b, ok := strings.Cut(strings.ReplaceAll(item, "–", "-"), "-")
		from, errA := strconv.Atoi(strings.TrimSpace(a))
		to, errB := strconv.Atoi(strings.TrimSpace(b))
		bad := func(format string, args ...any) {
			errs = append(errs, &PeriodSyntaxError{List: s, Item: item, Msg: fmt.Sprintf(format, args...)})
		}
		switch {
		case item == "":
			bad("an empty period; write FROM-TO, e.g. 1990-2000")
		case !ok || errA != nil || errB != nil:
			bad("is not FROM-TO, e.g. 1990-2000")
		case from < 1 || to > 9999:
			bad("has a year outside 1–9999")
		case from > to:
			bad("is reversed: write %d-%d", to, from)
		case from == to:
			bad("holds no growth: a period runs from one year to a later one, e.g. %d-%d", from, from+10)
		default:
			ps = append(ps, Period{from, to})
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return ps, nil
}

// A PeriodSyntaxError reports a period that ParsePeriods cannot read.
type PeriodSyntaxError struct {
	List string // the whole list
	Item string // the period as written, "" for an empty one
	Msg  string
}

func (e *PeriodSyntaxError) Error() string { return "history: " + e.Detail() }

// Detail returns the message without the package prefix, for a caller
// that says where the list was given.
func (e *PeriodSyntaxError) Detail() string {
	if e.Item == "" {
		return fmt.Sprintf("%q: %s", e.List, e.Msg)
	}
	return fmt.Sprintf("period %q %s", e.Item, e.Msg)
}

// PeriodMean is the mean of the yearly decomposition over a period: log
// points a year, so that GDP = Capital + Labour + TFP holds for the means
// too. Over a period without gaps the mean growth is the average annual log
// growth, (ln Y_To − ln Y_From)/(To − From).
type PeriodMean struct {
	Period
	Rows    int   // rows in the period; Period.Years() when none is missing
	Missing []int // years of the period without a row, increasing
	// Measures are the labour measures of the rows, as Result.Measures.
	Measures []pwt.Labour

	GDP, Capital, Labour, LabourHours, LabourQuality, TFP float64 // means, log points a year
	// GDPPerCapita is NaN when a row of the period has none.
	GDPPerCapita, GDPPerWorker float64 // means, log points a year
}

// Share returns a contribution's share of GDP growth in percent,
// 100·c/GDP; NaN when GDP growth is 0.
func (m PeriodMean) Share(c float64) float64 {
	if m.GDP == 0 {
		return math.NaN()
	}
	return 100 * c / m.GDP
}

// A PeriodError reports a period that the rows of a result do not cover.
type PeriodError struct {
	ISO         string
	Period      Period
	First, Last int // the years of the result's first and last rows; 0 when it has none
}

func (e *PeriodError) Error() string { return "history: " + e.Detail() }

// Detail returns the message without the package prefix, for a caller
// that says where the period was given.
func (e *PeriodError) Detail() string {
	switch {
	case e.First == 0:
		return fmt.Sprintf("period %v: %s has no rows", e.Period, e.ISO)
	case e.Period.From >= e.First-1 && e.Period.To <= e.Last:
		return fmt.Sprintf("period %v: %s has no row of growth from %d to %d", e.Period, e.ISO, e.Period.From, e.Period.To)
	}
	return fmt.Sprintf("period %v is outside the data of %s, which give growth for %d–%d: periods may run from %d to %d",
		e.Period, e.ISO, e.First, e.Last, e.First-1, e.Last)
}

// Means returns the mean of res's rows over each period, in order. A
// period must lie within the rows, From ≥ first row year − 1 and To ≤ last
// row year, and hold at least one row; otherwise the error is a
// *PeriodError (all such periods are reported, joined). Years inside a
// period without a row are left out of its means and listed in Missing.
func Means(res Result, ps []Period) ([]PeriodMean, error) {
	first, last := 0, 0
	if n := len(res.Rows); n > 0 {
		first, last = res.Rows[0].Year, res.Rows[n-1].Year
	}
	var errs []error
	out := make([]PeriodMean, 0, len(ps))
	for _, p := range ps {
		if first == 0 || p.From < first-1 || p.To > last {
			errs = append(errs, &PeriodError{ISO: res.ISO, Period: p, First: first, Last: last})
			continue
		}
		m := PeriodMean{Period: p}
		sub := Result{Options: res.Options}
		next := p.From + 1
		for _, r := range res.Rows {
			if r.Year <= p.From || r.Year > p.To {
				continue
			}
			for ; next < r.Year; next++ {
				m.Missing = append(m.Missing, next)
			}
			next = r.Year + 1
			sub.Rows = append(sub.Rows, r)
			m.GDP += r.GDP
			m.Capital += r.Capital
			m.Labour += r.Labour
			m.LabourHours += r.LabourHours
			m.LabourQuality += r.LabourQuality
			m.TFP += r.TFP
			m.GDPPerCapita += r.GDPPerCapita // NaN spreads: no mean over part of the rows
			m.GDPPerWorker += r.GDPPerWorker
		}
		for ; next <= p.To; next++ {
			m.Missing = append(m.Missing, next)
		}
		m.Rows = len(sub.Rows)
		if m.Rows == 0 {
			errs = append(errs, &PeriodError{ISO: res.ISO, Period: p, First: first, Last: last})
			continue
		}
		n := float64(m.Rows)
		for _, v := range []*float64{&m.GDP, &m.Capital, &m.Labour, &m.LabourHours, &m.LabourQuality, &m.TFP, &m.GDPPerCapita, &m.GDPPerWorker} {
			*v /= n
		}
		m.Measures = sub.Measures()
		out = append(out, m)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

// Decades returns the periods of growth from year from to year to cut at
// the years divisible by 10: from the first such year after from (or from
// itself when it is one) in steps of ten, the last ending at to, e.g.
// Decades(1970, 2017) = 1970–1980, …, 2000–2010, 2010–2017. A span without
// a multiple of ten before to is one period, from–to; from ≥ to gives none.
func Decades(from, to int) []Period {
	if from >= to {
		return nil
	}
	start := (from + 9) / 10 * 10
	if from < 0 || start >= to {
		return []Period{{from, to}}
	}
	var ps []Period
	for y := start; y < to; y += 10 {
		ps = append(ps, Period{y, min(y+10, to)})
	}
	return ps
}
