package ui

import (
	"fmt"
	"testing"
)

// BenchmarkReaderOpen measures opening a document in the reader, which
// wraps the whole document on the event loop, for a call of a thousand
// turns (about 100 KB) and of fifty thousand (about 5 MB).
//
//	go test -run '^$' -bench ReaderOpen -benchmem ./ui
func BenchmarkReaderOpen(b *testing.B) {
	for _, turns := range []int{1000, 50000} {
		c := bigCorpus(2, turns, 20)
		cm := NewCommon(newShared(c, nil), NewStyles(testRenderer()), DefaultKeyMap())
		b.Run(fmt.Sprintf("bytes=%d", len(c.Docs[0].Text)), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				r := NewReader(cm)
				r.SetSize(90, 40)
				r.Open(i%2, -1)
			}
		})
	}
}
