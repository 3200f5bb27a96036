package serve

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"sync"

	"github.com/charmbracelet/log"
	gossh "golang.org/x/crypto/ssh"
)

// authorizedKeys admits the keys listed in one authorized_keys file. The
// file is stat'ed on each authentication and re-read when it changed, so an
// admin adds or removes a colleague without restarting the server.
type authorizedKeys struct {
	path string
	log  *log.Logger

	mu      sync.Mutex
	stamp   os.FileInfo       // the version of the file keys came from
	missing bool              // the last stat failed; logged once per outage
	keys    map[string]string // wire-format key -> comment
}

// loadAuthorizedKeys reads path and fails when it admits no one: a server
// that admits no one is useless, and wish without an auth handler would
// admit everyone.
func loadAuthorizedKeys(path string, logger *log.Logger) (*authorizedKeys, error) {
	a := &authorizedKeys{path: path, log: logger}
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("authorized keys file %s does not exist: list the public keys of the people who may read, one per line, or name another file with --authorized-keys", path)
	}
	if err != nil {
		return nil, fmt.Errorf("authorized keys file %s: %w", path, err)
	}
	if err := checkNotWritableByOthers(info); err != nil {
		return nil, fmt.Errorf("authorized keys file %s %v", path, err)
	}
	keys, problems, err := parseAuthorizedKeysFile(path)
	if err != nil {
		return nil, fmt.Errorf("authorized keys file %s: %w", path, err)
	}
	for _, p := range problems {
		logger.Warn("authorized key skipped", "file", path, "problem", p)
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("authorized keys file %s admits no key: add the public keys of the people who may read, one per line", path)
	}
	a.stamp, a.keys = info, keys
	return a, nil
}

// lookup reports whether key is admitted, and the comment of its line.
func (a *authorizedKeys) lookup(key gossh.PublicKey) (comment string, ok bool) {
	a.refresh()
	a.mu.Lock()
	defer a.mu.Unlock()
	comment, ok = a.keys[string(key.Marshal())]
	return comment, ok
}

// count is the number of keys admitted now.
func (a *authorizedKeys) count() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.keys)
}

// refresh re-reads the file if its identity, size or modification time
// changed. A file that disappeared or cannot be read admits no one until it
// is back: revoking must not need a restart, and failing open is not an
// option.
func (a *authorizedKeys) refresh() {
	a.mu.Lock()
	defer a.mu.Unlock()
	info, err := os.Stat(a.path)
	if err != nil {
		if !a.missing {
			a.log.Error("authorized keys file unreadable; admitting no one until it is back", "file", a.path, "error", err)
		}
		a.missing, a.stamp, a.keys = true, nil, nil
		return
	}
	if a.stamp != nil && os.SameFile(a.stamp, info) && a.stamp.ModTime().Equal(info.ModTime()) && a.stamp.Size() == info.Size() && info.Mode() == a.stamp.Mode() {
		return
	}
	if err := checkNotWritableByOthers(info); err != nil {
		if !a.missing {
			a.log.Error("authorized keys file unsafe; admitting no one until it is fixed", "file", a.path, "problem", err)
		}
		a.missing, a.stamp, a.keys = true, nil, nil
		return
	}
	keys, problems, err := parseAuthorizedKeysFile(a.path)
	if err != nil {
		if !a.missing {
			a.log.Error("authorized keys file unreadable; admitting no one until it is back", "file", a.path, "error", err)
		}
		a.missing, a.stamp, a.keys = true, nil, nil
		return
	}
	for _, p := range problems {
		a.log.Warn("authorized key skipped", "file", a.path, "problem", p)
	}
	a.missing, a.stamp, a.keys = false, info, keys
	a.log.Info("authorized keys reloaded", "file", a.path, "keys", len(keys))
}

// checkNotWritableByOthers refuses a file other users may write, as sshd's
// StrictModes does: whoever can write it can let themselves in.
func checkNotWritableByOthers(info os.FileInfo) error {
	if perm := info.Mode().Perm(); perm&0o022 != 0 {
		return fmt.Errorf("can be written by other users (mode %04o), who could let themselves in; run chmod go-w on it", perm)
	}
	return nil
}

// parseAuthorizedKeysFile returns the admitted keys of an authorized_keys
// file and, per line that admits nothing, why. One bad line costs only that
// line (wish's own reader rejects everyone after it).
func parseAuthorizedKeysFile(path string) (keys map[string]string, problems []string, err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	keys = make(map[string]string)
	for n, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		key, comment, options, _, err := gossh.ParseAuthorizedKey(line)
		if err != nil {
			problems = append(problems, fmt.Sprintf("line %d: not a public key (%v)", n+1, err))
			continue
		}
		if bad := unenforceableOptions(options); len(bad) > 0 {
			problems = append(problems, fmt.Sprintf("line %d: options %s restrict this key in ways serve cannot enforce; give it a line without them in a file for serve", n+1, strings.Join(bad, ",")))
			continue
		}
		keys[string(key.Marshal())] = comment
	}
	return keys, problems, nil
}

// unenforceableOptions returns the options serve cannot honour. The ones it
// may ignore each forbid something serve refuses to everyone anyway. Any
// other option (command=, from=, no-pty, restrict, cert-authority,
// expiry-time=, ...) limits a key in a way serve does not enforce, so such a
// key is not admitted: a key meant for backups only must not open the
// documents.
func unenforceableOptions(options []string) []string {
	var bad []string
	for _, o := range options {
		name, _, _ := strings.Cut(o, "=")
		switch strings.ToLower(name) {
		case "no-agent-forwarding", "no-port-forwarding", "no-x11-forwarding", "no-user-rc":
		default:
			bad = append(bad, name)
		}
	}
	return bad
}
