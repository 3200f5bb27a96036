package corpus

import "github.com/backchannel-news/backchannel/corpus/internal/heapbound"

// loadHeapBudget is how far, in multiples of the corpus bytes, the heap
// may grow while a corpus loads. What the corpus keeps is about 1.5x its
// bytes (the text once, quotes, line and speaker indexes), and less while
// documents are read; a corpus that keeps more gets room as it comes (see
// heapbound.Bound). Extraction makes several times the corpus in
// short-lived garbage besides: 1.6-1.9 measured the same throughput on
// generated corpora, 1.7 keeps the peak near 2x at 1k and 10k documents.
const loadHeapBudget = 1.7

// boundHeap bounds the heap while corpusBytes of documents load to
// loadHeapBudget times them (see heapbound.Bound), and returns the function
// that lifts the bound.
func boundHeap(corpusBytes int64) (release func()) {
	if corpusBytes <= 0 {
		return func() {}
	}
	return heapbound.Bound(int64(loadHeapBudget * float64(corpusBytes)))
}
