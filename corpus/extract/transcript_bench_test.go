package extract_test

import (
	"testing"

	"github.com/backchannel-news/backchannel/corpus"
	"github.com/backchannel-news/backchannel/corpus/extract"
	"github.com/backchannel-news/backchannel/corpus/gen"
	"github.com/backchannel-news/backchannel/corpus/gen/meter"
	"github.com/backchannel-news/backchannel/model"
)

// total is the sum of sizes: the bytes a benchmark's documents hold.
func total(sizes []int) int {
	n := 0
	for _, s := range sizes {
		n += s
	}
	return n
}

// generatedDocs parses the 1,000 documents of BenchmarkExtractGenerated.
func generatedDocs(b *testing.B) (docs []model.Document, sizes []int) {
	b.Helper()
	for _, f := range gen.Corpus(1, 1000) {
		d, err := corpus.ParseDocument(f.Name, f.Data)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
		sizes = append(sizes, len(f.Data))
	}
	return docs, sizes
}

// measure runs work b.N times over size bytes and reports MB/cpu-s: CPU
// time, which a shared machine's wall time hides.
func measure(b *testing.B, size int, work func()) {
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := meter.CPUTime()
	for i := 0; i < b.N; i++ {
		work()
	}
	b.ReportMetric(float64(size)*float64(b.N)/1e6/(float64(meter.CPUTime()-cpu)/1e9), "MB/cpu-s")
}

// BenchmarkTranscriptGenerated is BenchmarkExtractGenerated for the
// transcripts of the generated corpus alone: the transcript reader's share
// of extraction, apart from the article reader's larger one. Run it with
// -cpu 1.
func BenchmarkTranscriptGenerated(b *testing.B) { extractKind(b, model.Transcript) }

// extractKind is BenchmarkExtractGenerated over the generated documents
// of one kind.
func extractKind(b *testing.B, kind model.Kind) {
	all, sizes := generatedDocs(b)
	var docs []model.Document
	size := 0
	for i, d := range all {
		if d.Kind == kind {
			docs = append(docs, d)
			size += sizes[i]
		}
	}
	if len(docs) == 0 {
		b.Fatalf("the generated corpus holds no document of kind %v", kind)
	}
	measure(b, size, func() {
		for j := range docs {
			// Hand the quotations back once read, as a load does once
			// it has copied them.
			extract.Recycle(extract.Document(&docs[j]))
		}
	})
}

// BenchmarkDetectKind times the kind detection every document goes through
// when it is parsed, over the bodies of the generated corpus.
func BenchmarkDetectKind(b *testing.B) {
	docs, sizes := generatedDocs(b)
	measure(b, total(sizes), func() {
		for j := range docs {
			extract.DetectKind(docs[j].Text[docs[j].BodyStart:])
		}
	})
}
