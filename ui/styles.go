package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Colours by role. Each adapts to light and dark terminals; under NO_COLOR
// (the Ascii profile) none of them is drawn, so every meaning they carry is
// also written in characters somewhere.
var (
	colorAccent   = lipgloss.AdaptiveColor{Light: "#5A3FC0", Dark: "#A08CFF"}
	colorMuted    = lipgloss.AdaptiveColor{Light: "#767676", Dark: "#8A8A8A"}
	colorFaint    = lipgloss.AdaptiveColor{Light: "#B0B0B0", Dark: "#555555"}
	colorWarn     = lipgloss.AdaptiveColor{Light: "#B35900", Dark: "#FFB454"}
	colorMatch    = lipgloss.AdaptiveColor{Light: "#C2185B", Dark: "#FF7AB6"}
	colorSelected = lipgloss.AdaptiveColor{Light: "#1F1F1F", Dark: "#F2F2F2"}
)

// speakerColors tell speakers apart in the reader and the quote list. They
// are assigned by speaker ID, so one person keeps one colour everywhere.
var speakerColors = []lipgloss.AdaptiveColor{
	{Light: "#0B6E99", Dark: "#5CC8FF"},
	{Light: "#2E7D32", Dark: "#8BDB81"},
	{Light: "#8E24AA", Dark: "#E29CFF"},
	{Light: "#AD5700", Dark: "#FFC069"},
	{Light: "#00796B", Dark: "#5EEAD4"},
	{Light: "#C62828", Dark: "#FF8A80"},
}

// Styles are every style of one session, made with that session's renderer
// so an SSH client gets its own colour profile and background.
type Styles struct {
	// ascii is true when the renderer draws no attributes at all; matches
	// are then bracketed instead of underlined.
	ascii bool

	Frame        lipgloss.Style // unfocused pane: hidden border, same size
	FrameFocused lipgloss.Style
	Title        lipgloss.Style
	TitleFocused lipgloss.Style

	Tab       lipgloss.Style
	TabActive lipgloss.Style

	Normal   lipgloss.Style
	Selected lipgloss.Style // the item under the cursor
	Bar      lipgloss.Style // the "┃" marking the item under the cursor
	Muted    lipgloss.Style
	Faint    lipgloss.Style
	Warn     lipgloss.Style
	Header   lipgloss.Style // group headers in search results
	Match    lipgloss.Style // matched characters of a search hit
	LineNo   lipgloss.Style
	Current  lipgloss.Style // the current quote in the reader
	Unknown  lipgloss.Style // unattributed quotes
	Status   lipgloss.Style
	Notice   lipgloss.Style // load problems in the status line
	Centered lipgloss.Style

	Prompt lipgloss.Style
	Input  lipgloss.Style

	Help help.Styles

	// The loading bar's fill and track, as hex for bubbles/progress, which
	// takes colour strings rather than styles.
	ProgressFull, ProgressEmpty string

	speakers []lipgloss.Style
}

// NewStyles makes the styles of one session from its renderer. Locally pass
// lipgloss.DefaultRenderer().
func NewStyles(r *lipgloss.Renderer) *Styles {
	s := &Styles{ascii: r.ColorProfile() == termenv.Ascii}
	s.Frame = r.NewStyle().Border(lipgloss.HiddenBorder())
	s.FrameFocused = r.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(colorAccent)
	s.Title = r.NewStyle().Foreground(colorMuted).Bold(true)
	s.TitleFocused = r.NewStyle().Foreground(colorAccent).Bold(true)
	s.Tab = r.NewStyle().Foreground(colorMuted)
	s.TabActive = r.NewStyle().Foreground(colorAccent).Bold(true)
	s.Normal = r.NewStyle()
	s.Selected = r.NewStyle().Foreground(colorSelected).Bold(true)
	s.Bar = r.NewStyle().Foreground(colorAccent)
	s.Muted = r.NewStyle().Foreground(colorMuted)
	s.Faint = r.NewStyle().Foreground(colorFaint)
	s.Warn = r.NewStyle().Foreground(colorWarn).Bold(true)
	s.Header = r.NewStyle().Foreground(colorAccent).Bold(true)
	s.Match = r.NewStyle().Foreground(colorMatch).Underline(true).Bold(true)
	s.LineNo = r.NewStyle().Foreground(colorFaint)
	s.Current = r.NewStyle().Reverse(true)
	s.Unknown = r.NewStyle().Foreground(colorMuted).Italic(true)
	s.Status = r.NewStyle().Foreground(colorMuted)
	s.Notice = r.NewStyle().Foreground(colorWarn).Bold(true)
	s.Centered = r.NewStyle().Align(lipgloss.Center, lipgloss.Center)
	s.Prompt = r.NewStyle().Foreground(colorAccent).Bold(true)
	s.Input = r.NewStyle()
	s.Help = help.Styles{
		Ellipsis:       r.NewStyle().Foreground(colorFaint),
		ShortKey:       r.NewStyle().Foreground(colorMuted).Bold(true),
		ShortDesc:      r.NewStyle().Foreground(colorFaint),
		ShortSeparator: r.NewStyle().Foreground(colorFaint),
		FullKey:        r.NewStyle().Foreground(colorMuted).Bold(true),
		FullDesc:       r.NewStyle().Foreground(colorFaint),
		FullSeparator:  r.NewStyle().Foreground(colorFaint),
	}
	s.ProgressFull, s.ProgressEmpty = resolve(r, colorAccent), resolve(r, colorFaint)
	for _, c := range speakerColors {
		s.speakers = append(s.speakers, r.NewStyle().Foreground(c))
	}
	return s
}

// resolve picks the side of c that suits r's background.
func resolve(r *lipgloss.Renderer, c lipgloss.AdaptiveColor) string {
	if r.HasDarkBackground() {
		return c.Dark
	}
	return c.Light
}

// Speaker is the style of speaker id's name and quotes.
func (s *Styles) Speaker(id int) lipgloss.Style {
	if id < 0 {
		return s.Unknown
	}
	return s.speakers[id%len(s.speakers)]
}

// Highlight renders text with base, and the bytes at the offsets in matched
// with Match. Runs of adjacent matches are drawn as one; under the Ascii
// profile, where underline is not drawn, each run is bracketed instead.
func (s *Styles) Highlight(text string, matched []int, base lipgloss.Style) string {
	if len(matched) == 0 {
		return base.Render(text)
	}
	isMatch := make(map[int]bool, len(matched))
	for _, m := range matched {
		isMatch[m] = true
	}
	var b strings.Builder
	runStart, inMatch := 0, false
	flush := func(end int) {
		if end <= runStart {
			return
		}
		part := printable(text[runStart:end])
		if inMatch {
			if s.ascii {
				part = "[" + part + "]"
			}
			b.WriteString(s.Match.Render(part))
		} else {
			b.WriteString(base.Render(part))
		}
	}
	for i := range text { // i steps over rune starts, as matched does
		if m := isMatch[i]; m != inMatch {
			flush(i)
			runStart, inMatch = i, m
		}
	}
	flush(len(text))
	return b.String()
}
