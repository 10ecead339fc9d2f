package uncertain

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/stat/distuv"
)

// Family is a family of probability distributions.
type Family int

// The families. Each lists the fields of Distribution it reads.
const (
	Uniform     Family = iota + 1 // Min, Max
	Triangular                    // Min, Mode, Max
	Normal                        // Mu (mean), Sigma (standard deviation)
	TruncNormal                   // Mu, Sigma of the untruncated normal; Min, Max
	LogNormal                     // Mu, Sigma of ln X; optional truncation Min ≥ 0, Max ≤ +Inf
	Beta                          // Alpha, Beta; scaled to [Min, Max] (default [0, 1])
)

var familyNames = [...]string{"", "uniform", "triangular", "normal", "truncnormal", "lognormal", "beta"}

// String returns the family's name as written in the uncertainty table.
func (f Family) String() string {
	if f <= 0 || int(f) >= len(familyNames) {
		return fmt.Sprintf("Family(%d)", int(f))
	}
	return familyNames[f]
}

// ParseFamily returns the family with the given name.
func ParseFamily(s string) (Family, bool) {
	for f, n := range familyNames {
		if f > 0 && n == s {
			return Family(f), true
		}
	}
	return 0, false
}

// Families returns the names of every family.
func Families() []string { return familyNames[1:] }

// Param is a parameter of a family as an uncertainty table writes it.
type Param struct {
	Name     string  // "min", "mode", "max", "mean", "sd", "mu", "sigma", "alpha" or "beta"
	Optional bool    // the truncation of a lognormal, the interval of a beta
	Default  float64 // an optional parameter's value when not given
}

var familyParams = [...][]Param{
	Uniform:     {{Name: "min"}, {Name: "max"}},
	Triangular:  {{Name: "min"}, {Name: "mode"}, {Name: "max"}},
	Normal:      {{Name: "mean"}, {Name: "sd"}},
	TruncNormal: {{Name: "mean"}, {Name: "sd"}, {Name: "min"}, {Name: "max"}},
	LogNormal:   {{Name: "mu"}, {Name: "sigma"}, {Name: "min", Optional: true}, {Name: "max", Optional: true, Default: math.Inf(1)}},
	Beta:        {{Name: "alpha"}, {Name: "beta"}, {Name: "min", Optional: true}, {Name: "max", Optional: true, Default: 1}},
}

// Params returns the parameters of family f in the order [New] takes them,
// the required ones first. The caller must not modify the slice.
func (f Family) Params() []Param {
	if f <= 0 || int(f) >= len(familyParams) {
		return nil
	}
	return familyParams[f]
}

// New returns the distribution of family f with the parameters v, in the
// order of f.Params (an optional one at its default when not given), by
// the family's constructor: NewUniform, NewTriangular, …. It panics if f
// is not a family or v has not one value per parameter.
func New(f Family, v []float64) (Distribution, error) {
	if len(v) != len(f.Params()) {
		panic("uncertain: New with the wrong number of parameters")
	}
	var d Distribution
	var err error
	switch f {
	case Uniform:
		d, err = NewUniform(v[0], v[1])
	case Triangular:
		d, err = NewTriangular(v[0], v[1], v[2])
	case Normal:
		d, err = NewNormal(v[0], v[1])
	case TruncNormal:
		d, err = NewTruncNormal(v[0], v[1], v[2], v[3])
	case LogNormal:
		d, err = NewLogNormal(v[0], v[1], v[2], v[3])
	default:
		d, err = NewBeta(v[0], v[1], v[2], v[3])
	}
	if err != nil {
		return d, err
	}
	return d, d.checkExtremes()
}

// extremes are the probabilities at which New checks a distribution's
// quantiles: the ends and the tails any sample reaches.
var extremes = []float64{0, 1e-12, 1e-6, 0.5, 1 - 1e-6, 1 - 1e-12, 1}

// checkExtremes returns an error if a quantile of d at an extreme
// probability is NaN or outside its support: parameters too extreme to
// draw from.
func (d *Distribution) checkExtremes() error {
	lo, hi := d.Support()
	tol := 1e-9 // rounding of a scaled quantile at the ends
	if d.Bounded() {
		tol *= hi - lo
	}
	for _, p := range extremes {
		q := d.Quantile(p)
		if math.IsNaN(q) || q < lo-tol || q > hi+tol || math.IsInf(q, 0) && p != 0 && p != 1 {
			return fmt.Errorf("its %s-quantile is %s: the parameters are too extreme to draw from", fmtNum(p), fmtNum(q))
		}
	}
	return nil
}

// Distribution is a probability distribution of an uncertain value. Build
// it with one of the New functions, which check the parameters; the zero
// value is not usable.
//
// Sampling is by inversion, X = Q(U) with U uniform on [0, 1), for the
// uniform and the triangular, whose quantiles cost a few nanoseconds. The
// normal and an untruncated lognormal transform a normal variate (the
// ziggurat of math/rand/v2). A truncated normal (and lognormal) whose
// interval holds at least half the normal's mass draws normal variates
// until one falls in the interval (at most two tries on average, some 7 ns,
// where Φ⁻¹ costs 25 ns); a narrower one is sampled by inversion in the
// lower tail. The beta is a ratio of gamma variates: gonum's
// distuv.Beta.Rand, the same numbers, with the constants of the method of
// Marsaglia and Tsang computed once; its quantile costs microseconds.
type Distribution struct {
	Family Family
	Min    float64 // lower end of the support (−Inf for the normal)
	Max    float64 // upper end of the support (+Inf for the normal and an untruncated lognormal)
	Mode   float64 // triangular: the mode
	Mu     float64 // normal, truncnormal: the mean before truncation; lognormal: the mean of ln X
	Sigma  float64 // normal, truncnormal: the standard deviation before truncation; lognormal: of ln X
	Alpha  float64 // beta: first shape parameter, > 0
	Beta   float64 // beta: second shape parameter, > 0

	tn     tnorm      // truncnormal, and a truncated lognormal in log space
	ga, gb gammaConst // beta with α, β > 1: the constants of its gamma variates
	tri    triConst   // triangular
	binv   *betaInv   // beta: its quantile (read only, shared by copies)
}

// triConst holds the differences a triangular quantile multiplies by.
type triConst struct{ f, ba, ca, bc float64 }

// tnorm is a standard normal truncated to [lo, hi], reflected so that the
// interval lies in the lower tail (where Φ is accurate) when it lies above
// the mean.
type tnorm struct {
	lo, hi   float64 // the standardised bounds after reflection
	flip     bool    // the bounds were reflected: z = −z'
	plo, pz  float64 // Φ(lo) and Φ(hi) − Φ(lo)
	orig     [2]float64
	truncate bool
}

func newTnorm(lo, hi float64) (tnorm, error) {
	t := tnorm{orig: [2]float64{lo, hi}, truncate: true}
	if lo >= 0 {
		lo, hi, t.flip = -hi, -lo, true
	}
	t.lo, t.hi = lo, hi
	t.plo = stdCDF(lo)
	t.pz = stdCDF(hi) - t.plo
	if !(t.pz > 1e-12) {
		return t, errors.New("the interval holds almost none of the normal's mass")
	}
	return t, nil
}

// quantile returns the p-quantile of the truncated standard normal.
func (t *tnorm) quantile(p float64) float64 {
	if t.flip {
		p = 1 - p
	}
	z := distuv.UnitNormal.Quantile(min(max(t.plo+p*t.pz, 0), 1))
	z = min(max(z, t.lo), t.hi)
	if t.flip {
		return -z
	}
	return z
}

// cdf returns P(Z ≤ z) of the truncated standard normal, computed in the
// lower tail as quantile is.
func (t *tnorm) cdf(z float64) float64 {
	if t.flip {
		return min(max((stdCDF(t.hi)-stdCDF(-z))/t.pz, 0), 1)
	}
	return min(max((stdCDF(z)-t.plo)/t.pz, 0), 1)
}

// moment returns E[exp(k·Z)] of the truncated standard normal Z scaled by
// σ: E[exp(k·σ·Z)]; used for the truncated lognormal's moments.
func (t *tnorm) expMoment(s float64) float64 {
	a, b := t.orig[0], t.orig[1]
	return math.Exp(s*s/2) * (stdCDF(b-s) - stdCDF(a-s)) / (stdCDF(b) - stdCDF(a))
}

func stdCDF(x float64) float64 { return 0.5 * math.Erfc(-x/math.Sqrt2) }
func stdPDF(x float64) float64 { return math.Exp(-x*x/2) / math.Sqrt(2*math.Pi) }

func finite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

var errNonFinite = errors.New("every parameter must be a finite number")

// NewUniform returns the uniform distribution on [min, max], min < max.
func NewUniform(min, max float64) (Distribution, error) {
	switch {
	case !finite(min, max):
		return Distribution{}, errNonFinite
	case !(min < max):
		return Distribution{}, fmt.Errorf("min (%s) must be less than max (%s)", fmtNum(min), fmtNum(max))
	}
	return Distribution{Family: Uniform, Min: min, Max: max}, nil
}

// NewTriangular returns the triangular distribution on [min, max] with its
// mode at mode, min ≤ mode ≤ max, min < max.
func NewTriangular(min, mode, max float64) (Distribution, error) {
	switch {
	case !finite(min, mode, max):
		return Distribution{}, errNonFinite
	case !(min < max):
		return Distribution{}, fmt.Errorf("min (%s) must be less than max (%s)", fmtNum(min), fmtNum(max))
	case mode < min || mode > max:
		return Distribution{}, fmt.Errorf("mode (%s) must lie in [min, max] = [%s, %s]", fmtNum(mode), fmtNum(min), fmtNum(max))
	}
	return Distribution{Family: Triangular, Min: min, Mode: mode, Max: max,
		tri: triConst{f: (mode - min) / (max - min), ba: max - min, ca: mode - min, bc: max - mode}}, nil
}

// NewNormal returns the normal distribution with mean mu and standard
// deviation sigma > 0. Its support is the whole real line.
func NewNormal(mu, sigma float64) (Distribution, error) {
	switch {
	case !finite(mu, sigma):
		return Distribution{}, errNonFinite
	case !(sigma > 0):
		return Distribution{}, fmt.Errorf("sd (%s) must be positive", fmtNum(sigma))
	}
	return Distribution{Family: Normal, Mu: mu, Sigma: sigma, Min: math.Inf(-1), Max: math.Inf(1)}, nil
}

// NewTruncNormal returns the normal distribution with mean mu and standard
// deviation sigma > 0 truncated to [min, max], min < max: its density is
// the normal's on [min, max], rescaled to integrate to 1, and 0 outside.
func NewTruncNormal(mu, sigma, min, max float64) (Distribution, error) {
	switch {
	case !finite(mu, sigma, min, max):
		return Distribution{}, errNonFinite
	case !(sigma > 0):
		return Distribution{}, fmt.Errorf("sd (%s) must be positive", fmtNum(sigma))
	case !(min < max):
		return Distribution{}, fmt.Errorf("min (%s) must be less than max (%s)", fmtNum(min), fmtNum(max))
	}
	tn, err := newTnorm((min-mu)/sigma, (max-mu)/sigma)
	if err != nil {
		return Distribution{}, fmt.Errorf("[min, max] = [%s, %s] is too far from the mean %s: %v", fmtNum(min), fmtNum(max), fmtNum(mu), err)
	}
	return Distribution{Family: TruncNormal, Mu: mu, Sigma: sigma, Min: min, Max: max, tn: tn}, nil
}

// NewLogNormal returns the distribution of X = exp(Y), Y normal with mean
// mu and standard deviation sigma > 0 (the median of X is exp(mu)),
// truncated to [min, max] when min > 0 or max < +Inf. Pass 0 and +Inf for
// no truncation.
func NewLogNormal(mu, sigma, min, max float64) (Distribution, error) {
	switch {
	case !finite(mu, sigma) || math.IsNaN(min) || math.IsNaN(max) || math.IsInf(min, 0) || math.IsInf(max, -1):
		return Distribution{}, errNonFinite
	case !(sigma > 0):
		return Distribution{}, fmt.Errorf("sigma (%s) must be positive", fmtNum(sigma))
	case min < 0:
		return Distribution{}, fmt.Errorf("min (%s) must not be negative: a lognormal is positive", fmtNum(min))
	case !(min < max):
		return Distribution{}, fmt.Errorf("min (%s) must be less than max (%s)", fmtNum(min), fmtNum(max))
	}
	d := Distribution{Family: LogNormal, Mu: mu, Sigma: sigma, Min: min, Max: max}
	if min > 0 || !math.IsInf(max, 1) {
		tn, err := newTnorm((math.Log(min)-mu)/sigma, (math.Log(max)-mu)/sigma)
		if err != nil {
			return Distribution{}, fmt.Errorf("[min, max] = [%s, %s] is too far from the median %s: %v", fmtNum(min), fmtNum(max), fmtNum(math.Exp(mu)), err)
		}
		d.tn = tn
	}
	return d, nil
}

// NewBeta returns the beta distribution with shape parameters alpha, beta
// > 0, scaled from [0, 1] to [min, max], min < max.
func NewBeta(alpha, beta, min, max float64) (Distribution, error) {
	switch {
	case !finite(alpha, beta, min, max):
		return Distribution{}, errNonFinite
	case !(alpha > 0) || !(beta > 0):
		return Distribution{}, fmt.Errorf("alpha (%s) and beta (%s) must be positive", fmtNum(alpha), fmtNum(beta))
	case !(min < max):
		return Distribution{}, fmt.Errorf("min (%s) must be less than max (%s)", fmtNum(min), fmtNum(max))
	}
	d := Distribution{Family: Beta, Alpha: alpha, Beta: beta, Min: min, Max: max, binv: newBetaInv(alpha, beta)}
	if alpha > 1 && beta > 1 {
		d.ga, d.gb = newGammaConst(alpha), newGammaConst(beta)
	}
	return d, nil
}

// Bounded reports whether the support is a bounded interval.
func (d *Distribution) Bounded() bool { return !math.IsInf(d.Min, 0) && !math.IsInf(d.Max, 0) }

// Support returns the interval [lo, hi] outside which d has no mass.
func (d *Distribution) Support() (lo, hi float64) { return d.Min, d.Max }

// Quantile returns the p-quantile of d, 0 ≤ p ≤ 1. Quantile(0) and
// Quantile(1) are the ends of the support (infinite for the normal). It
// panics if p is outside [0, 1].
func (d *Distribution) Quantile(p float64) float64 {
	if !(p >= 0 && p <= 1) {
		panic("uncertain: quantile of a probability outside [0, 1]")
	}
	switch d.Family {
	case Uniform:
		return d.Min + p*(d.Max-d.Min)
	case Triangular:
		return d.triangular(p)
	case Normal:
		return distuv.Normal{Mu: d.Mu, Sigma: d.Sigma}.Quantile(p)
	case TruncNormal:
		return min(max(d.Mu+d.Sigma*d.tn.quantile(p), d.Min), d.Max)
	case LogNormal:
		if !d.tn.truncate {
			return distuv.LogNormal{Mu: d.Mu, Sigma: d.Sigma}.Quantile(p)
		}
		return min(max(math.Exp(d.Mu+d.Sigma*d.tn.quantile(p)), d.Min), d.Max)
	case Beta:
		return d.Min + (d.Max-d.Min)*d.binv.quantile(p)
	}
	panic("uncertain: quantile of an unset distribution")
}

// Rand returns a draw of d using src. It allocates nothing.
func (d *Distribution) Rand(src rand.Source) float64 {
	switch d.Family {
	case Uniform:
		return d.Min + uniform01(src)*(d.Max-d.Min)
	case Triangular:
		return d.triangular(uniform01(src))
	case Normal:
		return distuv.Normal{Mu: d.Mu, Sigma: d.Sigma, Src: src}.Rand()
	case TruncNormal:
		if d.tn.pz >= 0.5 {
			return min(max(d.Mu+d.Sigma*d.tn.reject(src), d.Min), d.Max)
		}
	case LogNormal:
		if !d.tn.truncate {
			return distuv.LogNormal{Mu: d.Mu, Sigma: d.Sigma, Src: src}.Rand()
		}
		if d.tn.pz >= 0.5 {
			return min(max(math.Exp(d.Mu+d.Sigma*d.tn.reject(src)), d.Min), d.Max)
		}
	case Beta:
		if d.Alpha > 1 && d.Beta > 1 {
			// gonum's algorithm, with its constants computed once.
			r := rand.New(src)
			ga := gammaMT(r, d.ga)
			gb := gammaMT(r, d.gb)
			return d.Min + (d.Max-d.Min)*(ga/(ga+gb))
		}
		// With tiny shapes both gamma variates of gonum's draw underflow
		// to 0 and their ratio is NaN: draw by the quantile then.
		if v := (distuv.Beta{Alpha: d.Alpha, Beta: d.Beta, Src: src}).Rand(); !math.IsNaN(v) {
			return d.Min + (d.Max-d.Min)*v
		}
	}
	return d.Quantile(uniform01(src))
}

// gammaConst holds the constants d = α − 1/3 and c = 1/(3√d) of the
// method of Marsaglia and Tsang (2000) for a gamma(α, 1) variate, α > 1.
type gammaConst struct{ d, c float64 }

func newGammaConst(alpha float64) gammaConst {
	d := alpha - 1.0/3
	return gammaConst{d: d, c: 1 / (3 * math.Sqrt(d))}
}

// gammaMT returns a gamma(α, 1) variate, α > 1, by the method of Marsaglia
// and Tsang, drawing from r exactly as gonum's distuv.Gamma.Rand does (a
// normal variate, then a uniform one, for each try) and with its
// arithmetic, so that the draws are the same numbers.
func gammaMT(r *rand.Rand, g gammaConst) float64 {
	d, c := g.d, g.c
	for {
		x := r.NormFloat64()
		v := 1 + x*c
		if v <= 0.0 {
			continue
		}
		v = v * v * v
		u := r.Float64()
		if u < 1.0-0.0331*(x*x)*(x*x) {
			return d * v
		}
		if math.Log(u) < 0.5*x*x+d*(1-v+math.Log(v)) {
			return d * v
		}
	}
}

// reject returns a standard normal variate truncated to the interval,
// drawing until one falls in it. Use it only when the interval holds a
// good part of the mass.
func (t *tnorm) reject(src rand.Source) float64 {
	r := rand.New(src)
	a, b := t.orig[0], t.orig[1]
	for {
		if z := r.NormFloat64(); z >= a && z <= b {
			return z
		}
	}
}

// triangular returns the p-quantile of a triangular distribution, with the
// arithmetic of gonum's distuv.Triangle.Quantile (the same numbers), its
// differences computed once.
//
// Which side of the mode a draw falls on is a coin toss that the
// processor's branch prediction gets wrong a third of the time or more, so
// the side is an index into the two sides' operands rather than a branch.
func (d *Distribution) triangular(p float64) float64 {
	t := &d.tri
	side := 0 // above the mode
	if p < t.f {
		side = 1
	}
	x := [2]float64{(1 - p) * t.ba * t.bc, p * t.ba * t.ca}
	from := [2]float64{d.Max, d.Min}
	sign := [2]float64{-1, 1}
	return from[side] + sign[side]*math.Sqrt(x[side])
}

// uniform01 returns a uniform draw in [0, 1) with 53 random bits, as
// rand.Rand.Float64 does.
func uniform01(src rand.Source) float64 { return float64(src.Uint64()<<11>>11) / (1 << 53) }

// Mean returns the mean of d.
func (d *Distribution) Mean() float64 {
	switch d.Family {
	case Uniform:
		return (d.Min + d.Max) / 2
	case Triangular:
		return (d.Min + d.Mode + d.Max) / 3
	case Normal:
		return d.Mu
	case TruncNormal:
		a, b := (d.Min-d.Mu)/d.Sigma, (d.Max-d.Mu)/d.Sigma
		return d.Mu + d.Sigma*(stdPDF(a)-stdPDF(b))/(stdCDF(b)-stdCDF(a))
	case LogNormal:
		if !d.tn.truncate {
			return math.Exp(d.Mu + d.Sigma*d.Sigma/2)
		}
		return math.Exp(d.Mu) * d.tn.expMoment(d.Sigma)
	case Beta:
		return d.Min + (d.Max-d.Min)*d.Alpha/(d.Alpha+d.Beta)
	}
	return math.NaN()
}

// Variance returns the variance of d.
func (d *Distribution) Variance() float64 {
	switch d.Family {
	case Uniform:
		w := d.Max - d.Min
		return w * w / 12
	case Triangular:
		a, c, b := d.Min, d.Mode, d.Max
		return (a*a + b*b + c*c - a*b - a*c - b*c) / 18
	case Normal:
		return d.Sigma * d.Sigma
	case TruncNormal:
		a, b := (d.Min-d.Mu)/d.Sigma, (d.Max-d.Mu)/d.Sigma
		z := stdCDF(b) - stdCDF(a)
		m := (stdPDF(a) - stdPDF(b)) / z
		return d.Sigma * d.Sigma * (1 + (a*stdPDF(a)-b*stdPDF(b))/z - m*m)
	case LogNormal:
		if !d.tn.truncate {
			s2 := d.Sigma * d.Sigma
			return math.Expm1(s2) * math.Exp(2*d.Mu+s2)
		}
		m1 := math.Exp(d.Mu) * d.tn.expMoment(d.Sigma)
		m2 := math.Exp(2*d.Mu) * d.tn.expMoment(2*d.Sigma)
		return m2 - m1*m1
	case Beta:
		w := d.Max - d.Min
		s := d.Alpha + d.Beta
		return w * w * d.Alpha * d.Beta / (s * s * (s + 1))
	}
	return math.NaN()
}

// String returns d as written in the uncertainty table, e.g.
// "triangular(min=0.1, mode=0.15, max=0.25)".
func (d *Distribution) String() string {
	var kv []string
	add := func(k string, v float64) { kv = append(kv, k+"="+fmtNum(v)) }
	switch d.Family {
	case Uniform:
		add("min", d.Min)
		add("max", d.Max)
	case Triangular:
		add("min", d.Min)
		add("mode", d.Mode)
		add("max", d.Max)
	case Normal:
		add("mean", d.Mu)
		add("sd", d.Sigma)
	case TruncNormal:
		add("mean", d.Mu)
		add("sd", d.Sigma)
		add("min", d.Min)
		add("max", d.Max)
	case LogNormal:
		add("mu", d.Mu)
		add("sigma", d.Sigma)
		if d.Min > 0 {
			add("min", d.Min)
		}
		if !math.IsInf(d.Max, 1) {
			add("max", d.Max)
		}
	case Beta:
		add("alpha", d.Alpha)
		add("beta", d.Beta)
		add("min", d.Min)
		add("max", d.Max)
	}
	return d.Family.String() + "(" + strings.Join(kv, ", ") + ")"
}

func fmtNum(v float64) string {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	if err != nil {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	return strconv.FormatFloat(r, 'g', -1, 64)
}

// CDF returns P(X ≤ x).
func (d *Distribution) CDF(x float64) float64 {
	if math.IsNaN(x) {
		return math.NaN()
	}
	if x <= d.Min {
		return 0
	}
	if x >= d.Max {
		return 1
	}
	switch d.Family {
	case Uniform:
		return (x - d.Min) / (d.Max - d.Min)
	case Triangular:
		a, c, b := d.Min, d.Mode, d.Max
		if x <= c {
			return (x - a) * (x - a) / ((b - a) * (c - a))
		}
		return 1 - (b-x)*(b-x)/((b-a)*(b-c))
	case Normal:
		return stdCDF((x - d.Mu) / d.Sigma)
	case TruncNormal:
		return d.tn.cdf((x - d.Mu) / d.Sigma)
	case LogNormal:
		z := (math.Log(x) - d.Mu) / d.Sigma
		if !d.tn.truncate {
			return stdCDF(z)
		}
		return d.tn.cdf(z)
	case Beta:
		return distuv.Beta{Alpha: d.Alpha, Beta: d.Beta}.CDF((x - d.Min) / (d.Max - d.Min))
	}
	return math.NaN()
}
