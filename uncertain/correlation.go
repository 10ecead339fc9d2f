package uncertain

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/mathext"
)

// Correlation is a target Spearman rank correlation Rank between the
// inputs A and B (indices into a list of inputs), −1 < Rank < 1.
type Correlation struct {
	A, B int
	Rank float64
}

// CorrelationError is a problem of a list of correlations: the one at
// Index (into the list) and what is wrong with it.
type CorrelationError struct {
	Index int
	Msg   string
}

func (e *CorrelationError) Error() string { return "uncertain: " + e.Msg }

// CheckCorrelations checks a list of rank correlations between the inputs
// unc: each names two different inputs, no pair twice, a rank strictly
// between −1 and 1, and together (with 1 on the diagonal and 0 for every
// pair not given) they form a positive definite matrix, as every matrix of
// correlations of a joint distribution with continuous marginals is. The
// correlations are added in order; the error names the first that breaks
// positive definiteness, the correlations already given that it conflicts
// with, and the interval in which its value would keep the matrix positive
// definite. It returns nil or a *CorrelationError.
//
// The matrix of the normal scores that Iman–Conover induces,
// 2·sin(π·r/6) for a rank correlation r, is checked too.
func CheckCorrelations(unc []Input, cs []Correlation) error {
	seen := map[[2]int]int{}
	for n, c := range cs {
		fail := func(format string, args ...any) error {
			return &CorrelationError{Index: n, Msg: fmt.Sprintf(format, args...)}
		}
		if c.A < 0 || c.A >= len(unc) || c.B < 0 || c.B >= len(unc) {
			panic("uncertain: a correlation of an input that is not in the list")
		}
		switch {
		case c.A == c.B:
			return fail("%s is correlated with itself; name two different inputs", unc[c.A].Name)
		case math.IsNaN(c.Rank) || !(c.Rank > -1 && c.Rank < 1):
			return fail("rank %v between %s and %s must be strictly between -1 and 1", c.Rank, unc[c.A].Name, unc[c.B].Name)
		}
		key := [2]int{min(c.A, c.B), max(c.A, c.B)}
		if m, ok := seen[key]; ok {
			return fail("the pair %s, %s is given twice (correlation %d and %d)", unc[c.A].Name, unc[c.B].Name, m+1, n+1)
		}
		seen[key] = n
	}
	if len(cs) == 0 {
		return nil
	}
	idx := involved(cs)
	for _, pearson := range []bool{false, true} {
		var ch mat.Cholesky
		if ch.Factorize(matrix(cs, idx, pearson)) {
			continue
		}
		n := culprit(cs, idx, pearson)
		return &CorrelationError{Index: n, Msg: notPDMessage(unc, cs, n, idx, pearson)}
	}
	return nil
}

// culprit returns the correlation to blame for a matrix that is not
// positive definite: the last given whose value alone, the others held,
// could make it positive definite, or else the last one.
func culprit(cs []Correlation, idx []int, pearson bool) int {
	for n := len(cs) - 1; n >= 0; n-- {
		if _, _, ok := feasible(cs, n, idx, pearson); ok {
			return n
		}
	}
	return len(cs) - 1
}

// involved returns the inputs that take part in a correlation, in
// increasing order.
func involved(cs []Correlation) []int {
	var idx []int
	for _, c := range cs {
		idx = append(idx, c.A, c.B)
	}
	slices.Sort(idx)
	return slices.Compact(idx)
}

// scoreCorrelation returns the Pearson correlation of normal scores whose
// Spearman rank correlation is r: 2·sin(π·r/6) (Pearson 1907; exact for a
// bivariate normal).
func scoreCorrelation(r float64) float64 { return 2 * math.Sin(math.Pi*r/6) }

// matrix returns the correlation matrix of the inputs idx with the
// correlations cs: rank correlations, or with pearson those of the normal
// scores.
func matrix(cs []Correlation, idx []int, pearson bool) *mat.SymDense {
	pos := map[int]int{}
	for k, i := range idx {
		pos[i] = k
	}
	m := mat.NewSymDense(len(idx), nil)
	for k := range idx {
		m.SetSym(k, k, 1)
	}
	for _, c := range cs {
		r := c.Rank
		if pearson {
			r = scoreCorrelation(r)
		}
		m.SetSym(pos[c.A], pos[c.B], r)
	}
	return m
}

// notPDMessage explains why correlation n breaks positive definiteness of
// the matrix of the correlations cs.
func notPDMessage(unc []Input, cs []Correlation, n int, idx []int, pearson bool) string {
	c := cs[n]
	name := func(i int) string { return unc[i].Name }
	// The earlier correlations it conflicts with: those of the inputs
	// linked to its two by a chain of correlations.
	linked := map[int]bool{c.A: true, c.B: true}
	for changed := true; changed; {
		changed = false
		for k, d := range cs {
			if k != n && linked[d.A] != linked[d.B] {
				linked[d.A], linked[d.B], changed = true, true, true
			}
		}
	}
	var with []string
	for k, d := range cs {
		if k != n && linked[d.A] {
			with = append(with, fmt.Sprintf("%s–%s = %s", name(d.A), name(d.B), fmtNum(d.Rank)))
		}
	}
	what := fmt.Sprintf("the rank correlation %s–%s = %s", name(c.A), name(c.B), fmtNum(c.Rank))
	if len(with) == 0 {
		return what + " makes the correlation matrix not positive definite"
	}
	msg := fmt.Sprintf("%s is impossible together with %s: the correlation matrix is not positive definite", what, strings.Join(with, ", "))
	if pearson {
		msg += " once turned into correlations of normal scores (2·sin(π·r/6)), which Iman–Conover needs"
	}
	if lo, hi, ok := feasible(cs, n, idx, pearson); ok {
		if pearson {
			lo, hi = 6/math.Pi*math.Asin(lo/2), 6/math.Pi*math.Asin(hi/2)
		}
		msg += fmt.Sprintf("; with the others as given it must lie strictly between %.3f and %.3f", lo, hi)
	}
	return msg
}

// feasible returns the open interval of values of correlation n that,
// the others held, make the matrix of cs positive definite, and false if
// there is none: with the matrix ordered so that the two inputs of n come
// last, M = [[A, b, d], [bᵀ, 1, r], [dᵀ, r, 1]] is positive definite iff A
// is, 1 − bᵀA⁻¹b > 0, 1 − dᵀA⁻¹d > 0 and (r − bᵀA⁻¹d)² < (1 − bᵀA⁻¹b)(1 −
// dᵀA⁻¹d). The interval is of the matrix's entries: of normal scores with
// pearson.
func feasible(cs []Correlation, n int, idx []int, pearson bool) (lo, hi float64, ok bool) {
	c := cs[n]
	var rest []int
	for _, i := range idx {
		if i != c.A && i != c.B {
			rest = append(rest, i)
		}
	}
	order := append(append(rest, c.A), c.B)
	full := matrix(cs, order, pearson)
	k := len(rest)
	if k == 0 {
		return -1, 1, true
	}
	a := mat.NewSymDense(k, nil)
	b, d := mat.NewVecDense(k, nil), mat.NewVecDense(k, nil)
	for i := range k {
		for j := i; j < k; j++ {
			a.SetSym(i, j, full.At(i, j))
		}
		b.SetVec(i, full.At(i, k))
		d.SetVec(i, full.At(i, k+1))
	}
	var ch mat.Cholesky
	if !ch.Factorize(a) {
		return 0, 0, false
	}
	var ab, ad mat.VecDense
	if ch.SolveVecTo(&ab, b) != nil || ch.SolveVecTo(&ad, d) != nil {
		return 0, 0, false
	}
	bb, dd, bd := 1-mat.Dot(b, &ab), 1-mat.Dot(d, &ad), mat.Dot(b, &ad)
	if !(bb > 0 && dd > 0) {
		return 0, 0, false
	}
	s := math.Sqrt(bb * dd)
	return bd - s, bd + s, true
}

// ImanConover rearranges the draws of the inputs that take part in a
// correlation so that their rank correlations approach the targets cs,
// by the method of Iman and Conover (1982): x[i] holds the N draws of
// input i, and each column involved is reordered, never changed, so every
// marginal sample is kept exactly. Columns of inputs in no correlation
// are left as they are.
//
// The method: van der Waerden scores Φ⁻¹(r/(N+1)), r = 1 … N, randomly
// permuted for each involved input (a PCG stream seeded with (seed,
// 2⁶³+column)) form a score matrix S; with E = FFᵀ the Cholesky factor of
// S's sample correlation and C = PPᵀ that of the target correlation of
// normal scores (2·sin(π·r/6) for each rank correlation r), the rows of
// T = S·(PF⁻¹)ᵀ have sample correlation exactly C, and each input's draws
// are given the ranks of its column of T. The result depends only on x,
// cs and seed.
//
// It returns an error, a *CorrelationError, when CheckCorrelations
// would. It panics if the columns differ in length.
//
// Reference: R. L. Iman and W. J. Conover (1982), "A distribution-free
// approach to inducing rank correlation among input variables", Commun.
// Statist. Simul. Comput. 11(3), 311–334.
func ImanConover(x [][]float64, unc []Input, cs []Correlation, seed uint64) error {
	if len(cs) == 0 {
		return nil
	}
	if err := CheckCorrelations(unc, cs); err != nil {
		return err
	}
	idx := involved(cs)
	n := len(x[idx[0]])
	for _, i := range idx {
		if len(x[i]) != n {
			panic("uncertain: ImanConover with columns of different lengths")
		}
	}
	if n < 2 {
		return nil
	}
	m := len(idx)

	// The scores, permuted independently for each input.
	scores := make([]float64, n)
	for r := range scores {
		scores[r] = mathext.NormalQuantile(float64(r+1) / float64(n+1))
	}
	s := make([][]float64, m)
	for k := range s {
		s[k] = slices.Clone(scores)
		rng := rand.New(rand.NewPCG(seed, 1<<63+uint64(idx[k])))
		rng.Shuffle(n, func(i, j int) { s[k][i], s[k][j] = s[k][j], s[k][i] })
	}

	// E, the sample correlation of S: every column has the same values,
	// so the same mean and sum of squares.
	var mean, ss float64
	for _, v := range scores {
		mean += v
	}
	mean /= float64(n)
	for _, v := range scores {
		ss += (v - mean) * (v - mean)
	}
	e := mat.NewSymDense(m, nil)
	for j := range m {
		for k := j; k < m; k++ {
			var c float64
			for r := range n {
				c += (s[j][r] - mean) * (s[k][r] - mean)
			}
			e.SetSym(j, k, c/ss)
		}
	}
	var fe, fc mat.Cholesky
	if !fe.Factorize(e) {
		// Only for tiny N: permuted scores are almost never collinear.
		return &CorrelationError{Index: 0, Msg: fmt.Sprintf("%d draws are too few to induce the rank correlations", n)}
	}
	fc.Factorize(matrix(cs, idx, true)) // checked above
	var f, p, finv, b mat.TriDense
	fe.LTo(&f)
	fc.LTo(&p)
	if err := finv.InverseTri(&f); err != nil {
		return &CorrelationError{Index: 0, Msg: fmt.Sprintf("%d draws are too few to induce the rank correlations", n)}
	}
	b.MulTri(&p, &finv) // lower triangular: T's column j mixes S's columns 0 … j

	t := make([]float64, n)
	order := make([]int32, n)
	coef := make([]float64, m)
	for j := range m {
		for k := range coef {
			coef[k] = b.At(j, k)
		}
		clear(t)
		for k := 0; k <= j; k++ {
			for r, v := range s[k] {
				t[r] += coef[k] * v
			}
		}
		for r := range order {
			order[r] = int32(r)
		}
		slices.SortFunc(order, func(a, b int32) int {
			if c := cmp.Compare(t[a], t[b]); c != 0 {
				return c
			}
			return cmp.Compare(a, b)
		})
		col := x[idx[j]]
		sorted := slices.Clone(col)
		slices.Sort(sorted)
		for q, r := range order {
			col[r] = sorted[q]
		}
	}
	return nil
}
