package extract_test

import (
	"testing"

	"github.com/backchannel-news/backchannel/corpus/extract"
	"github.com/backchannel-news/backchannel/model"
)

// BenchmarkArticleGenerated is BenchmarkExtractGenerated for the articles
// of the generated corpus alone: the article reader's share of extraction.
// Each document's quotations are handed back with extract.Recycle once
// read, as the corpus loader does. Run it with -cpu 1.
func BenchmarkArticleGenerated(b *testing.B) {
	all, sizes := generatedDocs(b)
	var docs []model.Document
	size := 0
	for i, d := range all {
		if d.Kind == model.Article {
			docs = append(docs, d)
			size += sizes[i]
		}
	}
	if len(docs) == 0 {
		b.Fatal("the generated corpus holds no article")
	}
	measure(b, size, func() {
		for j := range docs {
			extract.Recycle(extract.Document(&docs[j]))
		}
	})
}
