package cli

import (
	"io"
	"testing"

	"github.com/backchannel-news/backchannel/corpus"
	"github.com/backchannel-news/backchannel/corpus/gen"
	"github.com/backchannel-news/backchannel/model"
)

// BenchmarkQuotesOutput measures printing every quote of a generated corpus
// in each format, loading excluded (that is package corpus's benchmark).
func BenchmarkQuotesOutput(b *testing.B) {
	files := gen.Corpus(1, 2000)
	docs := make([]model.Document, 0, len(files))
	for _, f := range files {
		d, err := corpus.ParseDocument(f.Name, f.Data)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	c := corpus.Assemble(docs, nil)
	b.Logf("%d documents, %d quotes, %d speakers", len(c.Docs), len(c.Quotes), len(c.Speakers))
	rows := func() []quoteRow {
		out := make([]quoteRow, len(c.Quotes))
		for i := range c.Quotes {
			out[i] = newQuoteRow(c, &c.Quotes[i])
		}
		return out
	}
	st := newTextStyles(io.Discard)
	for _, tc := range []struct {
		name  string
		write func([]quoteRow) error
	}{
		{"json", func(r []quoteRow) error { return writeJSON(io.Discard, r) }},
		{"csv", func(r []quoteRow) error { return writeCSV(io.Discard, r) }},
		{"text", func(r []quoteRow) error {
			t := &table{header: []string{"SPEAKER", "WHERE", "QUOTE"}}
			for i, q := range r {
				t.add(st.speaker(int(c.Quotes[i].Speaker), speakerLabel(q.Speaker, q.Confidence)), location(q.Doc, q.Line), "“"+oneLine(q.Text)+"”")
			}
			return t.write(io.Discard, st, 0)
		}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := tc.write(rows()); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(c.Quotes)), "quotes/op")
		})
	}
}
