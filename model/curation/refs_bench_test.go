package curation

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/backchannel-news/backchannel/corpus"
	"github.com/backchannel-news/backchannel/model"
)

// BenchmarkStoreApply measures merging curation over a corpus on disk:
// 2000 documents in 20 folders, 200 marks, a fifth of them named in the
// old as-typed form from another working folder, and ten whose document
// was renamed, found again by their text.
func BenchmarkStoreApply(b *testing.B) {
	root := b.TempDir()
	seeds := filepath.Join(root, "seeds")
	for i := 0; i < 2000; i++ {
		p := filepath.Join(seeds, fmt.Sprintf("f%02d", i%20), fmt.Sprintf("d%04d.md", i))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		text := fmt.Sprintf("Document %d. Witness %d said the ledger number %d was forged.\n", i, i, i*7)
		if err := os.WriteFile(p, []byte(text+text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	c, err := corpus.Load([]string{seeds})
	if err != nil {
		b.Fatal(err)
	}
	s, err := Open(filepath.Join(seeds, FileName))
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < 200; i++ {
		d := &c.Docs[i*10]
		end := len(d.Text) / 2
		op := Op{Kind: Mark, Topic: "t", Position: "p", Doc: d.Path, End: end, Holder: "W", Text: d.Text[:end]}
		if i%5 == 0 {
			rel, _ := filepath.Rel(seeds, d.Path)
			op.Doc = filepath.Join("..", "old", "seeds", rel)
		}
		if i%20 == 1 {
			op.Doc = "seeds/renamed-since.md"
		}
		op.Author, op.ID = "ana", fmt.Sprint(i)
		s.ops = append(s.ops, op)
	}
	if got, stale := s.Apply(c, &model.ClaimSet{}); len(stale) != 0 || len(got.Claims) != 200 {
		b.Fatalf("%d claims, stale %v", len(got.Claims), stale)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.Apply(c, &model.ClaimSet{})
	}
}
