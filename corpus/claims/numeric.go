package claims

import (
	"strconv"
	"strings"
)

// Numbers as answers: "about 40,000 litres of oil escaped" against "some
// 250,000 litres of oil escaped" give two values for one measured thing.
// The rule is conservative, as two numbers in news are far more often of
// different things than rival answers: the unit must be the same word,
// the words naming what was measured right after it must be the same, the
// time each names (a year, a month, a weekday) must not differ, a bound
// ("more than", "at least") is no value, and the values must differ by
// more than rounding or estimation does.

// multipliers scale the number before them.
var multipliers = map[string]float64{"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

// bounds before a number make it a range, which another value may well
// fall in: "more than 4,000" does not contradict "6,000".
var bounds = set(words(`more less fewer over under least most than up nearly almost below above exceeding beyond within`))

// measureTimes name when something was measured; two numbers of different
// times are not rival answers. Not "may", mostly a modal.
var measureTimes = set(words(`january february march april june july august september october november december
	monday tuesday wednesday thursday friday saturday sunday morning evening night weekend yesterday today
	first second third last previous next annual daily weekly monthly`))

// minRatio is how far apart two values must be to disagree: estimates
// of one thing often differ by a fifth ("about 40,000" and "nearly
// 45,000"), so only a gap past that is a different answer.
const minRatio = 1.5

// numberAt reads a number starting at toks[i]: "40", ",", "000" as one
// value, "4.2 million" scaled. It returns the value and the index after it,
// or ok false.
func numberAt(toks []token, i int) (v float64, next int, ok bool) {
	s := toks[i].lower
	if s == "" || s[0] < '0' || s[0] > '9' {
		return 0, i, false
	}
	j := i + 1
	for j < len(toks) && toks[j].punctBefore == "," && len(toks[j].lower) == 3 && allDigits(toks[j].lower) {
		s += toks[j].lower
		j++
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, i, false
	}
	if j < len(toks) && toks[j].punctBefore == "" {
		if m, ok := multipliers[toks[j].lower]; ok {
			v *= m
			j++
		}
	}
	return v, j, true
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// numericStances returns a stance per measured value in a claim: the
// dimension is the unit, the target the unit with the words naming what
// was measured, and the side the value.
func numericStances(cd *candidate, neg []int, hedged []bool) []stance {
	toks := cd.toks
	var out []stance
	for i := 0; i < len(toks); i++ {
		if cd.subject[i] || neg[i] > 0 || hedged[i] {
			continue
		}
		v, j, ok := numberAt(toks, i)
		if !ok {
			continue
		}
		// The parts of "40,000" are read once, as one number.
		start := i
		i = j - 1
		if start > 0 && bounds[toks[start-1].lower] || j < len(toks) && bounds[toks[j].lower] {
			continue // "more than 4,000", "4,000 or more": a range
		}
		// A year or a date, not a measure: "in 2021", "on 7 March".
		if j >= len(toks) || toks[j].punctBefore != "" || measureTimes[toks[j].lower] || (v >= 1900 && v <= 2100 && !strings.Contains(toks[start].lower, ".")) {
			continue
		}
		unit, ustart := toks[j].lower, j
		if unit == "per" && j+1 < len(toks) && toks[j+1].lower == "cent" {
			unit, j = "percent", j+1
		}
		if unit != "percent" && isStop(unit) {
			continue
		}
		// What was measured: the content words of the phrase after the
		// unit ("litres of oil escaped"), a few at most.
		var measured []string
		last := j
		for k := j + 1; k < len(toks) && k <= j+4; k++ {
			if toks[k].punctBefore != "" || clauseOpeners[toks[k].lower] {
				break
			}
			if c := concept(toks, k); c != "" && !cd.subject[k] {
				measured = append(measured, c)
				last = k
			}
		}
		if len(measured) == 0 {
			continue // "45 stalls, and ...": no telling what of
		}
		var when []string
		for _, t := range toks {
			if measureTimes[t.lower] || (allDigits(t.lower) && len(t.lower) == 4 && t.lower >= "1900" && t.lower <= "2100") {
				when = append(when, t.lower)
			}
		}
		u := stem(unit)
		label := strings.Join(wordsOf(toks[start:j+1]), " ")
		out = append(out, stance{
			dim:    "num:" + u,
			side:   strconv.FormatFloat(v, 'g', -1, 64),
			label:  label,
			cue:    []string{u},
			target: u + "/" + strings.Join(measured, "+"),
			about:  when,
			of:     strings.Join(wordsOf(toks[ustart:last+1]), " "),
		})
	}
	return out
}

// wordsOf spells a run of tokens as written, putting back the thousands
// commas a number was split at.
func wordsOf(toks []token) []string {
	var out []string
	for k, t := range toks {
		if k > 0 && t.punctBefore == "," && allDigits(t.word) && len(out) > 0 {
			out[len(out)-1] += "," + t.word
			continue
		}
		out = append(out, t.word)
	}
	return out
}

// numberQuestion asks what a numeric topic's values answer: "how many
// litres of oil escaped? 250,000 · 40,000", with the values as written.
func numberQuestion(of string, answers []string) string {
	unit, rest, _ := strings.Cut(of, " ")
	values := make([]string, len(answers))
	for i, a := range answers {
		values[i], _, _ = strings.Cut(a, " ")
	}
	ask := "how many " + of
	if unit == "percent" || unit == "per" {
		// "64 percent of voters backed it": a share, not a count.
		ask = "what share " + strings.TrimPrefix(strings.TrimPrefix(rest, "cent"), " ")
	}
	return ask + "? " + strings.Join(values, " · ")
}

// apart reports whether two values given as side keys differ by more
// than estimates of one thing do.
func apart(a, b string) bool {
	x, err1 := strconv.ParseFloat(a, 64)
	y, err2 := strconv.ParseFloat(b, 64)
	if err1 != nil || err2 != nil || x <= 0 || y <= 0 {
		return false
	}
	if x < y {
		x, y = y, x
	}
	return x/y >= minRatio
}
