package ui

import (
	"runtime"
	"testing"
	"time"

	"github.com/backchannel-news/backchannel/corpus"
	"github.com/backchannel-news/backchannel/corpus/gen/meter"
)

// BenchmarkProgramHeap measures what the program holds once a generated
// corpus is loaded from disk and made ready for sessions (the search index
// and the shared lists NewShared builds), relative to the corpus bytes:
//
//	go test -run '^$' -bench ProgramHeap ./ui
//
// corpus-heap/corpus is the loaded corpus alone, program-heap/corpus adds
// what NewShared builds, index-heap/corpus is that difference. All are
// the heap after a collection: objects and the spans they sit in.
// startup-peak/corpus is the largest heap seen from the start of the load
// to the end of NewShared, sampled every millisecond.
func BenchmarkProgramHeap(b *testing.B) {
	meter.OnGeneratedCorpora(b, []int{1_000, 10_000}, func(b *testing.B, dir string, docs int, size int64) {
		var loaded, ready, peak uint64
		for i := 0; i < b.N; i++ {
			runtime.GC()
			before := meter.Heap()
			stop := meter.SampleHeap(before, time.Millisecond)
			c, err := corpus.Load([]string{dir})
			if err != nil {
				b.Fatal(err)
			}
			runtime.GC()
			loaded = meter.Heap() - before
			sh := NewShared(c)
			peak = max(peak, stop())
			runtime.GC()
			ready = meter.Heap() - before
			runtime.KeepAlive(sh)
		}
		b.ReportMetric(float64(loaded)/float64(size), "corpus-heap/corpus")
		b.ReportMetric(float64(ready)/float64(size), "program-heap/corpus")
		b.ReportMetric(float64(ready-loaded)/float64(size), "index-heap/corpus")
		b.ReportMetric(float64(peak)/float64(size), "startup-peak/corpus")
	})
}
