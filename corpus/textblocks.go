package corpus

import "sync"

// textBlocks hands out the buffers files are read into, cut one after the
// other from large shared blocks. A document keeps its text for the life
// of the corpus, so the text is the bulk of the memory a corpus holds:
// given an allocation each, small files would also pay the allocator's
// rounding up to its next size class (about 6% on average, 12% at worst);
// cut from blocks, they take exactly their size.
//
// A buffer handed out is never handed out again, except through putBack,
// which is what lets a document's string share the bytes it was read into
// (see ParseDocument).
type textBlocks struct {
	mu    sync.Mutex
	block []byte
	used  int // block[:used] is handed out
	// left is the size of the files still to be read, as announced, so
	// that the last block is no larger than what is left to put in it.
	left int64
}

const (
	textBlockSize = 1 << 20
	// Files over ownBufferOver get a buffer of their own: the runtime
	// rounds so large an allocation up by at most a page (8 KiB, 3%), and
	// cutting them from blocks could strand a block's unused end.
	ownBufferOver = textBlockSize / 4
)

// newTextBlocks prepares blocks for the files among sources.
func newTextBlocks(sources []Source) *textBlocks {
	t := &textBlocks{}
	for _, s := range sources {
		if s.file != "" && s.Size <= ownBufferOver {
			t.left += s.Size
		}
	}
	return t
}

// get returns a buffer of n bytes. A nil *textBlocks allocates each
// buffer on its own.
func (t *textBlocks) get(n int) []byte {
	if t == nil || n > ownBufferOver {
		return make([]byte, n)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.left -= int64(n)
	if len(t.block)-t.used < n {
		// The end of the old block is lost: on average half a file.
		size := int64(textBlockSize)
		if rest := t.left + int64(n); rest < size {
			size = max(rest, int64(n))
		}
		t.block, t.used = make([]byte, size), 0
	}
	b := t.block[t.used : t.used+n : t.used+n]
	t.used += n
	return b
}

// putBack returns a buffer whose file was not loaded, so its bytes are
// not kept for nothing. Only the last buffer handed out can be reused;
// any other stays lost, which costs memory but is never wrong. Nothing
// may refer to b afterwards.
func (t *textBlocks) putBack(b []byte) {
	if t == nil || len(b) == 0 {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if start := t.used - len(b); start >= 0 && &t.block[start] == &b[0] {
		t.used = start
		t.left += int64(len(b))
	}
}
