package serve

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/log"
	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"github.com/backchannel-news/backchannel/model"
)

// waitLimit bounds every wait in these tests; it is a hang guard, not a
// speed assertion.
const waitLimit = 10 * time.Second

// testCorpus is a small invented corpus; the body sentences let tests check
// that document contents never reach the log.
func testCorpus(docs int) *model.Corpus {
	titles := []string{"Harbour board minutes", "Ferry strike call", "Mayor's press briefing", "Dockside interview", "Council leak memo"}
	var ds []model.Document
	for i := 0; i < docs; i++ {
		title := titles[i%len(titles)]
		if i >= len(titles) {
			title = fmt.Sprintf("%s %d", title, i/len(titles)+1)
		}
		text := fmt.Sprintf("The pier inspector said the cranes at berth %d were never certified.\n", i)
		ds = append(ds, model.Document{Path: fmt.Sprintf("doc%d.txt", i), Title: title, Text: text, LineStarts: model.LineStartsOf(text)})
	}
	return model.New(ds, nil, nil, nil)
}

// syncBuffer is a bytes.Buffer the server's logger and a test can share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

type harness struct {
	t       testing.TB
	dir     string
	corpus  *model.Corpus
	srv     *Server
	addr    string
	alice   gossh.Signer // in the authorized keys file, comment alice@newsroom
	logs    *syncBuffer
	served  chan error
	stopped bool
}

func newKey(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func authorizedLine(s gossh.Signer, comment string) string {
	return strings.TrimSpace(string(gossh.MarshalAuthorizedKey(s.PublicKey()))) + " " + comment + "\n"
}

// startServer serves c on 127.0.0.1:0 with alice's key authorized; edit
// adjusts the options first. The server is shut down at cleanup.
func startServer(t testing.TB, c *model.Corpus, edit func(*Options)) *harness {
	t.Helper()
	return startServerPrepared(t, c, edit, nil)
}

// startServerPrepared is startServer with prepare run on the server before
// it serves, for the settings Options do not hold.
func startServerPrepared(t testing.TB, c *model.Corpus, edit func(*Options), prepare func(*Server)) *harness {
	t.Helper()
	h := &harness{t: t, dir: t.TempDir(), corpus: c, alice: newKey(t), logs: &syncBuffer{}}
	ak := filepath.Join(h.dir, "authorized_keys")
	if err := os.WriteFile(ak, []byte(authorizedLine(h.alice, "alice@newsroom")), 0o600); err != nil {
		t.Fatal(err)
	}
	o := Options{
		Listen:             "127.0.0.1:0",
		HostKeyPath:        filepath.Join(h.dir, "state", "host_ed25519"),
		AuthorizedKeysPath: ak,
		Logger:             log.NewWithOptions(h.logs, log.Options{Level: log.DebugLevel}),
	}
	if edit != nil {
		edit(&o)
	}
	srv, err := New(c, o)
	if err != nil {
		t.Fatal(err)
	}
	if prepare != nil {
		prepare(srv)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h.srv, h.addr, h.served = srv, l.Addr().String(), make(chan error, 1)
	go func() { h.served <- srv.Serve(l) }()
	t.Cleanup(h.stop)
	return h
}

// stop shuts the server down and checks that Serve returned nil.
func (h *harness) stop() {
	if h.stopped {
		return
	}
	h.stopped = true
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	if err := h.srv.Shutdown(ctx); err != nil {
		h.t.Errorf("Shutdown: %v", err)
	}
	select {
	case err := <-h.served:
		if err != nil {
			h.t.Errorf("Serve returned %v after Shutdown", err)
		}
	case <-time.After(waitLimit):
		h.t.Errorf("Serve did not return after Shutdown")
	}
}

func (h *harness) config(user string, auth ...gossh.AuthMethod) *gossh.ClientConfig {
	return &gossh.ClientConfig{
		User:            user,
		Auth:            auth,
		HostKeyCallback: gossh.FixedHostKey(h.srv.HostKey()),
		Timeout:         waitLimit,
	}
}

func (h *harness) dialAs(user string, key gossh.Signer) (*gossh.Client, error) {
	return gossh.Dial("tcp", h.addr, h.config(user, gossh.PublicKeys(key)))
}

// dial connects as alice, failing the test if that fails.
func (h *harness) dial() *gossh.Client {
	h.t.Helper()
	c, err := h.dialAs("alice", h.alice)
	if err != nil {
		h.t.Fatalf("dial: %v", err)
	}
	h.t.Cleanup(func() { c.Close() })
	return c
}

// terminal is the client side of a session with a PTY: it records what the
// server draws and answers the terminal queries a real terminal answers.
type terminal struct {
	t       testing.TB
	sess    *gossh.Session
	stdin   io.WriteCloser
	mu      sync.Mutex
	out     bytes.Buffer // raw output
	stderr  syncBuffer
	changed chan struct{}
	done    chan struct{} // closed when stdout ends
	exited  chan struct{} // closed when the session ended; then exitErr is set
	exitErr error
}

// openTerminal opens a session with a PTY (TERM=xterm-256color, 80x24),
// the env variables in env, and a shell request: what `ssh -t` does.
func openTerminal(t testing.TB, c *gossh.Client, env ...string) *terminal {
	t.Helper()
	tm, err := startTerminal(c, t, env...)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

func startTerminal(c *gossh.Client, t testing.TB, env ...string) (*terminal, error) {
	sess, err := c.NewSession()
	if err != nil {
		return nil, err
	}
	tm := &terminal{t: t, sess: sess, changed: make(chan struct{}, 1), done: make(chan struct{}), exited: make(chan struct{})}
	for i := 0; i+1 < len(env); i += 2 {
		if err := sess.Setenv(env[i], env[i+1]); err != nil {
			return nil, fmt.Errorf("setenv %s: %w", env[i], err)
		}
	}
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		return nil, fmt.Errorf("pty-req: %w", err)
	}
	if tm.stdin, err = sess.StdinPipe(); err != nil {
		return nil, err
	}
	stdout, err := sess.StdoutPipe()
	if err != nil {
		return nil, err
	}
	sess.Stderr = &tm.stderr
	if err := sess.Shell(); err != nil {
		return nil, fmt.Errorf("shell: %w", err)
	}
	go tm.read(stdout)
	go func() {
		tm.exitErr = sess.Wait()
		close(tm.exited)
	}()
	return tm, nil
}

func (tm *terminal) read(r io.Reader) {
	defer close(tm.done)
	buf := make([]byte, 4096)
	for {
		n, err := r.Read(buf)
		if n > 0 {
			tm.mu.Lock()
			tm.out.Write(buf[:n])
			tm.mu.Unlock()
			// A terminal answers the primary device attributes query;
			// the server asks it with the background colour when the
			// session starts and waits for the answer.
			if bytes.Contains(buf[:n], []byte(ansi.RequestPrimaryDeviceAttributes)) {
				_, _ = io.WriteString(tm.stdin, "\x1b[?62;22c")
			}
			select {
			case tm.changed <- struct{}{}:
			default:
			}
		}
		if err != nil {
			return
		}
	}
}

// mark is a position in the output, to wait for text drawn after it.
func (tm *terminal) mark() int {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.out.Len()
}

// screenSince is the output after mark with escape sequences removed.
func (tm *terminal) screenSince(mark int) string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return ansi.Strip(string(tm.out.Bytes()[mark:]))
}

func (tm *terminal) rawSince(mark int) string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return string(tm.out.Bytes()[mark:])
}

// waitFor waits until every text in want was drawn after mark.
func (tm *terminal) waitFor(mark int, want ...string) error {
	deadline := time.After(waitLimit)
	for {
		screen := tm.screenSince(mark)
		missing := ""
		for _, w := range want {
			if !strings.Contains(screen, w) {
				missing = w
				break
			}
		}
		if missing == "" {
			return nil
		}
		select {
		case <-tm.changed:
		case <-tm.done:
			if tm.screenSince(mark) == screen {
				return fmt.Errorf("session ended before %q was drawn; screen:\n%s\nstderr: %s", missing, screen, tm.stderr.String())
			}
		case <-deadline:
			return fmt.Errorf("%q not drawn; screen:\n%s", missing, screen)
		}
	}
}

func (tm *terminal) mustWaitFor(mark int, want ...string) {
	tm.t.Helper()
	if err := tm.waitFor(mark, want...); err != nil {
		tm.t.Fatal(err)
	}
}

func (tm *terminal) send(keys string) error {
	_, err := io.WriteString(tm.stdin, keys)
	return err
}

// wait waits for the session to end and returns its exit status.
func (tm *terminal) wait() (int, error) {
	select {
	case <-tm.exited:
		var exit *gossh.ExitError
		if errors.As(tm.exitErr, &exit) {
			return exit.ExitStatus(), nil
		}
		return 0, tm.exitErr
	case <-time.After(waitLimit):
		return -1, errors.New("session did not end")
	}
}

// cursorModel is a minimal reader for tests: the document titles with a
// cursor that j moves, the session's author, and hooks to panic. Each
// session's cursor is its own, so a shared-state bug shows as a cursor in
// the wrong place.
type cursorModel struct {
	c      *model.Corpus
	r      *lipgloss.Renderer
	author string
	sel    int
	w, h   int
}

func newCursorModel(c *model.Corpus, r *lipgloss.Renderer, id Identity) tea.Model {
	if id.User == "factory-panic" {
		panic("test: model factory panicked")
	}
	return &cursorModel{c: c, r: r, author: id.Author}
}

func (m *cursorModel) Init() tea.Cmd { return nil }

func (m *cursorModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if size, ok := msg.(tea.WindowSizeMsg); ok {
		m.w, m.h = size.Width, size.Height
	}
	if k, ok := msg.(tea.KeyMsg); ok {
		switch k.String() {
		case "j":
			m.sel = (m.sel + 1) % len(m.c.Docs)
		case "!":
			panic("test: update panicked")
		case "@":
			return m, tea.Batch(nil, func() tea.Msg { panic("test: command panicked") })
		case "q":
			return m, tea.Quit
		}
	}
	return m, nil
}

func (m *cursorModel) View() string {
	var b strings.Builder
	fmt.Fprintf(&b, "author=%s size=%dx%d\n", m.author, m.w, m.h)
	for i, d := range m.c.Docs {
		cursor := "  "
		if i == m.sel {
			cursor = "> "
		}
		b.WriteString(cursor + d.Title + "\n")
	}
	// One styled word, to see which colour profile the session got.
	b.WriteString(m.r.NewStyle().Foreground(lipgloss.Color("#ff0000")).Render("alert"))
	return b.String()
}
