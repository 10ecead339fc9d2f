package plots

import (
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
)

// axisRange is a linear axis range whose ends are whole multiples of its
// tick step.
type axisRange struct {
	Min, Max, Step float64
}

// steps returns the number of tick intervals of r.
func (r axisRange) steps() int { return int(math.Round((r.Max - r.Min) / r.Step)) }

// niceSteps are the mantissas of tick steps, step = m·10^k.
var niceSteps = []float64{1, 2, 2.5, 5}

// niceRange returns the narrowest range covering [lo, hi] whose step is
// one of niceSteps×10^k and that has at most maxSteps intervals. An empty
// span is widened around its value.
func niceRange(lo, hi float64, maxSteps int) axisRange {
	if lo > hi {
		lo, hi = hi, lo
	}
	if hi == lo {
		d := math.Abs(lo) * 0.1
		if d == 0 {
			d = 1
		}
		lo, hi = lo-d, hi+d
	}
	const eps = 1e-9
	mag := math.Pow(10, math.Floor(math.Log10((hi-lo)/float64(maxSteps))))
	for k := 0; ; k++ {
		for _, m := range niceSteps {
			step := m * mag * math.Pow(10, float64(k))
			bot := math.Floor(lo/step+eps) * step
			top := math.Ceil(hi/step-eps) * step
			if (top-bot)/step <= float64(maxSteps)+eps {
				return axisRange{Min: bot, Max: top, Step: step}
			}
		}
	}
}

// decimals returns the number of decimals that tick labels of step need.
func decimals(step float64) int {
	for d := 0; d < 10; d++ {
		s := step * math.Pow(10, float64(d))
		if math.Abs(s-math.Round(s)) < 1e-6*s {
			return d
		}
	}
	return 10
}

// ticks returns the labelled ticks of r, one per step.
func (r axisRange) ticks() []plot.Tick {
	n := r.steps()
	d := decimals(r.Step)
	ts := make([]plot.Tick, 0, n+1)
	for i := 0; i <= n; i++ {
		v := r.Min + float64(i)*r.Step
		ts = append(ts, plot.Tick{Value: v, Label: formatNumber(v, d)})
	}
	return ts
}

// apply sets a's range to r and its ticks to r's.
func (r axisRange) apply(a *plot.Axis) {
	a.Min, a.Max = r.Min, r.Max
	ts := r.ticks()
	a.Tick.Marker = plot.ConstantTicks(ts)
}

// yearTicks returns ticks at whole years between lo and hi: labelled
// every year when there are at most 12, else every 2, 5, 10… years, with
// unlabelled minor ticks between them (every year for steps up to 5).
func yearTicks(lo, hi float64) []plot.Tick {
	first, last := int(math.Ceil(lo)), int(math.Floor(hi))
	step := 1
	for _, s := range []int{1, 2, 5, 10, 20, 50} {
		step = s
		if (last-first)/s+1 <= 12 {
			break
		}
	}
	minor := max(1, step/5)
	var ts []plot.Tick
	for y := first; y <= last; y++ {
		switch {
		case y%step == 0:
			ts = append(ts, plot.Tick{Value: float64(y), Label: strconv.Itoa(y)})
		case y%minor == 0:
			ts = append(ts, plot.Tick{Value: float64(y)})
		}
	}
	return ts
}

// formatNumber formats v with d decimals and a comma between groups of
// three digits, e.g. 46306.9 → "46,306.9"; it never returns "-0".
//
// Magnitudes of 10^15 and more (a thousand trillion, far beyond any GDP in
// 亿元) are written with an exponent and three significant digits, e.g.
// 2.71e57: written out, they would be fifty digits wide and, in float64,
// mostly noise.
func formatNumber(v float64, d int) string {
	if a := math.Abs(v); a >= 1e15 && !math.IsInf(a, 0) {
		s := strconv.FormatFloat(v, 'g', 3, 64)
		return strings.Replace(s, "e+", "e", 1)
	}
	s := strconv.FormatFloat(v, 'f', d, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	if neg && strings.Trim(s, "0.") == "" {
		neg = false
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}
