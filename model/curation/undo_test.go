package curation

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
)

// withID gives ops the IDs a store would, so undos can name them.
func withID(ops ...Op) []Op {
	for i := range ops {
		ops[i].ID = "c" + string(rune('a'+i))
	}
	return ops
}

// Undoing a change leaves the claims as they were before it, whatever the
// change was.
func TestUndoWithdrawsEachKindOfChange(t *testing.T) {
	c := testCorpus()
	cs, ce := span("Cal said nothing")
	as, ae := span("The tapes are real")
	// Each case is made after a first change, so undoing the second must
	// keep the first.
	first := Op{Kind: NewTopic, Topic: "user:1", Label: "Who speaks?"}
	cases := map[string]Op{
		"dismiss": {Kind: Dismiss, Topic: "auto"},
		"rename":  {Kind: Rename, Topic: "auto", Label: "renamed"},
		"mark":    {Kind: Mark, Topic: "user:1", Position: "silent", Doc: "news/a.md", Start: cs, End: ce, Holder: "Cal", Text: docText[cs:ce]},
		"move":    {Kind: Move, Topic: "auto", Into: "user:1", Position: "speaks", Doc: "news/a.md", Start: as, End: ae},
		"merge":   {Kind: Merge, Topic: "auto", Into: "user:1"},
		"note":    {Kind: Note, Topic: "auto", Doc: "news/a.md", Start: as, End: ae, Text: "checked"},
		"topic":   {Kind: NewTopic, Topic: "user:2", Label: "another"},
		"holder":  {Kind: Hold, Topic: "auto", Doc: "news/a.md", Start: as, End: ae, Holder: "Cal", Text: docText[as:ae]},
		"drop":    {Kind: Drop, Topic: "auto", Doc: "news/a.md", Start: as, End: ae, Text: docText[as:ae]},
	}
	want, stale := Apply(c, found(c), withID(first))
	if len(stale) != 0 {
		t.Fatal(stale)
	}
	for name, op := range cases {
		ops := withID(first, op, Op{Kind: Undo})
		ops[2].Undoes = ops[1].ID
		done, _ := Apply(c, found(c), ops[:2])
		if reflect.DeepEqual(done, want) {
			t.Fatalf("%s: the change did nothing, so its undo proves nothing", name)
		}
		got, stale := Apply(c, found(c), ops)
		if len(stale) != 0 {
			t.Errorf("%s: undo reported %v", name, stale)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s undone gives\n%+v\nwant\n%+v", name, got, want)
		}
	}
}

// Undoing an undo brings the change back; a second undo of the same change
// (two sessions undoing it) changes nothing more.
func TestUndoOfUndoRestoresTheChange(t *testing.T) {
	c := testCorpus()
	ops := withID(Op{Kind: Dismiss, Topic: "auto"}, Op{Kind: Undo}, Op{Kind: Undo}, Op{Kind: Undo})
	ops[1].Undoes = ops[0].ID
	ops[2].Undoes = ops[1].ID
	ops[3].Undoes = ops[0].ID
	for n, dismissed := range map[int]bool{1: true, 2: false, 3: true, 4: false} {
		cs, stale := Apply(c, found(c), ops[:n])
		if len(stale) != 0 {
			t.Fatalf("%d lines: %v", n, stale)
		}
		if got := cs.Topic("auto").Dismissed; got != dismissed {
			t.Errorf("after %d lines the topic is dismissed=%v, want %v", n, got, dismissed)
		}
	}
}

func TestUndoOfUnknownChange(t *testing.T) {
	s := mustOpen(t, newPath(t))
	if err := s.Add("ana", Op{Kind: Undo, Undoes: "nosuchid"}); err == nil || !strings.Contains(err.Error(), "nosuchid") {
		t.Errorf("undo of a change not in the file: %v; want an error naming it", err)
	}
	if err := s.Add("ana", Op{Kind: Undo}); err == nil {
		t.Error("an undo naming no change was accepted")
	}
	if len(mustOpen(t, s.Path()).Ops()) != 0 {
		t.Error("a refused undo was written")
	}
	// One written by hand is reported, not obeyed or fatal.
	_, stale := Apply(testCorpus(), found(testCorpus()), withID(Op{Kind: Undo, Undoes: "gone", Author: "ana"}))
	if len(stale) != 1 || !strings.Contains(stale[0], "gone") {
		t.Errorf("stale = %v; want the unknown change reported", stale)
	}
}

// An undo is a new line: what was in the file stays byte for byte, lines
// another process appended meanwhile are kept, and their changes still
// apply over the undone one.
func TestUndoAfterAnotherWriterKeepsTheirLines(t *testing.T) {
	path := newPath(t)
	mine, theirs := mustOpen(t, path), mustOpen(t, path)
	saved, err := mine.Save("ana", Op{Kind: Dismiss, Topic: "auto"})
	if err != nil {
		t.Fatal(err)
	}
	for _, op := range []Op{{Kind: Rename, Topic: "auto", Label: "by ben"}, {Kind: NewTopic, Topic: "ben:1", Label: "ben's"}} {
		if err := theirs.Add("ben", op); err != nil {
			t.Fatal(err)
		}
	}
	before, _ := os.ReadFile(path)
	// mine has not re-read the file since ben wrote.
	undo, err := mine.Save("ana", Op{Kind: Undo, Undoes: saved[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.HasPrefix(after, before) {
		t.Fatalf("the undo rewrote the file instead of appending to it:\n%s", after)
	}
	if line := string(after[len(before):]); !strings.Contains(line, "op=undo undoes="+saved[0].ID) || !strings.Contains(line, "topic=auto") {
		t.Errorf("undo line %q does not say what it withdraws", line)
	}
	if undo[0].Topic != "auto" || undo[0].Author != "ana" {
		t.Errorf("saved undo = %+v", undo[0])
	}
	if _, err := theirs.Reload(); err != nil {
		t.Fatal(err)
	}
	for _, s := range []*Store{mine, theirs, mustOpen(t, path)} {
		c := testCorpus()
		cs, stale := s.Apply(c, found(c))
		if len(stale) != 0 {
			t.Fatal(stale)
		}
		if tp := cs.Topic("auto"); tp.Dismissed || tp.Label != "by ben" {
			t.Errorf("after the undo topic = %+v; want back, with ben's name", tp)
		}
		if cs.Topic("ben:1") == nil {
			t.Error("ben's topic was lost")
		}
	}
}

// Undos from two processes at once both land.
func TestConcurrentUndos(t *testing.T) {
	path := newPath(t)
	a, b := mustOpen(t, path), mustOpen(t, path)
	sa, err := a.Save("ana", Op{Kind: Rename, Topic: "auto", Label: "a"})
	if err != nil {
		t.Fatal(err)
	}
	sb, err := b.Save("ben", Op{Kind: Dismiss, Topic: "auto"})
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 2)
	go func() { _, err := a.Save("ana", Op{Kind: Undo, Undoes: sa[0].ID}); errs <- err }()
	go func() { _, err := b.Save("ben", Op{Kind: Undo, Undoes: sb[0].ID}); errs <- err }()
	for i := 0; i < 2; i++ {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	c := testCorpus()
	cs, stale := mustOpen(t, path).Apply(c, found(c))
	if len(stale) != 0 {
		t.Fatal(stale)
	}
	if tp := cs.Topic("auto"); tp.Dismissed || tp.Label != "tapes: real vs fake" {
		t.Errorf("after both undos topic = %+v; want it as found", tp)
	}
}

// A note saved empty removes the note; a note needs a topic to go to.
func TestEmptyNoteRemovesIt(t *testing.T) {
	s := mustOpen(t, newPath(t))
	for _, op := range []Op{{Kind: Note, Topic: "auto", Text: "first"}, {Kind: Note, Topic: "auto"}} {
		if err := s.Add("ana", op); err != nil {
			t.Fatal(err)
		}
	}
	c := testCorpus()
	cs, stale := mustOpen(t, s.Path()).Apply(c, found(c))
	if len(stale) != 0 || cs.Topic("auto").Note != "" {
		t.Errorf("note = %q, stale %v; want the note removed", cs.Topic("auto").Note, stale)
	}
	if err := s.Add("ana", Op{Kind: Note, Text: "nowhere"}); err == nil {
		t.Error("a note with no topic was accepted")
	}
}

// Undismiss takes back every dismissal of a topic in force, including one
// another process saved after this store last read the file, and writes
// nothing for a topic that is not dismissed.
func TestUndismissTakesBackEveryDismissal(t *testing.T) {
	path := newPath(t)
	a, b := mustOpen(t, path), mustOpen(t, path)
	first, err := a.Save("ana", Op{Kind: Dismiss, Topic: "auto"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Save("ana", Op{Kind: Undo, Undoes: first[0].ID}); err != nil {
		t.Fatal(err)
	}
	if err := a.Add("ana", Op{Kind: Dismiss, Topic: "auto"}); err != nil {
		t.Fatal(err)
	}
	if err := b.Add("ben", Op{Kind: Dismiss, Topic: "auto"}); err != nil {
		t.Fatal(err)
	}
	undos, err := a.Undismiss("cal", "auto")
	if err != nil {
		t.Fatal(err)
	}
	// The first dismissal was undone already: only the two in force.
	if len(undos) != 2 || undos[0].Author != "cal" || undos[0].Kind != Undo {
		t.Fatalf("undismiss saved %+v, want two undos by cal", undos)
	}
	c := testCorpus()
	cs, stale := mustOpen(t, path).Apply(c, found(c))
	if len(stale) != 0 || cs.Topic("auto").Dismissed {
		t.Errorf("after undismiss: dismissed=%v stale=%v", cs.Topic("auto").Dismissed, stale)
	}
	before, _ := os.ReadFile(path)
	if undos, err := a.Undismiss("cal", "auto"); err != nil || len(undos) != 0 {
		t.Errorf("undismiss of a topic in the list: %v, %v; want nothing", undos, err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("undismiss of a topic in the list wrote to the file")
	}
}
