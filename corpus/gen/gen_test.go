package gen

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/backchannel-news/backchannel/corpus"
)

func TestCorpusIsDeterministicPerSeed(t *testing.T) {
	a, b := Corpus(7, 40), Corpus(7, 40)
	for i := range a {
		if a[i].Name != b[i].Name || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Fatalf("document %d differs between two runs with seed 7", i)
		}
	}
	c := Corpus(8, 40)
	same := 0
	for i := range a {
		if bytes.Equal(a[i].Data, c[i].Data) {
			same++
		}
	}
	if same > 0 {
		t.Errorf("%d of 40 documents identical under seeds 7 and 8", same)
	}
	// File(i) draws from its own stream, so documents can be generated in
	// any order (WriteDir streams them) with the same result.
	g := New(7, 40)
	if late := g.File(39); !bytes.Equal(late.Data, a[39].Data) {
		t.Error("File(39) alone differs from the 40th document of Corpus")
	}
}

func TestCorpusHasBothKindsAndLoads(t *testing.T) {
	files := Corpus(3, 200)
	var sources []corpus.Source
	transcripts, names := 0, map[string]bool{}
	for _, f := range files {
		if names[f.Name] {
			t.Fatalf("two documents named %s", f.Name)
		}
		names[f.Name] = true
		if strings.HasPrefix(f.Name, "transcripts/") {
			transcripts++
		}
		sources = append(sources, corpus.Source{Name: f.Name, Read: func() ([]byte, error) { return f.Data, nil }})
	}
	if transcripts < 20 || transcripts > 90 {
		t.Errorf("%d transcripts in 200 documents, want about a quarter", transcripts)
	}
	c, err := corpus.Build(sources, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Problems) > 0 {
		t.Fatalf("generated documents rejected by the loader: %v", c.Problems)
	}
	withMeta := 0
	for _, d := range c.Docs {
		if d.Outlet != "" && d.Date != "" {
			withMeta++
		}
	}
	if withMeta < 100 {
		t.Errorf("only %d of 200 documents carry outlet and date", withMeta)
	}
	if len(c.Quotes) < 2000 {
		t.Errorf("only %d quotes found in 200 documents", len(c.Quotes))
	}
}

// The forms a journalist's corpus has must all be there, or the benchmarks
// measure an easier corpus than the real one.
func TestCorpusHasEveryCueForm(t *testing.T) {
	var all bytes.Buffer
	for _, f := range Corpus(5, 300) {
		all.Write(f.Data)
	}
	text := all.String()
	forms := map[string]string{
		"trailing cue":       `[,]["”] [A-Z][a-z]+ [A-Z][a-z]+ said\.`,
		"said-then-name":     `[,]["”] said [A-Z]`,
		"colon introduction": `said: ["“]`,
		"name on own line":   `(?m)^[A-Z][a-z]+ [A-Z][a-z]+:\n["“]`,
		"pronoun follow-up":  `[,]["”] (he|she) added\.`,
		"role reference":     `[,]["”] the [a-z ]+ said\.`,
		"last name alone":    `[,]["”] [A-Z][a-z]+ told reporters\.`,
		"curly quotes":       `“[^”]+”`,
		"scare quotes":       `so-called "`,
		"transcript turn":    `(?m)^[A-Z][A-Za-z ]+: [A-Z]`,
		"capitals label":     `(?m)^[A-Z]{3,} [A-Z]{3,}: `,
		"timestamped turn":   `(?m)^\[\d\d:\d\d:\d\d\] [A-Z]`,
		"question turn":      `(?m)^(\[[\d:]+\] )?Q: `,
		"stage direction":    `\[inaudible\]|\(crosstalk\)`,
	}
	for name, re := range forms {
		if !regexp.MustCompile(re).MatchString(text) {
			t.Errorf("no %s (%s) in 300 generated documents", name, re)
		}
	}
}

// Each person must appear under several spellings across the corpus.
func TestPeopleHaveSeveralSpellings(t *testing.T) {
	g := New(11, 500)
	var all bytes.Buffer
	for i := 0; i < 500; i++ {
		all.Write(g.File(i).Data)
	}
	text := all.String()
	multi := 0
	for _, p := range g.cast[:24] {
		seen := 0
		for _, f := range p.firsts {
			for _, l := range p.lasts {
				if strings.Contains(text, f+" "+l) {
					seen++
				}
			}
		}
		if seen >= 2 {
			multi++
		}
	}
	if multi < 12 {
		t.Errorf("only %d of the 24 core people appear under two or more spellings", multi)
	}
}

func TestQuoteLines(t *testing.T) {
	a := QuoteLines(2, 1000)
	if len(a) != 1000 {
		t.Fatalf("got %d lines, want 1000", len(a))
	}
	distinct := map[string]bool{}
	for _, l := range a {
		if strings.ContainsAny(l, "\n\r") || l == "" {
			t.Fatalf("line %q is empty or spans lines", l)
		}
		distinct[l] = true
	}
	if len(distinct) < 900 {
		t.Errorf("only %d distinct lines in 1000", len(distinct))
	}
	if b := QuoteLines(2, 1000); strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Error("QuoteLines differs between runs with the same seed")
	}
}

func TestCommandWritesCorpus(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	var out, errs bytes.Buffer
	if code := Command([]string{"25", dir, "--seed", "4"}, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	if !strings.Contains(out.String(), "wrote 25 documents") {
		t.Errorf("stdout %q does not report the documents written", out.String())
	}
	files := 0
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if info.Mode().IsRegular() {
			files++
			if strings.HasPrefix(info.Name(), ".gen-") {
				t.Errorf("temporary file %s left behind", p)
			}
		}
		return nil
	})
	if err != nil || files != 25 {
		t.Fatalf("%d files written (%v), want 25", files, err)
	}
	want := Corpus(4, 25)[0]
	got, err := os.ReadFile(filepath.Join(dir, want.Name))
	if err != nil || !bytes.Equal(got, want.Data) {
		t.Errorf("file %s on disk is not Corpus(4, 25)[0] (%v)", want.Name, err)
	}
	c, err := corpus.Load([]string{dir})
	if err != nil || len(c.Docs) != 25 || len(c.Problems) != 0 {
		t.Errorf("loading the written folder: %d docs, problems %v, err %v", len(c.Docs), c.Problems, err)
	}

	// A second run into the same folder must refuse, not overwrite.
	errs.Reset()
	if code := Command([]string{"--seed", "5", "25", dir}, &out, &errs); code != 1 || !strings.Contains(errs.String(), "not empty") {
		t.Errorf("writing into a non-empty folder: exit %d, stderr %q", code, errs.String())
	}
	again, _ := os.ReadFile(filepath.Join(dir, want.Name))
	if !bytes.Equal(again, want.Data) {
		t.Error("existing file changed by a refused run")
	}
}

func TestCommandQuoteLines(t *testing.T) {
	path := filepath.Join(t.TempDir(), "quotes.txt")
	var out, errs bytes.Buffer
	if code := Command([]string{"--quote-lines", "300", path}, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(data), strings.Join(QuoteLines(1, 300), "\n")+"\n"; got != want {
		t.Error("quote-lines file is not QuoteLines(1, 300), one per line")
	}
	if code := Command([]string{"--quote-lines", "300", path}, &out, &errs); code != 1 || !strings.Contains(errs.String(), "already exists") {
		t.Errorf("rewriting an existing file: exit %d, stderr %q", code, errs.String())
	}
}

func TestCommandBadArguments(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "want a count and a destination"},
		{[]string{"10"}, "want a count and a destination"},
		{[]string{"ten", "dir"}, `count "ten" is not a positive whole number`},
		{[]string{"0", "dir"}, "not a positive whole number"},
		{[]string{"5", "dir", "--seed", "x"}, "invalid value"},
		{[]string{"5", "dir", "--bogus"}, "flag provided but not defined"},
		{[]string{"5", "a", "b"}, "got 3 operands"},
	} {
		var out, errs bytes.Buffer
		code := Command(tc.args, &out, &errs)
		if code != 2 || !strings.Contains(errs.String(), tc.want) {
			t.Errorf("gen-corpus %q: exit %d, stderr %q, want 2 and %q", tc.args, code, errs.String(), tc.want)
		}
	}
	file := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(file, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	if code := Command([]string{"3", file}, &out, &errs); code != 1 || !strings.Contains(errs.String(), "is a file, not a folder") {
		t.Errorf("destination is a file: exit %d, stderr %q", code, errs.String())
	}
	if code := Command([]string{"-h"}, &out, &errs); code != 0 || !strings.Contains(out.String(), "Usage: backchannel gen-corpus") {
		t.Errorf("-h: exit %d, stdout %q", code, out.String())
	}
}
