package sobol_test

import (
	"fmt"
	"math"

	"simulate/sobol"
)

// The first-order and total indices of the Ishigami function (analytic
// values: S = 0.314, 0.442, 0; S_T = 0.558, 0.442, 0.244), from 8
// scrambled replicates of 1024 points: 40 960 evaluations.
func Example() {
	const k = 3
	model := func(u []float64) float64 { // u in [0, 1)³, mapped to [−π, π)³
		x1, x2, x3 := math.Pi*(2*u[0]-1), math.Pi*(2*u[1]-1), math.Pi*(2*u[2]-1)
		return math.Sin(x1) + 7*math.Pow(math.Sin(x2), 2) + 0.1*math.Pow(x3, 4)*math.Sin(x1)
	}
	d, err := sobol.NewDesign(k, 1024, 8, sobol.Scrambled, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	o := d.NewOutputs()
	p := d.Points(0)
	a, b, x := make([]float64, k), make([]float64, k), make([]float64, k)
	for j := range d.Len() {
		p.Next(a, b)
		o.A[j], o.B[j] = model(a), model(b)
		for i := range k {
			sobol.ABRow(x, a, b, i)
			o.AB[i][j] = model(x)
		}
	}
	res, err := sobol.Indices(o.A, o.B, o.AB, d.Options())
	if err != nil {
		fmt.Println(err)
		return
	}
	for i := range k {
		fmt.Printf("x%d: S = %.2f [%.2f, %.2f], S_T = %.2f [%.2f, %.2f]\n", i+1,
			res.S1[i], res.S1Lo[i], res.S1Hi[i], res.ST[i], res.STLo[i], res.STHi[i])
	}
	// Output:
	// x1: S = 0.31 [0.31, 0.32], S_T = 0.56 [0.55, 0.56]
	// x2: S = 0.44 [0.44, 0.45], S_T = 0.44 [0.44, 0.45]
	// x3: S = 0.00 [-0.00, 0.01], S_T = 0.24 [0.24, 0.25]
}
