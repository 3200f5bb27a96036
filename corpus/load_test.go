package corpus

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/backchannel-news/backchannel/model"
)

func write(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func problemFor(c *model.Corpus, suffix string) string {
	for _, p := range c.Problems {
		if strings.HasSuffix(p.Path, suffix) {
			return p.Reason
		}
	}
	return ""
}

func TestLoadReportsEachBadInputAndLoadsTheRest(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "good.txt", "A headline\n\n\"We never saw the money,\" Mara Quill said.\n")
	write(t, dir, "empty.txt", "  \n\n")
	write(t, dir, "binary.txt", "PK\x03\x04\x00\x00rest")
	write(t, dir, "latin1.txt", "caf\xe9 au lait\nsecond line\n")
	write(t, dir, "notes.pdf", "ignored: not a document extension")
	write(t, dir, ".hidden/secret.txt", "never read")
	write(t, dir, ".draft.md", "never read either")
	emptyDir := filepath.Join(dir, "nothing-here")
	if err := os.Mkdir(emptyDir, 0o755); err != nil {
		t.Fatal(err)
	}

	c, err := Load([]string{dir, filepath.Join(dir, "missing.txt"), emptyDir})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if len(c.Docs) != 1 || !strings.HasSuffix(c.Docs[0].Path, "good.txt") {
		t.Fatalf("docs = %v, want only good.txt", docPaths(c))
	}
	for suffix, want := range map[string]string{
		"empty.txt":    "empty file",
		"binary.txt":   "binary file",
		"latin1.txt":   "not valid UTF-8 text (bad byte at line 1, offset 3)",
		"missing.txt":  "no such file or directory",
		"nothing-here": "folder holds no .txt, .md, .vtt or .srt documents",
	} {
		if got := problemFor(c, suffix); !strings.Contains(got, want) {
			t.Errorf("problem for %s = %q, want it to contain %q", suffix, got, want)
		}
	}
	if len(c.Problems) != 5 {
		t.Errorf("problems = %v, want exactly 5 (hidden and non-document files are skipped silently by design)", c.Problems)
	}
}

// TestLoadWalksSubtitles checks that a folder's WebVTT and SRT files are
// read, as the transcripts they are.
func TestLoadWalksSubtitles(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "clip.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Ida Brun>The river is rising.\n")
	write(t, dir, "clip2.srt", "1\n00:00:01,000 --> 00:00:03,000\nMAYOR FENN: We were warned on Sunday.\n")
	c, err := Load([]string{dir})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if len(c.Docs) != 2 || len(c.Problems) != 0 {
		t.Fatalf("docs = %v, problems = %v, want both subtitle files", docPaths(c), c.Problems)
	}
	for _, d := range c.Docs {
		if d.Kind != model.Transcript || len(c.QuotesOf(d.ID)) != 1 {
			t.Errorf("%s: kind %v, %d quotations; want a transcript with one", d.Path, d.Kind, len(c.QuotesOf(d.ID)))
		}
	}
}

func TestLoadFailsOnlyWhenNothingLoads(t *testing.T) {
	dir := t.TempDir()
	bad := write(t, dir, "empty.md", "")
	c, err := Load([]string{bad, filepath.Join(dir, "nope")})
	if !errors.Is(err, ErrNothingLoaded) {
		t.Fatalf("err = %v, want ErrNothingLoaded", err)
	}
	if len(c.Problems) != 2 {
		t.Fatalf("problems = %v, want 2", c.Problems)
	}
}

func TestUnreadableFileIsReported(t *testing.T) {
	denied := Source{Name: "locked.txt", Read: func() ([]byte, error) {
		return nil, &fs.PathError{Op: "open", Path: "locked.txt", Err: fs.ErrPermission}
	}}
	c, _ := Build([]Source{denied}, nil)
	if got := problemFor(c, "locked.txt"); got != "permission denied" {
		t.Fatalf("reason = %q, want permission denied", got)
	}
}

func TestSymlinkLoopIsSurvivedAndFilesAreNotReadTwice(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a/doc.txt", "Title\n\nBody text here.\n")
	if err := os.Symlink(dir, filepath.Join(dir, "a", "loop")); err != nil {
		t.Skip("symlinks unsupported:", err)
	}
	if err := os.Symlink(filepath.Join(dir, "a", "doc.txt"), filepath.Join(dir, "alias.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "gone.txt"), filepath.Join(dir, "dangling.txt")); err != nil {
		t.Fatal(err)
	}
	c, err := Load([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Docs) != 1 {
		t.Fatalf("docs = %v, want the one real file once", docPaths(c))
	}
	if got := problemFor(c, "dangling.txt"); got != "broken symbolic link" {
		t.Errorf("dangling link reason = %q", got)
	}
}

func TestFrontMatterAndTitles(t *testing.T) {
	dir := t.TempDir()
	md := write(t, dir, "story.md", "---\ntitle: \"Port deal: the calls\"\nsource: The Harbour Ledger\ndate: 2026-03-02\nurl: https://example.invalid/a\nauthor: Ines Vale\n---\n# Ignored heading\n\nBody.\n")
	txt := write(t, dir, "plain.txt", "\n  Minister denies everything  \nBody line.\n\nSource: Northern Wire\n")
	c, err := Load([]string{md, txt})
	if err != nil {
		t.Fatal(err)
	}
	d := c.Docs[0]
	if d.Title != "Port deal: the calls" || d.Outlet != "The Harbour Ledger" || d.Date != "2026-03-02" || d.Author != "Ines Vale" || d.URL != "https://example.invalid/a" {
		t.Errorf("front matter doc = %+v", d)
	}
	if got := d.Text[d.BodyStart:]; !strings.HasPrefix(got, "# Ignored heading") {
		t.Errorf("body starts %q", got[:20])
	}
	p := c.Docs[1]
	if p.Title != "Minister denies everything" || p.Outlet != "Northern Wire" {
		t.Errorf("plain doc title %q outlet %q", p.Title, p.Outlet)
	}
}

func TestBrokenFrontMatterIsReportedWithItsReason(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "broken.md", "---\ntitle: [unclosed\n---\nBody.\n")
	c, _ := Load([]string{p})
	if got := problemFor(c, "broken.md"); !strings.HasPrefix(got, "front matter:") {
		t.Fatalf("reason = %q, want a front matter error", got)
	}
}

func TestQuoteLinesAndOffsetsPointIntoTheFile(t *testing.T) {
	text := "---\ntitle: T\n---\nFirst.\n\n\"The port was never for sale,\" Oren Brask said.\n"
	doc, err := ParseDocument("x.md", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	c := Assemble([]model.Document{doc}, nil)
	if len(c.Quotes) != 1 {
		t.Fatalf("quotes = %+v", c.Quotes)
	}
	q := c.Quotes[0]
	if q.Line != 6 || c.Docs[0].Text[q.Start:q.End] != q.Text || c.SpeakerName(int(q.Speaker)) != "Oren Brask" {
		t.Fatalf("quote = %+v speaker %q", q, c.SpeakerName(int(q.Speaker)))
	}
}

func docPaths(c *model.Corpus) []string {
	var out []string
	for _, d := range c.Docs {
		out = append(out, d.Path)
	}
	return out
}

func TestHugeFileIsRefusedWithoutReadingIt(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "dump.txt")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	// Sparse: the test costs no disk and no memory.
	if err := f.Truncate(MaxFileSize + 1<<20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	write(t, dir, "ok.txt", "Fine\n")
	c, err := Load([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if got := problemFor(c, "dump.txt"); !strings.Contains(got, "larger than 64 MiB (65 MiB)") {
		t.Fatalf("reason = %q", got)
	}
}
