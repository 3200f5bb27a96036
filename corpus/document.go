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
	return parseDocument(name, data, nil)
}

// parseDocument is ParseDocument with the line starts cut from lines (nil:
// allocated on their own).
func parseDocument(name string, data []byte, lines *blocks[int32]) (model.Document, error) {
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
	// string is as immutable as any other. Loading hands a file's buffer
	// back to be read into again (blocks.putBack) only when parsing
	// failed and the document, string included, is dropped.
	text := unsafe.String(unsafe.SliceData(data), len(data))
	text = strings.TrimPrefix(text, "\ufeff")
	doc.Text = text
	if lines != nil {
		doc.LineStarts = model.LineStartsIn(text, lines.get)
	} else {
		doc.LineStarts = model.LineStartsOf(text)
	}
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

// isDelimiter reports whether line (without its "\n") is a front matter
// delimiter: "---", then only spaces or tabs, and a "\r" if the file has
// CRLF line ends.
func isDelimiter(line string) bool {
	rest, ok := strings.CutPrefix(line, "---")
	rest = strings.TrimSuffix(rest, "\r")
	return ok && strings.Trim(rest, " \t") == ""
}

// splitFrontMatter finds a YAML header opened by "---" on the first line and
// closed by "---" on a later one. ok is false when there is none.
func splitFrontMatter(text string) (fm frontMatter, bodyStart int, ok bool, err error) {
	if !strings.HasPrefix(text, "---") {
		return fm, 0, false, nil
	}
	lineEnd := func(from int) int {
		if i := strings.IndexByte(text[from:], '\n'); i >= 0 {
			return from + i
		}
		return len(text)
	}
	open := lineEnd(0)
	if !isDelimiter(text[:open]) {
		return fm, 0, false, nil
	}
	// header keeps the "\n" that ends the opening line: YAML does not
	// mind, and it keeps the header's line numbers those of the file.
	close := -1
	for start := open + 1; start < len(text); {
		end := lineEnd(start)
		if isDelimiter(text[start:end]) {
			close = start
			bodyStart = end
			break
		}
		start = end + 1
	}
	if close < 0 {
		return fm, 0, false, nil
	}
	header := text[open:close]
	if bodyStart < len(text) && text[bodyStart] == '\n' {
		bodyStart++
	}
	if fm, ok := simpleFrontMatter(header); ok {
		return fm, bodyStart, true, nil
	}
	fm, err = yamlFrontMatter(header)
	return fm, bodyStart, true, err
}

// yamlFrontMatter reads header with the YAML parser. It is a function of
// its own because the parser takes the address of what it fills, which
// then lives on the heap: in splitFrontMatter, that was its result, for
// every document with front matter, though nearly all are read by
// simpleFrontMatter.
func yamlFrontMatter(header string) (frontMatter, error) {
	var fm frontMatter
	err := yaml.Unmarshal([]byte(header), &fm)
	return fm, err
}

// simpleFrontMatter reads the common header, "key: value" lines with plain
// or quoted values, the way yaml.Unmarshal would, in a fraction of its
// time and with no copies: values are slices of header. ok is false for
// anything else (indentation, escapes, flow or block values, anchors,
// tags, duplicate keys, characters YAML refuses), which is then left to
// the YAML parser, errors included.
func simpleFrontMatter(header string) (fm frontMatter, ok bool) {
	var seen [6]bool // by field, in frontMatter's order
	for len(header) > 0 {
		var line string
		if i := strings.IndexByte(header, '\n'); i >= 0 {
			line, header = header[:i], header[i+1:]
		} else {
			line, header = header, ""
		}
		line = strings.TrimSuffix(line, "\r")
		if line == "" || line[0] == '#' && yamlPrintable(line) {
			continue
		}
		key, value, ok := simpleMapping(line)
		if !ok {
			return frontMatter{}, false
		}
		var field *string
		var i int
		switch key {
		case "title":
			field, i = &fm.Title, 0
		case "source":
			field, i = &fm.Source, 1
		case "outlet":
			field, i = &fm.Outlet, 2
		case "date":
			field, i = &fm.Date, 3
		case "url":
			field, i = &fm.URL, 4
		case "author":
			field, i = &fm.Author, 5
		default:
			// Another key: ignored, as yaml.Unmarshal does, but a second
			// one of the same name is an error only the parser words.
			if strings.Contains(header, "\n"+key+":") || strings.HasPrefix(header, key+":") {
				return frontMatter{}, false
			}
			continue
		}
		if seen[i] {
			return frontMatter{}, false // duplicate key: the parser's error
		}
		seen[i] = true
		*field = value
	}
	return fm, true
}

// simpleMapping splits a "key: value" line whose key is a plain word and
// whose value is a single-line plain scalar, or a quoted one without
// escapes, and returns the value as YAML reads it. ok is false for
// anything else.
func simpleMapping(line string) (key, value string, ok bool) {
	k := 0
	for k < len(line) && (line[k] >= 'a' && line[k] <= 'z' || line[k] >= 'A' && line[k] <= 'Z' || line[k] >= '0' && line[k] <= '9' || line[k] == '_' || k > 0 && line[k] == '-') {
		k++
	}
	if k == 0 || k > 128 || k == len(line) || line[k] != ':' {
		return "", "", false
	}
	key, rest := line[:k], line[k+1:]
	if rest != "" && rest[0] != ' ' || !yamlPrintable(rest) {
		return "", "", false
	}
	v := strings.Trim(rest, " ")
	switch {
	case v == "" || v == "~" || v == "null" || v == "Null" || v == "NULL":
		return key, "", true // null: the field is left empty
	case v[0] == '"' || v[0] == '\'':
		q := v[0]
		end := strings.IndexByte(v[1:], q) + 1
		if end != len(v)-1 || q == '"' && strings.IndexByte(v, '\\') >= 0 {
			return "", "", false // escapes, or more after the closing quote
		}
		return key, v[1:end], true
	case strings.IndexByte("-?:,[]{}#&*!|>%@`", v[0]) >= 0:
		return "", "", false // an indicator: not a plain scalar
	case strings.Contains(v, ": ") || strings.Contains(v, " #") || v[len(v)-1] == ':':
		return "", "", false
	}
	return key, v, true
}

// yamlPrintable reports whether s holds only characters YAML takes as is
// on one line: printable ASCII and the non-ASCII ranges YAML allows, less
// the ones it reads as line breaks (U+0085, U+2028, U+2029) and the byte
// order mark. Tabs are refused too; they only ever lead to the parser.
func yamlPrintable(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f {
			return false
		} else if c >= 0x80 {
			for _, r := range s[i:] {
				if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r == 0x2028 || r == 0x2029 || r == 0xfeff || r > 0xfffd && r < 0x10000 || r == utf8.RuneError {
					return false
				}
			}
			return true
		}
	}
	return true
}

// firstLine is the first line of body with any text, without Markdown
// heading marks, cut at 200 characters.
func firstLine(body string) string {
	for len(body) > 0 {
		l := body
		if i := strings.IndexByte(body, '\n'); i >= 0 {
			l, body = body[:i], body[i+1:]
		} else {
			body = ""
		}
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

// sourceValue reads a "Source: X" line as sourceLine does, without the
// regexp engine, which cost as much as all the other checks of a document
// together: the value is the rest of the line trimmed of spaces (or, the
// regexp's way, its last character when the rest is all spaces).
func sourceValue(line string) (string, bool) {
	const spaces = "\t\n\f\r " // the regexp's \s
	l := strings.TrimLeft(line, spaces)
	if strings.HasPrefix(l, "\u017f") { // ſ, which (?i) folds to s
		if m := sourceLine.FindStringSubmatch(line); m != nil {
			return m[1], true
		}
		return "", false
	}
	if len(l) < len("source:") || !strings.EqualFold(l[:len("source:")], "source:") {
		return "", false
	}
	rest := l[len("source:"):]
	if v := strings.Trim(rest, spaces); v != "" {
		return v, true
	}
	if rest == "" {
		return "", false
	}
	return rest[len(rest)-1:], true
}

// trailingSource reads a "Source: X" line among the last lines of body.
func trailingSource(body string) string {
	// The last five lines, last first, found from the end: splitting the
	// whole body into lines would copy every line's header.
	rest := strings.TrimRight(body, "\n\r\t ")
	for range 5 {
		nl := strings.LastIndexByte(rest, '\n')
		if v, ok := sourceValue(rest[nl+1:]); ok {
			return v
		}
		if nl < 0 {
			break
		}
		rest = rest[:nl]
	}
	return ""
}
