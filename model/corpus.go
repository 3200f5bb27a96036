package model

import (
	"sort"
	"strings"
)

// Corpus is the whole loaded model. It is immutable once built by New:
// sessions share it without locking.
type Corpus struct {
	Docs     []Document
	Speakers []Speaker
	Quotes   []Quote
	// Problems lists the files that could not be loaded, and why, so the
	// UI can show the same report the command line printed.
	Problems []Problem

	quotesByDoc  [][]int
	speakerByKey map[string]int
}

// Problem is one input that could not be loaded.
type Problem struct {
	Path   string
	Reason string
}

func (p Problem) String() string { return p.Path + ": " + p.Reason }

// New builds a corpus and its indexes. IDs are reassigned to positions, and
// each speaker's quote list is rebuilt from the quotes.
func New(docs []Document, speakers []Speaker, quotes []Quote, problems []Problem) *Corpus {
	c := &Corpus{Docs: docs, Speakers: speakers, Quotes: quotes, Problems: problems}
	for i := range c.Docs {
		c.Docs[i].ID = i
	}
	for i := range c.Speakers {
		c.Speakers[i].ID = i
		c.Speakers[i].Quotes = nil
	}
	sort.SliceStable(c.Quotes, func(i, j int) bool {
		a, b := c.Quotes[i], c.Quotes[j]
		if a.Doc != b.Doc {
			return a.Doc < b.Doc
		}
		return a.Start < b.Start
	})
	c.quotesByDoc = make([][]int, len(c.Docs))
	for i := range c.Quotes {
		q := &c.Quotes[i]
		q.ID = i
		c.quotesByDoc[q.Doc] = append(c.quotesByDoc[q.Doc], i)
		if q.Speaker != Unknown {
			c.Speakers[q.Speaker].Quotes = append(c.Speakers[q.Speaker].Quotes, i)
		}
	}
	c.speakerByKey = make(map[string]int)
	for i, s := range c.Speakers {
		c.speakerByKey[foldKey(s.Name)] = i
		for _, a := range s.Aliases {
			if _, taken := c.speakerByKey[foldKey(a)]; !taken {
				c.speakerByKey[foldKey(a)] = i
			}
		}
	}
	return c
}

// QuotesOf returns the IDs of the quotes in document doc, in text order.
func (c *Corpus) QuotesOf(doc int) []int {
	if doc < 0 || doc >= len(c.quotesByDoc) {
		return nil
	}
	return c.quotesByDoc[doc]
}

// SpeakerName returns the canonical name of speaker id, or "" for Unknown.
func (c *Corpus) SpeakerName(id int) string {
	if id < 0 || id >= len(c.Speakers) {
		return ""
	}
	return c.Speakers[id].Name
}

// FindSpeaker returns the speaker whose name or any alias equals name,
// ignoring case, or Unknown.
func (c *Corpus) FindSpeaker(name string) int {
	if id, ok := c.speakerByKey[foldKey(name)]; ok {
		return id
	}
	return Unknown
}

// QuotesBy returns the IDs of the quotes of any of the given speakers, in
// corpus order. An empty set means every quote.
func (c *Corpus) QuotesBy(speakers map[int]bool) []int {
	ids := make([]int, 0, len(c.Quotes))
	for i := range c.Quotes {
		if len(speakers) == 0 || speakers[c.Quotes[i].Speaker] {
			ids = append(ids, i)
		}
	}
	return ids
}

func foldKey(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
