package curation

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
)

func newPath(t *testing.T) string {
	t.Helper()
	return filepath.Join(t.TempDir(), FileName)
}

func mustOpen(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestRoundTrip(t *testing.T) {
	path := newPath(t)
	s := mustOpen(t, path)
	changes := []Op{
		{Kind: NewTopic, Topic: "t1", Label: `Are the "tapes" real?`},
		{Kind: Mark, Topic: "t1", Position: "fake", Doc: "sample/a b.md", Start: 10, End: 42, Holder: "Nikolai Sarkov", Text: "These recordings are fake.\nAll of them."},
		{Kind: Rename, Topic: "t1", Label: "Authenticity — ünïcode"},
		{Kind: Merge, Topic: "t2", Into: "t1"},
		{Kind: Move, Topic: "t1", Into: "t3", Position: "real", Doc: "d.md", Start: 0, End: 5},
		{Kind: Dismiss, Topic: "ax:legal/illegal/fee"},
		{Kind: Note, Topic: "t1", Text: "check with the lawyer = tomorrow"},
		{Kind: Drop, Topic: "t1", Doc: "d.md", Start: 0, End: 5, Text: "not a claim"},
		{Kind: Hold, Topic: "t1", Doc: "d.md", Start: 0, End: 5, Holder: "Ministry of Ports", Text: "abc"},
	}
	for i, op := range changes {
		if err := s.Add(fmt.Sprintf("user %d", i), op); err != nil {
			t.Fatalf("Add %s: %v", op.Kind, err)
		}
	}
	again := mustOpen(t, path)
	got, want := again.Ops(), s.Ops()
	if len(got) != len(changes) {
		t.Fatalf("read back %d changes, wrote %d", len(got), len(changes))
	}
	for i := range got {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("change %d read back as\n%+v\nwant\n%+v", i, got[i], want[i])
		}
		if got[i].Author != fmt.Sprintf("user %d", i) || got[i].ID == "" || got[i].Time.IsZero() {
			t.Errorf("change %d lost its author, id or time: %+v", i, got[i])
		}
	}
	data, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(data), "# backchannel annotations") {
		t.Error("file does not open with the header saying what it is")
	}
}

func TestAddRefusesIncompleteChange(t *testing.T) {
	s := mustOpen(t, newPath(t))
	if err := s.Add("ana", Op{Kind: Mark, Topic: "t"}); err == nil {
		t.Error("a mark without a document and position was accepted")
	}
	if err := s.Add("ana", Op{Kind: "paint"}); err == nil {
		t.Error("an unknown change was accepted")
	}
	if err := s.Add("ana", Op{Kind: Mark, Topic: "t", Position: "p", Doc: "d.md", Start: 9, End: 3}); err == nil {
		t.Error("a mark whose span ends before it starts was accepted")
	}
	if len(s.Ops()) != 0 {
		t.Error("a refused change was kept")
	}
}

// Two processes are two stores on one file: each change either makes must
// survive the other's writes.
func TestTwoWritersInterleaved(t *testing.T) {
	path := newPath(t)
	a, b := mustOpen(t, path), mustOpen(t, path)
	for i := 0; i < 5; i++ {
		if err := a.Add("ana", Op{Kind: NewTopic, Topic: fmt.Sprintf("a%d", i), Label: "from a"}); err != nil {
			t.Fatal(err)
		}
		if err := b.Add("ben", Op{Kind: NewTopic, Topic: fmt.Sprintf("b%d", i), Label: "from b"}); err != nil {
			t.Fatal(err)
		}
	}
	changed, err := a.Reload()
	if err != nil || !changed {
		t.Fatalf("Reload after the other writer = %v, %v; want a change", changed, err)
	}
	final := mustOpen(t, path).Ops()
	if len(final) != 10 {
		t.Fatalf("file holds %d changes, want 10 (5 from each writer)", len(final))
	}
	for i, op := range final {
		want := "a"
		if i%2 == 1 {
			want = "b"
		}
		if op.Topic != fmt.Sprintf("%s%d", want, i/2) {
			t.Errorf("change %d is %s, want %s%d: order of writes lost", i, op.Topic, want, i/2)
		}
	}
	if !reflect.DeepEqual(a.Ops(), final) {
		t.Error("a reloaded store differs from the file")
	}
}

func TestConcurrentWritersLoseNothing(t *testing.T) {
	path := newPath(t)
	stores := []*Store{mustOpen(t, path), mustOpen(t, path)}
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for w := 0; w < 40; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			errs <- stores[w%2].Add(fmt.Sprintf("u%d", w), Op{Kind: NewTopic, Topic: fmt.Sprint(w), Label: "x"})
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	seen := map[string]bool{}
	for _, op := range mustOpen(t, path).Ops() {
		seen[op.Topic] = true
	}
	if len(seen) != 40 {
		t.Errorf("%d of 40 concurrent changes survived", len(seen))
	}
}

// A writer that died after writing its temporary file but before renaming
// it leaves the old file whole; the next open reads the old file and the
// next write clears the leftover.
func TestCrashBeforeRenameLosesNothing(t *testing.T) {
	path := newPath(t)
	s := mustOpen(t, path)
	if err := s.Add("ana", Op{Kind: NewTopic, Topic: "kept", Label: "kept"}); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	leftover := filepath.Join(filepath.Dir(path), "."+FileName+".tmp-12345")
	if err := os.WriteFile(leftover, []byte("id=x time=2026-01-01T00:00:00Z op=top"), 0o644); err != nil {
		t.Fatal(err)
	}
	again := mustOpen(t, path)
	if ops := again.Ops(); len(ops) != 1 || ops[0].Topic != "kept" {
		t.Fatalf("after the crash the store holds %+v, want the one change written before", ops)
	}
	after, _ := os.ReadFile(path)
	if string(after) != string(before) {
		t.Error("opening changed the file")
	}
	if err := again.Add("ben", Op{Kind: Dismiss, Topic: "kept"}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(leftover); !errors.Is(err, os.ErrNotExist) {
		t.Error("the crashed writer's temporary file was not cleared")
	}
	if n := len(mustOpen(t, path).Ops()); n != 2 {
		t.Errorf("after the crash and a new change the file holds %d changes, want 2", n)
	}
}

func TestCorruptFileNamesLineAndIsNeverOverwritten(t *testing.T) {
	path := newPath(t)
	s := mustOpen(t, path)
	if err := s.Add("ana", Op{Kind: NewTopic, Topic: "t", Label: "T"}); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	broken := string(data) + "\n# a comment\nid=zz time=2026-01-01T00:00:00Z op=rename topic=\"unclosed\n"
	if err := os.WriteFile(path, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	wantLine := strings.Count(broken[:strings.Index(broken, "id=zz")], "\n") + 1
	_, err := Open(path)
	if err == nil || !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), fmt.Sprintf("line %d:", wantLine)) {
		t.Fatalf("Open of a broken file: %v; want ErrCorrupt naming line %d", err, wantLine)
	}
	// A store opened before the file broke must refuse to write over it.
	if err := s.Add("ben", Op{Kind: Dismiss, Topic: "t"}); err == nil || !errors.Is(err, ErrCorrupt) {
		t.Fatalf("Add over a broken file: %v; want ErrCorrupt", err)
	}
	after, _ := os.ReadFile(path)
	if string(after) != broken {
		t.Error("the broken file was changed")
	}
}

func TestParseErrors(t *testing.T) {
	cases := map[string]string{
		`id=a time=2026-01-01T00:00:00Z op=paint`:                                  `unknown op "paint"`,
		`id=a time=yesterday op=dismiss topic=t`:                                   "not RFC 3339",
		`id=a time=2026-01-01T00:00:00Z op=mark topic=t position=p doc=d span=9-3`: `span "9-3"`,
		`id=a time=2026-01-01T00:00:00Z op=mark topic=t doc=d span=1-3`:            "needs position",
		`id=a time=2026-01-01T00:00:00Z op=dismiss topic=t colour=red`:             "unknown field colour",
		`id=a time=2026-01-01T00:00:00Z op=dismiss topic="t`:                       "quoted value for topic",
		`id=a time=2026-01-01T00:00:00Z op=dismiss topic=t topic=u`:                "topic given twice",
		`just words`: "expected key=value",
	}
	for line, want := range cases {
		_, err := parse(strings.NewReader("# header\n\n" + line + "\n"))
		if err == nil || !strings.Contains(err.Error(), "line 3:") || !strings.Contains(err.Error(), want) {
			t.Errorf("parse(%q) = %v; want line 3 and %q", line, err, want)
		}
	}
}

// Reading creates nothing beside the documents, so a read-only folder of
// documents can be opened, its curation read and reloaded.
func TestReadingCreatesNoFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	s := mustOpen(t, path)
	if err := s.Add("ana", Op{Kind: NewTopic, Topic: "kept", Label: "kept"}); err != nil {
		t.Fatal(err)
	}
	os.Remove(path + ".lock")
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	again := mustOpen(t, path)
	if ops := again.Ops(); len(ops) != 1 || ops[0].Topic != "kept" {
		t.Fatalf("read %+v from a read-only folder, want the one change", ops)
	}
	if _, err := again.Reload(); err != nil {
		t.Fatalf("reload in a read-only folder: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the folder holds %d files after reading, want only the annotations", len(entries))
	}
}
