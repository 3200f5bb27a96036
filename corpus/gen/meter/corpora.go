package meter

import (
	"fmt"
	"testing"

	"github.com/backchannel-news/backchannel/corpus/gen"
)

// OnGeneratedCorpora runs bench as a sub-benchmark "docs=N" for each
// size, on a corpus of N generated documents (seed 1) written to a
// temporary folder, with N and the bytes written. A corpus is written only when
// its sub-benchmark runs, once however many times the runner calls it, so
// `-bench X/docs=1000` does not write ten thousand files first; -short
// skips the sizes above a thousand.
func OnGeneratedCorpora(b *testing.B, sizes []int, bench func(b *testing.B, dir string, docs int, size int64)) {
	b.Helper()
	for _, docs := range sizes {
		if testing.Short() && docs > 1_000 {
			continue
		}
		var dir string
		var size int64
		b.Run(fmt.Sprintf("docs=%d", docs), func(sub *testing.B) {
			if dir == "" {
				// The parent's folder: the runner calls sub several
				// times and cleans up sub's own after each call.
				d := b.TempDir()
				n, err := gen.WriteDir(d, 1, docs)
				if err != nil {
					sub.Fatal(err)
				}
				dir, size = d, n
			}
			bench(sub, dir, docs, size)
		})
	}
}
