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
				c, ok := loadCorpus(e, paths)
				if !ok {
					return exitFail
				}
				who, ok := speakerFilter(e, c, o.speakers)
				if !ok {
					return exitFail
				}
				var rows []speakerRow
				for _, s := range c.Speakers {
					if who != nil && !who[s.ID] {
						continue
					}
					rows = append(rows, speakerRow{Name: s.Name, Aliases: nonNil(s.Aliases), Roles: nonNil(s.Roles), Quotes: len(s.Quotes)})
				}
				sort.SliceStable(rows, func(i, j int) bool { return rows[i].Quotes > rows[j].Quotes })
				return emit(e, o.format, rows, "speakers", func(st *textStyles) *table {
					t := &table{
						header: []string{"SPEAKER", "QUOTES", "ALSO CALLED — ROLES"},
						styles: []lipgloss.Style{st.name, st.r.NewStyle(), st.muted},
					}
					for _, r := range rows {
						t.add(r.Name, strconv.Itoa(r.Quotes), speakerDetails(r))
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
