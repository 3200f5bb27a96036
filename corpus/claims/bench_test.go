package claims

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/backchannel-news/backchannel/corpus"
	"github.com/backchannel-news/backchannel/corpus/gen"
	"github.com/backchannel-news/backchannel/corpus/gen/meter"
	"github.com/backchannel-news/backchannel/model"
)

// genCorpus builds a generated corpus of docs documents and returns it with
// the bytes of its files.
func genCorpus(b testing.TB, docs int) (*model.Corpus, int64) {
	b.Helper()
	var sources []corpus.Source
	var size int64
	for _, f := range gen.Corpus(1, docs) {
		data := f.Data
		size += int64(len(data))
		sources = append(sources, corpus.Source{Name: f.Name, Read: func() ([]byte, error) { return data, nil }})
	}
	c, err := corpus.Build(sources, nil)
	if err != nil {
		b.Fatal(err)
	}
	return c, size
}

// BenchmarkFind times finding the conflicts of generated corpora:
//
//	go test -run '^$' -bench Find -benchmem ./corpus/claims
//
// cpu-ms/op is the CPU time of one Find, all cores, which a shared machine
// does not inflate as it does ns/op. peak-heap/corpus is the largest heap
// growth seen during Find over the corpus's bytes: what finding claims
// costs on top of the loaded corpus.
func BenchmarkFind(b *testing.B) {
	for _, n := range []int{100, 1000, 5000} {
		b.Run(fmt.Sprintf("%ddocs", n), func(b *testing.B) {
			c, size := genCorpus(b, n)
			var topics int
			var peak uint64
			var cpu int64
			b.ResetTimer()
			for range b.N {
				b.StopTimer()
				runtime.GC()
				stop := meter.SampleHeap(meter.Heap(), 2*time.Millisecond)
				b.StartTimer()
				start := meter.CPUTime()
				topics = len(Find(c).Topics)
				cpu += meter.CPUTime() - start
				b.StopTimer()
				peak = max(peak, stop())
				b.StartTimer()
			}
			b.ReportMetric(float64(topics), "topics")
			b.ReportMetric(float64(cpu)/1e6/float64(b.N), "cpu-ms/op")
			b.ReportMetric(float64(peak)/float64(size), "peak-heap/corpus")
		})
	}
}
