package search

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/sahilm/fuzzy"

	"github.com/backchannel-news/backchannel/corpus/gen"
	"github.com/backchannel-news/backchannel/corpus/gen/meter"
	"github.com/backchannel-news/backchannel/model"
)

// Queries a reader types: one letter (the worst case, nearly every quote
// matches), a name, a surname fragment and a phrase.
var benchQueries = []struct{ name, query string }{
	{"letter", "e"},
	{"name", "yuri"},
	{"surname", "varenkov"},
	{"phrase", "signed the terminal"},
}

// The search benchmarks need: go test -bench Search -benchmem ./model/search
// They build each index once; the 1M one takes a few seconds and ~1 GB.
var benchSizes = []int{10_000, 100_000, 1_000_000}

const benchLimit = 500 // what the reader's search pane asks for

// quoteIndex indexes n generated quotes held as the corpus holds quotes:
// spans of their documents' text, one after the other in memory (the
// extractors slice each quote out of its document). The index reads them
// in place, so where they sit matters: quotes allocated one by one, spread
// over the heap among the garbage of building them, cost 25-40% more CPU
// to search.
func quoteIndex(n int) (*Index, []string) {
	lines := gen.QuoteLines(1, n)
	text := strings.Join(lines, "\n")
	at := 0
	for i, l := range lines {
		lines[i] = text[at : at+len(l)]
		at += len(l) + 1
	}
	return indexOf(lines), lines
}

// BenchmarkSearch times one query over n quotes from a cold start, and the
// keystrokes of typing a query with a Searcher (ns/op is per keystroke).
func BenchmarkSearch(b *testing.B) {
	for _, n := range benchSizes {
		if testing.Short() && n > 100_000 {
			continue
		}
		ix, _ := quoteIndex(n)
		for _, q := range benchQueries {
			b.Run(fmt.Sprintf("cold/quotes=%d/%s", n, q.name), func(b *testing.B) {
				cpu := meter.CPUTime()
				for i := 0; i < b.N; i++ {
					ix.Search(q.query, benchLimit)
				}
				b.ReportMetric(float64(meter.CPUTime()-cpu)/1e6/float64(b.N), "cpu-ms/op")
			})
		}
		for _, q := range benchQueries[1:] {
			// One op types the whole query into a new session, a keystroke
			// at a time. first-ms is the first keystroke (a cold search),
			// next-ms the mean of the later ones, which narrow the
			// previous result, worst-next-ms the slowest of those.
			b.Run(fmt.Sprintf("typing/quotes=%d/%s", n, q.name), func(b *testing.B) {
				keys := []rune(q.query)
				var first, next, worst time.Duration
				cpu := meter.CPUTime()
				for i := 0; i < b.N; i++ {
					s := ix.NewSearcher()
					for j := range keys {
						start := time.Now()
						s.Search(string(keys[:j+1]), benchLimit)
						d := time.Since(start)
						if j == 0 {
							first += d
						} else {
							next += d
							worst = max(worst, d)
						}
					}
				}
				b.ReportMetric(float64(first.Nanoseconds())/1e6/float64(b.N), "first-ms")
				b.ReportMetric(float64(next.Nanoseconds())/1e6/float64(b.N*(len(keys)-1)), "next-ms")
				b.ReportMetric(float64(worst.Nanoseconds())/1e6, "worst-next-ms")
				b.ReportMetric(float64(meter.CPUTime()-cpu)/1e6/float64(b.N*len(keys)), "cpu-ms/key")
			})
		}
	}
}

// BenchmarkFuzzyBaseline times sahilm/fuzzy itself on the same lines, the
// speed this package replaces.
func BenchmarkFuzzyBaseline(b *testing.B) {
	for _, n := range benchSizes[:2] {
		lines := gen.QuoteLines(1, n)
		for _, q := range benchQueries {
			b.Run(fmt.Sprintf("quotes=%d/%s", n, q.name), func(b *testing.B) {
				cpu := meter.CPUTime()
				for i := 0; i < b.N; i++ {
					fuzzy.Find(q.query, lines)
				}
				b.ReportMetric(float64(meter.CPUTime()-cpu)/1e6/float64(b.N), "cpu-ms/op")
			})
		}
	}
}

func BenchmarkNewIndex(b *testing.B) {
	lines := gen.QuoteLines(1, 100_000)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		indexOf(lines)
	}
}

// BenchmarkIndexMemory reports what NewIndex keeps per quote, the heap
// growth of indexing a corpus of generated quotes, beside the size of the
// quote texts themselves.
func BenchmarkIndexMemory(b *testing.B) {
	const n = 100_000
	lines := gen.QuoteLines(1, n)
	quotes := make([]model.Quote, n)
	var text int
	for i, l := range lines {
		quotes[i] = model.Quote{Speaker: model.Unknown, Text: l}
		text += len(l)
	}
	c := model.New([]model.Document{{}}, nil, quotes, nil)
	var before, after runtime.MemStats
	var ix *Index
	for i := 0; i < b.N; i++ {
		ix = nil
		runtime.GC()
		runtime.ReadMemStats(&before)
		ix = NewIndex(c)
		runtime.GC()
		runtime.ReadMemStats(&after)
	}
	runtime.KeepAlive(ix)
	grown := float64(after.HeapAlloc) - float64(before.HeapAlloc)
	b.ReportMetric(grown/n, "index-B/quote")
	b.ReportMetric(float64(text)/n, "text-B/quote")
}
