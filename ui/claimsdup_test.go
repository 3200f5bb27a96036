package ui

import (
	"strings"
	"testing"
)

// markQuote starts marking the test corpus's quote i, as m in the reader.
func markQuote(v *ClaimsView, i int) {
	q := v.cm.Corpus.Quotes[i]
	v.StartMark(markTarget{doc: int(q.Doc), start: int(q.Start), end: int(q.End), holder: v.cm.Corpus.SpeakerName(int(q.Speaker))})
}

// Marking a quote that is already a claim says where it is; choosing that
// topic goes to the claim there instead of adding it twice; another topic
// takes it as a second claim.
func TestClaimsViewMarkTwiceIsCaught(t *testing.T) {
	store := openStore(t)
	v := newTestClaimsView(t, store, 78, 20)
	markQuote(&v, 1) // Otto Lehr's, a claim of t1 under "kept from the office"
	if !strings.Contains(v.status, "already a claim in “manifest, harbour office: seen vs never seen” under “kept from the office”") {
		t.Errorf("status %q does not say where the quote already is", v.status)
	}
	view := v.View()
	if row := lineWith(view, "manifest, harbour office"); !strings.Contains(row, "has it under “kept from the office”") {
		t.Errorf("the picker row of t1 does not say it has the quote:\n%s", view)
	}
	if row := lineWith(view, "shipment: routine"); strings.Contains(row, "has it") {
		t.Errorf("the picker row of t2 says it has the quote: %q", row)
	}
	v = drive(v, "j", "enter") // t1
	if v.flow.step != flowBrowse || !v.inClaims || v.current().ID != "t1" {
		t.Fatalf("choosing the topic that has it: step %v, in claims %v, topic %q; want its claims", v.flow.step, v.inClaims, v.current().ID)
	}
	if cl := v.selectedClaim(); cl == nil || cl.Holder != "Otto Lehr" {
		t.Errorf("selected %+v, want Otto Lehr's claim", cl)
	}
	if !strings.Contains(v.status, "already a claim here under “kept from the office”") || !strings.Contains(v.status, "v moves it") {
		t.Errorf("status %q does not say it is there and how to move it", v.status)
	}
	if got := opKinds(store); got != "" {
		t.Fatalf("choosing the topic that has the quote saved %s", got)
	}
	// v, from there, is the way to change its side.
	v = drive(v, "v")
	if v.flow.action != "move" || v.flow.claim.Holder != "Otto Lehr" {
		t.Errorf("v on the claim found does not move it: %+v", v.flow)
	}
	v = drive(v, "esc")

	// Another topic may hold the same statement as a second claim.
	markQuote(&v, 1)
	v = drive(v, "j", "j", "enter", "enter") // t2, its first position
	if got := opKinds(store); got != "mark" {
		t.Fatalf("marking into another topic saved %q, want the mark", got)
	}
	if op := store.Ops()[0]; op.Topic != "t2" {
		t.Errorf("marked into %q, want t2", op.Topic)
	}
}

// Moving a claim into a topic that already has its text is refused in the
// picker, which stays for another choice.
func TestClaimsViewMoveIntoTopicWithTheTextIsRefused(t *testing.T) {
	store := openStore(t)
	v := newTestClaimsView(t, store, 78, 20)
	markQuote(&v, 1)
	v = drive(v, "j", "j", "enter", "enter") // Otto's quote also under t2
	v = drive(v, "esc", "g")
	if v.current().ID != "t1" {
		t.Fatalf("setup: on %q", v.current().ID)
	}
	v = drive(v, "enter", "v") // Otto's claim in t1
	if v.flow.claim == nil || v.flow.claim.Holder != "Otto Lehr" {
		t.Fatalf("setup: moving %+v", v.flow.claim)
	}
	if row := lineWith(v.View(), "shipment: routine"); !strings.Contains(row, "has it under") {
		t.Errorf("t2's row does not say it has the text: %q", row)
	}
	v = drive(v, "j", "j", "enter") // t2
	if v.flow.step != pickingTopic || !strings.Contains(v.status, "already has this text") {
		t.Errorf("move into a topic that has the text: step %v, status %q; want refused in the picker", v.flow.step, v.status)
	}
	if got := opKinds(store); got != "mark" {
		t.Errorf("the refused move saved: %s", got)
	}
	// Esc leaves the picker and its message.
	v = drive(v, "esc")
	if v.status != "" {
		t.Errorf("status %q outlives the move it was about", v.status)
	}
}

// A quote that is no claim yet is marked without a word about duplicates.
func TestClaimsViewMarkNewQuoteSaysNothingOfDuplicates(t *testing.T) {
	v := newTestClaimsView(t, openStore(t), 78, 20)
	markQuote(&v, 0)
	if v.status != "" || strings.Contains(v.View(), "has it under") {
		t.Errorf("a quote in no topic is reported as marked: %q\n%s", v.status, v.View())
	}
}

// A mark begun while the view was left on a holder's claims shows, once
// saved, the topic the claim went to.
func TestClaimsViewMarkFromHolderListShowsTheTopic(t *testing.T) {
	v := drive(newTestClaimsView(t, openStore(t), 78, 20), "enter", "o")
	if v.holder == "" {
		t.Fatal("setup: no holder list")
	}
	markQuote(&v, 0)
	v = drive(v, "j", "j", "enter", "enter") // t2, its first position
	if v.holder != "" || v.current().ID != "t2" || !strings.Contains(v.View(), "shipment: routine vs different") {
		t.Errorf("after the mark: holder %q, topic %q\n%s", v.holder, v.current().ID, v.View())
	}
}
