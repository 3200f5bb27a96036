package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel-news/backchannel/corpus"
	"github.com/backchannel-news/backchannel/ui"
)

// listingCommands print a corpus and exit; serve loads one too but then
// serves until stopped, so only its help is tested here.
var listingCommands = []string{"docs", "speakers", "quotes", "search", "claims"}

// commandArgs are the arguments each corpus command needs besides flags
// and paths.
func commandArgs(name string) []string {
	if name == "search" {
		return []string{"search", "harbour"}
	}
	return []string{name}
}

func TestQuietIsAcceptedAndOnlySilencesProgress(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"good.md":    "---\ntitle: Harbour\n---\n\"The harbour stays open all winter,\" Ana Ruiz said.\n",
		"latin1.txt": "caf\xe9 au lait\n",
	})
	for _, name := range listingCommands {
		t.Run(name, func(t *testing.T) {
			r := run(t, "", append(commandArgs(name), "--quiet", "--format", "json", dir)...)
			if r.code != exitOK {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			// A problem is an error the user must see, quiet or not.
			want := "backchannel: " + filepath.Join(dir, "latin1.txt") + ": "
			if lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n"); len(lines) != 1 || !strings.HasPrefix(lines[0], want) {
				t.Errorf("stderr should be the one problem line %q..., got %q", want, r.stderr)
			}
			if strings.ContainsAny(r.stdout+r.stderr, "\r\x1b") {
				t.Errorf("progress or escape codes written: stdout %q, stderr %q", r.stdout, r.stderr)
			}
		})
	}
}

func TestQuietIsDocumentedInHelp(t *testing.T) {
	for _, name := range append(listingCommands, "serve") {
		r := run(t, "", name, "--help")
		if !strings.Contains(r.stdout, "-quiet") || !strings.Contains(r.stdout, "still reported") {
			t.Errorf("%s --help does not explain --quiet:\n%s", name, r.stdout)
		}
	}
}

// Progress goes only to a terminal: a file (a log, a pipe) would keep
// every rewrite of the line.
func TestNoProgressUnlessStderrIsATerminalAndNotQuiet(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	e := &env{stderr: f}
	for _, quiet := range []bool{false, true} {
		if l := (loadFlags{quiet: quiet}).progressLine(e); l != nil {
			t.Errorf("quiet=%v: progress line on a file", quiet)
		}
	}
}

func TestProgressLine(t *testing.T) {
	var out strings.Builder
	start := time.Date(2026, 4, 12, 21, 40, 0, 0, time.UTC)
	elapsed := 200 * time.Millisecond
	l := newProgressLine(&out, 80, func() time.Time { return start.Add(elapsed) })
	l.start = start
	mid := corpus.Progress{Files: 1200, TotalFiles: 10000, Bytes: 8_100_000, TotalBytes: 41_500_000}

	l.update(mid)
	l.clear()
	if out.Len() != 0 {
		t.Fatalf("a load shorter than %v wrote %q", ui.RevealDelay, out.String())
	}

	elapsed = time.Second
	l.update(mid)
	if want := "\rbackchannel: loading 1,200/10,000 files · 8.1/41.5 MB\x1b[K"; out.String() != want {
		t.Fatalf("line = %q, want %q", out.String(), want)
	}
	out.Reset()
	l.update(corpus.Progress{Files: 10000, TotalFiles: 10000, Bytes: 41_500_000, TotalBytes: 41_500_000})
	if !strings.HasSuffix(out.String(), "finding speakers\x1b[K") {
		t.Errorf("after the last file the line should say what is left: %q", out.String())
	}
	out.Reset()
	l.clear()
	if out.String() != "\r\x1b[K" {
		t.Errorf("clear wrote %q, want the line erased", out.String())
	}
	out.Reset()
	l.clear()
	if out.Len() != 0 {
		t.Errorf("a second clear wrote %q", out.String())
	}
}

// A line wider than the terminal wraps, and \r then rewrites only its last
// row, leaving the rest behind.
func TestProgressLineFitsTheTerminal(t *testing.T) {
	var out strings.Builder
	start := time.Now()
	l := newProgressLine(&out, 30, func() time.Time { return start.Add(time.Second) })
	l.start = start
	l.update(corpus.Progress{Files: 1200, TotalFiles: 10000, Bytes: 8_100_000, TotalBytes: 41_500_000})
	text := strings.TrimSuffix(strings.TrimPrefix(out.String(), "\r"), "\x1b[K")
	if w := ansi.StringWidth(text); w >= 30 || !strings.HasPrefix(text, "backchannel: loading") {
		t.Errorf("line %q is %d wide on a 30-column terminal", text, w)
	}
}
