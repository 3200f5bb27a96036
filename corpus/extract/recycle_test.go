package extract_test

import (
	"reflect"
	"testing"

	"github.com/backchannel-news/backchannel/corpus"
	"github.com/backchannel-news/backchannel/corpus/extract"
	"github.com/backchannel-news/backchannel/corpus/gen"
	"github.com/backchannel-news/backchannel/model"
)

// TestRecycle checks that handing quotations back with Recycle changes
// nothing a caller sees: extracting documents in turn, each document's
// quotations handed back before the next is read, gives what extracting
// each with nothing handed back gives, and a slice handed back holds no
// quotation. The lists kept from the first pass are compared after 300
// more documents were read: a speaker, role or cue viewing a buffer the
// extractor reuses (its lower-cased copy of the text) would have changed.
func TestRecycle(t *testing.T) {
	var docs []model.Document
	for _, f := range gen.Corpus(3, 300) {
		d, err := corpus.ParseDocument(f.Name, f.Data)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	alone := make([][]extract.Found, len(docs))
	for i := range docs {
		alone[i] = extract.Document(&docs[i])
	}
	quotes := 0
	for i := range docs {
		found := extract.Document(&docs[i])
		if !reflect.DeepEqual(found, alone[i]) {
			t.Fatalf("%s: extracted again %+v, kept from the first pass %+v: a string points into a reused buffer, or recycling changed the result", docs[i].Path, found, alone[i])
		}
		quotes += len(found)
		extract.Recycle(found)
		for _, f := range found[:cap(found)] {
			if !reflect.DeepEqual(f, extract.Found{}) {
				t.Fatalf("%s: a quotation handed back is still held: %+v", docs[i].Path, f)
			}
		}
	}
	if quotes == 0 {
		t.Fatal("no quotation in the generated documents: nothing was checked")
	}
}
