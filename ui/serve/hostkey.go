package serve

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	gossh "golang.org/x/crypto/ssh"
)

// DefaultHostKeyPath is where the host key lives when --host-key is not
// given: under the user's state directory, like soft-serve's
// <data>/ssh/soft_serve_host_ed25519, so it survives upgrades and is not
// tied to the directory the server was started from.
func DefaultHostKeyPath() (string, error) {
	dir := os.Getenv("XDG_STATE_HOME")
	if !filepath.IsAbs(dir) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("no home directory for the host key (%v); name one with --host-key", err)
		}
		dir = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(dir, "backchannel", "ssh", "host_ed25519"), nil
}

// loadOrCreateHostKey reads the host key at path, creating an ed25519 key
// there first if none exists. Not wish.WithHostKeyPath: its key generator
// chmods an existing parent directory to 0700 (think /etc or /tmp) and
// writes the key in place, so a crash can leave half a key.
func loadOrCreateHostKey(path string) (signer gossh.Signer, created bool, err error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		if err := createHostKey(path); err != nil {
			return nil, false, fmt.Errorf("creating host key %s: %w", path, err)
		}
		created = true
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, false, fmt.Errorf("host key %s: %w", path, err)
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, false, fmt.Errorf("host key %s: %w", path, err)
	}
	// As sshd does: a private key others can read is no longer private.
	if perm := info.Mode().Perm(); perm&0o077 != 0 {
		return nil, false, fmt.Errorf("host key %s can be read by other users (mode %04o); run chmod 600 on it", path, perm)
	}
	signer, err = gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, false, fmt.Errorf("host key %s is not a private key serve can read: %v", path, err)
	}
	return signer, created, nil
}

// createHostKey writes a new ed25519 private key to path (mode 0600) and its
// public half beside it. The key is written to a temporary file, synced,
// then linked into place, which fails rather than replaces if another
// process created the key meanwhile.
func createHostKey(path string) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return err
	}
	block, err := gossh.MarshalPrivateKey(priv, "backchannel host key")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".host_key-*") // created with mode 0600
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(pem.EncodeToMemory(block)); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return nil // another server started at the same moment; use its key
		}
		return err
	}
	sshPub, err := gossh.NewPublicKey(pub)
	if err != nil {
		return err
	}
	// The public half is a convenience for publishing the fingerprint;
	// failing to write it does not stop the server.
	_ = os.WriteFile(path+".pub", gossh.MarshalAuthorizedKey(sshPub), 0o644)
	return nil
}
