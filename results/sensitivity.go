package results

import (
	"encoding/csv"
	"io"
	"strconv"

	"simulate/metrics"
	"simulate/sensitivity"
)

// WritePercentilesCSV writes percentiles.csv of simulate mc: a row per
// metric, its summary over the draws in sums[i]. The columns are metric
// (the name without a year), year (empty for a period total), mean, and
// p5, p25, p50, p75, p95 (one per sensitivity.Percents).
//
// It panics if ms and sums differ in length.
func WritePercentilesCSV(w io.Writer, ms []metrics.Metric, sums []sensitivity.Summary) error {
	if len(ms) != len(sums) {
		panic("results: WritePercentilesCSV with metrics and summaries of different lengths")
	}
	header := []string{"metric", "year", "mean"}
	for _, p := range sensitivity.Percents {
		header = append(header, "p"+strconv.FormatFloat(p, 'f', -1, 64))
	}
	rows := make([][]string, len(ms))
	for i, m := range ms {
		year := ""
		if m.PerYear() {
			year = strconv.Itoa(m.Year)
		}
		rows[i] = []string{m.Name(), year, Format(sums[i].Mean)}
		for _, v := range sums[i].P {
			rows[i] = append(rows[i], Format(v))
		}
	}
	return writeCSV(w, header, rows)
}

// WriteDrawsCSV writes draws.csv of simulate mc --keep-draws: a row per
// draw with its number from 0, the value drawn for each uncertain input (a
// shift for add, a factor for scale; the column is the input's label,
// inputs[i] for res.Draws[i]), then the metrics kept, in the order of kept
// (a column NAME or NAME[YEAR] for each, from res.Values). Call it before
// sensitivity.Summarize reorders res.Values.
func WriteDrawsCSV(w io.Writer, inputs []string, res *sensitivity.MCResult, kept []metrics.Metric) error {
	var head []byte
	var cols [][]float64
	head = append(head, "draw"...)
	for i, label := range inputs {
		head = append(head, ","+label...)
		cols = append(cols, res.Draws[i])
	}
	for _, k := range kept {
		for i, m := range res.Metrics {
			if m == k {
				head = append(head, ","+m.String()...)
				cols = append(cols, res.Values[i])
			}
		}
	}
	head = append(head, '\n')
	if _, err := w.Write(head); err != nil {
		return err
	}
	n := 0
	if len(cols) > 0 {
		n = len(cols[0])
	}
	// Written by hand rather than with encoding/csv: draws.csv may hold
	// millions of numbers, and none needs quoting. A buffer is grown once,
	// to about 20 bytes a value.
	if g, ok := w.(interface{ Grow(int) }); ok {
		g.Grow(n * (len(cols) + 1) * 20)
	}
	buf := make([]byte, 0, 64)
	for d := range n {
		buf = strconv.AppendInt(buf[:0], int64(d), 10)
		for _, c := range cols {
			buf = append(buf, ',')
			buf = strconv.AppendFloat(buf, c[d], 'f', -1, 64)
		}
		buf = append(buf, '\n')
		if _, err := w.Write(buf); err != nil {
			return err
		}
	}
	return nil
}

// WriteTornadoCSV writes tornado.csv of simulate tornado: a row per bar,
// in the order of bars, with the columns param (the target's label),
// low_value and high_value (the values applied), metric_low, metric_high
// (the metric at each) and swing.
func WriteTornadoCSV(w io.Writer, bars []sensitivity.Bar) error {
	rows := make([][]string, len(bars))
	for i, b := range bars {
		rows[i] = []string{b.Label, Format(b.Low), Format(b.High), Format(b.MetricLow), Format(b.MetricHigh), Format(b.Swing())}
	}
	return writeCSV(w, []string{"param", "low_value", "high_value", "metric_low", "metric_high", "swing"}, rows)
}

// WriteSobolCSV writes sobol.csv of simulate sobol: for each metric of
// res, a row per uncertain input (labelled inputs[i]) with the columns
// metric (the name without a year), year (the year of a per-year metric,
// empty for a period total), param, s1, s1_lo, s1_hi (the first-order
// index and its interval), st, st_lo, st_hi (the total index and its
// interval). A per-year metric over every year (ii_increment_yi[*]) is a
// metric per year, its rows in year order.
func WriteSobolCSV(w io.Writer, inputs []string, res *sensitivity.SobolResult) error {
	var rows [][]string
	for mi, m := range res.Metrics {
		ix := res.Indices[mi]
		year := ""
		if m.PerYear() {
			year = strconv.Itoa(m.Year)
		}
		for i, label := range inputs {
			rows = append(rows, []string{m.Name(), year, label, Format(ix.S1[i]), Format(ix.S1Lo[i]), Format(ix.S1Hi[i]),
				Format(ix.ST[i]), Format(ix.STLo[i]), Format(ix.STHi[i])})
		}
	}
	return writeCSV(w, []string{"metric", "year", "param", "s1", "s1_lo", "s1_hi", "st", "st_lo", "st_hi"}, rows)
}

// WriteSweepCSV writes sweep.csv of simulate sweep in long format: a column
// per range (its label: P, P+ for add, P* for scale) and one for the
// metric (NAME or NAME[YEAR]); a row per point, the first range outer.
func WriteSweepCSV(w io.Writer, res *sensitivity.SweepResult) error {
	var header []string
	for _, r := range res.Ranges {
		header = append(header, r.Label())
	}
	header = append(header, res.Metric.String())
	var rows [][]string
	for i, x := range res.X {
		if len(res.Ranges) == 1 {
			rows = append(rows, []string{Format(x), Format(res.At(i, 0))})
			continue
		}
		for j, y := range res.Y {
			rows = append(rows, []string{Format(x), Format(y), Format(res.At(i, j))})
		}
	}
	return writeCSV(w, header, rows)
}

// writeCSV writes a header and rows as CSV. It writes nothing and returns
// a *NonFiniteCellError when a cell holds a NaN or an infinity, as Format
// writes them: nothing non-finite is ever written.
func writeCSV(w io.Writer, header []string, rows [][]string) error {
	for i, row := range rows {
		for j, cell := range row {
			if cell == "NaN" || cell == "+Inf" || cell == "-Inf" {
				return &NonFiniteCellError{Row: i + 1, Column: header[j], Value: cell, Key: row[0]}
			}
		}
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	return cw.WriteAll(rows) // flushes
}
