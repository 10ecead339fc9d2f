package calibrate

import (
	"fmt"

	"simulate/model"
)

// ReportDimensions are the TFP dimensions through which the report lets the
// industrial internet act: all but scale efficiency.
var ReportDimensions = []model.Dimension{
	model.TechnicalProgress, model.TechnicalEfficiency, model.AllocativeEfficiency,
}

// TFPShares returns, for each projected year t of in, the II share θ_t that,
// given to every dimension in dims (the other dimensions keep their values
// in in), makes the model's II increment equal targets[t] (亿元). in is not
// changed.
//
// It returns an error when a year's TFP contribution or the weights of dims
// are zero (θ does not move II) or when the solution is outside [0, 1].
// It panics if len(targets) differs from the number of projected years.
func TFPShares(in *model.Inputs, targets []float64, dims []model.Dimension) ([]float64, error) {
	if len(targets) != in.Len() {
		panic("calibrate: one target per projected year is needed")
	}
	inDims := [model.NumDimensions]bool{}
	for _, d := range dims {
		inDims[d] = true
	}
	// Evaluate with θ = 0 on dims: the rest of II comes from the other
	// channels; each year's slope is Y_{t−1}·c_A,t·Σ_{d∈dims} w_d.
	zero := in.Clone()
	for d := range inDims {
		if inDims[d] {
			for i := range zero.TFPII[d] {
				zero.TFPII[d][i] = 0
			}
		}
	}
	var res model.Results
	model.Evaluate(&res, zero)

	var wsum float64
	for d, ok := range inDims {
		if ok {
			wsum += in.Weight[d]
		}
	}
	theta := make([]float64, in.Len())
	prev := in.BaseGDP
	for i, y := range res.Years {
		slope := prev * y.Contribution[model.TFP] * wsum
		if slope == 0 {
			return nil, fmt.Errorf("calibrate: %d: the TFP contribution or the dimensions' weight is zero, so θ cannot move the II increment", y.Year)
		}
		theta[i] = (targets[i] - y.II) / slope
		if theta[i] < 0 || theta[i] > 1 {
			return nil, fmt.Errorf("calibrate: %d: reaching the II increment %v 亿元 needs θ = %v, outside [0, 1]", y.Year, targets[i], theta[i])
		}
		prev = y.GDP
	}
	return theta, nil
}
