package ui

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/backchannel-news/backchannel/model"
	"github.com/backchannel-news/backchannel/model/curation"
)

// ClaimsView shows the topics sources disagree on, strongest first, and
// for the chosen one each position's claims side by side (stacked when the
// window is narrow). It is also where claims are curated: every change is
// saved through the shared store by a command, then shown.
type ClaimsView struct {
	cm     *Common
	store  *curation.Store // nil: curation cannot be saved
	author string

	found     *model.ClaimSet // as found by rules; nil until found
	set       *model.ClaimSet // found with the user's curation applied
	topics    []*model.Topic  // set.Listed()
	conflicts int             // len(set.Conflicts()), counted once per set for the title
	dismissed int             // topics dismissed, counted once per set for the title
	// stale is the saved changes that no longer apply to the corpus (a
	// document gone or edited), which ! lists while staleShown; the
	// status line has room for one.
	stale      []string
	staleShown bool
	staleAt    int
	// showDismissed lists the dismissed topics after the others, where d
	// brings one back; hidden, a dismissal from an earlier session could
	// not be undone.
	showDismissed bool

	topic    int  // index into topics
	claim    int  // index into the chosen topic's claims, in position order
	inClaims bool // the cursor is on claims, not topics
	holder   string
	held     []int // claim IDs of holder, when showing a holder's claims
	heldAt   int
	// heldContexts and heldHeights are each held claim's topic and
	// position and its lines at heldWidth, worked out by layOutHeld when
	// the list or the width changes, not on every frame: a holder may
	// have thousands of claims, and finding a claim's topic searches the
	// topics.
	heldContexts []string
	heldHeights  []int
	heldWidth    int

	flow   flow
	input  textinput.Model
	picks  []pick
	pickAt int

	status string
	// done is this session's curation actions, oldest first, which u
	// undoes newest first; undone is what u took back, which U redoes
	// until a new action is saved.
	done, undone []doneChange
	// want is the topic to show once a save comes back: where a claim
	// was put, or what a topic was merged into.
	want   string
	width  int
	height int
}

// flow is a curation in progress: what it does and what it has gathered.
type flow struct {
	step   flowStep
	action string // curation.Mark, Move, Merge, Rename, Note, or "" when browsing
	mark   markTarget
	claim  *model.Claim // the claim being moved or noted
	topic  string       // topic chosen or being acted on
	label  string       // label of a topic to create
	// fromReader is set for a mark begun in the reader: cancelling it
	// goes back there.
	fromReader bool
	// already is the claims covering the text marked or moved, the moved
	// claim aside: a topic holding one is not given the text twice.
	already []model.Claim
}

type flowStep int

const (
	flowBrowse flowStep = iota
	pickingTopic
	typingLabel
	pickingPosition
	typingPosition
	typingText
)

// pick is one row of the topic or position picker: the topic ID or the
// position label it stands for, "" for the row that names a new one.
type pick struct {
	value  string
	label  string
	claims int    // claims already under a position; the topic picker leaves it 0
	note   string // topic picker: that the topic already has the text, and where
}

// markTarget is the text the reader asked to make a claim.
type markTarget struct {
	doc, start, end int
	holder          string
}

// NewClaimsView shows the claims of found (nil: they are found by Init's
// command) curated through store (nil: read only) on behalf of author.
func NewClaimsView(cm *Common, found *model.ClaimSet, store *curation.Store, author string) ClaimsView {
	in := textinput.New()
	in.PromptStyle = cm.Styles.Prompt
	in.TextStyle = cm.Styles.Input
	in.PlaceholderStyle = cm.Styles.Muted
	in.Cursor.Style = cm.Styles.Current
	in.Cursor.TextStyle = cm.Styles.Input
	in.Cursor.SetMode(cursor.CursorStatic)
	in.CharLimit = 200
	v := ClaimsView{cm: cm, store: store, author: author, found: found, input: in}
	if found != nil {
		v.show(curate(cm.Corpus, found, store))
	}
	return v
}

// claimsFoundMsg carries the claims found and curated off the event loop.
type claimsFoundMsg struct {
	found *model.ClaimSet
	shown shownClaims
}

// claimsSavedMsg reports a saved change and the claims as they now are.
type claimsSavedMsg struct {
	shown shownClaims
	err   error
	what  string
	// hist is the action saved, or the undo or redo of one, as step
	// says; when saving failed, the entry to put back where it was. nil
	// for a re-read.
	hist *doneChange
	step histStep
}

// shownClaims is a curated claim set and the changes that no longer apply.
type shownClaims struct {
	set   *model.ClaimSet
	stale []string
}

// claimOpenMsg asks the root to read a claim in its document.
type claimOpenMsg struct{ doc, quote, line, end int }

// claimsClosedMsg asks the root to go back to the panes.
type claimsClosedMsg struct{}

func closeClaims() tea.Msg { return claimsClosedMsg{} }

func curate(c *model.Corpus, found *model.ClaimSet, store *curation.Store) shownClaims {
	if store == nil {
		return shownClaims{set: found}
	}
	set, stale := store.Apply(c, found)
	return shownClaims{set: set, stale: stale}
}

// findClaims runs the finder and applies the curation in a command: it
// reads the whole corpus.
func findClaims(c *model.Corpus, find func(*model.Corpus) *model.ClaimSet, store *curation.Store) tea.Cmd {
	return func() tea.Msg {
		found := find(c)
		return claimsFoundMsg{found: found, shown: curate(c, found, store)}
	}
}

// saveChanges appends ops to the store, in one write so an undo takes
// back all or none of them, and re-applies the curation. topic is the one
// they act on.
func saveChanges(c *model.Corpus, found *model.ClaimSet, store *curation.Store, author, what, topic string, ops ...curation.Op) tea.Cmd {
	return func() tea.Msg {
		saved, err := store.Save(author, ops...)
		if err != nil {
			return claimsSavedMsg{shown: curate(c, found, store), err: fmt.Errorf("not saved: %w", err)}
		}
		return claimsSavedMsg{shown: curate(c, found, store), what: what, hist: savedAs(what, topic, saved)}
	}
}

func (v *ClaimsView) show(s shownClaims) {
	var current string
	if t := v.current(); t != nil {
		current = t.ID
	}
	var was *model.Claim // the claim chosen in a holder's list
	if v.holder != "" {
		was = v.selectedClaim()
	}
	v.set = s.set
	v.listTopics()
	if v.holder != "" {
		// Claim IDs are numbered afresh in each set: the list is made
		// again, on the claim that was chosen.
		v.held = v.set.ByHolder(v.holder)
		v.heldAt = min(v.heldAt, max(0, len(v.held)-1))
		for i, id := range v.held {
			if cl := &v.set.Claims[id]; was != nil && cl.Doc == was.Doc && cl.Start == was.Start && cl.Topic == was.Topic {
				v.heldAt = i
			}
		}
		v.layOutHeld()
	}
	v.conflicts = len(s.set.Conflicts())
	if v.want != "" {
		current, v.want = v.want, ""
	}
	// A topic gone from the list (dismissed, merged away) leaves the
	// cursor where it was, on its neighbour, not back at the top.
	v.topic = clamp(v.topic, 0, max(0, len(v.topics)-1))
	for i, t := range v.topics {
		if t.ID == current {
			v.topic = i
		}
	}
	v.claim = clamp(v.claim, 0, max(0, len(v.claimIDs())-1))
	v.stale = s.stale
	if len(v.stale) == 0 {
		v.staleShown = false
	}
	switch n := len(s.stale); {
	case n == 1:
		v.status = "1 saved change no longer applies: " + s.stale[0]
	case n > 1:
		v.status = fmt.Sprintf("%d saved changes no longer apply, %s lists them: %s", n, v.cm.Keys.Problems.Help().Key, s.stale[0])
	}
}

// listTopics lists the set's topics to show: the conflicts and curated
// topics, then, when asked for, the dismissed ones, strongest first.
func (v *ClaimsView) listTopics() {
	v.topics = v.set.Listed()
	v.dismissed = 0
	var gone []*model.Topic
	for i := range v.set.Topics {
		if t := &v.set.Topics[i]; t.Dismissed {
			v.dismissed++
			gone = append(gone, t)
		}
	}
	if v.showDismissed {
		sort.SliceStable(gone, func(i, j int) bool { return gone[i].Score > gone[j].Score })
		v.topics = append(v.topics, gone...)
	}
}

// SavedTo is the annotations file curation goes to, "" when none could be
// opened and the view is read-only.
func (v ClaimsView) SavedTo() string {
	if v.store == nil {
		return ""
	}
	return v.store.Path()
}

// Loaded reports whether the claims have been found.
func (v ClaimsView) Loaded() bool { return v.set != nil }

// Typing reports whether a text box has the keyboard, so the root passes
// every key, "q" included, to it.
func (v ClaimsView) Typing() bool {
	return v.flow.step == typingLabel || v.flow.step == typingPosition || v.flow.step == typingText
}

// picking reports whether a picker has the keyboard.
func (v ClaimsView) picking() bool {
	return v.flow.step == pickingTopic || v.flow.step == pickingPosition
}

func (v ClaimsView) current() *model.Topic {
	if v.topic < 0 || v.topic >= len(v.topics) {
		return nil
	}
	return v.topics[v.topic]
}

// claimIDs are the chosen topic's claims, position by position.
func (v ClaimsView) claimIDs() []int {
	t := v.current()
	if t == nil {
		return nil
	}
	var ids []int
	for _, p := range t.Positions {
		ids = append(ids, p.Claims...)
	}
	return ids
}

func (v ClaimsView) selectedClaim() *model.Claim {
	if v.holder != "" {
		if v.heldAt < len(v.held) {
			return &v.set.Claims[v.held[v.heldAt]]
		}
		return nil
	}
	ids := v.claimIDs()
	if !v.inClaims || v.claim >= len(ids) {
		return nil
	}
	return &v.set.Claims[ids[v.claim]]
}

// StartMark begins making doc[start:end] a claim of holder: the user picks
// a topic, then names the position.
func (v *ClaimsView) StartMark(t markTarget) {
	if v.store == nil {
		// Refused now, not after a topic and a position were picked.
		v.status = notSaved
		return
	}
	// Once saved, the view shows the topic the claim went to, not the
	// holder's list or the list of stale changes it was left on.
	v.holder, v.staleShown = "", false
	v.flow = flow{action: curation.Mark, mark: t, fromReader: true}
	v.flow.already = v.claimsOver(t.doc, t.start, t.end, -1)
	if len(v.flow.already) > 0 {
		cl := v.flow.already[0]
		more := ""
		if n := len(v.flow.already) - 1; n > 0 {
			more = fmt.Sprintf(" (and %s)", plural(n, "other"))
		}
		v.status = fmt.Sprintf("already a claim in “%s” under “%s”%s: choose that topic to go to it and move it with %s, or another to claim it there too",
			v.topicLabel(cl.Topic), cl.Position, more, v.cm.Keys.MoveClaim.Help().Key)
	}
	v.startPicker("", "")
}

func (v *ClaimsView) Init(find func(*model.Corpus) *model.ClaimSet) tea.Cmd {
	if v.found != nil {
		return nil
	}
	return findClaims(v.cm.Corpus, find, v.store)
}

// Refresh re-reads the annotations file, which other sessions and
// processes may have changed, and shows the claims as they now are. The
// root calls it when the view is opened.
func (v ClaimsView) Refresh() tea.Cmd {
	if v.found == nil || v.store == nil {
		return nil
	}
	c, found, store := v.cm.Corpus, v.found, v.store
	return func() tea.Msg {
		if _, err := store.Reload(); err != nil {
			return claimsSavedMsg{shown: curate(c, found, store), err: fmt.Errorf("annotations not re-read: %w", err)}
		}
		return claimsSavedMsg{shown: curate(c, found, store)}
	}
}

func (v ClaimsView) Update(msg tea.Msg) (ClaimsView, tea.Cmd) {
	switch msg := msg.(type) {
	case claimsFoundMsg:
		v.found = msg.found
		v.show(msg.shown)
		return v, nil
	case claimsSavedMsg:
		v.show(msg.shown)
		v.record(msg)
		return v, nil
	case tea.KeyMsg:
		if v.set == nil {
			if key.Matches(msg, v.cm.Keys.Close) {
				return v, closeClaims
			}
			return v, nil
		}
		switch v.flow.step {
		case pickingTopic, pickingPosition:
			return v.updatePicker(msg)
		case typingLabel, typingPosition, typingText:
			return v.updateInput(msg)
		}
		return v.updateBrowse(msg)
	}
	return v, nil
}

func (v ClaimsView) updateBrowse(k tea.KeyMsg) (ClaimsView, tea.Cmd) {
	keys := v.cm.Keys
	t := v.current()
	// A status answers the key before; left up, "claim saved" would seem
	// to answer the next one too.
	v.status = ""
	if v.staleShown {
		switch {
		case key.Matches(k, keys.Close, keys.Problems):
			v.staleShown = false
		case key.Matches(k, keys.Up):
			v.staleAt = max(0, v.staleAt-1)
		case key.Matches(k, keys.Down):
			v.staleAt = min(len(v.stale)-1, v.staleAt+1)
		}
		return v, nil
	}
	switch {
	case key.Matches(k, keys.Problems) && len(v.stale) > 0:
		v.staleShown, v.staleAt = true, 0
	case key.Matches(k, keys.Close):
		switch {
		case v.holder != "":
			v.holder = ""
		case v.inClaims:
			v.inClaims = false
		default:
			return v, closeClaims
		}
	case key.Matches(k, keys.Up):
		v.move(-1)
	case key.Matches(k, keys.Down):
		v.move(1)
	case key.Matches(k, keys.PageUp):
		v.move(-max(1, v.height/3))
	case key.Matches(k, keys.PageDown):
		v.move(max(1, v.height/3))
	case key.Matches(k, keys.Top):
		v.move(-1 << 20)
	case key.Matches(k, keys.Bottom):
		v.move(1 << 20)
	case key.Matches(k, keys.OpenClaim):
		if cl := v.selectedClaim(); cl != nil {
			return v, openClaim(cl)
		}
		if t != nil && len(v.claimIDs()) > 0 {
			v.inClaims, v.claim = true, 0
		}
	case key.Matches(k, keys.HolderClaims):
		if cl := v.selectedClaim(); cl != nil && v.holder == "" {
			v.holder, v.held, v.heldAt = cl.Holder, v.set.ByHolder(cl.Holder), 0
			for i, id := range v.held {
				if id == cl.ID {
					v.heldAt = i
				}
			}
			v.layOutHeld()
		} else {
			v.holder = ""
		}
	case key.Matches(k, keys.Undo):
		// Before the t == nil case: undoing the dismissal of the last
		// topic is how the list gets it back.
		return v.step(undoStep)
	case key.Matches(k, keys.Redo):
		return v.step(redoStep)
	case key.Matches(k, keys.ShowDismissed) && v.holder == "":
		var at string
		if t != nil {
			at = t.ID
		}
		v.showDismissed = !v.showDismissed
		v.listTopics()
		v.topic, v.inClaims = 0, false
		for i, tp := range v.topics {
			if tp.ID == at {
				v.topic = i
			}
		}
		switch {
		case v.showDismissed && v.dismissed == 0:
			v.status = "no topic is dismissed"
		case v.showDismissed:
			v.status = fmt.Sprintf("%s listed last, marked ×: d brings one back", plural(v.dismissed, "dismissed topic"))
		}
	case t == nil:
	case v.store == nil && isCuration(k, keys):
		v.status = notSaved
	case key.Matches(k, keys.Dismiss) && v.selectedClaim() != nil:
		// On a claim, d says that claim is wrong, as on a topic it says
		// the conflict is.
		cl := v.selectedClaim()
		v.want = cl.Topic
		what := fmt.Sprintf("removed %s’s claim from “%s”", cl.Holder, v.topicLabel(cl.Topic))
		return v, saveChanges(v.cm.Corpus, v.found, v.store, v.author, what, cl.Topic,
			curation.Op{Kind: curation.Drop, Topic: cl.Topic, Doc: v.cm.Corpus.Docs[cl.Doc].Path,
				Start: cl.Start, End: cl.End, Holder: cl.Holder, Text: cl.Text})
	case key.Matches(k, keys.Dismiss) && t.Dismissed:
		if !v.inClaims && v.holder == "" {
			v.want = t.ID
			return v, undismiss(v.cm.Corpus, v.found, v.store, v.author, t.ID, "brought back “"+t.Label+"”")
		}
	case key.Matches(k, keys.Dismiss):
		if !v.inClaims && v.holder == "" {
			return v, saveChanges(v.cm.Corpus, v.found, v.store, v.author, "dismissed “"+t.Label+"”", t.ID,
				curation.Op{Kind: curation.Dismiss, Topic: t.ID})
		}
	case key.Matches(k, keys.Rename) && v.holder == "":
		// In a holder's claims the topic under the cursor is not on
		// screen; renaming it there would be blind.
		v.flow = flow{action: curation.Rename, topic: t.ID}
		v.startInput(typingLabel, "new name: ", t.Label)
	case key.Matches(k, keys.AddNote):
		v.flow = flow{action: curation.Note, topic: t.ID, claim: v.selectedClaim()}
		note := t.Note
		if v.flow.claim != nil {
			note = v.flow.claim.Note
			v.flow.topic = v.flow.claim.Topic
		}
		v.startInput(typingText, "note: ", note)
	case key.Matches(k, keys.MergeTopic):
		if !v.inClaims && v.holder == "" {
			v.flow = flow{action: curation.Merge, topic: t.ID}
			v.startPicker(t.ID, "")
		}
	case key.Matches(k, keys.SetHolder):
		if cl := v.selectedClaim(); cl != nil {
			v.flow = flow{action: curation.Hold, claim: cl, topic: cl.Topic}
			v.startInput(typingLabel, "held by: ", cl.Holder)
			v.input.Placeholder = "a name as the documents write it, Enter to save"
		}
	case key.Matches(k, keys.MoveClaim):
		if cl := v.selectedClaim(); cl != nil {
			v.flow = flow{action: curation.Move, claim: cl, topic: cl.Topic}
			// Its own topic is left out: a move within it adds nothing.
			for _, o := range v.claimsOver(cl.Doc, cl.Start, cl.End, cl.ID) {
				if o.Topic != cl.Topic {
					v.flow.already = append(v.flow.already, o)
				}
			}
			v.startPicker("", "")
		}
	}
	return v, nil
}

// claimsOver returns the claims covering any of doc[start:end] in topics
// not dismissed, but for the claim with ID except.
func (v ClaimsView) claimsOver(doc, start, end, except int) []model.Claim {
	var out []model.Claim
	for i := range v.set.Claims {
		cl := &v.set.Claims[i]
		if cl.ID == except || cl.Doc != doc || cl.End <= start || end <= cl.Start {
			continue
		}
		if t := v.set.Topic(cl.Topic); t != nil && !t.Dismissed {
			out = append(out, *cl)
		}
	}
	return out
}

func (v ClaimsView) topicLabel(id string) string {
	if t := v.set.Topic(id); t != nil {
		return t.Label
	}
	return id
}

// alreadyThere answers the choice of a topic that already has the text
// being marked or moved. Putting it there again would show it twice, so
// a mark goes to the claim that is there, for v to move it to the side
// wanted; a move stays in the picker for another topic.
func (v ClaimsView) alreadyThere(topic string) (ClaimsView, tea.Cmd) {
	var there model.Claim
	for _, cl := range v.flow.already {
		if cl.Topic == topic {
			there = cl
			break
		}
	}
	label := v.topicLabel(topic)
	if v.flow.action == curation.Move {
		v.status = fmt.Sprintf("“%s” already has this text under “%s”, held by %s: choose another topic", label, there.Position, there.Holder)
		return v, nil
	}
	for i, t := range v.topics {
		if t.ID != topic {
			continue
		}
		v.flow, v.holder = flow{}, ""
		v.topic, v.inClaims, v.claim = i, true, 0
		for j, id := range v.claimIDs() {
			if v.set.Claims[id].Start == there.Start && v.set.Claims[id].Doc == there.Doc {
				v.claim = j
			}
		}
		v.status = fmt.Sprintf("already a claim here under “%s”, now selected: %s moves it to another position or topic",
			there.Position, v.cm.Keys.MoveClaim.Help().Key)
		return v, nil
	}
	// A topic not listed (no conflict, nothing curated) cannot be shown.
	v.status = fmt.Sprintf("“%s” already has this text under “%s”: choose another topic", label, there.Position)
	return v, nil
}

const notSaved = "curation is not saved in this session: no annotations file could be opened"

func isCuration(k tea.KeyMsg, keys KeyMap) bool {
	return key.Matches(k, keys.Dismiss, keys.Rename, keys.AddNote, keys.MergeTopic, keys.MoveClaim, keys.SetHolder)
}

func openClaim(cl *model.Claim) tea.Cmd {
	doc, quote, line, end := cl.Doc, cl.Quote, cl.Line, cl.End
	return func() tea.Msg { return claimOpenMsg{doc: doc, quote: quote, line: line, end: end} }
}

func (v *ClaimsView) move(n int) {
	switch {
	case v.holder != "":
		v.heldAt = clamp(v.heldAt+n, 0, len(v.held)-1)
	case v.inClaims:
		v.claim = clamp(v.claim+n, 0, len(v.claimIDs())-1)
	default:
		v.topic = clamp(v.topic+n, 0, len(v.topics)-1)
		v.claim = 0
	}
}

// startPicker lists the topics a claim can go to, "new topic" first;
// except is left out (the topic being merged). The cursor starts on at,
// the topic chosen before when the user steps back, else on the first row.
func (v *ClaimsView) startPicker(except, at string) {
	held := map[string]string{} // topic -> the position holding the text
	for _, cl := range v.flow.already {
		if _, ok := held[cl.Topic]; !ok {
			held[cl.Topic] = cl.Position
		}
	}
	v.picks = nil
	if v.flow.action != curation.Merge {
		v.picks = append(v.picks, pick{label: "+ new topic"})
	}
	for _, t := range v.set.Topics {
		if t.ID != except && !t.Dismissed {
			p := pick{value: t.ID, label: t.Label}
			if pos, ok := held[t.ID]; ok {
				p.note = "has it under “" + pos + "”"
			}
			v.picks = append(v.picks, p)
		}
	}
	v.pickAt = 0
	for i, p := range v.picks {
		if at != "" && p.value == at {
			v.pickAt = i
		}
	}
	v.flow.step = pickingTopic
}

// startPositionPicker lists the positions of the chosen topic with their
// claims, then "new position", so a claim joins a side without its label
// being typed again letter for letter. A moved claim's own position is
// left out: moving it there changes nothing.
func (v *ClaimsView) startPositionPicker(at string) {
	v.picks = nil
	if t := v.set.Topic(v.flow.topic); t != nil {
		for _, p := range t.Positions {
			if cl := v.flow.claim; v.flow.action == curation.Move && cl.Topic == t.ID && cl.Position == p.Label {
				continue
			}
			v.picks = append(v.picks, pick{value: p.Label, label: p.Label, claims: len(p.Claims)})
		}
	}
	v.picks = append(v.picks, pick{label: "+ new position"})
	v.pickAt = 0
	for i, p := range v.picks {
		if at != "" && p.value == at {
			v.pickAt = i
		}
	}
	v.flow.step = pickingPosition
}

func (v ClaimsView) updatePicker(k tea.KeyMsg) (ClaimsView, tea.Cmd) {
	keys := v.cm.Keys
	switch {
	case key.Matches(k, keys.Close):
		if v.flow.step == pickingPosition {
			v.startPicker("", v.flow.topic)
			return v, nil
		}
		back := v.flow.fromReader
		v.flow = flow{}
		v.status = "" // what it said was about the flow just left
		if back {
			return v, closeClaims
		}
	case key.Matches(k, keys.Up):
		v.pickAt = clamp(v.pickAt-1, 0, len(v.picks)-1)
	case key.Matches(k, keys.Down):
		v.pickAt = clamp(v.pickAt+1, 0, len(v.picks)-1)
	case key.Matches(k, keys.Top):
		v.pickAt = 0
	case key.Matches(k, keys.Bottom):
		v.pickAt = max(0, len(v.picks)-1)
	case key.Matches(k, keys.Confirm) && len(v.picks) > 0:
		p := v.picks[v.pickAt]
		switch {
		case v.flow.step == pickingPosition && p.value == "":
			v.startInput(typingPosition, "new position: ", "")
		case v.flow.step == pickingPosition:
			return v.place(p.value)
		case v.flow.action == curation.Merge:
			from := v.flow.topic
			v.flow = flow{}
			v.want = p.value
			return v, saveChanges(v.cm.Corpus, v.found, v.store, v.author, "merged into “"+p.label+"”", from,
				curation.Op{Kind: curation.Merge, Topic: from, Into: p.value})
		case p.value == "":
			v.flow.topic = ""
			v.startInput(typingLabel, "new topic: ", "")
		case p.note != "":
			return v.alreadyThere(p.value)
		default:
			v.flow.label = ""
			v.flow.topic = p.value
			v.startPositionPicker("")
		}
	}
	return v, nil
}

func (v *ClaimsView) startInput(step flowStep, prompt, value string) {
	v.flow.step = step
	v.input.Prompt = prompt
	v.input.SetValue(value)
	v.input.CursorEnd()
	v.input.Focus()
	// Enter on an empty name does nothing; the placeholder says what is
	// wanted so the box does not look stuck.
	v.input.Placeholder = map[flowStep]string{typingLabel: "name the topic, Enter to go on",
		typingPosition: "name the position, Enter to save"}[step]
}

func (v ClaimsView) updateInput(k tea.KeyMsg) (ClaimsView, tea.Cmd) {
	keys := v.cm.Keys
	switch {
	case key.Matches(k, keys.Close):
		return v.inputBack()
	case key.Matches(k, keys.Confirm):
		text := strings.TrimSpace(v.input.Value())
		if text == "" && v.flow.step != typingText {
			return v, nil // a name is needed; Esc cancels
		}
		return v.submit(text)
	}
	var cmd tea.Cmd
	v.input, cmd = v.input.Update(k)
	return v, cmd
}

// inputBack leaves a text box for the step before it: a new topic's
// position goes back to its name, an existing topic's to its positions, a
// topic's name to the topic picker. A rename or note has no step before.
func (v ClaimsView) inputBack() (ClaimsView, tea.Cmd) {
	switch {
	case v.flow.step == typingPosition && v.flow.label != "":
		v.startInput(typingLabel, "new topic: ", v.flow.label)
		v.flow.label = ""
		return v, nil
	case v.flow.step == typingPosition:
		v.input.Blur()
		v.startPositionPicker("")
		v.pickAt = len(v.picks) - 1 // back on "new position", where the box came from
		return v, nil
	case v.flow.step == typingLabel && (v.flow.action == curation.Mark || v.flow.action == curation.Move):
		v.input.Blur()
		v.startPicker("", "")
		return v, nil
	}
	back := v.flow.fromReader
	v.flow = flow{}
	v.input.Blur()
	if back {
		return v, closeClaims
	}
	return v, nil
}

// submit finishes the step typed into, saving when the flow is complete.
func (v ClaimsView) submit(text string) (ClaimsView, tea.Cmd) {
	f := v.flow
	switch {
	case f.action == curation.Rename || f.action == curation.Note || f.action == curation.Hold:
		if text == v.unchanged() {
			// Enter to leave the box: a line that changes nothing would
			// only be one more to undo.
			v.flow = flow{}
			v.input.Blur()
			v.status = "unchanged, nothing saved"
			return v, nil
		}
	}
	switch {
	case f.action == curation.Hold:
		cl := f.claim
		return v.save("claim now held by “"+text+"”", curation.Op{Kind: curation.Hold, Topic: cl.Topic,
			Doc: v.cm.Corpus.Docs[cl.Doc].Path, Start: cl.Start, End: cl.End, Holder: text, Text: cl.Text})
	case f.action == curation.Rename:
		return v.save("renamed to “"+text+"”", curation.Op{Kind: curation.Rename, Topic: f.topic, Label: text})
	case f.action == curation.Note:
		op := curation.Op{Kind: curation.Note, Topic: f.topic, Text: text}
		if f.claim != nil {
			op.Doc = v.cm.Corpus.Docs[f.claim.Doc].Path
			op.Start, op.End = f.claim.Start, f.claim.End
		}
		what := "note saved"
		if text == "" {
			what = "note removed"
		}
		return v.save(what, op)
	case f.step == typingLabel:
		// A new topic has no positions to pick from.
		v.flow.label = text
		v.flow.topic = newTopicID(v.set, text)
		v.startInput(typingPosition, "position: ", "")
		return v, nil
	}
	return v.place(text)
}

// unchanged is what a rename or note box started with: the topic's name,
// or the claim's or topic's note.
func (v ClaimsView) unchanged() string {
	f := v.flow
	switch {
	case f.action == curation.Hold:
		return strings.TrimSpace(f.claim.Holder)
	case f.action == curation.Note && f.claim != nil:
		return strings.TrimSpace(f.claim.Note)
	case f.action == curation.Note:
		return strings.TrimSpace(v.topicNote(f.topic))
	}
	return strings.TrimSpace(v.topicLabel(f.topic))
}

func (v ClaimsView) topicNote(id string) string {
	if t := v.set.Topic(id); t != nil {
		return t.Note
	}
	return ""
}

// place saves the claim being marked or moved under position of the
// chosen topic, creating the topic first when it is new.
func (v ClaimsView) place(position string) (ClaimsView, tea.Cmd) {
	f := v.flow
	var ops []curation.Op
	if f.label != "" {
		ops = append(ops, curation.Op{Kind: curation.NewTopic, Topic: f.topic, Label: f.label})
	}
	c := v.cm.Corpus
	switch f.action {
	case curation.Mark:
		m := f.mark
		ops = append(ops, curation.Op{Kind: curation.Mark, Topic: f.topic, Position: position,
			Doc: c.Docs[m.doc].Path, Start: m.start, End: m.end, Holder: m.holder, Text: c.Docs[m.doc].Text[m.start:m.end]})
		return v.save("claim saved under “"+position+"”", ops...)
	case curation.Move:
		cl := f.claim
		ops = append(ops, curation.Op{Kind: curation.Move, Topic: cl.Topic, Into: f.topic, Position: position,
			Doc: c.Docs[cl.Doc].Path, Start: cl.Start, End: cl.End, Text: cl.Text})
		return v.save("claim moved to “"+position+"”", ops...)
	}
	v.flow = flow{}
	return v, nil
}

// save ends the flow and saves ops, then shows the topic they acted on.
func (v ClaimsView) save(what string, ops ...curation.Op) (ClaimsView, tea.Cmd) {
	topic := v.flow.topic
	if v.flow.action == curation.Move {
		// Undoing a move shows the topic the claim goes back to.
		topic = v.flow.claim.Topic
	}
	v.want = v.flow.topic
	v.flow = flow{}
	v.input.Blur()
	if v.store == nil {
		v.status = notSaved
		return v, nil
	}
	return v, saveChanges(v.cm.Corpus, v.found, v.store, v.author, what, topic, ops...)
}

var slugRE = regexp.MustCompile(`[^a-z0-9]+`)

// newTopicID makes a readable ID for a topic a user creates, unique in set.
func newTopicID(set *model.ClaimSet, label string) string {
	base := "user:" + strings.Trim(slugRE.ReplaceAllString(strings.ToLower(label), "-"), "-")
	id := base
	for n := 2; set.Topic(id) != nil; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	return id
}

func (v *ClaimsView) SetSize(w, h int) {
	v.width, v.height = w, h
	v.input.Width = max(10, w-20)
	if v.holder != "" && w != v.heldWidth {
		v.layOutHeld()
	}
}

func (v ClaimsView) Title() string {
	switch {
	case v.set == nil:
		return "Claims"
	case v.staleShown:
		return "Claims · " + plural(len(v.stale), "change") + " no longer applied"
	case v.holder != "":
		return "Claims of " + printable(v.holder)
	}
	title := fmt.Sprintf("Claims · %s", plural(v.conflicts, "conflict"))
	if v.dismissed > 0 {
		title += fmt.Sprintf(" · %d dismissed", v.dismissed)
	}
	return title
}

// Scroll moves the cursor, for the mouse wheel.
func (v *ClaimsView) Scroll(n int) { v.move(n) }

func (v ClaimsView) ShortHelp() []key.Binding {
	k := v.cm.Keys
	v.staleHelp(&k)
	switch {
	case v.staleShown:
		return []key.Binding{k.Up, k.Down, k.Close}
	case v.picking():
		k.Confirm.SetHelp("enter", "choose")
		return []key.Binding{k.Up, k.Down, k.Confirm, k.Close}
	case v.Typing():
		return []key.Binding{k.Confirm, k.Close}
	}
	k.Undo.SetEnabled(len(v.done) > 0)
	k.Redo.SetEnabled(len(v.undone) > 0)
	v.showDismissedHelp(&k)
	if v.set == nil || len(v.topics) == 0 {
		return []key.Binding{k.Undo, k.Redo, k.ShowDismissed, k.Problems, k.Close} // still finding, or none: nothing to act on
	}
	if v.inClaims || v.holder != "" {
		k.Dismiss.SetHelp(k.Dismiss.Help().Key, "remove claim")
		return []key.Binding{k.OpenClaim, k.HolderClaims, k.MoveClaim, k.AddNote, k.Dismiss, k.Undo, k.Redo, k.Close}
	}
	if t := v.current(); t != nil && t.Dismissed {
		k.Dismiss.SetHelp(k.Dismiss.Help().Key, "bring back")
	}
	return []key.Binding{k.OpenClaim, k.Dismiss, k.Rename, k.MergeTopic, k.Undo, k.Redo, k.Close}
}

// showDismissedHelp offers D where it acts: in the topic list, with
// topics dismissed or shown.
func (v ClaimsView) showDismissedHelp(k *KeyMap) {
	k.ShowDismissed.SetEnabled(v.holder == "" && (v.dismissed > 0 || v.showDismissed))
	if v.showDismissed {
		k.ShowDismissed.SetHelp(k.ShowDismissed.Help().Key, "hide dismissed")
	}
}

// staleHelp offers ! when saved changes no longer apply.
func (v ClaimsView) staleHelp(k *KeyMap) {
	k.Problems.SetHelp(k.Problems.Help().Key, "changes no longer applied")
	k.Problems.SetEnabled(len(v.stale) > 0)
}

func (v ClaimsView) FullHelp() [][]key.Binding {
	k := v.cm.Keys
	v.staleHelp(&k)
	switch {
	case v.staleShown:
		return [][]key.Binding{{k.Up, k.Down, k.Close}}
	case v.picking():
		k.Confirm.SetHelp("enter", "choose")
		return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, {k.Confirm, k.Close}}
	case v.Typing():
		// A text box takes j, k and the arrows as text or cursor moves:
		// only Enter and Esc act on the step.
		return [][]key.Binding{{k.Confirm, k.Close}}
	}
	k.Undo.SetEnabled(len(v.done) > 0)
	k.Redo.SetEnabled(len(v.undone) > 0)
	v.showDismissedHelp(&k)
	if v.set == nil || len(v.topics) == 0 {
		return [][]key.Binding{{k.Undo, k.Redo, k.ShowDismissed, k.Problems, k.Close}}
	}
	// Topic keys act in the topic list, claim keys on a chosen claim; the
	// help offers only those that would do something now.
	inList, onClaim := !v.inClaims && v.holder == "", v.selectedClaim() != nil
	k.Dismiss.SetEnabled(inList || onClaim)
	switch t := v.current(); {
	case onClaim:
		k.Dismiss.SetHelp(k.Dismiss.Help().Key, "remove claim")
	case t != nil && t.Dismissed:
		k.Dismiss.SetHelp(k.Dismiss.Help().Key, "bring back")
	}
	k.MergeTopic.SetEnabled(inList)
	k.Rename.SetEnabled(v.holder == "")
	k.HolderClaims.SetEnabled(onClaim)
	k.MoveClaim.SetEnabled(onClaim)
	k.SetHolder.SetEnabled(onClaim)
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.OpenClaim, k.HolderClaims, k.Problems, k.Close},
		{k.Dismiss, k.ShowDismissed, k.Rename, k.MergeTopic, k.MoveClaim, k.SetHolder, k.AddNote, k.Undo, k.Redo},
	}
}

// View draws the topic list beside (wide) or above (narrow) the chosen
// topic's positions, then the status or the text box.
func (v ClaimsView) View() string {
	st := v.cm.Styles
	if v.set == nil {
		return st.Muted.Render("Finding conflicting claims…")
	}
	footer := v.footer()
	h := v.height - len(footer)
	var body []string
	switch {
	case v.staleShown:
		body = v.staleLines(v.width, h)
	case v.picking():
		body = v.pickerLines(v.width, h)
	case v.Typing() && (v.flow.action == curation.Mark || v.flow.action == curation.Move || v.flow.action == curation.Hold):
		body = v.subjectLines(v.width)
	case v.holder != "":
		body = v.holderLines(h)
	case len(v.topics) == 0:
		body = []string{st.Muted.Render("No conflicting claims found. Mark a quote in the reader with m to start a topic.")}
		if v.dismissed > 0 {
			body = append(body, st.Muted.Render(fmt.Sprintf("%s dismissed: %s lists them.", plural(v.dismissed, "topic"), v.cm.Keys.ShowDismissed.Help().Key)))
		}
	case v.width >= 100:
		// Topic labels are a few shared words and two sides: 56 columns show
		// most whole at 200, and leave positions 2-3 columns side by side.
		left := min(56, v.width*3/10)
		body = sideBySide(v.topicLines(left, h), v.topicDetail(v.width-left-2, h), left, 2, h)
	default:
		top := min(len(v.topics), max(3, h/4))
		body = append(v.topicLines(v.width, top), st.Faint.Render(strings.Repeat("─", v.width)))
		body = append(body, v.topicDetail(v.width, h-top-1)...)
	}
	if len(body) > h {
		body = body[:max(0, h)]
	}
	for len(body) < h {
		body = append(body, "")
	}
	return strings.Join(append(body, footer...), "\n")
}

func (v ClaimsView) footer() []string {
	st := v.cm.Styles
	switch v.flow.step {
	case typingLabel, typingPosition, typingText:
		return []string{fit(v.input.View(), v.width)}
	}
	if v.status != "" {
		// Up to three lines: an error names a file and a line number,
		// which must not be cut off.
		lines := wrapLines(v.status, v.width, 3)
		for i, l := range lines {
			lines[i] = st.Muted.Render(l)
		}
		return lines
	}
	return nil
}

// topicLines is the ranked topic list, scrolled to keep the cursor in view.
// Only the rows on screen are drawn, so a frame costs the same over fifty
// topics or fifty thousand.
func (v ClaimsView) topicLines(w, h int) []string {
	lo, hi := windowRange(len(v.topics), v.topic, h)
	lines := make([]string, 0, hi-lo)
	for i := lo; i < hi; i++ {
		lines = append(lines, v.topicRow(i, w))
	}
	return lines
}

func (v ClaimsView) topicRow(i, w int) string {
	st := v.cm.Styles
	t := v.topics[i]
	mark := " "
	if t.Curated {
		mark = "+"
	}
	sel := i == v.topic
	score := fmt.Sprintf("%5.1f", t.Score)
	label := fit(printable(t.Label), max(1, w-10))
	style := st.Normal
	switch {
	case sel:
		style = st.Selected
	case t.Dismissed:
		style = st.Muted
	}
	if t.Dismissed {
		mark = "×" // a character, so it survives NO_COLOR
	}
	return selectionBar(st, sel, !v.inClaims) + st.Muted.Render(score) + " " + mark + " " + style.Render(label)
}

// topicDetail is the chosen topic: why it was found, then its positions,
// side by side when each column gets room, else one below the other.
func (v ClaimsView) topicDetail(w, h int) []string {
	st := v.cm.Styles
	t := v.current()
	if t == nil || h <= 0 {
		return nil
	}
	head := []string{fit(st.Header.Render(printable(t.Label)), w)}
	if t.Dismissed {
		head = append(head, fit(st.Muted.Render("× dismissed: "+v.cm.Keys.Dismiss.Help().Key+" brings it back"), w))
	}
	if why := t.Why.String(); why != "" {
		head = append(head, fit(st.Muted.Render(why), w))
	}
	if t.Note != "" {
		head = append(head, fit(st.Muted.Render("note: "+printable(t.Note)), w))
	}
	n := len(t.Positions)
	colW := 0
	if n > 0 {
		colW = (w - 2*(n-1)) / n
	}
	rest := h - len(head) - 1
	var body []string
	if n >= 2 && colW >= 44 {
		var cols []positionLayout
		selLine, longest := 0, 0
		for _, p := range t.Positions {
			col := v.layOut(p, cols, colW)
			if col.sel >= 0 {
				selLine = col.sel
			}
			longest = max(longest, col.lines)
			cols = append(cols, col)
		}
		lo, hi := windowRange(longest, selLine, rest)
		body = v.drawLines(cols[0], lo, hi)
		for i := 1; i < len(cols); i++ {
			body = sideBySide(body, v.drawLines(cols[i], lo, hi), colW*i+2*(i-1), 2, 0)
		}
	} else {
		var stack []positionLayout
		selLine, titleLine, lines := 0, 0, 0
		for _, p := range t.Positions {
			col := v.layOut(p, stack, w)
			if col.sel >= 0 {
				selLine, titleLine = lines+col.sel, lines
			}
			lines += col.lines
			stack = append(stack, col)
		}
		// Keep the selected claim's position title on screen when it
		// fits, so the side it takes is never scrolled away.
		target := selLine
		if selLine-titleLine < rest*2/3 {
			target = titleLine + rest/3
		}
		lo, hi := windowRange(lines, target, rest)
		at := 0
		for _, col := range stack {
			body = append(body, v.drawLines(col, lo-at, hi-at)...)
			at += col.lines
		}
	}
	return append(append(head, ""), body...)
}

// positionLayout is where the lines of one position fall, worked out
// without drawing them: a topic's positions are laid out in full, then
// only the lines on screen are drawn.
type positionLayout struct {
	p       model.Position
	first   int   // index of its first claim among the topic's
	heights []int // lines of each claim
	lines   int   // lines in all, its title included
	sel     int   // line of the selected claim, or -1
	w       int
}

// layOut lays position p out at width w after the positions before it.
func (v ClaimsView) layOut(p model.Position, before []positionLayout, w int) positionLayout {
	l := positionLayout{p: p, heights: make([]int, len(p.Claims)), lines: 1, sel: -1, w: w}
	for _, b := range before {
		l.first += len(b.p.Claims)
	}
	for i, id := range p.Claims {
		if v.inClaims && l.first+i == v.claim {
			l.sel = l.lines
		}
		l.heights[i] = v.claimHeight(&v.set.Claims[id], w, "")
		l.lines += l.heights[i]
	}
	return l
}

// drawLines draws lines [lo, hi) of a laid out position: its label and
// claim count, then each claim as a line of holder and place and two of
// text.
func (v ClaimsView) drawLines(l positionLayout, lo, hi int) []string {
	st := v.cm.Styles
	lo, hi = max(lo, 0), min(hi, l.lines)
	var lines []string
	if lo == 0 && hi > 0 {
		title := fmt.Sprintf("── %s (%d) ", printable(l.p.Label), len(l.p.Claims))
		lines = append(lines, st.Header.Render(fit(title+strings.Repeat("─", max(0, l.w-ansi.StringWidth(title))), l.w)))
	}
	at := 1
	for i, id := range l.p.Claims {
		if at >= hi {
			break
		}
		if at+l.heights[i] > lo {
			cl := v.claimLines(&v.set.Claims[id], l.w, v.inClaims && l.first+i == v.claim, "")
			lines = append(lines, cl[max(0, lo-at):min(len(cl), hi-at)]...)
		}
		at += l.heights[i]
	}
	return lines
}

// claimLines is one claim: "+" for curated, "·" for found automatically,
// holder and doc:line, then up to two lines of its text.
func (v ClaimsView) claimLines(cl *model.Claim, w int, selected bool, context string) []string {
	st := v.cm.Styles
	mark := "·"
	if cl.Curated {
		mark = "+"
	}
	holder, where, oneLine := v.claimPlace(cl, w)
	head := selectionBar(st, selected, true) + mark + " " + st.Speaker(cl.Speaker).Render(holder)
	var out []string
	if oneLine {
		out = []string{head + " " + st.Muted.Render(where)}
	} else {
		out = []string{fit(head, w), fit("    "+st.Muted.Render(where), w)}
	}
	if context != "" {
		out = append(out, fit("    "+st.Muted.Render(printable(context)), w))
	}
	style := st.Normal
	if selected {
		style = st.Selected
	}
	for _, l := range claimText(cl, w) {
		out = append(out, "    "+style.Render(l))
	}
	if cl.Note != "" {
		out = append(out, fit("    "+st.Muted.Render("note: "+printable(cl.Note)), w))
	}
	return out
}

// claimHeight is the number of lines claimLines draws, found without
// drawing them.
func (v ClaimsView) claimHeight(cl *model.Claim, w int, context string) int {
	n := 2
	if _, _, oneLine := v.claimPlace(cl, w); oneLine {
		n = 1
	}
	if context != "" {
		n++
	}
	n += len(claimText(cl, w))
	if cl.Note != "" {
		n++
	}
	return n
}

// claimPlace is a claim's holder and document:line as shown, and whether
// both fit on one line of w. The place is what Enter opens; it goes on a
// line of its own rather than be cut off.
func (v ClaimsView) claimPlace(cl *model.Claim, w int) (holder, where string, oneLine bool) {
	where = printable(fmt.Sprintf("%s:%d", v.cm.Corpus.Docs[cl.Doc].Path, cl.Line))
	holder = printable(cl.Holder)
	return holder, where, ansi.StringWidth(holder)+ansi.StringWidth(where)+5 <= w
}

// claimText is a claim's text as shown, in up to two lines.
func claimText(cl *model.Claim, w int) []string {
	return wrapLines("“"+cl.Text+"”", max(1, w-4), 2)
}

// staleLines lists the saved changes that no longer apply, each wrapped
// whole: which document or topic they name is what the user needs.
func (v ClaimsView) staleLines(w, h int) []string {
	st := v.cm.Styles
	head := []string{st.Header.Render(fit("Saved changes that no longer apply", w)),
		fit(st.Muted.Render("They stay in the annotations file; redo them here if still wanted."), w), ""}
	var rows []string
	at := 0
	for i, s := range v.stale {
		if i == v.staleAt {
			at = len(rows)
		}
		for j, l := range wrapLines(printable(s), max(1, w-2), 4) {
			lead := "  "
			if j == 0 {
				lead = selectionBar(st, i == v.staleAt, true)
			}
			rows = append(rows, lead+l)
		}
	}
	return append(head, window(rows, at, h-len(head))...)
}

// layOutHeld works out the context and height of each claim in the
// holder's list at the view's width. It makes new slices: copies of the
// view may share the old ones.
func (v *ClaimsView) layOutHeld() {
	v.heldContexts, v.heldHeights, v.heldWidth = make([]string, len(v.held)), make([]int, len(v.held)), v.width
	for i, id := range v.held {
		v.heldContexts[i] = v.heldContext(id)
		v.heldHeights[i] = v.claimHeight(&v.set.Claims[id], v.width, v.heldContexts[i])
	}
}

// holderLines lists every claim of one holder with its topic and position,
// as laid out by layOutHeld; only those on screen are drawn.
func (v ClaimsView) holderLines(h int) []string {
	sel, total := 0, 0
	for i, n := range v.heldHeights {
		if i == v.heldAt {
			sel = total
		}
		total += n
	}
	lo, hi := windowRange(total, sel, h)
	var lines []string
	at := 0
	for i, id := range v.held {
		if at >= hi {
			break
		}
		if at+v.heldHeights[i] > lo {
			cl := v.claimLines(&v.set.Claims[id], v.heldWidth, i == v.heldAt, v.heldContexts[i])
			lines = append(lines, cl[max(0, lo-at):min(len(cl), hi-at)]...)
		}
		at += v.heldHeights[i]
	}
	return lines
}

// heldContext says where a claim in a holder's list stands: its topic and
// position.
func (v ClaimsView) heldContext(id int) string {
	cl := &v.set.Claims[id]
	if t := v.set.Topic(cl.Topic); t != nil {
		return t.Label + " → " + cl.Position
	}
	return cl.Position
}

func (v ClaimsView) pickerLines(w, h int) []string {
	st := v.cm.Styles
	lines := v.subjectLines(w)
	// Only the rows on screen are drawn: the topic picker lists every
	// topic.
	lo, hi := windowRange(len(v.picks), v.pickAt, h-len(lines))
	var rows []string
	for i := lo; i < hi; i++ {
		p := v.picks[i]
		style := st.Normal
		if i == v.pickAt {
			style = st.Selected
		}
		label := printable(p.label)
		if p.value != "" && v.flow.step == pickingPosition {
			// The count is what tells a strong side from a stray one.
			count := " · " + plural(p.claims, "claim")
			label = fit(label, max(1, w-2-ansi.StringWidth(count)))
			rows = append(rows, selectionBar(st, i == v.pickAt, true)+style.Render(label)+st.Muted.Render(count))
			continue
		}
		if p.note != "" {
			note := " · " + p.note
			label = fit(label, max(1, w-2-ansi.StringWidth(note)))
			rows = append(rows, selectionBar(st, i == v.pickAt, true)+style.Render(label)+st.Muted.Render(note))
			continue
		}
		rows = append(rows, selectionBar(st, i == v.pickAt, true)+style.Render(fit(label, w-2)))
	}
	return append(lines, rows...)
}

// subjectLines say what a mark, move or merge acts on, above its topic
// picker and its text boxes, so the user never types a topic or position
// name without seeing what it is for.
func (v ClaimsView) subjectLines(w int) []string {
	st := v.cm.Styles
	verb := map[string]string{curation.Mark: "Mark as a claim under", curation.Move: "Move the claim to",
		curation.Merge: "Merge this topic into", curation.Hold: "Say who holds the claim"}[v.flow.action]
	lines := []string{st.Header.Render(verb + ":")}
	quoted := func(holder, text string) string {
		return fit(st.Muted.Render(printable(holder)+": “"+printable(strings.Join(strings.Fields(text), " "))+"”"), w)
	}
	switch v.flow.action {
	case curation.Mark:
		m := v.flow.mark
		lines = append(lines, quoted(m.holder, v.cm.Corpus.Docs[m.doc].Text[m.start:m.end]))
	case curation.Move, curation.Hold:
		if cl := v.flow.claim; cl != nil {
			lines = append(lines, quoted(cl.Holder, cl.Text))
		}
	case curation.Merge:
		if t := v.set.Topic(v.flow.topic); t != nil {
			lines = append(lines, fit(st.Muted.Render("“"+printable(t.Label)+"”"), w))
		}
	}
	if v.Typing() || v.flow.step == pickingPosition {
		switch {
		case v.flow.label != "":
			lines = append(lines, fit("topic: "+printable(v.flow.label)+st.Muted.Render(" (new)"), w))
		case v.flow.step == typingPosition || v.flow.step == pickingPosition:
			if t := v.set.Topic(v.flow.topic); t != nil {
				lines = append(lines, fit("topic: "+printable(t.Label), w))
			}
		}
	}
	return lines
}

// window returns at most h of lines, scrolled so line sel is in view.
func window(lines []string, sel, h int) []string {
	lo, hi := windowRange(len(lines), sel, h)
	if hi == 0 {
		return nil
	}
	return lines[lo:hi]
}

// windowRange is the part [lo, hi) of n lines that window shows, so that a
// view can draw only those.
func windowRange(n, sel, h int) (lo, hi int) {
	if h <= 0 {
		return 0, 0
	}
	if n <= h {
		return 0, n
	}
	off := clamp(sel-h/3, 0, n-h)
	return off, off + h
}

// sideBySide puts right beside left, left padded to leftW and gap spaces;
// h > 0 pads both to h lines.
func sideBySide(left, right []string, leftW, gap, h int) []string {
	n := max(len(left), len(right), h)
	out := make([]string, n)
	for i := range out {
		var l, r string
		if i < len(left) {
			l = fit(left[i], leftW)
		}
		if i < len(right) {
			r = right[i]
		}
		if r == "" {
			out[i] = l
			continue
		}
		out[i] = l + strings.Repeat(" ", max(0, leftW-ansi.StringWidth(l))+gap) + r
	}
	return out
}
