package scenarios

import (
	"bytes"
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"simulate/model"
)

// Copy returns the TOML text of the embedded scenario called name made
// ready to save under another name: without its name line, so that the
// copy is named after its file (mine.toml runs as "mine", into out/mine/,
// and never overwrites the original's results), with its title marked as
// a copy, and with its published key commented out (the published
// figures are drawn on the scenario that reproduces them).
func Copy(name string) ([]byte, error) {
	src, err := Source(name)
	if err != nil {
		return nil, err
	}
	lines := strings.SplitAfter(string(src), "\n")
	var b strings.Builder
	fmt.Fprintf(&b, "# A copy of the embedded scenario %s (simulate show %s). It is named\n", name, name)
	fmt.Fprintf(&b, "# after its file: saved as mine.toml it runs as \"mine\", into out/mine/.\n")
	fmt.Fprintf(&b, "# To change a few values only, `simulate new mine --from %s` writes a\n", name)
	fmt.Fprintf(&b, "# file that extends %s instead.\n#\n", name)
	top := true // before the first table header
	for _, line := range lines {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "[") {
			top = false
		}
		switch {
		case !top:
		case nameLine.MatchString(trimmed):
			continue
		case titleLine.MatchString(trimmed):
			m := titleLine.FindStringSubmatch(trimmed)
			line = fmt.Sprintf("title = \"Copy of %s: %s\"\n", name, m[1])
		case publishedLine.MatchString(trimmed):
			b.WriteString("# The published figures are drawn on the scenario that reproduces them;\n")
			b.WriteString("# uncomment to draw them on this copy's charts too.\n")
			line = "# " + line
		}
		b.WriteString(line)
	}
	return []byte(b.String()), nil
}

var (
	nameLine      = regexp.MustCompile(`^name\s*=\s*"[^"]*"\s*(#.*)?$`)
	titleLine     = regexp.MustCompile(`^title\s*=\s*"((?:[^"\\]|\\.)*)"\s*(#.*)?$`)
	publishedLine = regexp.MustCompile(`^published\s*=`)
)

// Template returns the text of a new scenario file called name that
// extends from (an embedded scenario's name, or a path relative to the
// new file's folder): every key that can be overridden, commented out
// with from's value, its unit and allowed range, and where the value comes
// from (the file and line, and the comment written above it there), so
// that the user uncomments what they change. s is from, loaded.
func Template(s *Scenario, name, from string) []byte {
	var b bytes.Buffer
	in := s.Inputs
	fmt.Fprintf(&b, "# %s: a scenario that starts from %s (%s).\n", name, s.Name, s.Title)
	fmt.Fprintf(&b, "# Written by `simulate new %s --from %s`.\n#\n", name, from)
	b.WriteString("# Every key below is commented out with its value in " + s.Name + ": uncomment a\n")
	b.WriteString("# key and change its value to override it; every other value is inherited.\n")
	b.WriteString("# A table of years may give some years only: gdp.growth_pct = { 2024 = 5.0 }\n")
	b.WriteString("# changes 2024 and keeps the other years. Setting one factor share leaves TFP\n")
	b.WriteString("# the residual. The scenario is named after this file: " + name + ".toml runs as\n")
	fmt.Fprintf(&b, "# %q, into out/%s/.\n#\n", name, name)
	fmt.Fprintf(&b, "#   simulate validate %s.toml      # check it (with notes on what changed)\n", name)
	fmt.Fprintf(&b, "#   simulate run %s.toml           # results, summary and charts in out/%s/\n", name, name)
	fmt.Fprintf(&b, "#   simulate compare %s %s.toml\n\n", compareArg(s, from), name)
	fmt.Fprintf(&b, "extends = %q\n", from)
	fmt.Fprintf(&b, "title = %q\n", name+": "+s.Name+" with my changes")
	b.WriteString("# description = \"what this scenario changes, and why\"\n")

	type item struct{ table, key string }
	var items []item
	tables := []string{"span"}
	add := func(key string) {
		i := strings.LastIndexByte(key, '.')
		t := key[:i]
		if !slices.Contains(tables, t) {
			tables = append(tables, t)
		}
		items = append(items, item{t, key})
	}
	add("span.base_year")
	add("span.last_year")
	for _, p := range model.Params {
		if p.Key == "capital.ict_share" {
			for _, k := range checkOnly {
				if s.Given(k) && s.Mode != ModeSolow {
					add(k)
				}
			}
		}
		if !p.Active(in) || p.Derived(in) || (p.IsSplit && !appliesAny(p, in)) {
			continue
		}
		add(p.Key)
	}
	for _, t := range tables {
		fmt.Fprintf(&b, "\n[%s]\n", t)
		if t == "labor" && s.Mode != ModeSolow {
			b.WriteString(splitNote(in))
		}
		for _, it := range items {
			if it.table == t {
				b.WriteString(s.templateKey(it.key))
			}
		}
	}
	b.WriteString("\n# [uncertainty]: the distributions of " + s.Name + " for sweep, tornado, mc and sobol are\n")
	b.WriteString("# inherited (simulate params lists them). Give an entry to replace one, e.g.\n")
	b.WriteString("#   \"capital.ict_share\" = { dist = \"triangular\", min = 0.1, mode = 0.2, max = 0.3 }\n")
	b.WriteString("# or { dist = \"none\" } to drop it. One draw for several keys is a group with a name:\n")
	b.WriteString("#   theta_scale = { keys = [\"tfp.ii_share.technical_progress\", \"tfp.ii_share.technical_efficiency\"], dist = \"uniform\", min = 0.8, max = 1.2, apply = \"scale\" }\n")
	b.WriteString("# Inputs that move together (for mc) take a rank correlation:\n")
	b.WriteString("#   [[uncertainty.correlation]]\n")
	b.WriteString("#   inputs = [\"capital.share_pct\", \"capital.ict_share\"]\n")
	b.WriteString("#   rank = 0.5\n")
	b.WriteString("# With weight_residual = \"scale_efficiency\" under [tfp], a change of another TFP\n")
	b.WriteString("# weight is taken by that dimension alone (docs/sensitivity.md).\n")
	return b.Bytes()
}

// compareArg is how `simulate compare` names the scenario a template
// extends: by name when embedded, else by its file.
func compareArg(s *Scenario, from string) string {
	if strings.HasPrefix(s.Source, "embedded:") {
		return s.Name
	}
	return filepath.ToSlash(s.Source)
}

func appliesAny(p *model.Param, in *model.Inputs) bool {
	for i := range in.Len() {
		if p.Applies(in, i) {
			return true
		}
	}
	return false
}

// splitNote explains the other forms of the factor split, above the keys
// of the form the scenario uses.
func splitNote(in *model.Inputs) string {
	forms := map[model.SplitForm]bool{}
	for _, f := range in.Form {
		forms[f] = true
	}
	var used []string
	for f := range model.SplitForm(model.NumSplitForms) {
		if forms[f] {
			used = append(used, f.String())
		}
	}
	return "# The factor split is given as " + strings.Join(used, " and ") + " (TFP is the residual). To give\n" +
		"# it in another form instead, give both keys of that form (for the years\n" +
		"# they cover, they replace the inherited form): labor.contribution_pp and\n" +
		"# capital.contribution_pp (pp), or labor.growth_pct, capital.growth_pct and\n" +
		"# capital.income_share (production function).\n"
}

// templateKey writes one key of a template: what it is, where its value
// comes from, and the key with the value, commented out.
func (s *Scenario) templateKey(key string) string {
	var b strings.Builder
	short := key[strings.LastIndexByte(key, '.')+1:]
	in := s.Inputs
	var value, about string
	switch key {
	case "span.base_year":
		about = "the year whose GDP level is given; GDP is at its constant prices"
		value = strconv.Itoa(in.BaseYear)
	case "span.last_year":
		about = "the last projected year"
		value = strconv.Itoa(in.LastYear())
	case "tfp.share_pct", "tfp.contribution_pp":
		about = "a stated figure, only checked against the residual TFP takes; an inherited one is dropped when you change the split"
		value = s.checkValue(key)
	default:
		p, _ := model.LookupParam(key)
		about = fmt.Sprintf("%s; %s, allowed %s", p.Doc, p.Unit, strings.ReplaceAll(p.Domain(), " ", "\x00"))
		if p.IsSplit && !appliesEveryYear(p, in) {
			about += "; given for the years of its form only"
		}
		value = templateValue(p, in)
	}
	b.WriteString("\n")
	wrapComment(&b, about)
	if src := s.sourceNote(key); src != "" {
		wrapComment(&b, src)
	}
	fmt.Fprintf(&b, "# %s = %s\n", short, value)
	return b.String()
}

func appliesEveryYear(p *model.Param, in *model.Inputs) bool {
	for i := range in.Len() {
		if !p.Applies(in, i) {
			return false
		}
	}
	return true
}

// templateValue writes p's value in in as a scenario file writes it: one
// number when it is the same every year it applies to, else a table of
// years.
func templateValue(p *model.Param, in *model.Inputs) string {
	if !p.PerYear {
		return fileNumber(p.KeyValue(*p.Scalar(in)))
	}
	first, _ := p.Years(in)
	var parts []string
	same := true
	var v0 string
	for i, v := range p.Series(in) {
		if !p.Applies(in, i) {
			continue
		}
		t := fileNumber(p.KeyValue(v))
		if len(parts) == 0 {
			v0 = t
		}
		same = same && t == v0
		parts = append(parts, fmt.Sprintf("%d = %s", first+i, t))
	}
	if same && len(parts) == in.Len() {
		return v0
	}
	return "{ " + strings.Join(parts, ", ") + " }"
}

// fileNumber writes v with every digit it needs to read back as v (a
// rounded value would change the inputs of a copy that uncomments it),
// without an exponent for ordinary magnitudes.
func fileNumber(v float64) string {
	if a := math.Abs(v); a != 0 && (a < 1e-6 || a >= 1e21) {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// checkValue writes a stated check key's value as given.
func (s *Scenario) checkValue(key string) string {
	l := s.leaves[key]
	if v, ok := l.val.(float64); ok {
		return model.FormatValue(v)
	}
	if v, ok := l.val.(int64); ok {
		return strconv.FormatInt(v, 10)
	}
	line, _ := l.pos()
	text := lineText(l.file.Src, line)
	if _, v, ok := strings.Cut(text, "="); ok {
		return strings.TrimSpace(stripComment(v))
	}
	return "…"
}

// sourceNote says where key's value comes from: the file and line that give
// it, with the comment written above it (and beside it) there; or that the
// default applies.
func (s *Scenario) sourceNote(key string) string {
	l, ok := s.leaves[key]
	if !ok {
		return "Not given in " + s.Name + ": the default applies."
	}
	line, _ := l.pos()
	where := l.file.Name
	if line > 0 {
		where += ":" + strconv.Itoa(line)
	}
	c := comment(l.file.Src, line)
	if c == "" {
		return "From " + where + "."
	}
	return "From " + where + ": " + c
}

// comment returns the comment block directly above line (1-based) of src
// and the comment at the end of that line, joined into one paragraph.
func comment(src []byte, line int) string {
	if line <= 0 {
		return ""
	}
	lines := strings.Split(string(src), "\n")
	if line > len(lines) {
		return ""
	}
	var above []string
	for i := line - 2; i >= 0; i-- {
		t := strings.TrimSpace(strings.TrimSuffix(lines[i], "\r"))
		if !strings.HasPrefix(t, "#") {
			break
		}
		above = append([]string{strings.TrimSpace(strings.TrimLeft(t, "#"))}, above...)
	}
	var parts []string
	for _, a := range above {
		if a != "" && !strings.HasPrefix(a, "BEGIN ") && !strings.HasPrefix(a, "END ") {
			parts = append(parts, a)
		}
	}
	if c := inlineComment(strings.TrimSuffix(lines[line-1], "\r")); c != "" {
		parts = append(parts, c)
	}
	return strings.Join(parts, " ")
}

// lineText returns line (1-based) of src.
func lineText(src []byte, line int) string {
	lines := strings.Split(string(src), "\n")
	if line <= 0 || line > len(lines) {
		return ""
	}
	return strings.TrimSuffix(lines[line-1], "\r")
}

// inlineComment returns the text of the comment ending a TOML line, if
// any: after a '#' outside a string.
func inlineComment(line string) string {
	if i := commentStart(line); i >= 0 {
		return strings.TrimSpace(line[i+1:])
	}
	return ""
}

// stripComment returns line without its ending comment.
func stripComment(line string) string {
	if i := commentStart(line); i >= 0 {
		return line[:i]
	}
	return line
}

// commentStart returns the index of the '#' that starts a line's comment,
// or -1.
func commentStart(line string) int {
	var quote byte
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0 && c == '\\' && quote == '"':
			i++
		case quote != 0 && c == quote:
			quote = 0
		case quote != 0:
		case c == '"' || c == '\'':
			quote = c
		case c == '#':
			return i
		}
	}
	return -1
}

// wrapComment writes text as comment lines of at most 78 columns.
func wrapComment(b *strings.Builder, text string) {
	const width = 76
	line := ""
	// A unit stays with its number: "3.7 %" is not broken.
	text = strings.NewReplacer(" %", "\x00%", " pp", "\x00pp", " 亿元", "\x00亿元").Replace(text)
	for _, w := range strings.Fields(text) {
		w = strings.ReplaceAll(w, "\x00", " ")
		if line != "" && len([]rune(line))+1+len([]rune(w)) > width {
			b.WriteString("# " + line + "\n")
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		b.WriteString("# " + line + "\n")
	}
}
