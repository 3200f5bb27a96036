package serve

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/charmbracelet/log"
	gossh "golang.org/x/crypto/ssh"

	"github.com/backchannel-news/backchannel/model"
)

// Defaults of the serve flags.
const (
	// DefaultListen is loopback: reaching the reader from elsewhere is a
	// decision (--listen :2222, or ssh -J through the host's sshd).
	DefaultListen = "127.0.0.1:2222"
	// DefaultMaxSessions bounds memory on a shared host; a newsroom team
	// is far smaller.
	DefaultMaxSessions = 64
	// DefaultIdleTimeout is long because reading is silent: only traffic
	// resets it, and a journalist reads a long transcript without typing.
	DefaultIdleTimeout = time.Hour
	// shutdownGrace is how long SIGINT/SIGTERM waits for sessions to end
	// before closing their connections.
	shutdownGrace = 10 * time.Second
)

// Usage is the help text of `backchannel serve`, between its usage line and
// its flags.
const Usage = `Serve the reader over SSH to the people whose public keys are in the
authorized keys file. The corpus is loaded once and shared read-only; each
session has its own reader. Commands, file transfer and forwarding are
refused. SIGINT or SIGTERM ends the sessions and stops the server.`

// DefineFlags declares the serve flags on fs and returns the Options they
// fill when fs is parsed.
func DefineFlags(fs *flag.FlagSet) *Options {
	o := &Options{}
	fs.StringVar(&o.Listen, "listen", DefaultListen, "`address` to listen on, host:port")
	fs.StringVar(&o.HostKeyPath, "host-key", "", "host private key `file`, created (ed25519) if missing (default $XDG_STATE_HOME/backchannel/ssh/host_ed25519)")
	fs.StringVar(&o.AuthorizedKeysPath, "authorized-keys", "", "`file` of the public keys admitted, re-read when it changes (default ~/.ssh/authorized_keys)")
	fs.IntVar(&o.MaxSessions, "max-sessions", DefaultMaxSessions, "sessions at once; `N`=0 for no limit")
	fs.DurationVar(&o.IdleTimeout, "idle-timeout", DefaultIdleTimeout, "close a connection after this `duration` without traffic; 0 never")
	fs.DurationVar(&o.MaxTimeout, "max-timeout", 0, "close a connection this `duration` after it opened; 0 never")
	return o
}

// Run serves c with o until SIGINT or SIGTERM, logging to stderr, and
// returns the exit status: 0 after a clean shutdown, 1 when the server
// could not start or stop cleanly.
func Run(c *model.Corpus, o Options, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return run(ctx, stop, c, o, stderr, nil)
}

// run is Run with the stop signal as a context; release, called once it is
// done, lets a second signal kill the process during a slow shutdown.
// ready, if not nil, receives the listening address once connections are
// accepted.
func run(ctx context.Context, release func(), c *model.Corpus, o Options, stderr io.Writer, ready chan<- net.Addr) int {
	if o.Logger == nil {
		o.Logger = log.NewWithOptions(stderr, log.Options{ReportTimestamp: true, Prefix: "backchannel serve"})
	}
	s, err := New(c, o)
	if err != nil {
		fmt.Fprintf(stderr, "backchannel serve: %v\n", err)
		return 1
	}
	l, err := net.Listen("tcp", s.opts.Listen)
	if err != nil {
		fmt.Fprintf(stderr, "backchannel serve: %v\n", err)
		return 1
	}
	o.Logger.Info("serving", "address", l.Addr(), "documents", len(c.Docs),
		"host-key", gossh.FingerprintSHA256(s.HostKey()), "authorized-keys", s.AdmittedKeys())
	if ready != nil {
		ready <- l.Addr()
	}
	served := make(chan error, 1)
	go func() { served <- s.Serve(l) }()
	select {
	case err := <-served:
		o.Logger.Error("server stopped", "error", err)
		return 1
	case <-ctx.Done():
		release()
	}
	o.Logger.Info("shutting down", "sessions", s.sessions.count(), "deadline", shutdownGrace)
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	status := 0
	if err := s.Shutdown(sctx); err != nil && !errors.Is(err, net.ErrClosed) {
		o.Logger.Error("shutdown", "error", err)
		status = 1
	}
	if err := <-served; err != nil {
		o.Logger.Error("server stopped", "error", err)
		status = 1
	}
	o.Logger.Info("stopped")
	return status
}
