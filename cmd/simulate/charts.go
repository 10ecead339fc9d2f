package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"path"
	"strings"

	"simulate/internal/parallel"
	"simulate/output"
	"simulate/plots"
)

// chartFlags are the flags of every command that draws charts.
type chartFlags struct {
	format *string
	lang   *string
	font   *string

	workbook bool // the command writes a workbook with --format xlsx
	// xlsx is set by resolve when --format lists xlsx.
	xlsx bool
}

// withWorkbook lets --format list xlsx: the command then writes an Excel
// workbook (package workbook) beside its other files.
func (c *chartFlags) withWorkbook(fs *flag.FlagSet) *chartFlags {
	c.workbook = true
	fs.Lookup("format").Usage = "output `formats`, a comma-separated list of png, svg, pdf (charts; pdf: English only) and xlsx (an Excel workbook with native charts)"
	return c
}

func addChartFlags(fs *flag.FlagSet) *chartFlags {
	return &chartFlags{
		format: fs.String("format", "png", "chart `formats`, a comma-separated list of png, svg, pdf (pdf: English only), or none for no chart"),
		lang:   fs.String("lang", "en", "chart `language`: en or zh; Chinese charts are named NAME.zh.png (…) and need a CJK font, see --font"),
		font:   fs.String("font", "", "font `file` for zh charts (.ttf, .otf or .ttc); default: an installed Noto Sans CJK, else the shipped subset"),
	}
}

// resolve checks the chart flags and returns the formats and the theme.
// Bad values are usage errors (exit 2).
func (c *chartFlags) resolve() ([]plots.Format, *plots.Theme, error) {
	var formats []plots.Format
	seen := map[plots.Format]bool{}
	none := strings.TrimSpace(*c.format) == "none" // no chart (batch use)
	for _, s := range strings.Split(*c.format, ",") {
		if none {
			break
		}
		if strings.TrimSpace(s) == "xlsx" {
			if !c.workbook {
				return nil, nil, usagef("--format %q: xlsx is written by run, compare, mc, sobol, tornado and index", *c.format)
			}
			c.xlsx = true
			continue
		}
		f, err := plots.ParseFormat(strings.TrimSpace(s))
		if err != nil && c.workbook {
			return nil, nil, usagef("--format %q: unknown format %q (allowed: png, svg, pdf, xlsx; or none for no chart)", *c.format, strings.TrimSpace(s))
		}
		if err != nil {
			return nil, nil, usagef("--format %q: %v; or none for no chart", *c.format, err)
		}
		if !seen[f] {
			seen[f] = true
			formats = append(formats, f)
		}
	}
	lang, err := plots.ParseLanguage(*c.lang)
	if err != nil {
		return nil, nil, usagef("--lang %q: %v", *c.lang, err)
	}
	if lang != plots.English && seen[plots.PDF] {
		return nil, nil, usagef("--format pdf cannot draw Chinese text (gonum's PDF backend is limited to Windows-1252): use png or svg with --lang zh")
	}
	if none {
		return nil, nil, nil
	}
	if *c.font != "" && lang == plots.English {
		return nil, nil, usagef("--font is for --lang zh; English charts use the built-in Liberation Sans")
	}
	theme, err := plots.NewTheme(lang, *c.font)
	if err != nil {
		return nil, nil, invalid(err)
	}
	return formats, theme, nil
}

// chartFile returns the file name of chart nc in format f: its name, then
// ".zh" for a Chinese chart (so that it sits beside the English one
// rather than replacing it), then the format's extension.
func chartFile(nc plots.NamedChart, f plots.Format) string {
	name := nc.Name
	if lang := nc.Chart.Language(); lang != plots.English {
		name += "." + lang.String()
	}
	return name + f.Ext()
}

// addCharts renders each chart in each format into batch under dir (named
// by chartFile), the
// renderings at the same time on up to GOMAXPROCS goroutines (a PNG takes
// about a tenth of a second, the longest part of a short run). A chart
// that cannot be drawn (a glyph missing from the font, a PDF limitation)
// fails the whole run before anything is written; the error is that of
// the first such chart and format in order.
func addCharts(batch *output.Batch, dir string, charts []plots.NamedChart, formats []plots.Format) error {
	type job struct {
		chart plots.NamedChart
		f     plots.Format
		data  []byte
	}
	var jobs []job
	for _, nc := range charts {
		for _, f := range formats {
			jobs = append(jobs, job{chart: nc, f: f})
		}
	}
	err := parallel.For(context.Background(), len(jobs), func(i int) error {
		j := &jobs[i]
		b, err := plots.Render(j.chart.Chart, j.f)
		if err != nil {
			return chartError(j.chart.Name, err)
		}
		j.data = b
		return nil
	})
	if err != nil {
		return err
	}
	for _, j := range jobs {
		if err := batch.Add(path.Join(dir, chartFile(j.chart, j.f)), j.data); err != nil {
			return err
		}
	}
	return nil
}

// chartError is the error of a chart that cannot be drawn: invalid input
// (exit 2) when the font lacks a glyph or PDF cannot draw the text.
func chartError(name string, err error) error {
	var ge *plots.GlyphError
	if errors.As(err, &ge) || errors.Is(err, plots.ErrPDF) {
		return invalid(fmt.Errorf("chart %s: %w", name, err))
	}
	return fmt.Errorf("chart %s: %w", name, err)
}
