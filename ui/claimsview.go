package ui

import (
	"fmt"
	"regexp"
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

	found  *model.ClaimSet // as found by rules; nil until found
	set    *model.ClaimSet // found with the user's curation applied
	topics []*model.Topic  // set.Listed()

	topic    int  // index into topics
	claim    int  // index into the chosen topic's claims, in position order
	inClaims bool // the cursor is on claims, not topics
	holder   string
	held     []int // claim IDs of holder, when showing a holder's claims
	heldAt   int

	flow   flow
	input  textinput.Model
	picks  []pick
	pickAt int

	status string
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
}

type flowStep int

const (
	flowBrowse flowStep = iota
	pickingTopic
	typingLabel
	typingPosition
	typingText
)

// pick is one row of the topic picker; an empty topic is "new topic".
type pick struct {
	topic string
	label string
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

// saveChanges appends ops to the store and re-applies the curation.
func saveChanges(c *model.Corpus, found *model.ClaimSet, store *curation.Store, author, what string, ops ...curation.Op) tea.Cmd {
	return func() tea.Msg {
		for _, op := range ops {
			if err := store.Add(author, op); err != nil {
				return claimsSavedMsg{shown: curate(c, found, store), err: fmt.Errorf("not saved: %w", err)}
			}
		}
		return claimsSavedMsg{shown: curate(c, found, store), what: what}
	}
}

func (v *ClaimsView) show(s shownClaims) {
	var current string
	if t := v.current(); t != nil {
		current = t.ID
	}
	v.set = s.set
	v.topics = s.set.Listed()
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
	if len(s.stale) > 0 {
		v.status = fmt.Sprintf("%s no longer apply: %s", plural(len(s.stale), "saved change"), s.stale[0])
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
	v.flow = flow{action: curation.Mark, mark: t, fromReader: true}
	v.startPicker("")
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
		if msg.err != nil {
			v.status = msg.err.Error()
		} else if msg.what != "" {
			v.status = msg.what
		}
		return v, nil
	case tea.KeyMsg:
		if v.set == nil {
			if key.Matches(msg, v.cm.Keys.Close) {
				return v, closeClaims
			}
			return v, nil
		}
		switch v.flow.step {
		case pickingTopic:
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
	switch {
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
		} else {
			v.holder = ""
		}
	case t == nil:
	case v.store == nil && isCuration(k, keys):
		v.status = "curation is not saved in this session: no annotations file could be opened"
	case key.Matches(k, keys.Dismiss):
		if !v.inClaims && v.holder == "" {
			return v, saveChanges(v.cm.Corpus, v.found, v.store, v.author, "dismissed “"+t.Label+"”",
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
			v.startPicker(t.ID)
		}
	case key.Matches(k, keys.MoveClaim):
		if cl := v.selectedClaim(); cl != nil {
			v.flow = flow{action: curation.Move, claim: cl, topic: cl.Topic}
			v.startPicker("")
		}
	}
	return v, nil
}

func isCuration(k tea.KeyMsg, keys KeyMap) bool {
	return key.Matches(k, keys.Dismiss, keys.Rename, keys.AddNote, keys.MergeTopic, keys.MoveClaim)
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
// except is left out (the topic being merged).
func (v *ClaimsView) startPicker(except string) {
	v.picks = nil
	if v.flow.action != curation.Merge {
		v.picks = append(v.picks, pick{label: "+ new topic"})
	}
	for _, t := range v.set.Topics {
		if t.ID != except && !t.Dismissed {
			v.picks = append(v.picks, pick{topic: t.ID, label: t.Label})
		}
	}
	v.pickAt = 0
	v.flow.step = pickingTopic
}

func (v ClaimsView) updatePicker(k tea.KeyMsg) (ClaimsView, tea.Cmd) {
	keys := v.cm.Keys
	switch {
	case key.Matches(k, keys.Close):
		back := v.flow.fromReader
		v.flow = flow{}
		if back {
			return v, closeClaims
		}
	case key.Matches(k, keys.Up):
		v.pickAt = clamp(v.pickAt-1, 0, len(v.picks)-1)
	case key.Matches(k, keys.Down):
		v.pickAt = clamp(v.pickAt+1, 0, len(v.picks)-1)
	case key.Matches(k, keys.Confirm) && len(v.picks) > 0:
		p := v.picks[v.pickAt]
		if v.flow.action == curation.Merge {
			from := v.flow.topic
			v.flow = flow{}
			v.want = p.topic
			return v, saveChanges(v.cm.Corpus, v.found, v.store, v.author, "merged into “"+p.label+"”",
				curation.Op{Kind: curation.Merge, Topic: from, Into: p.topic})
		}
		if p.topic == "" {
			v.startInput(typingLabel, "new topic: ", "")
			return v, nil
		}
		v.flow.label = ""
		v.flow.topic = p.topic
		v.startInput(typingPosition, "position: ", "")
	}
	return v, nil
}

func (v *ClaimsView) startInput(step flowStep, prompt, value string) {
	v.flow.step = step
	v.input.Prompt = prompt
	v.input.SetValue(value)
	v.input.CursorEnd()
	v.input.Focus()
	v.input.Placeholder = ""
	if step == typingPosition {
		v.input.Placeholder = strings.Join(v.positionsOf(v.flow.topic), ", ")
	}
}

func (v ClaimsView) positionsOf(topic string) []string {
	t := v.set.Topic(topic)
	if t == nil {
		return nil
	}
	var out []string
	for _, p := range t.Positions {
		out = append(out, p.Label)
	}
	return out
}

func (v ClaimsView) updateInput(k tea.KeyMsg) (ClaimsView, tea.Cmd) {
	keys := v.cm.Keys
	switch {
	case key.Matches(k, keys.Close):
		back := v.flow.fromReader
		v.flow = flow{}
		v.input.Blur()
		if back {
			return v, closeClaims
		}
		return v, nil
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

// submit finishes the step typed into, saving when the flow is complete.
func (v ClaimsView) submit(text string) (ClaimsView, tea.Cmd) {
	f := v.flow
	save := func(what string, ops ...curation.Op) (ClaimsView, tea.Cmd) {
		v.want = f.topic
		v.flow = flow{}
		v.input.Blur()
		return v, saveChanges(v.cm.Corpus, v.found, v.store, v.author, what, ops...)
	}
	switch {
	case f.action == curation.Rename:
		return save("renamed to “"+text+"”", curation.Op{Kind: curation.Rename, Topic: f.topic, Label: text})
	case f.action == curation.Note:
		op := curation.Op{Kind: curation.Note, Topic: f.topic, Text: text}
		if f.claim != nil {
			op.Doc = v.cm.Corpus.Docs[f.claim.Doc].Path
			op.Start, op.End = f.claim.Start, f.claim.End
		}
		return save("note saved", op)
	case f.step == typingLabel:
		v.flow.label = text
		v.flow.topic = newTopicID(v.set, text)
		v.startInput(typingPosition, "position: ", "")
		return v, nil
	}
	// A position was typed: place the claim.
	var ops []curation.Op
	if f.label != "" {
		ops = append(ops, curation.Op{Kind: curation.NewTopic, Topic: f.topic, Label: f.label})
	}
	c := v.cm.Corpus
	switch f.action {
	case curation.Mark:
		m := f.mark
		ops = append(ops, curation.Op{Kind: curation.Mark, Topic: f.topic, Position: text,
			Doc: c.Docs[m.doc].Path, Start: m.start, End: m.end, Holder: m.holder, Text: c.Docs[m.doc].Text[m.start:m.end]})
		return save("claim saved under “"+text+"”", ops...)
	case curation.Move:
		cl := f.claim
		ops = append(ops, curation.Op{Kind: curation.Move, Topic: cl.Topic, Into: f.topic, Position: text,
			Doc: c.Docs[cl.Doc].Path, Start: cl.Start, End: cl.End, Text: cl.Text})
		return save("claim moved to “"+text+"”", ops...)
	}
	v.flow = flow{}
	return v, nil
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

func (v *ClaimsView) SetSize(w, h int) { v.width, v.height = w, h; v.input.Width = max(10, w-20) }

func (v ClaimsView) Title() string {
	switch {
	case v.set == nil:
		return "Claims"
	case v.holder != "":
		return "Claims of " + printable(v.holder)
	}
	return fmt.Sprintf("Claims · %s", plural(len(v.set.Conflicts()), "conflict"))
}

// Scroll moves the cursor, for the mouse wheel.
func (v *ClaimsView) Scroll(n int) { v.move(n) }

func (v ClaimsView) ShortHelp() []key.Binding {
	k := v.cm.Keys
	switch v.flow.step {
	case pickingTopic, typingLabel, typingPosition, typingText:
		return []key.Binding{k.Confirm, k.Close}
	}
	if v.set == nil || len(v.topics) == 0 {
		return []key.Binding{k.Close} // still finding, or none: nothing to act on
	}
	if v.inClaims || v.holder != "" {
		return []key.Binding{k.OpenClaim, k.HolderClaims, k.MoveClaim, k.AddNote, k.Close}
	}
	return []key.Binding{k.OpenClaim, k.Dismiss, k.Rename, k.MergeTopic, k.Close}
}

func (v ClaimsView) FullHelp() [][]key.Binding {
	k := v.cm.Keys
	switch v.flow.step {
	case pickingTopic, typingLabel, typingPosition, typingText:
		return [][]key.Binding{{k.Up, k.Down, k.Confirm, k.Close}}
	}
	if v.set == nil || len(v.topics) == 0 {
		return [][]key.Binding{{k.Close}}
	}
	// Topic keys act in the topic list, claim keys on a chosen claim; the
	// help offers only those that would do something now.
	inList, onClaim := !v.inClaims && v.holder == "", v.selectedClaim() != nil
	k.Dismiss.SetEnabled(inList)
	k.MergeTopic.SetEnabled(inList)
	k.Rename.SetEnabled(v.holder == "")
	k.HolderClaims.SetEnabled(onClaim)
	k.MoveClaim.SetEnabled(onClaim)
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.OpenClaim, k.HolderClaims, k.Close},
		{k.Dismiss, k.Rename, k.MergeTopic, k.MoveClaim, k.AddNote},
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
	case v.flow.step == pickingTopic:
		body = v.pickerLines(v.width, h)
	case v.Typing() && (v.flow.action == curation.Mark || v.flow.action == curation.Move):
		body = v.subjectLines(v.width)
	case v.holder != "":
		body = v.holderLines(v.width, h)
	case len(v.topics) == 0:
		body = []string{st.Muted.Render("No conflicting claims found. Mark a quote in the reader with m to start a topic.")}
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
func (v ClaimsView) topicLines(w, h int) []string {
	st := v.cm.Styles
	var lines []string
	for i, t := range v.topics {
		mark := " "
		if t.Curated {
			mark = "+"
		}
		sel := i == v.topic
		score := fmt.Sprintf("%5.1f", t.Score)
		label := fit(printable(t.Label), max(1, w-10))
		style := st.Normal
		if sel {
			style = st.Selected
		}
		lines = append(lines, selectionBar(st, sel, !v.inClaims)+st.Muted.Render(score)+" "+mark+" "+style.Render(label))
	}
	return window(lines, v.topic, h)
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
		var cols [][]string
		selLine := 0
		idx := 0
		for _, p := range t.Positions {
			col, sel := v.positionLines(p, idx, colW)
			if sel >= 0 {
				selLine = sel
			}
			idx += len(p.Claims)
			cols = append(cols, col)
		}
		joined := cols[0]
		for i := 1; i < len(cols); i++ {
			joined = sideBySide(joined, cols[i], colW*i+2*(i-1), 2, 0)
		}
		body = window(joined, selLine, rest)
	} else {
		var all []string
		selLine, titleLine, idx := 0, 0, 0
		for _, p := range t.Positions {
			col, sel := v.positionLines(p, idx, w)
			if sel >= 0 {
				selLine, titleLine = len(all)+sel, len(all)
			}
			idx += len(p.Claims)
			all = append(all, col...)
		}
		// Keep the selected claim's position title on screen when it
		// fits, so the side it takes is never scrolled away.
		if selLine-titleLine < rest*2/3 {
			body = window(all, titleLine+rest/3, rest)
		} else {
			body = window(all, selLine, rest)
		}
	}
	return append(append(head, ""), body...)
}

// positionLines draws one position: its label and claim count, then each
// claim as a line of holder and place and two of text. first is the index
// of its first claim among the topic's; sel is the line of the selected
// claim, or -1.
func (v ClaimsView) positionLines(p model.Position, first, w int) (lines []string, sel int) {
	st := v.cm.Styles
	sel = -1
	title := fmt.Sprintf("── %s (%d) ", printable(p.Label), len(p.Claims))
	lines = append(lines, st.Header.Render(fit(title+strings.Repeat("─", max(0, w-ansi.StringWidth(title))), w)))
	for i, id := range p.Claims {
		selected := v.inClaims && first+i == v.claim
		if selected {
			sel = len(lines)
		}
		lines = append(lines, v.claimLines(&v.set.Claims[id], w, selected, "")...)
	}
	return lines, sel
}

// claimLines is one claim: "+" for curated, "·" for found automatically,
// holder and doc:line, then up to two lines of its text.
func (v ClaimsView) claimLines(cl *model.Claim, w int, selected bool, context string) []string {
	st := v.cm.Styles
	mark := "·"
	if cl.Curated {
		mark = "+"
	}
	where := printable(fmt.Sprintf("%s:%d", v.cm.Corpus.Docs[cl.Doc].Path, cl.Line))
	holder := printable(cl.Holder)
	head := selectionBar(st, selected, true) + mark + " " + st.Speaker(cl.Speaker).Render(holder)
	var out []string
	// The place is what Enter opens; it goes on a line of its own rather
	// than be cut off.
	if ansi.StringWidth(holder)+ansi.StringWidth(where)+5 <= w {
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
	for _, l := range wrapLines("“"+cl.Text+"”", max(1, w-4), 2) {
		out = append(out, "    "+style.Render(l))
	}
	if cl.Note != "" {
		out = append(out, fit("    "+st.Muted.Render("note: "+printable(cl.Note)), w))
	}
	return out
}

// holderLines lists every claim of one holder with its topic and position.
func (v ClaimsView) holderLines(w, h int) []string {
	var lines []string
	sel := 0
	for i, id := range v.held {
		cl := &v.set.Claims[id]
		ctx := cl.Position
		if t := v.set.Topic(cl.Topic); t != nil {
			ctx = t.Label + " → " + cl.Position
		}
		if i == v.heldAt {
			sel = len(lines)
		}
		lines = append(lines, v.claimLines(cl, w, i == v.heldAt, ctx)...)
	}
	return window(lines, sel, h)
}

func (v ClaimsView) pickerLines(w, h int) []string {
	st := v.cm.Styles
	lines := v.subjectLines(w)
	var rows []string
	for i, p := range v.picks {
		style := st.Normal
		if i == v.pickAt {
			style = st.Selected
		}
		rows = append(rows, selectionBar(st, i == v.pickAt, true)+style.Render(fit(printable(p.label), w-2)))
	}
	return append(lines, window(rows, v.pickAt, h-len(lines))...)
}

// subjectLines say what a mark, move or merge acts on, above its topic
// picker and its text boxes, so the user never types a topic or position
// name without seeing what it is for.
func (v ClaimsView) subjectLines(w int) []string {
	st := v.cm.Styles
	verb := map[string]string{curation.Mark: "Mark as a claim under", curation.Move: "Move the claim to",
		curation.Merge: "Merge this topic into"}[v.flow.action]
	lines := []string{st.Header.Render(verb + ":")}
	quoted := func(holder, text string) string {
		return fit(st.Muted.Render(printable(holder)+": “"+printable(strings.Join(strings.Fields(text), " "))+"”"), w)
	}
	switch v.flow.action {
	case curation.Mark:
		m := v.flow.mark
		lines = append(lines, quoted(m.holder, v.cm.Corpus.Docs[m.doc].Text[m.start:m.end]))
	case curation.Move:
		if cl := v.flow.claim; cl != nil {
			lines = append(lines, quoted(cl.Holder, cl.Text))
		}
	case curation.Merge:
		if t := v.set.Topic(v.flow.topic); t != nil {
			lines = append(lines, fit(st.Muted.Render("“"+printable(t.Label)+"”"), w))
		}
	}
	if v.Typing() {
		switch {
		case v.flow.label != "":
			lines = append(lines, fit("topic: "+printable(v.flow.label)+st.Muted.Render(" (new)"), w))
		case v.flow.step == typingPosition:
			if t := v.set.Topic(v.flow.topic); t != nil {
				lines = append(lines, fit("topic: "+printable(t.Label), w))
			}
		}
	}
	return lines
}

// window returns at most h of lines, scrolled so line sel is in view.
func window(lines []string, sel, h int) []string {
	if h <= 0 {
		return nil
	}
	if len(lines) <= h {
		return lines
	}
	off := clamp(sel-h/3, 0, len(lines)-h)
	return lines[off : off+h]
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
