package curation

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// FileName is the annotations file's name inside a corpus folder. Its
// extension keeps the loader from reading it as a document.
const FileName = "backchannel.annotations"

// PathFor chooses where the annotations of the corpus loaded from paths
// live: inside the corpus folder when the corpus is one writable folder, so
// they travel with it; otherwise (files, several folders, a read-only
// folder, or the embedded sample when paths is empty) in the user's data
// folder, under a name derived from the paths.
func PathFor(paths []string) (string, error) {
	paths = onDisk(paths)
	if len(paths) == 1 {
		if info, err := os.Stat(paths[0]); err == nil && info.IsDir() && writable(paths[0]) {
			return filepath.Join(paths[0], FileName), nil
		}
	}
	dir, err := DataDir()
	if err != nil {
		return "", err
	}
	if len(paths) == 0 {
		return filepath.Join(dir, "sample.annotations"), nil
	}
	// The name comes from the paths with symlinks resolved, so the same
	// files reached another way share their annotations. A file named the
	// way earlier versions did (paths as typed, made absolute) is still
	// used when it exists and the new one does not.
	named := dataName(dir, paths, realPath)
	if legacy := dataName(dir, paths, absPath); legacy != named {
		if _, err := os.Stat(named); errors.Is(err, fs.ErrNotExist) {
			if _, err := os.Stat(legacy); err == nil {
				return legacy, nil
			}
		}
	}
	return named, nil
}

// onDisk drops the paths that name nothing: a mistyped path loads no
// document, and letting it into the file name would hide the corpus's
// annotations the next time it is opened without the typo. When nothing
// is on disk (standard input alone) the paths are kept, so such a corpus
// still gets a file of its own rather than the sample's.
func onDisk(paths []string) []string {
	var kept []string
	for _, p := range paths {
		if _, err := os.Stat(p); err == nil {
			kept = append(kept, p)
		}
	}
	if len(kept) == 0 {
		return paths
	}
	return kept
}

// dataName is the annotations file in dir for paths, each made absolute
// by abs.
func dataName(dir string, paths []string, abs func(string) string) string {
	full := make([]string, len(paths))
	for i, p := range paths {
		full[i] = abs(p)
	}
	sort.Strings(full)
	sum := sha256.Sum256([]byte(strings.Join(full, "\x00")))
	name := safeName.ReplaceAllString(filepath.Base(full[0]), "_")
	return filepath.Join(dir, name+"-"+hex.EncodeToString(sum[:4])+".annotations")
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

var safeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// DataDir is backchannel's folder for user data: $XDG_DATA_HOME/backchannel,
// else ~/.local/share/backchannel, else the system's user config folder.
func DataDir() (string, error) {
	if x := os.Getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "backchannel"), nil
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, ".local", "share", "backchannel"), nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "backchannel"), nil
}

// writable reports whether files can be created in dir, by trying: the
// permission bits do not tell about read-only mounts or ACLs.
func writable(dir string) bool {
	f, err := os.CreateTemp(dir, ".backchannel-probe-*")
	if err != nil {
		return false
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	return true
}
