package cli

import (
	"flag"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// docRow is one document as the docs command prints it.
type docRow struct {
	Path   string `json:"path"`
	Title  string `json:"title"`
	Outlet string `json:"outlet"`
	Date   string `json:"date"`
	Kind   string `json:"kind"`
	Quotes int    `json:"quotes"`
}

func docsCommand() *command {
	return &command{
		name:     "docs",
		synopsis: "[--format text|json|csv] [--speaker NAME]... [PATH...]",
		summary:  "list the documents: title, outlet, date, kind, quote count",
		help: `
Lists the documents in load order. JSON fields: path (as given, or
sample/NAME), title, outlet, date, kind (article or transcript), quotes.
With --speaker, only documents quoting that speaker, and quotes counts
only theirs.`,
		define: func(fs *flag.FlagSet) func(*env, []string) int {
			var o listOptions
			o.define(fs, "only documents quoting the speaker `NAME`")
			return func(e *env, paths []string) int {
				c, who, ok := o.loadFiltered(e, paths)
				if !ok {
					return exitFail
				}
				counts := make([]int, len(c.Docs))
				for _, id := range c.QuotesBy(who) {
					counts[c.Quotes[id].Doc]++
				}
				var rows []docRow
				for _, d := range c.Docs {
					if who != nil && counts[d.ID] == 0 {
						continue
					}
					rows = append(rows, docRow{Path: d.Path, Title: d.Title, Outlet: d.Outlet, Date: d.Date, Kind: d.Kind.String(), Quotes: counts[d.ID]})
				}
				return emit(e, o.format, len(rows), rowOf(rows), "documents", func(st *textStyles) *table {
					// Title, outlet and date share the last column so the
					// table fits 80 columns; JSON and CSV keep them apart.
					t := &table{
						header: []string{"DOCUMENT", "KIND", "QUOTES", "TITLE — OUTLET, DATE"},
						styles: []lipgloss.Style{st.plain, st.muted},
					}
					for _, r := range rows {
						t.add(r.Path, r.Kind, strconv.Itoa(r.Quotes), docLine(r))
					}
					return t
				})
			}
		},
	}
}

// docLine is how a document is cited in text output.
func docLine(r docRow) string {
	var source []string
	for _, s := range []string{r.Outlet, r.Date} {
		if s != "" {
			source = append(source, s)
		}
	}
	if len(source) == 0 {
		return r.Title
	}
	return r.Title + " — " + strings.Join(source, ", ")
}
