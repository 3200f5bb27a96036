package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func TestTextBlocksHandOutDisjointBuffersOfTheSizeAsked(t *testing.T) {
	sizes := []int{0, 1, 4000, 300, textBlockSize / 4, textBlockSize/4 + 1, 7, textBlockSize / 3, 12345}
	var sources []Source
	for i := 0; i < 40; i++ {
		for _, n := range sizes {
			sources = append(sources, Source{Size: int64(n), file: "f"})
		}
	}
	bufs := newTextBlocks(sources)
	got := make([][]byte, len(sources))
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(sources); i += 4 {
				b := bufs.get(int(sources[i].Size))
				if len(b) != int(sources[i].Size) || cap(b) != len(b) {
					t.Errorf("get(%d) gave len %d cap %d", sources[i].Size, len(b), cap(b))
				}
				// Filled with its index: an overlap shows as another
				// buffer's bytes.
				for j := range b {
					b[j] = byte(i)
				}
				got[i] = b
			}
		}()
	}
	wg.Wait()
	for i, b := range got {
		for k := range b {
			if b[k] != byte(i) {
				t.Fatalf("buffer %d overwritten at %d", i, k)
			}
		}
	}
	if bufs.left != 0 {
		t.Errorf("%d bytes still expected after every file had its buffer", bufs.left)
	}
	// The last block was no larger than what was left to put in it.
	if free := len(bufs.block) - bufs.used; free > textBlockSize/4 {
		t.Errorf("last block has %d bytes unused", free)
	}
}

func TestTextBlocksTakeBackOnlyTheLastBuffer(t *testing.T) {
	bufs := newTextBlocks([]Source{{Size: 300, file: "a"}, {Size: 300, file: "b"}})
	a := bufs.get(100)
	b := bufs.get(100)
	bufs.putBack(a) // not the last one: stays lost
	if bufs.used != 200 {
		t.Fatalf("putBack of an earlier buffer moved the block to %d", bufs.used)
	}
	bufs.putBack(b)
	if c := bufs.get(100); &c[0] != &b[0] {
		t.Errorf("the last buffer taken back was not reused")
	}
	bufs.putBack(make([]byte, 100)) // never handed out: ignored
	if bufs.used != 200 {
		t.Errorf("putBack of a foreign buffer moved the block to %d", bufs.used)
	}
}

func TestReadFileReadsEverySizeWhole(t *testing.T) {
	dir := t.TempDir()
	bufs := newTextBlocks(nil)
	for _, n := range []int{0, 1, 511, 512, 4096, textBlockSize/4 + 3} {
		want := []byte(strings.Repeat("abcdefg\n", n/8+1)[:n])
		p := filepath.Join(dir, fmt.Sprint(n))
		if err := os.WriteFile(p, want, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, b := range []*blocks[byte]{nil, bufs} {
			got, err := readFile(p, b)
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("readFile of %d bytes = %d bytes, %v", n, len(got), err)
			}
		}
	}
	if _, err := readFile(filepath.Join(dir, "missing"), bufs); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

// A file whose size Stat does not know, like one still growing, is read
// to its end.
func TestReadFileReadsPastTheSizeStatGave(t *testing.T) {
	p := "/proc/self/status" // Stat says 0 bytes
	if _, err := os.Stat(p); err != nil {
		t.Skip("no /proc:", err)
	}
	data, err := readFile(p, newTextBlocks(nil))
	if err != nil || !bytes.Contains(data, []byte("Name:")) || !bytes.HasSuffix(data, []byte("\n")) {
		t.Fatalf("read %q, %v", data, err)
	}
}

// Rejected files give their buffer back: the documents read after them
// must still hold their own text.
func TestTextsSurviveRejectedFilesBetweenThem(t *testing.T) {
	dir := t.TempDir()
	var want []string
	for i := 0; i < 30; i++ {
		text := fmt.Sprintf("Title %d\n\n\"Quote number %d,\" Ana Perl said.\n", i, i)
		write(t, dir, fmt.Sprintf("%02d-good.txt", i), text)
		want = append(want, text)
		switch i % 3 {
		case 0:
			write(t, dir, fmt.Sprintf("%02d-bin.txt", i), "bin\x00ary")
		case 1:
			write(t, dir, fmt.Sprintf("%02d-latin.txt", i), "caf\xe9")
		}
	}
	c, err := LoadWith([]string{dir}, Options{Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Docs) != len(want) || len(c.Problems) != 20 {
		t.Fatalf("%d docs, %d problems; want %d and 20", len(c.Docs), len(c.Problems), len(want))
	}
	for i, d := range c.Docs {
		if d.Text != want[i] {
			t.Errorf("%s holds %q, want %q", d.Path, d.Text, want[i])
		}
	}
}

// With no size announced, blocks start small and double, so a small load
// does not pay for a whole block.
func TestBlocksOfUnknownTotalGrow(t *testing.T) {
	b := newBlocks[int32](1<<16, -1)
	b.get(10)
	if len(b.block) != 1<<10 {
		t.Fatalf("first block %d elements, want %d", len(b.block), 1<<10)
	}
	var sizes []int
	for i := 0; i < 200; i++ {
		b.get(1000)
		if len(sizes) == 0 || sizes[len(sizes)-1] != len(b.block) {
			sizes = append(sizes, len(b.block))
		}
	}
	for i := 1; i < len(sizes); i++ {
		if sizes[i] != min(2*sizes[i-1], 1<<16) {
			t.Fatalf("block sizes %v: not doubling up to the maximum", sizes)
		}
	}
	if sizes[len(sizes)-1] != 1<<16 {
		t.Errorf("block sizes %v never reach the maximum", sizes)
	}
}
