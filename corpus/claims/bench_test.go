package claims

import (
	"fmt"
	"testing"

	"github.com/backchannel-news/backchannel/corpus"
	"github.com/backchannel-news/backchannel/corpus/gen"
	"github.com/backchannel-news/backchannel/model"
)

func genCorpus(b *testing.B, docs int) *model.Corpus {
	b.Helper()
	var sources []corpus.Source
	for _, f := range gen.Corpus(1, docs) {
		data := f.Data
		sources = append(sources, corpus.Source{Name: f.Name, Read: func() ([]byte, error) { return data, nil }})
	}
	c, err := corpus.Build(sources, nil)
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// BenchmarkFind times finding the conflicts of generated corpora:
// go test -bench Find -benchmem ./corpus/claims
func BenchmarkFind(b *testing.B) {
	for _, n := range []int{100, 1000, 5000} {
		b.Run(fmt.Sprintf("%ddocs", n), func(b *testing.B) {
			c := genCorpus(b, n)
			b.ResetTimer()
			var topics int
			for range b.N {
				topics = len(Find(c).Topics)
			}
			b.ReportMetric(float64(topics), "topics")
		})
	}
}
