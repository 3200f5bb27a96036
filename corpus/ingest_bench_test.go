package corpus

import (
	"runtime"
	"testing"
	"time"

	"github.com/backchannel-news/backchannel/corpus/gen/meter"
)

// BenchmarkIngest loads a generated corpus from disk: walk, read, check,
// parse, extract quotes, merge speakers, index. Run it with
//
//	go test -run '^$' -bench Ingest -benchmem ./corpus
//
// MB/s is for the whole machine; MB/s/core divides by GOMAXPROCS;
// MB/cpu-s divides by the CPU time used instead, what a core does when it
// is not shared (the heap sampler's own CPU time is included, a little).
// peak-heap/corpus is the largest heap seen while loading, less the heap
// before, over the corpus bytes; live-heap/corpus is what the loaded
// corpus keeps after a collection.
func BenchmarkIngest(b *testing.B) {
	meter.OnGeneratedCorpora(b, []int{1_000, 10_000}, func(b *testing.B, dir string, docs int, size int64) {
		b.SetBytes(size)
		var peak, live uint64
		var cpu int64
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			runtime.GC()
			before := meter.Heap()
			stop := meter.SampleHeap(before, 2*time.Millisecond)
			b.StartTimer()
			start := meter.CPUTime()
			c, err := Load([]string{dir})
			cpu += meter.CPUTime() - start
			b.StopTimer()
			peak = max(peak, stop())
			if err != nil || len(c.Docs) != docs {
				b.Fatalf("loaded %d of %d documents: %v", len(c.Docs), docs, err)
			}
			runtime.GC()
			live = max(live, meter.Heap()-before)
			runtime.KeepAlive(c)
			b.StartTimer()
		}
		secs := b.Elapsed().Seconds() / float64(b.N)
		mbps := float64(size) / 1e6 / secs
		b.ReportMetric(mbps/float64(runtime.GOMAXPROCS(0)), "MB/s/core")
		b.ReportMetric(float64(size)*float64(b.N)/1e6/(float64(cpu)/1e9), "MB/cpu-s")
		b.ReportMetric(float64(peak)/float64(size), "peak-heap/corpus")
		b.ReportMetric(float64(live)/float64(size), "live-heap/corpus")
	})
}
