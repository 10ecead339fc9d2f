package indexes

import (
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"simulate/cii"
)

// Tolerances from the report's printed precision: the seven indices are
// printed to 0.1, the mean to 0.01.
const (
	scoreTol = 0.05
	meanTol  = 0.005
)

func load2020(t *testing.T) *cii.Index {
	t.Helper()
	f, err := LoadEmbedded("cii2020")
	if err != nil {
		t.Fatal(err)
	}
	return f.Index
}

// TestCII2020Scores checks the seven published indices (§3.x.4, §4.1) and
// their arithmetic mean, 17.09 (核心结论).
func TestCII2020Scores(t *testing.T) {
	ix := load2020(t)
	var r cii.Result
	ix.Evaluate(&r)
	want := map[string]float64{"finance": 30.2, "retail": 21.5, "entertainment": 19.5, "education": 16.1,
		"healthcare": 15.6, "logistics": 11.2, "manufacturing": 5.5}
	if len(ix.Industries) != len(want) {
		t.Fatalf("%d industries, want %d", len(ix.Industries), len(want))
	}
	for i, ind := range ix.Industries {
		if !scalar.EqualWithinAbs(r.Scores[i], want[ind.Key], scoreTol) {
			t.Errorf("%s: index %v, published %v", ind.Key, r.Scores[i], want[ind.Key])
		}
		if ind.Published.V != want[ind.Key] {
			t.Errorf("%s: the file publishes %v, the report %v", ind.Key, ind.Published.V, want[ind.Key])
		}
	}
	if !scalar.EqualWithinAbs(r.Mean, 17.09, meanTol) {
		t.Errorf("mean: %v, published 17.09", r.Mean)
	}
	// The report's order: finance, retail, entertainment, education,
	// healthcare, logistics, manufacturing.
	rank := map[string]int{"finance": 1, "retail": 2, "entertainment": 3, "education": 4, "healthcare": 5, "logistics": 6, "manufacturing": 7}
	for i, ind := range ix.Industries {
		if r.Ranks[i] != rank[ind.Key] {
			t.Errorf("%s: rank %d, want %d", ind.Key, r.Ranks[i], rank[ind.Key])
		}
	}
}

// pen returns the penetration of the stage at path ("industry.stage" or
// "industry.stage.sub").
func pen(t *testing.T, ix *cii.Index, path string) float64 {
	t.Helper()
	return stage(t, ix, path).Penetration.V
}

func stage(t *testing.T, ix *cii.Index, path string) *cii.Stage {
	t.Helper()
	indKey, rest, _ := strings.Cut(path, ".")
	ind, ok := ix.Industry(indKey)
	if !ok {
		t.Fatalf("no industry %s", indKey)
	}
	s, ok := ind.Stage(rest)
	if !ok {
		t.Fatalf("no stage %s", path)
	}
	return s
}

// share returns the stage's share of its industry.
func share(t *testing.T, ix *cii.Index, path string) float64 {
	t.Helper()
	parts := strings.Split(path, ".")
	w := stage(t, ix, parts[0]+"."+parts[1]).Weight.V
	if len(parts) == 3 {
		w *= stage(t, ix, path).Weight.V
	}
	return w
}

// TestCII2020Text checks the shipped values against every statement of
// the report's text on stages, one case each, written here from the text
// (not read from the file's own constraints): a value the text gives is
// held and marked "text"; a bound or an ordering holds. Strict
// inequalities of the text are checked strictly.
func TestCII2020Text(t *testing.T) {
	ix := load2020(t)
	var r cii.Result
	ix.Evaluate(&r)
	score := func(key string) float64 {
		for i, ind := range ix.Industries {
			if ind.Key == key {
				return r.Scores[i]
			}
		}
		t.Fatalf("no industry %s", key)
		return 0
	}
	textValue := func(path string, v float64) func(t *testing.T) {
		return func(t *testing.T) {
			s := stage(t, ix, path)
			if s.Penetration.V != v || s.Penetration.Source != cii.Text || s.Penetration.Quote == "" {
				t.Errorf("%s: %v (%s, quote %q), want %v from the text", path, s.Penetration.V, s.Penetration.Source, s.Penetration.Quote, v)
			}
		}
	}
	check := func(ok bool, format string, args ...any) func(t *testing.T) {
		return func(t *testing.T) {
			if !ok {
				t.Errorf(format, args...)
			}
		}
	}
	mean := func(paths ...string) float64 {
		var c, w float64
		for _, p := range paths {
			c += share(t, ix, p) * pen(t, ix, p)
			w += share(t, ix, p)
		}
		return c / w
	}
	var all = func(max float64, strict bool, paths ...string) func(t *testing.T) {
		return func(t *testing.T) {
			for _, p := range paths {
				v := pen(t, ix, p)
				if v > max || strict && v >= max {
					t.Errorf("%s: %v, the text says below %v", p, v, max)
				}
			}
		}
	}
	cases := []struct {
		name string
		f    func(t *testing.T)
	}{
		// Retail (§4.1, §3.4.4).
		{"retail/支付结算 71%", textValue("retail.sales_service.payment_settlement", 71)},
		{"retail/商品管理 48%", textValue("retail.operations.merchandise", 48)},
		{"retail/其余环节均在20%以上", func(t *testing.T) {
			for _, p := range []string{"retail.operations.other_operations", "retail.sales_service.consumer_service", "retail.sales_service.online_channels"} {
				if v := pen(t, ix, p); v < 20 {
					t.Errorf("%s: %v < 20", p, v)
				}
			}
		}},
		{"retail/后台商务和供应物流均未超过15%", all(15, false, "retail.back_office", "retail.supply_logistics")},
		{"retail/支付结算最高", func(t *testing.T) {
			for _, p := range []string{"retail.back_office", "retail.supply_logistics", "retail.operations.merchandise",
				"retail.operations.other_operations", "retail.sales_service.consumer_service", "retail.sales_service.online_channels"} {
				if v := pen(t, ix, p); v >= 71 {
					t.Errorf("%s: %v ≥ 71", p, v)
				}
			}
		}},
		// Education (§4.1, §3.6.3).
		{"education/办公协同 60%", textValue("education.institution_management.office_collaboration", 60)},
		{"education/家校沟通 70%", textValue("education.institution_management.home_school", 70)},
		{"education/广告投放 40%", textValue("education.marketing.advertising", 40)},
		{"education/其余环节均未超过20%", all(20, false, "education.marketing.other_marketing", "education.teaching", "education.content", "education.assessment")},
		{"education/modes 10%, 20%, 70%", func(t *testing.T) {
			ind, _ := ix.Industry("education")
			want := map[string]float64{"online_teaching": 10, "learning_tools": 20, "management_platforms": 70}
			for _, m := range ind.Modes {
				if m.Penetration.V != want[m.Key] || m.Penetration.Source != cii.Text {
					t.Errorf("mode %s: %v (%s), want %v from the text", m.Key, m.Penetration.V, m.Penetration.Source, want[m.Key])
				}
				delete(want, m.Key)
			}
			if len(want) > 0 {
				t.Errorf("modes missing: %v", want)
			}
		}},
		{"education/教学是核心环节 (largest weight)", func(t *testing.T) {
			ind, _ := ix.Industry("education")
			tw := stage(t, ix, "education.teaching").Weight.V
			for _, s := range ind.Stages {
				if s.Weight.V > tw+cii.Tolerance {
					t.Errorf("%s weighs %v, more than teaching's %v", s.Key, s.Weight.V, tw)
				}
			}
		}},
		// Logistics (§4.1, §3.3.4).
		{"logistics/定价出单 40%", textValue("logistics.service.pricing_orders", 40)},
		{"logistics/其余大部分环节未超过20%", all(20, false, "logistics.resources", "logistics.transport", "logistics.warehousing", "logistics.delivery", "logistics.service.other_service")},
		{"logistics/仓储最低", func(t *testing.T) {
			w := pen(t, ix, "logistics.warehousing")
			for _, p := range []string{"logistics.resources", "logistics.transport", "logistics.delivery", "logistics.service", "logistics.service.pricing_orders", "logistics.service.other_service"} {
				if v := pen(t, ix, p); v <= w {
					t.Errorf("%s: %v, not above warehousing's %v", p, v, w)
				}
			}
		}},
		// Healthcare (§3.7.1, §4.1).
		{"healthcare/上游权重60%", func(t *testing.T) {
			w := share(t, ix, "healthcare.rnd_production") + share(t, ix, "healthcare.distribution") + share(t, ix, "healthcare.institution_management")
			if !scalar.EqualWithinAbs(w, 0.6, cii.Tolerance) {
				t.Errorf("upstream weight %v, want 0.6", w)
			}
		}},
		{"healthcare/临床管理 35%", textValue("healthcare.institution_management.clinical_management", 35)},
		{"healthcare/挂号导诊 35%", textValue("healthcare.medical_service.registration_triage", 35)},
		{"healthcare/健康资讯 35%", textValue("healthcare.health_management.health_information", 35)},
		{"healthcare/研发生产、医药流通未超过10%", all(10, false, "healthcare.rnd_production", "healthcare.distribution")},
		{"healthcare/健康管理、医疗服务和机构管理较高", func(t *testing.T) {
			for _, p := range []string{"healthcare.health_management", "healthcare.medical_service", "healthcare.institution_management"} {
				if v := pen(t, ix, p); v <= score("healthcare") {
					t.Errorf("%s: %v, not above the index %v", p, v, score("healthcare"))
				}
			}
		}},
		// Manufacturing (§4.1, §3.2.4).
		{"manufacturing/均未超过15%", all(15, false, "manufacturing.design", "manufacturing.production", "manufacturing.sales", "manufacturing.maintenance")},
		{"manufacturing/前后端不到10%", all(10, true, "manufacturing.design", "manufacturing.maintenance")},
		// Finance (§3.1.4, §4.1).
		{"finance/部分环节超过70%", check(pen(t, ix, "finance.exchange.payment") > 70, "payment: %v, not above 70", pen(t, ix, "finance.exchange.payment"))},
		{"finance/支付最高、吸收次之、发放最低", check(pen(t, ix, "finance.exchange") > pen(t, ix, "finance.absorption") && pen(t, ix, "finance.absorption") > pen(t, ix, "finance.lending"),
			"exchange %v, absorption %v, lending %v: not descending", pen(t, ix, "finance.exchange"), pen(t, ix, "finance.absorption"), pen(t, ix, "finance.lending"))},
		{"finance/金融产品设计、贷款管理不高", check(pen(t, ix, "finance.absorption.product_design") < score("finance") && pen(t, ix, "finance.lending") < score("finance"), "design or lending above the index")},
		{"finance/客户BD、系统对接较弱", check(pen(t, ix, "finance.exchange.client_bd") < score("finance") && pen(t, ix, "finance.exchange.system_integration") < score("finance"), "client BD or system integration above the index")},
		// Entertainment (§4.1, §3.5.4).
		{"entertainment/内容生产和衍生综合起来不到15%", check(mean("entertainment.content", "entertainment.derivatives") < 15, "content and derivatives: %v", mean("entertainment.content", "entertainment.derivatives"))},
		{"entertainment/中间的变现环节较高", check(pen(t, ix, "entertainment.distribution") > score("entertainment") && pen(t, ix, "entertainment.marketing") > score("entertainment"), "distribution or marketing not above the index")},
		// Every constraint of the file holds.
		{"file constraints", func(t *testing.T) {
			for _, v := range ix.Violations() {
				t.Error(v)
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, tc.f)
	}
}

// TestCII2020Stages checks the stages' names and grouping against the
// report's text.
func TestCII2020Stages(t *testing.T) {
	ix := load2020(t)
	want := map[string]string{
		"finance":       "资金吸收[产品销售 金融产品设计] 资金发放 资金汇兑（支付）[支付 转账 客户BD 系统对接]",
		"manufacturing": "设计研发 生产制造 销售 运维管理",
		"logistics":     "资源管理 运输 仓储 配送 服务（销售服务）[定价出单 其他服务]",
		"retail":        "后台商务 供应物流 运营管理[商品管理 其他运营管理] 销售服务[支付结算 消费者服务 线上渠道]",
		"entertainment": "内容生产 发行 营销 衍生",
		"education":     "机构管理[办公协同 家校沟通] 营销推广[广告投放 其他营销推广] 教学 内容生产 学习测评",
		"healthcare":    "研发生产 医药流通 机构管理[临床管理 其他机构管理] 医疗服务[挂号导诊 其他医疗服务] 健康管理[健康资讯 其他健康管理]",
	}
	for _, ind := range ix.Industries {
		var parts []string
		for _, s := range ind.Stages {
			p := s.NameZh
			if !s.Leaf() {
				var subs []string
				for _, c := range s.Subs {
					subs = append(subs, c.NameZh)
				}
				p += "[" + strings.Join(subs, " ") + "]"
			}
			parts = append(parts, p)
		}
		if got := strings.Join(parts, " "); got != want[ind.Key] {
			t.Errorf("%s:\n got %s\nwant %s", ind.Key, got, want[ind.Key])
		}
	}
}

// TestCII2020Sources checks that every value says where it comes from: no
// plain number, a quote or section for text, a note for an assumption.
func TestCII2020Sources(t *testing.T) {
	ix := load2020(t)
	check := func(what string, v cii.Value) {
		switch v.Source {
		case cii.Given:
			t.Errorf("%s: no source", what)
		case cii.Text:
			if v.Quote == "" || v.Section == "" {
				t.Errorf("%s: text without quote and section", what)
			}
		case cii.Assumption:
			if v.Note == "" {
				t.Errorf("%s: assumption without a note", what)
			}
		}
	}
	for _, ind := range ix.Industries {
		check(ind.Key+".published", ind.Published)
		check(ind.Key+".value_added_share_pct", ind.ValueAdded)
		for _, p := range ind.StagePaths() {
			s, _ := ind.Stage(p)
			check(ind.Key+"."+p+".named", s.Named)
			check(ind.Key+"."+p+".weight", s.Weight)
			if s.Leaf() {
				check(ind.Key+"."+p+".penetration_pct", s.Penetration)
			}
		}
	}
	for _, c := range ix.Constraints {
		if c.Why.Source != cii.Text && c.Why.Source != cii.Assumption {
			t.Errorf("constraint %s.%s: source %s", c.Industry, c.Key, c.Why.Source)
		}
		check("constraint "+c.Industry+"."+c.Key, c.Why)
	}
}

// TestCII2020Weights checks that the weights of siblings sum to 1.
func TestCII2020Weights(t *testing.T) {
	ix := load2020(t)
	sum := func(ss []*cii.Stage) float64 {
		var w float64
		for _, s := range ss {
			w += s.Weight.V
		}
		return w
	}
	for _, ind := range ix.Industries {
		if w := sum(ind.Stages); !scalar.EqualWithinAbs(w, 1, cii.WeightTolerance) {
			t.Errorf("%s: stage weights sum to %v", ind.Key, w)
		}
		for _, s := range ind.Stages {
			if !s.Leaf() {
				if w := sum(s.Subs); !scalar.EqualWithinAbs(w, 1, cii.WeightTolerance) {
					t.Errorf("%s.%s: sub-stage weights sum to %v", ind.Key, s.Key, w)
				}
			}
		}
	}
}

// TestCII2020Feasible checks the linear programmes: every shipped
// penetration lies in its feasible interval, a value the text gives has
// an interval of that value alone, and a reconstructed one a wider one.
func TestCII2020Feasible(t *testing.T) {
	ix := load2020(t)
	const tol = 1e-6
	for _, ind := range ix.Industries {
		ivs, err := ix.Feasible(ind)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ind.StagePaths() {
			s, _ := ind.Stage(p)
			iv, v := ivs[p], s.Penetration.V
			if v < iv.Lo-tol || v > iv.Hi+tol {
				t.Errorf("%s.%s: %v outside its interval [%v, %v]", ind.Key, p, v, iv.Lo, iv.Hi)
			}
			switch s.Penetration.Source {
			case cii.Text:
				if math.Abs(iv.Lo-v) > tol || math.Abs(iv.Hi-v) > tol {
					t.Errorf("%s.%s: the text gives %v but the interval is [%v, %v]", ind.Key, p, v, iv.Lo, iv.Hi)
				}
			case cii.Reconstructed:
				if iv.Hi-iv.Lo < 1 {
					t.Errorf("%s.%s: reconstructed, but the interval [%v, %v] pins it", ind.Key, p, iv.Lo, iv.Hi)
				}
			}
		}
	}
	// Known intervals: the bounds of the text where they bind.
	ind, _ := ix.Industry("manufacturing")
	ivs, _ := ix.Feasible(ind)
	if iv := ivs["design"]; iv.Lo != 0 || !scalar.EqualWithinAbs(iv.Hi, 10, 1e-9) {
		t.Errorf("manufacturing.design: [%v, %v], want [0, 10] (不到10%%)", iv.Lo, iv.Hi)
	}
	ind, _ = ix.Industry("retail")
	ivs, _ = ix.Feasible(ind)
	if iv := ivs["operations.other_operations"]; !scalar.EqualWithinAbs(iv.Lo, 20, 1e-9) || !scalar.EqualWithinAbs(iv.Hi, 71, 1e-9) {
		t.Errorf("retail.operations.other_operations: [%v, %v], want [20, 71]", iv.Lo, iv.Hi)
	}
}

// TestCII2020Uncertainty checks the shipped [uncertainty] table: every
// reconstructed penetration uniform over its feasible interval.
func TestCII2020Uncertainty(t *testing.T) {
	f, err := LoadEmbedded("cii2020")
	if err != nil {
		t.Fatal(err)
	}
	us, err := f.UncertainInputs()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range f.Index.Paths() {
		ref, _ := cii.Lookup(f.Index, p)
		if ref.Field == cii.PenetrationField && ref.Stage.Penetration.Source == cii.Reconstructed {
			n++
		}
	}
	if len(us) != n {
		t.Errorf("%d uncertain inputs, %d reconstructed penetrations", len(us), n)
	}
	for _, u := range us {
		ref, err := cii.Lookup(f.Index, u.Name)
		if err != nil {
			t.Fatal(err)
		}
		if lo, hi := u.Dist.Support(); ref.Get() < lo || ref.Get() > hi {
			t.Errorf("%s: shipped %v outside [%v, %v]", u.Name, ref.Get(), lo, hi)
		}
	}
}
