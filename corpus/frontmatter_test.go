package corpus

import (
	"math/rand"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestSimpleFrontMatterReadsAsYAMLDoes builds random headers from keys,
// separators and values chosen to sit on either side of what a plain YAML
// scalar is, and checks that whenever simpleFrontMatter takes a header it
// reads exactly what yaml.Unmarshal reads, and that it leaves to the
// parser every header the parser refuses.
func TestSimpleFrontMatterReadsAsYAMLDoes(t *testing.T) {
	keys := []string{"title", "source", "outlet", "date", "url", "author", "Title", "tags", "x-y", "1", "null", "_k", "-k", "k k", "\"title\""}
	seps := []string{": ", ":", " : ", ":  ", ":\t", ": \t"}
	values := []string{
		"The port deal", "Port deal: the calls", "a #b", "a#b", "#x", "- x", "-x", "?x", ":x", "x:", "x: ",
		"[a]", "{a: 1}", "a, b", "a [b]", "'q'", "'it''s'", "'a' b", `"q"`, `"a \"b\""`, `"a\nb"`, `"unterminated`,
		`'unterminated`, `""`, "''", "null", "~", "Null", "NULL", "nul", "", "  padded  ", "2026-03-02", "true", "0x1F",
		"1e3", ".inf", "café crème", "a\u2028b", "a\u0085b", "a\u00a0b", "\ufeffx", "&anchor x", "*alias", "!tag x",
		"!!str x", "|", ">", "%x", "@x", "`x", "x\ty", "https://example.invalid/a?b=c#d", "He said \"no\"", "a: b: c",
		"<<", "=", "a\rb", "x  ", "a'b", `a"b`, `"a'b"`, `'a"b'`, `"#x"`, "x # comment", "\u00ff\u4e16\U0001F600",
	}
	extra := []string{"", "# a comment", "#\tcomment", "  indented: x", "- item", "...", "--- x", "plain words", "\t", " ", "   # indented comment", "k:\n  nested: x", "k: |\n  block"}
	r := rand.New(rand.NewSource(7))
	taken := 0
	const rounds = 20000
	for i := 0; i < rounds; i++ {
		var b strings.Builder
		b.WriteString("\n") // the opening delimiter's line end, as splitFrontMatter passes it
		for n := 1 + r.Intn(5); n > 0; n-- {
			if r.Intn(6) == 0 {
				b.WriteString(extra[r.Intn(len(extra))])
			} else {
				// Mostly well-formed lines, so that the fast path is taken
				// often enough to be tested.
				k, s := keys[r.Intn(7)], ": "
				if r.Intn(4) == 0 {
					k, s = keys[r.Intn(len(keys))], seps[r.Intn(len(seps))]
				}
				b.WriteString(k + s + values[r.Intn(len(values))])
			}
			if r.Intn(10) == 0 {
				b.WriteString("\r")
			}
			b.WriteString("\n")
		}
		header := b.String()
		fast, ok := simpleFrontMatter(header)
		if !ok {
			continue
		}
		taken++
		var want frontMatter
		if err := yaml.Unmarshal([]byte(header), &want); err != nil {
			t.Fatalf("simpleFrontMatter took a header YAML refuses (%v):\n%s", err, header)
		}
		if fast != want {
			t.Fatalf("header\n%s\nread as %+v, YAML reads %+v", header, fast, want)
		}
	}
	// The usual header must be read without the parser.
	if fm, ok := simpleFrontMatter("\ntitle: \"Port deal: the calls\"\nsource: The Harbour Ledger\ndate: 2026-03-02\nurl: https://example.invalid/a\nauthor: Ines Vale\n"); !ok || fm.Title != "Port deal: the calls" || fm.Date != "2026-03-02" {
		t.Errorf("the usual header: %+v, %v", fm, ok)
	}
	t.Logf("%d of %d random headers read without the parser", taken, rounds)
	if taken < rounds/20 {
		t.Errorf("only %d of %d headers read without the parser", taken, rounds)
	}
}

func TestFrontMatterDelimiters(t *testing.T) {
	for _, tc := range []struct {
		text, title string
		body        int // BodyStart, -1 for no front matter
	}{
		{"---\ntitle: A\n---\nBody\n", "A", 17},
		{"--- \t\r\ntitle: A\r\n---\r\nBody\r\n", "A", 22},
		{"---\ntitle: A\n---", "A", 16},
		{"---\ntitle: A\n----\nBody\n", "", -1},
		{"---\ntitle: A\n--- x\nBody\n", "", -1},
		{"---x\ntitle: A\n---\nBody\n", "", -1},
		{"---\ntitle: A\nno closing line\n", "", -1},
		{"---\n---\nBody\n", "", 8},
		{"---", "", -1},
	} {
		fm, body, ok, err := splitFrontMatter(tc.text)
		if err != nil || ok != (tc.body >= 0) || ok && (body != tc.body || fm.Title != tc.title) {
			t.Errorf("%q: title %q body at %d ok %v err %v; want %q at %d", tc.text, fm.Title, body, ok, err, tc.title, tc.body)
		}
	}
}

// sourceValue must read a line exactly as the sourceLine regexp does.
func TestSourceValueMatchesTheRegexp(t *testing.T) {
	pieces := []string{"source:", "Source:", "SOURCE:", "ſource:", "sourc:", "source", " ", "\t", "\r", "\f", "\v", "Northern Wire", "x", "é", ":", "  "}
	r := rand.New(rand.NewSource(3))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := r.Intn(5); n >= 0; n-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		line := b.String()
		got, ok := sourceValue(line)
		m := sourceLine.FindStringSubmatch(line)
		if ok != (m != nil) || ok && got != m[1] {
			t.Fatalf("sourceValue(%q) = %q, %v; regexp gives %q", line, got, ok, m)
		}
	}
}
