package workbook

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Stamp is the time written in every workbook's document properties
// (created and modified): a fixed time, so that the same inputs give the
// same bytes. The time a file was written is in the manifest.json beside
// it.
const Stamp = "2020-07-01T00:00:00Z"

// Number formats of Excel, by unit.
const (
	fmtYi       = "#,##0.0"
	fmtPct      = "0.00"
	fmtFraction = "0.0000"
	fmtYear     = "0"
	fmtPts      = "0.00"
)

// FormatOf returns the number format of a value in unit (as package
// metrics and model.Param name units: "亿元", "%", "pp", "fraction",
// "pts"); "" for text or an unknown unit (Excel's General).
func FormatOf(unit string) string {
	switch unit {
	case "亿元":
		return fmtYi
	case "%", "pp":
		return fmtPct
	case "fraction":
		return fmtFraction
	case "pts":
		return fmtPts
	case "year":
		return fmtYear
	}
	return ""
}

// Book is a workbook being built. Its methods record the first error and
// do nothing after it; Bytes returns it.
type Book struct {
	f         *excelize.File
	err       error
	styles    map[string]int // number format → style ID
	first     bool           // the default sheet is still unused
	charts    int            // charts on the sheet Charts so far
	hasCharts bool           // the sheet Charts exists
	labels    int            // rows of column A of the sheet Charts used
}

// New returns an empty workbook.
func New(title string) *Book {
	b := &Book{f: excelize.NewFile(), styles: map[string]int{}, first: true}
	b.fail(b.f.SetDocProps(&excelize.DocProperties{
		Created:  Stamp,
		Modified: Stamp,
		Creator:  "simulate",
		Title:    title,
	}))
	return b
}

func (b *Book) fail(err error) {
	if err != nil && b.err == nil {
		b.err = err
	}
}

// Bytes returns the workbook as an .xlsx file.
func (b *Book) Bytes() ([]byte, error) {
	if b.err != nil {
		return nil, fmt.Errorf("workbook: %w", b.err)
	}
	if i, err := b.f.GetSheetIndex(SheetResults); err == nil && i >= 0 {
		b.f.SetActiveSheet(i)
	}
	// excelize adds the content types of pictures in the order of a map's
	// iteration: sort them, so that the same workbook gives the same bytes.
	if ct := b.f.ContentTypes; ct != nil {
		d := ct.Defaults
		sort.SliceStable(d, func(i, j int) bool { return d[i].Extension < d[j].Extension })
	}
	buf, err := b.f.WriteToBuffer()
	if err != nil {
		return nil, fmt.Errorf("workbook: %w", err)
	}
	if err := b.f.Close(); err != nil {
		return nil, fmt.Errorf("workbook: %w", err)
	}
	return buf.Bytes(), nil
}

// sheet adds a sheet named name (the first one renames the default
// sheet) and returns its name.
func (b *Book) sheet(name string) string {
	if b.err != nil {
		return name
	}
	if b.first {
		b.first = false
		b.fail(b.f.SetSheetName("Sheet1", name))
		return name
	}
	_, err := b.f.NewSheet(name)
	b.fail(err)
	return name
}

// printLandscape makes sheet print in landscape, one page wide.
func (b *Book) printLandscape(sheet string) {
	land, one, any := "landscape", 1, 0
	b.fail(b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &land, FitToWidth: &one, FitToHeight: &any}))
	fit := true
	b.fail(b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}))
}

// style returns the style of cells in number format numFmt ("" for
// General), adding it on first use.
func (b *Book) style(numFmt string) int {
	if id, ok := b.styles[numFmt]; ok {
		return id
	}
	st := &excelize.Style{}
	if numFmt != "" {
		f := numFmt
		st.CustomNumFmt = &f
	}
	id, err := b.f.NewStyle(st)
	b.fail(err)
	b.styles[numFmt] = id
	return id
}

// Table is a sheet of a header row and rows of cells, each a string, an
// int, a float64, a bool or nil (an empty cell). Formats gives the number
// format of each column ("" General); it may be shorter than Header.
// Widths, when given, are the columns' widths in characters.
type Table struct {
	Name    string
	Header  []string
	Rows    [][]any
	Formats []string
	Widths  []float64
	Wrap    []bool // whether a column's text wraps (long text: comments)
}

// Table adds t as a sheet with its header row frozen, in bold, and an
// autofilter over the columns; it prints in landscape, one page wide.
func (b *Book) Table(t Table) {
	if b.err != nil {
		return
	}
	name := b.sheet(t.Name)
	f := b.f
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	b.fail(err)
	for i, h := range t.Header {
		w := 14.0
		if i < len(t.Widths) && t.Widths[i] > 0 {
			w = t.Widths[i]
		} else if n := len([]rune(h)); n+2 > int(w) {
			w = float64(min(n+2, 40))
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		b.fail(f.SetColWidth(name, col, col, w))
	}
	head := make([]any, len(t.Header))
	for i, h := range t.Header {
		head[i] = h
	}
	b.fail(f.SetSheetRow(name, "A1", &head))
	if len(t.Header) > 0 {
		last, _ := excelize.CoordinatesToCellName(len(t.Header), 1)
		b.fail(f.SetCellStyle(name, "A1", last, bold))
	}
	for r, row := range t.Rows {
		for i, v := range row {
			c, _ := excelize.CoordinatesToCellName(i+1, r+2)
			switch v := v.(type) {
			case nil:
			case float64:
				// Every digit: excelize would round to Excel's 15
				// significant digits, and the sheet would differ from
				// the CSV files.
				b.fail(f.SetCellFloat(name, c, v, decimals(v), 64))
			default:
				b.fail(f.SetCellValue(name, c, v))
			}
		}
	}
	if len(t.Rows) > 0 {
		for i := range t.Header {
			if i < len(t.Formats) && t.Formats[i] != "" {
				top, _ := excelize.CoordinatesToCellName(i+1, 2)
				bottom, _ := excelize.CoordinatesToCellName(i+1, len(t.Rows)+1)
				b.fail(f.SetCellStyle(name, top, bottom, b.style(t.Formats[i])))
			}
		}
	}
	for i := range t.Wrap {
		if t.Wrap[i] && len(t.Rows) > 0 {
			top, _ := excelize.CoordinatesToCellName(i+1, 2)
			bottom, _ := excelize.CoordinatesToCellName(i+1, len(t.Rows)+1)
			wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
			b.fail(err)
			b.fail(f.SetCellStyle(name, top, bottom, wrap))
		}
	}
	b.fail(f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}))
	if len(t.Header) > 0 {
		last, _ := excelize.CoordinatesToCellName(len(t.Header), len(t.Rows)+1)
		b.fail(f.AutoFilter(name, "A1:"+last, nil))
	}
	b.printLandscape(name) // after AutoFilter, which rewrites the sheet's properties
}

// decimals returns the number of decimals of the shortest decimal that
// reads back as v.
func decimals(v float64) int {
	t := strconv.FormatFloat(v, 'f', -1, 64)
	if i := strings.IndexByte(t, '.'); i >= 0 {
		return len(t) - i - 1
	}
	return 0
}

// quote returns a sheet's name as a reference writes it: quoted when it
// holds anything but letters, digits and '_'.
func quote(sheet string) string {
	if strings.Trim(sheet, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == "" {
		return sheet
	}
	return "'" + strings.ReplaceAll(sheet, "'", "''") + "'"
}

// ref returns the absolute reference of rows first…last of column col
// (1-based) of sheet: 'Results'!$B$2:$B$7.
func ref(sheet string, col, first, last int) string {
	c, _ := excelize.ColumnNumberToName(col)
	return fmt.Sprintf("%s!$%s$%d:$%s$%d", quote(sheet), c, first, c, last)
}

// cell returns the absolute reference of one cell.
func cell(sheet string, col, row int) string {
	c, _ := excelize.ColumnNumberToName(col)
	return fmt.Sprintf("%s!$%s$%d", quote(sheet), c, row)
}

// charts returns the sheet Charts, adding it on first use.
func (b *Book) chartSheet() string {
	if !b.hasCharts {
		b.hasCharts = true
		b.sheet(SheetCharts)
		b.printLandscape(SheetCharts)
		b.fail(b.f.SetColWidth(SheetCharts, "A", "A", 46))
	}
	return SheetCharts
}

// name writes a series' name in column A of the sheet Charts, which a
// chart's legend reads, and returns its reference (a series name in Excel
// is a reference to a cell).
func (b *Book) name(text string) string {
	sh := b.chartSheet()
	if b.labels == 0 {
		bold, err := b.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
		b.fail(err)
		b.fail(b.f.SetCellValue(sh, "A1", "Series names (the charts' legends read them)"))
		b.fail(b.f.SetCellStyle(sh, "A1", "A1", bold))
		b.labels = 1
	}
	b.labels++
	b.fail(b.f.SetCellValue(sh, "A"+strconv.Itoa(b.labels), text))
	return cell(sh, 1, b.labels)
}

// chart adds a chart (and the charts combined with it) to the sheet
// Charts, below the ones before it.
func (b *Book) chart(c *excelize.Chart, combo ...*excelize.Chart) {
	if b.err != nil {
		return
	}
	sh := b.chartSheet()
	c.Dimension = excelize.ChartDimension{Width: 820, Height: 460}
	c.Legend = excelize.ChartLegend{Position: "bottom"}
	for _, o := range append([]*excelize.Chart{c}, combo...) {
		o.Legend = c.Legend
		// Tick labels in dark grey: excelize's default is too light to
		// read in print.
		for _, ax := range []*excelize.ChartAxis{&o.XAxis, &o.YAxis} {
			if ax.Font.Color == "" {
				ax.Font.Color = "404040"
			}
		}
	}
	at, _ := excelize.CoordinatesToCellName(3, 2+b.charts*25)
	b.fail(b.f.AddChart(sh, at, c, combo...))
	b.charts++
}

// title returns a chart or axis title.
func title(s string) excelize.ChartTitle {
	return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: s}}}
}
