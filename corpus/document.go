// Package corpus turns files into the in-memory model: it reads and checks
// documents, extracts quotes, merges speakers and builds a *model.Corpus.
package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"regexp"
	"strings"
	"unicode/utf8"
	"unsafe"

	"gopkg.in/yaml.v3"

	"github.com/backchannel-news/backchannel/corpus/extract"
	"github.com/backchannel-news/backchannel/model"
)

// MaxFileSize bounds one document. Anything larger is almost certainly not
// a transcript or an article (a database dump, a video) and would cost the
// whole session its memory.
const MaxFileSize = 64 << 20

// Errors that name why a file was not loaded. They are wrapped with details.
var (
	ErrEmpty    = errors.New("empty file")
	ErrBinary   = errors.New("binary file, not text")
	ErrEncoding = errors.New("not valid UTF-8 text")
	ErrTooLarge = fmt.Errorf("larger than %d MiB", MaxFileSize>>20)
)

// frontMatter is the YAML header a Markdown document may carry.
type frontMatter struct {
	Title  string `yaml:"title"`
	Source string `yaml:"source"`
	Outlet string `yaml:"outlet"`
	Date   string `yaml:"date"`
	URL    string `yaml:"url"`
	Author string `yaml:"author"`
}

// ParseDocument checks data and turns it into a document named name. The
// document's text is data itself, not a copy: the caller must not change
// data afterwards.
func ParseDocument(name string, data []byte) (model.Document, error) {
	doc := model.Document{Path: name}
	if len(data) > MaxFileSize {
		return doc, fmt.Errorf("%w (%d MiB)", ErrTooLarge, len(data)>>20)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return doc, ErrEmpty
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return doc, fmt.Errorf("%w (NUL byte at offset %d)", ErrBinary, i)
	}
	if !utf8.Valid(data) {
		off := firstInvalidUTF8(data)
		return doc, fmt.Errorf("%w (bad byte at line %d, offset %d)", ErrEncoding, bytes.Count(data[:off], []byte("\n"))+1, off)
	}
	// The text is the largest thing a corpus holds; a copy would double
	// it while loading. unsafe.String is safe because nothing writes to
	// data after this (the contract above and on Source.Read), so the
	// string is as immutable as any other.
	text := unsafe.String(unsafe.SliceData(data), len(data))
	text = strings.TrimPrefix(text, "\ufeff")
	doc.Text = text
	doc.LineStarts = model.LineStartsOf(text)
	if fm, bodyStart, ok, err := splitFrontMatter(text); ok {
		if err != nil {
			return doc, fmt.Errorf("front matter: %v", err)
		}
		doc.BodyStart = bodyStart
		doc.Title, doc.Date, doc.URL, doc.Author = fm.Title, fm.Date, fm.URL, fm.Author
		doc.Outlet = fm.Outlet
		if doc.Outlet == "" {
			doc.Outlet = fm.Source
		}
	}
	body := text[doc.BodyStart:]
	if doc.Title == "" {
		doc.Title = firstLine(body)
	}
	if doc.Title == "" {
		doc.Title = path.Base(name)
	}
	if doc.Outlet == "" {
		doc.Outlet = trailingSource(body)
	}
	doc.Kind = extract.DetectKind(body)
	return doc, nil
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

var fmDelim = regexp.MustCompile(`(?m)^---[ \t]*\r?$`)

// splitFrontMatter finds a YAML header opened by "---" on the first line and
// closed by "---" on a later one. ok is false when there is none.
func splitFrontMatter(text string) (fm frontMatter, bodyStart int, ok bool, err error) {
	if !strings.HasPrefix(text, "---") {
		return fm, 0, false, nil
	}
	first := fmDelim.FindStringIndex(text)
	if first == nil || first[0] != 0 {
		return fm, 0, false, nil
	}
	rest := text[first[1]:]
	closing := fmDelim.FindStringIndex(rest)
	if closing == nil {
		return fm, 0, false, nil
	}
	header := rest[:closing[0]]
	bodyStart = first[1] + closing[1]
	if bodyStart < len(text) && text[bodyStart] == '\n' {
		bodyStart++
	}
	if err := yaml.Unmarshal([]byte(header), &fm); err != nil {
		return fm, bodyStart, true, err
	}
	return fm, bodyStart, true, nil
}

func firstLine(body string) string {
	for _, l := range strings.Split(body, "\n") {
		l = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l), "#"))
		if l != "" {
			if utf8.RuneCountInString(l) > 200 {
				l = string([]rune(l)[:200]) + "…"
			}
			return l
		}
	}
	return ""
}

var sourceLine = regexp.MustCompile(`(?im)^\s*source:\s*(.+?)\s*$`)

// trailingSource reads a "Source: X" line among the last lines of body.
func trailingSource(body string) string {
	// The last five lines, last first, found from the end: splitting the
	// whole body into lines would copy every line's header.
	rest := strings.TrimRight(body, "\n\r\t ")
	for range 5 {
		nl := strings.LastIndexByte(rest, '\n')
		if m := sourceLine.FindStringSubmatch(rest[nl+1:]); m != nil {
			return m[1]
		}
		if nl < 0 {
			break
		}
		rest = rest[:nl]
	}
	return ""
}
