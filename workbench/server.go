package workbench

import (
	"bytes"
	"context"
	"embed"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"net"
	"net/http"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"simulate/calibrate"
	"simulate/model"
	"simulate/output"
	"simulate/plots"
	"simulate/report"
	"simulate/results"
	"simulate/scenarios"
	"simulate/workbook"
)

// Limits of a request.
const (
	MaxBody       = 64 << 10         // bytes of a request body
	MaxStates     = 6                // pinned states in a comparison
	MaxConcurrent = 8                // evaluations at once; the others wait
	RequestTime   = 20 * time.Second // the most one request may take
)

//go:embed static
var static embed.FS

// Server serves the workbench page and its API. Its fields are set by
// New and only read afterwards: requests share no mutable state.
type Server struct {
	bases  []*Base
	byName map[string]*Base
	themes map[string]*plots.Theme
	pubs   map[string]*plots.Published
	out    string // the folder /api/save writes into
	sem    chan struct{}
	// Stamp is recorded in the manifest of what /api/save writes.
	Stamp output.Stamp
	// AnyHost accepts requests for any Host; otherwise (the default, for
	// a server on loopback) only localhost and loopback addresses are
	// answered, so that a page of another site whose name is made to
	// resolve to 127.0.0.1 (DNS rebinding) cannot reach the API.
	AnyHost bool
	mu      sync.Mutex // serialises /api/save
}

// New returns the server of the scenarios bases, writing saved files into
// the folder out; zh is the Chinese chart theme (nil: the default font).
func New(bases []*Base, out string, en, zh *plots.Theme) (*Server, error) {
	s := &Server{byName: map[string]*Base{}, themes: map[string]*plots.Theme{"en": en, "zh": zh},
		pubs: map[string]*plots.Published{}, out: out, sem: make(chan struct{}, MaxConcurrent)}
	for _, b := range bases {
		if _, dup := s.byName[b.S.Name]; dup {
			return nil, fmt.Errorf("two scenarios are named %q", b.S.Name)
		}
		s.byName[b.S.Name] = b
		s.bases = append(s.bases, b)
		if b.S.Published != "" {
			spec, err := calibrate.Open(b.S.Published)
			if err != nil {
				return nil, fmt.Errorf("%s: published: %w", b.S.Origin("published"), err)
			}
			pub, err := plots.NewPublished(spec.Figures("ii_increment_yi"), spec.Figures("ii_share_pct"))
			if err != nil {
				return nil, fmt.Errorf("%s: published: %w", b.S.Origin("published"), err)
			}
			s.pubs[b.S.Name] = pub
		}
	}
	return s, nil
}

// Handler returns the handler of the page and the API.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	sub, _ := fs.Sub(static, "static")
	mux.Handle("GET /", http.FileServerFS(sub))
	mux.HandleFunc("GET /api/scenarios", s.scenariosHandler)
	mux.HandleFunc("POST /api/run", s.post(s.run))
	mux.HandleFunc("POST /api/chart/{chart}", s.post(s.chart))
	mux.HandleFunc("POST /api/toml", s.post(s.toml))
	mux.HandleFunc("POST /api/compare", s.post(s.compare))
	mux.HandleFunc("POST /api/workbook", s.post(s.workbook))
	mux.HandleFunc("POST /api/report", s.post(s.report))
	mux.HandleFunc("POST /api/save", s.post(s.save))
	return http.TimeoutHandler(s.hostCheck(headers(mux)), RequestTime, "the request took too long\n")
}

func (s *Server) hostCheck(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.AnyHost && !loopbackHost(r.Host) {
			http.Error(w, "the workbench answers only on localhost or a loopback address (see --allow-remote)", http.StatusForbidden)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// loopbackHost reports whether host (a Host header, with or without a port)
// names this machine by loopback.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func headers(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'")
		w.Header().Set("Cache-Control", "no-store")
		h.ServeHTTP(w, r)
	})
}

// Request is the body of the API's POST requests.
type Request struct {
	Scenario string   `json:"scenario"`
	Changes  []string `json:"changes"`
	Lang     string   `json:"lang,omitempty"`   // "en" (default) or "zh", for charts and reports
	Charts   []string `json:"charts,omitempty"` // /api/run: charts to return as SVG beside the numbers
	States   []Pinned `json:"states,omitempty"` // /api/compare, and /api/workbook, /api/report, /api/save of a comparison
	Kind     string   `json:"kind,omitempty"`   // /api/save: "toml", "xlsx" or "html"
	Name     string   `json:"name,omitempty"`   // /api/save: the file name, without extension
}

// Pinned is a named state of a comparison.
type Pinned struct {
	Name     string   `json:"name"`
	Scenario string   `json:"scenario"`
	Changes  []string `json:"changes"`
}

type handler func(w http.ResponseWriter, r *http.Request, req *Request) error

// post decodes the JSON body of a request, bounded by MaxBody, and answers
// an input error 400 with its message, any other 500.
func (s *Server) post(h handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		// A form or text/plain body could come from another site's page
		// (no preflight): the API reads JSON only.
		if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			http.Error(w, "the API reads JSON: send Content-Type: application/json", http.StatusUnsupportedMediaType)
			return
		}
		var req Request
		dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, MaxBody))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			var mb *http.MaxBytesError
			if errors.As(err, &mb) {
				http.Error(w, fmt.Sprintf("the request body is over %d bytes", MaxBody), http.StatusBadRequest)
				return
			}
			http.Error(w, "malformed JSON: "+err.Error(), http.StatusBadRequest)
			return
		}
		if dec.More() {
			http.Error(w, "malformed JSON: more than one value in the body", http.StatusBadRequest)
			return
		}
		select {
		case s.sem <- struct{}{}:
			defer func() { <-s.sem }()
		case <-r.Context().Done():
			return
		}
		if err := h(w, r, &req); err != nil {
			var ie *inputError
			if errors.As(err, &ie) {
				http.Error(w, ie.msg, http.StatusBadRequest)
				return
			}
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	}
}

func (s *Server) theme(lang string) (*plots.Theme, error) {
	switch lang {
	case "", "en":
		return s.themes["en"], nil
	case "zh":
		return s.themes["zh"], nil
	}
	return nil, badf("lang: %q is not a language; use en or zh", lang)
}

func (s *Server) state(scenario string, changes []string) (*State, error) {
	b, ok := s.byName[scenario]
	if !ok {
		names := make([]string, len(s.bases))
		for i, b := range s.bases {
			names[i] = b.S.Name
		}
		return nil, badf("unknown scenario %q; the scenarios are %s", scenario, strings.Join(names, ", "))
	}
	return Evaluate(b, changes)
}

// ParamInfo is one control of the page.
type ParamInfo struct {
	Key      string    `json:"key"`
	LabelEN  string    `json:"label_en"`
	LabelZH  string    `json:"label_zh"`
	UnitEN   string    `json:"unit_en"`
	UnitZH   string    `json:"unit_zh"`
	Unit     string    `json:"unit"`
	Min      *float64  `json:"min"` // null: unbounded
	Max      *float64  `json:"max"` // null: unbounded
	Domain   string    `json:"domain"`
	Doc      string    `json:"doc"`
	Source   string    `json:"source"`
	Comment  string    `json:"comment"`
	PerYear  bool      `json:"per_year"`
	Weight   bool      `json:"weight"`
	Years    []int     `json:"years,omitempty"`
	Values   []float64 `json:"values"`
	Inactive []bool    `json:"inactive,omitempty"` // per year: the year's split is in another form
}

// ScenarioInfo is one scenario of the page.
type ScenarioInfo struct {
	Name        string      `json:"name"`
	Title       string      `json:"title"`
	Description string      `json:"description"`
	Source      string      `json:"source"`
	Published   string      `json:"published,omitempty"`
	Params      []ParamInfo `json:"params"`
}

func (s *Server) scenariosHandler(w http.ResponseWriter, r *http.Request) {
	var list []ScenarioInfo
	for _, b := range s.bases {
		si := ScenarioInfo{Name: b.S.Name, Title: b.S.Title, Description: b.S.Description, Source: b.S.Source, Published: b.S.Published}
		si.Params = params(b.S, b.S.Inputs)
		list = append(list, si)
	}
	writeJSON(w, list)
}

// params returns the controls of scenario sc, with the values of in.
func params(sc *scenarios.Scenario, in *model.Inputs) []ParamInfo {
	var ps []ParamInfo
	for _, p := range model.Params {
		if !p.Active(in) || p.Derived(in) {
			continue
		}
		src := sc.SourceOf(p.Key)
		pi := ParamInfo{Key: p.Key, LabelEN: p.LabelSymbol("en"), LabelZH: p.LabelSymbol("zh"), UnitEN: p.UnitLabel("en"), UnitZH: p.UnitLabel("zh"),
			Unit: p.Unit, Min: finite(p.Min), Max: finite(p.Max), Domain: p.Domain(), Doc: p.Doc, Source: src.Where(), Comment: src.Comment,
			PerYear: p.PerYear, Weight: p.IsWeight()}
		if !p.PerYear {
			pi.Values = []float64{p.FromModel(*p.Scalar(in))}
		} else {
			first, n := p.Years(in)
			series := p.Series(in)
			any := false
			for i := 0; i < n; i++ {
				pi.Years = append(pi.Years, first+i)
				pi.Values = append(pi.Values, p.FromModel(series[i]))
				off := p.IsSplit && !p.Applies(in, i)
				pi.Inactive = append(pi.Inactive, off)
				any = any || !off
			}
			if !any {
				continue
			}
		}
		ps = append(ps, pi)
	}
	return ps
}

// RunResponse is the answer of /api/run.
type RunResponse struct {
	Scenario  string               `json:"scenario"`
	Rows      []map[string]float64 `json:"rows"`
	Totals    results.Totals       `json:"totals"`
	Headline  Headline             `json:"headline"`
	Published []Published          `json:"published,omitempty"`
	Inputs    map[string][]float64 `json:"inputs"`
	Notes     []string             `json:"notes,omitempty"`
	Charts    map[string]string    `json:"charts,omitempty"`
	PriceBase int                  `json:"price_base"`
}

// Headline are the numbers at the top of the page.
type Headline struct {
	IITotal     float64  `json:"ii_total_yi"`
	PeriodShare float64  `json:"period_ii_share_pct"`
	Increment   *float64 `json:"ii_increment_2024_yi"` // null when the span has no 2024
	FirstYear   int      `json:"first_year"`
	LastYear    int      `json:"last_year"`
}

// Published is a published figure beside the model's value.
type Published struct {
	Metric    string  `json:"metric"`
	LabelEN   string  `json:"label_en"`
	LabelZH   string  `json:"label_zh"`
	Published float64 `json:"published"`
	Model     float64 `json:"model"`
}

func (s *Server) run(w http.ResponseWriter, r *http.Request, req *Request) error {
	st, err := s.state(req.Scenario, req.Changes)
	if err != nil {
		return err
	}
	resp, err := s.response(st)
	if err != nil {
		return err
	}
	if len(req.Charts) > 0 {
		t, err := s.theme(req.Lang)
		if err != nil {
			return err
		}
		if resp.Charts, err = s.svgs(t, st, req.Charts); err != nil {
			return err
		}
	}
	writeJSON(w, resp)
	return nil
}

func (s *Server) response(st *State) (*RunResponse, error) {
	res := &st.Results
	var buf bytes.Buffer
	if err := results.WriteCSV(&buf, res); err != nil {
		return nil, err
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		return nil, err
	}
	resp := &RunResponse{Scenario: st.Base.S.Name, Totals: results.NewTotals(res), Inputs: map[string][]float64{}, Notes: st.S.Notes, PriceBase: plots.PriceBase(*res)}
	for _, rec := range recs[1:] {
		row := map[string]float64{}
		for i, col := range recs[0] {
			v, err := strconv.ParseFloat(rec[i], 64)
			if err != nil {
				return nil, fmt.Errorf("results.csv column %s: %w", col, err)
			}
			row[col] = v
		}
		resp.Rows = append(resp.Rows, row)
	}
	first, last := res.Years[0].Year, res.Years[len(res.Years)-1].Year
	resp.Headline = Headline{IITotal: resp.Totals.Values["ii_total_yi"], PeriodShare: resp.Totals.Values["period_ii_share_pct"], FirstYear: first, LastYear: last}
	for _, row := range resp.Rows {
		if row["year"] == 2024 {
			v := row["ii_increment_yi"]
			resp.Headline.Increment = &v
		}
	}
	for _, p := range params(st.S, st.S.Inputs) {
		resp.Inputs[p.Key] = p.Values
	}
	rows, err := calibrate.Published(st.Base.S, res)
	if err != nil {
		return nil, err
	}
	for _, p := range rows {
		resp.Published = append(resp.Published, Published{Metric: p.Metric.String(), LabelEN: p.Metric.Label("en"), LabelZH: p.Metric.Label("zh"), Published: p.Published, Model: p.Model})
	}
	return resp, nil
}

// charts returns the charts of `simulate run` for st.
func (s *Server) charts(t *plots.Theme, st *State) ([]plots.NamedChart, error) {
	charts, err := plots.ResultCharts(t, st.Results, s.pubs[st.Base.S.Name])
	if err != nil {
		return nil, err
	}
	sub := t.ScenarioSubtitle(st.Base.S.Name, st.Base.S.Title, plots.PriceBase(st.Results))
	for _, nc := range charts {
		nc.Chart.Subtitle = sub
	}
	return charts, nil
}

func (s *Server) svgs(t *plots.Theme, st *State, names []string) (map[string]string, error) {
	if len(names) > 8 {
		return nil, badf("charts: at most 8 charts may be asked for")
	}
	charts, err := s.charts(t, st)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, n := range names {
		nc, err := pick(charts, n)
		if err != nil {
			return nil, err
		}
		b, err := plots.Render(nc.Chart, plots.SVG)
		if err != nil {
			return nil, err
		}
		out[n] = string(b)
	}
	return out, nil
}

func pick(charts []plots.NamedChart, name string) (plots.NamedChart, error) {
	var names []string
	for _, nc := range charts {
		if nc.Name == name {
			return nc, nil
		}
		names = append(names, nc.Name)
	}
	return plots.NamedChart{}, badf("unknown chart %q; the charts are %s", name, strings.Join(names, ", "))
}

func (s *Server) chart(w http.ResponseWriter, r *http.Request, req *Request) error {
	name, ok := strings.CutSuffix(r.PathValue("chart"), ".svg")
	if !ok {
		return badf("a chart is asked for as /api/chart/NAME.svg")
	}
	t, err := s.theme(req.Lang)
	if err != nil {
		return err
	}
	st, err := s.state(req.Scenario, req.Changes)
	if err != nil {
		return err
	}
	m, err := s.svgs(t, st, []string{name})
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "image/svg+xml")
	_, err = io.WriteString(w, m[name])
	return err
}

func (s *Server) toml(w http.ResponseWriter, r *http.Request, req *Request) error {
	st, err := s.state(req.Scenario, req.Changes)
	if err != nil {
		return err
	}
	attach(w, "application/toml; charset=utf-8", st.Base.S.Name+"-workbench.toml")
	_, err = w.Write(st.TOML)
	return err
}

// CompareResponse is the answer of /api/compare.
type CompareResponse struct {
	Charts map[string]string `json:"charts"`
	Order  []string          `json:"order"`
	Table  []CompareRow      `json:"table"`
}

// CompareRow is one pinned state's totals.
type CompareRow struct {
	Name        string  `json:"name"`
	Scenario    string  `json:"scenario"`
	PriceBase   int     `json:"price_base"`
	Period      string  `json:"period"`
	IITotal     float64 `json:"ii_total_yi"`
	DeltaGDP    float64 `json:"delta_gdp_total_yi"`
	PeriodShare float64 `json:"period_ii_share_pct"`
}

func (s *Server) states(req *Request) ([]*State, []string, error) {
	if len(req.States) < 1 || len(req.States) > MaxStates {
		return nil, nil, badf("states: %d given; a comparison takes 1 to %d", len(req.States), MaxStates)
	}
	var list []*State
	var names []string
	seen := map[string]bool{}
	for i, p := range req.States {
		if err := scenarios.CheckName(p.Name); err != nil {
			return nil, nil, badf("states[%d].name: %v", i, err)
		}
		if seen[p.Name] {
			return nil, nil, badf("states: two states are named %q", p.Name)
		}
		seen[p.Name] = true
		st, err := s.state(p.Scenario, p.Changes)
		if err != nil {
			return nil, nil, badf("state %s: %v", p.Name, err)
		}
		list = append(list, st)
		names = append(names, p.Name)
	}
	return list, names, nil
}

func (s *Server) compare(w http.ResponseWriter, r *http.Request, req *Request) error {
	t, err := s.theme(req.Lang)
	if err != nil {
		return err
	}
	list, names, err := s.states(req)
	if err != nil {
		return err
	}
	var sc []plots.Scenario
	resp := &CompareResponse{Charts: map[string]string{}}
	for i, st := range list {
		sc = append(sc, plots.Scenario{Name: names[i], Results: st.Results})
		tot := st.Results.Totals
		resp.Table = append(resp.Table, CompareRow{Name: names[i], Scenario: st.Base.S.Name, PriceBase: plots.PriceBase(st.Results),
			Period:  fmt.Sprintf("%d–%d", st.Results.Years[0].Year, st.Results.Years[len(st.Results.Years)-1].Year),
			IITotal: tot.II, DeltaGDP: tot.DeltaGDP, PeriodShare: 100 * tot.IIShare})
	}
	charts, err := plots.CompareCharts(t, sc)
	if err != nil {
		return err
	}
	for _, nc := range charts {
		b, err := plots.Render(nc.Chart, plots.SVG)
		if err != nil {
			return err
		}
		resp.Charts[nc.Name] = string(b)
		resp.Order = append(resp.Order, nc.Name)
	}
	writeJSON(w, resp)
	return nil
}

// file is a download: its name and content.
type file struct {
	name, ctype string
	data        []byte
}

func (s *Server) workbookFile(req *Request) (*file, error) {
	if len(req.States) > 0 {
		list, names, err := s.states(req)
		if err != nil {
			return nil, err
		}
		var runs []results.Run
		for i, st := range list {
			runs = append(runs, results.Run{Name: names[i], Results: &st.Results})
		}
		b, err := workbook.CompareBook("compare "+strings.Join(names, " "), runs).Bytes()
		return &file{"compare-" + strings.Join(names, "-") + ".xlsx", xlsxType, b}, err
	}
	st, err := s.state(req.Scenario, req.Changes)
	if err != nil {
		return nil, err
	}
	pub, err := calibrate.Published(st.Base.S, &st.Results)
	if err != nil {
		return nil, err
	}
	b, err := workbook.RunBook(workbook.Run{Scenario: st.S.Name, Title: st.S.Title, Results: &st.Results, Inputs: inputRows(st.S), Published: pub}).Bytes()
	return &file{st.S.Name + ".xlsx", xlsxType, b}, err
}

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

func (s *Server) workbook(w http.ResponseWriter, r *http.Request, req *Request) error {
	f, err := s.workbookFile(req)
	if err != nil {
		return err
	}
	attach(w, f.ctype, f.name)
	_, err = w.Write(f.data)
	return err
}

// inputRows returns the resolved inputs of sc with the source of each.
func inputRows(sc *scenarios.Scenario) []results.InputRow {
	return results.InputRows(sc.Inputs, func(key string) results.InputSource {
		k := sc.SourceOf(key)
		return results.InputSource{Where: k.Where(), Comment: k.Comment, Inherited: k.Inherited}
	})
}

func (s *Server) reportFile(req *Request) (*file, error) {
	t, err := s.theme(req.Lang)
	if err != nil {
		return nil, err
	}
	var list []*State
	var names []string
	if len(req.States) > 0 {
		if list, names, err = s.states(req); err != nil {
			return nil, err
		}
	} else {
		st, err := s.state(req.Scenario, req.Changes)
		if err != nil {
			return nil, err
		}
		list, names = []*State{st}, []string{st.S.Name}
	}
	rep := &report.Report{Lang: t.Language().String(), Command: "simulate serve", Version: s.Stamp.Version}
	var sc []plots.Scenario
	for i, st := range list {
		charts, err := s.charts(t, st)
		if err != nil {
			return nil, err
		}
		svgs, err := renderAll(charts)
		if err != nil {
			return nil, err
		}
		pub, err := calibrate.Published(st.Base.S, &st.Results)
		if err != nil {
			return nil, err
		}
		res := st.Results
		rep.Runs = append(rep.Runs, report.Run{Name: names[i], Title: st.Base.S.Title, Description: st.Base.S.Description, Source: "simulate serve", Extends: st.S.Chain[1:],
			Results: &res, Inputs: inputRows(st.S), Published: pub, InputsHash: results.InputsHash(st.S.Inputs), Charts: svgs})
		sc = append(sc, plots.Scenario{Name: names[i], Results: res})
	}
	if len(list) > 1 {
		charts, err := plots.CompareCharts(t, sc)
		if err != nil {
			return nil, err
		}
		if rep.Compare, err = renderAll(charts); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	if err := report.Write(&buf, rep); err != nil {
		return nil, err
	}
	name := names[0]
	if len(names) > 1 {
		name = "compare-" + strings.Join(names, "-")
	}
	return &file{name + ".html", "text/html; charset=utf-8", buf.Bytes()}, nil
}

func renderAll(charts []plots.NamedChart) ([]report.Chart, error) {
	var out []report.Chart
	for _, nc := range charts {
		b, err := plots.Render(nc.Chart, plots.SVG)
		if err != nil {
			return nil, err
		}
		out = append(out, report.Chart{Name: nc.Name, SVG: b})
	}
	return out, nil
}

func (s *Server) report(w http.ResponseWriter, r *http.Request, req *Request) error {
	f, err := s.reportFile(req)
	if err != nil {
		return err
	}
	attach(w, f.ctype, f.name)
	_, err = w.Write(f.data)
	return err
}

// SaveResponse is the answer of /api/save: the files written.
type SaveResponse struct {
	Wrote []string `json:"wrote"`
}

// save writes the file of a state or a comparison into the output folder,
// under workbench/, through an output batch (atomic; never outside it).
func (s *Server) save(w http.ResponseWriter, r *http.Request, req *Request) error {
	var f *file
	var err error
	switch req.Kind {
	case "toml":
		var st *State
		if st, err = s.state(req.Scenario, req.Changes); err == nil {
			f = &file{st.Base.S.Name + "-workbench.toml", "", st.TOML}
		}
	case "xlsx":
		f, err = s.workbookFile(req)
	case "html":
		f, err = s.reportFile(req)
	default:
		return badf("kind: %q is not a kind of file; use toml, xlsx or html", req.Kind)
	}
	if err != nil {
		return err
	}
	name := f.name
	if req.Name != "" {
		if err := scenarios.CheckName(req.Name); err != nil {
			return badf("name: %v", err)
		}
		name = req.Name + path.Ext(f.name)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	b := output.NewBatch(s.out)
	st := s.Stamp
	st.Time = time.Now().UTC()
	b.SetStamp(st)
	if err := b.Add(path.Join("workbench", name), f.data); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(r.Context(), RequestTime)
	defer cancel()
	if err := b.Commit(ctx); err != nil {
		return err
	}
	paths := b.Paths()
	sort.Strings(paths)
	writeJSON(w, SaveResponse{Wrote: paths})
	return nil
}

func attach(w http.ResponseWriter, ctype, name string) {
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name))
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	enc := json.NewEncoder(w)
	_ = enc.Encode(v)
}

// finite returns &v, or nil for an infinity (which JSON cannot hold).
func finite(v float64) *float64 {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return nil
	}
	return &v
}
