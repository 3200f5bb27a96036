package serve

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/log"
	gossh "golang.org/x/crypto/ssh"

	"github.com/backchannel-news/backchannel/corpus/sample"
	"github.com/backchannel-news/backchannel/model/curation"
)

func TestAuthorizedKeyGetsTheReader(t *testing.T) {
	c := testCorpus(3)
	h := startServer(t, c, nil) // the real reader, ui.New
	tm := openTerminal(t, h.dial())
	var titles []string
	for _, d := range c.Docs {
		titles = append(titles, d.Title)
	}
	tm.mustWaitFor(0, titles...)
	if err := tm.send("q"); err != nil {
		t.Fatal(err)
	}
	if status, err := tm.wait(); err != nil || status != 0 {
		t.Fatalf("quitting the reader: status %d, %v", status, err)
	}

	fp := gossh.FingerprintSHA256(h.alice.PublicKey())
	logs := h.logs.String()
	for _, want := range []string{"connect", "disconnect", "user=alice", fp, "127.0.0.1"} {
		if !strings.Contains(logs, want) {
			t.Errorf("log lacks %q:\n%s", want, logs)
		}
	}
	if strings.Contains(logs, "cranes") {
		t.Errorf("document text reached the log:\n%s", logs)
	}
}

func TestKeysOutsideTheFileAreRefused(t *testing.T) {
	h := startServer(t, testCorpus(1), nil)
	stranger := newKey(t)
	if c, err := h.dialAs("alice", stranger); err == nil {
		c.Close()
		t.Fatal("a key not in authorized_keys got in")
	}
	if !strings.Contains(h.logs.String(), gossh.FingerprintSHA256(stranger.PublicKey())) {
		t.Errorf("refused key not logged:\n%s", h.logs.String())
	}

	answered := false
	for name, auth := range map[string]gossh.AuthMethod{
		"password": gossh.Password("hunter2"),
		"keyboard-interactive": gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) {
			answered = true
			return []string{"hunter2"}, nil
		}),
	} {
		c, err := gossh.Dial("tcp", h.addr, h.config("alice", auth))
		if err == nil {
			c.Close()
			t.Errorf("%s authentication got in", name)
			continue
		}
		if !strings.Contains(err.Error(), "unable to authenticate") {
			t.Errorf("%s: want an authentication failure, got %v", name, err)
		}
	}
	if answered {
		t.Error("the server asked keyboard-interactive questions")
	}
}

func TestAuthorizedKeysAreReRead(t *testing.T) {
	h := startServer(t, testCorpus(1), nil)
	bob := newKey(t)
	if c, err := h.dialAs("bob", bob); err == nil {
		c.Close()
		t.Fatal("bob got in before being added")
	}
	ak := h.srv.opts.AuthorizedKeysPath
	rewrite := func(content string, at time.Time) {
		t.Helper()
		if err := os.WriteFile(ak, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		// Some file systems keep mtimes in seconds; the size or the
		// time must differ for the change to be seen, so set the time.
		if err := os.Chtimes(ak, at, at); err != nil {
			t.Fatal(err)
		}
	}
	now := time.Now()
	rewrite(authorizedLine(h.alice, "alice@newsroom")+authorizedLine(bob, "bob@desk"), now.Add(time.Second))
	c, err := h.dialAs("bob", bob)
	if err != nil {
		t.Fatalf("bob refused after being added: %v", err)
	}
	c.Close()

	rewrite(authorizedLine(bob, "bob@desk"), now.Add(2*time.Second))
	if c, err := h.dialAs("alice", h.alice); err == nil {
		c.Close()
		t.Fatal("alice still admitted after her key was removed")
	}

	if err := os.Chmod(ak, 0o622); err != nil {
		t.Fatal(err)
	}
	if c, err := h.dialAs("bob", bob); err == nil {
		c.Close()
		t.Fatal("an authorized keys file others can write still admits keys")
	}
	if err := os.Chmod(ak, 0o600); err != nil {
		t.Fatal(err)
	}
	if c, err := h.dialAs("bob", bob); err != nil {
		t.Fatalf("bob refused once the file is safe again: %v", err)
	} else {
		c.Close()
	}

	if err := os.Remove(ak); err != nil {
		t.Fatal(err)
	}
	if c, err := h.dialAs("bob", bob); err == nil {
		c.Close()
		t.Fatal("a deleted authorized keys file still admits keys")
	}
	if !strings.Contains(h.logs.String(), "admitting no one") {
		t.Errorf("missing authorized keys file not logged:\n%s", h.logs.String())
	}
}

func TestSessionAuthorAndWindowSize(t *testing.T) {
	h := startServer(t, testCorpus(2), func(o *Options) { o.NewModel = newCursorModel })
	tm := openTerminal(t, h.dial())
	tm.mustWaitFor(0, "author=alice@newsroom size=80x24")
	m := tm.mark()
	if err := tm.sess.WindowChange(40, 120); err != nil {
		t.Fatal(err)
	}
	tm.mustWaitFor(m, "size=120x40")
}

// readUntil reads r until want appears or r ends.
func readUntil(r io.Reader, want string) (string, error) {
	got := make(chan string, 1)
	go func() {
		var b strings.Builder
		buf := make([]byte, 1024)
		for !strings.Contains(b.String(), want) {
			n, err := r.Read(buf)
			b.Write(buf[:n])
			if err != nil {
				break
			}
		}
		got <- b.String()
	}()
	select {
	case s := <-got:
		if !strings.Contains(s, want) {
			return s, fmt.Errorf("%q not in %q", want, s)
		}
		return s, nil
	case <-time.After(waitLimit):
		return "", fmt.Errorf("%q never came", want)
	}
}

func TestCommandsAndSubsystemsAreRefused(t *testing.T) {
	h := startServer(t, testCorpus(1), nil)
	c := h.dial()
	for _, tc := range []struct {
		name    string
		pty     bool
		request func(*gossh.Session) error
		message string
	}{
		{"exec", false, func(s *gossh.Session) error { return s.Start("cat doc0.txt") }, "running commands is refused"},
		{"exec with a pty", true, func(s *gossh.Session) error { return s.Start("sh") }, "running commands is refused"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := c.NewSession()
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if tc.pty {
				if err := s.RequestPty("xterm", 24, 80, nil); err != nil {
					t.Fatal(err)
				}
			}
			var stdout, stderr syncBuffer
			s.Stdout, s.Stderr = &stdout, &stderr
			if err := tc.request(s); err != nil {
				t.Fatal(err)
			}
			var exit *gossh.ExitError
			if err := s.Wait(); !errors.As(err, &exit) || exit.ExitStatus() != 1 {
				t.Errorf("want exit status 1, got %v", err)
			}
			if !strings.Contains(stderr.String(), tc.message) {
				t.Errorf("stderr %q lacks %q", stderr.String(), tc.message)
			}
			if stdout.String() != "" {
				t.Errorf("a refused request wrote %q", stdout.String())
			}
		})
	}

	// x/crypto's client has no Wait for a subsystem session; read stderr
	// to its end, which comes when the server closes the channel.
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	stderr, err := s.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RequestSubsystem("sftp"); err != nil {
		t.Fatal(err)
	}
	if _, err := readUntil(stderr, "the sftp subsystem (file transfer) is refused"); err != nil {
		t.Error(err)
	}
}

func TestForwardingIsRefused(t *testing.T) {
	h := startServer(t, testCorpus(1), nil)
	c := h.dial()

	// Something a forward could reach, to be sure the refusal is policy.
	target, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer target.Close()
	_, err = c.Dial("tcp", target.Addr().String())
	var open *gossh.OpenChannelError
	if !errors.As(err, &open) || open.Reason != gossh.Prohibited || !strings.Contains(open.Message, "port forwarding is refused") {
		t.Errorf("local forward: want a prohibited channel saying why, got %v", err)
	}
	if l, err := c.Listen("tcp", "127.0.0.1:0"); err == nil {
		l.Close()
		t.Error("remote forward accepted")
	}

	// Agent and X11 requests on a session, which then still serves the
	// reader.
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	stderr, err := s.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	for _, req := range []string{"auth-agent-req@openssh.com", "x11-req"} {
		ok, err := s.SendRequest(req, true, nil)
		if err != nil || ok {
			t.Errorf("%s: accepted=%v, %v", req, ok, err)
		}
	}
	if _, err := readUntil(stderr, "X11 forwarding is refused"); err != nil {
		t.Error(err)
	}
}

func TestSessionWithoutTerminalIsToldAndClosed(t *testing.T) {
	h := startServer(t, testCorpus(1), nil)
	s, err := h.dial().NewSession()
	if err != nil {
		t.Fatal(err)
	}
	var stderr syncBuffer
	s.Stderr = &stderr
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- s.Wait() }()
	select {
	case err := <-done:
		var exit *gossh.ExitError
		if !errors.As(err, &exit) || exit.ExitStatus() != 1 {
			t.Errorf("want exit status 1, got %v", err)
		}
	case <-time.After(waitLimit):
		t.Fatal("session without a PTY was not closed")
	}
	if !strings.Contains(stderr.String(), "needs a terminal: connect with ssh -t") {
		t.Errorf("stderr lacks the explanation: %q", stderr.String())
	}
}

// TestManySessions runs 50 sessions at once, each moving its own cursor a
// different number of steps: every one must render, and see its own state.
func TestManySessions(t *testing.T) {
	const n = 50
	c := testCorpus(5)
	h := startServer(t, c, func(o *Options) { o.NewModel = newCursorModel })
	client := h.dial() // one connection, many sessions, as multiplexing clients do
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			cl := client
			if i%2 == 1 { // half on their own connections
				own, err := h.dialAs("alice", h.alice)
				if err != nil {
					errs <- err
					return
				}
				defer own.Close()
				cl = own
			}
			tm, err := startTerminal(cl, t)
			if err != nil {
				errs <- fmt.Errorf("session %d: %w", i, err)
				return
			}
			defer tm.sess.Close()
			if err := tm.waitFor(0, "> "+c.Docs[0].Title); err != nil {
				errs <- fmt.Errorf("session %d: %w", i, err)
				return
			}
			steps := 1 + i%(len(c.Docs)-1)
			for s := 1; s <= steps; s++ {
				m := tm.mark()
				if err := tm.send("j"); err != nil {
					errs <- err
					return
				}
				if err := tm.waitFor(m, "> "+c.Docs[s].Title); err != nil {
					errs <- fmt.Errorf("session %d, step %d: %w", i, s, err)
					return
				}
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestPanicEndsOnlyItsSession(t *testing.T) {
	c := testCorpus(3)
	h := startServer(t, c, func(o *Options) { o.NewModel = newCursorModel })
	others := []*terminal{openTerminal(t, h.dial()), openTerminal(t, h.dial())}
	// One key makes the model panic in Update, the other in a command
	// of a batch, on its own goroutine.
	victims := map[string]*terminal{"!": openTerminal(t, h.dial()), "@": openTerminal(t, h.dial())}
	for _, tm := range others {
		tm.mustWaitFor(0, "> "+c.Docs[0].Title)
	}
	for key, victim := range victims {
		victim.mustWaitFor(0, "> "+c.Docs[0].Title)
		if err := victim.send(key); err != nil {
			t.Fatal(err)
		}
		status, err := victim.wait()
		if err != nil || status != 1 {
			t.Errorf("session panicking on %s: status %d, %v; want 1", key, status, err)
		}
		if !strings.Contains(victim.stderr.String(), "internal error closed this session") {
			t.Errorf("session panicking on %s not told: %q", key, victim.stderr.String())
		}
	}

	// A panic outside the model: its constructor.
	key := newKey(t)
	appendAuthorized(t, h, key, "boom")
	cl, err := h.dialAs("factory-panic", key)
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	boom := openTerminal(t, cl)
	if status, err := boom.wait(); err != nil || status != 1 {
		t.Errorf("session whose model constructor panicked: status %d, %v; want 1", status, err)
	}

	for i, tm := range others {
		m := tm.mark()
		if err := tm.send("j"); err != nil {
			t.Fatal(err)
		}
		if err := tm.waitFor(m, "> "+c.Docs[1].Title); err != nil {
			t.Errorf("session %d after another's panic: %v", i, err)
		}
	}
	logs := h.logs.String()
	if n := strings.Count(logs, "session panicked"); n != 3 {
		t.Errorf("want 3 panics logged, got %d:\n%s", n, logs)
	}
	for _, want := range []string{"test: update panicked", "test: command panicked", "test: model factory panicked", gossh.FingerprintSHA256(key.PublicKey())} {
		if !strings.Contains(logs, want) {
			t.Errorf("log lacks %q", want)
		}
	}
}

func TestMaxSessions(t *testing.T) {
	c := testCorpus(2)
	h := startServer(t, c, func(o *Options) { o.NewModel = newCursorModel; o.MaxSessions = 2 })
	client := h.dial()
	first := openTerminal(t, client)
	second := openTerminal(t, client)
	first.mustWaitFor(0, c.Docs[0].Title)
	second.mustWaitFor(0, c.Docs[0].Title)

	third := openTerminal(t, client)
	if status, err := third.wait(); err != nil || status != 1 {
		t.Errorf("session over the limit: status %d, %v; want 1", status, err)
	}
	if !strings.Contains(third.stderr.String(), "all 2 sessions are in use") {
		t.Errorf("session over the limit not told why: %q", third.stderr.String())
	}

	if err := first.send("q"); err != nil {
		t.Fatal(err)
	}
	if _, err := first.wait(); err != nil {
		t.Fatal(err)
	}
	// The slot is free once the first session's handler has returned,
	// which may be a moment after its client saw the exit.
	deadline := time.Now().Add(waitLimit)
	for h.srv.sessions.count() > 1 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	fourth := openTerminal(t, client)
	fourth.mustWaitFor(0, c.Docs[0].Title)
}

func TestIdleSessionsAreClosed(t *testing.T) {
	h := startServer(t, testCorpus(1), func(o *Options) {
		o.NewModel = newCursorModel
		o.IdleTimeout = 300 * time.Millisecond
	})
	tm := openTerminal(t, h.dial())
	tm.mustWaitFor(0, "author=")
	select {
	case <-tm.done:
	case <-time.After(waitLimit):
		t.Fatal("an idle session stayed open")
	}
}

func TestLoginGrace(t *testing.T) {
	h := startServerPrepared(t, testCorpus(1), nil, func(s *Server) { s.loginGrace = 300 * time.Millisecond })
	conn, err := net.Dial("tcp", h.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// Say nothing after the server's version line; the server must hang up.
	_ = conn.SetReadDeadline(time.Now().Add(waitLimit))
	if _, err := io.Copy(io.Discard, conn); err != nil {
		t.Fatalf("connection not closed by the server: %v", err)
	}

	// An authenticated session outlives the grace period.
	tm := openTerminal(t, h.dial())
	tm.mustWaitFor(0, "Harbour")
	time.Sleep(500 * time.Millisecond)
	m := tm.mark()
	if err := tm.send("q"); err != nil {
		t.Fatal(err)
	}
	if status, err := tm.wait(); err != nil || status != 0 {
		t.Errorf("session after the grace period: status %d, %v; output %q", status, err, tm.screenSince(m))
	}
}

func TestColourProfileIsPerSession(t *testing.T) {
	h := startServer(t, testCorpus(1), func(o *Options) { o.NewModel = newCursorModel })
	client := h.dial()
	colour := openTerminal(t, client)
	plain := openTerminal(t, client, "NO_COLOR", "1")
	colour.mustWaitFor(0, "alert")
	plain.mustWaitFor(0, "alert")
	if raw := colour.rawSince(0); !strings.Contains(raw, "\x1b[38;5;196malert") {
		t.Errorf("xterm-256color session got no 256-colour red: %q", raw)
	}
	if raw := plain.rawSince(0); strings.Contains(raw, "\x1b[38") {
		t.Errorf("NO_COLOR session got colour: %q", raw)
	}
}

func TestShutdownIsClean(t *testing.T) {
	before := runtime.NumGoroutine()
	c := testCorpus(2)
	h := startServer(t, c, func(o *Options) { o.NewModel = newCursorModel })
	var terms []*terminal
	for i := 0; i < 3; i++ {
		cl, err := h.dialAs("alice", h.alice)
		if err != nil {
			t.Fatal(err)
		}
		tm := openTerminal(t, cl)
		tm.mustWaitFor(0, c.Docs[0].Title)
		terms = append(terms, tm)
		// The client closes its connection when the session ends, as
		// OpenSSH does; Shutdown waits for that.
		go func() { <-tm.exited; cl.Close() }()
	}
	h.stop()
	for i, tm := range terms {
		if status, err := tm.wait(); err != nil || status != 1 {
			t.Errorf("session %d: status %d, %v", i, status, err)
		}
		if !strings.Contains(tm.stderr.String(), "shutting down") {
			t.Errorf("session %d not told of the shutdown: %q", i, tm.stderr.String())
		}
	}
	if c, err := h.dialAs("alice", h.alice); err == nil {
		c.Close()
		t.Error("connection accepted after shutdown")
	}
	// Goroutines of the server and clients end shortly after.
	deadline := time.Now().Add(waitLimit)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines before the server, %d after shutdown:\n%s", before, n, buf[:runtime.Stack(buf, true)])
	}
}

func TestShutdownForcesStuckConnections(t *testing.T) {
	h := startServer(t, testCorpus(1), func(o *Options) { o.NewModel = newCursorModel })
	tm := openTerminal(t, h.dial()) // this client never closes its connection
	tm.mustWaitFor(0, "author=")
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	h.stopped = true
	if err := h.srv.Shutdown(ctx); err != nil && !errors.Is(err, net.ErrClosed) {
		t.Errorf("Shutdown: %v", err)
	}
	select {
	case err := <-h.served:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(waitLimit):
		t.Fatal("Serve did not return")
	}
}

func TestStartupRefusals(t *testing.T) {
	dir := t.TempDir()
	key := newKey(t)
	write := func(name, content string, mode os.FileMode) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, mode); err != nil { // past the umask
			t.Fatal(err)
		}
		return p
	}
	good := write("good", authorizedLine(key, "k"), 0o600)
	openKey := write("open_host_key", "", 0o644)
	for _, tc := range []struct {
		name, hostKey, authorized, want string
	}{
		{"missing authorized keys", "", filepath.Join(dir, "nope"), "does not exist"},
		{"empty authorized keys", "", write("empty", "# nobody yet\n\n", 0o600), "admits no key"},
		{"only a forced-command key", "", write("forced", `command="backup" `+authorizedLine(key, "k"), 0o600), "admits no key"},
		{"garbage authorized keys", "", write("garbage", "ssh-ed25519 not-base64!\n", 0o600), "admits no key"},
		{"authorized keys writable by others", "", write("writable", authorizedLine(key, "k"), 0o666), "chmod go-w"},
		{"host key readable by others", openKey, good, "chmod 600"},
		{"host key not a key", write("junk_host_key", "hello\n", 0o600), good, "not a private key"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hk := tc.hostKey
			if hk == "" {
				hk = filepath.Join(dir, tc.name, "host")
			}
			_, err := New(testCorpus(1), Options{HostKeyPath: hk, AuthorizedKeysPath: tc.authorized, Logger: log.New(io.Discard)})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("want an error with %q, got %v", tc.want, err)
			}
		})
	}
}

func TestHostKeyCreatedOnceAndReused(t *testing.T) {
	dir := t.TempDir()
	ak := filepath.Join(dir, "authorized_keys")
	if err := os.WriteFile(ak, []byte(authorizedLine(newKey(t), "k")), 0o600); err != nil {
		t.Fatal(err)
	}
	hk := filepath.Join(dir, "state", "backchannel", "ssh", "host_ed25519")
	o := Options{HostKeyPath: hk, AuthorizedKeysPath: ak, Logger: log.New(io.Discard)}
	first, err := New(testCorpus(1), o)
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(hk)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("host key mode %04o, want 0600", info.Mode().Perm())
	}
	if first.HostKey().Type() != gossh.KeyAlgoED25519 {
		t.Errorf("host key type %s", first.HostKey().Type())
	}
	second, err := New(testCorpus(1), o)
	if err != nil {
		t.Fatal(err)
	}
	if gossh.FingerprintSHA256(first.HostKey()) != gossh.FingerprintSHA256(second.HostKey()) {
		t.Error("a second start made a new host key")
	}
}

func TestParseAuthorizedKeys(t *testing.T) {
	a, b := newKey(t), newKey(t)
	content := "# team\n\n" +
		authorizedLine(a, "alice@newsroom") +
		"not a key at all\n" +
		`no-port-forwarding,no-agent-forwarding ` + authorizedLine(b, "bob@desk") +
		`from="10.0.0.0/8" ` + authorizedLine(newKey(t), "limited") +
		`restrict ` + authorizedLine(newKey(t), "restricted")
	p := filepath.Join(t.TempDir(), "ak")
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	keys, problems, err := parseAuthorizedKeysFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) != 2 || keys[string(a.PublicKey().Marshal())] != "alice@newsroom" || keys[string(b.PublicKey().Marshal())] != "bob@desk" {
		t.Errorf("admitted %d keys: %v", len(keys), keys)
	}
	want := []string{"line 4: not a public key", "line 6: options from", "line 7: options restrict"}
	if len(problems) != len(want) {
		t.Fatalf("problems %q, want %d", problems, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(problems[i], w) {
			t.Errorf("problem %d = %q, want prefix %q", i, problems[i], w)
		}
	}
}

func TestFlags(t *testing.T) {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	o := DefineFlags(fs)
	if o.Listen != DefaultListen || o.MaxSessions != DefaultMaxSessions || o.IdleTimeout != DefaultIdleTimeout || o.MaxTimeout != 0 || o.HostKeyPath != "" || o.AuthorizedKeysPath != "" {
		t.Errorf("defaults %+v", *o)
	}
	err := fs.Parse([]string{"--listen", "0.0.0.0:2200", "--host-key", "hk", "--authorized-keys", "ak", "--max-sessions", "3", "--idle-timeout", "5m", "--max-timeout", "8h", "corpus"})
	if err != nil {
		t.Fatal(err)
	}
	if o.Listen != "0.0.0.0:2200" || o.HostKeyPath != "hk" || o.AuthorizedKeysPath != "ak" || o.MaxSessions != 3 || o.IdleTimeout != 5*time.Minute || o.MaxTimeout != 8*time.Hour || fs.Arg(0) != "corpus" {
		t.Errorf("parsed %+v, args %q", *o, fs.Args())
	}
}

func TestRunReportsBadSetup(t *testing.T) {
	dir := t.TempDir()
	var stderr syncBuffer
	hk := filepath.Join(dir, "hk")
	status := run(context.Background(), func() {}, testCorpus(1), Options{AuthorizedKeysPath: filepath.Join(dir, "none"), HostKeyPath: hk}, &stderr, nil)
	if status != 1 || !strings.Contains(stderr.String(), "does not exist") {
		t.Errorf("status %d, stderr %q", status, stderr.String())
	}
	if _, err := os.Stat(hk); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a server that did not start left a host key: %v", err)
	}
}

func TestRunStopsOnSignalContext(t *testing.T) {
	dir := t.TempDir()
	key := newKey(t)
	ak := filepath.Join(dir, "ak")
	if err := os.WriteFile(ak, []byte(authorizedLine(key, "k")), 0o600); err != nil {
		t.Fatal(err)
	}
	c := testCorpus(1)
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan net.Addr, 1)
	var logs syncBuffer
	status := make(chan int, 1)
	go func() {
		status <- run(ctx, func() {}, c, Options{Listen: "127.0.0.1:0", HostKeyPath: filepath.Join(dir, "hk"), AuthorizedKeysPath: ak}, &logs, ready)
	}()
	addr := <-ready
	cl, err := gossh.Dial("tcp", addr.String(), &gossh.ClientConfig{User: "k", Auth: []gossh.AuthMethod{gossh.PublicKeys(key)}, HostKeyCallback: gossh.InsecureIgnoreHostKey()})
	if err != nil {
		t.Fatal(err)
	}
	tm := openTerminal(t, cl)
	tm.mustWaitFor(0, c.Docs[0].Title)
	go func() { <-tm.exited; cl.Close() }()
	cancel()
	select {
	case s := <-status:
		if s != 0 {
			t.Errorf("status %d after a signal; log:\n%s", s, logs.String())
		}
	case <-time.After(waitLimit):
		t.Fatal("run did not stop")
	}
	for _, want := range []string{"serving", "SHA256:", "shutting down", "stopped"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, logs.String())
		}
	}
}

// TestCurationIsSavedPerAuthor has two people dismiss a conflict at the
// same time in the real reader: both changes reach the one annotations
// file, each tagged with its key's comment.
func TestCurationIsSavedPerAuthor(t *testing.T) {
	c, err := sample.Load()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "annotations")
	store, err := curation.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	h := startServer(t, c, func(o *Options) { o.Annotations = store })
	bob := newKey(t)
	appendAuthorized(t, h, bob, "bob@desk")

	var wg sync.WaitGroup
	for _, who := range []struct {
		user string
		key  gossh.Signer
	}{{"alice", h.alice}, {"bob", bob}} {
		cl, err := h.dialAs(who.user, who.key)
		if err != nil {
			t.Fatal(err)
		}
		tm := openTerminal(t, cl)
		go func() { <-tm.exited; cl.Close() }() // as OpenSSH does
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := tm.waitFor(0, c.Docs[0].Title); err != nil {
				t.Errorf("%s: %v", who.user, err)
				return
			}
			for _, step := range []struct{ key, want string }{
				{"c", "conflicts"}, // the claims view
				{"d", "dismissed"}, // dismiss the first
			} {
				m := tm.mark()
				if err := tm.send(step.key); err != nil {
					t.Error(err)
					return
				}
				if err := tm.waitFor(m, step.want); err != nil {
					t.Errorf("%s: %v", who.user, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	h.stop()

	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"by=alice@newsroom op=dismiss", "by=bob@desk op=dismiss"} {
		if strings.Count(string(data), want) != 1 {
			t.Errorf("annotations file should hold %q once:\n%s", want, data)
		}
	}
}

// appendAuthorized adds key to the server's authorized keys file.
func appendAuthorized(t *testing.T, h *harness, key gossh.Signer, comment string) {
	t.Helper()
	ak := h.srv.opts.AuthorizedKeysPath
	f, err := os.OpenFile(ak, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fmt.Fprint(f, authorizedLine(key, comment)); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	// The size changed, which is enough; the time too, for clarity.
	later := time.Now().Add(time.Second)
	if err := os.Chtimes(ak, later, later); err != nil {
		t.Fatal(err)
	}
}
