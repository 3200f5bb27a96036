package corpus

import (
	"runtime"
	"slices"
	"testing"

	"github.com/backchannel-news/backchannel/corpus/gen"
	"github.com/backchannel-news/backchannel/corpus/gen/meter"
	"github.com/backchannel-news/backchannel/model"
)

// BenchmarkIngestStages splits BenchmarkIngest's time between the stages,
// each on every core, over 1,000 generated documents on disk: walking and
// reading, parsing (checks, front matter, kind), quote extraction, and the
// single-threaded speaker merge and model build.
func BenchmarkIngestStages(b *testing.B) {
	dir := b.TempDir()
	size, err := gen.WriteDir(dir, 1, 1_000)
	if err != nil {
		b.Fatal(err)
	}
	var cpu int64
	// MB/cpu-s is megabytes per second of CPU time: what one core does
	// when it gets the whole core, which a shared machine's wall time hides.
	perCore := func(b *testing.B) {
		b.ReportMetric(float64(size)/1e6/(b.Elapsed().Seconds()/float64(b.N))/float64(runtime.GOMAXPROCS(0)), "MB/s/core")
		b.ReportMetric(float64(size)*float64(b.N)/1e6/(float64(meter.CPUTime()-cpu)/1e9), "MB/cpu-s")
	}
	sources, _ := Discover([]string{dir})
	data := make([][]byte, len(sources))
	b.Run("read", func(b *testing.B) {
		b.SetBytes(size)
		cpu = meter.CPUTime()
		for i := 0; i < b.N; i++ {
			sources, _ = Discover([]string{dir})
			forEach(len(sources), 0, func(j int) { data[j], _ = sources[j].Read() })
		}
		perCore(b)
	})
	docs := make([]model.Document, len(sources))
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(size)
		cpu = meter.CPUTime()
		for i := 0; i < b.N; i++ {
			forEach(len(sources), 0, func(j int) { docs[j], _ = ParseDocument(sources[j].Name, data[j]) })
		}
		perCore(b)
	})
	found := make([]docQuotes, len(docs))
	var st *ingestState
	b.Run("extract", func(b *testing.B) {
		b.SetBytes(size)
		cpu = meter.CPUTime()
		for i := 0; i < b.N; i++ {
			st = &ingestState{mentions: newMentionTable()}
			forEach(len(docs), 0, func(j int) { found[j] = extractQuotes(&docs[j], st) })
		}
		perCore(b)
	})
	b.Run("assemble", func(b *testing.B) {
		b.SetBytes(size)
		cpu = meter.CPUTime()
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			// assemble drops what it copies: give each round its own.
			again := slices.Clone(found)
			b.StartTimer()
			assemble(docs, again, st.mentions, nil, false)
		}
		perCore(b)
	})
}
