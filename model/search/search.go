// Package search is fuzzy search over a corpus's documents, speakers and
// quotes at once.
package search

import (
	"sort"

	"github.com/sahilm/fuzzy"

	"github.com/backchannel-news/backchannel/model"
)

// Kind is what a hit points at.
type Kind int

const (
	Doc Kind = iota
	Speaker
	Quote
)

func (k Kind) String() string {
	switch k {
	case Doc:
		return "document"
	case Speaker:
		return "speaker"
	}
	return "quote"
}

// Hit is one match. Matched holds byte offsets into Text of the matched
// characters, for highlighting.
type Hit struct {
	Kind    Kind
	ID      int // document, speaker or quote ID
	Text    string
	Score   int
	Matched []int
}

// Index holds the searchable strings of one corpus. It is read-only after
// NewIndex and safe for concurrent use.
type Index struct {
	kinds []Kind
	ids   []int
	texts []string
}

// NewIndex prepares the corpus for search.
func NewIndex(c *model.Corpus) *Index {
	ix := &Index{}
	add := func(k Kind, id int, text string) {
		ix.kinds = append(ix.kinds, k)
		ix.ids = append(ix.ids, id)
		ix.texts = append(ix.texts, text)
	}
	for _, d := range c.Docs {
		add(Doc, d.ID, d.Title)
	}
	for _, s := range c.Speakers {
		add(Speaker, s.ID, s.Name)
	}
	for _, q := range c.Quotes {
		add(Quote, q.ID, q.Text)
	}
	return ix
}

type source []string

func (s source) String(i int) string { return s[i] }
func (s source) Len() int            { return len(s) }

// Search returns up to limit hits for query, best first (ties keep corpus
// order: documents, then speakers, then quotes).
func (ix *Index) Search(query string, limit int) []Hit {
	if query == "" {
		return nil
	}
	matches := fuzzy.FindFrom(query, source(ix.texts))
	sort.SliceStable(matches, func(i, j int) bool { return matches[i].Score > matches[j].Score })
	if limit > 0 && len(matches) > limit {
		matches = matches[:limit]
	}
	hits := make([]Hit, len(matches))
	for i, m := range matches {
		hits[i] = Hit{Kind: ix.kinds[m.Index], ID: ix.ids[m.Index], Text: m.Str, Score: m.Score, Matched: m.MatchedIndexes}
	}
	return hits
}
