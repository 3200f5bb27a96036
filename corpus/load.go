package corpus

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/backchannel-news/backchannel/corpus/extract"
	"github.com/backchannel-news/backchannel/corpus/speakers"
	"github.com/backchannel-news/backchannel/model"
)

// ErrNothingLoaded is returned when not one document could be loaded.
var ErrNothingLoaded = errors.New("no documents could be loaded")

// Source is one file to read: the name to show and how to read it.
type Source struct {
	Name string
	// Read returns the source's bytes. The document keeps them as its
	// text, without a copy: Read must return bytes that nothing changes
	// afterwards (a fresh slice, or one that is never written again).
	Read func() ([]byte, error)
	// Size is the expected size in bytes, 0 when unknown; it feeds
	// progress reports and sizes the buffers files are read into.
	Size int64
	// file is the path of a file on disk found by Discover. Build reads
	// it into a buffer cut from shared blocks instead of calling Read.
	file string
}

// Load reads the files and folders in paths into a corpus. Folders are
// walked recursively for .txt, .md, .vtt and .srt files, skipping hidden
// entries and surviving symlink loops. Files that cannot be loaded are listed in
// Corpus.Problems; the error is non-nil only when nothing loaded at all.
func Load(paths []string) (*model.Corpus, error) {
	return LoadWith(paths, Options{})
}

// LoadWith is Load with options (progress reports, worker count).
func LoadWith(paths []string, opts Options) (*model.Corpus, error) {
	sources, problems := Discover(paths)
	return BuildWith(sources, problems, opts)
}

// Build reads sources and builds the corpus, adding to problems the sources
// that could not be read or parsed.
func Build(sources []Source, problems []model.Problem) (*model.Corpus, error) {
	return BuildWith(sources, problems, Options{})
}

// Assemble extracts the quotes of docs, merges their speakers and builds the
// corpus.
func Assemble(docs []model.Document, problems []model.Problem) *model.Corpus {
	found := make([]docQuotes, len(docs))
	st := &ingestState{mentions: newMentionTable()}
	forEach(len(docs), 0, func(i int) { found[i] = extractQuotes(&docs[i], st) })
	return assemble(docs, found, st.mentions, problems, false)
}

// docQuotes is what extraction keeps of one document's quotes until the
// corpus is assembled. Kept as extract.Found (120 bytes, one mention per
// quote, a slice grown by append), they took more memory than the text by
// the time every document was read; as model.Quote, a quarter of it.
type docQuotes struct {
	quotes []foundQuote
	// odd holds the text of any quote that is not its span of the
	// document's text, which extractors never make today.
	odd map[int]string
}

// foundQuote is a quote until assembly: its text is the span of the
// document's text, its speaker a mention in the load's mentionTable.
type foundQuote struct {
	start, end, line int32
	mention          int32
	cue              model.Cue
	confidence       model.Confidence
}

// ingestState is what the workers of one load share: the blocks what
// documents keep is cut from (nil: allocated one by one) and the table of
// speaker mentions.
type ingestState struct {
	text     *blocks[byte]
	lines    *blocks[int32]
	quotes   *blocks[foundQuote]
	mentions *mentionTable
}

// mentionTable numbers the distinct speaker mentions of a load. A speaker
// is mentioned the same way in document after document: kept once each,
// the mentions take a few hundred kilobytes instead of a tenth of the
// corpus.
type mentionTable struct {
	mu   sync.Mutex
	ids  map[string]int32 // by mentionKey
	list []speakers.Mention
}

func newMentionTable() *mentionTable { return &mentionTable{ids: map[string]int32{}} }

// id returns the number of m, numbering it if it is new.
func (t *mentionTable) id(m speakers.Mention) int32 {
	// Most mentions are in the table already: the key is built on the
	// stack and copied only for a new one.
	var buf [256]byte
	key := appendMentionKey(buf[:0], m)
	t.mu.Lock()
	defer t.mu.Unlock()
	id, ok := t.ids[string(key)]
	if !ok {
		id = int32(len(t.list))
		t.ids[string(key)] = id
		t.list = append(t.list, m)
	}
	return id
}

// appendMentionKey appends every field of m, NUL-separated, to key: no
// name, role or path holds a NUL (a document with one is refused as
// binary).
func appendMentionKey(key []byte, m speakers.Mention) []byte {
	for _, s := range []string{m.Name, m.Role, m.Scope} {
		key = append(append(key, s...), 0)
	}
	org := byte('p')
	if m.Org {
		org = 'o'
	}
	key = append(key, org, 0)
	for _, r := range m.Roles {
		key = append(append(key, r...), 0)
	}
	return key
}

// extractQuotes finds the quotes of d and keeps them as docQuotes, cut
// from st's blocks, their mentions numbered in st's table.
func extractQuotes(d *model.Document, st *ingestState) docQuotes {
	found := extract.Document(d)
	// Everything kept is copied out of found below: its array can serve
	// the next document.
	defer extract.Recycle(found)
	if len(found) == 0 {
		return docQuotes{}
	}
	out := docQuotes{quotes: st.quotes.get(len(found))}
	// The document's distinct mentions and their numbers: a document
	// names its few speakers again and again, so the shared table is
	// asked once for each. Few documents name more than 32 speakers
	// or spellings of them.
	var mentionsHere [32]speakers.Mention
	var idsHere [32]int32
	mentions, ids := mentionsHere[:0], idsHere[:0]
	// A document's quotes share a few cues ("said", "transcript").
	lastCueName, lastCue := "", model.NoCue
	for k, f := range found {
		m := speakers.Mention{Name: f.Speaker, Role: f.Role, Roles: f.Roles, Org: f.Org}
		if f.Local {
			// A transcript's "Q" or "MODERATOR" is someone else in every
			// document: name the document to keep them apart.
			m.Scope = scopeName(d.Path)
		}
		j := slices.IndexFunc(mentions, func(o speakers.Mention) bool {
			return o.Name == m.Name && o.Role == m.Role && o.Org == m.Org && o.Scope == m.Scope && slices.Equal(o.Roles, m.Roles)
		})
		if j < 0 {
			j = len(mentions)
			mentions = append(mentions, m)
			ids = append(ids, st.mentions.id(m))
		}
		if f.Start < 0 || f.End > len(d.Text) || f.Start > f.End || f.Text != d.Text[f.Start:f.End] {
			if out.odd == nil {
				out.odd = map[int]string{}
			}
			out.odd[k] = f.Text
		}
		if f.Cue != lastCueName {
			lastCueName, lastCue = f.Cue, model.CueOf(f.Cue)
		}
		out.quotes[k] = foundQuote{
			start:      int32(f.Start),
			end:        int32(f.End),
			line:       int32(d.LineAt(f.Start)),
			mention:    ids[j],
			cue:        lastCue,
			confidence: f.Confidence,
		}
	}
	return out
}

// assemble merges the speakers of the quotes found in each of docs and
// builds the corpus. It runs once, after the parallel per-document work,
// and drops each document's part of found once it is copied. With collect
// set (a load under a heap bound) it collects the garbage of extraction
// and of the speaker merge before the corpus's quotes are made: they are
// the largest thing it makes, and made on top of that garbage they would
// set the peak of the load.
func assemble(docs []model.Document, found []docQuotes, table *mentionTable, problems []model.Problem, collect bool) *model.Corpus {
	n := 0
	for i := range found {
		n += len(found[i].quotes)
	}
	// The distinct mentions in order of first mention in the corpus, and
	// how many quotes each stands for: what speakers.Resolve would count
	// from one mention per quote, without a copy of one for every quote.
	at := make([]int32, len(table.list)) // 1 + where each is in mentions, 0 until seen
	var mentions []speakers.Mention
	var counts []int32
	for i := range found {
		for _, q := range found[i].quotes {
			if at[q.mention] == 0 {
				mentions = append(mentions, table.list[q.mention])
				counts = append(counts, 0)
				at[q.mention] = int32(len(mentions))
			}
			counts[at[q.mention]-1]++
		}
	}
	people, ids := speakers.ResolveCounted(mentions, counts)
	if collect {
		runtime.GC()
	}
	quotes := make([]model.Quote, 0, n)
	for i := range found {
		text := docs[i].Text
		for k, q := range found[i].quotes {
			t, odd := found[i].odd[k]
			if !odd {
				t = text[q.start:q.end]
			}
			quotes = append(quotes, model.Quote{
				Doc:        int32(i),
				Speaker:    int32(ids[at[q.mention]-1]),
				Text:       t,
				Start:      q.start,
				End:        q.end,
				Line:       q.line,
				Cue:        q.cue,
				Confidence: q.confidence,
			})
		}
		found[i] = docQuotes{}
	}
	return model.New(docs, people, quotes, problems)
}

func scopeName(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

func readReason(err error) string {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// IsDocumentName reports whether a file name has an extension backchannel
// reads when walking a folder.
func IsDocumentName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".md", ".markdown", ".vtt", ".srt":
		// Subtitles of a leaked clip are transcripts: DetectKind reads
		// WEBVTT and SRT cues.
		return true
	}
	return false
}

// Discover expands paths into the files to read. A file named explicitly is
// read whatever its extension; in folders only documents are taken. Paths
// that cannot be used are returned as problems.
func Discover(paths []string) ([]Source, []model.Problem) {
	var (
		sources  []Source
		problems []model.Problem
		seen     = map[string]bool{}
	)
	add := func(name, real string, size int64) {
		if seen[real] {
			return
		}
		seen[real] = true
		sources = append(sources, Source{Name: name, Read: func() ([]byte, error) { return readFile(name, nil) }, Size: size, file: name})
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			problems = append(problems, model.Problem{Path: p, Reason: readReason(err)})
			continue
		}
		if !info.IsDir() {
			if !info.Mode().IsRegular() {
				problems = append(problems, model.Problem{Path: p, Reason: "not a regular file"})
				continue
			}
			add(p, realPath(p), info.Size())
			continue
		}
		before := len(sources)
		walkDir(p, map[string]bool{}, add, &problems)
		if len(sources) == before {
			problems = append(problems, model.Problem{Path: p, Reason: "folder holds no .txt, .md, .vtt or .srt documents"})
		}
	}
	return sources, problems
}

// walkDir walks dir, following symlinks to folders but never into a folder
// already on the current path, which is what makes a loop.
func walkDir(dir string, onPath map[string]bool, add func(name, real string, size int64), problems *[]model.Problem) {
	real := realPath(dir)
	if onPath[real] {
		return
	}
	onPath[real] = true
	defer delete(onPath, real)
	entries, err := os.ReadDir(dir) // sorted by name: the order sources are listed in
	if err != nil {
		*problems = append(*problems, model.Problem{Path: dir, Reason: readReason(err)})
		return
	}
	// The entries worth a look are stat'd on every core, then taken in
	// order: a folder of thousands of documents would otherwise wait on
	// one system call after another before the first is read.
	type look struct {
		name, full string
		link       bool
		st         entryStat
		err        error
	}
	var looks []look
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		link := e.Type()&fs.ModeSymlink != 0
		if !link && !e.IsDir() && (!e.Type().IsRegular() || !IsDocumentName(e.Name())) {
			continue // not a document: no need to look at it further
		}
		looks = append(looks, look{name: e.Name(), full: filepath.Join(dir, e.Name()), link: link, st: entryStat{dir: e.IsDir()}})
	}
	stat := func(i int) {
		l := &looks[i]
		// A folder's entry says it is one; a document's size and where
		// a link leads take a call.
		if l.link || !l.st.dir {
			l.st, l.err = statEntry(l.full, l.link)
		}
	}
	if len(looks) >= parallelStatMin {
		forEach(len(looks), 0, stat)
	} else {
		for i := range looks {
			stat(i)
		}
	}
	for _, l := range looks {
		if l.err != nil {
			if l.link {
				*problems = append(*problems, model.Problem{Path: l.full, Reason: "broken symbolic link"})
			} else {
				*problems = append(*problems, model.Problem{Path: l.full, Reason: readReason(l.err)})
			}
			continue
		}
		switch {
		case l.st.dir:
			walkDir(l.full, onPath, add, problems)
		case l.st.regular && IsDocumentName(l.name):
			// A plain file's real path is its folder's real path and its
			// name: resolving it again would cost a system call for every
			// folder above it.
			r := filepath.Join(real, l.name)
			if l.link {
				r = realPath(l.full)
			}
			add(l.full, r, l.st.size)
		}
	}
}

// parallelStatMin is the number of entries in a folder from which they are
// stat'd in parallel: below it, starting workers costs more than it saves.
const parallelStatMin = 64

// entryStat is what walkDir needs to know of an entry.
type entryStat struct {
	size         int64
	dir, regular bool
}

func realPath(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		if abs, err := filepath.Abs(r); err == nil {
			return abs
		}
		return r
	}
	return p
}

// readFile reads the file name into a buffer from bufs (nil: one of its
// own) of the size Stat gives: growing a buffer while reading would leave
// up to twice the file in garbage, and ingest memory is budgeted.
func readFile(name string, bufs *blocks[byte]) ([]byte, error) {
	return readFileSized(name, -1, bufs)
}

// readFileSized is readFile for a file whose size is known, from the walk
// that found it (-1: not known, ask Stat). A size gone stale since is no
// error: a file that shrank is read to its end, one that grew is read on.
func readFileSized(name string, size int64, bufs *blocks[byte]) ([]byte, error) {
	f, err := openRaw(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if size < 0 {
		size, _ = f.size() // 0 if unknown: the file is read on to its end
	}
	if size > MaxFileSize {
		return nil, fmt.Errorf("%w (%d MiB)", ErrTooLarge, size>>20)
	}
	buf := bufs.get(int(size))
	n, err := io.ReadFull(f, buf)
	switch {
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		return buf[:n], nil // the file shrank after Stat
	case err != nil:
		bufs.putBack(buf)
		return nil, err
	}
	// A file that grew after Stat, or one whose size Stat does not know
	// (a pipe named explicitly, a /proc file), is read on to its end, one
	// byte past the limit so that growth beyond it is still caught.
	var probe [1]byte
	m, err := f.Read(probe[:])
	if m == 0 {
		if err != nil && err != io.EOF {
			bufs.putBack(buf)
			return nil, err
		}
		return buf, nil
	}
	rest, err := io.ReadAll(io.LimitReader(f, MaxFileSize-size))
	if err != nil {
		bufs.putBack(buf)
		return nil, err
	}
	data := make([]byte, 0, len(buf)+1+len(rest))
	data = append(append(append(data, buf...), probe[0]), rest...)
	bufs.putBack(buf)
	if len(data) > MaxFileSize {
		return nil, ErrTooLarge
	}
	return data, nil
}

// LoadFS loads every document under root in fsys, naming each
// prefix/relative-path. It serves the embedded sample corpus.
func LoadFS(fsys fs.FS, root, prefix string) (*model.Corpus, error) {
	var sources []Source
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !IsDocumentName(p) {
			return nil
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(p, root), "/")
		var size int64
		if info, err := d.Info(); err == nil {
			size = info.Size()
		}
		sources = append(sources, Source{Name: prefix + "/" + rel, Read: func() ([]byte, error) { return fs.ReadFile(fsys, p) }, Size: size})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return Build(sources, nil)
}
