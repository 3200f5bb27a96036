package ui

import (
	"testing"

	"github.com/backchannel-news/backchannel/model"
)

// Listing quotes must not allocate per quote: over a million quotes, one
// small box each is megabytes of heap in the shared list and a garbage
// burst on every speaker filter. IDs above 255 are the ones Go would box.
func TestQuoteListingAllocatesNothingPerQuote(t *testing.T) {
	c := bigCorpus(4, 500, 2) // 1,000 quotes per speaker
	sh := newShared(c, nil)
	const perQuote = 100 // well under the quote count, well over what a listing needs
	if n := testing.AllocsPerRun(3, func() { newShared(c, sh.Index) }); n >= perQuote {
		t.Errorf("newShared over %d quotes made %.0f allocations, want a few", len(c.Quotes), n)
	}
	p := NewQuoteList(NewCommon(sh, NewStyles(testRenderer()), DefaultKeyMap()))
	one := map[int]bool{1: true}
	if n := testing.AllocsPerRun(3, func() { p.SetSpeakers(one) }); n >= perQuote {
		t.Errorf("filtering to %d quotes made %.0f allocations, want a few", len(c.Speakers[1].Quotes), n)
	}
	// The items still say which quote they are, in corpus order.
	items := p.list.Items()
	for i, it := range items {
		id := quoteID(it)
		if c.Quotes[id].Speaker != 1 || (i > 0 && id <= quoteID(items[i-1])) {
			t.Fatalf("item %d is quote %d, of speaker %d", i, id, c.Quotes[id].Speaker)
		}
	}
	if len(items) != len(c.Speakers[1].Quotes) {
		t.Errorf("listed %d quotes, speaker 1 has %d", len(items), len(c.Speakers[1].Quotes))
	}
	if got, ok := p.Selected(); !ok || c.Quotes[got].Speaker != 1 {
		t.Errorf("selected quote %d (ok %v) is not speaker 1's", got, ok)
	}
	// Items point into the corpus, so they see what curation changes.
	if q := (*model.Quote)(items[0].(*quoteItem)); q != &c.Quotes[quoteID(items[0])] {
		t.Error("the first item is a copy of its quote, not the corpus's")
	}
}
