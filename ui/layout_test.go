package ui

import "testing"

func TestLayout(t *testing.T) {
	tests := []struct {
		name          string
		width, height int
		tabs          bool
		want          [paneCount]rect
	}{
		{"80x22 body: one pane at a time", 80, 22, true, [paneCount]rect{
			{0, 1, 80, 21}, {0, 1, 80, 21}, {0, 1, 80, 21}, {0, 1, 80, 21}}},
		{"wide but short: tabs", 200, 19, true, [paneCount]rect{
			{0, 1, 200, 18}, {0, 1, 200, 18}, {0, 1, 200, 18}, {0, 1, 200, 18}}},
		{"120x38: two by two", 120, 38, false, [paneCount]rect{
			{0, 0, 48, 19}, {0, 19, 48, 19}, {48, 0, 72, 15}, {48, 15, 72, 23}}},
		{"150x40: three columns, quotes at their minimum", 150, 40, false, [paneCount]rect{
			{0, 0, 45, 20}, {0, 20, 45, 20}, {45, 0, 40, 40}, {85, 0, 65, 40}}},
		// Documents get 30% so titles are not cut at 40 columns, and the
		// reader keeps 90+ columns for its speaker margin at 200.
		{"200x48: three columns", 200, 48, false, [paneCount]rect{
			{0, 0, 60, 24}, {0, 24, 60, 24}, {60, 0, 48, 48}, {108, 0, 92, 48}}},
		{"250x58: the reader takes the extra width", 250, 58, false, [paneCount]rect{
			{0, 0, 75, 29}, {0, 29, 75, 29}, {75, 0, 60, 58}, {135, 0, 115, 58}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := layout(tt.width, tt.height)
			if s.tabs != tt.tabs {
				t.Errorf("tabs = %v, want %v", s.tabs, tt.tabs)
			}
			if s.panes != tt.want {
				t.Errorf("panes = %v\nwant    %v", s.panes, tt.want)
			}
			// Whatever the layout, shown panes tile the body: no overlap,
			// nothing outside it, every cell covered.
			for _, focus := range []pane{docsPane, readerPane} {
				covered := make([]int, tt.width*tt.height)
				for p := pane(0); p < paneCount; p++ {
					if !s.shown(p, focus) {
						continue
					}
					r := s.panes[p]
					if r.X < 0 || r.Y < 0 || r.X+r.W > tt.width || r.Y+r.H > tt.height {
						t.Fatalf("%v outside %dx%d: %+v", p, tt.width, tt.height, r)
					}
					for y := r.Y; y < r.Y+r.H; y++ {
						for x := r.X; x < r.X+r.W; x++ {
							covered[y*tt.width+x]++
						}
					}
				}
				from := 0
				if s.tabs {
					from = tt.width // the tab bar row
				}
				for i := from; i < len(covered); i++ {
					if covered[i] != 1 {
						t.Fatalf("focus %v: cell (%d,%d) covered %d times", focus, i%tt.width, i/tt.width, covered[i])
					}
				}
			}
		})
	}
}
