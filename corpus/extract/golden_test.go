package extract_test

import (
	"bufio"
	"crypto/sha256"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/backchannel-news/backchannel/corpus"
	"github.com/backchannel-news/backchannel/corpus/extract"
	"github.com/backchannel-news/backchannel/corpus/gen"
	"github.com/backchannel-news/backchannel/corpus/sample"
)

var update = flag.Bool("update", false, "rewrite testdata/extract.golden from the current extractor")

// goldenPath holds one line per document: its name and a hash of
// everything extraction reports for it (kind, and every field of every
// quotation). It pins the extractor's output so that work on its speed
// cannot change a result unnoticed; when a rule is changed on purpose,
// rerun with -update and review which documents changed.
const goldenPath = "testdata/extract.golden"

type goldenDoc struct{ name, text string }

// goldenDocs are the documents the golden covers: two generated corpora
// of different seeds and sizes, the sample corpus and the annotated
// attribution fixtures, which hold the hard cases.
func goldenDocs(t *testing.T) []goldenDoc {
	t.Helper()
	var out []goldenDoc
	for _, c := range []struct {
		seed int64
		docs int
	}{{1, 200}, {7, 120}} {
		for _, f := range gen.Corpus(c.seed, c.docs) {
			out = append(out, goldenDoc{fmt.Sprintf("gen%d/%s", c.seed, f.Name), string(f.Data)})
		}
	}
	err := fs.WalkDir(sample.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(sample.FS(), p)
		out = append(out, goldenDoc{"sample/" + p, string(b)})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	fixtures, err := filepath.Glob("../testdata/attribution/*.txt")
	if err != nil || len(fixtures) == 0 {
		t.Fatalf("no attribution fixtures: %v", err)
	}
	for _, p := range fixtures {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, goldenDoc{"fixtures/" + filepath.Base(p), string(b)})
	}
	return out
}

// fingerprint is the hash of what extraction reports for one document.
func fingerprint(t *testing.T, d goldenDoc) string {
	doc, err := corpus.ParseDocument(d.name, []byte(d.text))
	if err != nil {
		t.Fatalf("%s: %v", d.name, err)
	}
	h := sha256.New()
	fmt.Fprintf(h, "kind %v body %d\n", doc.Kind, doc.BodyStart)
	found := extract.Document(&doc)
	for _, f := range found {
		fmt.Fprintf(h, "%q %q %q %v %v %q %d %d %q %d\n",
			f.Speaker, f.Role, f.Roles, f.Org, f.Local, f.Text, f.Start, f.End, f.Cue, f.Confidence)
	}
	// Handed back, as a load does: the documents after this one are
	// then read into recycled slices, and the golden holds them to the
	// same output as fresh ones.
	extract.Recycle(found)
	return fmt.Sprintf("%x", h.Sum(nil)[:12])
}

func TestExtractGolden(t *testing.T) {
	docs := goldenDocs(t)
	got := make(map[string]string, len(docs))
	for _, d := range docs {
		got[d.name] = fingerprint(t, d)
	}
	if *update {
		names := make([]string, 0, len(got))
		for n := range got {
			names = append(names, n)
		}
		sort.Strings(names)
		var b strings.Builder
		for _, n := range names {
			fmt.Fprintf(&b, "%s %s\n", got[n], n)
		}
		if err := os.WriteFile(goldenPath, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(goldenPath)
	if err != nil {
		t.Fatalf("%v (run with -update to record it)", err)
	}
	defer f.Close()
	want := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		hash, name, ok := strings.Cut(sc.Text(), " ")
		if !ok {
			t.Fatalf("%s: bad line %q", goldenPath, sc.Text())
		}
		want[name] = hash
	}
	changed := 0
	for name, h := range got {
		w, ok := want[name]
		switch {
		case !ok:
			t.Errorf("%s: not in %s (run with -update to add it)", name, goldenPath)
		case w != h:
			changed++
			if changed <= 10 {
				t.Errorf("%s: extraction output changed", name)
			}
		}
	}
	for name := range want {
		if _, ok := got[name]; !ok {
			t.Errorf("%s: in %s but no longer generated", name, goldenPath)
		}
	}
	if changed > 0 {
		t.Errorf("%d of %d documents extract differently from %s", changed, len(got), goldenPath)
	}
}

// BenchmarkExtractGenerated extracts the quotes of 1,000 documents of the
// corpus generator (articles and transcripts with front matter), already
// parsed, on one goroutine: the extraction stage of ingest on its own.
// MB/cpu-s divides by the CPU time used (the collector's included), which
// a shared machine's wall time hides; run it with -cpu 1.
func BenchmarkExtractGenerated(b *testing.B) {
	docs, sizes := generatedDocs(b)
	measure(b, total(sizes), func() {
		for j := range docs {
			extract.Document(&docs[j])
		}
	})
}
