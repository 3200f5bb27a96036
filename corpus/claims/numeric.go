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

// approximators before a number make it an estimate.
var approximators = set(words(`about around some roughly approximately estimated nearly almost circa`))

// minExactRatio is how far apart two exact counts must be: "112
// passengers" against "98 passengers" is no rounding, but a count may
// leave out a few (crew, infants), so not every difference is an answer.
const minExactRatio = 1.1

// minRatio is how far apart two values must be to disagree: estimates
// of one thing often differ by a fifth ("about 40,000" and "nearly
// 45,000"), so only a gap past that is a different answer.
const minRatio = 1.5

// minPoints is the same for shares, in percentage points: a poll's error
// is a few points either way.
const minPoints = 5.0

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
// was measured, and the side the value; approx is set for an estimate
// ("about 40,000", a round figure).
func numericStances(cd *candidate, neg []int, hedged []bool) []stance {
	toks := cd.toks
	var out []stance
	for i := 0; i < len(toks); i++ {
		if cd.subject.has(i) || neg[i] > 0 || hedged[i] {
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
		if start > 0 && toks[start-1].capital && toks[start].punctBefore == "" {
			continue // "flight NV 408", "Route 9": part of a name
		}
		unit, ustart := "", j
		switch {
		case percentSign(cd, toks[j-1]):
			// "61%": the sign is the unit.
			unit, ustart = "percent", -1
		case j >= len(toks) || toks[j].punctBefore != "" || measureTimes[toks[j].lower]:
			// "on 7 March", "at 9.": no unit, no measure.
			continue
		case v >= 1900 && v <= 2100 && !strings.Contains(toks[start].lower, "."):
			continue // a year: "in 2021 the line"
		default:
			unit = toks[j].lower
			if unit == "per" && j+1 < len(toks) && toks[j+1].lower == "cent" {
				unit, j = "percent", j+1
			}
			if unit != "percent" && (isStop(unit) || strings.HasSuffix(unit, "ed")) {
				continue // "4 and", "408 followed": no unit noun
			}
		}
		// What was measured: the content words of the phrase after the
		// unit ("litres of oil escaped"), a few at most, or else of the
		// subject a linking verb joins to the number ("turnout was 61%",
		// "turnout rose to 71 percent").
		var measured []string
		var named []token
		after := false
		if ustart >= 0 {
			named = append(named, toks[ustart:j+1]...)
			// Two words name it ("oil escaped", "night shift"); what
			// follows says where or when ("before the valve closed").
			// A place or time after the thing ends it: "passengers on
			// board ran off" measured passengers on board; "of" does not
			// ("litres of oil escaped").
			inPhrase := false
			for k := j + 1; k < len(toks) && k <= j+6 && len(measured) < 2; k++ {
				if toks[k].punctBefore != "" || clauseOpeners[toks[k].lower] {
					break
				}
				if prepositions[toks[k].lower] && toks[k].lower != "of" {
					inPhrase = true
				}
				if c := concept(toks, k); c != "" && !cd.subject.has(k) {
					measured = append(measured, c)
					named, after = toks[ustart:k+1], true
					if inPhrase {
						break
					}
				}
			}
		}
		if len(measured) == 0 && start >= 2 && toks[start-1].lower == "of" && toks[start].punctBefore == "" {
			// "a fee of 40 million euros": the noun before "of".
			if c := concept(toks, start-2); c != "" && !cd.subject.has(start-2) && toks[start-1].punctBefore == "" {
				measured, named = []string{c}, toks[start-2:start-1]
			}
		} else if len(measured) == 0 {
			if from := measuredBefore(cd, start); from >= 0 {
				named = nil
				// The head of the subject, not where or whose: "turnout in
				// the district" measured turnout.
				for k := from; k < start && !linkingToNumber[toks[k].lower] && !prepositions[toks[k].lower]; k++ {
					if c := concept(toks, k); c != "" && !cd.subject.has(k) {
						measured = append(measured, c)
						named = toks[from : k+1]
					}
				}
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
		if ustart < 0 {
			label = strings.Join(wordsOf(toks[start:j]), " ") + "%"
		}
		approx := start > 0 && approximators[toks[start-1].lower] || strings.HasSuffix(toks[j-1].lower, "000") ||
			j-1 > start && multipliers[toks[j-1].lower] > 0
		out = append(out, stance{
			approx: approx,
			dim:    "num:" + u,
			side:   strconv.FormatFloat(v, 'g', -1, 64),
			label:  label,
			cue:    []string{u},
			target: u + "/" + strings.Join(measured, "+"),
			about:  when,
			of:     ofPhrase(unit, after, named),
		})
	}
	return out
}

// linkingToNumber join a measured subject to its value: "turnout was
// 61%", "the toll rose to 40", "losses stood at 3 million".
var linkingToNumber = set(words(`was is were are stood reached rose fell climbed dropped hit totalled totaled at to`))

// measuredBefore returns where the subject a linking verb joins to the
// number at num starts ("turnout in the district was 61%"), or -1: the
// words back to the start of the clause, at most five, with a linking
// word right before the number.
func measuredBefore(cd *candidate, num int) int {
	toks := cd.toks
	k := num - 1
	if k < 0 || !linkingToNumber[toks[k].lower] || toks[num].punctBefore != "" {
		return -1
	}
	for k > 0 && linkingToNumber[toks[k-1].lower] && toks[k].punctBefore == "" {
		k--
	}
	from := k
	for from > 0 && from > k-5 && toks[from].punctBefore == "" && !clauseOpeners[toks[from-1].lower] && !reportingSet[toks[from-1].lower] {
		from--
	}
	if from < k && toks[from].punctBefore == "" || from == 0 {
		return from
	}
	return -1
}

// percentSign reports whether a percent sign follows the token in the
// text, which the tokenizer reads as punctuation.
func percentSign(cd *candidate, t token) bool {
	at := t.start + len(t.word) - cd.claim.Start
	return at >= 0 && at < len(cd.claim.Text) && cd.claim.Text[at] == '%'
}

// ofPhrase asks what a number answers: "how many litres of oil
// escaped", "what share of voters backed" for a unit before what was
// measured, "what was turnout" for a subject before its value.
func ofPhrase(unit string, after bool, named []token) string {
	phrase := strings.Join(wordsOf(named), " ")
	switch {
	case !after:
		return "what was the " + strings.ToLower(phrase)
	case unit == "percent":
		// "64 percent of voters backed it": a share, not a count.
		rest := phrase
		for _, w := range []string{"percent", "per", "cent"} {
			rest = strings.TrimPrefix(strings.TrimPrefix(rest, w), " ")
		}
		return "what share " + rest
	}
	return "how many " + phrase
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
func numberQuestion(ask string, answers []string) string {
	values := make([]string, len(answers))
	for i, a := range answers {
		values[i], _, _ = strings.Cut(a, " ")
	}
	return ask + "? " + strings.Join(values, " · ")
}

// apart reports whether two values of a unit, given as side keys, differ
// by more than estimates of one thing do: shares by five points or more
// ("61%" against "48%"), counts and amounts by minRatio.
func apart(dim, a, b string, approx bool) bool {
	x, err1 := strconv.ParseFloat(a, 64)
	y, err2 := strconv.ParseFloat(b, 64)
	if err1 != nil || err2 != nil || x < 0 || y < 0 {
		return false
	}
	if x < y {
		x, y = y, x
	}
	if dim == "num:percent" {
		return x-y >= minPoints
	}
	if approx {
		return y > 0 && x/y >= minRatio
	}
	return y > 0 && x/y >= minExactRatio
}

// sameMeasure reports whether two numeric targets name one measured
// thing: the same unit and the same words, or the words of one the start
// of the other's ("passengers on board" and "passengers on board the
// flight").
func sameMeasure(a, b string) bool {
	if a == b {
		return true
	}
	ua, wa, _ := strings.Cut(a, "/")
	ub, wb, _ := strings.Cut(b, "/")
	return ua == ub && wa != "" && wb != "" && (strings.HasPrefix(wa+"+", wb+"+") || strings.HasPrefix(wb+"+", wa+"+"))
}
