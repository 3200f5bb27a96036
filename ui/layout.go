package ui

// Sizes below which the reader cannot be drawn without garbling.
const (
	minWidth  = 60
	minHeight = 16
	// minBodyWithHelp is the fewest rows the panes keep when the full
	// help is open: a frame, a title and a few lines of content.
	minBodyWithHelp = 6
)

// rect is a pane's place on screen, frame included. A zero rect is a pane
// not shown.
type rect struct{ X, Y, W, H int }

func (r rect) empty() bool { return r.W <= 0 || r.H <= 0 }

// shown reports whether pane p is drawn when focus has the focus.
func (s screen) shown(p, focus pane) bool {
	return !s.panes[p].empty() && (!s.tabs || p == focus)
}

func (r rect) contains(x, y int) bool {
	return !r.empty() && x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

// screen is the result of layout: where each pane goes, and whether panes
// take turns behind a tab bar on row 0, all in the same place.
type screen struct {
	tabs  bool
	panes [paneCount]rect
}

// layout places the panes in a body of width x height cells (status and
// help lines already taken off).
//   - wide (150+ columns): documents over speakers | quotes | reader. The
//     documents column gets nearly a third: titles are read whole there,
//     while quotes wrap and read fine narrower; the reader keeps the rest,
//     enough at 200 columns for its speaker margin.
//   - large (100+ columns, 30+ rows): documents over speakers | quotes over
//     reader.
//   - otherwise only the focused pane, full size, under a tab bar.
func layout(width, height int) screen {
	var s screen
	switch {
	case width >= 150 && height >= 20:
		left := max(30, width*30/100)
		mid := max(40, width*24/100)
		top := height / 2
		s.panes[docsPane] = rect{0, 0, left, top}
		s.panes[speakersPane] = rect{0, top, left, height - top}
		s.panes[quotesPane] = rect{left, 0, mid, height}
		s.panes[readerPane] = rect{left + mid, 0, width - left - mid, height}
	case width >= 100 && height >= 30:
		left := width * 2 / 5
		top := height / 2
		quotes := height * 2 / 5
		s.panes[docsPane] = rect{0, 0, left, top}
		s.panes[speakersPane] = rect{0, top, left, height - top}
		s.panes[quotesPane] = rect{left, 0, width - left, quotes}
		s.panes[readerPane] = rect{left, quotes, width - left, height - quotes}
	default:
		// Every pane gets the whole body, so each is ready at its size
		// when its tab comes up; only the focused one is drawn.
		s.tabs = true
		for p := range s.panes {
			s.panes[p] = rect{0, 1, width, height - 1}
		}
	}
	return s
}
