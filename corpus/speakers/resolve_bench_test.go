package speakers_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/backchannel-news/backchannel/corpus"
	"github.com/backchannel-news/backchannel/corpus/extract"
	"github.com/backchannel-news/backchannel/corpus/gen"
	"github.com/backchannel-news/backchannel/corpus/internal/cputime"
	"github.com/backchannel-news/backchannel/corpus/speakers"
)

// generatedMentions extracts the quotes of a generated corpus and returns
// their speakers' names as loading hands them to Resolve, a transcript's
// generic labels scoped to their document.
func generatedMentions(tb testing.TB, seed int64, docs int) []speakers.Mention {
	tb.Helper()
	var mentions []speakers.Mention
	for _, f := range gen.Corpus(seed, docs) {
		d, err := corpus.ParseDocument(f.Name, f.Data)
		if err != nil {
			tb.Fatal(err)
		}
		for _, q := range extract.Document(&d) {
			m := speakers.Mention{Name: q.Speaker, Role: q.Role, Roles: q.Roles, Org: q.Org}
			if q.Local {
				m.Scope = strings.TrimSuffix(filepath.Base(f.Name), filepath.Ext(f.Name))
			}
			mentions = append(mentions, m)
		}
	}
	return mentions
}

// BenchmarkResolve merges the speakers of the 1,000 documents of
// BenchmarkIngestStages: the serial speaker merge of loading on its own.
// cpu-ms/op is CPU time, which a shared machine's wall time hides.
func BenchmarkResolve(b *testing.B) {
	mentions := generatedMentions(b, 1, 1000)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cputime.Now()
	for i := 0; i < b.N; i++ {
		speakers.Resolve(mentions)
	}
	b.ReportMetric(float64(cputime.Now()-cpu)/1e6/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(len(mentions)), "mentions/op")
}
