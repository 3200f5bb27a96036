package corpus

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/backchannel-news/backchannel/model"
)

// Options tune loading.
type Options struct {
	// Progress, when set, is called as documents finish, at most every
	// ProgressEvery and once at the end, from one goroutine at a time.
	Progress func(Progress)
	// ProgressEvery spaces progress calls; 0 means 50 ms.
	ProgressEvery time.Duration
	// Workers is how many documents are read and parsed at once; 0 means
	// one per core.
	Workers int
}

// Progress is how far loading has got. Bytes count the sizes sources
// announced (Source.Size), so TotalBytes is 0 when none did.
type Progress struct {
	Files, TotalFiles int
	Bytes, TotalBytes int64
}

// Done reports whether every file has been handled.
func (p Progress) Done() bool { return p.Files == p.TotalFiles }

func (p Progress) String() string {
	if p.TotalBytes == 0 {
		return fmt.Sprintf("%d/%d files", p.Files, p.TotalFiles)
	}
	return fmt.Sprintf("%d/%d files, %.1f/%.1f MB", p.Files, p.TotalFiles, float64(p.Bytes)/1e6, float64(p.TotalBytes)/1e6)
}

// BuildWith is Build with options. Sources are read, checked, parsed and
// their quotes extracted on every core; the results are put back in source
// order, so the corpus is the same whatever the scheduling. Speakers are
// merged once at the end, as they span documents.
func BuildWith(sources []Source, problems []model.Problem, opts Options) (*model.Corpus, error) {
	// Workers write straight into docs and found, which are then closed
	// up in place: a second array of documents would cost a tenth of the
	// corpus at the peak.
	docs := make([]model.Document, len(sources))
	found := make([]docQuotes, len(sources))
	reasons := make([]string, len(sources)) // why each source was not loaded, "" when it was
	// Blocks of 64-80 KiB: large enough to sit in spans of their own, small
	// enough that the unused end of the last one does not count.
	st := &ingestState{
		text:     newTextBlocks(sources),
		lines:    newBlocks[int32](1<<14, -1),
		quotes:   newBlocks[foundQuote](1<<12, -1),
		mentions: newMentionTable(),
	}
	var total int64
	sized := true
	for _, s := range sources {
		total += s.Size
		sized = sized && (s.Size > 0 || s.file != "")
	}
	bounded := false
	if sized {
		// Every size is known (a file's from Stat): the heap can be
		// bounded by them.
		var release func()
		release, bounded = boundHeap(total)
		defer release()
	}
	// Workers count what they finish and report it themselves, at most
	// every ProgressEvery: handing each document to a goroutine that
	// reports would wake it once a document, for nothing when no one
	// listens.
	prog := Progress{TotalFiles: len(sources), TotalBytes: total}
	every := opts.ProgressEvery
	if every <= 0 {
		every = 50 * time.Millisecond
	}
	var (
		files, bytes atomic.Int64
		reporting    sync.Mutex // held while Progress runs; guards last
		last         = time.Now()
	)
	report := func() {
		// A worker that finds the callback busy goes on: a report is due
		// at most every ProgressEvery, not at every document.
		if !reporting.TryLock() {
			return
		}
		defer reporting.Unlock()
		p := prog
		p.Files, p.Bytes = int(files.Load()), bytes.Load()
		// The report that all is done is made once, after the workers.
		if !p.Done() && time.Since(last) >= every {
			opts.Progress(p)
			last = time.Now()
		}
	}
	if opts.Progress != nil {
		opts.Progress(prog)
	}
	forEach(len(sources), opts.Workers, func(i int) {
		docs[i], found[i], reasons[i] = load(sources[i], st)
		if opts.Progress != nil {
			bytes.Add(sources[i].Size)
			files.Add(1)
			report()
		}
	})
	if opts.Progress != nil && len(sources) > 0 { // with none, the first report was the last
		reporting.Lock()
		prog.Files, prog.Bytes = len(sources), total
		opts.Progress(prog)
		reporting.Unlock()
	}

	n := 0
	for i, reason := range reasons {
		if reason != "" {
			problems = append(problems, model.Problem{Path: sources[i].Name, Reason: reason})
			continue
		}
		docs[n], found[n] = docs[i], found[i]
		n++
	}
	clear(docs[n:])
	clear(found[n:])
	c := assemble(docs[:n], found[:n], st.mentions, problems, bounded)
	if len(c.Docs) == 0 {
		return c, ErrNothingLoaded
	}
	return c, nil
}

// load reads, checks and parses src and extracts its quotes, or says why
// it could not.
func load(src Source, st *ingestState) (model.Document, docQuotes, string) {
	var data []byte
	var err error
	if src.file != "" {
		data, err = readFileSized(src.file, src.Size, st.text)
	} else {
		data, err = src.Read()
	}
	if err != nil {
		return model.Document{}, docQuotes{}, readReason(err)
	}
	doc, err := parseDocument(src.Name, data, st.lines)
	if err != nil {
		if src.file != "" {
			st.text.putBack(data) // doc, which may share data, is dropped
		}
		st.lines.putBack(doc.LineStarts)
		return model.Document{}, docQuotes{}, err.Error()
	}
	return doc, extractQuotes(&doc, st), ""
}

// forEach calls f(i) for every i in [0, n) on workers goroutines (0: one
// per core). Indexes are handed out one at a time, so one huge file does
// not hold up a whole share of the others.
func forEach(n, workers int, f func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(i)
			}
		}()
	}
	wg.Wait()
}
