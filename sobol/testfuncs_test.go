package sobol

import "math"

// Ishigami is the Ishigami–Homma (1990) test function on x ∈ [−π, π)³,
// f(x) = sin x₁ + a sin² x₂ + b x₃⁴ sin x₁, with a = 7, b = 0.1.
const (
	ishA = 7.0
	ishB = 0.1
)

// ishigami evaluates the Ishigami function at a point u of the unit cube,
// mapped to x = −π + 2πu.
func ishigami(u []float64) float64 {
	x1 := math.Pi * (2*u[0] - 1)
	x2 := math.Pi * (2*u[1] - 1)
	x3 := math.Pi * (2*u[2] - 1)
	s1 := math.Sin(x1)
	s2 := math.Sin(x2)
	x3sq := x3 * x3
	return s1 + ishA*s2*s2 + ishB*x3sq*x3sq*s1
}

// ishigamiExact returns the analytic indices of the Ishigami function:
//
//	V   = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2,
//	V₁  = (1 + bπ⁴/5)²/2,  V₂ = a²/8,  V₃ = 0,  V₁₃ = 8b²π⁸/225,
//	S_i = V_i/V, S_T1 = (V₁ + V₁₃)/V, S_T2 = V₂/V, S_T3 = V₁₃/V.
func ishigamiExact() (s1, st [3]float64) {
	pi4 := math.Pow(math.Pi, 4)
	pi8 := pi4 * pi4
	v := ishA*ishA/8 + ishB*pi4/5 + ishB*ishB*pi8/18 + 0.5
	v1 := 0.5 * (1 + ishB*pi4/5) * (1 + ishB*pi4/5)
	v2 := ishA * ishA / 8
	v13 := 8 * ishB * ishB * pi8 / 225
	s1 = [3]float64{v1 / v, v2 / v, 0}
	st = [3]float64{(v1 + v13) / v, v2 / v, v13 / v}
	return s1, st
}

// fill sets o to f at every row of d, walking the design in order (see
// the package example).
func fill(d *Design, o *Outputs, f func(x []float64) float64) {
	p := d.Points(0)
	a, b, x := make([]float64, d.K), make([]float64, d.K), make([]float64, d.K)
	for j := range d.Len() {
		p.Next(a, b)
		o.A[j], o.B[j] = f(a), f(b)
		for i := range d.K {
			ABRow(x, a, b, i)
			o.AB[i][j] = f(x)
		}
	}
}
