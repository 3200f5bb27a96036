package curation

import (
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/backchannel-news/backchannel/model"
)

// A document reference is how an annotations file names a document. The
// corpus names documents as they were typed on the command line, which
// changes from run to run ("seeds", "./seeds/", "/tmp/leak/seeds", a
// symlink); a reference does not:
//   - a document under the annotations file's folder (the usual case: the
//     file sits in the corpus folder) is named by its slash-separated path
//     relative to that folder, so the pair can also be moved together;
//   - any other document on disk by its absolute path, with the symlinks
//     of its folder resolved;
//   - a name that is no file on disk (the embedded sample's "sample/NAME")
//     as it is.
//
// Files written before references existed hold paths as typed; they are
// still found (see docFinder.resolve).

// refs turns document paths into references against one annotations
// folder. A Store keeps one for its life and every session shares it: it
// remembers each path's reference, because finding one takes system calls
// and the claims are merged again after every change a user saves.
type refs struct {
	base  string // annotations folder, absolute, symlinks resolved; "" when unknown
	mu    sync.Mutex
	dirs  map[string]string // absolute folder -> same with symlinks resolved
	known map[string]string // path -> its reference
}

func newRefs(base string) *refs {
	return &refs{base: base, dirs: map[string]string{}, known: map[string]string{}}
}

// realPath returns p absolute and cleaned, its symlinks resolved where it
// exists.
func realPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	return abs
}

// canonical returns the absolute path of the file at p with its folder's
// symlinks resolved (the file's own name is kept, so a linked document
// keeps the name it is listed under), or false when p names no file.
func (r *refs) canonical(p string) (string, bool) {
	if _, err := os.Stat(p); err != nil {
		return "", false
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", false
	}
	dir := filepath.Dir(abs)
	real, ok := r.dirs[dir]
	if !ok {
		real = realPath(dir)
		r.dirs[dir] = real
	}
	return filepath.Join(real, filepath.Base(abs)), true
}

// ref returns the reference for the document the corpus names p.
func (r *refs) ref(p string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	if ref, ok := r.known[p]; ok {
		return ref
	}
	ref := r.find(p)
	r.known[p] = ref
	return ref
}

func (r *refs) find(p string) string {
	canon, ok := r.canonical(p)
	if !ok {
		return p
	}
	if r.base != "" {
		if rel, err := filepath.Rel(r.base, canon); err == nil && rel != ".." &&
			!strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel) {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(canon)
}

// docFinder finds the document a stored reference names in the corpus
// being shown. It is built once per Apply.
type docFinder struct {
	c       *model.Corpus
	r       *refs
	byName  map[string]int // a document's path as typed and its reference -> index
	under   map[string]int // reference of each document under the annotations folder -> index
	memo    map[string]resolved
	learned map[string]int // reference -> document found by its text; -1 when texts disagreed
}

// resolved is where a reference led; sure is false for a guess by name that
// the claim's text must confirm.
type resolved struct {
	doc      int
	ok, sure bool
}

func newDocFinder(c *model.Corpus, r *refs) *docFinder {
	f := &docFinder{c: c, r: r, byName: map[string]int{}, under: map[string]int{},
		memo: map[string]resolved{}, learned: map[string]int{}}
	for i := range c.Docs {
		p := c.Docs[i].Path
		ref := r.ref(p)
		if _, dup := f.byName[ref]; !dup {
			f.byName[ref] = i
		}
		if _, dup := f.under[ref]; !dup && ref != p && !filepath.IsAbs(filepath.FromSlash(ref)) {
			f.under[ref] = i
		}
	}
	// Paths as typed come second: a reference written in the new form
	// must not be shadowed by a document someone typed the same way.
	for i := range c.Docs {
		if _, dup := f.byName[c.Docs[i].Path]; !dup {
			f.byName[c.Docs[i].Path] = i
		}
	}
	return f
}

// resolve finds the document stored reference name names: by reference or
// path as typed; then by resolving it as an old path typed from the same
// folder or as an absolute path (symlinks and spelling aside); then, as a
// guess, by the document under the annotations folder whose reference
// ends it (an old file names "seeds/a.md" what is now "a.md").
func (f *docFinder) resolve(name string) resolved {
	fd, ok := f.memo[name]
	if !ok {
		fd = f.lookup(name)
		f.memo[name] = fd
	}
	if !fd.sure {
		if d, ok := f.learned[name]; ok && d >= 0 {
			return resolved{doc: d, ok: true}
		}
	}
	return fd
}

func (f *docFinder) lookup(name string) resolved {
	if d, ok := f.byName[name]; ok {
		return resolved{doc: d, ok: true, sure: true}
	}
	p := filepath.FromSlash(name)
	tries := []string{p}
	if !filepath.IsAbs(p) && f.r.base != "" {
		tries = []string{filepath.Join(f.r.base, p), p}
	}
	for _, t := range tries {
		if d, ok := f.byName[f.r.ref(t)]; ok {
			return resolved{doc: d, ok: true, sure: true}
		}
	}
	// The longest ending of name, cut at a slash, that is a reference.
	for i := strings.IndexByte(name, '/'); i >= 0; {
		if d, ok := f.under[name[i+1:]]; ok {
			return resolved{doc: d, ok: true}
		}
		j := strings.IndexByte(name[i+1:], '/')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return resolved{}
}

// learn records that the claim of reference name was found by its text
// in doc, so the changes after it that carry no text (notes) follow.
func (f *docFinder) learn(name string, doc int) {
	if d, ok := f.learned[name]; ok && d != doc {
		f.learned[name] = -1
		return
	}
	f.learned[name] = doc
}

// anchor finds the one document holding text: at [start:end] first, else
// anywhere. Two or more candidates are no answer: a claim is never put in
// a document by a guess between several.
func (f *docFinder) anchor(text string, start, end int) (doc, s, e int, ok bool) {
	if text == "" {
		return 0, 0, 0, false
	}
	n := 0
	for i := range f.c.Docs {
		t := f.c.Docs[i].Text
		if 0 <= start && start <= end && end <= len(t) && t[start:end] == text {
			n++
			doc = i
		}
	}
	if n == 1 {
		return doc, start, end, true
	}
	if n > 1 {
		return 0, 0, 0, false
	}
	for i := range f.c.Docs {
		if j := strings.Index(f.c.Docs[i].Text, text); j >= 0 {
			if n++; n > 1 {
				return 0, 0, 0, false
			}
			doc, s = i, j
		}
	}
	return doc, s, s + len(text), n == 1
}
