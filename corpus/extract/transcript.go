package extract

import (
	"bytes"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/backchannel-news/backchannel/model"
)

// label is a speaker label at the start of a transcript line.
type label struct {
	raw       string // the label as written, titles included
	role      string // "(role)" after the label
	textStart int    // offset of the turn's text on the line
	upper     bool   // written in capitals
	// alone is set for a label on a line of its own with no colon, as
	// earnings-call transcripts write them ("Helena Marsh -- Chief
	// Executive Officer", "Operator"): the turn is the lines below.
	alone bool
	// id is 1 + the label's index in the labelTable of the transcript
	// being read, 0 for a label read outside one.
	id int32
}

// labelStop are words that end in a colon at a line start without naming
// a speaker.
var labelStop = set(`note notes source sources media update updated editor editors date time
location subject title transcript summary warning disclaimer correction related photo
photos video videos read watch listen tags tag category categories by posted published
filed caption credit credits image images link links see also contents table chapter
part section step example examples answer question keywords abstract background
conclusion introduction agenda attendees present absent minutes topic topics
email phone tel fax address website url web twitter x facebook telegram https http
warning podcast interview episode meeting hearing session briefing program programme
show event remarks statement press conference call recording audio re fw fwd from to cc
appearances action actions volume`)

// parseLabel reads a speaker label at text[s:e] (one trimmed line):
// "NAME: text", "Name (role): text", "[00:01:02] NAME: text",
// "**Name:** text", "Q    text", "Q: text".
func parseLabel(text string, s, e int) (label, bool) { return parseLabelIn(text, s, e, nil) }

// parseLabelIn is parseLabel reading the label's name through tab, which
// may be nil.
func parseLabelIn(text string, s, e int, tab *labelTable) (label, bool) {
	i := skipTimestamp(text, s, e)
	line := text[i:e]
	// White House style: "Q" then several spaces.
	if len(line) >= 2 && (line[0] == 'Q' || line[0] == 'A') {
		rest := line[1:]
		if strings.HasPrefix(rest, ".") {
			rest = rest[1:]
		}
		trimmed := trimLeftSpace(rest)
		spaces := utf8.RuneCountInString(rest[:len(rest)-len(trimmed)])
		if strings.HasPrefix(rest, ":") || spaces >= 2 || strings.HasPrefix(rest, "\t") {
			if strings.HasPrefix(rest, ":") {
				trimmed = trimLeftSpace(rest[1:])
			}
			return label{raw: line[:1], textStart: e - len(trimmed), upper: true}, true
		}
	}
	bold := false
	if strings.HasPrefix(line, "**") || strings.HasPrefix(line, "__") {
		bold = true
		line = line[2:]
		i += 2
	}
	if !bold {
		// "Ilse Varanek  0:03": the colon is the time's.
		if l, ok := timedAloneLabel(line); ok {
			l.textStart = e
			return l, true
		}
	}
	colon := labelColon(line)
	if colon < 0 && !bold {
		if l, ok := aloneLabel(line); ok {
			l.textStart = e
			return l, true
		}
	}
	if colon <= 0 || colon > 60 {
		if !bold {
			return periodLabelIn(line, i, tab)
		}
		return label{}, false
	}
	name := line[:colon]
	after := colon + 1
	if bold {
		if strings.HasSuffix(name, "**") || strings.HasSuffix(name, "__") {
			name = name[:len(name)-2]
		} else if strings.HasPrefix(line[after:], "**") || strings.HasPrefix(line[after:], "__") {
			after += 2
		}
	}
	// "text" must be empty or start after a space: "12:30" is a time.
	if after < len(line) {
		if r, _ := utf8.DecodeRuneInString(line[after:]); !unicode.IsSpace(r) {
			if !bold {
				return periodLabelIn(line, i, tab) // "Mr. KERR. At 12:30 ..."
			}
			return label{}, false
		}
	}
	l, ok := tab.readName(name)
	if !ok {
		if !bold {
			// "Mr. DRISCOLL. I have one question: who signed?"
			return periodLabelIn(line, i, tab)
		}
		return label{}, false
	}
	rest := line[after:]
	l.textStart = i + after + (len(rest) - len(trimLeftSpace(rest)))
	return l, true
}

// nameLabel reads the part of a label before its colon: a name, a role in
// brackets after it, or an office with its holder in brackets.
func nameLabel(name string) (label, bool) {
	l := label{}
	if p := indexEither(name, '(', '['); p > 0 {
		q := indexEither(name, ')', ']')
		if q < p {
			return label{}, false
		}
		l.role = strings.TrimSpace(name[p+1 : q])
		if skipTimestamp(l.role, 0, len(l.role)) > 0 || strings.Trim(l.role, "0123456789:.,") == "" {
			l.role = "" // Rev style "Jane Doe (00:01:23):" carries a time
		}
		if strings.TrimSpace(name[q+1:]) != "" {
			return label{}, false
		}
		name = name[:p]
	}
	name = strings.TrimSpace(name)
	if officeLabel(name) && personInBrackets(l.role) {
		// A parliamentary record names the office and puts the holder in
		// brackets: "The Minister for Transport (Mr Callum Briggs):".
		name, l.role = l.role, strings.TrimPrefix(strings.TrimPrefix(name, "The "), "THE ")
	}
	if !labelName(name) {
		return label{}, false
	}
	l.raw = name
	l.upper = !hasLower(name)
	return l, true
}

// indexEither is strings.IndexAny(s, string(a)+string(b)) for two ASCII
// bytes, without building the byte set for every label's short name: two
// byte searches, which for a label's name, most often with neither byte,
// take less than a loop over its bytes.
func indexEither(s string, a, b byte) int {
	i, j := strings.IndexByte(s, a), strings.IndexByte(s, b)
	if i < 0 || j >= 0 && j < i {
		return j
	}
	return i
}

// officeLabel reports whether s names an office the way a parliamentary
// record does: "The Minister for Transport", "The Parliamentary Secretary
// to the Treasury" (capitalised words joined by small lower-case ones).
func officeLabel(s string) bool {
	// Nearly every label fails on its first word: look at it before
	// splitting the label into words. "the" has no non-ASCII case forms.
	if len(s) < 4 || !strings.EqualFold(s[:3], "the") {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(s[3:]); !unicode.IsSpace(r) {
		return false
	}
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 9 || !strings.EqualFold(words[0], "the") {
		return false
	}
	for _, w := range words[1:] {
		if !unicode.IsUpper(firstRune(w)) && !officeJoiners[w] {
			return false
		}
	}
	return true
}

var officeJoiners = set(`for of the and to on in`)

// personInBrackets reports whether s, a label's bracketed part, is a
// person named with an honorific or title ("Mr Callum Briggs", "Dr Ana
// Ruiz"), not a constituency or party.
func personInBrackets(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 {
		return false
	}
	first := strings.ToLower(strings.Trim(words[0], "."))
	return (honorific(first) || titleWords[first]) && labelName(s)
}

// labelDashes separate a name from its roles in a label on a line of its
// own: "Lina Osei -- Corbel Securities -- Analyst".
var labelDashes = []string{" -- ", " — ", " – "}

// aloneLabel reads a line that is only a speaker label: a name and its
// roles joined by dashes, or a generic label word ("Operator") alone.
func aloneLabel(line string) (label, bool) {
	// Every line without a colon comes here, most of them whole sentences
	// or paragraphs: the cheap tests go first, and the lookup lowers the
	// word without copying the line.
	if !strings.ContainsRune(line, ' ') && unicode.IsUpper(firstRune(line)) && inSet(genericLabels, line) {
		return label{raw: line, upper: !hasLower(line), alone: true}, true
	}
	if l, ok := bracketedAloneLabel(line); ok {
		return l, true
	}
	if !dashNearStart(line) {
		return label{}, false
	}
	for _, d := range labelDashes {
		parts := strings.Split(line, d)
		if len(parts) < 2 || len(parts) > 4 {
			continue
		}
		name := strings.TrimSpace(parts[0])
		if len(strings.Fields(name)) < 2 || !labelName(name) {
			return label{}, false
		}
		var roles []string
		for _, p := range parts[1:] {
			p = strings.TrimSpace(p)
			if !officeWords(p) {
				return label{}, false
			}
			roles = append(roles, p)
		}
		return label{raw: name, role: strings.Join(roles, "; "), upper: !hasLower(name), alone: true}, true
	}
	return label{}, false
}

// periodLabelIn reads a hearing record's label (see periodLabel) opening
// line, which starts at offset i of the text, through tab.
func periodLabelIn(line string, i int, tab *labelTable) (label, bool) {
	name, off := periodLabel(line)
	if off == 0 {
		return label{}, false
	}
	l, ok := tab.readName(recaseCapitals(name))
	if !ok {
		return label{}, false
	}
	l.textStart = i + off
	return l, true
}

// periodLabel reads the label of an official hearing record, a title and
// a surname in capitals ended by a full stop: "Chairman HOLLOWAY. The
// committee will come to order.", "Mr. VAN HOLLEN. Thank you.", "The
// CHAIRMAN. Dr. Strand." It returns the label and the offset of the turn's
// text, 0 when line opens with none. A title is required: a sentence may
// well open with a word in capitals.
func periodLabel(line string) (string, int) {
	if line == "" || line[0] < 'A' || line[0] > 'Z' || !strings.Contains(line[:min(len(line), 60)], ". ") {
		return "", 0 // most lines: no full stop near the start
	}
	titles, caps, the := 0, 0, false
	for i, n := 0, 0; i < len(line) && n < 5; n++ {
		end := strings.IndexByte(line[i:], ' ')
		if end < 0 {
			return "", 0 // the label has no text after it
		}
		end += i
		w := line[i:end]
		bare := strings.TrimSuffix(w, ".")
		switch {
		case n == 0 && w == "The":
			the = true
		case isCapitalsWord(bare) && len(bare) >= 2:
			caps++
			if the && vocabOfFold(bare)&vTitleWords == 0 && !inSet(genericLabels, bare) && bare != "PRESIDING" {
				return "", 0 // "The FBI. It said": no title
			}
			if len(w) > len(bare) {
				if titles == 0 && !the {
					return "", 0
				}
				return line[:end-1], end + 1
			}
		case caps == 0 && vocabOfFold(bare)&vTitleWords != 0:
			titles++
		default:
			return "", 0
		}
		i = end + 1
	}
	return "", 0
}

// recaseCapitals recases the words in capitals of a label that mixes them
// with a title: "Chairman HOLLOWAY" is Chairman Holloway.
func recaseCapitals(name string) string {
	words := strings.Fields(name)
	for i, w := range words {
		if isCapitalsWord(w) && len(w) > 1 {
			words[i] = recase(w)
		}
	}
	return strings.Join(words, " ")
}

// isCapitalsWord reports whether w is a word in capitals: letters, with
// hyphens and apostrophes inside.
func isCapitalsWord(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '-' || r == '\'' || r == '’':
		default:
			return false
		}
	}
	return letters > 0
}

// bracketedAloneLabel reads a parliamentary record's speaker line, alone
// above the speech: a member with constituency and party in brackets,
// "Rana Okonkwo (Lowmarsh) (Lab)", or an office with its holder, "The
// Minister for Ports (Colm Farrant)".
func bracketedAloneLabel(line string) (label, bool) {
	if len(line) > 100 || line[len(line)-1] != ')' {
		return label{}, false // most lines end otherwise
	}
	// roles[0] is the last bracket, roles[1] the one before it.
	name, roles, n := line, [2]string{}, 0
	for ; n < 2 && strings.HasSuffix(name, ")"); n++ {
		open := strings.LastIndexByte(name, '(')
		if open <= 0 {
			return label{}, false
		}
		roles[n] = strings.TrimSpace(name[open+1 : len(name)-1])
		name = strings.TrimSpace(name[:open])
	}
	if !strings.Contains(name, " ") || strings.ContainsAny(name, ".,;:") {
		return label{}, false // a sentence with a bracket at its end
	}
	role := roles[0]
	if n == 2 {
		role = roles[1] + "; " + roles[0]
	} else if strings.Contains(role, " ") && labelName(role) && officeLabel(name) {
		// Hansard names an office's holder with no honorific: "The
		// Minister for Ports (Colm Farrant)".
		name, role = role, strings.TrimPrefix(name, "The ")
	}
	if !labelName(name) {
		return label{}, false
	}
	return label{raw: name, role: role, upper: !hasLower(name), alone: true}, true
}

// namedAgain marks as labels the lines that are only the name of a speaker
// a bracketed label introduced: a parliamentary record gives the brackets
// the first time a member speaks, "Rana Okonkwo (Lowmarsh) (Lab)", and
// the name alone after.
func namedAgain(text string, lines []labelLine, tab *labelTable) {
	var names []string
	for i := range lines {
		ln := &lines[i]
		if ln.ok {
			if ln.l.alone && ln.l.role != "" && strings.HasSuffix(text[ln.s:ln.e], ")") {
				names = append(names, ln.l.raw)
			}
			continue
		}
		for _, n := range names {
			if text[ln.s:ln.e] == n {
				ln.l = label{raw: n, upper: !hasLower(n), alone: true, textStart: ln.e}
				ln.ok = true
				if tab != nil {
					tab.count(&ln.l)
				}
				break
			}
		}
	}
}

// timedAloneLabel reads a speech-to-text export's label, a name and the
// time the turn starts, alone on the line above the turn: "Ilse Varanek
// 0:03", "Speaker 2  01:14:09".
func timedAloneLabel(line string) (label, bool) {
	if line == "" || line[len(line)-1] < '0' || line[len(line)-1] > '9' {
		return label{}, false // most lines end with a full stop
	}
	sp := strings.LastIndexAny(line, " \t")
	if sp <= 0 || !isClock(line[sp+1:]) {
		return label{}, false
	}
	name := strings.TrimRight(line[:sp], " \t")
	if !strings.ContainsAny(name, " \t") || !labelName(name) {
		// Two words at least, a name or "Speaker 2": "Kick-off 15:00"
		// is a fixture list's line.
		return label{}, false
	}
	return label{raw: name, upper: !hasLower(name), alone: true}, true
}

// isClock reports whether s is a clock time alone: "0:03", "01:14:09".
func isClock(s string) bool {
	digits, colons := 0, 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] >= '0' && s[i] <= '9':
			digits++
		case s[i] == ':' && i > 0 && i+1 < len(s):
			colons++
		default:
			return false
		}
	}
	return colons >= 1 && colons <= 2 && digits >= 3
}

// dashNearStart reports whether one of labelDashes starts close enough
// to the start of line to end a name labelName accepts: at most 50 bytes
// of name, then any white space. A dash further on makes aloneLabel fail
// whatever else the line holds, so this bounded look spares searching
// whole paragraphs for three dashes.
func dashNearStart(line string) bool {
	a := len(line) - len(trimLeftSpace(line))
	end := min(len(line), a+51)
	// White space may pad the name before the dash. A byte of a
	// multi-byte rune is taken for white space too: that only widens the
	// window.
	for end < len(line) && (line[end] >= utf8.RuneSelf || asciiSpace[line[end]]) {
		end++
	}
	window := line[:min(len(line), end+len(" — "))]
	// Every dash holds a '-' or the 0xE2 that opens "—" and "–": most
	// windows have neither, and two byte searches rule them out.
	if strings.IndexByte(window, '-') < 0 && strings.IndexByte(window, 0xE2) < 0 {
		return false
	}
	for _, d := range labelDashes {
		if strings.Contains(window, d) {
			return true
		}
	}
	return false
}

// officeWords reports whether s reads as a job title or a firm: one to
// eight capitalised words joined by small lower-case ones, no sentence.
func officeWords(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 8 {
		return false
	}
	for i, w := range words {
		if i > 0 && officeJoiners[w] {
			continue
		}
		if !unicode.IsUpper(firstRune(w)) || strings.ContainsAny(w, ".!?,;:\"“") {
			return false
		}
	}
	return true
}

// sectionHeading reports whether a line of a transcript is the heading
// of a part of it, "Questions and Answers:", not speech.
func sectionHeading(line string) bool {
	h, ok := strings.CutSuffix(line, ":")
	return ok && len(strings.Fields(h)) <= 6 && officeWords(h)
}

// labelColon finds the colon ending a label, skipping any inside
// parentheses or brackets ("Jane Doe (00:01:23):").
func labelColon(line string) int {
	// Most lines have no colon near their start: IndexByte rules them out
	// far faster than the scan below.
	first := strings.IndexByte(line[:min(len(line), 61)], ':')
	if first < 0 {
		return -1
	}
	if !hasBracket(line[:first]) {
		return first // nearly every label: no bracket before its colon
	}
	depth := 0
	for i := 0; i < len(line) && i <= 60; i++ {
		switch line[i] {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		case ':':
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// hasBracket reports whether s holds any of ( ) [ ].
func hasBracket(s string) bool {
	for i := 0; i < len(s); i++ {
		if bracketByte[s[i]] {
			return true
		}
	}
	return false
}

var bracketByte = [256]bool{'(': true, ')': true, '[': true, ']': true}

// labelName reports whether s reads as a speaker's name or role: at most
// five words, each capitalised (or a connector), no sentence punctuation.
func labelName(s string) bool {
	if s == "" || len(s) > 50 {
		return false
	}
	// One pass: a sixth word fails the label whatever the first five are.
	wi := -1
	for i := 0; ; {
		ws, we := nextField(s, i)
		if ws == we {
			break
		}
		w := s[ws:we]
		i = we
		if wi++; wi >= 5 {
			return false
		}
		// A word passes when it is capitalised (or a number) and written
		// with name characters; a first word must also not be a stop
		// word, and a later one that fails passes all the same if it is a
		// connector ("de", "van"). The vocabulary is asked only when its
		// answer can change the outcome: not for the later words of most
		// names, nor for first words that fail anyway.
		r := firstRune(w)
		named := (unicode.IsUpper(r) || unicode.IsDigit(r)) && nameChars(w)
		if wi == 0 {
			// The vocabulary table answers in any case, faster than a
			// map: every line of a transcript is read for a label.
			if !named || vocabOfFold(trimNamePunct(w))&vLabelStop != 0 {
				return false
			}
			continue
		}
		if !named && vocabOfFold(trimNamePunct(w))&vConnectors == 0 {
			return false
		}
	}
	return true
}

// nameChars reports whether w is written only with the characters of a
// name: letters, digits, dots, apostrophes and hyphens.
func nameChars(w string) bool {
	for k := 0; k < len(w); {
		if c := w[k]; c < utf8.RuneSelf {
			if !nameByte[c] {
				return false
			}
			k++
			continue
		}
		c, size := utf8.DecodeRuneInString(w[k:])
		if !(unicode.IsLetter(c) || unicode.IsDigit(c) || c == '’') {
			return false
		}
		k += size
	}
	return true
}

// nextField returns the bounds of the first word of s[i:] as
// strings.Fields splits it, or two equal offsets when there is none. It
// reads ASCII a byte at a time: labels are short and mostly ASCII, and
// the iterator of strings.FieldsSeq costs more than the label.
func nextField(s string, i int) (int, int) {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	start := i
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiSpace[c] {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return start, i
}

// trimNamePunct is strings.Trim(w, ".'’") without the general cut-set
// machinery a non-ASCII cut set falls back to.
func trimNamePunct(w string) string {
	for len(w) > 0 {
		if w[0] == '.' || w[0] == '\'' {
			w = w[1:]
		} else if strings.HasPrefix(w, "’") {
			w = w[len("’"):]
		} else {
			break
		}
	}
	for len(w) > 0 {
		if c := w[len(w)-1]; c == '.' || c == '\'' {
			w = w[:len(w)-1]
		} else if strings.HasSuffix(w, "’") {
			w = w[:len(w)-len("’")]
		} else {
			break
		}
	}
	return w
}

// trimLeftSpace is strings.TrimLeftFunc(s, unicode.IsSpace), reading
// ASCII by table rather than decoding and calling IsSpace for each rune:
// the text after every transcript line's label is trimmed so.
func trimLeftSpace(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.TrimLeftFunc(s[i:], unicode.IsSpace)
		}
		if !asciiSpace[c] {
			return s[i:]
		}
	}
	return ""
}

// sameUpper reports whether strings.ToUpper(a) == strings.ToUpper(b)
// without building either: the mapping is rune by rune, an invalid byte
// becoming U+FFFD, so comparing the mapped runes is the same test.
func sameUpper(a, b string) bool {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb && unicode.ToUpper(ra) != unicode.ToUpper(rb) {
			return false
		}
		a, b = a[na:], b[nb:]
	}
	return a == "" && b == ""
}

// nameByte[b] is whether the ASCII byte b may appear in a word of a
// label's name: a letter, a digit, a dot, an apostrophe or a hyphen.
var nameByte = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		r := rune(c)
		t[c] = unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '\'' || r == '-'
	}
	return t
}()

// skipTimestamp skips "[00:01:02]", "(01:02)", "00:01:02 -" at text[s:].
func skipTimestamp(text string, s, e int) int {
	i := s
	open := byte(0)
	if i < e && (text[i] == '[' || text[i] == '(') {
		open = text[i]
		i++
	}
	digits, colons := 0, 0
	slash := false
	j := i
	for ; j < e; j++ {
		switch timeByte[text[j]] {
		case tDigit:
			digits++
			continue
		case tColon:
			colons++
			continue
		case tDot:
			continue
		case tDate:
			// Chat exports stamp a date and a time together,
			// "[2026-02-10 21:47]", "10/02/2026, 21:47 - ": inside a
			// bracket, or after a date's slash, a dash, slash or space
			// still belongs to the stamp.
			if text[j] == '/' {
				slash = true
			}
			if open != 0 || slash {
				continue
			}
		default:
			// "9:47 PM": a twelve-hour clock's suffix.
			if colons > 0 && j+1 < e && (text[j]|0x20 == 'a' || text[j]|0x20 == 'p') && text[j+1]|0x20 == 'm' &&
				(j+2 == e || !isLetterByte(text[j+2])) {
				j++
				continue
			}
		}
		break
	}
	if colons == 0 || digits < 3 {
		return s
	}
	if open != 0 {
		if j >= e || (open == '[' && text[j] != ']') || (open == '(' && text[j] != ')') {
			return s
		}
		j++
	}
	for j < e && (text[j] == ' ' || text[j] == '\t' || text[j] == '-') {
		j++
	}
	if j >= e {
		return s
	}
	return j
}

// firstByte returns the first byte of s, 0x80 (not ASCII) when s is
// empty.
func firstByte(s string) byte {
	if s == "" {
		return utf8.RuneSelf
	}
	return s[0]
}

// timeByte classes the bytes a timestamp is written with, for
// skipTimestamp, which reads the start of every line of a transcript.
var timeByte = [256]uint8{
	'0': tDigit, '1': tDigit, '2': tDigit, '3': tDigit, '4': tDigit,
	'5': tDigit, '6': tDigit, '7': tDigit, '8': tDigit, '9': tDigit,
	':': tColon, '.': tDot, ',': tDot,
	'-': tDate, '/': tDate, ' ': tDate,
}

const (
	tOther = iota
	tDigit
	tColon
	tDot  // a dot or a comma
	tDate // a date's separators, and the space before its time
)

// stageOnly reports whether text is entirely stage directions:
// "(Laughter.)", "[applause]", "(As interpreted.)  (Laughs.)".
func stageOnly(text string) bool {
	// Nearly every turn opens with a word: its first byte tells, with no
	// trimming.
	if c := firstByte(text); c < utf8.RuneSelf && !asciiSpace[c] && c != '(' && c != '[' {
		return false
	}
	t := strings.TrimSpace(text)
	if t == "" {
		return false
	}
	for t != "" {
		if t[0] != '(' && t[0] != '[' {
			return false
		}
		closer := byte(')')
		if t[0] == '[' {
			closer = ']'
		}
		c := strings.IndexByte(t, closer)
		if c < 0 {
			return false
		}
		t = strings.TrimSpace(t[c+1:])
	}
	return true
}

// trimStage narrows text[s:e] past stage directions at either end.
func trimStage(text string, s, e int) (int, int) {
	for {
		s, e = trimSpan(text, s, e)
		if s >= e {
			return s, e
		}
		switch text[s] {
		case '(', '[':
			closer := byte(')')
			if text[s] == '[' {
				closer = ']'
			}
			c := strings.IndexByte(text[s:e], closer)
			if c < 0 || c > 80 {
				goto tail
			}
			s += c + 1
			continue
		}
	tail:
		if text[e-1] == ')' || text[e-1] == ']' {
			opener := byte('(')
			if text[e-1] == ']' {
				opener = '['
			}
			o := strings.LastIndexByte(text[s:e], opener)
			if o >= 0 && e-(s+o) <= 80 && s+o > s {
				// Only a direction after the end of a sentence.
				ps, pe := trimSpan(text, s, s+o)
				if pe > ps {
					last, _ := utf8.DecodeLastRuneInString(text[ps:pe])
					if strings.ContainsRune(".!?…—-", last) {
						e = pe
						continue
					}
				}
			}
		}
		return s, e
	}
}

// endMarker reports whether a line closes the transcript's speech: a bare
// time ("5:20 P.M. EST") or an END line.
func endMarker(line string) bool {
	l := strings.Trim(line, " \t*#-—–")
	if len(l) >= 24*utf8.UTFMax {
		// Upper-casing shrinks a rune to no less than one byte of four,
		// so this stays at least 24 bytes: the common line of speech is
		// ruled out without copying it.
		return false
	}
	if len(l) != 0 && len(l) != len("END") && (l[0] < '0' || l[0] > '9') {
		// Not END or ###, and no time: upper-casing keeps a first letter
		// from being a digit. Spares copying most short lines.
		return false
	}
	l = strings.ToUpper(l)
	if l == "END" || l == "###" || l == "" {
		return true
	}
	if strings.HasSuffix(l, " EST") || strings.HasSuffix(l, " EDT") || strings.HasSuffix(l, " GMT") || strings.HasSuffix(l, " UTC") || strings.HasSuffix(l, "P.M.") || strings.HasSuffix(l, "A.M.") || strings.HasSuffix(l, " CET") || strings.HasSuffix(l, " MSK") {
		return len(l) < 24 && l[0] >= '0' && l[0] <= '9'
	}
	return false
}

type turnSpeaker struct {
	name  string
	role  string
	local bool
	conf  model.Confidence
	q     bool
	// roles is the Found.Roles of the speaker's turns, []string{role}:
	// made once for all the turns of a speaker (see newSpeaker), not
	// once per turn. Those who read a Found's Roles do not change it.
	roles []string
}

// transcript holds the state of one transcript while it is read.
type transcript struct {
	text    string
	out     []Found
	qName   string // questioner named in a header
	aName   string // answerer named in a header
	asker   *turnSpeaker
	pending *turnSpeaker    // questioner named by the previous turn
	labels  map[string]bool // one-word labels, lower case: not a reporter's name
	header  map[int]bool    // offsets of header lines naming Q and A
	low     []byte          // reused to lower each turn's text
	words   []string        // reused to split a sentence into words
	// tab numbers the labels; it holds the speaker each label names,
	// read once. Speakers are shared, never changed.
	tab *labelTable
	// scratch is where the above's buffers come from and go back to.
	scratch *lineScratch
	// qSpeaker is the questioner the header names, once a turn needs it;
	// lowAsker the current asker again at low confidence (see
	// questioner), made for lowFor.
	qSpeaker, lowAsker, lowFor *turnSpeaker
	// examiner is the lawyer a deposition's "BY MR. X:" heading names:
	// the Q turns below it are theirs.
	examiner *turnSpeaker
	// renames are a chat export's changes of a member's name.
	renames []rename
}

// Transcript extracts one quotation per speaker turn from text[from:]:
// labelled lines, WebVTT voices or SRT cues. Prose around the turns (an
// introduction, a closing paragraph) is read as an article.
func Transcript(text string, from int) []Found {
	body := strings.TrimLeft(text[from:], "\ufeff \t\r\n")
	if strings.HasPrefix(body, "WEBVTT") || isSRT(body) {
		return subtitles(text, from)
	}
	turns, prose := labelled(text, from, len(text))
	theOfficeLabels(turns)
	if len(prose) == 0 {
		return turns
	}
	expandNames(text, turns, prose)
	nameRoleLabels(text, turns, prose)
	return mergeFound(turns, articleParas(text, prose))
}

// theOfficeLabels gives "The Chairman" the turns' one speaker whose label
// gives that office, "Chairman Holloway": hearing records switch between
// the two. An office two speakers hold stays as it is.
func theOfficeLabels(turns []Found) {
	any := false
	for i := range turns {
		if strings.HasPrefix(turns[i].Speaker, "The ") {
			any = true
			break
		}
	}
	if !any {
		return // the usual case: no map to make
	}
	var holders map[string]string
	for i := range turns {
		f := &turns[i]
		if f.Role == "" || f.Local || strings.HasPrefix(f.Speaker, "The ") {
			continue
		}
		if holders == nil {
			holders = map[string]string{}
		}
		key := strings.ToLower(strings.TrimSuffix(f.Role, "."))
		if prev, seen := holders[key]; seen && prev != f.Speaker {
			holders[key] = ""
		} else {
			holders[key] = f.Speaker
		}
	}
	if holders == nil {
		return
	}
	for i := range turns {
		if office, ok := strings.CutPrefix(turns[i].Speaker, "The "); ok {
			if name := holders[strings.ToLower(office)]; name != "" {
				turns[i].Speaker, turns[i].Local = name, false
			}
		}
	}
}

// nameRoleLabels gives a label that is an office, "THE CHAIR:",
// "Treasurer:", the name a list of those present gives it: "Present: Cllr
// Agnes Thorne (Chair), Ruth Akande (Treasurer)", as minutes and hearings
// open. An office two names hold in brackets stays as it is.
func nameRoleLabels(text string, turns []Found, prose []paragraph) {
	var holders map[string]string // office, lower case -> name, "" when two
	for _, p := range prose {
		para := text[p.start:p.end]
		for off := 0; ; {
			k := strings.IndexByte(para[off:], '(')
			if k < 0 {
				break
			}
			k += off
			end := strings.IndexAny(para[k:], ")\n")
			if end < 0 || para[k+end] != ')' {
				break
			}
			end += k
			off = end + 1
			office := strings.TrimSpace(para[k+1 : end])
			if office == "" || len(office) > 40 {
				continue
			}
			name := holderBefore(para[:k])
			if name == "" {
				continue
			}
			if holders == nil {
				holders = map[string]string{}
			}
			key := strings.ToLower(office)
			if prev, seen := holders[key]; seen && prev != name {
				name = ""
			}
			holders[key] = name
		}
	}
	if len(holders) == 0 {
		return
	}
	for i := range turns {
		office := strings.ToLower(turns[i].Speaker)
		office = strings.TrimPrefix(office, "the ")
		if name := holders[office]; name != "" {
			turns[i].Speaker, turns[i].Local = name, false
		}
	}
}

// holderBefore reads the name that ends before, the list entry before an
// office in brackets: "Present: Cllr Agnes Thorne" gives Agnes Thorne. It
// is "" unless the entry is a name of two words or more after its titles.
func holderBefore(before string) string {
	entry := strings.TrimSpace(before[strings.LastIndexAny(before, ",;:")+1:])
	words := strings.Fields(entry)
	n := 0
	for n < len(words) && titleWords[strings.ToLower(strings.Trim(words[n], "."))] {
		n++
	}
	words = words[n:]
	if len(words) < 2 || len(words) > 4 {
		return ""
	}
	name := strings.Join(words, " ")
	if !labelName(name) || strings.ToUpper(name) == name {
		return ""
	}
	return name
}

// mergeFound merges two lists of quotations, each in text order.
func mergeFound(a, b []Found) []Found {
	// A transcript's prose is mostly a heading with no quotation in it.
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	out := foundBuffer(len(a) + len(b))
	for i, j := 0, 0; i < len(a) || j < len(b); {
		if j == len(b) || i < len(a) && a[i].Start <= b[j].Start {
			out, i = append(out, a[i]), i+1
		} else {
			out, j = append(out, b[j]), j+1
		}
	}
	Recycle(a)
	Recycle(b)
	return out
}

// compactTurns reports whether the labelled lines mostly
// follow one another with no blank line between: a chat or call log, where
// a paragraph after a blank line is narration, not more of the last turn.
func compactTurns(lines []labelLine) bool {
	labels, adjacent := 0, 0
	prevLabel := false
	for _, ln := range lines {
		if ln.ok {
			labels++
			if prevLabel && !ln.afterBlank {
				adjacent++
			}
		}
		prevLabel = ln.ok
	}
	return labels >= 3 && adjacent*10 >= labels*6
}

// labelLine is one non-blank line of a transcript, trimmed, and the
// speaker label it opens with, if any.
type labelLine struct {
	s, e       int
	afterBlank bool // a blank line comes before it
	ok         bool // it opens with a label
	l          label
}

// lineScratch is what labelled needs for one transcript and drops after,
// recycled through lineScratchPool: a transcript's every buffer and map
// was made afresh, and their growth was most of what reading one
// allocated besides its quotations.
type lineScratch struct {
	lines []labelLine
	tab   labelTable
	// speakers is where the turnSpeakers of a transcript are cut from.
	// A full block is left to the speakers cut from it and a new one
	// started, so a speaker never moves.
	speakers []turnSpeaker
	labels   map[string]bool // transcript.labels
	names    nameArena       // lowers transcript.labels' keys
	low      []byte          // transcript.low
	words    []string        // transcript.words
}

var lineScratchPool = sync.Pool{New: func() any {
	return &lineScratch{tab: newLabelTable(), labels: map[string]bool{}}
}}

// reset empties s for another transcript, dropping its strings.
func (s *lineScratch) reset() {
	clear(s.lines) // drop the strings before the array sits in the pool
	s.lines = s.lines[:0]
	s.tab.reset()
	clear(s.speakers)
	s.speakers = s.speakers[:0]
	clear(s.labels)
	clear(s.words)
	s.words = s.words[:0]
	s.low = s.low[:0]
}

// newSpeaker returns a speaker of the transcript, v, cut from its
// scratch's block: a transcript names a speaker for each label and each
// questioner, and these lived no longer than the transcript.
func (t *transcript) newSpeaker(v turnSpeaker) *turnSpeaker {
	sc := t.scratch
	if len(sc.speakers) == cap(sc.speakers) {
		sc.speakers = make([]turnSpeaker, 0, max(16, 2*cap(sc.speakers)))
	}
	if v.role != "" && v.roles == nil {
		v.roles = []string{v.role}
	}
	sc.speakers = append(sc.speakers, v)
	return &sc.speakers[len(sc.speakers)-1]
}

// nameArena hands out lower-case label names cut from a shared block
// rather than a string each: a transcript's one-word labels were each
// lowered into a string of their own. Bytes are only ever appended to a
// block, never changed once a string refers to them, which is what makes
// unsafe.String over them sound: room for a whole name is reserved first,
// so its appends never move the block, and a full block is left to the
// strings made from it and a new one started. Blocks are never reused.
type nameArena struct{ block []byte }

// lower returns strings.ToLower(s), its bytes in the block when they are
// not s's: no rune lowers to more than three bytes, an invalid byte
// (which becomes U+FFFD) to three, so reserving three times s's length
// keeps appendLower's appends from moving the block.
func (l *nameArena) lower(s string) string {
	if !hasUpperOrNonASCII(s) {
		return s // what strings.ToLower returns
	}
	if n := 3 * len(s); cap(l.block)-len(l.block) < n {
		l.block = make([]byte, 0, max(1024, n))
	}
	start := len(l.block)
	l.block = appendLower(l.block, s)
	return unsafe.String(unsafe.SliceData(l.block[start:]), len(l.block)-start)
}

// hasUpperOrNonASCII reports whether s has an ASCII capital or a byte
// that is not ASCII: whether strings.ToLower might differ from s.
func hasUpperOrNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return true
		}
	}
	return false
}

// labelLines appends to out the non-blank lines of text[from:to], reading
// each one's label once for all the passes over a transcript that need
// them, and numbering the labels in tab.
func labelLines(text string, from, to int, out []labelLine, tab *labelTable) []labelLine {
	blank := false
	qs, as := 0, 0 // lines opening "Q. " and "A. " that no label opens
	bracketed := 0 // bracketed labels alone on their line (see namedAgain)
	for i := from; i < to; {
		nl := strings.IndexByte(text[i:to], '\n')
		end, next := to, to
		if nl >= 0 {
			end, next = i+nl, i+nl+1
		}
		s, e := trimLine(text, i, end)
		i = next
		if s >= e {
			blank = true
			continue
		}
		l, ok := parseLabelIn(text, s, e, tab)
		if ok {
			tab.count(&l)
			if l.alone && l.role != "" && text[e-1] == ')' {
				bracketed++
			}
		} else {
			switch dottedQALine(text[s:e]) {
			case 'Q':
				qs++
			case 'A':
				as++
			}
		}
		out = append(out, labelLine{s: s, e: e, afterBlank: blank, ok: ok, l: l})
		blank = false
	}
	if qs >= 2 && as >= 2 {
		dottedQA(text, out, tab)
	}
	if bracketed > 0 {
		namedAgain(text, out, tab)
	}
	return out
}

// dottedQA reads "Q. Did you sign it?" and "A. I did." as Q and A turns,
// as depositions write them; labelLines calls it when at least two lines
// open each way, for one such line may be a name's initial ("A. Marsh
// said").
func dottedQA(text string, lines []labelLine, tab *labelTable) {
	for i := range lines {
		ln := &lines[i]
		if ln.ok {
			continue
		}
		if c := dottedQALine(text[ln.s:ln.e]); c != 0 {
			rest := trimLeftSpace(text[ln.s+2 : ln.e])
			ln.l = label{raw: string(c), textStart: ln.e - len(rest), upper: true}
			ln.ok = true
			if tab != nil {
				tab.count(&ln.l)
			}
		}
	}
}

// dottedQALine returns 'Q' or 'A' for a line opening "Q. " or "A. " and
// then a sentence, 0 for any other.
func dottedQALine(line string) byte {
	if len(line) < 4 || (line[0] != 'Q' && line[0] != 'A') || line[1] != '.' || (line[2] != ' ' && line[2] != '\t') {
		return 0
	}
	return line[0]
}

// labelled reads the labelled turns of text[from:to] and returns them
// with the paragraphs that are not speech: the header before the first
// turn, and in a compact log the narration after a blank line.
func labelled(text string, from, to int) ([]Found, []paragraph) {
	scratch := lineScratchPool.Get().(*lineScratch)
	// header is made on first use: most transcripts have none.
	t := &transcript{text: text, tab: &scratch.tab, scratch: scratch,
		labels: scratch.labels, low: scratch.low, words: scratch.words}
	t.readHeader(from)
	lines := labelLines(text, from, to, scratch.lines[:0], t.tab)
	defer func() {
		// Keep what grew, for the next transcript.
		scratch.lines, scratch.low, scratch.words = lines, t.low, t.words
		scratch.reset()
		lineScratchPool.Put(scratch)
	}()
	turns := 0
	for _, ln := range lines {
		if ln.ok {
			turns++
		}
	}
	// Nearly every label opens one turn: size the output once.
	t.out = foundBuffer(turns)
	compact := compactTurns(lines)
	speaker := func(l label) bool {
		in := t.tab.of(l)
		if in.speaks == 0 {
			// "Length: four minutes" once in a document is a field, not a
			// speaker: a label speaks when it recurs or reads as a person.
			in.speaks = -1
			if t.tab.recurs(in) || l.upper || l.role != "" || inSet(genericLabels, l.raw) || personLabel(text, l.raw) {
				in.speaks = 1
			}
		}
		return in.speaks > 0
	}
	var prose []paragraph
	var cur *turnSpeaker
	segStart, segEnd := -1, -1
	flush := func() {
		if cur != nil && segStart >= 0 {
			t.emit(cur, segStart, segEnd)
		}
		segStart, segEnd = -1, -1
	}
	for _, ln := range lines {
		s, e, afterBlank, l := ln.s, ln.e, ln.afterBlank, ln.l
		if ln.ok && !t.headerLine(s) && speaker(l) {
			flush()
			cur = t.speakerOf(l, s, e)
			if l.textStart < e {
				segStart, segEnd = l.textStart, e
			}
			continue
		}
		line := text[s:e]
		if cur != nil && (annotationLine(line) || t.chatEvent(s, e)) {
			// "NOTE: Figures are provisional", "[2026-02-10 21:55] Ana
			// changed their profile name to A.": the minute-taker's or
			// the chat's words, not the last speaker's.
			flush()
			cur = nil
		}
		if ex, ok := t.examinerHeading(s, e); ok {
			// "BY MS. QUARRINGTON:" opens her examination: the Q turns
			// below are hers. A heading in capitals above it
			// ("EXAMINATION") is not the last speaker's words.
			if segStart >= 0 {
				seg := text[segStart:segEnd]
				nl := strings.LastIndexByte(seg, '\n')
				if capitalsHeading(strings.TrimSpace(seg[nl+1:])) {
					if nl < 0 {
						segStart, segEnd = -1, -1
					} else {
						segEnd = segStart + len(strings.TrimRight(seg[:nl], " \t\r\n"))
					}
				}
			}
			flush()
			cur, t.examiner = nil, ex
			t.markHeader(s)
			continue
		}
		if cur != nil && sectionHeading(line) {
			// "Questions and Answers:" ends the turn before it.
			flush()
			cur = nil
			continue
		}
		if compact && afterBlank {
			flush()
			cur = nil
		}
		if cur == nil {
			if !t.headerLine(s) {
				prose = append(prose, paragraph{s, e})
			}
			continue
		}
		if stageOnly(line) {
			flush()
			continue
		}
		if endMarker(line) {
			flush()
			cur = nil
			continue
		}
		if line[0] == '(' || line[0] == '[' {
			// "(As interpreted.)  Dear Mr. President": a direction
			// opening a paragraph starts a new stretch of speech.
			if ds, _ := trimStage(text, s, e); ds > s {
				flush()
				segStart = s
			}
		}
		if segStart < 0 {
			segStart = s
		}
		segEnd = e
	}
	flush()
	t.applyRenames()
	return t.out, prose
}

// chatPlaceholder reports whether text is what a chat export writes in
// place of a message: no one's words.
func chatPlaceholder(text string) bool {
	if len(text) > 40 || len(text) < 12 {
		return false
	}
	text = strings.TrimRight(text, ".")
	for _, p := range chatPlaceholders {
		if len(text) == len(p) && strings.EqualFold(text, p) {
			return true
		}
	}
	return false
}

var chatPlaceholders = []string{"this message was deleted", "you deleted this message", "<media omitted>", "image omitted", "video omitted", "audio omitted", "sticker omitted"}

// annotationWords open the lines ("NOTE: ...") a transcript's editor or a
// minute-taker adds between turns.
var annotationWords = set(`note notes update updated correction clarification subject action actions editor's`)

// annotationLine reports whether line is an editor's annotation,
// "NOTE: Figures are provisional.", "Subject: the email at Annex B".
func annotationLine(line string) bool {
	c := strings.IndexByte(line[:min(len(line), len("clarification")+1)], ':')
	if c <= 0 || c+1 < len(line) && line[c+1] != ' ' {
		return false
	}
	return inSet(annotationWords, line[:c])
}

// chatEvent reports whether the line at text[s:e], which opens with no
// label, is a chat export's event: a line stamped with a date and a time
// ("[2026-02-10 21:55] Ana changed their profile name to A."). A
// message always has its sender's name after the stamp. A rename is
// remembered, so the new name's messages stay the sender's.
func (t *transcript) chatEvent(s, e int) bool {
	c := t.text[s]
	if c != '[' && (c < '0' || c > '9') {
		return false // most lines: no stamp
	}
	i := skipTimestamp(t.text, s, e)
	// A date: "[2026-02-10 21:55]" in a bracket, "10/02/2026, 21:55 - "
	// out of one (where a dash may only part the stamp from the line).
	date := "/"
	if c == '[' {
		date = "-/"
	}
	if i == s || !strings.ContainsAny(t.text[s:i], date) || !strings.ContainsRune(t.text[s:i], ':') {
		return false
	}
	line := t.text[i:e]
	for _, verb := range []string{" changed their profile name to ", " changed their name to ", " changed their display name to "} {
		if k := strings.Index(line, verb); k > 0 {
			t.renames = append(t.renames, rename{from: strings.TrimRight(line[k+len(verb):], ". "), to: line[:k], at: e})
			break
		}
	}
	return true
}

// rename is a chat member's change of name: the messages signed from at
// or after offset at are to's.
type rename struct {
	from, to string
	at       int
}

// applyRenames gives the messages signed with a chat member's new name
// to the name they had.
func (t *transcript) applyRenames() {
	for _, r := range t.renames {
		for i := range t.out {
			if t.out[i].Start >= r.at && strings.EqualFold(strings.TrimRight(t.out[i].Speaker, "."), r.from) {
				t.out[i].Speaker = r.to
			}
		}
	}
}

// capitalsFullName finds the full name a heading in capitals gives a
// one-word label, "INTERIOR MINISTER SABINE ROULEAU" for ROULEAU: the word
// in capitals before it, when it is no title, written as a name. ambiguous
// is set when two such names end with the label.
func capitalsFullName(text string, prose []paragraph, name string) (found string, ambiguous bool) {
	// The capitals are written into buf, not a new string: most labels
	// find nothing, and this runs for every one-word label not found.
	var buf [64]byte
	upper, ascii := "", len(name) <= len(buf)
	for i := 0; ascii && i < len(name); i++ {
		c := name[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		buf[i] = c
	}
	if ascii && len(name) > 0 {
		upper = unsafe.String(&buf[0], len(name))
	} else {
		upper = strings.ToUpper(name) // "Öztürk": rare enough to copy
	}
	if upper == name {
		return "", false
	}
	for _, p := range prose {
		para := text[p.start:p.end]
		for off := 0; ; {
			k := strings.Index(para[off:], upper)
			if k < 0 {
				break
			}
			k += off
			off = k + len(upper)
			if off < len(para) && isWordRune(firstRune(para[off:])) {
				continue
			}
			before := para[:k]
			if !strings.HasSuffix(before, " ") {
				continue
			}
			before = before[:len(before)-1]
			given := before[strings.LastIndexAny(before, " \t(")+1:]
			lg := strings.ToLower(given)
			if utf8.RuneCountInString(given) < 2 || strings.ToUpper(given) != given || lg == given ||
				titleWords[lg] || notNames[lg] || demonyms[lg] || strings.ContainsAny(given, "’',.") {
				continue
			}
			r, _ := utf8.DecodeRuneInString(given)
			_, lsize := utf8.DecodeRuneInString(lg)
			cand := string(r) + lg[lsize:] + " " + name
			if found != "" && found != cand {
				ambiguous = true
			}
			found = cand
		}
	}
	return found, ambiguous
}

// expandNames gives a one-word label the full name the prose around the
// transcript uses for it ("mediator Ines Calloway" for CALLOWAY), when
// exactly one full name there ends with that word.
func expandNames(text string, turns []Found, prose []paragraph) {
	if len(prose) == 0 {
		return
	}
	full := map[string]string{}
	expanded := 0
	for i := range turns {
		name := turns[i].Speaker
		if name == "" || turns[i].Local || strings.ContainsRune(name, ' ') {
			continue
		}
		if i > 0 && name == turns[i-1].Speaker && !turns[i-1].Local {
			continue // looked at for the turn before
		}
		if _, done := full[name]; done {
			continue
		}
		full[name] = ""
		found, ambiguous := "", false
		for _, p := range prose {
			para := text[p.start:p.end]
			for off := 0; ; {
				k := strings.Index(para[off:], name)
				if k < 0 {
					break
				}
				k += off
				off = k + len(name)
				if off < len(para) && isWordRune(firstRune(para[off:])) {
					continue
				}
				if sur := surnameAfter(para, off); sur != "" && !strings.ContainsRune(name, '.') {
					// "Marco" labelling the turns of "Marco Delacroix".
					cand := name + " " + sur
					if found != "" && found != cand {
						ambiguous = true
					}
					found = cand
					continue
				}
				before := strings.TrimRight(para[:k], " ")
				if len(before) == len(para[:k]) {
					continue // glued to the word before
				}
				sp := strings.LastIndexAny(before, " \t(") + 1
				given := before[sp:]
				lg := strings.ToLower(strings.TrimSuffix(given, "."))
				if given == "" || !unicode.IsUpper(firstRune(given)) || titleWords[lg] || notNames[lg] || demonyms[lg] || strings.ContainsAny(given, "’',:;") {
					continue
				}
				cand := given + " " + name
				if found != "" && found != cand {
					ambiguous = true
				}
				found = cand
			}
		}
		if found == "" && !ambiguous {
			found, ambiguous = capitalsFullName(text, prose, name)
		}
		if found != "" && !ambiguous {
			full[name] = found
			expanded++
		}
	}
	if expanded == 0 {
		return // the usual case: no turn to rename
	}
	for i := range turns {
		if f := full[turns[i].Speaker]; f != "" {
			turns[i].Speaker = f
		}
	}
}

func (t *transcript) emit(sp *turnSpeaker, s, e int) {
	s, e = trimStage(t.text, s, e)
	if s >= e || stageOnly(t.text[s:e]) || chatPlaceholder(t.text[s:e]) {
		return
	}
	f := Found{Text: t.text[s:e], Start: s, End: e, Cue: "transcript", Speaker: sp.name, Role: sp.role, Local: sp.local, Confidence: sp.conf}
	if sp.role != "" {
		f.Roles = sp.roles
	}
	if f.Speaker == "" {
		f.Confidence = model.None
	}
	t.out = append(t.out, f)
	if sp.q {
		return
	}
	if sp.local && sp.name == "Moderator" {
		// A moderator speaks between questions to hand the floor on: the
		// next Q is a new asker's, whoever the moderator names or not.
		t.asker = nil
	}
	t.noteTurn(f.Text)
}

// firstSentence cuts s at the first full stop that ends a word other than
// a title or an initial: "Dr. Ana Roe. Guest: X" gives "Dr. Ana Roe".
func firstSentence(s string) string {
	for off := 0; ; {
		k := strings.Index(s[off:], ". ")
		if k < 0 {
			return s
		}
		k += off
		w := s[strings.LastIndexByte(s[:k], ' ')+1 : k]
		if utf8.RuneCountInString(w) > 1 && !titleWords[strings.ToLower(w)] {
			return s[:k]
		}
		off = k + 2
	}
}

// examinerHeading reads a deposition's "BY MR. HALE:" heading at
// text[s:e] and returns the lawyer it names, who asks the Q turns below it.
func (t *transcript) examinerHeading(s, e int) (*turnSpeaker, bool) {
	if e-s < 6 || t.text[e-1] != ':' || !sameUpper(t.text[s:s+3], "BY ") {
		return nil, false
	}
	l, ok := parseLabelIn(t.text, s+3, e, t.tab)
	if !ok || l.textStart < e || !l.upper {
		return nil, false
	}
	t.tab.count(&l)
	return t.speakerOf(l, s+3, e), true
}

// capitalsHeading reports whether text is a heading in capitals, a few
// words with no sentence punctuation: "EXAMINATION", "CROSS-EXAMINATION".
func capitalsHeading(text string) bool {
	if text == "" || strings.ContainsAny(text, ".?!,;:\"") || len(strings.Fields(text)) > 4 {
		return false
	}
	return strings.ToUpper(text) == text && strings.ToLower(text) != text
}

// headerLine reports whether the line at offset s named Q or A in the
// header: it is not a turn.
func (t *transcript) headerLine(s int) bool { return t.header[s] }

// markHeader records that the line at offset s named Q or A.
func (t *transcript) markHeader(s int) {
	if t.header == nil {
		t.header = map[int]bool{}
	}
	t.header[s] = true
}

// headerPrefixes open the header lines of an interview naming its Q and
// A, lower case; none is longer than "interviewed by", and each opens with
// i, q, a, g, d, p or h.
var headerPrefixes = []struct {
	prefix string
	q      bool
}{
	{"interviewer:", true}, {"q =", true}, {"q:", true}, {"questions:", true}, {"questions by", true}, {"interviewed by", true},
	{"interviewee:", false}, {"a =", false}, {"a:", false}, {"answers:", false}, {"interview with", false}, {"guest:", false},
	{"deposition of", false}, {"presenter:", true}, {"host:", true},
}

// appendLowerRunes appends strings.ToLower of the first n runes of s to
// dst: the start of strings.ToLower(s), whose every rune maps to at least
// one byte, so its first n bytes at least.
func appendLowerRunes(dst []byte, s string, n int) []byte {
	end := 0
	for i := 0; i < n && end < len(s); i++ {
		if s[end] < utf8.RuneSelf {
			end++
			continue
		}
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
	}
	return appendLower(dst, s[:end])
}

// readHeader finds the names of an interview's Q and A in its opening
// lines: "Interviewer: Jane Roe", "Q = Jane Roe", "Interview with X".
func (t *transcript) readHeader(from int) {
	n := 0
	for i := from; i < len(t.text) && n < 12; {
		nl := strings.IndexByte(t.text[i:], '\n')
		end, next := len(t.text), len(t.text)
		if nl >= 0 {
			end, next = i+nl, i+nl+1
		}
		ls, le := trimSpan(t.text, i, end)
		line := t.text[ls:le]
		i = next
		if line == "" {
			continue
		}
		n++
		prefixed := false
		if c := line[0] | 0x20; line[0] >= utf8.RuneSelf || c == 'i' || c == 'q' || c == 'a' || c == 'g' || c == 'd' || c == 'p' || c == 'h' {
			// Every prefix opens with one of these letters; a line opening
			// with another ASCII byte matches none.
			prefixed = t.headerNames(line, ls)
		}
		if !prefixed {
			if _, ok := parseLabelIn(t.text, ls, le, t.tab); ok {
				// The turns have begun: a later "Q: Henrik Aalto, Nordwire.
				// Will you..." is a reporter introducing himself in one of
				// them, not a header naming every Q.
				return
			}
		}
	}
}

// headerNames reads the Q or A name a header line, opening at ls, gives,
// and reports whether the line opens with a header prefix.
func (t *transcript) headerNames(line string, ls int) bool {
	// Only the prefixes are compared: lower no more runes than the
	// longest has bytes, not the whole of a long opening turn.
	var buf [64]byte
	low := appendLowerRunes(buf[:0], line, len("interviewed by"))
	prefixed := false
	for _, p := range headerPrefixes {
		if len(low) < len(p.prefix) || string(low[:len(p.prefix)]) != p.prefix {
			continue
		}
		prefixed = true
		name := strings.TrimSpace(line[len(p.prefix):])
		if c := strings.IndexAny(name, ",(;"); c > 0 {
			name = strings.TrimSpace(name[:c])
		}
		name = firstSentence(name) // "Presenter: Wilma Achterberg. Guest: ..."

		name = strings.TrimRight(name, ".")
		if !labelName(name) || len(strings.Fields(name)) < 2 {
			continue
		}
		if strings.ToUpper(name) == name {
			name = recase(name) // "DEPOSITION OF MARGUERITE ELLSWORTH"
		}
		if p.q && t.qName == "" {
			t.qName = name
			t.markHeader(ls)
		} else if !p.q && t.aName == "" {
			t.aName = name
			t.markHeader(ls)
		}
	}
	return prefixed
}

// speakerOf names the speaker of a labelled turn.
func (t *transcript) speakerOf(l label, s, e int) *turnSpeaker {
	in := t.tab.of(l)
	if in.sp != nil {
		return in.sp
	}
	raw := l.raw
	// Compared in capitals without upper-casing: Q turns, never
	// remembered, come here every time.
	bare := strings.Trim(raw, ".")
	switch {
	case bare != "" && bare[0] < utf8.RuneSelf && !strings.ContainsRune("QqRrIiAaTt", rune(bare[0])):
		// None of the words below opens with this ASCII letter. (A
		// non-ASCII one may upper-case to one that does: ı to I.)
	case upperIs(bare, "Q", "QUESTION", "QUESTIONER", "REPORTER", "INTERVIEWER"):
		if t.examiner != nil && upperIs(bare, "Q") {
			return t.examiner
		}
		if t.qName != "" {
			if t.qSpeaker == nil {
				t.qSpeaker = t.newSpeaker(turnSpeaker{name: t.qName, role: "interviewer", conf: model.High})
			}
			return t.qSpeaker
		}
		if upperIs(bare, "Q", "QUESTION") {
			return t.questioner(l.textStart, e, l.role)
		}
	case upperIs(bare, "A", "ANSWER", "INTERVIEWEE", "THE WITNESS", "THE DEPONENT"):
		if t.aName != "" {
			return t.newSpeaker(turnSpeaker{name: t.aName, conf: model.High})
		}
	}
	var known knownLabel
	if t.qName == "" && t.aName == "" {
		// With no name in a header to complete a label with, what a
		// label names depends on the label alone: read once for every
		// transcript that uses it.
		known = *knownLabels.get(in.key, l)
	} else {
		var name string
		known.sp, name = readLabelSpeaker(l, t.headerFullName)
		if known.oneWord = !strings.Contains(name, " "); known.oneWord {
			known.word = t.scratch.names.lower(name)
		}
	}
	if known.oneWord {
		// t.labels is looked up by single words: a name of several could
		// never be found there.
		t.labels[known.word] = true
	}
	sp := known.sp
	// Only labels that get here are remembered: Q and A turns depend on
	// the header and on who was called on, these only on the label.
	in.sp = t.newSpeaker(sp)
	return in.sp
}

// readLabelSpeaker reads the speaker a label names, and the name the
// label gives (before a public caller's name is read from its brackets,
// or a chorus found), completing a one-word name with headerFull.
func readLabelSpeaker(l label, headerFull func(name string) string) (turnSpeaker, string) {
	raw := l.raw
	// A label has at most five words (labelName): split it on the stack.
	var wordBuf [8]string
	words := appendFields(wordBuf[:0], raw)
	n := 0
	for n < len(words)-1 {
		v := vocabOfFold(strings.Trim(words[n], "."))
		if v&vTitleWords != 0 || v&vDemonyms != 0 && vocabOfFold(strings.Trim(words[n+1], "."))&vTitleWords != 0 || n > 0 && v&vConnectors != 0 {
			n++
			continue
		}
		break
	}
	if len(words)-n >= 3 && vocabOfFold(words[n])&(vMaleNames|vFemaleNames) == 0 {
		// "Librarian Sofia Renn": a role word the vocabulary does not
		// know, before a given name and a surname.
		plain := true
		for _, w := range words[n:] {
			if vocabOfFold(w)&vConnectors != 0 {
				plain = false
			}
		}
		if plain {
			n = len(words) - 2
		}
	}
	if n > 0 && strings.Trim(strings.Join(words[n:], ""), "0123456789") == "" {
		n = 0 // "SPEAKER 1" is a name, not speaker number one
	}
	role, name := splitWords(raw, words, n)
	if l.upper {
		name = recase(name)
		role = recase(role)
	}
	if inSet(courtesyTitles, strings.Trim(role, ".")) {
		role = ""
	}
	if l.role != "" {
		if role != "" {
			role += "; "
		}
		role += l.role
	}
	if full := headerFull(name); full != "" {
		name = full // "Interviewer: Petra Volk" in the header, VOLK in the turns
	}
	sp := turnSpeaker{name: name, role: role, conf: model.High}
	// generic: every word is a generic label or a number. The first word
	// that is neither settles it.
	generic := true
	for i := 0; generic; {
		ws, we := nextField(name, i)
		if ws == we {
			break
		}
		i = we
		if w := name[ws:we]; !inSet(genericLabels, w) && strings.Trim(w, "0123456789") != "" {
			generic = false
		}
	}
	// The name's first runes, lowered, for the prefixes below.
	var buf [32]byte
	lowStart := string(appendLowerRunes(buf[:0], name, len("unidentified")))
	if who, where, ok := publicCaller(name, l.role); ok {
		// "CALLER (DAVE, MILLBROOK)": each caller is a person of their
		// own, known by a first name only in this programme.
		sp = turnSpeaker{name: who, role: strings.ToLower(name) + where, conf: model.High, local: true}
	} else if inSet(groupLabels, strings.Trim(words[len(words)-1], ".")) {
		// "Hon. Members: Hear, hear." is a chorus, not one speaker.
		sp = turnSpeaker{}
	} else if n > 0 && honorific(words[0]) && len(words)-n == 1 {
		// "Mr SPEAKER", "Madam CHAIR": the honorific makes the office
		// one particular person, not a generic label.
	} else if generic || strings.HasPrefix(lowStart, "unidentified") || strings.HasPrefix(lowStart, "unknown") {
		sp.local = true
	}
	return sp, name
}

// knownLabels holds what readLabelSpeaker reads from the labels
// transcripts use, with no header name to complete them: the same labels
// recur from transcript to transcript (a briefing's "Q" and "MS. PSAKI",
// a programme's hosts), and reading one took a few thousand instructions,
// a fifth of reading a generated transcript. Its strings are copies, so
// it keeps no document alive; it stops growing at maxKnownLabels.
var knownLabels = labelCache{m: map[labelKey]*knownLabel{}}

const maxKnownLabels = 1 << 12

type labelCache struct {
	mu sync.RWMutex
	m  map[labelKey]*knownLabel
}

// knownLabel is what readLabelSpeaker read from one label.
type knownLabel struct {
	sp      turnSpeaker // with its roles: they are shared and never changed
	oneWord bool        // the label's name is one word,
	word    string      // this one, lower-cased
}

// get returns what readLabelSpeaker reads from l, whose key is k.
func (c *labelCache) get(k labelKey, l label) *knownLabel {
	c.mu.RLock()
	known, ok := c.m[k]
	c.mu.RUnlock()
	if ok {
		return known
	}
	sp, name := readLabelSpeaker(l, func(string) string { return "" })
	sp.name, sp.role = strings.Clone(sp.name), strings.Clone(sp.role)
	if sp.role != "" {
		sp.roles = []string{sp.role}
	}
	known = &knownLabel{sp: sp}
	if known.oneWord = !strings.Contains(name, " "); known.oneWord {
		known.word = strings.ToLower(name)
		if known.word == name {
			known.word = strings.Clone(name) // ToLower returned name itself
		}
	}
	c.mu.Lock()
	if len(c.m) < maxKnownLabels {
		c.m[labelKey{strings.Clone(k.raw), strings.Clone(k.role), k.upper}] = known
	}
	c.mu.Unlock()
	return known
}

// headerFullName returns the full name the header gives a one-word label
// that is its surname, "" when there is none.
func (t *transcript) headerFullName(name string) string {
	if strings.IndexByte(name, ' ') >= 0 {
		return ""
	}
	for _, full := range [2]string{t.qName, t.aName} {
		if sp := strings.LastIndexByte(full, ' '); sp > 0 && strings.EqualFold(full[sp+1:], name) {
			return full
		}
	}
	return ""
}

// appendFields appends the words of s, as strings.Fields splits them, to
// dst.
func appendFields(dst []string, s string) []string {
	for i := 0; ; {
		ws, we := nextField(s, i)
		if ws == we {
			return dst
		}
		dst = append(dst, s[ws:we])
		i = we
	}
}

// splitWords returns strings.Join(words[:n], " ") and
// strings.Join(words[n:], " "), where words are raw's words. A label is
// nearly always written with single spaces, and then both are slices of
// it, not copies.
func splitWords(raw string, words []string, n int) (before, after string) {
	size := len(words) - 1
	for _, w := range words {
		size += len(w)
	}
	if size != len(raw) || strings.Count(raw, " ") != len(words)-1 {
		// Some gap is not one plain space.
		return strings.Join(words[:n], " "), strings.Join(words[n:], " ")
	}
	if n == 0 {
		return "", raw
	}
	off := n - 1
	for _, w := range words[:n] {
		off += len(w)
	}
	if n == len(words) {
		return raw, ""
	}
	return raw[:off], raw[off+1:]
}

// courtesyTitles are the honorifics a label's role loses: "MR. SMITH" is
// Smith, with no role.
var courtesyTitles = set(`mr mrs ms miss mx`)

// upperIs reports whether strings.ToUpper(s) is one of words, which are
// in capitals.
func upperIs(s string, words ...string) bool {
	for _, w := range words {
		if sameUpper(s, w) {
			return true
		}
	}
	return false
}

// questioner names the reporter asking in a Q turn: one who introduces
// themselves ("Olga X, 1+1 TV."), one the previous speaker called on
// ("Phil X of CNN"), or the questioner of the exchange still going on.
//
// outlet is the one a label writes beside its Q, "Q (Daily Ledger):": a
// Q naming another outlet than the current asker's is someone else.
func (t *transcript) questioner(s, e int, outlet string) *turnSpeaker {
	if outlet != "" && t.asker != nil && t.asker.role != "reporter, "+outlet {
		t.asker = nil
	}
	// The turn's own text runs to the next label; its first sentences are
	// on the label's line.
	if name, outlet := selfIntro(t.text[s:e], t.labels); name != "" {
		sp := turnSpeaker{name: name, role: "reporter", conf: model.High, q: true}
		if outlet != "" {
			sp.role = "reporter, " + outlet
		}
		t.asker, t.pending = t.newSpeaker(sp), nil
		return t.asker
	}
	if t.pending != nil {
		t.asker, t.pending = t.pending, nil
		return t.asker
	}
	if t.asker != nil {
		// Every Q turn of an exchange after its first: one speaker for
		// them all, made again only when the asker changes.
		if t.lowFor != t.asker {
			t.lowAsker = t.newSpeaker(turnSpeaker{name: t.asker.name, role: t.asker.role, conf: model.Low, q: true})
			t.lowFor = t.asker
		}
		return t.lowAsker
	}
	return &unnamedQuestioner
}

// unnamedQuestioner speaks the Q turns no one is named for. Like every
// turnSpeaker it is shared and never changed, so one serves them all,
// in every transcript.
var unnamedQuestioner = turnSpeaker{name: "Questioner", role: "reporter", local: true, conf: model.High, q: true, roles: []string{"reporter"}}

// selfIntro reads "Name Surname, Outlet." among a turn's first sentences,
// also after a greeting ("Madam Mayor, Tom Reyes, Channel 6.").
func selfIntro(text string, labels map[string]bool) (name, outlet string) {
	for sentences := 0; len(text) > 0 && sentences < 3; sentences++ {
		end := sentenceEnd(text)
		sent := strings.TrimRight(strings.TrimSpace(text[:end]), ".!?")
		text = text[end:]
		// The parts of sent between ", ", walked in place: what follows a
		// part is the rest of sent, as a copy would join it.
		for start := 0; ; {
			part, rest := sent[start:], ""
			next := -1
			if c := strings.Index(part, ", "); c >= 0 {
				part, next = part[:c], start+c+len(", ")
				rest = sent[next:]
			}
			// The name opens the part, two or three capitalised words
			// (personWords) before any separator: the words of who are
			// the first of part's. A part whose first two words are not
			// both capitalised names no one, and its separators need no
			// search; a Q turn's sentence rarely opens with two.
			if twoCapitalised(part) {
				who := part
				for _, sep := range []string{" from ", " with ", " of "} {
					if c := strings.Index(part, sep); c > 0 {
						who, rest = part[:c], part[c+len(sep):]
						break
					}
				}
				// "Ask Brussels, not me?" opens with a verb telling
				// someone to speak: an order, not a name.
				if rest != "" && len(rest) <= 60 && strings.Count(rest, " ") <= 6 && personWords(who, labels) && !inSet(speechVerbs, firstField(who)) {
					return who, rest
				}
			}
			if next < 0 {
				break
			}
			start = next
		}
	}
	return "", ""
}

// firstField returns the first word of s, as strings.Fields splits it.
func firstField(s string) string {
	a, b := nextField(s, 0)
	return s[a:b]
}

// twoCapitalised reports whether the first two words of s, as
// strings.Fields splits it, both open with a capital letter.
func twoCapitalised(s string) bool {
	a, b := nextField(s, 0)
	if a == b || !unicode.IsUpper(firstRune(s[a:b])) {
		return false
	}
	c, d := nextField(s, b)
	return c != d && unicode.IsUpper(firstRune(s[c:d]))
}

// personWords reports whether s is two or three capitalised words that
// are neither titles nor a known label.
func personWords(s string, labels map[string]bool) bool {
	n := 0
	for i := 0; ; {
		ws, we := nextField(s, i)
		if ws == we {
			break
		}
		i = we
		if n++; n > 3 {
			return false
		}
		w := s[ws:we]
		lw := strings.Trim(w, ".,")
		if !unicode.IsUpper(firstRune(w)) || inSet(titleWords, lw) || inSet(notNames, lw) || inSet(labels, lw) || strings.ContainsAny(w, "’'") {
			return false
		}
	}
	return n >= 2
}

// sentenceEnd returns the length of text's first sentence: through a
// line end, or a '.', '?' or '!' before a space or the end of text.
func sentenceEnd(text string) int {
	for i := 0; i < len(text); i++ {
		if !sentenceStops[text[i]] {
			continue // most bytes: one table look-up
		}
		if text[i] == '\n' || i+1 >= len(text) {
			return i + 1
		}
		if r, _ := utf8.DecodeRuneInString(text[i+1:]); unicode.IsSpace(r) {
			return i + 1
		}
	}
	return len(text)
}

// sentenceStops marks the bytes that can end a sentence.
var sentenceStops = [256]bool{'.': true, '?': true, '!': true, '\n': true}

// handOverCues, in a sentence past a turn's first, say it hands the floor
// to the reporter it names.
var handOverCues = byteStrings("start with", "go to", "call on", "question")

// containsAny reports whether s holds one of subs.
func containsAny(s []byte, subs [][]byte) bool {
	for _, sub := range subs {
		if bytes.Contains(s, sub) {
			return true
		}
	}
	return false
}

var selectionCues = byteStrings("last question", "next question", "final question", "one more question", "call on", "go ahead", "take questions", "take a question", "press person")

// byteStrings returns ss as byte slices, to search lowered bytes with.
func byteStrings(ss ...string) [][]byte {
	out := make([][]byte, len(ss))
	for i, s := range ss {
		out[i] = []byte(s)
	}
	return out
}

// noteTurn reads a non-questioner turn for who asks next: a reporter
// called on by name, or a hand-over that ends the current exchange.
func (t *transcript) noteTurn(turn string) {
	if t.asker != nil {
		// Only a current asker can be let go: skip the search otherwise.
		t.low = appendLower(t.low[:0], turn)
		if containsAny(t.low, selectionCues) {
			t.asker = nil
		}
	}
	if sp, ok := calledOn(turn, t.labels, &t.low, &t.words); ok {
		t.pending, t.asker = t.newSpeaker(sp), nil
	}
}

// calledOn finds "Name of Outlet" where a speaker hands the floor to a
// reporter: the turn opens with it, or the sentence holding it says
// "start with", "go to", "call on" or "question".
// low and words are buffers to lower and split sentences in, reused
// across turns.
func calledOn(turn string, labels map[string]bool, low *[]byte, words *[]string) (turnSpeaker, bool) {
	if spaced, afterCap := ofFromWords(turn); !spaced || !afterCap {
		// Most turns hold an "of", few one right after a capitalised
		// word, which any name found below is: the sentences of the
		// rest need not be split and searched.
		return turnSpeaker{}, false
	}
	rest := turn
	for len(rest) > 0 {
		end := sentenceEnd(rest)
		sent := rest[:end]
		rest = rest[end:]
		if !hasOfFrom(sent, "of", "from") {
			continue // no word "of" or "from" for a name to lean on
		}
		// The first sentence opens the turn; a later one only when it
		// repeats the turn's start.
		opening := len(sent)+len(rest) == len(turn) ||
			strings.TrimSpace(sent) == strings.TrimSpace(turn[:min(len(turn), len(sent))])
		if !opening {
			*low = appendLower((*low)[:0], sent)
			if !containsAny(*low, handOverCues) {
				continue
			}
		}
		*words = appendFields((*words)[:0], sent)
		words := *words
		for i := 0; i < len(words); i++ {
			// A run of one or two capitalised words, then "of"/"from".
			j := i
			for j < len(words) && j-i < 2 && unicode.IsUpper(firstRune(words[j])) && !strings.ContainsAny(words[j], ",.;:?!’'") {
				j++
			}
			if j == i || j >= len(words)-1 || (words[j] != "of" && words[j] != "from") {
				continue
			}
			k := j + 1
			for k < len(words) && (words[k] == "—" || words[k] == "–" || words[k] == "-" || words[k] == "the") {
				k++
			}
			if k >= len(words) || !unicode.IsUpper(firstRune(words[k])) {
				continue
			}
			name := words[i:j]
			first := strings.ToLower(name[0])
			if titleWords[first] || notNames[first] || labels[strings.ToLower(name[len(name)-1])] {
				continue
			}
			if len(name) == 1 && !maleNames[first] && !femaleNames[first] {
				continue
			}
			outlet := strings.TrimRight(strings.Join(words[k:], " "), ".?!")
			if places[strings.ToLower(strings.Trim(words[k], ".,"))] {
				continue
			}
			// "Phil X of — X of CNN": the outlet is the last "of" phrase.
			if o := strings.LastIndex(outlet, " of "); o >= 0 {
				outlet = outlet[o+4:]
			}
			return turnSpeaker{name: strings.Join(name, " "), role: "reporter, " + outlet, conf: model.Medium, q: true}, true
		}
	}
	return turnSpeaker{}, false
}

// ofFromWords reports, in one pass over the 'f's of s, whether s holds
// " of " or " from " (spaced), and whether, as strings.Fields splits s,
// a word "of" or "from" follows a word opening with a capital letter
// (afterCap): the words calledOn reads a name and an outlet around. A
// sentence of s is split into the same words as s, since a sentence ends
// before white space or after a line end.
func ofFromWords(s string) (spaced, afterCap bool) {
	for i := 0; ; i++ {
		k := strings.IndexByte(s[i:], 'f')
		if k < 0 {
			return spaced, afterCap
		}
		i += k
		// Most 'f's are in neither word: two byte tests rule them out.
		if i > 0 && s[i-1] == 'o' {
			spaced, afterCap = ofFromAt(s, i-1, i+1, spaced, afterCap)
		}
		if len(s)-i >= len("from") && s[i+1] == 'r' && s[i+2] == 'o' && s[i+3] == 'm' {
			spaced, afterCap = ofFromAt(s, i, i+len("from"), spaced, afterCap)
		}
		if spaced && afterCap {
			return true, true
		}
	}
}

// ofFromAt is ofFromWords' reading of s[p:end], "of" or "from", given
// what it found before.
func ofFromAt(s string, p, end int, spaced, afterCap bool) (bool, bool) {
	if p > 0 && end < len(s) && s[p-1] == ' ' && s[end] == ' ' {
		spaced = true
	}
	if !afterCap && wordAt(s, p, end) {
		afterCap = unicode.IsUpper(firstRune(s[wordBefore(s, p):]))
	}
	return spaced, afterCap
}

// wordAt reports whether s[p:end] is a whole word of s, as strings.Fields
// splits it: white space or an end of s on either side.
func wordAt(s string, p, end int) bool {
	if end < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[end:]); !unicode.IsSpace(r) {
			return false
		}
	}
	if p == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:p])
	return unicode.IsSpace(r)
}

// wordBefore returns where the word before offset p of s starts, as
// strings.Fields splits s, len(s) when there is none: p follows white
// space or starts s.
func wordBefore(s string, p int) int {
	j := p
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:j])
		if !unicode.IsSpace(r) {
			break
		}
		j -= size
	}
	if j == 0 {
		return len(s)
	}
	w := j
	for w > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:w])
		if unicode.IsSpace(r) {
			break
		}
		w -= size
	}
	return w
}

// hasOfFrom reports whether s contains of or from, two strings whose
// 'f' is the second letter of "of" and the first of "from". It looks at
// each 'f' of s instead of searching twice from a space, which is common
// enough in text to slow strings.Contains down. Every turn is searched.
func hasOfFrom(s, of, from string) bool {
	ofF, fromF := strings.IndexByte(of, 'f'), strings.IndexByte(from, 'f')
	for i := 0; ; i++ {
		k := strings.IndexByte(s[i:], 'f')
		if k < 0 {
			return false
		}
		i += k
		if i >= ofF && strings.HasPrefix(s[i-ofF:], of) || i >= fromF && strings.HasPrefix(s[i-fromF:], from) {
			return true
		}
	}
}

// splitTitles separates leading titles from a subtitle voice's name:
// "Councillor Rob Ennis" is Rob Ennis, a councillor.
func splitTitles(name string) (string, string) {
	words := strings.Fields(name)
	n := 0
	for n < len(words)-1 && titleWords[strings.ToLower(strings.Trim(words[n], "."))] {
		n++
	}
	role := strings.Join(words[:n], " ")
	if honorific(role) {
		role = ""
	}
	return strings.Join(words[n:], " "), role
}

// isSRT reports whether body opens as SubRip does: a cue number alone on
// the first line, a "-->" timing on the second. Every document's body is
// asked: the two lines are cut in place, not split into a slice.
func isSRT(body string) bool {
	first, rest, ok := strings.Cut(body, "\n")
	if !ok {
		return false
	}
	first = strings.TrimSpace(first)
	if first == "" {
		return false
	}
	for _, c := range first {
		if c < '0' || c > '9' {
			return false
		}
	}
	second, _, _ := strings.Cut(rest, "\n")
	return strings.Contains(second, "-->")
}

// subtitles reads WebVTT and SRT: each cue is a quotation; the speaker is
// a <v Name> voice tag or a "NAME:" prefix, and a cue without one
// continues the previous speaker.
func subtitles(text string, from int) []Found {
	var out []Found
	var cur *turnSpeaker
	// voices are the last two named speakers, the latest first; dashTurn
	// numbers the dashed lines of the current cue from 1, -1 when it has
	// only one.
	var voices [2]*turnSpeaker
	dashTurn := 0
	inCue := false
	segStart, segEnd := -1, -1
	var sp *turnSpeaker
	flush := func() {
		if sp != nil && segStart >= 0 {
			s, e := trimStage(text, segStart, segEnd)
			for e > s && strings.HasSuffix(text[s:e], "</v>") {
				e -= len("</v>")
				s, e = trimSpan(text, s, e)
			}
			if s < e && !stageOnly(text[s:e]) {
				f := Found{Text: text[s:e], Start: s, End: e, Cue: "transcript", Speaker: sp.name, Confidence: sp.conf, Local: sp.local}
				if f.Speaker == "" {
					f.Confidence, f.Cue = model.None, "transcript"
				}
				out = append(out, f)
			}
		}
		segStart, segEnd = -1, -1
	}
	for s, e := range trimmedLines(text, from) {
		line := text[s:e]
		switch {
		case s >= e:
			flush()
			inCue = false
			sp = nil
			continue
		case strings.Contains(line, "-->"):
			flush()
			inCue = true
			sp = nil
			dashTurn = 0
			continue
		case !inCue:
			continue
		}
		dash := dialogueDash(line)
		if segStart >= 0 && dash > 0 {
			// "- Who told you that?\n- The river authority.": each dash
			// opens another speaker's line within the cue.
			flush()
			dashTurn++
		}
		if segStart < 0 {
			// First text line of a cue: find its speaker.
			ts := s
			switch {
			case strings.HasPrefix(line, "<v ") || strings.HasPrefix(line, "<v."):
				gt := strings.IndexByte(line, '>')
				if gt > 0 {
					tag := line[2:gt]
					if sp0 := strings.IndexByte(tag, ' '); sp0 >= 0 {
						name, role := splitTitles(strings.TrimSpace(tag[sp0+1:]))
						// "<v Anchor>" is whoever anchors this bulletin, as an
						// ANCHOR: label is: local to the document.
						cur = &turnSpeaker{name: name, role: role, conf: model.High, local: genericLabels[strings.ToLower(name)]}
					}
					ts = s + gt + 1
				}
			default:
				l := line
				off := 0
				for _, p := range []string{"- ", ">> ", "– ", "— "} {
					if strings.HasPrefix(l, p) {
						l, off = l[len(p):], len(p)
						break
					}
				}
				if lb, ok := parseLabel(text, s+off, e); ok && lb.raw != "" {
					name := lb.raw
					if lb.upper {
						name = recase(name)
					}
					cur = &turnSpeaker{name: name, role: lb.role, conf: model.High, local: genericLabels[strings.ToLower(name)]}
					if n, r := splitTitles(name); r != "" {
						cur.name, cur.role = n, r
					}
					ts = lb.textStart
				} else if strings.HasPrefix(l, "[") {
					if c := strings.IndexByte(l, ']'); c > 1 && labelName(l[1:c]) {
						name := l[1:c]
						if !hasLower(name) {
							name = recase(name)
						}
						cur = &turnSpeaker{name: name, conf: model.High}
						ts = s + off + c + 1
					}
				} else if off > 0 {
					// "- Where were you?": a dash marks a change of
					// speaker the subtitle does not name. In a cue of two
					// dashed lines after a named exchange, the two are
					// likely its two voices, the one who did not speak
					// last first: a guess, so at low confidence.
					cur = &turnSpeaker{}
					if dashTurn == 0 {
						dashTurn = 1
						if !secondDash(text, e) {
							dashTurn = -1
						}
					}
					if dashTurn > 0 && voices[0] != nil && voices[1] != nil {
						v := voices[dashTurn%2]
						cur = &turnSpeaker{name: v.name, role: v.role, local: v.local, conf: model.Low}
					}
					ts = s + off
				} else if cur != nil {
					cur = &turnSpeaker{name: cur.name, role: cur.role, conf: model.Low}
				}
			}
			sp = cur
			if sp == nil {
				sp = &turnSpeaker{}
			}
			if sp.name != "" && sp.conf == model.High && (voices[0] == nil || voices[0].name != sp.name) {
				voices[0], voices[1] = sp, voices[0]
			}
			segStart, segEnd = ts, e
			if ts >= e {
				segStart = -1
			}
			continue
		}
		segEnd = e
	}
	flush()
	return out
}

// dialogueDash returns the length of the dialogue dash opening a
// subtitle line ("- ", "– ", "— "), 0 when there is none.
func dialogueDash(line string) int {
	for _, p := range [...]string{"- ", "– ", "— "} {
		if strings.HasPrefix(line, p) {
			return len(p)
		}
	}
	return 0
}

// secondDash reports whether the cue whose line ends at e has another
// line below it opening with a dialogue dash.
func secondDash(text string, e int) bool {
	for i := e; i < len(text); {
		nl := strings.IndexByte(text[i:], '\n')
		if nl < 0 {
			return false
		}
		i += nl + 1
		end := len(text)
		if k := strings.IndexByte(text[i:], '\n'); k >= 0 {
			end = i + k
		}
		ls, le := trimSpan(text, i, end)
		if ls >= le {
			return false // the cue ends at a blank line
		}
		if dialogueDash(text[ls:le]) > 0 {
			return true
		}
	}
	return false
}

// publicCallers are labels for members of the public a programme names in
// brackets: "CALLER (DAVE, MILLBROOK)", "Audience member (Priya)".
var publicCallers = set(`caller listener viewer questioner participant`)

// publicCaller reads the name (and place) in the brackets of a label for
// a member of the public.
func publicCaller(label, bracket string) (who, where string, ok bool) {
	if bracket == "" {
		return "", "", false // most labels: spare lowering and splitting
	}
	words := strings.Fields(strings.ToLower(label))
	if len(words) == 0 || !publicCallers[words[len(words)-1]] {
		return "", "", false
	}
	first, rest, _ := strings.Cut(bracket, ",")
	first = strings.TrimSpace(first)
	if n := len(strings.Fields(first)); n < 1 || n > 2 || !labelName(first) {
		return "", "", false
	}
	if !hasLower(first) {
		first = recase(first)
	}
	if rest = strings.TrimSpace(rest); rest != "" {
		if !hasLower(rest) {
			rest = recase(rest)
		}
		rest = "; " + rest
	}
	return first, rest, true
}
