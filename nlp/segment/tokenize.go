package segment

import (
	"unicode"
	"unicode/utf8"
)

// piece is one token found by the tokenizer, with byte offsets into the whole text.
type piece struct {
	start, end int
	// nl is the number of line breaks in the white space before the piece (capped at 2);
	// space says whether there is any white space before it.
	nl    uint8
	space bool
	// abbrevDot is set when the piece is a word that keeps its final period because it is an
	// abbreviation or initial; the splitter splits the period off when the sentence ends there.
	abbrevDot bool
	// kind says what the splitter needs to know.
	kind pieceKind
}

type pieceKind uint8

const (
	kWord   pieceKind = iota // letters, digits, marks and inner punctuation
	kTerm                    // sentence-final punctuation: . ! ? ... … and runs of them
	kCloser                  // closing quote or bracket
	kOpener                  // opening quote or bracket
	kDash                    // - -- — – used as a dash
	kPunct                   // any other punctuation or symbol
)

// class of an ASCII byte.
const (
	cOther = iota
	cSpace
	cAlnum
)

var asciiClass [128]uint8

func init() {
	for c := 0; c < 128; c++ {
		switch {
		case c <= ' ' || c == 0x7f:
			asciiClass[c] = cSpace // white space and control characters separate tokens
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_':
			asciiClass[c] = cAlnum
		default:
			asciiClass[c] = cOther
		}
	}
}

// isSpaceRune reports whether r separates tokens: Unicode white space, control characters, and
// the invisible format characters that carry no letter: zero-width space U+200B, the bidi marks,
// embeddings, overrides and isolates (U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), the BOM
// U+FEFF, and the joiners (IsJoiner: soft hyphen, ZWNJ, ZWJ, word joiner), which stay inside a
// word between two letters or digits (joinerRunEnd).
func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r] == cSpace
	}
	switch r {
	case 0x85, 0xA0, 0xAD, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0x200B, 0x200C, 0x200D,
		0x200E, 0x200F, 0x2060, 0xFEFF:
		return true
	}
	if (r >= 0x2000 && r <= 0x200A) || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) {
		return true
	}
	return unicode.IsSpace(r) || unicode.IsControl(r)
}

// IsJoiner reports whether r is an invisible character that may stand inside a word: the soft
// hyphen U+00AD (a possible line break, "con\u00ADdemned"), the zero-width non-joiner U+200C and
// joiner U+200D (Persian and Indic spelling) and the word joiner U+2060. Between two letters or
// digits Split keeps it in the word's token; the tagger reads the word without it.
func IsJoiner(r rune) bool {
	return r == 0xAD || r == 0x200C || r == zwj || r == 0x2060
}

// isWordRune reports whether r is part of a word: a letter, a digit, a letter number (the
// ideographic zero 〇 of "二〇二〇", Roman numerals), a combining mark or "_".
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r] == cAlnum
	}
	if r == utf8.RuneError {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || unicode.Is(unicode.Nl, r)
}

// isIdeoTerm reports whether r is a sentence-final mark of Chinese and Japanese text: the
// ideographic full stop 。 (U+3002) and its halfwidth, vertical and small forms ｡ ︒ ﹒ (U+FF61,
// U+FE12, U+FE52), and the fullwidth, vertical and small exclamation and question marks ！ ？
// ︕ ︖ ﹗ ﹖ (U+FF01, U+FF1F, U+FE15, U+FE16, U+FE57, U+FE56). These scripts put no space after
// them, so they end a sentence without one (boundaryAfter).
func isIdeoTerm(r rune) bool {
	switch r {
	case 0x3002, 0xFF61, 0xFE12, 0xFE52, 0xFF01, 0xFF1F, 0xFE15, 0xFE16, 0xFE57, 0xFE56:
		return true
	}
	return false
}

// inWordRunEnd returns the end of the run of U+FFFD characters and invalid bytes that starts at
// text[j] when it stands inside a word, between a word rune (at or after text[start]) and a word
// rune that starts before lim: it most often replaces a letter of a text in a single-byte
// charset read as UTF-8 ("Gonz\uFFFDlez", "S\uFFFDo Paulo") and stays in the word. Otherwise it
// returns j: the run separates tokens like white space.
func inWordRunEnd(text string, start, j, lim int) int {
	return wordRunEnd(text, start, j, lim, isRuneError)
}

// joinerRunEnd is inWordRunEnd for a run of joiners (IsJoiner): inside a word the word goes on
// through it ("con\u00ADdemned" is one token).
func joinerRunEnd(text string, start, j, lim int) int {
	return wordRunEnd(text, start, j, lim, IsJoiner)
}

func isRuneError(r rune) bool { return r == utf8.RuneError }

// wordRunEnd returns the end of the run of runes r with in(r) that starts at text[j] when a word
// rune (at or after text[start]) comes right before it and a word rune that starts before lim
// right after it; otherwise j.
func wordRunEnd(text string, start, j, lim int, in func(rune) bool) int {
	if j <= start {
		return j
	}
	if prev, _ := utf8.DecodeLastRuneInString(text[start:j]); !isWordRune(prev) {
		return j
	}
	k := j
	for k < lim {
		r, w := utf8.DecodeRuneInString(text[k:lim])
		if !in(r) {
			break
		}
		k += w
	}
	if k == j || k >= lim || !isWordByteOrStart(text, k, lim) {
		return j
	}
	return k
}

// esc starts the escape sequences of terminal output (ANSI colours and cursor moves) that a
// story may carry (ECMA-48 5th ed. §5.3-5.4). A sequence separates tokens like the control
// character it starts with. C1 controls (U+0080-U+009F) are single separators and start no
// sequence: in text they mostly come from windows-1252 read as Latin-1 ("›" as U+009B, "ž" as
// U+009E), and reading them as CSI or a command string would swallow the words after them.
const esc = 0x1B

// escEnd returns the end of the escape sequence that starts with the ESC at text[i]: ESC "["
// and a control sequence ("\x1b[31m", "\x1b[2J"); ESC and a command string introducer ("]", "P",
// "X", "^", "_") and a string up to its terminator ("\x1b]0;title\x07"); ESC, intermediate bytes
// (0x20-0x2F) and a final byte (0x30-0x7E) ("\x1b(B"); or ESC and one final byte ("\x1b7",
// "\x1bM") when no letter or digit follows it. Otherwise (a lone ESC, an unfinished sequence) it
// returns i+1: only the ESC is a separator and what follows is text.
func escEnd(text string, i int) int {
	k := i + 1
	if k >= len(text) {
		return k
	}
	switch c := text[k]; {
	case c == '[':
		if n := csiEnd(text, k+1); n > 0 {
			return n
		}
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		if n := controlStringEnd(text, k+1); n > 0 {
			return n
		}
	case c >= 0x20 && c <= 0x2F:
		n := k
		for n < len(text) && n-k < 8 && text[n] >= 0x20 && text[n] <= 0x2F {
			n++
		}
		if n < len(text) && text[n] >= 0x30 && text[n] <= 0x7E {
			return n + 1
		}
	case c >= 0x30 && c <= 0x7E:
		if k+1 >= len(text) || !isWordByteOrStart(text, k+1, len(text)) {
			return k + 1
		}
	}
	return i + 1
}

// csiEnd returns the end of a control sequence whose introducer ends at text[k]: parameter
// bytes (0x30-0x3F), intermediate bytes (0x20-0x2F) and a final byte (0x40-0x7E), at most 64
// bytes in all; or -1.
func csiEnd(text string, k int) int {
	n := k
	for n < len(text) && n-k < 64 && text[n] >= 0x30 && text[n] <= 0x3F {
		n++
	}
	for n < len(text) && n-k < 64 && text[n] >= 0x20 && text[n] <= 0x2F {
		n++
	}
	if n < len(text) && text[n] >= 0x40 && text[n] <= 0x7E {
		return n + 1
	}
	return -1
}

// controlStringEnd returns the end of a command string that starts at text[k], with its
// terminator: BEL (as xterm ends OSC strings) or ESC "\\" (ST). It gives -1 when no terminator
// comes within 4 KiB or before a line break.
func controlStringEnd(text string, k int) int {
	for n := k; n < len(text) && n-k < 4096; n++ {
		switch text[n] {
		case '\n':
			return -1
		case 0x07:
			return n + 1
		case esc:
			if n+1 < len(text) && text[n+1] == '\\' {
				return n + 2
			}
			return -1
		}
	}
	return -1
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// isApostrophe reports whether r writes an apostrophe for the clitic and possessive splits: the
// straight one, the right single quotation mark U+2019, the grave accent and the fullwidth
// apostrophe U+FF07 ("Korea＇s" -> "Korea" "＇s").
func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == '`' || r == '＇' }

// tokenizer scans a text into pieces.
type tokenizer struct {
	text   string
	pieces []piece
	nl     uint8
	space  bool
}

func (t *tokenizer) emit(start, end int, kind pieceKind, abbrevDot bool) {
	t.pieces = append(t.pieces, piece{start: start, end: end, nl: t.nl, space: t.space, kind: kind, abbrevDot: abbrevDot})
	t.nl = 0
	t.space = false
}

// tokenize fills t.pieces for the whole text.
func (t *tokenizer) tokenize() {
	text := t.text
	i := 0
	t.nl = 2 // the start of the text is a paragraph start
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiClass[c] == cSpace {
				t.space = true
				if c == '\n' || (c == '\r' && (i+1 >= len(text) || text[i+1] != '\n')) {
					if t.nl < 2 {
						t.nl++
					}
				} else if c == esc {
					i = escEnd(text, i)
					continue
				}
				i++
				continue
			}
		} else {
			r, w := utf8.DecodeRuneInString(text[i:])
			if r == utf8.RuneError {
				// U+FFFD or an invalid byte outside a word (the chunk loop below keeps the ones
				// inside a word) separates tokens
				t.space = true
				i += w
				continue
			}
			if isSpaceRune(r) {
				t.space = true
				if r == 0x2029 {
					t.nl = 2
				} else if r == 0x2028 || r == 0x85 {
					if t.nl < 2 {
						t.nl++
					}
				}
				i += w
				continue
			}
		}
		// a chunk: maximal run without white space
		j := i
		for j < len(text) {
			c := text[j]
			if c < utf8.RuneSelf {
				if asciiClass[c] == cSpace {
					break
				}
				j++
				continue
			}
			r, w := utf8.DecodeRuneInString(text[j:])
			if r == utf8.RuneError {
				if k := inWordRunEnd(text, i, j, len(text)); k > j {
					j = k
					continue
				}
				break
			}
			if isSpaceRune(r) {
				if r == zwj && joinsEmoji(text, i, j, j+w) {
					j += w
					continue
				}
				if k := joinerRunEnd(text, i, j, len(text)); k > j {
					j = k // "con\u00ADdemned"
					continue
				}
				break
			}
			j += w
		}
		t.chunk(i, j)
		i = j
	}
}

// chunk tokenizes text[s:e], a run without white space.
func (t *tokenizer) chunk(s, e int) {
	text := t.text
	if n := urlOrEmail(text, s, e); n > s {
		t.emit(s, n, kWord, false)
		s = n
	}
	i := s
	// onlyOpeners says whether every piece of the chunk so far is an opening bracket or quote,
	// so that a quote here opens; seen counts the pieces already looked at
	onlyOpeners, seen := true, len(t.pieces)
	for i < e {
		for ; seen < len(t.pieces); seen++ {
			if onlyOpeners && !isOpenerText(text[t.pieces[seen].start:t.pieces[seen].end]) {
				onlyOpeners = false
			}
		}
		c := text[i]
		var r rune = rune(c)
		w := 1
		if c >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(text[i:e])
		}
		if isWordRune(r) {
			i = t.word(i, e)
			continue
		}
		if r == utf8.RuneError || isSpaceRune(r) {
			// left over where a word was split just before a U+FFFD or a joiner inside it
			// ("don't\uFFFDs", "don't\u00ADs"): a separator
			t.space = true
			i += w
			continue
		}
		if (c == ':' || c == ';') && i+1 < e {
			if n := emoticon(text[i:e]); n > 0 {
				t.emit(i, i+n, kPunct, false)
				i += n
				continue
			}
		}
		switch {
		case c == '.' || c == '!' || c == '?' || r == '…' || isIdeoTerm(r):
			// a run of sentence-final punctuation: "...", "?!", "!!!", "…", "。", "！？"
			j := i + w
			for j < e {
				if text[j] == '.' || text[j] == '!' || text[j] == '?' {
					j++
					continue
				}
				if text[j] < utf8.RuneSelf {
					break
				}
				r2, w2 := utf8.DecodeRuneInString(text[j:e])
				if r2 != '…' && !isIdeoTerm(r2) {
					break
				}
				j += w2
			}
			t.emit(i, j, kTerm, false)
			i = j
		case c == '-':
			j := i + 1
			for j < e && text[j] == '-' {
				j++
			}
			// "-5" as a negative number stays one word
			if j == i+1 && j < e && isDigitByte(text[j]) && (i == s || !isWordRune(lastRune(text[s:i]))) {
				i = t.word(i, e)
				continue
			}
			t.emit(i, j, kDash, false)
			i = j
		case r == '—' || r == '–' || r == '―':
			t.emit(i, i+w, kDash, false)
			i += w
		case c == '"' || r == '“' || r == '”' || r == '„' || r == '«' || r == '»':
			kind := kOpener
			if r == '”' || r == '»' || (c == '"' && i > s && !onlyOpeners) {
				kind = kCloser
			}
			t.emit(i, i+w, kind, false)
			i += w
		case c == '\'' && i+1 < e && text[i+1] == '\'':
			// '' as a closing double quote, `` as an opening one
			t.emit(i, i+2, kCloser, false)
			i += 2
		case c == '`' && i+1 < e && text[i+1] == '`':
			t.emit(i, i+2, kOpener, false)
			i += 2
		case isApostrophe(r) || r == '‘':
			kind := kOpener
			if i > s && !onlyOpeners {
				kind = kCloser
			}
			// 's 're 've 'll 'd 'm after a closing quote or bracket is still a clitic
			if n := cliticEnd(text, i, e); n > 0 && i > s {
				t.emit(i, n, kWord, false)
				i = n
				continue
			}
			t.emit(i, i+w, kind, false)
			i += w
		case c == '(' || c == '[' || c == '{' || c == '<':
			t.emit(i, i+1, kOpener, false)
			i++
		case c == ')' || c == ']' || c == '}' || c == '>':
			t.emit(i, i+1, kCloser, false)
			i++
		case c == '*' || c == '=' || c == '#' || c == '~' || c == '+' || c == '^':
			j := i + 1
			for j < e && text[j] == c {
				j++
			}
			t.emit(i, j, kPunct, false)
			i = j
		case r >= utf8.RuneSelf && unicode.Is(unicode.Ps, r):
			// other opening brackets: 「 『 【 《 （ ［ (Unicode category Ps)
			t.emit(i, i+w, kOpener, false)
			i += w
		case r >= utf8.RuneSelf && unicode.Is(unicode.Pe, r):
			t.emit(i, i+w, kCloser, false)
			i += w
		default:
			j := emojiEnd(text, i, e, r, w)
			t.emit(i, j, kPunct, false)
			i = j
		}
	}
}

// emojiEnd returns the end (byte offset) of the emoji sequence starting with rune r (w bytes) at
// text[i:e], or i+w when r starts none: a flag is a pair of regional indicators (U+1F1E6–U+1F1FF);
// a pictograph keeps its variation selectors (U+FE0E, U+FE0F), skin-tone modifiers
// (U+1F3FB–U+1F3FF), keycap mark (U+20E3) and tag characters (U+E0020–U+E007F, subdivision flags),
// and zero-width-joined pictographs ("👨‍👩‍👧"), per Unicode TR51 §1.4 (emoji sequences).
func emojiEnd(text string, i, e int, r rune, w int) int {
	j := i + w
	if isRegionalIndicator(r) {
		if j < e {
			if r2, w2 := utf8.DecodeRuneInString(text[j:e]); isRegionalIndicator(r2) {
				return j + w2
			}
		}
		return j
	}
	if !unicode.Is(unicode.So, r) && !unicode.Is(unicode.Sk, r) {
		return j
	}
	for j < e {
		r2, w2 := utf8.DecodeRuneInString(text[j:e])
		switch {
		case r2 == 0xFE0E || r2 == 0xFE0F || r2 == 0x20E3 || (r2 >= 0x1F3FB && r2 <= 0x1F3FF) || (r2 >= 0xE0020 && r2 <= 0xE007F):
			j += w2
		case r2 == zwj && joinsEmoji(text, i, j, j+w2):
			_, w3 := utf8.DecodeRuneInString(text[j+w2 : e])
			j += w2 + w3
		default:
			return j
		}
	}
	return j
}

func isRegionalIndicator(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

// zwj is the zero-width joiner. Between two pictographs it joins them into one emoji; between two
// letters or digits it stays in the word (joinerRunEnd); elsewhere it separates tokens like the
// other format characters (isSpaceRune).
const zwj = 0x200D

// joinsEmoji reports whether the joiner at text[j:k] (within the run starting at start) stands
// between a pictograph (with its modifiers) and another pictograph.
func joinsEmoji(text string, start, j, k int) bool {
	if j <= start || k >= len(text) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[start:j])
	next, _ := utf8.DecodeRuneInString(text[k:])
	isPict := func(r rune) bool { return unicode.Is(unicode.So, r) }
	prevOK := isPict(prev) || prev == 0xFE0F || (prev >= 0x1F3FB && prev <= 0x1F3FF)
	return prevOK && isPict(next)
}

// emoticon returns the length of an emoticon (":)", ";-)", ":D", ...) at the start of s that is
// not followed by a letter or digit, or 0.
func emoticon(s string) int {
	n := 1
	if n < len(s) && (s[n] == '-' || s[n] == '\'') {
		n++
	}
	if n >= len(s) {
		return 0
	}
	switch s[n] {
	case ')', '(', 'D', 'P', 'p', '/', ']', '[':
		n++
	default:
		return 0
	}
	for n < len(s) && (s[n] == ')' || s[n] == '(') && s[n] == s[n-1] {
		n++
	}
	if n < len(s) && (asciiClass[s[n]&0x7f] == cAlnum || s[n] >= utf8.RuneSelf) {
		return 0
	}
	return n
}

// isOpenerText reports whether a piece is an opening bracket or a quote.
func isOpenerText(w string) bool {
	switch w {
	case "(", "[", "{", "\"", "“", "‘", "'", "`", "``":
		return true
	}
	return false
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// cliticEnd returns the end of an English clitic ('s, 're, 've, 'll, 'd, 'm; straight or curly
// apostrophe) that starts at text[i] and ends the word, or 0.
func cliticEnd(text string, i, e int) int {
	_, w := utf8.DecodeRuneInString(text[i:e])
	j := i + w
	k := j
	for k < e && k-j < 3 && isASCIILetter(text[k]) {
		k++
	}
	if k < e {
		r, _ := utf8.DecodeRuneInString(text[k:e])
		if isWordRune(r) {
			return 0
		}
	}
	switch lowerASCII(text[j:k]) {
	case "s", "re", "ve", "ll", "d", "m":
		return k
	}
	return 0
}

func isASCIILetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }

// word scans a word starting at text[i] (a word rune or a minus sign before a digit) and emits
// it with any clitics, hyphens and slashes split off as UD English EWT does. It returns the
// end of what it consumed.
func (t *tokenizer) word(i, e int) int {
	text := t.text
	start := i // start of the current word
	seg := i   // start of the current hyphen segment
	j := i
	if text[j] == '-' {
		j++
	}
	for j < e {
		c := text[j]
		var r rune = rune(c)
		w := 1
		if c >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(text[j:e])
		}
		if isWordRune(r) {
			j += w
			continue
		}
		if r == utf8.RuneError {
			if k := inWordRunEnd(text, start, j, e); k > j {
				j = k // a lost letter: "Gonz\uFFFDlez"
				continue
			}
			break
		}
		if IsJoiner(r) {
			if k := joinerRunEnd(text, start, j, e); k > j {
				j = k // "con\u00ADdemned", Persian "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645"
				continue
			}
			break
		}
		next := byte(0)
		if j+1 < e {
			next = text[j+1]
		}
		prev := text[j-1]
		switch {
		case c == '.':
			if j+1 < e && isWordByteOrStart(text, j+1, e) && (text[j+1] < utf8.RuneSelf || !isIdeographAt(text, j+1, e)) {
				j++ // inner period: U.S, 3.5, e.g (not "ended.中方", a sentence end in Chinese text)
				continue
			}
			if next != '.' && t.wantsAbbrevDot(start, j) {
				t.emitWord(start, j+1, true)
				return j + 1
			}
			t.emitWord(start, j, false)
			return j
		case (c == ',' || c == ':') && isDigitByte(prev) && isDigitByte(next):
			j++ // 1,000 and 10:30
			continue
		case c == '/' && isDigitByte(prev) && isDigitByte(next):
			j++ // 9/11, 11/28/2000
			continue
		case c == '&' && isASCIILetter(prev) && isASCIILetter(next) && isUpperASCII(prev):
			j++ // AT&T, S&P
			continue
		case c == '-' && next != '-' && j+1 < e && isWordByteOrStart(text, j+1, e):
			if keepHyphen(text, seg, j, e) {
				j++
				seg = j
				continue
			}
			t.emitWord(start, j, false)
			t.emit(j, j+1, kPunct, false)
			j++
			start, seg = j, j
			if j >= e || !isWordByteOrStart(text, j, e) {
				return j
			}
			continue
		case isApostrophe(r):
			// n't: split before the n ("don't" -> "do" "n't", "can't" -> "ca" "n't")
			if j+w < e && (text[j+w] == 't' || text[j+w] == 'T') && (j+w+1 >= e || !isWordByteOrStart(text, j+w+1, e)) &&
				(prev == 'n' || prev == 'N') && j-1 > start {
				t.emitWord(start, j-1, false)
				t.emit(j-1, j+w+1, kWord, false)
				return j + w + 1
			}
			if n := cliticEnd(text, j, e); n > 0 {
				t.emitWord(start, j, false)
				t.emit(j, n, kWord, false)
				return n
			}
			if j+w < e && isWordByteOrStart(text, j+w, e) {
				j += w // inner apostrophe: Qa'ida, d'etat, 60's stays with 's split above
				continue
			}
			// possessive of a plural: "students'" -> "students" "'"
			t.emitWord(start, j, false)
			if prev == 's' || prev == 'S' {
				t.emit(j, j+w, kWord, false)
				return j + w
			}
			return j
		}
		break
	}
	t.emitWord(start, j, false)
	return j
}

func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }

// isWordByteOrStart reports whether a word rune starts at text[k].
func isWordByteOrStart(text string, k, e int) bool {
	c := text[k]
	if c < utf8.RuneSelf {
		return asciiClass[c] == cAlnum
	}
	r, _ := utf8.DecodeRuneInString(text[k:e])
	return isWordRune(r)
}

// keepHyphen decides whether the hyphen at text[j] joins the segment text[seg:j] to the word
// after it: after a prefix ("non-", "e-") or between digits ("713-853-3989", "4-12").
func keepHyphen(text string, seg, j, e int) bool {
	if j-seg <= 8 && lookupFold(hyphenPrefixes, text[seg:j]) {
		return true
	}
	// digits on both sides: phone numbers and codes stay whole ("713-853-3989", "4-12"); year
	// ranges ("1969-1970", "2015-16") and numbers before a unit ("6.30-10am") are split, as in EWT
	left := text[seg:j]
	if !isDigitByte(text[j-1]) || j+1 >= e || !isDigitByte(text[j+1]) || !allDigits(left) {
		return false
	}
	k := j + 1
	for k < e && isDigitByte(text[k]) {
		k++
	}
	if k < e && isASCIILetter(text[k]) {
		return false
	}
	r := k - (j + 1)
	if len(left) == 4 && (left[0] == '1' || left[0] == '2') && (r == 2 || r == 4) {
		return false
	}
	return true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigitByte(s[i]) {
			return false
		}
	}
	return len(s) > 0
}

// units are unit and time words that EWT splits from a number written before them ("5pm",
// "5kg", "$170m", "16bn"); ordinals ("20th") and decades ("1990s") stay whole.
var units = map[string]bool{
	"am": true, "pm": true, "m": true, "bn": true, "b": true, "k": true, "km": true, "kg": true,
	"mg": true, "ml": true, "mm": true, "cm": true, "g": true, "lb": true, "lbs": true, "oz": true,
	"mph": true, "kph": true, "mb": true, "gb": true, "tb": true, "kb": true, "ghz": true,
	"mhz": true, "hz": true, "ft": true, "yr": true, "yrs": true, "hr": true, "hrs": true,
	"min": true, "mins": true, "sec": true, "secs": true, "kw": true, "mw": true, "gw": true,
	"kwh": true, "mln": true, "tn": true, "x": true, "ms": true, "l": true, "t": true,
}

// unitSplit returns the length of the number in a word like "5pm" or "1.4bn" whose letters
// are a unit, or 0.
func unitSplit(w string) int {
	if len(w) < 2 || !isDigitByte(w[0]) {
		return 0
	}
	k := 0
	for k < len(w) && (isDigitByte(w[k]) || (w[k] == '.' || w[k] == ',') && k+1 < len(w) && isDigitByte(w[k+1])) {
		k++
	}
	if k == len(w) || k == 0 || len(w)-k > 4 {
		return 0
	}
	for i := k; i < len(w); i++ {
		if !isASCIILetter(w[i]) {
			return 0
		}
	}
	if lookupFold(units, w[k:]) {
		return k
	}
	return 0
}

// lookupFold looks s up in m after ASCII lower-casing, without allocating for short words.
func lookupFold(m map[string]bool, s string) bool {
	var buf [24]byte
	if len(s) > len(buf) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return m[string(buf[:len(s)])]
}

func abbrevKindOf(s string) abbrevKind {
	var buf [24]byte
	if len(s) > len(buf) {
		return notAbbrev
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return abbrevs[string(buf[:len(s)])]
}

// wantsAbbrevDot reports whether the word text[start:j] keeps the period at text[j]: a known
// abbreviation ("Mr", "Inc", "Jan"), a word with an inner period ("U.S", "e.g", "p.m"), or a
// single letter (an initial).
func (t *tokenizer) wantsAbbrevDot(start, j int) bool {
	w := t.text[start:j]
	if len(w) == 0 {
		return false
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r) // an initial
	}
	hasDot, hasLetter := false, false
	for k := 0; k < len(w); k++ {
		switch c := w[k]; {
		case c == '.':
			hasDot = true
		case isASCIILetter(c):
			hasLetter = true
		}
	}
	if hasDot && hasLetter && len(w) <= 12 && !isDomainLike(w) {
		return true
	}
	if abbrevKindOf(w) == notAbbrev {
		return false
	}
	if lookupFold(numberAbbrevs, w) {
		if w == "al" || w == "Al" {
			return start >= 3 && hasSuffixFold(t.text[:start], "et ")
		}
		k := j + 1
		for k < len(t.text) && t.text[k] == ' ' {
			k++
		}
		return k > j+1 && k < len(t.text) && isDigitByte(t.text[k])
	}
	return true
}

func hasSuffixFold(s, suf string) bool {
	return len(s) >= len(suf) && hasPrefixFold(s[len(s)-len(suf):], suf)
}

// isDomainLike reports whether w looks like a host name ("bbc.co.uk"), whose final period ends
// the sentence rather than an abbreviation.
func isDomainLike(w string) bool {
	seg := 0
	for k := 0; k <= len(w); k++ {
		if k == len(w) || w[k] == '.' {
			if k-seg > 2 {
				return true
			}
			seg = k + 1
		}
	}
	return false
}

// emitWord emits text[s:e] as a word, splitting fused forms ("cannot" -> "can" "not").
func (t *tokenizer) emitWord(s, e int, abbrevDot bool) {
	// U+FFFD left at the end of a word by a split ("0\uFFFDn't" -> "0" "n't") separates tokens
	for e > s && t.text[e-1] >= utf8.RuneSelf {
		r, w := utf8.DecodeLastRuneInString(t.text[s:e])
		if r != utf8.RuneError {
			break
		}
		e -= w
	}
	if e <= s {
		return
	}
	if k := unitSplit(t.text[s:e]); k > 0 && !abbrevDot {
		t.emit(s, s+k, kWord, false)
		t.emit(s+k, e, kWord, false)
		return
	}
	if n := e - s; n >= 4 && n <= 8 && !abbrevDot {
		var buf [8]byte
		for k := 0; k < n; k++ {
			c := t.text[s+k]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[k] = c
		}
		if first, ok := fusedForms[string(buf[:n])]; ok {
			t.emit(s, s+first, kWord, false)
			t.emit(s+first, e, kWord, false)
			return
		}
	}
	t.emit(s, e, kWord, abbrevDot)
}

// urlOrEmail returns the end of a URL or e-mail address at the start of text[s:e], with
// trailing punctuation left out, or s when there is none.
func urlOrEmail(text string, s, e int) int {
	// skip leading openers
	k := s
	for k < e && (text[k] == '(' || text[k] == '"' || text[k] == '<' || text[k] == '[' || text[k] == '\'') {
		k++
	}
	if k > s {
		return s // the caller emits the openers; the URL is found when the loop reaches it
	}
	w := text[s:e]
	isURL := hasPrefixFold(w, "http://") || hasPrefixFold(w, "https://") || hasPrefixFold(w, "ftp://") ||
		hasPrefixFold(w, "www.")
	if !isURL {
		at := -1
		for k := 0; k < len(w); k++ {
			if w[k] == '@' {
				at = k
				break
			}
		}
		if at <= 0 || at+1 >= len(w) {
			return s
		}
		dot := false
		for k := at + 1; k < len(w)-1; k++ {
			if w[k] == '.' && isASCIILetter(w[k+1]) {
				dot = true
			}
		}
		if !dot {
			return s
		}
	}
	n := len(w)
	open, closed := countByte(w, '('), countByte(w, ')')
	for n > 0 {
		switch w[n-1] {
		case '.', ',', ';', ':', '!', '?', '"', '\'', ')', ']', '>':
			if w[n-1] == ')' {
				if open >= closed {
					return s + n // a bracket of the URL: "wiki/Foo_(bar)"
				}
				closed--
			}
			n--
			continue
		}
		break
	}
	if n < 5 {
		return s
	}
	return s + n
}

func countByte(s string, b byte) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			n++
		}
	}
	return n
}

func hasPrefixFold(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[i] {
			return false
		}
	}
	return true
}
