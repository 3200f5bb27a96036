package cli

import (
	"flag"

	"github.com/charmbracelet/lipgloss"

	"github.com/backchannel-news/backchannel/model"
)

// quoteRow is one quote as the quotes command prints it. Field order is the
// JSON and CSV column order.
type quoteRow struct {
	Speaker    string `json:"speaker"`
	Text       string `json:"text"`
	Doc        string `json:"doc"`
	Line       int    `json:"line"`
	Cue        string `json:"cue"`
	Confidence string `json:"confidence"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
}

func newQuoteRow(c *model.Corpus, q *model.Quote) quoteRow {
	return quoteRow{
		Speaker:    c.SpeakerName(int(q.Speaker)),
		Text:       q.Text,
		Doc:        c.Docs[q.Doc].Path,
		Line:       int(q.Line),
		Cue:        q.Cue.String(),
		Confidence: q.Confidence.String(),
		Start:      int(q.Start),
		End:        int(q.End),
	}
}

func quotesCommand() *command {
	return &command{
		name:     "quotes",
		synopsis: "[--format text|json|csv] [--speaker NAME]... [PATH...]",
		summary:  "list every quote: speaker, document and line, text",
		help: `
Lists the quotes found in the documents, in document order. JSON fields:
speaker (canonical name, "" when unknown), text, doc, line (1-based), cue
(the attribution cue: said, colon, transcript, ...), confidence (high,
medium, low or none), start and end (byte offsets of the text in the file).`,
		define: func(fs *flag.FlagSet) func(*env, []string) int {
			var o listOptions
			o.define(fs, "only quotes by the speaker `NAME`")
			return func(e *env, paths []string) int {
				c, who, ok := o.loadFiltered(e, paths)
				if !ok {
					return exitFail
				}
				ids := c.QuotesBy(who)
				row, text := quoteListing(c, ids)
				return emit(e, o.format, len(ids), row, "quotes", text)
			}
		},
	}
}

// quoteListing gives the rows of the quotes ids for JSON and CSV and their
// table for text. Rows are made as they are printed: every quote of a large
// corpus held as rows would cost more memory than the corpus.
func quoteListing(c *model.Corpus, ids []int32) (row func(int) quoteRow, text func(*textStyles) *table) {
	row = func(i int) quoteRow { return newQuoteRow(c, &c.Quotes[ids[i]]) }
	text = func(st *textStyles) *table {
		return &table{
			header: []string{"SPEAKER", "WHERE", "QUOTE"},
			styles: []lipgloss.Style{st.plain, st.muted},
			count:  len(ids),
			cells: func(i int) []string {
				r := row(i)
				label := speakerLabel(r.Speaker, r.Confidence)
				return []string{st.speaker(int(c.Quotes[ids[i]].Speaker), label), location(r.Doc, r.Line), "“" + oneLine(r.Text) + "”"}
			},
		}
	}
	return row, text
}

// speakerLabel shows an unknown speaker as such and marks an attribution
// that is less than certain, so a guess never reads as fact.
func speakerLabel(name, confidence string) string {
	switch {
	case name == "":
		return "(unknown)"
	case confidence != model.High.String():
		return name + " (" + confidence + ")"
	}
	return name
}
