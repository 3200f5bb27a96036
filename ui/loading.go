package ui

import (
	"fmt"
	"strconv"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/progress"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/backchannel-news/backchannel/corpus"
	"github.com/backchannel-news/backchannel/model"
)

// RevealDelay is how long a load runs before its progress is shown: a
// small corpus opens without a bar flashing by.
const RevealDelay = 500 * time.Millisecond

// LoadFunc loads a corpus, calling progress as files are read (it is
// corpus.Options.Progress).
type LoadFunc func(progress func(corpus.Progress)) (*model.Corpus, error)

// loadProgressMsg is one progress report of the running load.
type loadProgressMsg corpus.Progress

// loadDoneMsg ends the load. shared is built off the event loop too, as
// indexing a large corpus takes as long as reading it.
type loadDoneMsg struct {
	corpus *model.Corpus
	shared *Shared
	err    error
}

// loadRevealMsg comes RevealDelay after the start, so the bar appears on
// time even when no progress report arrives then (one huge file, or the
// indexing after the last file).
type loadRevealMsg struct{}

// Loading is the root model while a corpus loads: blank for RevealDelay,
// then a progress bar. Once the corpus is loaded it makes the reader (New)
// and passes every message to it, so one program runs from the first
// frame to the last and the screen never flickers between the two.
type Loading struct {
	r    *lipgloss.Renderer
	st   *Styles
	keys KeyMap
	opts Options

	load    LoadFunc
	updates chan tea.Msg
	stop    chan struct{} // closed on cancel, so the load stops sending

	now   func() time.Time // the clock, replaced in tests
	start time.Time
	shown bool

	bar      progress.Model
	help     help.Model
	prog     corpus.Progress
	reported bool // a progress report came: the folders have been walked
	size     tea.WindowSizeMsg

	cancelled bool
	corpus    *model.Corpus
	err       error
	app       *App
}

// NewLoading prepares the load; it starts with the program (Init). r and
// opts are those of New, which Loading calls once the corpus is in.
func NewLoading(load LoadFunc, r *lipgloss.Renderer, opts Options) *Loading {
	st := NewStyles(r)
	l := &Loading{
		r: r, st: st, keys: DefaultKeyMap(), opts: opts,
		load:    load,
		updates: make(chan tea.Msg, 1),
		stop:    make(chan struct{}),
		now:     time.Now,
		bar: progress.New(
			progress.WithSolidFill(st.ProgressFull),
			progress.WithColorProfile(r.ColorProfile()),
		),
		help: help.New(),
	}
	l.bar.EmptyColor = st.ProgressEmpty
	l.bar.PercentageStyle = st.Muted
	l.help.Styles = st.Help
	l.start = l.now()
	return l
}

func (l *Loading) Init() tea.Cmd {
	return tea.Batch(
		startLoad(l.load, l.updates, l.stop),
		waitForLoad(l.updates),
		tea.Tick(RevealDelay, func(time.Time) tea.Msg { return loadRevealMsg{} }),
	)
}

// startLoad runs the load, sending each progress report and then the
// result on out (examples/realtime). Once stop is closed nothing is sent,
// so a cancelled load cannot block on a program that has gone.
func startLoad(load LoadFunc, out chan<- tea.Msg, stop <-chan struct{}) tea.Cmd {
	return func() tea.Msg {
		send := func(m tea.Msg) {
			select {
			case out <- m:
			case <-stop:
			}
		}
		c, err := load(func(p corpus.Progress) { send(loadProgressMsg(p)) })
		var sh *Shared
		select {
		case <-stop:
			return nil
		default:
			if err == nil {
				sh = NewShared(c)
			}
		}
		send(loadDoneMsg{corpus: c, shared: sh, err: err})
		return nil
	}
}

// waitForLoad delivers the load's next message.
func waitForLoad(in <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg { return <-in }
}

func (l *Loading) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if l.app != nil {
		m, cmd := l.app.Update(msg)
		l.app = m.(*App)
		return l, cmd
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		l.size = msg
		l.bar.Width = min(max(msg.Width-4, 10), 60)
		l.help.Width = msg.Width
	case tea.KeyMsg:
		if key.Matches(msg, l.keys.CancelLoad) {
			l.cancelled = true
			close(l.stop)
			return l, tea.Quit
		}
	case loadProgressMsg:
		l.prog, l.reported = corpus.Progress(msg), true
		l.reveal()
		return l, waitForLoad(l.updates)
	case loadRevealMsg:
		l.reveal()
	case loadDoneMsg:
		return l, l.finish(msg)
	}
	return l, nil
}

func (l *Loading) reveal() {
	if l.now().Sub(l.start) >= RevealDelay {
		l.shown = true
	}
}

// finish hands over to the reader, sized as the loading screen was; a load
// that found nothing ends the program for the caller to report.
func (l *Loading) finish(msg loadDoneMsg) tea.Cmd {
	l.corpus, l.err = msg.corpus, msg.err
	if msg.err != nil {
		return tea.Quit
	}
	opts := l.opts
	opts.Shared = msg.shared
	l.app = New(msg.corpus, l.r, opts)
	var sized tea.Cmd
	if l.size.Width > 0 {
		_, sized = l.app.Update(l.size)
	}
	return tea.Batch(l.app.Init(), sized)
}

// Result is the loaded corpus (with its problems) and the load's error,
// once the load has finished.
func (l *Loading) Result() (*model.Corpus, error) { return l.corpus, l.err }

// Cancelled reports whether the user stopped the load.
func (l *Loading) Cancelled() bool { return l.cancelled }

func (l *Loading) View() string {
	if l.app != nil {
		return l.app.View()
	}
	if !l.shown || l.cancelled || l.err != nil {
		return ""
	}
	status, counts := "Looking for documents in the folders", ""
	switch {
	case l.reported && l.prog.Done():
		status, counts = "Finding speakers and building the search index", ProgressText(l.prog)
	case l.reported:
		status, counts = "Reading the documents", ProgressText(l.prog)
	}
	block := lipgloss.JoinVertical(lipgloss.Left,
		l.st.TitleFocused.Render(status),
		"",
		l.bar.ViewAs(progressFraction(l.prog)),
		l.st.Muted.Render(counts),
		"",
		l.help.ShortHelpView([]key.Binding{l.keys.CancelLoad}),
	)
	return l.st.Centered.Width(l.size.Width).Height(l.size.Height).Render(block)
}

// progressFraction is how much of the load is done: by bytes when the
// sources announced sizes, as they predict the time better than a count.
func progressFraction(p corpus.Progress) float64 {
	switch {
	case p.TotalBytes > 0:
		return float64(p.Bytes) / float64(p.TotalBytes)
	case p.TotalFiles > 0:
		return float64(p.Files) / float64(p.TotalFiles)
	}
	return 0
}

// ProgressText says how far a load has got, as "1,200/10,000 files ·
// 8.1/41.5 MB".
func ProgressText(p corpus.Progress) string {
	s := groupThousands(p.Files) + "/" + groupThousands(p.TotalFiles) + " files"
	if p.TotalBytes > 0 {
		s += fmt.Sprintf(" · %.1f/%.1f MB", float64(p.Bytes)/1e6, float64(p.TotalBytes)/1e6)
	}
	return s
}

// groupThousands writes n (not negative) with commas between groups of three digits.
func groupThousands(n int) string {
	s := strconv.Itoa(n)
	out := make([]byte, 0, len(s)+len(s)/3+1)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}
