package serve

import (
	"fmt"
	"runtime/debug"
	"sync"
	"sync/atomic"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish/bubbletea"

	"github.com/backchannel-news/backchannel/ui"
)

// newProgram makes the reader of one session: its own renderer, so the
// colour profile follows this client's TERM and NO_COLOR, and its own model
// over the shared corpus.
func (s *Server) newProgram(sess ssh.Session) *tea.Program {
	id := s.identify(sess.Context())
	r := bubbletea.MakeRenderer(sess)
	g := &guard{id: id, logPanic: s.logPanic}
	g.inner = s.newModel(r, id)
	if s.decorate != nil {
		g.inner = s.decorate(g.inner)
	}
	opts := append(bubbletea.MakeOptions(sess),
		tea.WithAltScreen(),
		tea.WithMouseCellMotion(), // the reader scrolls with the wheel, as locally
		// The server, not each reader, decides what SIGINT and SIGTERM
		// do. (No tea.WithContext: wish quits the program when the
		// connection goes, and a cancelled context would log an error.)
		tea.WithoutSignalHandler(),
	)
	p := tea.NewProgram(g, opts...)
	g.quit = p.Quit
	if !s.sessions.attach(sess, p, g) {
		return nil // shutting down: admitSession tells the user
	}
	return p
}

func (s *Server) newModel(r *lipgloss.Renderer, id Identity) tea.Model {
	if s.opts.NewModel != nil {
		return s.opts.NewModel(s.corpus, r, id)
	}
	return ui.New(s.corpus, r, ui.Options{
		Shared:      s.shared,
		Claims:      s.claims,
		Annotations: s.opts.Annotations,
		Author:      id.Author,
	})
}

// guard wraps a session's model so that a panic in its Init, Update, View
// or commands is logged with the session's owner and ends that session
// with a message. Bubble Tea would recover it too, but print the stack to
// the server's stdout and close the session without a word. (Commands
// inside tea.Sequence are out of reach, the message carrying them being
// unexported; Bubble Tea still recovers those.)
type guard struct {
	inner    tea.Model
	id       Identity
	logPanic func(id Identity, r any, stack []byte)
	quit     func()
	failed   atomic.Bool
}

// cmdPanicMsg carries a panic from a command's goroutine to Update.
type cmdPanicMsg struct {
	r     any
	stack []byte
}

func (g *guard) Init() (cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			g.fail(r, debug.Stack())
			cmd = tea.Quit
		}
	}()
	return catchPanics(g.inner.Init())
}

func (g *guard) Update(msg tea.Msg) (m tea.Model, cmd tea.Cmd) {
	if g.failed.Load() {
		return g, nil
	}
	if p, ok := msg.(cmdPanicMsg); ok {
		g.fail(p.r, p.stack)
		return g, tea.Quit
	}
	defer func() {
		if r := recover(); r != nil {
			g.fail(r, debug.Stack())
			m, cmd = g, tea.Quit
		}
	}()
	g.inner, cmd = g.inner.Update(msg)
	return g, catchPanics(cmd)
}

func (g *guard) View() (v string) {
	if g.failed.Load() {
		return internalErrorMessage
	}
	defer func() {
		if r := recover(); r != nil {
			g.fail(r, debug.Stack())
			v = internalErrorMessage
			// View cannot return a command, and Quit waits for the event
			// loop this View runs on.
			go g.quit()
		}
	}()
	return g.inner.View()
}

func (g *guard) fail(r any, stack []byte) {
	g.failed.Store(true)
	g.logPanic(g.id, fmt.Sprint(r), stack)
}

// catchPanics returns cmd turning a panic into a cmdPanicMsg, and the
// commands of a tea.Batch likewise.
func catchPanics(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = cmdPanicMsg{r: r, stack: debug.Stack()}
			}
		}()
		msg = cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			caught := make(tea.BatchMsg, len(batch))
			for i, c := range batch {
				caught[i] = catchPanics(c)
			}
			return caught
		}
		return msg
	}
}

// sessions tracks the running sessions: the slots of --max-sessions, and
// each reader's program so that Shutdown can quit them. Entries are removed
// when their session ends, however it ends.
type sessions struct {
	max int

	mu           sync.Mutex
	shuttingDown bool
	running      map[ssh.Session]*entry
}

type entry struct {
	program *tea.Program
	guard   *guard
}

func newSessions(max int) *sessions {
	return &sessions{max: max, running: make(map[ssh.Session]*entry)}
}

// enter admits sess, or returns why not.
func (ss *sessions) enter(sess ssh.Session) (*entry, string) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if ss.shuttingDown {
		return nil, "the server is shutting down."
	}
	if ss.max > 0 && len(ss.running) >= ss.max {
		return nil, fmt.Sprintf("all %d sessions are in use; try again later.", ss.max)
	}
	e := &entry{}
	ss.running[sess] = e
	return e, ""
}

// attach records the program of an admitted session. It is false once
// shutdown began, when the program must not start.
func (ss *sessions) attach(sess ssh.Session, p *tea.Program, g *guard) bool {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	e, ok := ss.running[sess]
	if !ok || ss.shuttingDown {
		return false
	}
	e.program, e.guard = p, g
	return true
}

func (ss *sessions) leave(sess ssh.Session) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	delete(ss.running, sess)
}

func (ss *sessions) count() int {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	return len(ss.running)
}

func (ss *sessions) closing() bool {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	return ss.shuttingDown
}

// quitAll refuses new sessions and asks every running reader to quit.
func (ss *sessions) quitAll() {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	ss.shuttingDown = true
	for _, e := range ss.running {
		if e.program != nil {
			// Quit waits for the program's event loop, which
			// attach guarantees is about to run if not running;
			// after Run it returns at once.
			go e.program.Quit()
		}
	}
}

func (e *entry) failed() bool { return e.guard != nil && e.guard.failed.Load() }
