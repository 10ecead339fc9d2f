package plots

import (
	"reflect"
	"slices"
)

// labels is the text of the charts in one language. Fields ending in F are
// fmt formats; their verbs are noted beside them.
//
// The Chinese table follows the report's wording where the report has a
// term: the legend of its chart "2019–2024 年中国产业互联网带来的 GDP 增量"
// reads "产业互联网带来的GDP增量（亿元）" and "GDP增长的贡献率（%）", and
// the factors are "劳动力（L）", "资本（K）" and "全要素生产率（TFP）".
type labels struct {
	Year string // x-axis label

	// II increment and share (the report's chart).
	IITitleF       string // %d–%d: first and last year
	IIAxis         string // II increment, 亿元
	IIShareAxis    string // II share of growth, %
	IIPublished    string // legend: published II increment
	SharePublished string // legend: published II share

	// Growth decomposition.
	DecompTitleF string // %d–%d
	DecompAxis   string
	Factor       [3]string // labour, capital, TFP
	GrowthLine   string    // legend: total growth, %

	// II by channel.
	ChannelTitleF string // %d–%d
	Channel       [6]string
	Total         string
	NotShownF     string // %s: list of channels joined with ListSep
	ListSep       string

	// Cumulative II.
	CumTitleF    string // %d–%d
	CumAxis      string
	CumLine      string
	CumPublished string

	// Comparison of scenarios.
	CmpIITitle    string
	CmpShareTitle string
	CmpShareAxis  string
	CmpGrowth     string // title
	GrowthAxis    string
	CmpDiffTitleF string // %s: the first scenario's name
	CmpDiffAxis   string
	// Comparison captions.
	CmpPricesEachF string // %s: each scenario's price base (CmpPriceItemF), joined with ListSep
	CmpPriceItemF  string // %s: scenario, quoted; %d: its price base year
	CmpCoincideF   string // %s: scenarios whose lines coincide, quoted, joined with ListAnd
	CmpLeftOutF    string // %s: scenarios left out of the difference chart (CmpPriceItemF), joined with ListSep
	ListAnd        string // between the last two names of a list

	// History charts: the growth accounting of observed years (package
	// history), alone or followed by a projection.
	CountryF       string    // %s (%s): country name, ISO code
	HistTitleF     string    // %s: country (CountryF); %d–%d: first and last year
	HistProjTitleF string    // %s: country name; %d–%d: history's years; %s: scenario, quoted; %d–%d: projection's years
	HistAxis       string    // log points
	HistProjAxis   string    // log points, then percentage points
	HistGrowth     string    // legend: GDP growth
	HistSide       string    // label left of the history/projection boundary
	ProjSide       string    // label right of it
	RefF           string    // %s: reference label; %s: its parts, e.g. "L 0.2 + K 1.8 + TFP 3.5"
	RefPart        [3]string // short names of labour, capital, TFP in RefF
	HistUnits      string    // what log points are
	HistInputsF    string    // %s: capital input; %s: labour input
	HistGapsF      string    // %s: years without a bar, joined with ListSep
	ProjNoteF      string    // %s: scenario, quoted
	SourcePWT      string
	SourceFileF    string            // %s: the data file's name
	Countries      map[string]string // ISO code → name; other countries keep the data's name
	HistLabour     [3]string         // legend: labour quantity on hours, on persons, on either
	HistQuality    string            // legend: labour quality (hc)
	Else           string            // joins the labour measures of a history: "emp×avh×hc, else emp×hc"
	HistShade      [2]string         // legend: years on emp×hc, on emp (shaded)
	HistShadeF     string            // %s: HistShadePartF of each fallback measure, joined with SemiSep
	HistShadePartF string            // %[1]s: the measure (emp×hc or emp); %[2]s: its years, joined with ListSep
	SemiSep        string            // a semicolon between clauses
	OfficialLine   string            // legend: China's official growth (NBS)
	OfficialNote   string            // caption: what the official line is
	OfficialGapsF  string            // %s: years without an official figure, joined with ListSep

	// Comparison of countries (simulate history with several countries).
	HistCmpTFPTitleF    string // %d–%d: first and last year
	HistCmpTFPAxis      string
	HistCmpPeriodTitleF string // %s: the periods, joined with ListSep
	HistCmpPeriodAxis   string
	HistCmpPeriodXAxis  string
	HistCmpPeriodNote   string // caption: what a period's mean is
	HistCmpInputsF      string // %s: capital input; %s: the labour measure of each country, joined with ListSep
	HistCmpMeasureF     string // %[1]s: ISO code; %[2]s: measures; %[3]s: HistCmpFallbackF, or ""
	HistCmpFallbackF    string // %s: years on a fallback without hours, joined with ListSep

	// Captions.
	PricesF        string // %d: the price base year
	SourceModel    string
	SourceReport   string // model and published markers
	CmpReferenceF  string // %s: reference scenario; ends the diff caption
	Sentence       string // separator between caption sentences
	QuoteL, QuoteR string
}

var labelsEN = labels{
	Year: "Year",

	IITitleF:       "Industrial-internet (II) GDP increment, %d–%d",
	IIAxis:         "II GDP increment (100 million yuan)",
	IIShareAxis:    "II share of GDP growth (%)",
	IIPublished:    "Increment, published",
	SharePublished: "Share, published",

	DecompTitleF: "Contributions of labour, capital and TFP to GDP growth, %d–%d",
	DecompAxis:   "Contribution to GDP growth (percentage points)",
	Factor:       [3]string{"Labour (L)", "Capital (K)", "TFP"},
	GrowthLine:   "GDP growth (%)",

	ChannelTitleF: "II GDP increment by channel, %d–%d",
	Channel: [6]string{
		"Labour", "Capital (ICT)", "TFP: technical progress",
		"TFP: technical efficiency", "TFP: scale efficiency", "TFP: allocative efficiency",
	},
	Total:     "Total",
	NotShownF: "Not shown (zero in every year): %s.",
	ListSep:   ", ",

	CumTitleF:    "Cumulative II GDP increment, %d–%d",
	CumAxis:      "Cumulative II GDP increment (100 million yuan)",
	CumLine:      "Cumulative II GDP increment",
	CumPublished: "Published, cumulated",

	CmpIITitle:    "II GDP increment by scenario",
	CmpShareTitle: "II share of GDP growth by scenario",
	CmpShareAxis:  "II share of GDP growth (%)",
	CmpGrowth:     "GDP growth by scenario",
	GrowthAxis:    "GDP growth (%)",
	CmpDiffTitleF: "II GDP increment: difference from %s",
	CmpDiffAxis:   "Difference in II GDP increment (100 million yuan)",

	CmpPricesEachF: "GDP at constant prices of each scenario's base year: %s.",
	CmpPriceItemF:  "%s at %d prices",
	CmpCoincideF:   "The lines of %s coincide: one is drawn over the other.",
	CmpLeftOutF:    "Not shown, at other prices: %s.",
	ListAnd:        " and ",

	CountryF:       "%s (%s)",
	HistTitleF:     "%s: sources of real GDP growth, %d–%d",
	HistProjTitleF: "%s: growth accounting %d–%d and projection %s, %d–%d",
	HistAxis:       "Contribution to GDP growth (log points)",
	HistProjAxis:   "Contribution to GDP growth (log points / pp)",
	HistGrowth:     "GDP growth",
	HistSide:       "history: log points",
	ProjSide:       "projection: %",
	RefF:           "%s (outlined): %s pp",
	RefPart:        [3]string{"L", "K", "TFP"},
	HistUnits:      "Observed years in log points (100 × log difference), in which contributions add up exactly.",
	HistInputsF:    "Capital: %s; labour: %s.",
	HistGapsF:      "No bar for %s: incomplete data.",
	ProjNoteF:      "Projection: scenario %s of simulate, simple growth in %% and contributions in pp.",
	SourcePWT:      "Data: Penn World Table 9.1 (Feenstra, Inklaar & Timmer 2015).",
	SourceFileF:    "Data: %s (Penn World Table format).",
	HistLabour:     [3]string{"Labour: hours (L)", "Labour: persons (L)", "Labour: hours or persons (L)"},
	HistQuality:    "Labour quality (hc)",
	Else:           ", else ",
	HistShade:      [2]string{"No hours in the data: L = emp×hc", "No hours or hc: L = emp"},
	HistShadeF:     "Shaded: no hours in the data, labour %s.",
	HistShadePartF: "%[1]s in %[2]s",
	SemiSep:        "; ",
	OfficialLine:   "Official growth, NBS",
	OfficialNote:   "Official growth: China's real GDP growth published by the National Bureau of Statistics (final figures where revised), in log points.",
	OfficialGapsF:  "No official figure for %s.",

	HistCmpTFPTitleF:    "Contribution of TFP to real GDP growth by country, %d–%d",
	HistCmpTFPAxis:      "TFP contribution to GDP growth (log points)",
	HistCmpPeriodTitleF: "Sources of real GDP growth by country, %s",
	HistCmpPeriodAxis:   "Mean contribution to GDP growth (log points a year)",
	HistCmpPeriodXAxis:  "Country, by period",
	HistCmpPeriodNote:   "Means of yearly growth over each period; 1990–2000 is the growth from 1990 to 2000.",
	HistCmpInputsF:      "Capital: %s; labour: %s.",
	HistCmpMeasureF:     "%[1]s: %[2]s%[3]s",
	HistCmpFallbackF:    " (no hours in %s)",

	PricesF:       "GDP at constant %d prices.",
	SourceModel:   "Model: simulate.",
	SourceReport:  "Model: simulate; markers: published values, iResearch × Tsinghua report, July 2020.",
	CmpReferenceF: "Reference: %s.",
	Sentence:      " ",
	QuoteL:        "“",
	QuoteR:        "”",
}

var labelsZH = labels{
	Year: "年份",

	IITitleF:       "%d–%d年中国产业互联网带来的GDP增量",
	IIAxis:         "产业互联网带来的GDP增量（亿元）",
	IIShareAxis:    "GDP增长的贡献率（%）",
	IIPublished:    "GDP增量：报告值",
	SharePublished: "贡献率：报告值",

	DecompTitleF: "%d–%d年不同生产要素对中国GDP增长率的贡献度分解",
	DecompAxis:   "对GDP增长的拉动（百分点）",
	Factor:       [3]string{"劳动力（L）", "资本（K）", "全要素生产率（TFP）"},
	GrowthLine:   "GDP增长率（%）",

	ChannelTitleF: "%d–%d年产业互联网带来的GDP增量：按渠道分解",
	Channel: [6]string{
		"劳动力", "资本（ICT）", "技术进步", "技术效率", "规模效率", "配置效率",
	},
	Total:     "合计",
	NotShownF: "各年均为零、未显示：%s。",
	ListSep:   "、",

	CumTitleF:    "%d–%d年产业互联网带来的累计GDP增量",
	CumAxis:      "累计GDP增量（亿元）",
	CumLine:      "产业互联网带来的累计GDP增量",
	CumPublished: "报告值（累计）",

	CmpIITitle:    "各情景产业互联网带来的GDP增量",
	CmpShareTitle: "各情景产业互联网对GDP增长的贡献率",
	CmpShareAxis:  "产业互联网对GDP增长的贡献率（%）",
	CmpGrowth:     "各情景GDP增长率",
	GrowthAxis:    "GDP增长率（%）",
	CmpDiffTitleF: "产业互联网带来的GDP增量：与%s之差",
	CmpDiffAxis:   "GDP增量之差（亿元）",

	CmpPricesEachF: "注释：GDP按各情景基期年份的不变价格计算：%s。",
	CmpPriceItemF:  "%s为%d年价格",
	CmpCoincideF:   "%s的曲线完全重合。",
	CmpLeftOutF:    "未显示价格基期不同的情景：%s。",
	ListAnd:        "与",

	CountryF:       "%s（%s）",
	HistTitleF:     "%s：%d–%d年实际GDP增长的来源",
	HistProjTitleF: "%s：%d–%d年增长核算与%s情景%d–%d年预测",
	HistAxis:       "对GDP增长的拉动（对数百分点）",
	HistProjAxis:   "对GDP增长的拉动（对数百分点/百分点）",
	HistGrowth:     "GDP增长率",
	HistSide:       "历史：对数百分点",
	ProjSide:       "预测：%",
	RefF:           "%s（空心柱）：%s个百分点",
	RefPart:        [3]string{"L", "K", "TFP"},
	HistUnits:      "观测年份以对数百分点计（对数差×100），各要素贡献之和恰等于增长率。",
	HistInputsF:    "资本：%s；劳动力：%s。",
	HistGapsF:      "%s年数据不全，无柱。",
	ProjNoteF:      "预测：simulate模型%s情景，简单增长率（%%），贡献为百分点。",
	SourcePWT:      "数据来源：佩恩表 9.1（Feenstra、Inklaar和Timmer，2015）。",
	SourceFileF:    "数据来源：%s（佩恩表格式）。",
	HistLabour:     [3]string{"劳动力：工时（L）", "劳动力：人数（L）", "劳动力：工时或人数（L）"},
	HistQuality:    "劳动力质量（hc）",
	Else:           "，否则",
	HistShade:      [2]string{"无工时数据：L = emp×hc", "无工时和hc数据：L = emp"},
	HistShadeF:     "阴影：无工时数据，劳动力%s。",
	HistShadePartF: "%[2]s年为%[1]s",
	SemiSep:        "；",
	OfficialLine:   "官方增长率（国家统计局）",
	OfficialNote:   "官方增长率：国家统计局公布的中国实际GDP增长率（有修订时用最终核实数），换算为对数百分点。",
	OfficialGapsF:  "%s年无官方数据。",

	HistCmpTFPTitleF:    "%d–%d年各国全要素生产率对实际GDP增长的拉动",
	HistCmpTFPAxis:      "全要素生产率对GDP增长的拉动（对数百分点）",
	HistCmpPeriodTitleF: "各国实际GDP增长的来源：%s",
	HistCmpPeriodAxis:   "对GDP增长的年均拉动（对数百分点）",
	HistCmpPeriodXAxis:  "国家（按时期）",
	HistCmpPeriodNote:   "各时期为逐年增长率的均值；1990–2000指1990年至2000年的增长。",
	HistCmpInputsF:      "资本：%s；劳动力：%s。",
	HistCmpMeasureF:     "%[1]s：%[2]s%[3]s",
	HistCmpFallbackF:    "（%s年无工时数据）",
	Countries: map[string]string{
		"CHN": "中国", "USA": "美国", "JPN": "日本", "DEU": "德国", "GBR": "英国", "FRA": "法国",
		"ITA": "意大利", "KOR": "韩国", "IND": "印度", "BRA": "巴西", "RUS": "俄罗斯", "CAN": "加拿大",
	},

	PricesF:       "注释：GDP以%d年为固定价格基期。",
	SourceModel:   "来源：simulate模型计算。",
	SourceReport:  "来源：simulate模型计算；标记为报告公布值（艾瑞研究院、清华大学互联网产业研究院，2020年7月）。",
	CmpReferenceF: "基准：%s。",
	Sentence:      "",
	QuoteL:        "“",
	QuoteR:        "”",
}

// scenarioWords are Chinese characters of common scenario names, kept in
// the shipped font subset beside the label text so that names such as
// "基准情景" or "乐观" render without an installed CJK font.
const scenarioWords = "基准情景乐观悲观中性高低中速增长放缓加快衰退冲击下行上行参考方案" +
	"一二三四五六七八九十甲乙丙丁新旧默认对照政策投资技术效率资本劳动"

// runes returns every distinct rune of the table's text, sorted.
func (l *labels) runes() []rune { return textRunes(*l) }

// textRunes returns every distinct rune of the strings in v — a label
// table: strings inside structs, arrays, slices and map values (map keys
// are lookup keys such as ISO codes or units, never drawn) —, sorted.
func textRunes(v any) []rune {
	seen := map[rune]bool{}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			for _, r := range v.String() {
				seen[r] = true
			}
		case reflect.Array, reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Struct:
			for i := range v.NumField() {
				walk(v.Field(i))
			}
		case reflect.Map:
			for it := v.MapRange(); it.Next(); {
				walk(it.Value())
			}
		}
	}
	walk(reflect.ValueOf(v))
	rs := make([]rune, 0, len(seen))
	for r := range seen {
		rs = append(rs, r)
	}
	slices.Sort(rs)
	return rs
}
