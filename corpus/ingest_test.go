package corpus_test

import (
	"errors"
	"fmt"
	"reflect"
	"sync/atomic"
	"testing"
	"time"

	"github.com/backchannel-news/backchannel/corpus"
	"github.com/backchannel-news/backchannel/corpus/gen"
	"github.com/backchannel-news/backchannel/model"
)

// mixedSources is a generated corpus with unreadable, empty and binary
// sources in between, so that order and problems can be checked.
func mixedSources(n int) []corpus.Source {
	var sources []corpus.Source
	for i, f := range gen.Corpus(21, n) {
		sources = append(sources, corpus.Source{Name: f.Name, Read: func() ([]byte, error) { return f.Data, nil }, Size: int64(len(f.Data))})
		switch i % 7 {
		case 2:
			sources = append(sources, corpus.Source{Name: fmt.Sprintf("gone-%d.txt", i), Read: func() ([]byte, error) { return nil, errors.New("device not ready") }})
		case 4:
			sources = append(sources, corpus.Source{Name: fmt.Sprintf("empty-%d.txt", i), Read: func() ([]byte, error) { return []byte(" \n"), nil }, Size: 2})
		case 5:
			sources = append(sources, corpus.Source{Name: fmt.Sprintf("blob-%d.md", i), Read: func() ([]byte, error) { return []byte("ab\x00cd"), nil }, Size: 5})
		}
	}
	return sources
}

func TestBuildIsTheSameOnAnyNumberOfWorkers(t *testing.T) {
	sources := mixedSources(60)
	one, err := corpus.BuildWith(sources, nil, corpus.Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(one.Docs) != 60 || len(one.Problems) != len(sources)-60 {
		t.Fatalf("%d docs and %d problems from %d sources, want 60 and %d", len(one.Docs), len(one.Problems), len(sources), len(sources)-60)
	}
	for _, w := range []int{2, 3, 8} {
		many, err := corpus.BuildWith(sources, nil, corpus.Options{Workers: w})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(one, many) {
			t.Errorf("corpus built with %d workers differs from the one built with 1", w)
		}
	}
	// Documents and problems keep source order.
	var wantDocs, wantProblems []string
	for _, s := range sources {
		if len(s.Name) > 4 && (s.Name[:5] == "gone-" || s.Name[:5] == "empty" || s.Name[:5] == "blob-") {
			wantProblems = append(wantProblems, s.Name)
		} else {
			wantDocs = append(wantDocs, s.Name)
		}
	}
	var gotDocs, gotProblems []string
	for _, d := range one.Docs {
		gotDocs = append(gotDocs, d.Path)
	}
	for _, p := range one.Problems {
		gotProblems = append(gotProblems, p.Path)
	}
	if !reflect.DeepEqual(gotDocs, wantDocs) || !reflect.DeepEqual(gotProblems, wantProblems) {
		t.Errorf("documents or problems out of source order")
	}
	reasons := map[string]bool{}
	for _, p := range one.Problems {
		reasons[p.Reason[:5]] = true
	}
	if len(reasons) != 3 {
		t.Errorf("problems %v do not give the three distinct reasons", one.Problems)
	}
}

// Build through BuildWith must equal the sequential Assemble path.
func TestBuildWithMatchesAssemble(t *testing.T) {
	var docs []model.Document
	var sources []corpus.Source
	for _, f := range gen.Corpus(4, 30) {
		d, err := corpus.ParseDocument(f.Name, f.Data)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
		sources = append(sources, corpus.Source{Name: f.Name, Read: func() ([]byte, error) { return f.Data, nil }})
	}
	want := corpus.Assemble(docs, nil)
	got, err := corpus.BuildWith(sources, nil, corpus.Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("BuildWith's corpus differs from Assemble over the same documents")
	}
}

func TestProgressReports(t *testing.T) {
	sources := mixedSources(40)
	var total int64
	for _, s := range sources {
		total += s.Size
	}
	var (
		reports []corpus.Progress
		busy    atomic.Bool
		overlap atomic.Bool
	)
	_, err := corpus.BuildWith(sources, nil, corpus.Options{Workers: 4, ProgressEvery: time.Nanosecond, Progress: func(p corpus.Progress) {
		if !busy.CompareAndSwap(false, true) {
			overlap.Store(true)
		}
		reports = append(reports, p)
		busy.Store(false)
	}})
	if err != nil {
		t.Fatal(err)
	}
	if overlap.Load() {
		t.Error("progress callback ran on two goroutines at once")
	}
	if len(reports) < 2 {
		t.Fatalf("%d progress reports, want a start and an end at least", len(reports))
	}
	first, last := reports[0], reports[len(reports)-1]
	if first.Files != 0 || first.Bytes != 0 || first.TotalFiles != len(sources) || first.TotalBytes != total {
		t.Errorf("first report %+v, want nothing done of %d files, %d bytes", first, len(sources), total)
	}
	if !last.Done() || last.Bytes != total {
		t.Errorf("last report %+v, want all %d files and %d bytes done", last, len(sources), total)
	}
	for i := 1; i < len(reports); i++ {
		if reports[i].Files < reports[i-1].Files || reports[i].Bytes < reports[i-1].Bytes {
			t.Errorf("progress went backwards: %+v then %+v", reports[i-1], reports[i])
		}
	}
	if s := last.String(); s != fmt.Sprintf("%d/%d files, %.1f/%.1f MB", len(sources), len(sources), float64(total)/1e6, float64(total)/1e6) {
		t.Errorf("String() = %q", s)
	}
}

// With two workers, two reads must be in flight at once: each read waits
// for the other, and only a parallel loader gets past it.
func TestSourcesAreReadInParallel(t *testing.T) {
	files := gen.Corpus(9, 2)
	var inFlight atomic.Int32
	both := make(chan struct{})
	var sources []corpus.Source
	for _, f := range files {
		sources = append(sources, corpus.Source{Name: f.Name, Read: func() ([]byte, error) {
			if inFlight.Add(1) == 2 {
				close(both)
			}
			select {
			case <-both:
				return f.Data, nil
			case <-time.After(10 * time.Second):
				return nil, errors.New("the other read never started")
			}
		}})
	}
	c, err := corpus.BuildWith(sources, nil, corpus.Options{Workers: 2})
	if err != nil || len(c.Problems) > 0 {
		t.Fatalf("err %v, problems %v", err, c.Problems)
	}
}

func TestLoadWithReportsSizesFromDisk(t *testing.T) {
	dir := t.TempDir()
	size, err := gen.WriteDir(dir, 3, 12)
	if err != nil {
		t.Fatal(err)
	}
	var last corpus.Progress
	c, err := corpus.LoadWith([]string{dir}, corpus.Options{Progress: func(p corpus.Progress) { last = p }})
	if err != nil || len(c.Docs) != 12 {
		t.Fatalf("loaded %d docs, err %v", len(c.Docs), err)
	}
	if last.TotalBytes != size || last.Bytes != size || last.Files != 12 {
		t.Errorf("final progress %+v, want 12 files and %d bytes", last, size)
	}
}
