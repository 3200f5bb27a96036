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
	ids := c.QuotesBy(nil)
	row, text := quoteListing(c, ids)
	st := newTextStyles(io.Discard)
	for _, tc := range []struct {
		name  string
		write func() error
	}{
		{"json", func() error { return writeJSON(io.Discard, len(ids), row) }},
		{"csv", func() error { return writeCSV(io.Discard, len(ids), row) }},
		{"text", func() error { return text(st).write(io.Discard, st, 0) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := tc.write(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(c.Quotes)), "quotes/op")
		})
	}
}
