package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
)

func sampleTable(st *textStyles) *table {
	t := &table{header: []string{"SPEAKER", "WHERE", "QUOTE"}, styles: []lipgloss.Style{st.plain, st.muted}}
	t.add("Helena Varga", "sample/kestrel.md:15", "We found no splices, no re-recording and no trace of synthetic speech in either of the two files we examined for this story.")
	t.add("(unknown)", "sample/ledger.md:13", "This was a settling of accounts.")
	t.add("Emil Ferenc", "sample/ledger.md:18", "")
	return t
}

func writeTable(t *testing.T, width int) []string {
	t.Helper()
	var b bytes.Buffer
	st := newTextStyles(&b)
	if err := sampleTable(st).write(&b, st, width); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "\x1b") {
		t.Fatal("escape codes written to a buffer")
	}
	return strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
}

// words joins every line's words, to check wrapping lost or reordered none.
func words(lines []string) string { return strings.Join(strings.Fields(strings.Join(lines, " ")), " ") }

func TestTableUnwrappedInAPipe(t *testing.T) {
	lines := writeTable(t, 0)
	if len(lines) != 4 {
		t.Fatalf("%d lines, want header and one per row:\n%s", len(lines), strings.Join(lines, "\n"))
	}
	col := strings.Index(lines[0], "QUOTE")
	for _, l := range lines {
		if strings.HasSuffix(l, " ") {
			t.Errorf("trailing spaces: %q", l)
		}
	}
	for _, l := range lines[1:3] {
		if l[col-2:col] != "  " || l[col] == ' ' {
			t.Errorf("last column does not start at %d: %q", col, l)
		}
	}
}

func TestTableWrapsUnderTheLastColumn(t *testing.T) {
	const width = 80
	lines := writeTable(t, width)
	col := strings.Index(lines[0], "QUOTE")
	if len(lines) <= 3 {
		t.Fatalf("nothing wrapped at width %d:\n%s", width, strings.Join(lines, "\n"))
	}
	for _, l := range lines {
		if w := lipgloss.Width(l); w > width {
			t.Errorf("line of %d columns at width %d: %q", w, width, l)
		}
		if strings.HasPrefix(l, " ") && (strings.TrimSpace(l[:col]) != "" || l[col] == ' ') {
			t.Errorf("continuation not aligned under column %d: %q", col, l)
		}
	}
	if got, want := words(lines), words(writeTable(t, 0)); got != want {
		t.Errorf("wrapping changed the text:\n%s\n%s", got, want)
	}
}

func TestTableStacksWhenNarrow(t *testing.T) {
	const width = 44 // too narrow for speaker and place beside a readable quote
	lines := writeTable(t, width)
	if strings.Contains(lines[0], "QUOTE") {
		t.Errorf("stacked header still names the stacked column: %q", lines[0])
	}
	if !strings.HasPrefix(lines[1], "Helena Varga") || !strings.HasPrefix(lines[2], strings.Repeat(" ", stackIndent)+"We found") {
		t.Fatalf("quote not below its speaker:\n%s", strings.Join(lines, "\n"))
	}
	for _, l := range lines {
		if w := lipgloss.Width(l); w > width {
			t.Errorf("line of %d columns at width %d: %q", w, width, l)
		}
	}
	if got, want := words(lines[1:]), words(writeTable(t, 0)[1:]); got != want {
		t.Errorf("stacking changed the text:\n%s\n%s", got, want)
	}
}

func TestSpeakerDetails(t *testing.T) {
	for _, tc := range []struct {
		r    speakerRow
		want string
	}{
		{speakerRow{}, ""},
		{speakerRow{Aliases: []string{"Yury Lantsov", "LANTSOV"}}, "Yury Lantsov, LANTSOV"},
		{speakerRow{Aliases: []string{"Lantsov"}, Roles: []string{"chief of staff", "aide"}}, "Lantsov — chief of staff; aide"},
		{speakerRow{Roles: []string{"spokeswoman"}}, "— spokeswoman"},
	} {
		if got := speakerDetails(tc.r); got != tc.want {
			t.Errorf("speakerDetails(%+v) = %q, want %q", tc.r, got, tc.want)
		}
	}
}

func TestDocLine(t *testing.T) {
	if got := docLine(docRow{Title: "T", Outlet: "Northwire", Date: "2026-04-15"}); got != "T — Northwire, 2026-04-15" {
		t.Errorf("docLine = %q", got)
	}
	if got := docLine(docRow{Title: "T", Date: "2026-04-15"}); got != "T — 2026-04-15" {
		t.Errorf("docLine without outlet = %q", got)
	}
	if got := docLine(docRow{Title: "T"}); got != "T" {
		t.Errorf("docLine alone = %q", got)
	}
}
