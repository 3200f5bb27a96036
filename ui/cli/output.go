package cli

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"reflect"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"
	"github.com/muesli/termenv"

	"github.com/backchannel-news/backchannel/ui"
)

// format is how a listing is printed.
type format string

const (
	formatText format = "text"
	formatJSON format = "json"
	formatCSV  format = "csv"
)

func (f *format) String() string { return string(*f) }

func (f *format) Set(s string) error {
	switch v := format(strings.ToLower(s)); v {
	case formatText, formatJSON, formatCSV:
		*f = v
		return nil
	}
	return fmt.Errorf("want text, json or csv")
}

// writeJSON prints the n rows row(0)...row(n-1) as one indented JSON array
// ("[]" when empty, never null, so scripts can always iterate). It streams
// one row at a time, so a large corpus is not held twice in memory as JSON.
func writeJSON[T any](w io.Writer, n int, row func(int) T) error {
	if n == 0 {
		_, err := io.WriteString(w, "[]\n")
		return err
	}
	bw := bufio.NewWriter(w)
	bw.WriteString("[\n  ")
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("  ", "  ")
	enc.SetEscapeHTML(false) // quotes are full of & and <, keep them readable
	for i := range n {
		if i > 0 {
			bw.WriteString(",\n  ")
		}
		buf.Reset()
		if err := enc.Encode(row(i)); err != nil {
			return err
		}
		bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	}
	bw.WriteString("\n]\n")
	return bw.Flush()
}

// writeCSV prints the n rows row(0)...row(n-1) after a header row. Columns
// are the struct's JSON field names in order, so the two formats cannot
// drift apart; list fields are joined with "; ".
func writeCSV[T any](w io.Writer, n int, row func(int) T) error {
	cw := csv.NewWriter(w)
	typ := reflect.TypeFor[T]()
	var header []string
	for i := range typ.NumField() {
		header = append(header, jsonName(typ.Field(i)))
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for i := range n {
		v := reflect.ValueOf(row(i))
		record := make([]string, v.NumField())
		for i := range record {
			record[i] = csvCell(v.Field(i))
		}
		if err := cw.Write(record); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "" {
		return f.Name
	}
	return name
}

func csvCell(v reflect.Value) string {
	switch v.Kind() {
	case reflect.String:
		return v.String()
	case reflect.Int:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Slice:
		parts := make([]string, v.Len())
		for i := range parts {
			parts[i] = csvCell(v.Index(i))
		}
		return strings.Join(parts, "; ")
	}
	return fmt.Sprint(v.Interface())
}

// textStyles colour human-readable output with the reader's styles, so a
// speaker has the same colour in a listing as on screen. The renderer is
// made for the real stdout, so a pipe, a file or NO_COLOR get plain text.
type textStyles struct {
	r                    *lipgloss.Renderer
	ui                   *ui.Styles
	plain, header, muted lipgloss.Style
	// styled is false when nothing would be drawn (a pipe, NO_COLOR), and
	// rendering is skipped: it is most of the cost of a long listing.
	styled bool
}

func newTextStyles(w io.Writer) *textStyles {
	r := lipgloss.NewRenderer(w)
	s := ui.NewStyles(r)
	return &textStyles{r: r, ui: s, plain: r.NewStyle(), header: s.Header, muted: s.Muted, styled: r.ColorProfile() != termenv.Ascii}
}

// speaker renders name in speaker id's colour (model.Unknown included).
func (st *textStyles) speaker(id int, name string) string {
	return st.render(st.ui.Speaker(id), name)
}

func (st *textStyles) render(style lipgloss.Style, s string) string {
	if !st.styled {
		return s
	}
	return style.Render(s)
}

// terminalWidth is the width of w when it is a terminal, else 0: output to
// a pipe or file is never wrapped, so each item stays on one line for grep.
func terminalWidth(w io.Writer) int {
	if !isTerminal(w) {
		return 0
	}
	width, _, err := term.GetSize(w.(*os.File).Fd())
	if err != nil {
		return 0
	}
	return width
}

// table prints aligned columns. The last column is never padded; on a
// terminal it wraps under itself or, when the terminal is too narrow for
// that, goes on lines of its own below the other cells.
type table struct {
	header []string
	rows   [][]string
	// count and cells, when cells is set, stand for rows: a row's cells
	// are made when they are measured and again when printed, so a
	// listing of every quote of a large corpus is never held in memory.
	count int
	cells func(i int) []string
	// styles per column; a cell may also arrive styled, as widths are
	// measured without escape codes.
	styles []lipgloss.Style
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) len() int {
	if t.cells != nil {
		return t.count
	}
	return len(t.rows)
}

func (t *table) row(i int) []string {
	if t.cells != nil {
		return t.cells(i)
	}
	return t.rows[i]
}

const (
	// maxColumn caps a column's width so one long name cannot push the
	// text off screen; longer cells overflow that row only.
	maxColumn = 40
	// minLastColumn is the narrowest the wrapped last column may be before
	// it moves below the other cells: a quote in a strip of a few words per
	// line is unreadable.
	minLastColumn = 30
	// stackIndent indents the last column when it sits below the others.
	stackIndent = 4
)

// write prints the table to w for a terminal of the given width, or
// unwrapped when width is 0.
func (t *table) write(w io.Writer, st *textStyles, width int) error {
	n := len(t.header)
	widths := make([]int, n)
	for r := -1; r < t.len(); r++ {
		row := t.header
		if r >= 0 {
			row = t.row(r)
		}
		for i := 0; i < n-1; i++ {
			widths[i] = max(widths[i], min(lipgloss.Width(row[i]), maxColumn))
		}
	}
	indent := 0
	for _, wd := range widths[:n-1] {
		indent += wd + 2
	}
	wrapAt, stacked := 0, false
	switch {
	case width <= 0:
	case width-indent >= minLastColumn:
		wrapAt = width - indent
	default:
		stacked, indent, wrapAt = true, stackIndent, max(width-stackIndent, minLastColumn)
	}
	bw := bufio.NewWriter(w)
	var b strings.Builder
	line := func(cells []string, header bool) {
		b.Reset()
		for i, cell := range cells {
			style := st.plain
			switch {
			case header:
				style = st.header
			case i < len(t.styles):
				style = t.styles[i]
			}
			if i < n-1 {
				b.WriteString(st.render(style, cell))
				if i < n-2 || !stacked {
					b.WriteString(strings.Repeat(" ", max(widths[i]-lipgloss.Width(cell), 0)+2))
				}
				continue
			}
			if stacked {
				if header || cell == "" {
					break
				}
				b.WriteString("\n" + strings.Repeat(" ", indent))
			}
			lines := []string{cell}
			if wrapAt > 0 {
				lines = strings.Split(st.r.NewStyle().Width(wrapAt).Render(cell), "\n")
			}
			for j, l := range lines {
				if j > 0 {
					b.WriteString("\n" + strings.Repeat(" ", indent))
				}
				b.WriteString(st.render(style, strings.TrimRight(l, " ")))
			}
		}
		// An empty last cell would leave the padding hanging.
		bw.WriteString(strings.TrimRight(b.String(), " "))
		bw.WriteString("\n")
	}
	line(t.header, true)
	for r := range t.len() {
		line(t.row(r), false)
	}
	return bw.Flush()
}

// oneLine folds the line breaks and runs of spaces in s, so a quote spread
// over several lines of its document prints as one.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
