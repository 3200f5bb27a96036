package extract_test

import (
	"testing"

	"github.com/backchannel-news/backchannel/model"
)

// BenchmarkArticleGenerated is BenchmarkExtractGenerated for the articles
// of the generated corpus alone: the article reader's share of extraction.
// Run it with -cpu 1.
func BenchmarkArticleGenerated(b *testing.B) { extractKind(b, model.Article) }
