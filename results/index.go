package results

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"

	"simulate/cii"
)

// The files of simulate index: industries.csv, stages.csv and summary.json
// of an index (package cii).

// IndexRun is an evaluated index with the feasible intervals of its
// stages' penetrations, keyed by industry, then by stage path ("stage",
// "stage.sub"); an industry whose constraints have no solution has no
// intervals.
type IndexRun struct {
	Index    *cii.Index
	Result   cii.Result
	Feasible map[string]map[string]cii.Interval
}

// WriteIndustriesCSV writes industries.csv: a row per industry, in the
// file's order, with the columns industry, name_zh, index (points),
// published (points, empty when not published) and rank (1 for the
// highest index).
func WriteIndustriesCSV(w io.Writer, r *IndexRun) error {
	var rows [][]string
	for i, ind := range r.Index.Industries {
		rows = append(rows, []string{ind.Key, ind.NameZh, Format(r.Result.Scores[i]),
			optional(ind.Published.V), strconv.Itoa(r.Result.Ranks[i])})
	}
	return writeCSV(w, []string{"industry", "name_zh", "index", "published", "rank"}, rows)
}

func optional(v float64) string {
	if math.IsNaN(v) {
		return ""
	}
	return Format(v)
}

// WriteStagesCSV writes stages.csv: a row per stage, then its sub-stages,
// industry by industry in the file's order, with the columns
//
//	industry, stage         the industry's key and the stage's path ("operations",
//	                        "operations.merchandise")
//	name_zh                 the report's name
//	weight                  the share of its parent (the industry, or the stage), fraction
//	penetration_pct         percent; a stage with sub-stages: their weighted mean
//	contribution_pts        its share of the industry × its penetration: the points it
//	                        adds to the industry's index (a stage's rows add up to the
//	                        index; a stage's sub-stages to the stage's)
//	source                  the penetration's source: text, figure, reconstructed,
//	                        assumption, given, or derived for a stage with sub-stages
//	feasible_lo_pct, feasible_hi_pct
//	                        the interval of the penetration that the constraints and
//	                        the published index leave (cii.Index.Feasible); empty
//	                        when they have no solution
//	industry_share          the share of the industry, fraction
//	weight_source           the weight's source
func WriteStagesCSV(w io.Writer, r *IndexRun) error {
	header := []string{"industry", "stage", "name_zh", "weight", "penetration_pct", "contribution_pts",
		"source", "feasible_lo_pct", "feasible_hi_pct", "industry_share", "weight_source"}
	var rows [][]string
	for _, ind := range r.Index.Industries {
		ivs := r.Feasible[ind.Key]
		add := func(path string, s *cii.Stage, share float64) {
			lo, hi := "", ""
			if iv, ok := ivs[path]; ok {
				lo, hi = Format(iv.Lo), Format(iv.Hi)
			}
			rows = append(rows, []string{ind.Key, path, s.NameZh, Format(s.Weight.V), Format(s.Penetration.V),
				Format(share * s.Penetration.V), s.Penetration.Source.String(), lo, hi, Format(share), s.Weight.Source.String()})
		}
		for _, s := range ind.Stages {
			add(s.Key, s, s.Weight.V)
			for _, c := range s.Subs {
				add(s.Key+"."+c.Key, c, s.Weight.V*c.Weight.V)
			}
		}
	}
	return writeCSV(w, header, rows)
}

// IndexSummary is the content of an index's summary.json.
type IndexSummary struct {
	Index         string             `json:"index"`
	Title         string             `json:"title"`
	Source        string             `json:"source"`    // the file, or embedded:NAME.toml
	Aggregate     string             `json:"aggregate"` // mean or value_added
	MeanPts       float64            `json:"mean_pts"`
	VAMeanPts     *float64           `json:"va_mean_pts"` // null when an industry has no value-added share
	OverallPts    *float64           `json:"overall_pts"` // mean_pts or va_mean_pts, as aggregate says
	PublishedMean *float64           `json:"published_mean_pts"`
	Industries    map[string]float64 `json:"industries_pts"`
	Values        map[string]float64 `json:"values"`        // IndexValues
	InputsHash    string             `json:"inputs_sha256"` // IndexHash
	GeneratedBy   string             `json:"generated_by"`
}

// NewIndexSummary returns the summary of r, read from source.
func NewIndexSummary(r *IndexRun, source, generatedBy string) *IndexSummary {
	ix := r.Index
	s := &IndexSummary{
		Index: ix.Name, Title: ix.Title, Source: source, Aggregate: ix.Aggregate.String(),
		MeanPts: r.Result.Mean, VAMeanPts: finite(r.Result.VAMean), OverallPts: finite(r.Result.Overall),
		PublishedMean: finite(ix.PublishedMean.V), Industries: map[string]float64{},
		Values: IndexValues(ix), InputsHash: IndexHash(ix), GeneratedBy: generatedBy,
	}
	for i, ind := range ix.Industries {
		s.Industries[ind.Key] = r.Result.Scores[i]
	}
	return s
}

func finite(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}

// IndexValues returns every value of ix that a key path addresses (weights
// and leaf penetrations, cii.Index.Paths), keyed by path, and each
// industry's value-added share as INDUSTRY.value_added_share_pct.
func IndexValues(ix *cii.Index) map[string]float64 {
	m := map[string]float64{}
	for _, p := range ix.Paths() {
		ref, err := cii.Lookup(ix, p)
		if err != nil {
			panic("results: " + err.Error()) // Paths resolve by construction
		}
		m[p] = ref.Get()
	}
	for _, ind := range ix.Industries {
		if !math.IsNaN(ind.ValueAdded.V) {
			m[ind.Key+".value_added_share_pct"] = ind.ValueAdded.V
		}
	}
	return m
}

// IndexHash returns the SHA-256, in hex, of the canonical JSON of
// IndexValues: two runs with the same hash had the same values.
func IndexHash(ix *cii.Index) string {
	b, err := json.Marshal(IndexValues(ix))
	if err != nil {
		panic("results: index values do not encode: " + err.Error())
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// WriteIndexJSON writes s as indented JSON.
func WriteIndexJSON(w io.Writer, s *IndexSummary) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(s)
}

// WriteIndexTable writes the industry table simulate index prints: each
// industry's key, Chinese name, index (two decimals), published index and
// rank, then the mean and the value-added-weighted mean.
func WriteIndexTable(w io.Writer, title string, r *IndexRun) error {
	if _, err := fmt.Fprintln(w, title); err != nil {
		return err
	}
	rows := [][]string{{"industry", "行业", "index pts", "published", "rank"}}
	for i, ind := range r.Index.Industries {
		pub := "—"
		if !math.IsNaN(ind.Published.V) {
			pub = strconv.FormatFloat(ind.Published.V, 'f', -1, 64)
		}
		rows = append(rows, []string{ind.Key, ind.NameZh, strconv.FormatFloat(r.Result.Scores[i], 'f', 2, 64), pub, strconv.Itoa(r.Result.Ranks[i])})
	}
	if err := WriteColumns(w, rows, false); err != nil {
		return err
	}
	mean := fmt.Sprintf("mean %.2f pts", r.Result.Mean)
	if v := r.Index.PublishedMean.V; !math.IsNaN(v) {
		mean += fmt.Sprintf(" (published %s)", strconv.FormatFloat(v, 'f', -1, 64))
	}
	if !math.IsNaN(r.Result.VAMean) {
		mean += fmt.Sprintf(" · value-added-weighted mean %.2f pts", r.Result.VAMean)
	}
	_, err := fmt.Fprintln(w, mean)
	return err
}

// WriteRanksCSV writes ranks.csv of a Monte Carlo run on an index: a row
// per industry with the columns industry, base_rank (the rank in the index
// as given), median_rank, p5_rank, p95_rank (percentiles of the rank over
// the draws, Hyndman–Fan type 7), best_rank and worst_rank.
func WriteRanksCSV(w io.Writer, ris []cii.RankInterval) error {
	rows := make([][]string, len(ris))
	for i, r := range ris {
		rows[i] = []string{r.Industry, strconv.Itoa(r.Base), Format(r.Median), Format(r.P5), Format(r.P95),
			strconv.Itoa(r.Best), strconv.Itoa(r.Worst)}
	}
	return writeCSV(w, []string{"industry", "base_rank", "median_rank", "p5_rank", "p95_rank", "best_rank", "worst_rank"}, rows)
}
