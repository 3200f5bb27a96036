package model

import "testing"

// New lists quotes by document and place whatever order they come in, and
// keeps the order of quotes at the same place; speakers' and documents'
// quote lists follow it.
func TestNewOrdersQuotesByPlace(t *testing.T) {
	docs := []Document{{Path: "a"}, {Path: "b"}}
	speakers := []Speaker{{Name: "Ana"}, {Name: "Ben"}}
	quotes := []Quote{
		{Doc: 1, Start: 5, Text: "b5", Speaker: 0},
		{Doc: 0, Start: 9, Text: "a9", Speaker: 1},
		{Doc: 0, Start: 2, Text: "a2 first", Speaker: 0},
		{Doc: 0, Start: 2, Text: "a2 second", Speaker: 1},
	}
	c := New(docs, speakers, quotes, nil)
	want := []string{"a2 first", "a2 second", "a9", "b5"}
	for i, q := range c.Quotes {
		if q.Text != want[i] || q.ID != int32(i) {
			t.Fatalf("quote %d is %q (ID %d), want %q: %v", i, q.Text, q.ID, want[i], c.Quotes)
		}
	}
	if got := c.QuotesOf(0); len(got) != 3 || got[0] != 0 || got[2] != 2 {
		t.Errorf("document a lists quotes %v, want [0 1 2]", got)
	}
	if got := c.Speakers[0].Quotes; len(got) != 2 || got[0] != 0 || got[1] != 3 {
		t.Errorf("Ana's quotes %v, want [0 3]", got)
	}
}
