package curation

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/backchannel-news/backchannel/model"
)

const docText = "The tapes are real, said Ana.\nBen said the tapes are fake.\nCal said nothing.\n"

func testCorpus() *model.Corpus {
	d := model.Document{Path: "news/a.md", Text: docText, LineStarts: model.LineStartsOf(docText)}
	return model.New([]model.Document{d}, []model.Speaker{{Name: "Ana"}}, nil, nil)
}

func span(s string) (int, int) {
	i := strings.Index(docText, s)
	return i, i + len(s)
}

// found is an automatic topic with Ana against Ben.
func found(c *model.Corpus) *model.ClaimSet {
	as, ae := span("The tapes are real")
	bs, be := span("the tapes are fake")
	return &model.ClaimSet{
		Claims: []model.Claim{
			{ID: 0, Holder: "Ana", Doc: 0, Start: as, End: ae, Text: docText[as:ae], Topic: "auto", Position: "real"},
			{ID: 1, Holder: "Ben", Speaker: model.Unknown, Doc: 0, Start: bs, End: be, Text: docText[bs:be], Topic: "auto", Position: "fake"},
		},
		Topics: []model.Topic{{ID: "auto", Label: "tapes: real vs fake", Score: 5,
			Positions: []model.Position{{Label: "real", Claims: []int{0}}, {Label: "fake", Claims: []int{1}}}}},
	}
}

func positionsOf(cs *model.ClaimSet, id string) map[string][]string {
	t := cs.Topic(id)
	if t == nil {
		return nil
	}
	out := map[string][]string{}
	for _, p := range t.Positions {
		for _, cid := range p.Claims {
			out[p.Label] = append(out[p.Label], cs.Claims[cid].Holder)
		}
	}
	return out
}

func TestApplyLeavesFoundUnchanged(t *testing.T) {
	c := testCorpus()
	f := found(c)
	cs, stale := Apply(c, f, []Op{{Kind: Dismiss, Topic: "auto"}, {Kind: Rename, Topic: "auto", Label: "x"}})
	if len(stale) != 0 {
		t.Fatal(stale)
	}
	if f.Topics[0].Dismissed || f.Topics[0].Label != "tapes: real vs fake" {
		t.Error("Apply changed the automatic claim set it was given")
	}
	if !cs.Topics[0].Dismissed || cs.Topics[0].Label != "x" || len(cs.Conflicts()) != 0 {
		t.Error("dismiss and rename were not applied")
	}
}

func TestApplyMarkMoveMergeNote(t *testing.T) {
	c := testCorpus()
	cs0, ce := span("Cal said nothing")
	as, ae := span("The tapes are real")
	ops := []Op{
		{Kind: NewTopic, Topic: "user:1", Label: "Who speaks?"},
		{Kind: Mark, Topic: "user:1", Position: "silent", Doc: "news/a.md", Start: cs0, End: ce, Holder: "Cal", Text: docText[cs0:ce]},
		{Kind: Move, Topic: "auto", Into: "user:1", Position: "speaks", Doc: "news/a.md", Start: as, End: ae},
		{Kind: Note, Topic: "user:1", Doc: "news/a.md", Start: as, End: ae, Text: "confirmed by phone"},
		{Kind: Merge, Topic: "auto", Into: "user:1"},
		{Kind: Note, Topic: "user:1", Text: "topic note"},
	}
	cs, stale := Apply(c, found(c), ops)
	if len(stale) != 0 {
		t.Fatalf("stale: %v", stale)
	}
	if cs.Topic("auto") != nil {
		t.Error("merged topic still there")
	}
	got := positionsOf(cs, "user:1")
	want := map[string][]string{"silent": {"Cal"}, "speaks": {"Ana"}, "fake": {"Ben"}}
	for label, holders := range want {
		if strings.Join(got[label], ",") != strings.Join(holders, ",") {
			t.Errorf("position %s holds %v, want %v", label, got[label], holders)
		}
	}
	tp := cs.Topic("user:1")
	if tp.Label != "Who speaks?" || tp.Note != "topic note" || !tp.Curated || tp.Score != 5 {
		t.Errorf("topic = %+v", tp)
	}
	for _, cl := range cs.Claims {
		switch cl.Holder {
		case "Cal":
			if !cl.Curated || cl.Kind != model.FromUser || cl.Line != 3 {
				t.Errorf("marked claim = %+v", cl)
			}
		case "Ana":
			if !cl.Curated || cl.Note != "confirmed by phone" || cl.Speaker != 0 {
				t.Errorf("moved claim = %+v", cl)
			}
		case "Ben":
			if cl.Curated {
				t.Error("a claim only carried along by a merge became curated")
			}
		}
		if cl.Topic != "user:1" {
			t.Errorf("claim %q is in topic %q", cl.Text, cl.Topic)
		}
	}
}

func TestApplyReportsStaleChanges(t *testing.T) {
	c := testCorpus()
	ops := []Op{
		{Kind: Mark, Topic: "t", Position: "p", Doc: "gone.md", Start: 0, End: 3, Text: "abc", Author: "ana"},
		{Kind: Rename, Topic: "nope", Label: "x", Author: "ben"},
		{Kind: Move, Into: "t", Position: "p", Doc: "news/a.md", Start: 0, End: 3, Author: "cal"},
		{Kind: Mark, Topic: "t", Position: "p", Doc: "news/a.md", Start: 9, End: 3, Text: "abc", Author: "dan"},
	}
	cs, stale := Apply(c, found(c), ops)
	if len(stale) != 4 {
		t.Fatalf("stale = %v, want four reports", stale)
	}
	for i, who := range []string{"ana", "ben", "cal", "dan"} {
		if !strings.Contains(stale[i], who) {
			t.Errorf("report %q does not say who made the change", stale[i])
		}
	}
	if len(cs.Claims) != 2 {
		t.Error("a stale change altered the claims")
	}
	if !strings.Contains(stale[0], "gone.md no longer holds the marked text “abc”") {
		t.Errorf("report %q does not quote the text that was marked", stale[0])
	}
}

// A marked claim follows its text when the document is edited above it.
func TestApplyFollowsMovedText(t *testing.T) {
	c := testCorpus()
	s, e := span("Cal said nothing")
	op := Op{Kind: Mark, Topic: "t", Position: "p", Doc: "news/a.md", Start: s + 7, End: e + 7, Text: docText[s:e]}
	cs, stale := Apply(c, found(c), []Op{op})
	if len(stale) != 0 {
		t.Fatal(stale)
	}
	cl := cs.Claims[cs.Topic("t").Positions[0].Claims[0]]
	if cl.Start != s || cl.Text != "Cal said nothing" {
		t.Errorf("claim = %+v", cl)
	}
}

func TestPathFor(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	dir := t.TempDir()
	if p, err := PathFor([]string{dir}); err != nil || p != filepath.Join(dir, FileName) {
		t.Errorf("one writable folder: %q, %v", p, err)
	}
	if p, _ := PathFor(nil); p != filepath.Join(data, "backchannel", "sample.annotations") {
		t.Errorf("sample: %q", p)
	}
	file := filepath.Join(dir, "a.md")
	os.WriteFile(file, []byte("x"), 0o644)
	p1, _ := PathFor([]string{file, dir})
	p2, _ := PathFor([]string{dir, file})
	p3, _ := PathFor([]string{file})
	if p1 != p2 || !strings.HasPrefix(p1, filepath.Join(data, "backchannel")+string(filepath.Separator)) || p1 == p3 {
		t.Errorf("paths in data dir: %q %q %q", p1, p2, p3)
	}
	if os.Geteuid() != 0 { // root writes into read-only folders
		ro := t.TempDir()
		os.Chmod(ro, 0o555)
		defer os.Chmod(ro, 0o755)
		if p, _ := PathFor([]string{ro}); strings.HasPrefix(p, ro) {
			t.Errorf("read-only folder: annotations put inside it at %q", p)
		}
	}
}

// A dropped claim leaves its topic, found or marked; dropping one the
// topic does not have is reported.
func TestApplyDrop(t *testing.T) {
	c := testCorpus()
	as, ae := span("The tapes are real")
	cs0, ce := span("Cal said nothing")
	ops := []Op{
		{Kind: Drop, Topic: "auto", Doc: "news/a.md", Start: as, End: ae, Text: docText[as:ae]},
		{Kind: Mark, Topic: "auto", Position: "real", Doc: "news/a.md", Start: cs0, End: ce, Holder: "Cal", Text: docText[cs0:ce]},
		{Kind: Drop, Topic: "auto", Doc: "news/a.md", Start: cs0, End: ce, Text: docText[cs0:ce]},
	}
	cs, stale := Apply(c, found(c), ops)
	if len(stale) != 0 {
		t.Fatal(stale)
	}
	got := positionsOf(cs, "auto")
	if len(got["real"]) != 0 || strings.Join(got["fake"], ",") != "Ben" {
		t.Errorf("after the drops auto holds %v, want only Ben's claim", got)
	}
	if tp := cs.Topic("auto"); !tp.Curated || len(cs.Conflicts()) != 0 {
		t.Errorf("a topic a claim was dropped from: curated=%v, conflicts %d", tp.Curated, len(cs.Conflicts()))
	}
	_, stale = Apply(c, found(c), []Op{ops[0], ops[0]})
	if len(stale) != 1 || !strings.Contains(stale[0], "not in topic auto") {
		t.Errorf("dropping a claim twice: stale %v, want the second reported", stale)
	}
}

// A claim put to the wrong holder is given the right one, found among the
// speakers in any spelling; a topic whose sides then share one holder is
// no conflict.
func TestApplyHold(t *testing.T) {
	c := testCorpus()
	bs, be := span("the tapes are fake")
	op := Op{Kind: Hold, Topic: "auto", Doc: "news/a.md", Start: bs, End: be, Holder: "ANA", Text: docText[bs:be], Author: "cal"}
	cs, stale := Apply(c, found(c), []Op{op})
	if len(stale) != 0 {
		t.Fatal(stale)
	}
	cl := cs.Claims[cs.Topic("auto").Positions[1].Claims[0]]
	if cl.Holder != "ANA" || cl.Speaker != 0 || !cl.Curated {
		t.Errorf("claim after holder = %+v; want held by ANA, speaker Ana (0), curated", cl)
	}
	if len(cs.Conflicts()) != 0 {
		t.Error("one holder on both sides is still counted a conflict")
	}
	op.Topic = "nope"
	if _, stale := Apply(c, found(c), []Op{op}); len(stale) != 1 || !strings.Contains(stale[0], "cal") {
		t.Errorf("holder for a claim in no such topic: stale %v", stale)
	}
}

// Each change that no longer fits is reported, by kind and author, with
// why it was skipped, and leaves the claims as they were.
func TestApplyReportsEachKindOfStaleChange(t *testing.T) {
	c := testCorpus()
	as, ae := span("The tapes are real")
	cs0, ce := span("Cal said nothing")
	real := Op{Doc: "news/a.md", Start: as, End: ae, Text: docText[as:ae], Author: "eve"}
	cal := Op{Doc: "news/a.md", Start: cs0, End: ce, Text: docText[cs0:ce], Author: "eve"}
	gone := Op{Doc: "gone.md", Start: 0, End: 3, Text: "abc", Author: "eve"}
	with := func(op Op, kind, topic string) Op {
		op.Kind, op.Topic = kind, topic
		return op
	}
	for _, tc := range []struct {
		op   Op
		want string
	}{
		{Op{Kind: Dismiss, Topic: "nope", Author: "eve"}, "dismiss by eve on 0001-01-01 00:00: no topic nope"},
		{with(real, Drop, "nope"), "drop by eve on 0001-01-01 00:00: no such claim in topic nope"},
		{with(gone, Drop, "auto"), "drop by eve on 0001-01-01 00:00: no such claim in topic auto"},
		{with(gone, Hold, "auto"), "holder by eve on 0001-01-01 00:00: no such claim in topic auto “abc”"},
		{with(cal, Hold, "auto"), "holder by eve on 0001-01-01 00:00: no such claim in topic auto “Cal said nothing”"},
		{with(gone, Move, "auto"), "move by eve on 0001-01-01 00:00: gone.md no longer holds the claim “abc”"},
		{with(cal, Move, "auto"), "move by eve on 0001-01-01 00:00: the claim is in no topic"},
		{Op{Kind: Merge, Topic: "nope", Into: "auto", Author: "eve"}, "merge by eve on 0001-01-01 00:00: no topic nope to merge"},
		{Op{Kind: Merge, Topic: "auto", Into: "auto", Author: "eve"}, "merge by eve on 0001-01-01 00:00: no topic auto to merge"},
		{Op{Kind: Note, Topic: "nope", Text: "x", Author: "eve"}, "note by eve on 0001-01-01 00:00: no topic nope"},
		{with(cal, Note, "auto"), "note by eve on 0001-01-01 00:00: the claim is not in topic auto"},
		{Op{Kind: Undo, Undoes: "c-404", Author: "eve"}, "undo by eve on 0001-01-01 00:00: no change c-404 to undo"},
	} {
		cs, stale := Apply(c, found(c), []Op{tc.op})
		if len(stale) != 1 || stale[0] != tc.want {
			t.Errorf("%s: stale %q, want %q", tc.op.Kind, stale, tc.want)
		}
		got := positionsOf(cs, "auto")
		if len(cs.Claims) != 2 || strings.Join(got["real"], ",") != "Ana" || strings.Join(got["fake"], ",") != "Ben" {
			t.Errorf("%s: a stale change left auto holding %v", tc.op.Kind, got)
		}
	}
}

// Claims within a position are listed in document order, whatever order
// they were marked or moved in.
func TestApplyListsAPositionInDocumentOrder(t *testing.T) {
	c := testCorpus()
	as, ae := span("The tapes are real")
	cs0, ce := span("Cal said nothing")
	bs, be := span("the tapes are fake")
	ops := []Op{
		{Kind: Mark, Topic: "t", Position: "p", Doc: "news/a.md", Start: cs0, End: ce, Holder: "Cal", Text: docText[cs0:ce]},
		{Kind: Move, Topic: "auto", Into: "t", Position: "p", Doc: "news/a.md", Start: bs, End: be},
		{Kind: Move, Topic: "auto", Into: "t", Position: "p", Doc: "news/a.md", Start: as, End: ae},
	}
	cs, stale := Apply(c, found(c), ops)
	if len(stale) != 0 {
		t.Fatal(stale)
	}
	if got := strings.Join(positionsOf(cs, "t")["p"], ","); got != "Ana,Ben,Cal" {
		t.Errorf("position p lists %s, want Ana,Ben,Cal (document order)", got)
	}
}

// A move recorded against a topic that a merge has since taken away (two
// curators at once, or a merge undone and redone) finds the claim where
// the merge put it, instead of failing on the topic that is gone.
func TestApplyMoveOutOfAMergedTopic(t *testing.T) {
	c := testCorpus()
	as, ae := span("The tapes are real")
	ops := []Op{
		{Kind: NewTopic, Topic: "t", Label: "tapes"},
		{Kind: Merge, Topic: "auto", Into: "t"},
		{Kind: Move, Topic: "auto", Into: "u", Position: "q", Doc: "news/a.md", Start: as, End: ae, Text: docText[as:ae]},
	}
	cs, stale := Apply(c, found(c), ops)
	if len(stale) != 0 {
		t.Fatal(stale)
	}
	if got := positionsOf(cs, "u"); strings.Join(got["q"], ",") != "Ana" {
		t.Errorf("u holds %v, want Ana's claim moved there", got)
	}
	if got := positionsOf(cs, "t"); len(got["real"]) != 0 || strings.Join(got["fake"], ",") != "Ben" {
		t.Errorf("t holds %v, want only Ben's claim left", got)
	}
}

// A merge whose topic is gone (merged or dismissed by another curator)
// reports itself and creates no empty topic to merge into.
func TestApplyStaleMergeCreatesNoTopic(t *testing.T) {
	c := testCorpus()
	cs, stale := Apply(c, found(c), []Op{{Kind: Merge, Topic: "nope", Into: "fresh", Author: "eve"}})
	if len(stale) != 1 {
		t.Errorf("stale %q, want the merge reported", stale)
	}
	for _, tp := range cs.Topics {
		if tp.ID == "fresh" {
			t.Errorf("a merge of no topic created topic %q", tp.ID)
		}
	}
}
