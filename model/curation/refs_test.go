package curation

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/backchannel-news/backchannel/corpus"
	"github.com/backchannel-news/backchannel/corpus/sample"
	"github.com/backchannel-news/backchannel/model"
)

const otherText = "Dana wrote that the ledger was forged in March.\n"

// leakFolder writes a corpus the way a journalist keeps one, ROOT/leak/seeds
// with a sub-folder, plus ROOT/link, a symlink to the same folder, and
// makes ROOT/leak the working folder. It returns ROOT.
func leakFolder(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	seeds := filepath.Join(root, "leak", "seeds")
	for name, text := range map[string]string{"a.md": docText, "more/b.md": otherText} {
		p := filepath.Join(seeds, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(seeds, filepath.Join(root, "link")); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	t.Chdir(filepath.Join(root, "leak"))
	return root
}

// loadAs loads the corpus named as a user would type it and opens its
// annotations where the command line does.
func loadAs(t *testing.T, typed string) (*model.Corpus, *Store) {
	t.Helper()
	c, err := corpus.Load([]string{typed})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Docs) != 2 {
		t.Fatalf("%s: loaded %d documents, want 2", typed, len(c.Docs))
	}
	path, err := PathFor([]string{typed})
	if err != nil {
		t.Fatal(err)
	}
	return c, mustOpen(t, path)
}

func docNamed(t *testing.T, c *model.Corpus, base string) int {
	t.Helper()
	for i := range c.Docs {
		if filepath.Base(c.Docs[i].Path) == base {
			return i
		}
	}
	t.Fatalf("no document %s in %v", base, c.Docs)
	return -1
}

// curateAll makes every kind of change that names a document.
func curateAll(t *testing.T, c *model.Corpus, s *Store) {
	t.Helper()
	a, b := &c.Docs[docNamed(t, c, "a.md")], &c.Docs[docNamed(t, c, "b.md")]
	cs, ce := span("Cal said nothing")
	as, ae := span("The tapes are real")
	fs, fe := 0, strings.Index(otherText, ".")
	for _, op := range []Op{
		{Kind: NewTopic, Topic: "user:1", Label: "Who speaks?"},
		{Kind: Mark, Topic: "user:1", Position: "silent", Doc: a.Path, Start: cs, End: ce, Holder: "Cal", Text: docText[cs:ce]},
		{Kind: Mark, Topic: "user:1", Position: "writes", Doc: b.Path, Start: fs, End: fe, Holder: "Dana", Text: otherText[fs:fe]},
		{Kind: Note, Topic: "user:1", Doc: a.Path, Start: cs, End: ce, Text: "asked twice"},
		{Kind: Move, Topic: "auto", Into: "user:1", Position: "speaks", Doc: a.Path, Start: as, End: ae, Text: docText[as:ae]},
	} {
		if err := s.Add("ana", op); err != nil {
			t.Fatal(err)
		}
	}
	// A note on an automatic claim nobody moved names its document only
	// by reference, with no text to find it by.
	bs, be := span("the tapes are fake")
	if err := s.Add("ana", Op{Kind: Note, Topic: "auto", Doc: a.Path, Start: bs, End: be, Text: "Ben retracted"}); err != nil {
		t.Fatal(err)
	}
}

// checkCurated fails unless every change curateAll made applies to c.
func checkCurated(t *testing.T, c *model.Corpus, cs *model.ClaimSet, stale []string) {
	t.Helper()
	if len(stale) != 0 {
		t.Fatalf("changes no longer apply: %v", stale)
	}
	got := positionsOf(cs, "user:1")
	for label, holder := range map[string]string{"silent": "Cal", "writes": "Dana", "speaks": "Ana"} {
		if strings.Join(got[label], ",") != holder {
			t.Errorf("position %s holds %v, want %s", label, got[label], holder)
		}
	}
	notes := map[string]string{}
	for _, cl := range cs.Claims {
		notes[cl.Holder] = cl.Note
		if cl.Holder == "Dana" && c.Docs[cl.Doc].Text != otherText {
			t.Errorf("Dana's claim is placed in %s", c.Docs[cl.Doc].Path)
		}
	}
	if notes["Cal"] != "asked twice" || notes["Ben"] != "Ben retracted" {
		t.Errorf("notes = %v", notes)
	}
}

// The bug this guards: marks made after "backchannel /tmp/leak/seeds" no
// longer applied after "cd /tmp/leak && backchannel seeds".
func TestMarksApplyHoweverTheCorpusIsNamed(t *testing.T) {
	spellings := func(root string) []string {
		abs := filepath.Join(root, "leak", "seeds")
		return []string{"seeds", "./seeds/", abs, abs + "/", filepath.Join(root, "link"), "../link/"}
	}
	names := spellings("ROOT")
	for _, markAs := range []int{0, 2, 4} {
		for openAs := range names {
			t.Run(names[markAs]+" then "+names[openAs], func(t *testing.T) {
				all := spellings(leakFolder(t))
				c, s := loadAs(t, all[markAs])
				curateAll(t, c, s)
				for _, op := range mustOpen(t, s.Path()).Ops() {
					if op.Doc != "" && op.Doc != "a.md" && op.Doc != "more/b.md" {
						t.Errorf("%s names its document %q, not relative to the annotations file", op.Kind, op.Doc)
					}
				}
				c2, s2 := loadAs(t, all[openAs])
				cs, stale := s2.Apply(c2, found(c2))
				checkCurated(t, c2, cs, stale)
			})
		}
	}
}

// A file written before references named documents as typed, from
// wherever the user was; it must still load and apply.
func TestOldFileWithPathsAsTypedStillApplies(t *testing.T) {
	root := leakFolder(t)
	seeds := filepath.Join(root, "leak", "seeds")
	cs, ce := span("Cal said nothing")
	as, ae := span("The tapes are real")
	bs, be := span("the tapes are fake")
	fe := strings.Index(otherText, ".")
	old := []Op{
		{Kind: NewTopic, Topic: "user:1", Label: "Who speaks?"},
		// typed from ROOT/leak: "backchannel seeds"
		{Kind: Mark, Topic: "user:1", Position: "silent", Doc: "seeds/a.md", Start: cs, End: ce, Holder: "Cal", Text: docText[cs:ce]},
		{Kind: Note, Topic: "user:1", Doc: "seeds/a.md", Start: cs, End: ce, Text: "asked twice"},
		// typed through the symlink
		{Kind: Mark, Topic: "user:1", Position: "writes", Doc: filepath.Join(root, "link", "more", "b.md"), Start: 0, End: fe, Holder: "Dana", Text: otherText[:fe]},
		// typed from ROOT: "backchannel leak/seeds/"
		{Kind: Move, Topic: "auto", Into: "user:1", Position: "speaks", Doc: "leak/seeds/a.md", Start: as, End: ae, Text: docText[as:ae]},
		{Kind: Note, Topic: "auto", Doc: "leak/seeds/a.md", Start: bs, End: be, Text: "Ben retracted"},
	}
	var b strings.Builder
	b.WriteString(header)
	for i, op := range old {
		op.ID, op.Author = string(rune('a'+i)), "ana"
		b.WriteString(op.String() + "\n")
	}
	path := filepath.Join(seeds, FileName)
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	c, s := loadAs(t, seeds)
	if s.Path() != path {
		t.Fatalf("annotations at %s, want %s", s.Path(), path)
	}
	got, stale := s.Apply(c, found(c))
	checkCurated(t, c, got, stale)
	after, _ := os.ReadFile(path)
	if string(after) != b.String() {
		t.Error("reading an old file changed it")
	}
}

// A document renamed since its claim was marked is found by the claim's
// text when exactly one document holds it, and only then.
func TestMovedDocumentIsFoundByTextOnlyWhenUnambiguous(t *testing.T) {
	root := leakFolder(t)
	seeds := filepath.Join(root, "leak", "seeds")
	c, s := loadAs(t, "seeds")
	curateAll(t, c, s)
	if err := os.Rename(filepath.Join(seeds, "more", "b.md"), filepath.Join(seeds, "b-renamed.md")); err != nil {
		t.Fatal(err)
	}
	c2, s2 := loadAs(t, "seeds")
	cs, stale := s2.Apply(c2, found(c2))
	checkCurated(t, c2, cs, stale)

	// Another document holding Dana's sentence elsewhere does not stop the
	// one holding it at its recorded place from being found...
	if err := os.WriteFile(filepath.Join(seeds, "quoted.md"), []byte("Quoted: "+otherText), 0o644); err != nil {
		t.Fatal(err)
	}
	c3, err := corpus.Load([]string{"seeds"})
	if err != nil {
		t.Fatal(err)
	}
	cs, stale = s2.Apply(c3, found(c3))
	checkCurated(t, c3, cs, stale)
	// ...but two documents holding it there are no answer: no guess.
	if err := os.WriteFile(filepath.Join(seeds, "copy.md"), []byte(otherText), 0o644); err != nil {
		t.Fatal(err)
	}
	c4, err := corpus.Load([]string{"seeds"})
	if err != nil {
		t.Fatal(err)
	}
	cs, stale = s2.Apply(c4, found(c4))
	if len(stale) != 1 || !strings.Contains(stale[0], "more/b.md") {
		t.Errorf("stale = %v; want the one mark whose text two documents hold", stale)
	}
	if got := positionsOf(cs, "user:1")["writes"]; len(got) != 0 {
		t.Errorf("an ambiguous claim was placed: %v", got)
	}
}

// The embedded sample's documents are no files: they keep their names.
func TestSampleDocumentsKeepTheirNames(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	t.Chdir(t.TempDir())
	c, err := sample.Load()
	if err != nil {
		t.Fatal(err)
	}
	path, err := PathFor(nil)
	if err != nil {
		t.Fatal(err)
	}
	s := mustOpen(t, path)
	d := &c.Docs[0]
	text := d.Text[d.BodyStart : d.BodyStart+40]
	if err := s.Add("ana", Op{Kind: Mark, Topic: "user:s", Position: "p", Doc: d.Path,
		Start: d.BodyStart, End: d.BodyStart + 40, Holder: "Ana", Text: text}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(d.Path, sample.Prefix+"/") || mustOpen(t, path).Ops()[0].Doc != d.Path {
		t.Errorf("sample document %s stored as %q", d.Path, s.Ops()[0].Doc)
	}
	cs, stale := mustOpen(t, path).Apply(c, &model.ClaimSet{})
	if len(stale) != 0 || len(positionsOf(cs, "user:s")["p"]) != 1 {
		t.Errorf("sample mark did not apply: %v", stale)
	}
}

// A corpus outside the annotations folder (files named one by one, kept in
// the data folder) is named by absolute path, found from another spelling.
func TestDocumentsOutsideTheFolderAreNamedAbsolute(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	root := leakFolder(t)
	c, err := corpus.Load([]string{"seeds/a.md"})
	if err != nil {
		t.Fatal(err)
	}
	path, _ := PathFor([]string{"seeds/a.md"})
	s := mustOpen(t, path)
	cs, ce := span("Cal said nothing")
	if err := s.Add("ana", Op{Kind: Mark, Topic: "t", Position: "p", Doc: c.Docs[0].Path, Start: cs, End: ce, Holder: "Cal", Text: docText[cs:ce]}); err != nil {
		t.Fatal(err)
	}
	want := filepath.ToSlash(filepath.Join(realPath(filepath.Join(root, "leak", "seeds")), "a.md"))
	if got := s.Ops()[0].Doc; got != want {
		t.Errorf("stored %q, want %q", got, want)
	}
	abs := filepath.Join(root, "leak", "seeds", "a.md")
	c2, err := corpus.Load([]string{abs})
	if err != nil {
		t.Fatal(err)
	}
	path2, _ := PathFor([]string{abs})
	if path2 != path {
		t.Fatalf("the same file by another spelling has its annotations at %s, not %s", path2, path)
	}
	got, stale := mustOpen(t, path2).Apply(c2, found(c2))
	if len(stale) != 0 || len(positionsOf(got, "t")["p"]) != 1 {
		t.Errorf("mark did not apply: %v", stale)
	}
}

// Files named through a symlink share the annotations of the same files
// named directly; a file an earlier version named from the path as typed
// is kept in use rather than left behind.
func TestPathForFollowsSymlinksAndKeepsOldNames(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	root := leakFolder(t)
	direct := []string{filepath.Join(root, "leak", "seeds", "a.md"), "seeds/more/b.md"}
	linked := []string{filepath.Join(root, "link", "a.md"), "../link/more/b.md"}
	p1, err1 := PathFor(direct)
	p2, err2 := PathFor(linked)
	if err1 != nil || err2 != nil || p1 != p2 {
		t.Fatalf("direct %q (%v), through the link %q (%v): want one file", p1, err1, p2, err2)
	}
	old := dataName(filepath.Join(data, "backchannel"), linked, absPath)
	if old == p2 {
		t.Fatal("the link does not change the old name: the test proves nothing")
	}
	if err := os.MkdirAll(filepath.Dir(old), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(old, []byte(header), 0o644); err != nil {
		t.Fatal(err)
	}
	if p, _ := PathFor(linked); p != old {
		t.Errorf("with an annotations file under the old name, PathFor = %q, want %q", p, old)
	}
}

// Sessions of one process share a store: marking and merging at once must
// lose no mark and name every document the same way (run with -race).
func TestConcurrentMarksShareReferences(t *testing.T) {
	leakFolder(t)
	c, s := loadAs(t, "seeds")
	cs, ce := span("Cal said nothing")
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for w := 0; w < 20; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			errs <- s.Add("ana", Op{Kind: Mark, Topic: fmt.Sprint("t", w), Position: "p", Doc: c.Docs[0].Path,
				Start: cs, End: ce, Holder: "Cal", Text: docText[cs:ce]})
			s.Apply(c, found(c))
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	ops := mustOpen(t, s.Path()).Ops()
	if len(ops) != 20 {
		t.Fatalf("%d of 20 marks saved", len(ops))
	}
	for _, op := range ops {
		if op.Doc != "a.md" {
			t.Errorf("mark names its document %q, want a.md", op.Doc)
		}
	}
	if _, stale := s.Apply(c, found(c)); len(stale) != 0 {
		t.Error(stale)
	}
}
