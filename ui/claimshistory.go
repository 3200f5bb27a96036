package ui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/backchannel-news/backchannel/model"
	"github.com/backchannel-news/backchannel/model/curation"
)

// The session's curation history: what u undoes and U redoes. Each entry
// names the lines its action wrote to the annotations file; undoing writes
// an undo line for each, redoing an undo of those undos, so the file is
// only ever appended to.

type histStep int

const (
	newAction histStep = iota
	undoStep
	redoStep
)

// doneChange is one curation action of this session: the changes it saved,
// which an undo names, and what it did, in the words of its status line.
type doneChange struct {
	what  string
	ids   []string
	topic string // the topic it acted on, shown again when it is undone
}

// savedAs is the entry for an action that saved ops.
func savedAs(what, topic string, ops []curation.Op) *doneChange {
	d := &doneChange{what: what, topic: topic}
	for _, op := range ops {
		d.ids = append(d.ids, op.ID)
	}
	return d
}

// undismiss brings topic back into the list, taking back every dismissal
// of it in force, whoever made it and when.
func undismiss(c *model.Corpus, found *model.ClaimSet, store *curation.Store, author, topic, what string) tea.Cmd {
	return func() tea.Msg {
		saved, err := store.Undismiss(author, topic)
		if err != nil {
			return claimsSavedMsg{shown: curate(c, found, store), err: fmt.Errorf("not saved: %w", err)}
		}
		if len(saved) == 0 {
			// Another writer brought it back first.
			return claimsSavedMsg{shown: curate(c, found, store), what: "already back in the list"}
		}
		return claimsSavedMsg{shown: curate(c, found, store), what: what, hist: savedAs(what, topic, saved)}
	}
}

// withdraw appends an undo of each line d saved: for an action, that
// undoes it; for the undo lines of an undo, that redoes the action. The
// store appends to the file as it is on disk, so what other sessions and
// processes wrote since stays, and still applies.
func withdraw(c *model.Corpus, found *model.ClaimSet, store *curation.Store, author string, d doneChange, step histStep) tea.Cmd {
	return func() tea.Msg {
		ops := make([]curation.Op, 0, len(d.ids))
		for i := len(d.ids) - 1; i >= 0; i-- {
			ops = append(ops, curation.Op{Kind: curation.Undo, Undoes: d.ids[i]})
		}
		verb := map[histStep]string{undoStep: "undone", redoStep: "redone"}[step]
		saved, err := store.Save(author, ops...)
		if err != nil {
			return claimsSavedMsg{shown: curate(c, found, store), err: fmt.Errorf("not %s: %w", verb, err), hist: &d, step: step}
		}
		return claimsSavedMsg{shown: curate(c, found, store), what: verb + ": " + d.what,
			hist: savedAs(d.what, d.topic, saved), step: step}
	}
}

// record files a save's outcome in the session's history and says it.
func (v *ClaimsView) record(msg claimsSavedMsg) {
	switch {
	case msg.err != nil:
		v.status = msg.err.Error()
		// A failed undo or redo stays to be tried again.
		switch {
		case msg.hist != nil && msg.step == undoStep:
			v.done = append(v.done, *msg.hist)
		case msg.hist != nil && msg.step == redoStep:
			v.undone = append(v.undone, *msg.hist)
		}
		return
	case msg.hist == nil:
		if msg.what != "" {
			v.status = msg.what
		}
		return
	}
	v.status = msg.what
	switch msg.step {
	case newAction:
		v.done, v.undone = append(v.done, *msg.hist), nil
		// Said here because the short help is cut first on a narrow
		// terminal, and a wrong dismiss takes the topic away.
		v.status += " · " + v.cm.Keys.Undo.Help().Key + " undoes it"
	case undoStep:
		v.undone = append(v.undone, *msg.hist)
	case redoStep:
		v.done = append(v.done, *msg.hist)
	}
}

// step undoes this session's newest curation action not yet undone, or
// redoes the newest undo. The entry is taken off its list now, so a second
// u undoes the one before even while the first is being saved; a failed
// save puts it back.
func (v ClaimsView) step(dir histStep) (ClaimsView, tea.Cmd) {
	list, none := &v.done, "nothing to undo: no curation changed in this session yet"
	if dir == redoStep {
		list, none = &v.undone, "nothing to redo: no undo since the last change"
	}
	if len(*list) == 0 {
		v.status = none
		return v, nil
	}
	d := (*list)[len(*list)-1]
	*list = (*list)[:len(*list)-1]
	v.want = d.topic
	return v, withdraw(v.cm.Corpus, v.found, v.store, v.author, d, dir)
}
