package cli

import (
	"flag"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/backchannel-news/backchannel/model"
	"github.com/backchannel-news/backchannel/model/search"
)

// searchRow is one search hit. Speaker hits have no doc or line ("" and 0).
type searchRow struct {
	Kind    string `json:"kind"`
	Text    string `json:"text"`
	Doc     string `json:"doc"`
	Line    int    `json:"line"`
	Speaker string `json:"speaker"`
	Score   int    `json:"score"`
}

func newSearchRow(c *model.Corpus, h search.Hit) searchRow {
	r := searchRow{Kind: h.Kind.String(), Text: h.Text, Score: h.Score}
	switch h.Kind {
	case search.Doc:
		d := &c.Docs[h.ID]
		r.Doc, r.Line = d.Path, titleLine(d)
	case search.Speaker:
		r.Speaker = c.SpeakerName(h.ID)
	case search.Quote:
		q := &c.Quotes[h.ID]
		r.Doc, r.Line, r.Speaker = c.Docs[q.Doc].Path, int(q.Line), c.SpeakerName(int(q.Speaker))
	}
	return r
}

// hitSpeaker is the speaker a hit belongs to, or model.Unknown.
func hitSpeaker(c *model.Corpus, h search.Hit) int {
	switch h.Kind {
	case search.Speaker:
		return h.ID
	case search.Quote:
		return int(c.Quotes[h.ID].Speaker)
	}
	return model.Unknown
}

// orDash stands in for an empty cell so columns stay readable.
func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// titleLine is the line a document's title stands on, or 1 when the title
// was made up from the file name.
func titleLine(d *model.Document) int {
	if i := strings.Index(d.Text, d.Title); i >= 0 {
		return d.LineAt(i)
	}
	return 1
}

func searchCommand() *command {
	return &command{
		name:     "search",
		synopsis: "QUERY [--format text|json|csv] [--speaker NAME]... [--limit N] [PATH...]",
		summary:  "fuzzy search documents, speakers and quotes at once",
		help: `
Finds QUERY in document titles, speaker names and quote texts at once, best
match first; the letters of QUERY must appear in order, not necessarily
together. Quote a QUERY with spaces. JSON fields: kind (document, speaker or
quote), text, doc, line, speaker, score. Speaker hits have doc "" and line 0.
With --speaker, only that speaker's quotes are searched.`,
		define: func(fs *flag.FlagSet) func(*env, []string) int {
			var o listOptions
			o.define(fs, "search only the quotes of the speaker `NAME`")
			limit := fs.Int("limit", 50, "print at most `N` hits, 0 for all")
			return func(e *env, args []string) int {
				if len(args) == 0 || strings.TrimSpace(args[0]) == "" {
					return e.usageError("missing QUERY")
				}
				if *limit < 0 {
					return e.usageError("--limit must be 0 or more")
				}
				query, paths := args[0], args[1:]
				c, who, ok := o.loadFiltered(e, paths)
				if !ok {
					return exitFail
				}
				var rows []searchRow
				var rowSpeaker []int // speaker ID behind each row, for its colour
				for _, h := range search.NewIndex(c).Search(query, 0) {
					if who != nil && (h.Kind != search.Quote || !who[int(c.Quotes[h.ID].Speaker)]) {
						continue
					}
					rows = append(rows, newSearchRow(c, h))
					rowSpeaker = append(rowSpeaker, hitSpeaker(c, h))
					if *limit > 0 && len(rows) == *limit {
						break
					}
				}
				return emit(e, o.format, len(rows), rowOf(rows), "matches", func(st *textStyles) *table {
					t := &table{
						header: []string{"KIND", "WHERE", "SPEAKER", "TEXT"},
						styles: []lipgloss.Style{st.muted, st.muted, st.plain},
					}
					for i, r := range rows {
						where := "-"
						if r.Doc != "" {
							where = location(r.Doc, r.Line)
						}
						name := r.Speaker
						if r.Kind == search.Quote.String() {
							name = speakerLabel(r.Speaker, model.High.String())
						}
						if name != "" {
							name = st.speaker(rowSpeaker[i], name)
						}
						t.add(r.Kind, where, orDash(name), oneLine(r.Text))
					}
					return t
				})
			}
		},
	}
}
