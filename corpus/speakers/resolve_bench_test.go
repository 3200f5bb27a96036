package speakers_test

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/backchannel-news/backchannel/corpus"
	"github.com/backchannel-news/backchannel/corpus/extract"
	"github.com/backchannel-news/backchannel/corpus/gen"
	"github.com/backchannel-news/backchannel/corpus/gen/meter"
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
	cpu := meter.CPUTime()
	for i := 0; i < b.N; i++ {
		speakers.Resolve(mentions)
	}
	b.ReportMetric(float64(meter.CPUTime()-cpu)/1e6/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(len(mentions)), "mentions/op")
}

// TestResolveCountedMatchesResolve checks that resolving each distinct
// mention once with its count gives what resolving every mention does:
// loading relies on it to avoid a copy of a mention per quote.
func TestResolveCountedMatchesResolve(t *testing.T) {
	all := generatedMentions(t, 7, 300)
	var distinct []speakers.Mention
	var counts []int32
	first := map[string]int{}
	for _, m := range all {
		key := fmt.Sprintf("%#v", m)
		i, ok := first[key]
		if !ok {
			i = len(distinct)
			first[key] = i
			distinct = append(distinct, m)
			counts = append(counts, 0)
		}
		counts[i]++
	}
	if len(distinct) == len(all) {
		t.Fatal("no mention repeats: the check would prove nothing")
	}
	wantPeople, wantIDs := speakers.Resolve(all)
	gotPeople, gotIDs := speakers.ResolveCounted(distinct, counts)
	if !reflect.DeepEqual(gotPeople, wantPeople) {
		t.Fatalf("speakers differ: %d counted, %d resolved one by one", len(gotPeople), len(wantPeople))
	}
	for i, m := range all {
		if got := gotIDs[first[fmt.Sprintf("%#v", m)]]; got != wantIDs[i] {
			t.Fatalf("mention %d (%q): speaker %d counted, %d one by one", i, m.Name, got, wantIDs[i])
		}
	}
}
