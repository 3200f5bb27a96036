package ui

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/backchannel-news/backchannel/corpus"
	"github.com/backchannel-news/backchannel/model"
)

// midLoad is a load a little over a tenth done, with the figures the
// issue's example uses.
var midLoad = corpus.Progress{Files: 1200, TotalFiles: 10000, Bytes: 8_100_000, TotalBytes: 41_500_000}

// testLoading is a loading screen at w x h whose clock reads start+elapsed
// for whatever *elapsed holds when it asks. Its load is never run: tests
// feed it the messages the load would send.
func testLoading(t *testing.T, w, h int, elapsed *time.Duration) *Loading {
	t.Helper()
	l := NewLoading(func(func(corpus.Progress)) (*model.Corpus, error) {
		t.Error("the load ran inside Update")
		return nil, nil
	}, testRenderer(), Options{SearchDelay: time.Millisecond})
	start := time.Date(2026, 4, 12, 21, 40, 0, 0, time.UTC)
	l.start = start
	l.now = func() time.Time { return start.Add(*elapsed) }
	l.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return l
}

func TestLoadingShowsNothingBeforeRevealDelay(t *testing.T) {
	elapsed := 300 * time.Millisecond
	l := testLoading(t, 80, 24, &elapsed)
	_, cmd := l.Update(loadProgressMsg(midLoad))
	if cmd == nil {
		t.Fatal("a progress report must ask for the next one")
	}
	l.Update(loadRevealMsg{}) // a tick that came early changes nothing
	if v := l.View(); strings.TrimSpace(v) != "" {
		t.Fatalf("at 300ms the screen should be blank, got:\n%s", v)
	}

	elapsed = RevealDelay
	l.Update(loadProgressMsg(midLoad))
	if v := l.View(); !strings.Contains(v, "1,200/10,000 files · 8.1/41.5 MB") {
		t.Fatalf("at %v the progress should show, got:\n%s", elapsed, v)
	}
}

// The reveal tick shows the bar even when no progress report comes after
// the delay, as while the last file is indexed.
func TestLoadingRevealTickShowsBarWithoutNewProgress(t *testing.T) {
	elapsed := 100 * time.Millisecond
	l := testLoading(t, 80, 24, &elapsed)
	l.Update(loadProgressMsg(corpus.Progress{Files: 3, TotalFiles: 3, Bytes: 900, TotalBytes: 900}))
	if strings.TrimSpace(l.View()) != "" {
		t.Fatal("bar shown before the delay")
	}
	elapsed = 2 * time.Second
	l.Update(loadRevealMsg{})
	v := l.View()
	if !strings.Contains(v, "3/3 files") || !strings.Contains(v, "building the search index") {
		t.Fatalf("after every file is read the screen should say indexing is under way, got:\n%s", v)
	}
}

// Folders are walked before the first report: the screen must not claim
// that 0/0 files are read and indexing has begun.
func TestLoadingBeforeFirstReportSaysItIsLooking(t *testing.T) {
	elapsed := time.Second
	l := testLoading(t, 80, 24, &elapsed)
	l.Update(loadRevealMsg{})
	v := l.View()
	if !strings.Contains(v, "Looking for documents") || strings.Contains(v, "files") || strings.Contains(v, "index") {
		t.Fatalf("before any report the screen should only say it is looking:\n%s", v)
	}
}

func TestLoadingBarFollowsProgress(t *testing.T) {
	elapsed := time.Second
	l := testLoading(t, 80, 24, &elapsed)
	filled := func() int { return strings.Count(l.View(), "█") }
	var last int
	for i, p := range []corpus.Progress{
		{Files: 0, TotalFiles: 4, Bytes: 0, TotalBytes: 4000},
		{Files: 1, TotalFiles: 4, Bytes: 1000, TotalBytes: 4000},
		{Files: 3, TotalFiles: 4, Bytes: 3000, TotalBytes: 4000},
		{Files: 4, TotalFiles: 4, Bytes: 4000, TotalBytes: 4000},
	} {
		l.Update(loadProgressMsg(p))
		v, n := l.View(), filled()
		if want := ProgressText(p); !strings.Contains(v, want) {
			t.Errorf("step %d: view lacks %q:\n%s", i, want, v)
		}
		if i > 0 && n <= last {
			t.Errorf("step %d: bar did not grow (%d then %d cells)", i, last, n)
		}
		last = n
	}
	if empty := strings.Count(l.View(), "░"); empty != 0 {
		t.Errorf("a finished load still has %d empty cells", empty)
	}
}

func TestLoadingBarCountsFilesWhenSizesAreUnknown(t *testing.T) {
	// Standard input announces no size.
	p := corpus.Progress{Files: 1, TotalFiles: 2}
	if got := progressFraction(p); got != 0.5 {
		t.Errorf("fraction = %v, want 0.5", got)
	}
	if got := ProgressText(p); got != "1/2 files" {
		t.Errorf("text = %q, want no MB part", got)
	}
}

func TestLoadingView(t *testing.T) {
	elapsed := time.Second
	l := testLoading(t, 80, 24, &elapsed)
	l.Update(loadProgressMsg(midLoad))
	golden.RequireEqual(t, []byte(l.View()))
}

func TestLoadingHandsOverToReader(t *testing.T) {
	elapsed := 100 * time.Millisecond // handed over before the bar was due
	l := testLoading(t, 80, 24, &elapsed)
	c := testCorpus(t)
	_, cmd := l.Update(loadDoneMsg{corpus: c, shared: NewShared(c)})
	if cmd == nil {
		t.Error("the reader's Init commands were dropped")
	}
	want := newTestApp(t, 80, 24)
	if got := l.View(); got != want.View() {
		t.Fatalf("after loading, the screen is not the reader at 80x24:\n%s\nwant:\n%s", got, want.View())
	}
	// Keys now reach the reader: esc no longer cancels.
	for _, k := range keys("tab", "esc", "j") {
		l.Update(k)
		want.Update(k)
	}
	if l.Cancelled() {
		t.Error("esc in the reader cancelled a finished load")
	}
	if got := l.View(); got != want.View() {
		t.Fatalf("keys after loading did not reach the reader:\n%s\nwant:\n%s", got, want.View())
	}
	if got, err := l.Result(); got != c || err != nil {
		t.Errorf("Result() = %p, %v; want the loaded corpus", got, err)
	}
}

func TestLoadingFailureQuits(t *testing.T) {
	elapsed := time.Second
	l := testLoading(t, 80, 24, &elapsed)
	empty := &model.Corpus{Problems: []model.Problem{{Path: "a.txt", Reason: "not UTF-8"}}}
	_, cmd := l.Update(loadDoneMsg{corpus: empty, err: corpus.ErrNothingLoaded})
	if !isQuit(cmd) {
		t.Fatal("a load with nothing in it should end the program")
	}
	if c, err := l.Result(); c != empty || !errors.Is(err, corpus.ErrNothingLoaded) {
		t.Errorf("Result() = %v, %v; want the problems and the error", c, err)
	}
}

func TestLoadingCancel(t *testing.T) {
	for _, k := range []string{"esc", "ctrl+c", "q"} {
		t.Run(k, func(t *testing.T) {
			elapsed := time.Second
			l := testLoading(t, 80, 24, &elapsed)
			l.Update(loadProgressMsg(midLoad))
			_, cmd := l.Update(keys(k)[0])
			if !l.Cancelled() || !isQuit(cmd) {
				t.Fatalf("%s: cancelled=%v, quit=%v; want both", k, l.Cancelled(), isQuit(cmd))
			}
			select {
			case <-l.stop:
			default:
				t.Fatal("the load was not told to stop")
			}
		})
	}
}

// A cancelled load must not block on a channel no one reads any more.
func TestStartLoadStopsSendingWhenCancelled(t *testing.T) {
	out, stop := make(chan tea.Msg), make(chan struct{})
	reported := make(chan struct{})
	load := func(progress func(corpus.Progress)) (*model.Corpus, error) {
		progress(corpus.Progress{TotalFiles: 2})
		close(reported)
		progress(corpus.Progress{Files: 1, TotalFiles: 2})
		return testCorpus(t), nil
	}
	done := make(chan tea.Msg)
	go func() { done <- startLoad(load, out, stop)() }()
	if _, ok := (<-out).(loadProgressMsg); !ok {
		t.Fatal("first message is not progress")
	}
	<-reported
	close(stop) // nobody reads out from here on
	if msg := <-done; msg != nil {
		t.Errorf("startLoad returned %T, want nil", msg)
	}
}

func TestStartLoadSendsProgressThenCorpus(t *testing.T) {
	c := testCorpus(t)
	reports := []corpus.Progress{{TotalFiles: 3}, {Files: 2, TotalFiles: 3}, {Files: 3, TotalFiles: 3}}
	load := func(progress func(corpus.Progress)) (*model.Corpus, error) {
		for _, p := range reports {
			progress(p)
		}
		return c, nil
	}
	out := make(chan tea.Msg, 1)
	go startLoad(load, out, make(chan struct{}))()
	for i, want := range reports {
		if got := waitForLoad(out)(); got != loadProgressMsg(want) {
			t.Fatalf("message %d = %#v, want %#v", i, got, want)
		}
	}
	done, ok := waitForLoad(out)().(loadDoneMsg)
	if !ok || done.corpus != c || done.err != nil {
		t.Fatalf("last message = %#v, want the corpus", done)
	}
	if done.shared == nil || done.shared.Corpus != c {
		t.Error("the search index was not built off the event loop")
	}
}

// TestLoadingProgram runs the real commands: the load, its messages and
// the handover open the reader in the same program. (Whether a bar shows
// is timing, tested above with a fake clock, not here on a shared machine.)
func TestLoadingProgram(t *testing.T) {
	c := testCorpus(t)
	l := NewLoading(func(progress func(corpus.Progress)) (*model.Corpus, error) {
		progress(corpus.Progress{Files: 3, TotalFiles: 3})
		return c, nil
	}, testRenderer(), Options{SearchDelay: time.Millisecond})
	tm := teatest.NewTestModel(t, l, teatest.WithInitialTermSize(80, 24))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("Documents 1/3")) },
		teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	tm.Send(keys("q")[0])
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Loading)
	if final.Cancelled() || final.app == nil {
		t.Fatalf("q in the reader should quit the reader, not cancel a load (cancelled=%v)", final.Cancelled())
	}
}

func isQuit(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	_, ok := cmd().(tea.QuitMsg)
	return ok
}

func TestGroupThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 10000: "10,000", 1234567: "1,234,567"} {
		if got := groupThousands(n); got != want {
			t.Errorf("groupThousands(%d) = %q, want %q", n, got, want)
		}
	}
}
