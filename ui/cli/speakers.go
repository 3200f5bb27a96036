package cli

import (
	"flag"
	"sort"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// speakerRow is one speaker as the speakers command prints it.
type speakerRow struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	Roles   []string `json:"roles"`
	Quotes  int      `json:"quotes"`
}

func speakersCommand() *command {
	return &command{
		name:     "speakers",
		synopsis: "[--format text|json|csv] [--speaker NAME]... [PATH...]",
		summary:  "list the speakers: name, other spellings, roles, quote count",
		help: `
Lists the speakers, most quoted first. JSON fields: name (canonical), aliases
(the other spellings the documents use), roles, quotes (count). With
--speaker, only the speakers those names resolve to: a quick way to see
which spellings were merged into whom.`,
		define: func(fs *flag.FlagSet) func(*env, []string) int {
			var o listOptions
			o.define(fs, "only the speaker `NAME`")
			return func(e *env, paths []string) int {
				c, who, ok := o.loadFiltered(e, paths)
				if !ok {
					return exitFail
				}
				var ids []int
				for _, sp := range c.Speakers {
					if who == nil || who[sp.ID] {
						ids = append(ids, sp.ID)
					}
				}
				sort.SliceStable(ids, func(i, j int) bool { return len(c.Speakers[ids[i]].Quotes) > len(c.Speakers[ids[j]].Quotes) })
				rows := make([]speakerRow, len(ids))
				for i, id := range ids {
					sp := &c.Speakers[id]
					rows[i] = speakerRow{Name: sp.Name, Aliases: nonNil(sp.Aliases), Roles: nonNil(sp.Roles), Quotes: len(sp.Quotes)}
				}
				return emit(e, o.format, len(rows), rowOf(rows), "speakers", func(st *textStyles) *table {
					t := &table{
						header: []string{"SPEAKER", "QUOTES", "ALSO CALLED — ROLES"},
						styles: []lipgloss.Style{st.plain, st.plain, st.muted},
					}
					for i, r := range rows {
						t.add(st.speaker(ids[i], r.Name), strconv.Itoa(r.Quotes), speakerDetails(r))
					}
					return t
				})
			}
		},
	}
}

// speakerDetails lists a speaker's other spellings, then their roles.
func speakerDetails(r speakerRow) string {
	details := strings.Join(r.Aliases, ", ")
	if len(r.Roles) > 0 {
		details = strings.TrimPrefix(details+" — "+strings.Join(r.Roles, "; "), " ")
	}
	return details
}
