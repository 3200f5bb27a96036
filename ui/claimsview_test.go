package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
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
			if int(c.Quotes[id].Start) == start {
				q = int(id)
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
	v.StartMark(markTarget{doc: int(q.Doc), start: int(q.Start), end: int(q.End), holder: "Mara Voss"})
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
	if !cl.Curated || cl.Holder != "Mara Voss" || cl.Start != int(q.Start) {
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
	v.StartMark(markTarget{doc: int(q.Doc), start: int(q.Start), end: int(q.End), holder: "Mara Voss"})
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
	a.claims = NewClaimsView(cm, testClaims(t, cm.Corpus), openStore(t), "tester")
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

// The position step of a mark under an existing topic is a picker of the
// topic's positions with their claims, then "new position".
func TestClaimsViewMarkUnderExistingPosition(t *testing.T) {
	store := openStore(t)
	v := newTestClaimsView(t, store, 78, 20)
	q := v.cm.Corpus.Quotes[0]
	v.StartMark(markTarget{doc: int(q.Doc), start: int(q.Start), end: int(q.End), holder: "Mara Voss"})
	v = drive(v, "j", "enter") // rows: new topic, t1, t2
	if v.flow.step != pickingPosition || v.flow.topic != "t1" || v.Typing() {
		t.Fatalf("choosing a topic: step %v topic %q typing %v, want t1's position picker", v.flow.step, v.flow.topic, v.Typing())
	}
	view := v.View()
	for _, want := range []string{"topic: manifest, harbour office: seen vs never seen", "kept from the office · 1 claim",
		"never seen · 2 claims", "+ new position", "Mara Voss: “The shipment leaves Thursday"} {
		if !strings.Contains(view, want) {
			t.Errorf("position picker lacks %q:\n%s", want, view)
		}
	}
	v = drive(v, "down", "enter")
	if v.flow.step != flowBrowse || opKinds(store) != "mark" {
		t.Fatalf("after choosing a position: step %v, ops %s", v.flow.step, opKinds(store))
	}
	if op := store.Ops()[0]; op.Topic != "t1" || op.Position != "never seen" || op.Start != int(q.Start) {
		t.Errorf("saved %+v, want the quote under t1 / never seen", op)
	}
	p := v.set.Topic("t1").Positions
	if len(p) != 2 || p[1].Label != "never seen" || len(p[1].Claims) != 3 {
		t.Errorf("t1 positions after the mark: %+v", p)
	}
	if v.current().ID != "t1" || !strings.Contains(v.status, "claim saved under “never seen”") {
		t.Errorf("after the mark the view shows %q with status %q", v.current().ID, v.status)
	}
}

// "+ new position" opens the box; an empty name saves nothing.
func TestClaimsViewMarkUnderNewPosition(t *testing.T) {
	store := openStore(t)
	v := newTestClaimsView(t, store, 78, 20)
	q := v.cm.Corpus.Quotes[0]
	v.StartMark(markTarget{doc: int(q.Doc), start: int(q.Start), end: int(q.End), holder: "Mara Voss"})
	v = drive(v, "j", "j", "enter", "G") // t2, its last row
	if v.picks[v.pickAt].value != "" {
		t.Fatalf("G in the position picker is on %+v, want + new position", v.picks[v.pickAt])
	}
	v = drive(v, "g", "j", "j", "enter")
	if !v.Typing() || v.flow.step != typingPosition {
		t.Fatalf("new position did not open the box: step %v", v.flow.step)
	}
	if view := v.View(); !strings.Contains(view, "topic: shipment: routine vs different") || !strings.Contains(view, "new position:") {
		t.Errorf("the box does not say what it names or for which topic:\n%s", view)
	}
	v = drive(v, "enter")
	if !v.Typing() || opKinds(store) != "" {
		t.Fatalf("enter on an empty name left the box or saved: ops %q", opKinds(store))
	}
	v = drive(v, "on schedule", "enter")
	if op := store.Ops(); len(op) != 1 || op[0].Topic != "t2" || op[0].Position != "on schedule" {
		t.Fatalf("saved %+v, want the quote under t2 / on schedule", op)
	}
	if p := v.set.Topic("t2").Positions; len(p) != 3 || p[2].Label != "on schedule" {
		t.Errorf("t2 positions: %+v", p)
	}
}

// Esc steps back one step at a time, to where the user was, and out of
// the flow back to the reader only from the topic picker.
func TestClaimsViewEscStepsBack(t *testing.T) {
	store := openStore(t)
	v := newTestClaimsView(t, store, 78, 20)
	q := v.cm.Corpus.Quotes[0]
	v.StartMark(markTarget{doc: int(q.Doc), start: int(q.Start), end: int(q.End), holder: "Mara Voss"})
	v = drive(v, "j", "j", "enter", "j", "j", "enter") // t2, + new position
	v = drive(v, "esc")
	if v.flow.step != pickingPosition || v.picks[v.pickAt].value != "" {
		t.Fatalf("esc in the new position box: step %v on %+v, want the positions on + new position", v.flow.step, v.picks[v.pickAt])
	}
	v = drive(v, "esc")
	if v.flow.step != pickingTopic || v.picks[v.pickAt].value != "t2" {
		t.Fatalf("esc in the position picker: step %v on %+v, want the topics on t2", v.flow.step, v.picks[v.pickAt])
	}
	// A new topic has no positions: its box goes back to the topic name.
	v = drive(v, "g", "k", "k", "enter", "Who signed", "enter")
	if v.flow.step != typingPosition || !strings.Contains(v.View(), "topic: Who signed (new)") {
		t.Fatalf("a new topic did not go straight to the position box: step %v\n%s", v.flow.step, v.View())
	}
	v = drive(v, "esc")
	if v.flow.step != typingLabel || v.input.Value() != "Who signed" {
		t.Fatalf("esc in a new topic's position box: step %v value %q, want the name box with the name", v.flow.step, v.input.Value())
	}
	v = drive(v, "esc")
	if v.flow.step != pickingTopic || v.pickAt != 0 {
		t.Fatalf("esc in the topic name box: step %v at %d, want the topics on + new topic", v.flow.step, v.pickAt)
	}
	v, cmd := v.Update(keys("esc")[0])
	if v.flow.step != flowBrowse || cmd == nil {
		t.Fatal("esc in the topic picker of a mark did not end it")
	}
	if _, ok := cmd().(claimsClosedMsg); !ok {
		t.Error("esc in the topic picker of a mark begun in the reader does not go back to it")
	}
	if opKinds(store) != "" {
		t.Errorf("stepping back saved %s", opKinds(store))
	}
}

// Moving a claim to another topic picks one of its positions too.
func TestClaimsViewMoveUsesPositionPicker(t *testing.T) {
	store := openStore(t)
	v := newTestClaimsView(t, store, 78, 20)
	v = drive(v, "enter", "j", "v", "j", "j", "enter") // The Coastal Ledger's claim, to t2
	if v.flow.step != pickingPosition || len(v.picks) != 3 || v.picks[0].value != "routine" || v.picks[1].value != "different" {
		t.Fatalf("move to t2: step %v picks %+v, want routine, different, new", v.flow.step, v.picks)
	}
	v = drive(v, "j", "enter")
	if op := store.Ops(); len(op) != 1 || op[0].Kind != curation.Move || op[0].Into != "t2" || op[0].Position != "different" {
		t.Fatalf("saved %+v, want a move into t2 / different", op)
	}
	var holders []string
	for _, id := range v.set.Topic("t2").Positions[1].Claims {
		holders = append(holders, v.set.Claims[id].Holder)
	}
	if !slices.Contains(holders, "The Coastal Ledger") || len(holders) != 2 {
		t.Errorf("t2 / different after the move holds claims of %q", holders)
	}
}

// The position picker's screen, help included, at 80x24 and 120 wide.
func TestAppClaimsPositionPickerGolden(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 36}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			a := newTestApp(t, sz[0], sz[1])
			a.claims = NewClaimsView(a.cm, testClaims(t, a.cm.Corpus), openStore(t), "tester")
			a.resize()
			press(a, "enter", "n", "m", "j", "enter")
			if a.mode != browsingClaims || a.claims.flow.step != pickingPosition {
				t.Fatalf("setup: mode %v step %v", a.mode, a.claims.flow.step)
			}
			a.help.ShowAll = true
			a.resize()
			// The annotations file is in a new temporary folder each run.
			view := strings.Replace(a.View(), a.statusLine(), "curation is saved to <temp>", 1)
			requireGolden(t, view, sz[0], sz[1])
		})
	}
}

// Without an annotations file a mark cannot be saved: it is refused when
// asked for, not after the user has picked a topic and a position.
func TestClaimsViewMarkReadOnlyIsRefused(t *testing.T) {
	v := newTestClaimsView(t, nil, 78, 20)
	q := v.cm.Corpus.Quotes[0]
	v.StartMark(markTarget{doc: int(q.Doc), start: int(q.Start), end: int(q.End), holder: "Mara Voss"})
	if v.flow.step != flowBrowse || !strings.Contains(v.status, "not saved") {
		t.Errorf("read-only mark: step %v status %q, want it refused", v.flow.step, v.status)
	}
}

// Each step of a mark or move offers in its help, short and full, the keys
// that act there and no others: a text box takes j, k and the arrows.
func TestClaimsStepHelpOffersOnlyItsKeys(t *testing.T) {
	descs := func(bs []key.Binding) string {
		var out []string
		for _, b := range bs {
			if b.Enabled() {
				out = append(out, b.Help().Desc)
			}
		}
		return strings.Join(out, ", ")
	}
	a := newTestApp(t, 80, 24)
	a.claims = NewClaimsView(a.cm, testClaims(t, a.cm.Corpus), openStore(t), "tester")
	steps := []struct {
		name        string
		keys        []string
		full, short string
	}{
		{"topic picker", []string{"c", "enter", "v"}, "up, down, top, bottom, choose, back, help, quit", "up, down, choose, back, help, quit"},
		{"position picker", []string{"j", "enter"}, "up, down, top, bottom, choose, back, help, quit", "up, down, choose, back, help, quit"},
		{"new position box", []string{"j", "j", "enter"}, "confirm, back", "confirm, back"},
		{"new topic box", []string{"esc", "esc", "g", "enter"}, "confirm, back", "confirm, back"},
	}
	for _, s := range steps {
		press(a, s.keys...)
		var full []key.Binding
		for _, col := range a.FullHelp() {
			full = append(full, col...)
		}
		if got := descs(full); got != s.full {
			t.Errorf("%s: full help %q, want %q", s.name, got, s.full)
		}
		if got := descs(a.ShortHelp()); got != s.short {
			t.Errorf("%s: short help %q, want %q", s.name, got, s.short)
		}
	}
}

// manyClaims is the test claims repeated into a topic of two long positions
// (notes, curated marks and long holders among them) ahead of sixty small
// topics, for the views that draw only what is on screen.
func manyClaims(t *testing.T, c *model.Corpus) *model.ClaimSet {
	base := testClaims(t, c)
	cs := &model.ClaimSet{}
	add := func(i int, topic, position string) int {
		cl := base.Claims[i%len(base.Claims)]
		cl.ID, cl.Topic, cl.Position = len(cs.Claims), topic, position
		if i%3 == 0 {
			cl.Note = fmt.Sprintf("checked against the log, note %d", i)
		}
		if i%5 == 0 {
			cl.Holder = "The Very Long Name Of A Harbour Authority Spokesperson " + cl.Holder
		}
		cl.Curated = i%4 == 0
		cs.Claims = append(cs.Claims, cl)
		return cl.ID
	}
	big := model.Topic{ID: "big", Label: "manifest: seen vs never seen", Score: 99}
	for p, label := range []string{"seen", "never seen"} {
		pos := model.Position{Label: label}
		for i := 0; i < 23+p*9; i++ {
			pos.Claims = append(pos.Claims, add(i+p, big.ID, label))
		}
		big.Positions = append(big.Positions, pos)
	}
	cs.Topics = append(cs.Topics, big)
	for n := 0; n < 60; n++ {
		tp := model.Topic{ID: fmt.Sprintf("small-%d", n), Label: fmt.Sprintf("shipment %d: routine vs different", n), Score: float64(60 - n)}
		for p, label := range []string{"routine", "different"} {
			tp.Positions = append(tp.Positions, model.Position{Label: label, Claims: []int{add(n+p, tp.ID, label)}})
		}
		cs.Topics = append(cs.Topics, tp)
	}
	return cs
}

// The claims view draws only the topic rows and claim lines on screen, from
// a layout of the rest: what it draws must be exactly those lines of the
// whole list drawn out, at every scroll position.
func TestClaimsViewDrawsTheLinesOnScreenOfTheWholeList(t *testing.T) {
	cm := testCommon(t)
	cs := manyClaims(t, cm.Corpus)
	v := NewClaimsView(cm, cs, nil, "tester")
	for _, w := range []int{30, 78, 140} {
		for i := range cs.Claims {
			for _, ctx := range []string{"", "manifest → seen"} {
				if got, want := v.claimHeight(&cs.Claims[i], w, ctx), len(v.claimLines(&cs.Claims[i], w, false, ctx)); got != want {
					t.Fatalf("width %d claim %d context %q: laid out as %d lines, drawn as %d", w, i, ctx, got, want)
				}
			}
		}
		for _, at := range []int{0, 1, 7, 30, len(v.topics) - 1} {
			v.topic = at
			var rows []string
			for i := range v.topics {
				rows = append(rows, v.topicRow(i, w))
			}
			for _, h := range []int{1, 5, 17, 100} {
				if got, want := v.topicLines(w, h), window(rows, at, h); !slices.Equal(got, want) {
					t.Fatalf("width %d, topic %d, %d rows: drew %q, want %q", w, at, h, got, want)
				}
			}
		}
		// The topic picker lists every topic, a row each.
		v.flow = flow{action: curation.Move}
		v.startPicker("", "")
		subject := len(v.subjectLines(w))
		for _, at := range []int{0, 3, 30, len(v.picks) - 1} {
			v.pickAt = at
			all := v.pickerLines(w, subject+len(v.picks))[subject:]
			for _, h := range []int{subject + 1, subject + 9, 100} {
				if got, want := v.pickerLines(w, h)[subject:], window(all, at, h-subject); !slices.Equal(got, want) {
					t.Fatalf("width %d, pick %d, %d rows: drew %q, want %q", w, at, h, got, want)
				}
			}
		}
		v.flow = flow{}
		v.topic, v.inClaims = 0, true
		for _, sel := range []int{0, 5, 24, 40} {
			v.claim = sel
			var before []positionLayout
			for _, p := range v.current().Positions {
				l := v.layOut(p, before, w)
				before = append(before, l)
				all := v.drawLines(l, 0, l.lines)
				if len(all) != l.lines {
					t.Fatalf("width %d position %q: laid out as %d lines, drawn as %d", w, p.Label, l.lines, len(all))
				}
				for lo := -2; lo <= l.lines; lo += 3 {
					for hi := lo; hi <= l.lines+2; hi += 4 {
						want := all[clamp(lo, 0, l.lines):clamp(hi, 0, l.lines)]
						if got := v.drawLines(l, lo, hi); !slices.Equal(got, want) && len(got)+len(want) > 0 {
							t.Fatalf("width %d position %q lines [%d, %d): drew %q, want %q", w, p.Label, lo, hi, got, want)
						}
					}
				}
			}
		}
	}
}

// However long a topic or a holder's list, the selected claim is on screen.
func TestClaimsViewKeepsTheSelectedClaimOnScreen(t *testing.T) {
	cm := testCommon(t)
	cs := manyClaims(t, cm.Corpus)
	for _, sz := range [][2]int{{78, 20}, {140, 30}} {
		v := NewClaimsView(cm, cs, nil, "tester")
		v.SetSize(sz[0], sz[1])
		v = drive(v, "enter")
		for i := 0; i < 60; i++ {
			view := v.View()
			// One bar marks the topic, one the claim.
			if got := strings.Count(view, "┃"); got != 2 {
				t.Fatalf("%dx%d claim %d: %d selection bars on screen, want 2:\n%s", sz[0], sz[1], v.claim, got, view)
			}
			if lines := strings.Count(view, "\n") + 1; lines != sz[1] {
				t.Fatalf("%dx%d claim %d: %d lines, want %d", sz[0], sz[1], v.claim, lines, sz[1])
			}
			v = drive(v, "j")
		}
	}
}

// TestClaimsViewHolderListFollowsResize holds a holder's list resized to
// one opened at the new size: its layout is worked out ahead of frames.
func TestClaimsViewHolderListFollowsResize(t *testing.T) {
	resized := drive(newTestClaimsView(t, nil, 78, 20), "enter", "j", "j", "o")
	resized.SetSize(44, 20)
	fresh := drive(newTestClaimsView(t, nil, 44, 20), "enter", "j", "j", "o")
	if got, want := resized.View(), fresh.View(); got != want {
		t.Errorf("resized to 44 columns:\n%s\nopened at 44 columns:\n%s", got, want)
	}
	if resized.View() == drive(newTestClaimsView(t, nil, 78, 20), "enter", "j", "j", "o").View() {
		t.Error("the holder list looks the same at 44 and 78 columns: the test shows nothing")
	}
}
