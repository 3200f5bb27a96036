package corpus

import "github.com/backchannel-news/backchannel/corpus/internal/heapbound"

// loadHeapBudget is how far, in multiples of the corpus bytes, the heap
// may grow while a corpus loads. What the corpus keeps is about 1.5x its
// bytes (the text once, quotes, line and speaker indexes), and less while
// documents are read; a corpus that keeps more gets room as it comes (see
// heapbound.Bound). Extraction makes about as much short-lived garbage as
// the corpus besides, and the collector overshoots a limit while it runs:
// at 10k generated documents 1.7 peaked at 1.86-2.03x the corpus, 1.55 at
// 1.78-1.85x for the same throughput (49-54 MB per CPU-second).
const loadHeapBudget = 1.55

// boundHeap bounds the heap while corpusBytes of documents load to
// loadHeapBudget times them (see heapbound.Bound), and returns the function
// that lifts the bound.
func boundHeap(corpusBytes int64) (release func()) {
	if corpusBytes <= 0 {
		return func() {}
	}
	return heapbound.Bound(int64(loadHeapBudget * float64(corpusBytes)))
}
