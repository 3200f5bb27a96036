package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/backchannel-news/backchannel/corpus/sample"
	"github.com/backchannel-news/backchannel/model"
)

type result struct {
	code           int
	stdout, stderr string
}

func run(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(args, strings.NewReader(stdin), &out, &errOut)
	return result{code, out.String(), errOut.String()}
}

func sampleCorpus(t *testing.T) *model.Corpus {
	t.Helper()
	c, err := sample.Load()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// jsonKeys returns the keys of the first object of a JSON array, in order.
func jsonKeys(t *testing.T, data string) []string {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(data))
	var keys []string
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			t.Fatalf("reading JSON: %v", err)
		}
		switch v := tok.(type) {
		case json.Delim:
			switch v {
			case '{', '[':
				depth++
			default:
				depth--
				if depth == 1 {
					return keys
				}
			}
			continue
		case string:
			if depth == 2 {
				keys = append(keys, v)
				// skip the value
				var skip json.RawMessage
				if err := dec.Decode(&skip); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

func TestQuotesJSONMatchesTheFiles(t *testing.T) {
	r := run(t, "", "quotes", "--format", "json")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	want := []string{"speaker", "text", "doc", "line", "cue", "confidence", "start", "end"}
	if got := jsonKeys(t, r.stdout); !reflect.DeepEqual(got, want) {
		t.Fatalf("fields %v, want %v in that order", got, want)
	}
	var rows []quoteRow
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
		t.Fatal(err)
	}
	c := sampleCorpus(t)
	if len(rows) != len(c.Quotes) {
		t.Fatalf("%d quotes printed, corpus has %d", len(rows), len(c.Quotes))
	}
	docs := map[string]*model.Document{}
	for i := range c.Docs {
		docs[c.Docs[i].Path] = &c.Docs[i]
	}
	for _, q := range rows {
		d := docs[q.Doc]
		if d == nil {
			t.Fatalf("quote names unknown document %q", q.Doc)
		}
		// Whitespace may be normalised (a turn run over two lines), words not.
		if oneLine(d.Text[q.Start:q.End]) != oneLine(q.Text) {
			t.Errorf("%s: offsets %d-%d hold %q, printed text %q", q.Doc, q.Start, q.End, d.Text[q.Start:q.End], q.Text)
		}
		if !strings.Contains(d.Line(q.Line), strings.SplitN(q.Text, "\n", 2)[0]) {
			t.Errorf("%s:%d does not hold %q", q.Doc, q.Line, q.Text)
		}
		if q.Speaker == "" && q.Confidence != "none" {
			t.Errorf("%s:%d: unknown speaker with confidence %q", q.Doc, q.Line, q.Confidence)
		}
	}
}

func TestSpeakerFilterIgnoresCaseAndTakesPathsAnywhere(t *testing.T) {
	c := sampleCorpus(t)
	id := c.FindSpeaker("Wendt")
	if id == model.Unknown {
		t.Fatal("sample corpus has no speaker Wendt")
	}
	before := run(t, "", "quotes", "--format", "json", "--speaker", "wEnDt")
	var rows []quoteRow
	if err := json.Unmarshal([]byte(before.stdout), &rows); err != nil {
		t.Fatalf("%v: %s", err, before.stderr)
	}
	if len(rows) != len(c.Speakers[id].Quotes) || len(rows) == 0 {
		t.Fatalf("%d quotes for wEnDt, speaker %q has %d", len(rows), c.Speakers[id].Name, len(c.Speakers[id].Quotes))
	}
	for _, q := range rows {
		if q.Speaker != c.Speakers[id].Name {
			t.Errorf("filtered quote by %q", q.Speaker)
		}
	}

	dir := writeFiles(t, map[string]string{"a.md": "Vote\n\n\"We counted every ballot twice,\" Ilse Brandt said.\n\n\"The turnout figure is wrong,\" Tomas Ek said.\n"})
	a := run(t, "", "quotes", dir, "--speaker", "ilse brandt", "--format", "csv")
	b := run(t, "", "quotes", "--format", "csv", "--speaker", "ILSE BRANDT", dir)
	if a.code != 0 || a.stdout != b.stdout {
		t.Fatalf("flags after paths gave %q (exit %d, %s), before paths %q", a.stdout, a.code, a.stderr, b.stdout)
	}
	if !strings.Contains(a.stdout, "We counted every ballot twice") || strings.Contains(a.stdout, "turnout") {
		t.Errorf("--speaker did not filter to Ilse Brandt:\n%s", a.stdout)
	}
}

// Aliases come from the speaker merger; this checks the filter honours
// them whatever the merger currently produces.
func TestSpeakerFilterMatchesAliases(t *testing.T) {
	docs := []model.Document{{Path: "a.md", Text: "x"}}
	speakers := []model.Speaker{
		{Name: "Yuri Lantsov", Aliases: []string{"LANTSOV", "Iouri Lantsov"}},
		{Name: "Yuri Beskov"},
	}
	quotes := []model.Quote{{Doc: 0, Speaker: 0, Text: "a"}, {Doc: 0, Speaker: 1, Text: "b"}, {Doc: 0, Speaker: 0, Text: "c"}}
	c := model.New(docs, speakers, quotes, nil)
	var errOut bytes.Buffer
	e := &env{stderr: &errOut}
	for _, name := range []string{"iouri lantsov", "Lantsov", "YURI LANTSOV"} {
		ids, ok := speakerFilter(e, c, []string{name})
		if !ok || len(ids) != 1 || !ids[0] {
			t.Errorf("%q resolved to %v (ok %v)", name, ids, ok)
		}
		if got := len(c.QuotesBy(ids)); got != 2 {
			t.Errorf("%q filters to %d quotes, want 2", name, got)
		}
	}
	if _, ok := speakerFilter(e, c, []string{"Yuri"}); ok {
		t.Error("a first name two speakers share resolved to one of them")
	}
	if !strings.Contains(errOut.String(), `"Yuri Lantsov"`) || !strings.Contains(errOut.String(), `"Yuri Beskov"`) {
		t.Errorf("no suggestions for an ambiguous name: %q", errOut.String())
	}
}

func TestUnknownSpeakerFails(t *testing.T) {
	r := run(t, "", "quotes", "--speaker", "Nobody Atall")
	if r.code != exitFail || r.stdout != "" || !strings.Contains(r.stderr, `no speaker is called "Nobody Atall"`) {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

func TestCSVHasHeaderAndRoundTrips(t *testing.T) {
	for _, cmd := range [][]string{{"quotes"}, {"speakers"}, {"docs"}, {"search", "minister"}} {
		jr := run(t, "", append(cmd, "--format", "json")...)
		cr := run(t, "", append(cmd, "--format", "csv")...)
		records, err := csv.NewReader(strings.NewReader(cr.stdout)).ReadAll()
		if err != nil || len(records) < 2 {
			t.Fatalf("%v: %d records, %v", cmd, len(records), err)
		}
		var objs []map[string]any
		if err := json.Unmarshal([]byte(jr.stdout), &objs); err != nil {
			t.Fatal(err)
		}
		if want := jsonKeys(t, jr.stdout); !reflect.DeepEqual(records[0], want) {
			t.Errorf("%v: CSV header %v, JSON fields %v", cmd, records[0], want)
		}
		if len(records)-1 != len(objs) {
			t.Errorf("%v: %d CSV rows, %d JSON objects", cmd, len(records)-1, len(objs))
		}
		// Text fields survive commas and quote marks in CSV.
		for i, obj := range objs {
			for j, key := range records[0] {
				if s, ok := obj[key].(string); ok && records[i+1][j] != s {
					t.Errorf("%v row %d %s: CSV %q, JSON %q", cmd, i, key, records[i+1][j], s)
				}
			}
		}
	}
}

func TestDocsAndSpeakersJSON(t *testing.T) {
	r := run(t, "", "docs", "--format", "json")
	if got, want := jsonKeys(t, r.stdout), []string{"path", "title", "outlet", "date", "kind", "quotes"}; !reflect.DeepEqual(got, want) {
		t.Errorf("docs fields %v, want %v", got, want)
	}
	var docs []docRow
	if err := json.Unmarshal([]byte(r.stdout), &docs); err != nil {
		t.Fatal(err)
	}
	c := sampleCorpus(t)
	if len(docs) != len(c.Docs) {
		t.Fatalf("%d docs, want %d", len(docs), len(c.Docs))
	}
	for i, d := range docs {
		if d.Path != c.Docs[i].Path || d.Quotes != len(c.QuotesOf(i)) || d.Kind != c.Docs[i].Kind.String() {
			t.Errorf("doc %d printed as %+v", i, d)
		}
	}

	r = run(t, "", "speakers", "--format", "json")
	if got, want := jsonKeys(t, r.stdout), []string{"name", "aliases", "roles", "quotes"}; !reflect.DeepEqual(got, want) {
		t.Errorf("speakers fields %v, want %v", got, want)
	}
	if strings.Contains(r.stdout, "null") {
		t.Error("speakers JSON holds null where scripts expect an array")
	}
	var speakers []speakerRow
	if err := json.Unmarshal([]byte(r.stdout), &speakers); err != nil {
		t.Fatal(err)
	}
	total := 0
	for i, s := range speakers {
		total += s.Quotes
		if i > 0 && s.Quotes > speakers[i-1].Quotes {
			t.Errorf("%s (%d quotes) listed after %s (%d)", s.Name, s.Quotes, speakers[i-1].Name, speakers[i-1].Quotes)
		}
	}
	attributed := 0
	for _, q := range c.Quotes {
		if q.Speaker != model.Unknown {
			attributed++
		}
	}
	if total != attributed {
		t.Errorf("speaker quote counts add up to %d, %d quotes are attributed", total, attributed)
	}
}

func TestDocsFilteredBySpeakerCountsTheirQuotes(t *testing.T) {
	c := sampleCorpus(t)
	id := c.FindSpeaker("Greta Holm")
	if id == model.Unknown {
		t.Fatal("sample has no Greta Holm")
	}
	perDoc := map[string]int{}
	for _, q := range c.Speakers[id].Quotes {
		perDoc[c.Docs[c.Quotes[q].Doc].Path]++
	}
	r := run(t, "", "docs", "--speaker", "greta holm", "--format", "json")
	var docs []docRow
	if err := json.Unmarshal([]byte(r.stdout), &docs); err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, d := range docs {
		got[d.Path] = d.Quotes
	}
	if !reflect.DeepEqual(got, perDoc) {
		t.Errorf("docs --speaker: %v, want %v", got, perDoc)
	}
}

func TestSearch(t *testing.T) {
	r := run(t, "", "search", "memo on Friday", "--format", "json")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if got, want := jsonKeys(t, r.stdout), []string{"kind", "text", "doc", "line", "speaker", "score"}; !reflect.DeepEqual(got, want) {
		t.Errorf("search fields %v, want %v", got, want)
	}
	var hits []searchRow
	if err := json.Unmarshal([]byte(r.stdout), &hits); err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 {
		t.Fatal("no hits")
	}
	top := hits[0]
	c := sampleCorpus(t)
	var doc *model.Document
	for i := range c.Docs {
		if c.Docs[i].Path == top.Doc {
			doc = &c.Docs[i]
		}
	}
	if top.Kind != "quote" || doc == nil || !strings.Contains(doc.Line(top.Line), "memo on Friday") {
		t.Fatalf("top hit %+v does not point at the line saying it", top)
	}
	for i := 1; i < len(hits); i++ {
		if hits[i].Score > hits[i-1].Score {
			t.Errorf("hit %d scores %d, above hit %d's %d", i, hits[i].Score, i-1, hits[i-1].Score)
		}
	}

	r = run(t, "", "search", "e", "--limit", "3", "--format", "json")
	if err := json.Unmarshal([]byte(r.stdout), &hits); err != nil || len(hits) != 3 {
		t.Errorf("--limit 3 gave %d hits (%v)", len(hits), err)
	}

	r = run(t, "", "search", "the", "--speaker", "greta holm", "--format", "json", "--limit", "0")
	if err := json.Unmarshal([]byte(r.stdout), &hits); err != nil || len(hits) == 0 {
		t.Fatalf("search --speaker: %v, %d hits, %s", err, len(hits), r.stderr)
	}
	for _, h := range hits {
		if h.Kind != "quote" || h.Speaker != c.SpeakerName(c.FindSpeaker("greta holm")) {
			t.Errorf("search --speaker returned %+v", h)
		}
	}
}

func TestLoadProblemsAreReportedAndTheRestLoads(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"good.md":    "---\ntitle: Good\n---\n\"Every line here is fine and readable,\" Ana Ruiz said.\n",
		"binary.txt": "abc\x00def",
		"latin1.txt": "caf\xe9 au lait\n",
		"empty.md":   "",
	})
	missing := filepath.Join(dir, "missing.md")
	r := run(t, "", "docs", "--format", "json", dir, missing)
	if r.code != 0 {
		t.Fatalf("exit %d with one good file: %s", r.code, r.stderr)
	}
	var docs []docRow
	if err := json.Unmarshal([]byte(r.stdout), &docs); err != nil || len(docs) != 1 || docs[0].Title != "Good" {
		t.Fatalf("docs %+v (%v)", docs, err)
	}
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	bad := []string{"binary.txt", "latin1.txt", "empty.md", "missing.md"}
	if len(lines) != len(bad) {
		t.Fatalf("stderr has %d lines, want one per bad file:\n%s", len(lines), r.stderr)
	}
	for _, name := range bad {
		prefix := "backchannel: " + filepath.Join(dir, name) + ": "
		found := false
		for _, l := range lines {
			if strings.HasPrefix(l, prefix) && len(l) > len(prefix) {
				found = true
			}
		}
		if !found {
			t.Errorf("no line %q... on stderr:\n%s", prefix, r.stderr)
		}
	}

	r = run(t, "", "quotes", missing)
	if r.code != exitFail || r.stdout != "" || !strings.Contains(r.stderr, "missing.md: no such file or directory") {
		t.Errorf("nothing loadable: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

func TestStdinDocument(t *testing.T) {
	r := run(t, "Council vote\n\n\"The budget will pass on Friday,\" Mayor Lena Storm said.\n", "quotes", "--format", "json", "-")
	var rows []quoteRow
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
		t.Fatalf("%v: %s", err, r.stderr)
	}
	if len(rows) != 1 || rows[0].Doc != "-" || rows[0].Line != 3 || !strings.Contains(rows[0].Speaker, "Lena Storm") {
		t.Errorf("stdin quotes %+v", rows)
	}
}

func TestTextOutputIsPlainAndOneLinePerItem(t *testing.T) {
	t.Setenv("NO_COLOR", "") // colour must depend on the output, not luck
	r := run(t, "", "quotes")
	if strings.Contains(r.stdout, "\x1b") {
		t.Error("escape codes in output to a non-terminal")
	}
	c := sampleCorpus(t)
	lines := strings.Split(strings.TrimRight(r.stdout, "\n"), "\n")
	if len(lines) != len(c.Quotes)+1 {
		t.Fatalf("%d lines for %d quotes plus a header", len(lines), len(c.Quotes))
	}
	quoteCol := strings.Index(lines[0], "QUOTE")
	for _, l := range lines[1:] {
		if !strings.HasPrefix(l[quoteCol:], "“") {
			t.Errorf("quote column not aligned: %q", l)
		}
	}
	q := c.Quotes[0]
	if want := c.Docs[q.Doc].Path + ":"; !strings.Contains(lines[1], want) {
		t.Errorf("first row %q lacks its location %s", lines[1], want)
	}
}

func TestUsageErrors(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"quotes", "--bogus"}, "flag provided but not defined: -bogus"},
		{[]string{"docs", "--format", "xml"}, `invalid value "xml" for flag -format`},
		{[]string{"search"}, "missing QUERY"},
		{[]string{"search", "x", "--limit", "-1"}, "--limit must be 0 or more"},
		{[]string{"--frobnicate"}, "unknown flag --frobnicate"},
		{[]string{"qoutes"}, `did you mean "quotes"`},
	}
	for _, tc := range cases {
		r := run(t, "", tc.args...)
		if r.code != exitUsage || !strings.Contains(r.stderr, tc.want) || !strings.Contains(r.stderr, "Usage") || r.stdout != "" {
			t.Errorf("%v: exit %d, stderr %q, stdout %q", tc.args, r.code, r.stderr, r.stdout)
		}
	}
}

func TestHelp(t *testing.T) {
	r := run(t, "", "--help")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("--help: exit %d, stderr %q", r.code, r.stderr)
	}
	for _, c := range commands() {
		if !strings.Contains(r.stdout, "  "+c.name+" ") {
			t.Errorf("--help does not list %s", c.name)
		}
		for _, args := range [][]string{{c.name, "--help"}, {c.name, "-h"}, {"help", c.name}} {
			r := run(t, "", args...)
			if r.code != 0 || r.stderr != "" || !strings.HasPrefix(r.stdout, "Usage: backchannel "+c.name) {
				t.Errorf("%v: exit %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
			}
			if c.passthrough != nil {
				continue
			}
			fs, _ := newFlagSet(c)
			fs.VisitAll(func(f *flag.Flag) {
				// A value flag is listed "-name VALUE", a bool one "-name" alone.
				if !strings.Contains(r.stdout, "-"+f.Name+" ") && !strings.Contains(r.stdout, "-"+f.Name+"\n") {
					t.Errorf("%v: help does not list flag -%s", args, f.Name)
				}
			})
		}
	}
}

func TestVersion(t *testing.T) {
	r := run(t, "", "--version")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "backchannel "+Version) {
		t.Errorf("--version: exit %d, %q", r.code, r.stdout)
	}
}

func TestBuildDetails(t *testing.T) {
	const mod = "github.com/backchannel-news/backchannel"
	for _, tc := range []struct {
		info debug.BuildInfo
		want string
	}{
		{debug.BuildInfo{Main: debug.Module{Path: mod, Version: "v0.1.0"}}, " (" + mod + " v0.1.0)"},
		{debug.BuildInfo{Main: debug.Module{Path: mod, Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "true"},
		}}, " (commit 0123456789ab-dirty)"},
		{debug.BuildInfo{Main: debug.Module{Path: mod, Version: "(devel)"}}, ""},
	} {
		if got := buildDetails(&tc.info); got != tc.want {
			t.Errorf("buildDetails(%+v) = %q, want %q", tc.info.Main, got, tc.want)
		}
	}
}

func TestReaderNeedsATerminal(t *testing.T) {
	r := run(t, "")
	if r.code != exitFail || !strings.Contains(r.stderr, "needs a terminal") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestParseInterspersed(t *testing.T) {
	var o listOptions
	fs := newTestFlagSet(&o)
	pos, err := parseInterspersed(fs, []string{"a", "--format", "json", "b", "--", "--speaker", "c"})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(pos, []string{"a", "b", "--speaker", "c"}) || o.format != formatJSON || o.speakers != nil {
		t.Errorf("positional %v, format %v, speakers %v", pos, o.format, o.speakers)
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{{"quotes", "quotes", 0}, {"qoutes", "quotes", 2}, {"doc", "docs", 1}, {"", "abc", 3}, {"Łódź", "Lodz", 3}} {
		if got := editDistance(tc.a, tc.b); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func newTestFlagSet(o *listOptions) *flag.FlagSet {
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	o.define(fs, "speaker `NAME`")
	return fs
}

func TestGenCorpusIsACommandAndItsOutputLoads(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	var out, errs bytes.Buffer
	if code := Run([]string{"gen-corpus", "5", dir, "--seed", "7"}, nil, &out, &errs); code != 0 {
		t.Fatalf("gen-corpus exit %d: %s", code, errs.String())
	}
	out.Reset()
	if code := Run([]string{"docs", "--format", "json", dir}, nil, &out, &errs); code != 0 {
		t.Fatalf("docs exit %d: %s", code, errs.String())
	}
	var docs []map[string]any
	if err := json.Unmarshal(out.Bytes(), &docs); err != nil || len(docs) != 5 {
		t.Fatalf("docs of generated corpus = %d (%v): %s", len(docs), err, out.String())
	}
	out.Reset()
	if code := Run([]string{"help", "gen-corpus"}, nil, &out, &errs); code != 0 || !strings.Contains(out.String(), "gen-corpus N DIR") {
		t.Fatalf("help gen-corpus exit %d: %q", code, out.String())
	}
}
