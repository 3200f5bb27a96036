package corpus

import "github.com/backchannel-news/backchannel/corpus/internal/heapbound"

// loadHeapBudget is how far, in multiples of the corpus bytes, the heap
// may grow while a corpus loads (see heapbound.Bound, whose backstop
// allows a fifth more). What the corpus keeps is about 1.5x its bytes
// (the text once, quotes, line and speaker indexes), and less while
// documents are read, so 1.65 leaves room for extraction's garbage: on
// generated corpora the peak was 1.70-1.85x the corpus of 1k documents and
// 1.57-1.60x at 10k. A larger budget collects less often, a few per cent
// faster, at a peak near 2x for small corpora.
const loadHeapBudget = 1.65

// boundHeap bounds the heap while corpusBytes of documents load to
// loadHeapBudget times them (see heapbound.Bound), and returns the function
// that lifts the bound and whether one was set.
func boundHeap(corpusBytes int64) (release func(), bounded bool) {
	if corpusBytes <= 0 {
		return func() {}, false
	}
	return heapbound.Bound(int64(loadHeapBudget * float64(corpusBytes)))
}
