package corpus

import "sync"

// blocks hands out slices cut one after the other from large shared
// blocks, for what every document keeps: its text, its line starts, its
// quotes until the corpus is assembled. Given an allocation each, small
// slices would pay the allocator's rounding up to a size class (about 6%
// on average, 12% at worst); worse, they are made while extraction makes
// several times the corpus in short-lived garbage, and each survivor keeps
// the span it sits in, full of freed slots, from the rest of the program.
// Cut from blocks, they take exactly their size, side by side.
//
// A slice handed out is never handed out again, except through putBack,
// which is what lets a document's string share the bytes it was read into
// (see ParseDocument).
type blocks[T any] struct {
	mu    sync.Mutex
	block []T
	used  int // block[:used] is handed out
	max   int // elements in a full block
	// left is how many elements are still to be asked for, as announced,
	// so that the last block is no larger than what is left to put in it;
	// -1 when unknown: blocks then grow from max/64, doubling.
	left int64
	next int // the size of the next block when left is unknown
}

func newBlocks[T any](max int, left int64) *blocks[T] {
	return &blocks[T]{max: max, left: left, next: max / 64}
}

// get returns a slice of n elements. A nil *blocks allocates each on its
// own, as do slices over a quarter of a block: the runtime rounds so large
// an allocation up by at most a page, and cutting them from blocks could
// strand a block's unused end.
func (b *blocks[T]) get(n int) []T {
	if b == nil || n > b.max/4 {
		return make([]T, n)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.block)-b.used < n {
		// The end of the old block is lost: on average half a slice.
		size := b.max
		switch {
		case b.left >= 0:
			size = int(min(int64(size), max(b.left, int64(n))))
		case b.next < b.max:
			size = max(b.next, n)
			b.next *= 2
		}
		b.block, b.used = make([]T, size), 0
	}
	if b.left >= 0 {
		b.left = max(b.left-int64(n), 0)
	}
	s := b.block[b.used : b.used+n : b.used+n]
	b.used += n
	return s
}

// putBack returns a slice that is not kept, so its elements are not held
// for nothing. Only the last slice handed out can be reused; any other
// stays lost, which costs memory but is never wrong. Nothing may refer to
// s afterwards.
func (b *blocks[T]) putBack(s []T) {
	if b == nil || len(s) == 0 {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if start := b.used - len(s); start >= 0 && &b.block[start] == &s[0] {
		b.used = start
		if b.left >= 0 {
			b.left += int64(len(s))
		}
	}
}

// textBlockSize is the size of the blocks files are read into.
const textBlockSize = 1 << 20

// newTextBlocks prepares the blocks the files among sources are read into.
func newTextBlocks(sources []Source) *blocks[byte] {
	var left int64
	for _, s := range sources {
		if s.file != "" && s.Size <= textBlockSize/4 {
			left += s.Size
		}
	}
	return newBlocks[byte](textBlockSize, left)
}
