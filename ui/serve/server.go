// Package serve is `backchannel serve`: the reader over SSH, for a team that
// keeps leaked documents on one server and reads them there. The corpus is
// loaded once and shared read-only; each session gets its own reader, window
// size and colour profile. Anything but the reader (commands, file
// transfer, forwarding) is refused.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/log"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	"github.com/charmbracelet/wish/activeterm"
	"github.com/charmbracelet/wish/bubbletea"
	"github.com/charmbracelet/wish/logging"
	"github.com/muesli/termenv"
	gossh "golang.org/x/crypto/ssh"

	"github.com/backchannel-news/backchannel/corpus/claims"
	"github.com/backchannel-news/backchannel/model"
	"github.com/backchannel-news/backchannel/model/curation"
	"github.com/backchannel-news/backchannel/ui"
)

// loginGrace bounds how long a connection may take to authenticate and open
// its session, as sshd's LoginGraceTime: without it an unauthenticated
// connection holds a socket until the idle timeout, or forever.
const loginGrace = time.Minute

// Options configure a Server. A zero limit or timeout means none; a zero
// address or path, the default.
type Options struct {
	Listen             string        // address to listen on, host:port
	HostKeyPath        string        // created (ed25519, 0600) if missing
	AuthorizedKeysPath string        // the keys admitted; must list at least one
	MaxSessions        int           // sessions at once; 0 is no limit
	IdleTimeout        time.Duration // close a connection after this long without traffic; 0 never
	MaxTimeout         time.Duration // close a connection this long after it opened; 0 never

	// Logger receives one line per session start and end, per refused
	// key, connection or request, and per recovered panic. Nil logs to
	// stderr.
	Logger *log.Logger

	// Annotations is the curation store every session saves to, each
	// change tagged with the session's Identity.Author; the store
	// serialises writers, in this process and others. Nil makes the
	// claims view read-only.
	Annotations *curation.Store

	// NewModel builds the model of one session. Nil builds the reader,
	// ui.New. Tests put instrumented models here.
	NewModel func(c *model.Corpus, r *lipgloss.Renderer, id Identity) tea.Model
}

// Identity is who a session belongs to.
type Identity struct {
	User        string // the SSH user name the client gave
	Fingerprint string // SHA256 fingerprint of the key that authenticated
	// Author tags the session's curation changes: the comment of the
	// key's authorized_keys line ("alice@laptop"), else the user name.
	Author string
	Remote string // remote address
}

// Server is the SSH server of one corpus.
type Server struct {
	corpus     *model.Corpus
	shared     *ui.Shared      // what every session's reader can share, built once
	claims     *model.ClaimSet // the claims found, before curation, found once
	opts       Options
	log        *log.Logger
	keys       *authorizedKeys
	hostKey    gossh.PublicKey
	ssh        *ssh.Server
	sessions   *sessions
	loginGrace time.Duration // the constant loginGrace, shorter in tests
	// decorate, if set, wraps each session's model: the benchmark
	// instruments the real reader with it.
	decorate func(tea.Model) tea.Model
}

// New checks the options, creates the host key if it is missing, reads the
// authorized keys and returns a server ready to Serve. It fails with a
// message naming the file and the fix when the host key is unusable or the
// authorized keys admit no one.
func New(c *model.Corpus, o Options) (*Server, error) {
	if c == nil {
		return nil, errors.New("serve: no corpus")
	}
	if o.MaxSessions < 0 || o.IdleTimeout < 0 || o.MaxTimeout < 0 {
		return nil, errors.New("serve: --max-sessions, --idle-timeout and --max-timeout cannot be negative")
	}
	if o.Listen == "" {
		o.Listen = DefaultListen // not "", which net.Listen takes as any port on every interface
	}
	if o.HostKeyPath == "" {
		p, err := DefaultHostKeyPath()
		if err != nil {
			return nil, err
		}
		o.HostKeyPath = p
	}
	if o.AuthorizedKeysPath == "" {
		p, err := DefaultAuthorizedKeysPath()
		if err != nil {
			return nil, err
		}
		o.AuthorizedKeysPath = p
	}
	s := &Server{corpus: c, opts: o, log: o.Logger, sessions: newSessions(o.MaxSessions), loginGrace: loginGrace}
	if s.log == nil {
		s.log = log.NewWithOptions(os.Stderr, log.Options{ReportTimestamp: true})
	}
	// The keys first: a server that would admit no one must not leave a
	// new host key behind.
	var err error
	if s.keys, err = loadAuthorizedKeys(o.AuthorizedKeysPath, s.log); err != nil {
		return nil, err
	}
	signer, created, err := loadOrCreateHostKey(o.HostKeyPath)
	if err != nil {
		return nil, err
	}
	if created {
		s.log.Info("created host key", "file", o.HostKeyPath)
	}
	s.hostKey = signer.PublicKey()
	s.shared = ui.NewShared(c)
	s.claims = claims.Find(c)

	s.ssh, err = wish.NewServer(
		wish.WithAddress(o.Listen),
		func(srv *ssh.Server) error { srv.AddHostKey(signer); return nil },
		// The only way in. No password or keyboard-interactive handler is
		// set, so the SSH library offers neither method.
		wish.WithPublicKeyAuth(s.admit),
		wish.WithIdleTimeout(o.IdleTimeout),
		wish.WithMaxTimeout(o.MaxTimeout),
		wish.WithMiddleware(
			bubbletea.MiddlewareWithProgramHandler(s.newProgram, termenv.Ascii), // runs last
			activeterm.Middleware(),
			explainNoPTY,
			s.admitSession,
			s.refuseCommands,
			s.recoverPanics,
			s.logSessions, // runs first
		),
		func(srv *ssh.Server) error {
			srv.ConnCallback = s.graceConn
			srv.ConnectionFailedCallback = s.connFailed
			srv.ChannelHandlers = map[string]ssh.ChannelHandler{
				"session": s.sessionChannel,
				"default": s.refuseChannel,
			}
			srv.RequestHandlers = map[string]ssh.RequestHandler{
				"tcpip-forward":                   s.refuseForward,
				"streamlocal-forward@openssh.com": s.refuseForward,
			}
			srv.SubsystemHandlers = map[string]ssh.SubsystemHandler{"default": s.refuseSubsystem}
			return nil
		},
	)
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	return s, nil
}

// DefaultAuthorizedKeysPath is ~/.ssh/authorized_keys: whoever may log in to
// the server's account may read.
func DefaultAuthorizedKeysPath() (string, error) {
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("no home directory for ~/.ssh/authorized_keys (%v); name the file with --authorized-keys", err)
	}
	return filepath.Join(home, ".ssh", "authorized_keys"), nil
}

// HostKey is the server's public host key, for users to check the
// fingerprint their client shows on first connection.
func (s *Server) HostKey() gossh.PublicKey { return s.hostKey }

// AdmittedKeys is the number of keys the authorized keys file admits now.
func (s *Server) AdmittedKeys() int { return s.keys.count() }

// Serve accepts connections on l until Shutdown or Close; it then returns
// nil.
func (s *Server) Serve(l net.Listener) error {
	if err := s.ssh.Serve(l); !errors.Is(err, ssh.ErrServerClosed) {
		return err
	}
	return nil
}

// ListenAndServe listens on Options.Listen and serves.
func (s *Server) ListenAndServe() error {
	l, err := net.Listen("tcp", s.opts.Listen)
	if err != nil {
		return err
	}
	return s.Serve(l)
}

// Shutdown stops accepting connections, quits every reader (each user's
// terminal is restored and told why), waits for the connections to close
// or ctx to end, then closes what is left. Curation is saved as it is made;
// Shutdown returns only once a save under way has finished, so the process
// can exit.
func (s *Server) Shutdown(ctx context.Context) error {
	s.sessions.quitAll()
	err := s.ssh.Shutdown(ctx)
	if err != nil {
		s.log.Warn("connections still open at shutdown deadline; closing them", "error", err)
		err = s.ssh.Close()
	}
	if s.opts.Annotations != nil {
		// Reload waits for the store's lock, which a save holds.
		if _, rerr := s.opts.Annotations.Reload(); rerr != nil {
			s.log.Error("annotations after the last session", "file", s.opts.Annotations.Path(), "error", rerr)
		}
	}
	return err
}

// Close closes every connection at once.
func (s *Server) Close() error { return s.ssh.Close() }

// admit is the public key handler: only keys of the authorized keys file.
func (s *Server) admit(ctx ssh.Context, key ssh.PublicKey) bool {
	if _, ok := s.keys.lookup(key); ok {
		return true
	}
	s.log.Info("key refused", "user", ctx.User(), "key", gossh.FingerprintSHA256(key), "remote", ctx.RemoteAddr())
	return false
}

func (s *Server) connFailed(conn net.Conn, err error) {
	if errors.Is(err, io.EOF) {
		return // a client probing or giving up; nothing to say
	}
	s.log.Info("connection refused", "remote", conn.RemoteAddr(), "reason", err)
}

// logFields are the key-value pairs that say who did what in a log line.
func (id Identity) logFields() []any {
	return []any{"user", id.User, "key", id.Fingerprint, "remote", id.Remote}
}

// identify returns who owns the connection of ctx.
func (s *Server) identify(ctx ssh.Context) Identity {
	id := Identity{User: ctx.User(), Author: ctx.User(), Remote: fmt.Sprint(ctx.RemoteAddr())}
	if key, ok := ctx.Value(ssh.ContextKeyPublicKey).(gossh.PublicKey); ok {
		id.Fingerprint = gossh.FingerprintSHA256(key)
		// Looked up from the key that authenticated, not remembered from
		// the auth callback, which also runs for keys only offered.
		if comment, ok := s.keys.lookup(key); ok && comment != "" {
			id.Author = comment
		}
	}
	return id
}

// logSessions logs each session's start (user, key fingerprint, remote
// address, terminal) and end (duration) through wish's logging middleware,
// given a logger that carries the fingerprint wish leaves out. Document
// contents never reach the log.
func (s *Server) logSessions(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		l := s.log.With("key", s.identify(sess.Context()).Fingerprint)
		logging.StructuredMiddlewareWithLogger(l, log.InfoLevel)(next)(sess)
	}
}

// recoverPanics ends a panicking session alone: it logs the panic with the
// session's owner and tells the user, while other sessions go on. It does
// what wish's recover middleware does plus those two.
func (s *Server) recoverPanics(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		defer func() {
			if r := recover(); r != nil {
				s.logPanic(s.identify(sess.Context()), r, debug.Stack())
				wish.Fatalln(sess, internalErrorMessage)
			}
		}()
		next(sess)
	}
}

const internalErrorMessage = "backchannel: an internal error closed this session; it has been logged for the server's admin."

func (s *Server) logPanic(id Identity, r any, stack []byte) {
	s.log.Error("session panicked", append(id.logFields(), "panic", r, "stack", string(stack))...)
}

// admitSession refuses sessions beyond --max-sessions and during shutdown,
// each with a message, and tracks the others until they end.
func (s *Server) admitSession(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		e, refusal := s.sessions.enter(sess)
		if refusal != "" {
			s.log.Info("session refused", append(s.identify(sess.Context()).logFields(), "reason", refusal)...)
			wish.Fatalln(sess, "backchannel: "+refusal)
			return
		}
		defer s.sessions.leave(sess)
		next(sess)
		if e.failed() {
			wish.Fatalln(sess, internalErrorMessage)
		} else if s.sessions.closing() {
			wish.Fatalln(sess, "backchannel: the server is shutting down.")
		}
	}
}

// explainNoPTY tells a client without a terminal how to get one, before
// activeterm refuses it.
func explainNoPTY(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if _, _, ok := sess.Pty(); !ok {
			wish.Errorln(sess, "backchannel: this server only serves the interactive reader, which needs a terminal: connect with ssh -t.\r")
		}
		next(sess)
	}
}

// refuseCommands ends a session that asks to run a command (ssh host cmd,
// scp) with a message and exit status 1. The exec request itself is
// accepted: OpenSSH exits on a refused request before printing what the
// server wrote to stderr, so the user would never read why.
func (s *Server) refuseCommands(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if sess.RawCommand() == "" {
			next(sess)
			return
		}
		s.log.Info("command refused", s.identify(sess.Context()).logFields()...)
		wish.Fatalln(sess, "backchannel: running commands is refused: this server only serves the interactive reader (ssh -t, no command).\r")
	}
}

// refuseSubsystem ends a subsystem session (sftp) with a message and exit
// status 1, for the same reason.
func (s *Server) refuseSubsystem(sess ssh.Session) {
	s.log.Info("subsystem refused", append(s.identify(sess.Context()).logFields(), "subsystem", sess.Subsystem())...)
	wish.Fatalf(sess, "backchannel: the %s subsystem (file transfer) is refused: this server only serves the interactive reader.\r\n", sess.Subsystem())
}

// refuseChannel rejects every channel but the session: port forwarding
// (direct-tcpip) and anything else a client may open.
func (s *Server) refuseChannel(_ *ssh.Server, _ *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
	what := nc.ChannelType() + " channels are"
	if nc.ChannelType() == "direct-tcpip" || nc.ChannelType() == "direct-streamlocal@openssh.com" {
		what = "port forwarding is"
	}
	s.log.Info("channel refused", append(s.identify(ctx).logFields(), "channel", nc.ChannelType())...)
	_ = nc.Reject(gossh.Prohibited, "backchannel: "+what+" refused: this server only serves the reader")
}

// refuseForward refuses remote port forwarding. Global requests carry no
// message back; the client reports the failure itself.
func (s *Server) refuseForward(ctx ssh.Context, _ *ssh.Server, req *gossh.Request) (bool, []byte) {
	s.log.Info("request refused", append(s.identify(ctx).logFields(), "request", req.Type)...)
	return false, nil
}

// sessionChannel is the SSH library's session handler, with agent and X11
// forwarding requests answered no (the library says yes to agent
// forwarding) and explained on stderr.
func (s *Server) sessionChannel(srv *ssh.Server, conn *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
	if g, ok := ctx.Value(graceKey{}).(*graceConn); ok {
		g.authenticated()
	}
	ssh.DefaultSessionHandler(srv, conn, refusingChannel{NewChannel: nc, s: s, ctx: ctx}, ctx)
}

type refusingChannel struct {
	gossh.NewChannel
	s   *Server
	ctx ssh.Context
}

func (rc refusingChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := rc.NewChannel.Accept()
	if err != nil {
		return ch, reqs, err
	}
	out := make(chan *gossh.Request)
	go func() {
		defer close(out)
		for req := range reqs {
			var what string
			switch req.Type {
			case "auth-agent-req@openssh.com":
				what = "agent forwarding"
			case "x11-req":
				what = "X11 forwarding"
			default:
				out <- req
				continue
			}
			rc.s.log.Info("request refused", append(rc.s.identify(rc.ctx).logFields(), "request", req.Type)...)
			fmt.Fprintf(ch.Stderr(), "backchannel: %s is refused: this server only serves the reader.\r\n", what)
			if req.WantReply {
				_ = req.Reply(false, nil)
			}
		}
	}()
	return ch, out, nil
}

// graceKey holds a connection's *graceConn in its context.
type graceKey struct{}

// graceConn caps the connection's deadline at the login grace period until
// the client has authenticated and opened a session; the SSH library resets
// deadlines on every read for the idle timeout, so the cap lives here.
type graceConn struct {
	net.Conn
	until time.Time
	mu    sync.Mutex
	done  bool
}

func (s *Server) graceConn(ctx ssh.Context, c net.Conn) net.Conn {
	g := &graceConn{Conn: c, until: time.Now().Add(s.loginGrace)}
	_ = g.Conn.SetDeadline(g.until)
	ctx.SetValue(graceKey{}, g)
	return g
}

// authenticated lifts the cap. The deadline of a read already waiting is
// left as it is: clearing it would leave that read without the idle
// timeout, and the next read or write sets the right one anyway.
func (g *graceConn) authenticated() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.done = true
}

func (g *graceConn) SetDeadline(t time.Time) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.done && (t.IsZero() || t.After(g.until)) {
		t = g.until
	}
	return g.Conn.SetDeadline(t)
}
