package curation

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Store is one annotations file. All sessions of a process share one Store;
// other processes (another SSH server, a second terminal) open their own on
// the same file, and every change is merged with what is on disk under a
// file lock, so no writer loses another's changes.
type Store struct {
	mu      sync.Mutex
	path    string
	refs    *refs // names documents relative to the file's folder
	ops     []Op
	version [sha256.Size]byte // hash of the file as last read or written
	now     func() time.Time
}

// ErrCorrupt wraps the error of a file that cannot be read; such a file is
// never written over.
var ErrCorrupt = errors.New("annotations file cannot be read")

// Open loads the annotations file at path; a missing file is an empty log.
//
// Reading takes no lock: writers replace the file by renaming a complete
// one over it, so a reader always sees one whole version. Nothing is
// created until the first change is saved, so a journalist who only reads
// leaves no file beside the documents, and a read-only folder can be read.
func Open(path string) (*Store, error) {
	s := &Store{path: path, now: time.Now}
	ops, sum, err := s.readDisk()
	if err != nil {
		return nil, err
	}
	s.ops, s.version = ops, sum
	s.refs = newRefs(realPath(filepath.Dir(path)))
	return s, nil
}

// Path is the file the store reads and writes.
func (s *Store) Path() string { return s.path }

// Ops returns the changes, oldest first.
func (s *Store) Ops() []Op {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Op(nil), s.ops...)
}

// Ref returns how the file names the document the corpus names path: see
// the package's notes on references.
func (s *Store) Ref(path string) string { return s.refs.ref(path) }

// Add records a change made by author, as Save does.
func (s *Store) Add(author string, op Op) error {
	_, err := s.Save(author, op)
	return err
}

// Save records changes made together by author, in one write: it fills in
// each op's ID and time, stores op.Doc, given as the corpus names the
// document, as its reference (so the change still applies however the
// corpus is named next time), re-reads the file, appends the ops to what
// is on disk (keeping changes other writers made since this store last
// read it) and writes the result atomically. It returns the ops as saved,
// whose IDs an undo names. An undo must name a change in the file; it is
// given that change's topic so the line reads as what it withdraws.
func (s *Store) Save(author string, ops ...Op) ([]Op, error) {
	now := s.now().UTC().Truncate(time.Second)
	saved := make([]Op, 0, len(ops))
	for _, op := range ops {
		op, err := s.stamp(author, now, op)
		if err != nil {
			return nil, err
		}
		saved = append(saved, op)
	}
	err := s.appendOps(func(disk []Op) ([]Op, error) {
		byID := make(map[string]Op, len(disk))
		for _, op := range disk {
			byID[op.ID] = op
		}
		for i := range saved {
			if saved[i].Kind != Undo {
				continue
			}
			target, ok := byID[saved[i].Undoes]
			if !ok {
				return nil, fmt.Errorf("no change %s in %s to undo", saved[i].Undoes, s.path)
			}
			if saved[i].Topic == "" {
				saved[i].Topic = target.Topic
			}
		}
		return saved, nil
	})
	if err != nil {
		return nil, err
	}
	return saved, nil
}

// Undismiss brings topic back into the list: it appends an undo of each
// dismissal of topic in force in the file as it is under the lock, so one
// another writer saved meanwhile is taken back too. It returns the undos
// saved, none when the topic was not dismissed.
func (s *Store) Undismiss(author, topic string) ([]Op, error) {
	now := s.now().UTC().Truncate(time.Second)
	var saved []Op
	err := s.appendOps(func(disk []Op) ([]Op, error) {
		withdrawn := undone(disk)
		for _, op := range disk {
			if op.Kind != Dismiss || op.Topic != topic || withdrawn[op.ID] {
				continue
			}
			undo, err := s.stamp(author, now, Op{Kind: Undo, Undoes: op.ID, Topic: topic})
			if err != nil {
				return nil, err
			}
			saved = append(saved, undo)
		}
		return saved, nil
	})
	if err != nil {
		return nil, err
	}
	return saved, nil
}

// stamp checks a change and fills in what the store gives it: author,
// time, a new ID, and the document's reference.
func (s *Store) stamp(author string, now time.Time, op Op) (Op, error) {
	if _, ok := required[op.Kind]; !ok {
		return Op{}, fmt.Errorf("unknown change %q", op.Kind)
	}
	op.Author = strings.TrimSpace(author)
	if op.Author == "" {
		op.Author = "unknown"
	}
	op.Time, op.ID = now, newID()
	if op.Doc != "" {
		op.Doc = s.Ref(op.Doc)
	}
	return op, validate(op)
}

// appendOps re-reads the file under the lock, appends what add makes of
// it and writes the result atomically. Nothing is written when add
// returns no ops.
func (s *Store) appendOps(add func(disk []Op) ([]Op, error)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.locked(func() error {
		// Under the lock, no live writer's temporary file is taken for
		// one a crashed writer left.
		s.removeStaleTemps()
		disk, sum, err := s.readDisk()
		if err != nil {
			return err
		}
		ops, err := add(disk)
		if err != nil {
			return err
		}
		if len(ops) == 0 {
			s.ops, s.version = disk, sum
			return nil
		}
		merged := append(disk, ops...)
		sum, err = writeAtomic(s.path, render(merged))
		if err != nil {
			return err
		}
		s.ops, s.version = merged, sum
		return nil
	})
}

// Reload re-reads the file if another writer changed it, reporting
// whether anything changed.
func (s *Store) Reload() (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ops, sum, err := s.readDisk()
	if err != nil {
		return false, err
	}
	changed := sum != s.version
	s.ops, s.version = ops, sum
	return changed, nil
}

func validate(op Op) error {
	for _, k := range required[op.Kind] {
		if op.fields()[k] == "" {
			return fmt.Errorf("%s needs %s", op.Kind, k)
		}
	}
	// Files read back may hold a note without a topic, written by hand;
	// it is reported when applied. A note written now needs one to go to.
	if op.Kind == Note && op.Topic == "" {
		return errors.New("note needs topic")
	}
	if op.Doc != "" && (op.Start < 0 || op.End < op.Start) {
		return fmt.Errorf("span %d-%d is not a span of the document", op.Start, op.End)
	}
	if strings.ContainsAny(op.Topic+op.Into+op.Position+op.Label, "\n\r") {
		return errors.New("topic and position names must be on one line")
	}
	return nil
}

// readDisk reads and parses the file. A missing file is empty.
func (s *Store) readDisk() ([]Op, [sha256.Size]byte, error) {
	data, err := os.ReadFile(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, sha256.Sum256(nil), nil
	}
	if err != nil {
		return nil, [sha256.Size]byte{}, fmt.Errorf("annotations %s: %w", s.path, err)
	}
	ops, err := parse(bytes.NewReader(data))
	if err != nil {
		return nil, [sha256.Size]byte{}, fmt.Errorf("%w: %s: %v (fix or remove that line; the file was not changed)", ErrCorrupt, s.path, err)
	}
	return ops, sha256.Sum256(data), nil
}

// locked runs fn holding the advisory lock on the file's lock file, which
// serialises read-modify-write across processes.
func (s *Store) locked(fn func() error) error {
	if err := os.MkdirAll(filepath.Dir(s.path), 0o755); err != nil {
		return fmt.Errorf("annotations folder: %w", err)
	}
	unlock, err := lockFile(s.path + ".lock")
	if err != nil {
		return fmt.Errorf("locking %s: %w", s.path, err)
	}
	defer unlock()
	return fn()
}

func tempPattern(path string) string { return "." + filepath.Base(path) + ".tmp-*" }

// removeStaleTemps deletes temporary files a crashed writer left. It must
// run under the lock, so no live writer's temp file is taken.
func (s *Store) removeStaleTemps() {
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(s.path), tempPattern(s.path)))
	for _, m := range matches {
		os.Remove(m)
	}
}

// writeAtomic replaces path with data: a temporary file in the same folder
// is written and synced, renamed over path, and the folder synced, so a
// crash leaves either the old file or the new one, never a mix.
func writeAtomic(path string, data []byte) ([sha256.Size]byte, error) {
	var zero [sha256.Size]byte
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, tempPattern(path))
	if err != nil {
		return zero, fmt.Errorf("writing annotations: %w", err)
	}
	tmp := f.Name()
	fail := func(err error) ([sha256.Size]byte, error) {
		f.Close()
		os.Remove(tmp)
		return zero, fmt.Errorf("writing annotations: %w", err)
	}
	if _, err := f.Write(data); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return zero, fmt.Errorf("writing annotations: %w", err)
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // makes the rename durable; not all systems allow it
		d.Close()
	}
	return sha256.Sum256(data), nil
}

func newID() string {
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		// crypto/rand does not fail on supported systems; fall back to
		// the clock rather than stopping a save.
		return fmt.Sprintf("%x", time.Now().UnixNano())
	}
	return hex.EncodeToString(b[:])
}
