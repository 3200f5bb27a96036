//go:build !unix

package curation

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"
)

// lockFile takes a lock by creating name exclusively, where flock is not
// available. A lock file older than staleAfter is taken to be left by a
// crashed writer, since a write holds it for milliseconds.
func lockFile(name string) (func(), error) {
	const staleAfter = 30 * time.Second
	deadline := time.Now().Add(2 * staleAfter)
	for {
		f, err := os.OpenFile(name, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err == nil {
			f.Close()
			return func() { os.Remove(name) }, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
		if info, err := os.Stat(name); err == nil && time.Since(info.ModTime()) > staleAfter {
			os.Remove(name)
			continue
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("%s is held by another writer", name)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
