package model

import (
	"cmp"
	"slices"
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

	// quoteIDs is 0, 1, ... len(Quotes)-1 and docQuotes[d] is where
	// document d's quotes begin in it: quotes are sorted by document, so
	// QuotesOf is a subslice and the index costs 4 bytes a quote instead
	// of a slice per document.
	quoteIDs     []int32
	docQuotes    []int32
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
	// Loading makes the quotes in this order already: checking costs a
	// pass, sorting a million quotes tens of milliseconds.
	byPlace := func(a, b Quote) int {
		if a.Doc != b.Doc {
			return cmp.Compare(a.Doc, b.Doc)
		}
		return cmp.Compare(a.Start, b.Start)
	}
	if !slices.IsSortedFunc(c.Quotes, byPlace) {
		slices.SortStableFunc(c.Quotes, byPlace)
	}
	// Each speaker's list is allocated once at its size: grown by append
	// it would leave up to half of it as slack and as much again in garbage.
	perSpeaker := make([]int32, len(c.Speakers))
	for i := range c.Quotes {
		if s := c.Quotes[i].Speaker; s != Unknown {
			perSpeaker[s]++
		}
	}
	for i, n := range perSpeaker {
		if n > 0 {
			c.Speakers[i].Quotes = make([]int32, 0, n)
		}
	}
	c.quoteIDs = make([]int32, len(c.Quotes))
	c.docQuotes = make([]int32, len(c.Docs)+1)
	for i := range c.Quotes {
		q := &c.Quotes[i]
		q.ID = int32(i)
		c.quoteIDs[i] = int32(i)
		c.docQuotes[q.Doc+1]++
		if q.Speaker != Unknown {
			c.Speakers[q.Speaker].Quotes = append(c.Speakers[q.Speaker].Quotes, int32(i))
		}
	}
	for d := range c.Docs {
		c.docQuotes[d+1] += c.docQuotes[d]
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
// The slice is shared: callers must not change it.
func (c *Corpus) QuotesOf(doc int) []int32 {
	if doc < 0 || doc+1 >= len(c.docQuotes) || c.docQuotes[doc] == c.docQuotes[doc+1] {
		return nil
	}
	return c.quoteIDs[c.docQuotes[doc]:c.docQuotes[doc+1]:c.docQuotes[doc+1]]
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
func (c *Corpus) QuotesBy(speakers map[int]bool) []int32 {
	ids := make([]int32, 0, len(c.Quotes))
	for i := range c.Quotes {
		if len(speakers) == 0 || speakers[int(c.Quotes[i].Speaker)] {
			ids = append(ids, int32(i))
		}
	}
	return ids
}

func foldKey(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
