package model

// IndexLink drives the II shares θ of the TFP dimensions from a path of
// the industrial-internet index (CII), as the report's appendix (研究假设
// item 2) describes θ: "调节因子 … 产业互联网程度对技术进步、技术效率、配置效率
// … 的影响系数", influence coefficients of the degree of industrial
// internet. For every dimension d and projected year t
//
//	θ_d,t = κ_d · I_t / 100
//
// with I_t the index in points (0–100; the report's 2019 value is the mean
// of its seven industries, 17.09) and κ_d the coefficient of dimension d:
// θ_d when every industry uses the modes fully (I = 100). Inputs with an
// IndexLink have their θ computed ([FillIndex]); θ is then no longer
// addressable, κ (keys cii.kappa.*) and I (cii.index_pts) are.
type IndexLink struct {
	Kappa [NumDimensions]float64 // κ_d ≥ 0
	Level []float64              // I_t/100, a fraction, per projected year
}

// NewIndexLink returns an index link for n projected years with κ = 0 and
// the index at 0.
func NewIndexLink(n int) *IndexLink { return &IndexLink{Level: make([]float64, n)} }

// Clone returns a deep copy of l.
func (l *IndexLink) Clone() *IndexLink {
	c := *l
	c.Level = append([]float64(nil), l.Level...)
	return &c
}

// FillIndex sets θ from the index link of in, if it has one:
// θ_d,t = κ_d·I_t/100 for every dimension and year. It allocates nothing.
func FillIndex(in *Inputs) {
	l := in.Index
	if l == nil {
		return
	}
	for d := range in.TFPII {
		for i, lv := range l.Level {
			in.TFPII[d][i] = l.Kappa[d] * lv
		}
	}
}

func indexParams() []*Param {
	on := func(in *Inputs) bool { return in.Index != nil }
	ps := []*Param{{
		Key: "cii.index_pts", Unit: "pts", Scale: 100, Min: 0, Max: 100, PerYear: true, Default: required,
		Doc:    "I: the industrial-internet index (CII), points, that drives θ_d = κ_d·I/100",
		series: func(in *Inputs) []float64 { return in.Index.Level }, active: on, index: true,
	}}
	for d := range Dimension(NumDimensions) {
		ps = append(ps, &Param{
			Key: "cii.kappa." + d.String(), Unit: "ratio", Scale: 1, Min: 0, Max: 100, Default: 0,
			Doc:    "κ: θ of the " + d.String() + " dimension per unit of the index over 100 (θ = κ·I/100)",
			scalar: func(in *Inputs) *float64 { return &in.Index.Kappa[d] }, active: on, index: true,
		})
	}
	return ps
}
