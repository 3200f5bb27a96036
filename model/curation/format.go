// Package curation keeps what users decide about claims: claims they mark,
// topics they create, rename, merge or dismiss, claims they move and notes
// they add. It is an append-only log of changes in a human-readable file,
// shared safely by every session and process that opens it, and merged at
// read time over the claims found automatically, so the corpus itself is
// never changed. Undoing a change appends an undo naming it: no line is
// ever rewritten, so an undo cannot lose what another writer appended.
package curation

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Kinds of change.
const (
	Mark     = "mark"    // make Doc[Start:End] a claim under Topic, Position
	NewTopic = "topic"   // create Topic with Label
	Rename   = "rename"  // give Topic the Label
	Merge    = "merge"   // move every claim of Topic into Into, then drop Topic
	Move     = "move"    // move the claim at Doc[Start:End] from Topic to Into, Position
	Dismiss  = "dismiss" // Topic is not a real conflict
	Note     = "note"    // attach Text to the claim at Doc[Start:End] in Topic, or to Topic; no Text removes the note
	Undo     = "undo"    // withdraw the change whose ID is Undoes, as if it had not been made
	Drop     = "drop"    // take the claim at Doc[Start:End] out of Topic: it is not a claim there
	Hold     = "holder"  // the claim at Doc[Start:End] in Topic is held by Holder, not whom it was put to
)

// Op is one change, as one line of the file.
type Op struct {
	ID     string // unique, so two logs of the same history merge without repeats
	Time   time.Time
	Author string
	Kind   string
	Undoes string // Undo: the ID of the change withdrawn

	Topic    string
	Into     string // Merge, Move: the destination topic
	Position string
	Label    string // NewTopic, Rename: the topic's label

	Doc        string // document reference (see Store.Ref); in files written before references, the path as typed
	Start, End int    // byte span in the document
	Holder     string // Mark, Hold: who holds the claim
	Text       string // Mark: the claim's text, to find it again if the document changed; Note: the note
}

// header opens every file written, so that a reader who finds it knows
// what it is.
const header = `# backchannel annotations: claims and topics curated by hand, for the corpus
# in this folder (or named by the file name). One change per line, oldest
# first; backchannel merges them over the claims it finds by itself.
# Documents (doc=) are named relative to this file's folder, or by their
# absolute path when they lie elsewhere.
# Fields are key=value, values with spaces in Go-quoted strings. Lines
# starting with # are comments. A line that cannot be read stops loading
# and the file is then never overwritten. Lines are never changed or
# removed: an undo is a line of its own naming the id it withdraws.
`

// fields in the order written; the order makes files diff well.
var fieldOrder = []string{"id", "time", "by", "op", "undoes", "topic", "into", "position", "label", "doc", "span", "holder", "text"}

func (op Op) fields() map[string]string {
	m := map[string]string{
		"id": op.ID, "time": op.Time.UTC().Format(time.RFC3339), "by": op.Author, "op": op.Kind, "undoes": op.Undoes,
		"topic": op.Topic, "into": op.Into, "position": op.Position, "label": op.Label,
		"doc": op.Doc, "holder": op.Holder, "text": op.Text,
	}
	if op.Doc != "" {
		m["span"] = fmt.Sprintf("%d-%d", op.Start, op.End)
	}
	return m
}

// String renders op as its line, without the line break.
func (op Op) String() string {
	var b strings.Builder
	m := op.fields()
	for _, k := range fieldOrder {
		v := m[k]
		if v == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(k)
		b.WriteByte('=')
		if needsQuote(v) {
			b.WriteString(strconv.Quote(v))
		} else {
			b.WriteString(v)
		}
	}
	return b.String()
}

func needsQuote(v string) bool {
	if v == "" {
		return true
	}
	for _, r := range v {
		if r <= ' ' || r == '"' || r == '=' || r == '\\' || r > '~' {
			return true
		}
	}
	return false
}

// LineError says which line of a file could not be read, and why.
type LineError struct {
	Line   int
	Reason string
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Reason) }

// parse reads a whole file. It fails on the first line it cannot read.
func parse(r io.Reader) ([]Op, error) {
	var ops []Op
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		op, err := parseLine(line)
		if err != nil {
			return nil, &LineError{Line: n, Reason: err.Error()}
		}
		ops = append(ops, op)
	}
	if err := sc.Err(); err != nil {
		return nil, &LineError{Line: n + 1, Reason: err.Error()}
	}
	return ops, nil
}

func parseLine(line string) (Op, error) {
	m := map[string]string{}
	for rest := line; rest != ""; rest = strings.TrimLeft(rest, " \t") {
		eq := strings.IndexByte(rest, '=')
		if eq <= 0 {
			return Op{}, fmt.Errorf("expected key=value at %q", clip(rest))
		}
		key := rest[:eq]
		if strings.ContainsAny(key, " \t\"") {
			return Op{}, fmt.Errorf("expected key=value at %q", clip(rest))
		}
		rest = rest[eq+1:]
		var val string
		if strings.HasPrefix(rest, `"`) {
			q, err := strconv.QuotedPrefix(rest)
			if err != nil {
				return Op{}, fmt.Errorf("unterminated or malformed quoted value for %s", key)
			}
			val, _ = strconv.Unquote(q)
			rest = rest[len(q):]
			if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
				return Op{}, fmt.Errorf("missing space after the value of %s", key)
			}
		} else {
			end := strings.IndexAny(rest, " \t")
			if end < 0 {
				end = len(rest)
			}
			val, rest = rest[:end], rest[end:]
		}
		if _, dup := m[key]; dup {
			return Op{}, fmt.Errorf("%s given twice", key)
		}
		m[key] = val
	}
	return opFrom(m)
}

func clip(s string) string {
	if len(s) > 30 {
		return s[:30] + "…"
	}
	return s
}

// required fields per kind, beyond id, time, by and op.
var required = map[string][]string{
	Mark:     {"topic", "position", "doc", "span"},
	NewTopic: {"topic", "label"},
	Rename:   {"topic", "label"},
	Merge:    {"topic", "into"},
	Move:     {"doc", "span", "into", "position"},
	Dismiss:  {"topic"},
	Note:     nil, // without text it removes the note; Add also wants a topic
	Undo:     {"undoes"},
	Drop:     {"topic", "doc", "span"},
	Hold:     {"topic", "doc", "span", "holder"},
}

func opFrom(m map[string]string) (Op, error) {
	known := map[string]bool{}
	for _, k := range fieldOrder {
		known[k] = true
	}
	var unknown []string
	for k := range m {
		if !known[k] {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return Op{}, fmt.Errorf("unknown field %s", strings.Join(unknown, ", "))
	}
	op := Op{ID: m["id"], Author: m["by"], Kind: m["op"], Undoes: m["undoes"], Topic: m["topic"], Into: m["into"],
		Position: m["position"], Label: m["label"], Doc: m["doc"], Holder: m["holder"], Text: m["text"]}
	for _, k := range []string{"id", "time", "op"} {
		if m[k] == "" {
			return Op{}, fmt.Errorf("missing %s", k)
		}
	}
	t, err := time.Parse(time.RFC3339, m["time"])
	if err != nil {
		return Op{}, fmt.Errorf("time %q is not RFC 3339", m["time"])
	}
	op.Time = t
	req, ok := required[op.Kind]
	if !ok {
		return Op{}, fmt.Errorf("unknown op %q", op.Kind)
	}
	for _, k := range req {
		if m[k] == "" {
			return Op{}, fmt.Errorf("op %s needs %s", op.Kind, k)
		}
	}
	if s := m["span"]; s != "" {
		a, b, ok := strings.Cut(s, "-")
		start, err1 := strconv.Atoi(a)
		end, err2 := strconv.Atoi(b)
		if !ok || err1 != nil || err2 != nil || start < 0 || end < start {
			return Op{}, fmt.Errorf("span %q is not START-END", s)
		}
		op.Start, op.End = start, end
	}
	return op, nil
}

// render writes the whole file.
func render(ops []Op) []byte {
	var b strings.Builder
	b.WriteString(header)
	for _, op := range ops {
		b.WriteString(op.String())
		b.WriteByte('\n')
	}
	return []byte(b.String())
}
