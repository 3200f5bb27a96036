// Package sample is the embedded demo corpus: an invented leak story (the
// Sevrin port recordings in the invented Republic of Vardenia) told through
// two call transcripts, four articles from different outlets and a ministry
// statement. It is what backchannel opens with no PATH, the fixture for
// tests across the project, and what the README shows. Every person,
// outlet, company and place in it is invented.
package sample

import (
	"embed"
	"io/fs"

	"github.com/backchannel-news/backchannel/corpus"
	"github.com/backchannel-news/backchannel/model"
)

//go:embed docs/*.md
var docs embed.FS

// root is the folder inside docs holding the documents; it is stripped so
// documents are named sample/NAME.
const root = "docs"

// Prefix is what every sample document's path starts with.
const Prefix = "sample"

// FS returns the sample documents, at the top of the returned file system.
func FS() fs.FS {
	sub, err := fs.Sub(docs, root)
	if err != nil {
		// fs.Sub only fails for an invalid path, and root is a constant.
		panic(err)
	}
	return sub
}

// Load builds the sample corpus. Documents are named "sample/NAME".
func Load() (*model.Corpus, error) {
	return corpus.LoadFS(docs, root, Prefix)
}
