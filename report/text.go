package report

// text is the page's own wording in one language: headings and the few
// sentences around the tables. The names, meanings and units of inputs and
// outputs are not here: they come from model.Params and package metrics.
type text struct {
	Lang               string // the page's lang attribute
	Report             string // "Report"
	Comparison         string // title prefix of a report on several scenarios
	Scenarios          string
	Source             string
	Extends            string
	Headline           string
	TotalII            string // Σ II over the span
	PeriodShare        string // II share of growth over the span
	LastIncrementF     string // %d: the last year
	Figure             string // the report's figure
	Charts             string
	Results            string
	ResultsNote        string
	Metric, Meaning    string
	Unit, Year         string
	Published          string
	PublishedNote      string
	PublishedCol       string // the column of published figures
	Model, Difference  string
	Precision, Within  string
	Yes, No            string
	Inputs             string
	InputsNote         string
	Key, Value         string
	GivenIn, Inherited string
	Comment, Default   string
	Method             string
	MethodIntro        string
	MethodLines        []string // one sentence beside each equation
	Compare            string
	CompareCharts      string
	Totals             string
	Prices, Period     string
	Rerun              string
	Command, Version   string
	InputsHash         string
	Generated          string
	LabelsNote         string // a note where the tables' labels stay in English
	PricesF            string // %d: the price base year
}

var textEN = text{
	Lang:           "en",
	Report:         "Report",
	Comparison:     "Comparison",
	Scenarios:      "Scenarios",
	Source:         "source",
	Extends:        "extends",
	Headline:       "Headline numbers",
	TotalII:        "Σ II GDP increment",
	PeriodShare:    "II share of GDP growth",
	LastIncrementF: "II GDP increment %d",
	Figure:         "The report's figure",
	Charts:         "Charts",
	Results:        "Results",
	ResultsNote:    "The columns of results.csv, a row per column and a column per year, rounded as simulate run prints them; results.csv has every digit.",
	Metric:         "column",
	Meaning:        "meaning",
	Unit:           "unit",
	Year:           "year",
	Published:      "Model and published figures",
	PublishedNote:  "A difference within half the unit of the printed figure's last digit means that the model's value rounds to the published one.",
	PublishedCol:   "published",
	Model:          "model",
	Difference:     "difference",
	Precision:      "printed to",
	Within:         "rounds to the figure",
	Yes:            "yes",
	No:             "no",
	Inputs:         "Inputs",
	InputsNote:     "Every input the model read, in its unit, with where it is given and the comment written there; “default” where no file gives it.",
	Key:            "key",
	Value:          "value",
	GivenIn:        "given in",
	Inherited:      "inherited from",
	Comment:        "source comment",
	Default:        "default",
	Method:         "Method",
	MethodIntro:    "For each year t of the projection, with base year b (MODEL.md §2):",
	MethodLines: []string{
		"GDP grows at the real rate g_t from the base year's level Y_b.",
		"Growth splits into the contributions of labour, capital and TFP (the residual); σ are their shares of growth.",
		"The industrial internet's share of the year's growth: a part λ of labour's share, the part φ·π of capital's (ICT capital, private and II-related), and the parts θ_d of the TFP dimensions, weighted by w_d.",
		"The II GDP increment of the year, and the period's share of growth.",
	},
	Compare:       "Comparison",
	CompareCharts: "Comparison charts",
	Totals:        "Totals",
	Prices:        "prices",
	Period:        "period",
	Rerun:         "Rerun",
	Command:       "command",
	Version:       "version",
	InputsHash:    "inputs hash (SHA-256 of the resolved inputs)",
	Generated:     "Written by simulate. The same command with the same inputs writes the same file.",
	LabelsNote:    "",
	PricesF:       "GDP at constant %d prices",
}

var textZH = text{
	Lang:           "zh-CN",
	Report:         "报告",
	Comparison:     "情景比较",
	Scenarios:      "情景",
	Source:         "来源",
	Extends:        "继承自",
	Headline:       "主要数字",
	TotalII:        "产业互联网带来的GDP增量合计",
	PeriodShare:    "产业互联网对GDP增长的贡献率",
	LastIncrementF: "%d年产业互联网带来的GDP增量",
	Figure:         "报告的图",
	Charts:         "图表",
	Results:        "结果",
	ResultsNote:    "results.csv 的各列：每列一行、每年一列，按 simulate run 的打印精度取整；results.csv 保留全部位数。",
	Metric:         "列",
	Meaning:        "含义",
	Unit:           "单位",
	Year:           "年份",
	Published:      "模型与报告公布的数字",
	PublishedNote:  "差值不超过公布数字末位的一半，即模型值四舍五入后等于公布值。",
	PublishedCol:   "公布值",
	Model:          "模型",
	Difference:     "差值",
	Precision:      "公布精度",
	Within:         "取整后相等",
	Yes:            "是",
	No:             "否",
	Inputs:         "输入",
	InputsNote:     "模型读取的每个输入（按其单位），注明给出的文件与行及该处的注释；无文件给出时为“默认”。",
	Key:            "键",
	Value:          "值",
	GivenIn:        "给出于",
	Inherited:      "继承自",
	Comment:        "来源注释",
	Default:        "默认",
	Method:         "方法",
	MethodIntro:    "对预测期的每一年 t（基年为 b，见 MODEL.md §2）：",
	MethodLines: []string{
		"GDP 以实际增长率 g_t 从基年水平 Y_b 增长。",
		"增长分解为劳动力、资本和全要素生产率（余项）的贡献；σ 为其占增长的份额。",
		"产业互联网占当年增长的份额：劳动力份额的 λ 部分、资本份额的 φ·π 部分（ICT 资本中民营且与产业互联网相关的投入），以及全要素生产率各维度按权重 w_d 的 θ_d 部分。",
		"当年产业互联网带来的GDP增量，以及整个时期的贡献率。",
	},
	Compare:       "比较",
	CompareCharts: "比较图",
	Totals:        "合计",
	Prices:        "价格基年",
	Period:        "时期",
	Rerun:         "重现",
	Command:       "命令",
	Version:       "版本",
	InputsHash:    "输入哈希（解析后输入的 SHA-256）",
	Generated:     "由 simulate 生成。相同命令与相同输入生成相同文件。",
	LabelsNote:    "表中变量的名称与含义取自模型的参数表和输出表（英文）。",
	PricesF:       "GDP 按 %d 年不变价计",
}
