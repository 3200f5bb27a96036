package ui

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
)

// KeyMap is every binding of the reader. Panes match against it with
// key.Matches and list the ones that apply in their help, so the help
// screen cannot drift from the keys.
type KeyMap struct {
	// Global, whatever pane has focus (but not while typing a query).
	NextPane  key.Binding
	PrevPane  key.Binding
	Search    key.Binding
	Problems  key.Binding
	Help      key.Binding
	Quit      key.Binding
	ForceQuit key.Binding // quits even while typing

	// Loading screen: the only key it takes.
	CancelLoad key.Binding

	// Moving in lists and in the reader.
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Top      key.Binding
	Bottom   key.Binding

	// Documents.
	OpenDoc key.Binding

	// Speakers.
	Toggle       key.Binding
	ShowQuotes   key.Binding
	ClearFilter  key.Binding
	QuoteContext key.Binding // quotes: read the quote in its document

	// Reader.
	NextQuote     key.Binding
	PrevQuote     key.Binding
	SpeakerQuotes key.Binding
	Back          key.Binding

	// Claims: the view of conflicting claims, and curating them.
	Claims        key.Binding // global: open the claims view
	MarkClaim     key.Binding // reader: make the current quote, or the sentence at the top, a claim
	OpenClaim     key.Binding
	HolderClaims  key.Binding
	Dismiss       key.Binding
	ShowDismissed key.Binding
	Rename        key.Binding
	MergeTopic    key.Binding
	MoveClaim     key.Binding
	SetHolder     key.Binding
	AddNote       key.Binding
	Undo          key.Binding
	Redo          key.Binding
	Confirm       key.Binding

	// Search box and overlays.
	ResultUp   key.Binding
	ResultDown key.Binding
	Jump       key.Binding
	Close      key.Binding
}

// DefaultKeyMap returns the bindings documented in the README.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		NextPane:  key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next pane")),
		PrevPane:  key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous pane")),
		Search:    key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		Problems:  key.NewBinding(key.WithKeys("!"), key.WithHelp("!", "load problems")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),

		CancelLoad: key.NewBinding(key.WithKeys("esc", "ctrl+c", "q"), key.WithHelp("esc", "cancel loading")),

		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup/ctrl+u", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+d"), key.WithHelp("pgdn/ctrl+d", "page down")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "top")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "bottom")),

		OpenDoc: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "read document")),

		Toggle:       key.NewBinding(key.WithKeys(" "), key.WithHelp("space", "mark speaker")),
		ShowQuotes:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "show quotes")),
		ClearFilter:  key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "clear filter")),
		QuoteContext: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "read in context")),

		NextQuote:     key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next quote")),
		PrevQuote:     key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous quote")),
		SpeakerQuotes: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "speaker's quotes")),
		Back:          key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),

		Claims:        key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "claims")),
		MarkClaim:     key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "mark as claim")),
		OpenClaim:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open / read claim")),
		HolderClaims:  key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "holder's other claims")),
		Dismiss:       key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "dismiss conflict")),
		ShowDismissed: key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "show dismissed")),
		Rename:        key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "rename topic")),
		MergeTopic:    key.NewBinding(key.WithKeys("M"), key.WithHelp("M", "merge into topic")),
		MoveClaim:     key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "move claim")),
		SetHolder:     key.NewBinding(key.WithKeys("h"), key.WithHelp("h", "change holder")),
		AddNote:       key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add note")),
		Undo:          key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo")),
		Redo:          key.NewBinding(key.WithKeys("U"), key.WithHelp("U", "redo")),
		Confirm:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "confirm")),

		ResultUp:   key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑/ctrl+p", "previous result")),
		ResultDown: key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓/ctrl+n", "next result")),
		Jump:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go to result")),
		Close:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
	}
}

// listKeyMap drives a bubbles list with our movement keys and nothing else:
// filtering is the global search's job and quitting the root's.
func listKeyMap(k KeyMap) list.KeyMap {
	none := key.NewBinding()
	return list.KeyMap{
		CursorUp:             k.Up,
		CursorDown:           k.Down,
		PrevPage:             k.PageUp,
		NextPage:             k.PageDown,
		GoToStart:            k.Top,
		GoToEnd:              k.Bottom,
		Filter:               none,
		ClearFilter:          none,
		CancelWhileFiltering: none,
		AcceptWhileFiltering: none,
		ShowFullHelp:         none,
		CloseFullHelp:        none,
		Quit:                 none,
		ForceQuit:            none,
	}
}

// navHelp is the movement part of a list pane's help.
func (k KeyMap) navHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}
}
