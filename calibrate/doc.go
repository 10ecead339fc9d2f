// Package calibrate recovers model inputs that a report does not publish
// from the outputs it does publish.
//
// The report prints the industrial-internet (II) GDP increment II_t of each
// year but none of the II shares θ_d,t of the TFP dimensions it used. Given
// every other input, II_t is linear in θ_d,t:
//
//	II_t = Y_{t−1}·( λ_t·c_L,t + φ_t·π_t·c_K,t + c_A,t·Σ_d w_d·θ_d,t )
//
// so with one target per year and one unknown per year — a θ_t common to
// the dimensions the report names (technical progress, technical efficiency,
// allocative efficiency), the other dimensions held at their given values —
// each year is solved exactly and independently by [TFPShares].
package calibrate
