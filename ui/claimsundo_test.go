package ui

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/backchannel-news/backchannel/model/curation"
)

// u takes back a dismissal: the topic is listed again with the cursor on
// it, the status says what was undone, and the file gains an undo line.
func TestClaimsViewUndoDismiss(t *testing.T) {
	store := openStore(t)
	v := newTestClaimsView(t, store, 78, 20)
	v = drive(v, "d")
	if v.set.Topic("t1").Dismissed != true || len(v.topics) != 1 {
		t.Fatalf("setup: dismiss did not take t1 off the list")
	}
	if !strings.Contains(v.status, "dismissed “manifest") || !strings.Contains(v.status, "u undoes it") {
		t.Errorf("status after dismiss %q does not say u undoes it", v.status)
	}
	v = drive(v, "u")
	if len(v.topics) != 2 || v.current().ID != "t1" {
		t.Fatalf("after u: %d topics, cursor on %q; want t1 back and chosen", len(v.topics), v.current().ID)
	}
	if want := "undone: dismissed “manifest, harbour office: seen vs never seen”"; v.status != want {
		t.Errorf("status %q, want %q", v.status, want)
	}
	if !strings.Contains(v.View(), "undone: dismissed") {
		t.Errorf("the undo is not on screen:\n%s", v.View())
	}
	if got := opKinds(store); got != "dismiss,undo" {
		t.Errorf("ops saved: %s, want the dismiss and its undo", got)
	}
	if ops := store.Ops(); ops[1].Undoes != ops[0].ID {
		t.Errorf("the undo names %q, not the dismiss %q", ops[1].Undoes, ops[0].ID)
	}
	v = drive(v, "u")
	if !strings.Contains(v.status, "nothing to undo") || opKinds(store) != "dismiss,undo" {
		t.Errorf("a second u with nothing left: status %q, ops %s", v.status, opKinds(store))
	}
}

// Every curation action the view offers can be undone, newest first, back
// to the claims as found; a mark into a new topic is undone whole.
func TestClaimsViewUndoesEveryAction(t *testing.T) {
	store := openStore(t)
	v := newTestClaimsView(t, store, 140, 30)
	initial := v.set
	q := v.cm.Corpus.Quotes[0]

	v = drive(v, "r", "ctrl+u")
	v.input.SetValue("Did the office see it?")
	v = drive(v, "enter")                              // rename t1
	v = drive(v, "enter", "a", "asked twice", "enter") // note on Otto Lehr's claim
	v = drive(v, "v", "j", "enter", "enter")           // move it to "never seen"
	v = drive(v, "esc", "g", "M", "enter")             // merge t2 into t1
	v.StartMark(markTarget{doc: int(q.Doc), start: int(q.Start), end: int(q.End), holder: "Mara Voss"})
	v = drive(v, "enter", "When", "enter", "Thursday", "enter") // mark into a new topic
	v = drive(v, "g", "d")                                      // dismiss the first listed
	if got := opKinds(store); got != "rename,note,move,merge,topic,mark,dismiss" {
		t.Fatalf("setup saved %s", got)
	}
	wants := []string{"dismissed", "claim saved under “Thursday”", "merged into", "claim moved to “never seen”", "note saved", "renamed to “Did the office see it?”"}
	for _, want := range wants {
		v = drive(v, "u")
		if !strings.HasPrefix(v.status, "undone: ") || !strings.Contains(v.status, want) {
			t.Errorf("undo: status %q, want it to say it undid %q", v.status, want)
		}
	}
	if !reflect.DeepEqual(v.set, initial) {
		t.Errorf("after undoing everything the claims differ from those found:\n%+v\nwant\n%+v", v.set, initial)
	}
	if n := strings.Count(opKinds(store), "undo"); n != 7 {
		t.Errorf("%d undo lines for 7 changes: %s", n, opKinds(store))
	}
}

// Another process appends to the file between a dismiss and its undo: its
// lines stay, the file is only appended to, and its change still shows.
func TestClaimsViewUndoKeepsAnotherWritersChanges(t *testing.T) {
	store := openStore(t)
	v := drive(newTestClaimsView(t, store, 78, 20), "d")
	other, err := curation.Open(store.Path())
	if err != nil {
		t.Fatal(err)
	}
	if err := other.Add("ben", curation.Op{Kind: curation.Rename, Topic: "t1", Label: "Ben's name for it"}); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(store.Path())
	v = drive(v, "u")
	after, _ := os.ReadFile(store.Path())
	if !bytes.HasPrefix(after, before) || len(after) == len(before) {
		t.Fatalf("the undo did not append to the file as the other writer left it:\n%s", after)
	}
	if tp := v.set.Topic("t1"); tp.Dismissed || tp.Label != "Ben's name for it" {
		t.Errorf("after the undo t1 = %+v; want listed again under ben's name", tp)
	}
	if v.current().ID != "t1" {
		t.Errorf("cursor on %q, want the restored topic", v.current().ID)
	}
	if got := opKinds(store); got != "dismiss,rename,undo" {
		t.Errorf("ops: %s", got)
	}
}

// Dismissing every topic leaves an empty list, and u still brings the
// last one back: it is the only way out.
func TestClaimsViewUndoFromAnEmptyList(t *testing.T) {
	v := drive(newTestClaimsView(t, openStore(t), 78, 20), "d", "d")
	if len(v.topics) != 0 {
		t.Fatalf("setup: %d topics left", len(v.topics))
	}
	if help := descsOf(v.ShortHelp()); !strings.Contains(help, "undo") {
		t.Errorf("empty list help %q does not offer undo", help)
	}
	v = drive(v, "u")
	if len(v.topics) != 1 || v.current().ID != "t2" {
		t.Errorf("u on the empty list: %d topics; want t2 back", len(v.topics))
	}
}

// A failed undo stays to be tried again.
func TestClaimsViewFailedUndoIsKept(t *testing.T) {
	store := openStore(t)
	v := drive(newTestClaimsView(t, store, 78, 20), "d")
	data, _ := os.ReadFile(store.Path())
	if err := os.WriteFile(store.Path(), append(data, "op=broken\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	v = drive(v, "u")
	if !strings.Contains(v.status, "not undone") || len(v.done) != 1 {
		t.Fatalf("undo over a broken file: status %q, %d left to undo", v.status, len(v.done))
	}
	if err := os.WriteFile(store.Path(), data, 0o644); err != nil {
		t.Fatal(err)
	}
	v = drive(v, "u")
	if v.set.Topic("t1").Dismissed || len(v.done) != 0 {
		t.Errorf("undo once the file is mended: t1 dismissed=%v", v.set.Topic("t1").Dismissed)
	}
}

func descsOf(bs []key.Binding) string {
	var out []string
	for _, b := range bs {
		if b.Enabled() {
			out = append(out, b.Help().Desc)
		}
	}
	return strings.Join(out, ", ")
}

// The whole program on the sample: dismiss the strongest conflict, undo
// it, and the screen shows it back with what was undone.
func TestAppClaimsUndo(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			store := openStore(t)
			tm, wait := runSample(t, size[0], size[1], Options{Annotations: store, Author: "tester"})
			wait("documents ·")
			tm.Send(keys("c")[0])
			wait("conflicts")
			tm.Send(keys("d")[0])
			wait("dismissed")
			tm.Send(keys("u")[0])
			wait("undone")
			tm.Send(keys("q")[0])
			final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*App)
			if got := opKinds(store); got != "dismiss,undo" {
				t.Errorf("ops saved: %s", got)
			}
			view := strings.Replace(final.View(), final.statusLine(), "curation is saved to <temp>", 1)
			golden.RequireEqual(t, view)
		})
	}
}

// A topic dismissed in an earlier session is not lost: D lists the
// dismissed topics, d on one brings it back by undoing its dismissal in
// the file, and u takes that back in turn.
func TestClaimsViewBringsBackAnEarlierDismissal(t *testing.T) {
	store := openStore(t)
	earlier, err := store.Save("ben", curation.Op{Kind: curation.Dismiss, Topic: "t1"})
	if err != nil {
		t.Fatal(err)
	}
	v := newTestClaimsView(t, store, 78, 20)
	if len(v.topics) != 1 || !strings.HasSuffix(v.Title(), "· 1 dismissed") {
		t.Fatalf("setup: %d topics listed, title %q", len(v.topics), v.Title())
	}
	v = drive(v, "D")
	if len(v.topics) != 2 || v.topics[1].ID != "t1" || v.current().ID != "t2" {
		t.Fatalf("D: topics %d, last %q, cursor on %q; want t1 listed last, cursor kept", len(v.topics), v.topics[len(v.topics)-1].ID, v.current().ID)
	}
	if !strings.Contains(v.status, "1 dismissed topic listed last") {
		t.Errorf("status %q", v.status)
	}
	v = drive(v, "j")
	view := v.View()
	if row := lineWith(view, "manifest, harbour office: seen"); !strings.Contains(row, "×") {
		t.Errorf("the dismissed topic's row is not marked ×: %q", row)
	}
	if !strings.Contains(view, "× dismissed: d brings it back") {
		t.Errorf("the dismissed topic does not say how to bring it back:\n%s", view)
	}
	if help := descsOf(v.ShortHelp()); !strings.Contains(help, "bring back") {
		t.Errorf("help on a dismissed topic: %q", help)
	}
	v = drive(v, "d")
	if tp := v.set.Topic("t1"); tp.Dismissed || v.current().ID != "t1" || v.dismissed != 0 {
		t.Fatalf("d on the dismissed topic: dismissed=%v, cursor on %q", tp.Dismissed, v.current().ID)
	}
	if !strings.Contains(v.status, "brought back “manifest") {
		t.Errorf("status %q", v.status)
	}
	ops := store.Ops()
	if last := ops[len(ops)-1]; last.Kind != curation.Undo || last.Undoes != earlier[0].ID || last.Author != "tester" {
		t.Errorf("bringing back saved %+v; want tester's undo of ben's dismissal", last)
	}
	v = drive(v, "u")
	if !v.set.Topic("t1").Dismissed || !strings.Contains(v.status, "undone: brought back") {
		t.Errorf("u after bringing back: dismissed=%v status %q", v.set.Topic("t1").Dismissed, v.status)
	}
	v = drive(v, "D")
	if len(v.topics) != 1 || v.showDismissed {
		t.Errorf("D again does not hide the dismissed: %d topics", len(v.topics))
	}
}

// With every topic dismissed the empty list says so and how to list them.
func TestClaimsViewAllDismissedSaysHowToSeeThem(t *testing.T) {
	store := openStore(t)
	for _, id := range []string{"t1", "t2"} {
		if err := store.Add("ben", curation.Op{Kind: curation.Dismiss, Topic: id}); err != nil {
			t.Fatal(err)
		}
	}
	v := newTestClaimsView(t, store, 78, 20)
	if !strings.Contains(v.View(), "2 topics dismissed: D lists them.") {
		t.Errorf("empty list does not point at the dismissed topics:\n%s", v.View())
	}
	if help := descsOf(v.ShortHelp()); !strings.Contains(help, "show dismissed") {
		t.Errorf("empty list help %q", help)
	}
	v = drive(v, "D")
	if len(v.topics) != 2 {
		t.Errorf("D on the empty list shows %d topics", len(v.topics))
	}
}

func TestClaimsViewDismissedGolden(t *testing.T) {
	store := openStore(t)
	if err := store.Add("ben", curation.Op{Kind: curation.Dismiss, Topic: "t2"}); err != nil {
		t.Fatal(err)
	}
	v := drive(newTestClaimsView(t, store, 78, 20), "D", "j")
	requireGolden(t, v.View(), 78, 20)
}

// U redoes what u undid, as a new undo line naming the undo; u takes the
// redone action back again; a new change ends what can be redone.
func TestClaimsViewRedo(t *testing.T) {
	store := openStore(t)
	v := drive(newTestClaimsView(t, store, 78, 20), "d", "u")
	if help := descsOf(v.ShortHelp()); !strings.Contains(help, "redo") {
		t.Errorf("help after an undo %q does not offer redo", help)
	}
	v = drive(v, "U")
	if !v.set.Topic("t1").Dismissed || v.status != "redone: dismissed “manifest, harbour office: seen vs never seen”" {
		t.Fatalf("U: t1 dismissed=%v, status %q", v.set.Topic("t1").Dismissed, v.status)
	}
	ops := store.Ops()
	if got := opKinds(store); got != "dismiss,undo,undo" || ops[2].Undoes != ops[1].ID {
		t.Errorf("redo saved %s, naming %q; want an undo of the undo %q", got, ops[2].Undoes, ops[1].ID)
	}
	v = drive(v, "u")
	if v.set.Topic("t1").Dismissed || !strings.HasPrefix(v.status, "undone: dismissed") {
		t.Fatalf("u after U: t1 dismissed=%v, status %q", v.set.Topic("t1").Dismissed, v.status)
	}
	v = drive(v, "g", "r", "enter") // the same name: no change, redo still there
	if !strings.Contains(v.status, "unchanged") || opKinds(store) != "dismiss,undo,undo,undo" {
		t.Fatalf("rename to the same name: status %q, ops %s; want nothing saved", v.status, opKinds(store))
	}
	v = drive(v, "r", "!", "enter") // a new change
	v = drive(v, "U")
	if !strings.Contains(v.status, "nothing to redo") || v.set.Topic("t1").Dismissed {
		t.Errorf("U after a new change: status %q, t1 dismissed=%v", v.status, v.set.Topic("t1").Dismissed)
	}
}

// d on a claim takes it out of its topic, saying so; u puts it back.
func TestClaimsViewRemovesAClaim(t *testing.T) {
	store := openStore(t)
	v := drive(newTestClaimsView(t, store, 78, 20), "enter", "j") // The Coastal Ledger's claim in t1
	if help := descsOf(v.ShortHelp()); !strings.Contains(help, "remove claim") {
		t.Errorf("help on a claim %q does not offer to remove it", help)
	}
	v = drive(v, "d")
	if got := positionsOf(v, "t1"); strings.Join(got["never seen"], ",") != "Ilse Brandt" {
		t.Fatalf("after d t1 / never seen holds %v, want Ilse Brandt alone", got["never seen"])
	}
	if !strings.Contains(v.status, "removed The Coastal Ledger’s claim from “manifest, harbour office") {
		t.Errorf("status %q", v.status)
	}
	if v.current().ID != "t1" || !v.inClaims {
		t.Errorf("after removing a claim the view left its topic's claims: topic %q, in claims %v", v.current().ID, v.inClaims)
	}
	if op := store.Ops()[0]; op.Kind != curation.Drop || op.Topic != "t1" || op.Holder != "The Coastal Ledger" {
		t.Errorf("saved %+v, want a drop from t1", op)
	}
	v = drive(v, "u")
	if got := positionsOf(v, "t1"); len(got["never seen"]) != 2 {
		t.Errorf("after u t1 / never seen holds %v, want the claim back", got["never seen"])
	}
}

// positionsOf is the holders of a shown topic's claims by position.
func positionsOf(v ClaimsView, topic string) map[string][]string {
	out := map[string][]string{}
	if t := v.set.Topic(topic); t != nil {
		for _, p := range t.Positions {
			for _, id := range p.Claims {
				out[p.Label] = append(out[p.Label], v.set.Claims[id].Holder)
			}
		}
	}
	return out
}

// A holder's list follows a change made from it: claim IDs are numbered
// afresh after each save, and the list must not show another's claim.
func TestClaimsViewHolderListFollowsChanges(t *testing.T) {
	v := drive(newTestClaimsView(t, openStore(t), 78, 20), "enter", "o") // Otto Lehr's claims
	if v.holder != "Otto Lehr" {
		t.Fatalf("setup: holder %q", v.holder)
	}
	v = drive(v, "v", "j", "j", "enter", "enter") // to t2 / routine
	cl := v.selectedClaim()
	if cl == nil || cl.Holder != "Otto Lehr" || cl.Topic != "t2" {
		t.Fatalf("after moving from the holder's list the chosen claim is %+v; want Otto Lehr's, now in t2", cl)
	}
	if view := v.View(); !strings.Contains(view, "Otto Lehr") || strings.Contains(view, "Coastal Ledger") {
		t.Errorf("the holder's list shows another's claim:\n%s", view)
	}
}

// Saved changes that no longer apply are counted in the status, which has
// room for one, and ! lists them all.
func TestClaimsViewListsChangesNoLongerApplied(t *testing.T) {
	store := openStore(t)
	for _, op := range []curation.Op{
		{Kind: curation.Rename, Topic: "gone-topic", Label: "x"},
		{Kind: curation.Mark, Topic: "t1", Position: "p", Doc: "leak/missing.txt", Start: 0, End: 4, Text: "lost"},
	} {
		if err := store.Add("ben", op); err != nil {
			t.Fatal(err)
		}
	}
	v := newTestClaimsView(t, store, 78, 20)
	if !strings.HasPrefix(v.status, "2 saved changes no longer apply, ! lists them: rename by ben") {
		t.Fatalf("status %q", v.status)
	}
	full := ""
	for _, col := range v.FullHelp() {
		full += descsOf(col) + ", "
	}
	if !strings.Contains(full, "changes no longer applied") {
		t.Errorf("full help %q does not offer !", full)
	}
	v = drive(v, "!")
	view := v.View()
	for _, want := range []string{"Saved changes that no longer apply", "no topic gone-topic", "leak/missing.txt no longer holds the marked"} {
		if !strings.Contains(view, want) {
			t.Errorf("the list lacks %q:\n%s", want, view)
		}
	}
	if !strings.Contains(v.Title(), "2 changes no longer applied") {
		t.Errorf("title %q", v.Title())
	}
	v = drive(v, "esc")
	if v.staleShown || !strings.Contains(v.View(), "manifest, harbour office") {
		t.Errorf("esc did not go back to the topics:\n%s", v.View())
	}
}

// With none, ! does nothing and is not offered.
func TestClaimsViewNoStaleChanges(t *testing.T) {
	v := drive(newTestClaimsView(t, openStore(t), 78, 20), "!")
	if v.staleShown || v.status != "" {
		t.Errorf("! with nothing stale: shown %v, status %q", v.staleShown, v.status)
	}
}

// h on a claim says who really holds it: the box starts on the holder it
// has, shows the claim, and the holder typed is found among the speakers.
func TestClaimsViewChangesAClaimsHolder(t *testing.T) {
	store := openStore(t)
	v := drive(newTestClaimsView(t, store, 78, 20), "enter", "j", "h") // The Coastal Ledger's claim
	if !v.Typing() || v.input.Value() != "The Coastal Ledger" {
		t.Fatalf("h: typing %v, box %q; want the box on the holder it has", v.Typing(), v.input.Value())
	}
	if view := v.View(); !strings.Contains(view, "Say who holds the claim") || !strings.Contains(view, "The Coastal Ledger: “The harbour office said") {
		t.Errorf("the holder box does not show the claim:\n%s", view)
	}
	v = drive(v, "enter")
	if opKinds(store) != "" || !strings.Contains(v.status, "unchanged") {
		t.Fatalf("enter on the same holder saved %q, status %q", opKinds(store), v.status)
	}
	v = drive(v, "h", "ctrl+u", "otto lehr", "enter")
	cl := v.selectedClaim()
	if cl == nil || cl.Holder != "otto lehr" || v.cm.Corpus.SpeakerName(cl.Speaker) != "Otto Lehr" || !cl.Curated {
		t.Fatalf("after h the claim is %+v; want held by otto lehr, the speaker Otto Lehr", cl)
	}
	if v.status != "claim now held by “otto lehr” · u undoes it" {
		t.Errorf("status %q", v.status)
	}
	if op := store.Ops()[0]; op.Kind != curation.Hold || op.Holder != "otto lehr" || op.Topic != "t1" {
		t.Errorf("saved %+v", op)
	}
	v = drive(v, "u")
	if cl := v.selectedClaim(); cl == nil || cl.Holder != "The Coastal Ledger" {
		t.Errorf("after u the claim is %+v; want The Coastal Ledger's again", cl)
	}
}
