package results

import (
	"io"
	"strconv"

	"simulate/cii"
	"simulate/sensitivity"
)

// The files of the sensitivity commands on an index (simulate sweep,
// tornado, mc and sobol given an index file) have the columns of the
// scenario commands' files, with index key paths as params and index
// metrics (cii.Metric: INDUSTRY_pts, INDUSTRY_rank, mean_pts,
// va_mean_pts) as metrics. tornado.csv is WriteTornadoCSV's.

// WriteIndexSweepCSV writes sweep.csv of a sweep of an index: a column per
// swept target (labels), one for the metric, a row per point, the first
// target outer; z as cii.SweepIndex returns it.
func WriteIndexSweepCSV(w io.Writer, labels []string, metric string, values [][]float64, z []float64) error {
	header := append(append([]string(nil), labels...), metric)
	var rows [][]string
	ny := 1
	if len(values) == 2 {
		ny = len(values[1])
	}
	for i, x := range values[0] {
		for j := range ny {
			row := []string{Format(x)}
			if len(values) == 2 {
				row = append(row, Format(values[1][j]))
			}
			rows = append(rows, append(row, Format(z[i*ny+j])))
		}
	}
	return writeCSV(w, header, rows)
}

// WriteIndexPercentilesCSV writes percentiles.csv of a Monte Carlo run on
// an index: a row per metric with the columns of WritePercentilesCSV
// (metric, year, mean, p5, p25, p50, p75, p95), year empty.
//
// It panics if ms and sums differ in length.
func WriteIndexPercentilesCSV(w io.Writer, ms []cii.Metric, sums []sensitivity.Summary) error {
	if len(ms) != len(sums) {
		panic("results: WriteIndexPercentilesCSV with metrics and summaries of different lengths")
	}
	header := []string{"metric", "year", "mean"}
	for _, p := range sensitivity.Percents {
		header = append(header, "p"+strconv.FormatFloat(p, 'f', -1, 64))
	}
	rows := make([][]string, len(ms))
	for i, m := range ms {
		rows[i] = []string{m.Name, "", Format(sums[i].Mean)}
		for _, v := range sums[i].P {
			rows[i] = append(rows[i], Format(v))
		}
	}
	return writeCSV(w, header, rows)
}

// WriteIndexDrawsCSV writes draws.csv of simulate mc --keep-draws on an
// index: a row per draw with its number from 0, the value drawn for each
// uncertain input (column inputs[i]), then every metric of res. Call it
// before sensitivity.Summarize reorders res.Values.
func WriteIndexDrawsCSV(w io.Writer, inputs []string, res *cii.MCResult) error {
	header := []string{"draw"}
	var cols [][]float64
	for i, label := range inputs {
		header = append(header, label)
		cols = append(cols, res.Draws[i])
	}
	for i, m := range res.Metrics {
		header = append(header, m.Name)
		cols = append(cols, res.Values[i])
	}
	var rows [][]string
	if len(cols) > 0 {
		rows = make([][]string, len(cols[0]))
	}
	for d := range rows {
		row := make([]string, 0, len(cols)+1)
		row = append(row, strconv.Itoa(d))
		for _, c := range cols {
			row = append(row, strconv.FormatFloat(c[d], 'f', -1, 64))
		}
		rows[d] = row
	}
	return writeCSV(w, header, rows)
}

// WriteIndexSobolCSV writes sobol.csv of a Sobol analysis of an index,
// with the columns of WriteSobolCSV: metric, param, s1, s1_lo, s1_hi, st,
// st_lo, st_hi.
func WriteIndexSobolCSV(w io.Writer, inputs []string, res *cii.SobolResult) error {
	var rows [][]string
	for mi, m := range res.Metrics {
		ix := res.Indices[mi]
		for i, label := range inputs {
			rows = append(rows, []string{m.Name, label, Format(ix.S1[i]), Format(ix.S1Lo[i]), Format(ix.S1Hi[i]),
				Format(ix.ST[i]), Format(ix.STLo[i]), Format(ix.STHi[i])})
		}
	}
	return writeCSV(w, []string{"metric", "param", "s1", "s1_lo", "s1_hi", "st", "st_lo", "st_hi"}, rows)
}
