package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/backchannel-news/backchannel/model"
	"github.com/backchannel-news/backchannel/model/curation"
)

// testClaims is a claim set over the test corpus written by hand, so the
// view's tests do not move when the finder changes.
func testClaims(t *testing.T, c *model.Corpus) *model.ClaimSet {
	t.Helper()
	cs := &model.ClaimSet{}
	claim := func(doc int, text, holder string, speaker int, topic, position string) int {
		start := strings.Index(c.Docs[doc].Text, text)
		if start < 0 {
			t.Fatalf("%q not in document %d", text, doc)
		}
		q := -1
		for _, id := range c.QuotesOf(doc) {
			if c.Quotes[id].Start == start {
				q = id
			}
		}
		id := len(cs.Claims)
		cs.Claims = append(cs.Claims, model.Claim{ID: id, Holder: holder, Speaker: speaker, Text: text, Doc: doc,
			Line: c.Docs[doc].LineAt(start), Start: start, End: start + len(text), Quote: q, Topic: topic, Position: position})
		return id
	}
	seen := claim(0, "Then the harbour office must not see the manifest.", "Otto Lehr", 1, "t1", "kept from the office")
	never := claim(1, "The harbour office said on Monday it had never seen the manifest for the Thursday sailing.", "The Coastal Ledger", model.Unknown, "t1", "never seen")
	same := claim(1, "We process every manifest the same day it reaches us,", "Ilse Brandt", 2, "t1", "never seen")
	routine := claim(1, "It was a routine shipment,", "Mara Voss", 0, "t2", "routine")
	different := claim(1, "everyone knew that crate was different.", "unattributed", model.Unknown, "t2", "different")
	cs.Topics = []model.Topic{
		{ID: "t1", Label: "manifest, harbour office: seen vs never seen", Score: 6.5,
			Why:       model.Why{Shared: []string{"manifest", "harbour", "office"}, Opposing: "not see vs never seen"},
			Positions: []model.Position{{Label: "kept from the office", Claims: []int{seen}}, {Label: "never seen", Claims: []int{never, same}}}},
		{ID: "t2", Label: "shipment: routine vs different", Score: 3.2,
			Why:       model.Why{Shared: []string{"shipment"}, Opposing: "routine vs different"},
			Positions: []model.Position{{Label: "routine", Claims: []int{routine}}, {Label: "different", Claims: []int{different}}}},
	}
	return cs
}

// drive gives the view keys and runs what they cause, as the program would.
func drive(v ClaimsView, names ...string) ClaimsView {
	for _, k := range keys(names...) {
		var cmd tea.Cmd
		v, cmd = v.Update(k)
		for cmd != nil {
			msg := cmd()
			cmd = nil
			switch msg.(type) {
			case claimsSavedMsg, claimsFoundMsg:
				v, cmd = v.Update(msg)
			}
		}
	}
	return v
}

func newTestClaimsView(t *testing.T, store *curation.Store, w, h int) ClaimsView {
	cm := testCommon(t)
	v := NewClaimsView(cm, testClaims(t, cm.Corpus), store, "tester")
	v.SetSize(w, h)
	return v
}

func TestClaimsViewGolden(t *testing.T) {
	for _, sz := range [][2]int{{78, 20}, {140, 30}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			v := drive(newTestClaimsView(t, nil, sz[0], sz[1]), "enter", "j")
			requireGolden(t, v.View(), sz[0], sz[1])
		})
	}
}

func TestClaimsViewHolderGolden(t *testing.T) {
	v := drive(newTestClaimsView(t, nil, 78, 20), "enter", "j", "j", "o")
	if v.holder != "Ilse Brandt" {
		t.Fatalf("holder view for %q, want Ilse Brandt", v.holder)
	}
	requireGolden(t, v.View(), 78, 20)
}

func TestClaimsViewShowsSidesAndKinds(t *testing.T) {
	cm := testCommon(t)
	found := testClaims(t, cm.Corpus)
	found.Claims[1].Curated = true
	v := NewClaimsView(cm, found, nil, "tester")
	v.SetSize(140, 30)
	view := v.View()
	for _, want := range []string{"── kept from the office (1)", "── never seen (2)", "+ The Coastal Ledger", "· Otto Lehr",
		"press/harbour-office-denies.md:6", "shared: manifest, harbour, office; opposing: not see vs never seen"} {
		if !strings.Contains(view, want) {
			t.Errorf("view lacks %q:\n%s", want, view)
		}
	}
	// Side by side: both positions' titles on one row.
	if !strings.Contains(view, "kept from the office (1) ") || strings.Count(lineWith(view, "never seen (2)"), "──") < 3 {
		t.Errorf("positions are not side by side at 140 columns:\n%s", view)
	}
	v.SetSize(78, 20)
	if lineWith(v.View(), "never seen (2)") == lineWith(v.View(), "kept from the office (1)") {
		t.Errorf("positions are not stacked at 78 columns:\n%s", v.View())
	}
}

func lineWith(view, s string) string {
	for _, l := range strings.Split(view, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

func openStore(t *testing.T) *curation.Store {
	t.Helper()
	s, err := curation.Open(filepath.Join(t.TempDir(), curation.FileName))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func opKinds(s *curation.Store) string {
	var kinds []string
	for _, op := range s.Ops() {
		kinds = append(kinds, op.Kind)
	}
	return strings.Join(kinds, ",")
}

func TestClaimsViewCurationIsSavedAndShown(t *testing.T) {
	store := openStore(t)
	v := newTestClaimsView(t, store, 140, 30)

	// Rename the first topic.
	v = drive(v, "r", "ctrl+u")
	v.input.SetValue("")
	v = drive(v, "Did the office see the manifest?", "enter")
	if v.current().Label != "Did the office see the manifest?" || opKinds(store) != "rename" {
		t.Fatalf("after rename: label %q, ops %s", v.current().Label, opKinds(store))
	}

	// Note on a claim, then move it to the other side.
	v = drive(v, "enter", "a", "asked twice", "enter")
	if cl := v.selectedClaim(); cl == nil || cl.Note != "asked twice" {
		t.Fatalf("note not shown on the claim: %+v", cl)
	}
	v = drive(v, "v")
	if v.flow.step != pickingTopic || v.picks[0].value != "" {
		t.Fatalf("move did not open the topic picker with new topic first: %+v", v.picks)
	}
	// Its own position is not offered: the other side is the first row.
	v = drive(v, "j", "enter", "enter")
	pos := v.set.Topic("t1").Positions
	if len(pos) != 1 || pos[0].Label != "never seen" || len(pos[0].Claims) != 3 {
		t.Fatalf("after the move t1 has %+v", pos)
	}
	if !strings.Contains(v.View(), "+ Otto Lehr") {
		t.Errorf("the moved claim is not marked curated:\n%s", v.View())
	}

	// Merge the other topic into it, and dismiss it.
	v = drive(v, "esc", "g")
	if v.current().ID != "t2" {
		t.Fatalf("after the move t1 is no longer a conflict and should list after t2; first is %s", v.current().ID)
	}
	v = drive(v, "M", "enter")
	if v.set.Topic("t2") != nil || len(v.set.Topic("t1").Positions) != 3 {
		t.Fatalf("merge: t2 still there or t1 lacks its positions: %+v", v.set.Topic("t1"))
	}
	v = drive(v, "g", "d")
	if len(v.set.Conflicts()) != 0 {
		t.Errorf("dismissed topic still a conflict")
	}
	if got := opKinds(store); got != "rename,note,move,merge,dismiss" {
		t.Errorf("ops saved: %s", got)
	}
	for _, op := range store.Ops() {
		if op.Author != "tester" {
			t.Errorf("op %s saved by %q", op.Kind, op.Author)
		}
	}
}

func TestClaimsViewMarkMakesNewTopic(t *testing.T) {
	store := openStore(t)
	v := newTestClaimsView(t, store, 78, 20)
	c := v.cm.Corpus
	q := c.Quotes[0]
	v.StartMark(markTarget{doc: q.Doc, start: q.Start, end: q.End, holder: "Mara Voss"})
	if !strings.Contains(v.View(), "Mark as a claim under") || !strings.Contains(v.View(), "Mara Voss: “The shipment leaves Thursday") {
		t.Fatalf("picker does not say what is marked:\n%s", v.View())
	}
	v = drive(v, "enter")
	if !v.Typing() {
		t.Fatal("new topic did not ask for a name")
	}
	// Typing names, the quote being marked stays on screen.
	if !strings.Contains(v.View(), "Mara Voss: “The shipment leaves Thursday") {
		t.Fatalf("typing a topic name hides what is marked:\n%s", v.View())
	}
	v = drive(v, "q", "uick", "enter")
	if view := v.View(); !strings.Contains(view, "Mara Voss: “The shipment leaves Thursday") || !strings.Contains(view, "topic: quick (new)") {
		t.Fatalf("typing a position hides what is marked or where:\n%s", view)
	}
	v = drive(v, "Thursday", "enter")
	tp := v.set.Topic("user:quick")
	if tp == nil || len(tp.Positions) != 1 || tp.Positions[0].Label != "Thursday" {
		t.Fatalf("marked topic = %+v", tp)
	}
	if v.current() != tp {
		t.Errorf("after marking, the view shows %q, not the topic the claim went to", v.current().ID)
	}
	cl := v.set.Claims[tp.Positions[0].Claims[0]]
	if !cl.Curated || cl.Holder != "Mara Voss" || cl.Start != q.Start {
		t.Errorf("marked claim = %+v", cl)
	}
	if got := opKinds(store); got != "topic,mark" {
		t.Errorf("ops saved: %s", got)
	}
	// Escape leaves a flow without saving.
	v = drive(v, "r", "esc")
	if v.Typing() || opKinds(store) != "topic,mark" {
		t.Error("escape did not cancel the rename")
	}
}

// The pickers and boxes of a move and a merge name what is moved or
// merged, and the topic a typed position goes under.
func TestClaimsViewMoveAndMergeSayWhat(t *testing.T) {
	v := newTestClaimsView(t, openStore(t), 78, 20)
	v = drive(v, "enter", "j", "v")
	if !strings.Contains(v.View(), "Move the claim to") || !strings.Contains(v.View(), "The Coastal Ledger: “The harbour office said on Monday") {
		t.Fatalf("move picker does not say which claim:\n%s", v.View())
	}
	v = drive(v, "j", "j", "enter")
	if view := v.View(); !strings.Contains(view, "The Coastal Ledger: “The harbour office said") || !strings.Contains(view, "topic: shipment: routine vs different") {
		t.Fatalf("typing the position of a moved claim hides the claim or the topic:\n%s", view)
	}
	v = drive(v, "esc", "esc", "esc", "M")
	if !strings.Contains(v.View(), "Merge this topic into") || !strings.Contains(v.View(), "“manifest, harbour office: seen vs never seen”") {
		t.Fatalf("merge picker does not say which topic:\n%s", v.View())
	}
}

// A wide window shows the topic labels whole beside the chosen topic.
func TestClaimsViewWideShowsWholeTopicLabels(t *testing.T) {
	v := newTestClaimsView(t, nil, 198, 40)
	lines := strings.Split(v.View(), "\n")
	for _, tp := range v.topics {
		found := false
		for _, l := range lines[:len(v.topics)] {
			// In the list, which starts the line, not in the detail
			// beside it, whose header repeats the chosen label.
			i := strings.Index(l, tp.Label)
			found = found || (i >= 0 && i < 20)
		}
		if !found {
			t.Errorf("topic list lacks the whole label %q:\n%s", tp.Label, strings.Join(lines[:len(v.topics)], "\n"))
		}
	}
}

// Dismissing a topic leaves the cursor on its neighbour, where the user
// was working down the list, not back at the top.
func TestClaimsViewDismissKeepsPlace(t *testing.T) {
	v := newTestClaimsView(t, openStore(t), 78, 20)
	q := v.cm.Corpus.Quotes[0]
	v.StartMark(markTarget{doc: q.Doc, start: q.Start, end: q.End, holder: "Mara Voss"})
	v = drive(v, "enter", "third", "enter", "early", "enter", "g", "j")
	if len(v.topics) != 3 || v.current().ID != "t2" {
		t.Fatalf("setup: %d topics, cursor on %q", len(v.topics), v.current().ID)
	}
	v = drive(v, "d")
	if v.current() == nil || v.current().ID != "user:third" {
		t.Errorf("after dismissing the second topic the cursor is on %q, want the one after it", v.current().ID)
	}
}

// Changes another process saves show when the view is opened again.
func TestClaimsViewRefreshShowsOtherWriters(t *testing.T) {
	store := openStore(t)
	a := newTestApp(t, 80, 24)
	a.claims = NewClaimsView(a.cm, testClaims(t, a.cm.Corpus), store, "ana")
	other, err := curation.Open(store.Path())
	if err != nil {
		t.Fatal(err)
	}
	if err := other.Add("ben", curation.Op{Kind: curation.Rename, Topic: "t2", Label: "Was the crate different?"}); err != nil {
		t.Fatal(err)
	}
	press(a, "c")
	if !strings.Contains(a.View(), "Was the crate different?") {
		t.Errorf("another writer's rename is not shown on opening the view:\n%s", a.View())
	}
}

// A file broken by hand after the session opened it: the change is refused
// with the line named, and the file is left as it was.
func TestClaimsViewSaveToBrokenFileIsRefused(t *testing.T) {
	store := openStore(t)
	if err := os.WriteFile(store.Path(), []byte("op=nonsense\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	v := drive(newTestClaimsView(t, store, 78, 20), "d")
	if !strings.Contains(v.status, "not saved") || !strings.Contains(v.status, "line 1") {
		t.Errorf("status %q; want the refusal naming line 1", v.status)
	}
	if data, _ := os.ReadFile(store.Path()); string(data) != "op=nonsense\n" {
		t.Error("the broken file was changed")
	}
	if !strings.Contains(v.View(), "line 1") {
		t.Errorf("the refusal is not on screen:\n%s", v.View())
	}
}

func TestClaimsViewReadOnlyWithoutStore(t *testing.T) {
	v := drive(newTestClaimsView(t, nil, 78, 20), "d")
	if !strings.Contains(v.status, "not saved") || len(v.set.Conflicts()) != 2 {
		t.Errorf("without a store: status %q, %d conflicts", v.status, len(v.set.Conflicts()))
	}
}

func TestAppClaimsOpenReaderAndMark(t *testing.T) {
	a := newTestApp(t, 80, 24)
	cm := a.cm
	a.claims = NewClaimsView(cm, testClaims(t, cm.Corpus), nil, "tester")
	a.resize()
	press(a, "c")
	if a.mode != browsingClaims || !strings.Contains(a.View(), "Claims · 2 conflicts") {
		t.Fatalf("c did not open the claims view:\n%s", a.View())
	}
	press(a, "enter", "j", "enter")
	if a.mode != browsing || a.focus != readerPane || a.reader.Doc() != 1 {
		t.Fatalf("enter on a claim: mode %v, focus %v, doc %d", a.mode, a.focus, a.reader.Doc())
	}
	opened := a.claims.selectedClaim().Text
	// Esc goes back to the claims view, on the claim that was opened, so
	// claims can be checked one after another.
	press(a, "esc")
	if cl := a.claims.selectedClaim(); a.mode != browsingClaims || cl == nil || cl.Text != opened {
		t.Fatalf("esc in a reader opened from a claim: mode %v, claim %v, want the claims view on %q", a.mode, cl, opened)
	}
	press(a, "esc", "esc")
	if a.mode != browsing || a.focus != readerPane {
		t.Fatalf("leaving the claims view: mode %v, focus %v", a.mode, a.focus)
	}
	// Once back, Esc in the reader is the reader's own again.
	press(a, "esc")
	if a.mode != browsing || a.focus != docsPane {
		t.Fatalf("esc in the reader after leaving the claims view: mode %v, focus %v", a.mode, a.focus)
	}
	press(a, "tab", "tab", "tab")
	if a.focus != readerPane {
		t.Fatalf("focus %v", a.focus)
	}
	press(a, "n", "m")
	if a.mode != browsingClaims || a.claims.flow.action != curation.Mark {
		t.Fatalf("m in the reader did not start marking: mode %v", a.mode)
	}
	press(a, "esc")
	if a.mode != browsing || a.focus != readerPane {
		t.Errorf("esc out of a mark begun in the reader did not go back to it")
	}
}

// A claim that is not a quote has no brackets: the reader marks its lines
// in the margin, and says so, until a quote is chosen.
// Having left the claims view on purpose, Esc in the reader does not
// bring it back.
func TestAppLeavingClaimsEndsTheWayBack(t *testing.T) {
	a := newTestApp(t, 80, 24)
	a.claims = NewClaimsView(a.cm, testClaims(t, a.cm.Corpus), nil, "tester")
	press(a, "c", "enter", "enter") // read the first claim
	if a.focus != readerPane || a.mode != browsing {
		t.Fatalf("setup: focus %v, mode %v", a.focus, a.mode)
	}
	press(a, "c", "esc", "esc", "esc") // into the view, out of its claims, out of it; then Esc in the reader
	if a.mode != browsing || a.focus != docsPane {
		t.Errorf("esc in the reader after leaving the claims view: mode %v, focus %v; want the documents", a.mode, a.focus)
	}
}

func TestAppMarksAClaimThatIsNotAQuote(t *testing.T) {
	a := newTestApp(t, 80, 24)
	a.claims = NewClaimsView(a.cm, testClaims(t, a.cm.Corpus), nil, "tester")
	press(a, "c", "enter", "j", "enter") // The Coastal Ledger's own sentence, line 6
	marked := func() []string {
		var lines []string
		for _, l := range strings.Split(a.reader.View(), "\n")[1:] {
			if strings.Contains(l, "▶") {
				lines = append(lines, strings.TrimSpace(l))
			}
		}
		return lines
	}
	got := marked()
	if len(got) == 0 || !strings.HasPrefix(got[0], "6 ▶ The harbour office said on Monday") {
		t.Fatalf("margin marks %q, want the claim's line 6", got)
	}
	if h := strings.Split(a.reader.View(), "\n")[0]; !strings.Contains(h, "claim at line 6") {
		t.Errorf("header %q does not say where the claim is", h)
	}
	press(a, "j")
	if again := marked(); len(again) != len(got) || a.reader.CurrentQuote() != -1 {
		t.Errorf("scrolling moved the mark: %q, current quote %d", again, a.reader.CurrentQuote())
	}
	press(a, "n")
	if h := strings.Split(a.reader.View(), "\n")[0]; strings.Contains(h, "claim at line") || a.reader.CurrentQuote() < 0 {
		t.Errorf("n did not hand the mark to a quote: header %q", h)
	}
}

// The claims view's status line says where curation is saved, or that it
// is not.
func TestAppClaimsStatusSaysWhereCurationGoes(t *testing.T) {
	store := openStore(t)
	a := newTestApp(t, 120, 30)
	a.claims = NewClaimsView(a.cm, testClaims(t, a.cm.Corpus), store, "tester")
	press(a, "c")
	if !strings.Contains(a.statusLine(), store.Path()) {
		t.Errorf("status %q does not name %s", a.statusLine(), store.Path())
	}
	// In a narrow window a long path keeps its end, the file's name.
	send(a, tea.WindowSizeMsg{Width: 60, Height: 30})
	if got := a.statusLine(); lipgloss.Width(got) > 60 || !strings.HasSuffix(got, filepath.Base(store.Path())) {
		t.Errorf("status at 60 columns %q does not end with the file's name", got)
	}
	a.claims = NewClaimsView(a.cm, testClaims(t, a.cm.Corpus), nil, "tester")
	if !strings.Contains(a.statusLine(), "not saved") {
		t.Errorf("read-only status %q does not say curation is not saved", a.statusLine())
	}
	press(a, "esc")
	if strings.Contains(a.statusLine(), "curation") {
		t.Errorf("back in the panes the status still speaks of curation: %q", a.statusLine())
	}
}

func TestAppFindsClaimsOnInit(t *testing.T) {
	a := newTestApp(t, 80, 24)
	if a.claims.Loaded() {
		t.Fatal("claims loaded before Init's command ran")
	}
	// m does nothing until the claims are found, so help does not offer it.
	a.setFocus(readerPane)
	a.help.ShowAll = true
	if strings.Contains(a.helpView(), "mark as claim") {
		t.Errorf("help offers m before the claims are found:\n%s", a.helpView())
	}
	send(a, a.Init()())
	if !a.claims.Loaded() {
		t.Error("Init's command did not load the claims")
	}
	if !strings.Contains(a.helpView(), "mark as claim") {
		t.Errorf("help lacks m once the claims are found:\n%s", a.helpView())
	}
}

// The claims help offers topic keys in the topic list and claim keys on a
// claim, not keys that would do nothing where the user is.
func TestClaimsHelpOffersOnlyWhatApplies(t *testing.T) {
	enabled := func(v ClaimsView) string {
		var descs []string
		for _, col := range v.FullHelp() {
			for _, b := range col {
				if b.Enabled() {
					descs = append(descs, b.Help().Desc)
				}
			}
		}
		return strings.Join(descs, ", ")
	}
	v := newTestClaimsView(t, openStore(t), 78, 20)
	cases := []struct {
		where     string
		keys      []string
		want, not []string
	}{
		{"topic list", nil, []string{"dismiss conflict", "merge into topic", "rename topic"}, []string{"move claim", "holder's other claims"}},
		{"a claim", []string{"enter"}, []string{"move claim", "holder's other claims", "add note"}, []string{"dismiss conflict", "merge into topic"}},
		{"a holder's claims", []string{"o"}, []string{"move claim", "add note"}, []string{"dismiss conflict", "merge into topic", "rename topic"}},
	}
	for _, c := range cases {
		v = drive(v, c.keys...)
		got := enabled(v)
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: help lacks %q: %s", c.where, w, got)
			}
		}
		for _, n := range c.not {
			if strings.Contains(got, n) {
				t.Errorf("%s: help offers %q, which does nothing there: %s", c.where, n, got)
			}
		}
	}
	// While the claims are still being found there is nothing to act on.
	loading := NewClaimsView(v.cm, nil, nil, "tester")
	if got := enabled(loading); got != "back" {
		t.Errorf("help while finding claims: %s, want only back", got)
	}
	// Nor when none were found.
	none := NewClaimsView(v.cm, &model.ClaimSet{}, nil, "tester")
	if got := enabled(none); got != "back" {
		t.Errorf("help with no topics: %s, want only back", got)
	}
	// And r in a holder's claims renames nothing unseen.
	v = drive(v, "r")
	if v.Typing() {
		t.Error("r in a holder's claims asks to rename a topic not on screen")
	}
}

func TestClaimsHelpKeysAreDistinct(t *testing.T) {
	a := newTestApp(t, 80, 24)
	a.claims = NewClaimsView(a.cm, testClaims(t, a.cm.Corpus), openStore(t), "tester")
	steps := map[string][]string{"topics": {"c"}, "claims": {"c", "enter"}, "picker": {"c", "enter", "v"}, "typing": {"c", "r"}}
	for name, ks := range steps {
		a.setMode(browsing)
		a.claims.flow, a.claims.inClaims = flow{}, false
		press(a, ks...)
		owner := map[string]string{}
		for _, col := range a.FullHelp() {
			for _, b := range col {
				if !b.Enabled() {
					continue
				}
				for _, k := range b.Keys() {
					if other, ok := owner[k]; ok && other != b.Help().Desc {
						t.Errorf("%s: key %q is both %q and %q", name, k, other, b.Help().Desc)
					}
					owner[k] = b.Help().Desc
				}
			}
		}
		if len(owner) == 0 {
			t.Errorf("%s: no keys in help", name)
		}
		if _, quit := owner["q"]; name == "typing" && quit {
			t.Errorf("typing: help offers q, which types into the box")
		}
	}
}
