// Package segment splits English news text into sentences and tokens with exact byte offsets
// back into the text. Tokens follow the conventions of UD English EWT (the treebank the Dyad
// tagger and parser are trained on): clitics are split off ("don't" -> "do" "n't",
// "Korea's" -> "Korea" "'s", "cannot" -> "can" "not"), hyphenated compounds are split into
// word, "-", word except after common prefixes ("e-mail", "non-state"), punctuation is split
// from words, and numbers ("1,000.50", "10:30", "9/11"), URLs, e-mail addresses and
// abbreviations ("U.N.", "Gen.", "Jan.") stay whole. An abbreviation that ends a sentence gives
// up its period as a separate token, as in EWT ("Inc" "."). Chinese and Japanese text is not cut
// into words (a run of Han or kana stays one token), but its punctuation ("，" "、" "。" "「")
// is split off. docs/TOKENIZATION.md describes the rules.
//
// Sentences end at sentence-final punctuation followed by a likely sentence start (after
// "。" "！" "？" with no space needed), at blank lines (always), at single line breaks that follow
// a headline-like line, after a news dateline ("SEOUL, Feb. 20 (Reuters) -") and after
// MaxTokens tokens. Inside a hard-wrapped paragraph of running text (its lines about as long as
// its longest one, which has at most 140 code points) a single line break is a space.
package segment

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/story"
)

// MaxTokens is the largest number of tokens in a sentence: a longer run (a list, a table, text
// without punctuation) is cut into pieces of at most MaxTokens tokens, so that the parser's work
// stays linear in the length of the text.
const MaxTokens = 256

// Split splits text into sentences and tokens. Sentence.Start/End are byte offsets into text
// (end exclusive) and Sentence.Text = text[Start:End]; Sentence.Index counts from 0. Each token
// has Form (a substring of the sentence text), Start/End byte offsets into Sentence.Text,
// SpaceAfter (false when the next character is no separator) and Head = -1 (not parsed); the
// other fields are empty. Separators never belong to a token and never are one: white space,
// control characters (C0 U+0000-U+001F, DEL, C1 U+0080-U+009F), terminal escape sequences
// ("\x1b[31m"), the bidi format characters and the BOM (U+200E, U+200F, U+202A-U+202E,
// U+2066-U+2069, U+FEFF), and, except between two letters or digits, U+FFFD or invalid UTF-8
// bytes (there they stand for a lost letter and stay in the word: "Gonz\uFFFDlez") and the
// joiners U+00AD (soft hyphen), U+200C, U+200D and U+2060 (there the word is one token whose
// form holds them: "con\u00ADdemned"). Offsets are byte offsets
// into the text as given, so Split(text) and Split(Sanitize(text)) differ in offsets when text
// has invalid bytes (Sanitize writes 3 bytes for each). Split never panics. It returns nil for
// text without tokens.
func Split(text string) []story.Sentence {
	buf := piecePool.Get().(*[]piece)
	t := tokenizer{text: text, pieces: (*buf)[:0]}
	t.tokenize()
	out := assemble(text, t.pieces)
	if cap(t.pieces) <= 1<<20 {
		*buf = t.pieces[:0]
		piecePool.Put(buf)
	}
	return out
}

// piecePool recycles the tokenizer's piece buffers between calls (Split allocates only its
// result).
var piecePool = sync.Pool{New: func() any { b := make([]piece, 0, 1024); return &b }}

// sentSpan is a sentence as a range of pieces; splitDot says that the last piece's
// abbreviation period is a token of its own.
type sentSpan struct {
	from, to int
	splitDot bool
}

// assemble groups pieces into sentences. All tokens share one backing array (each sentence's
// Tokens slice has its capacity cut to its length, so appending to it copies).
func assemble(text string, ps []piece) []story.Sentence {
	if len(ps) == 0 {
		return nil
	}
	var spans []sentSpan
	var par para
	start := 0
	for i := 0; i < len(ps); i++ {
		// a news dateline at the start of a line is a sentence of its own
		if i == start && ps[i].nl >= 1 {
			if d := datelineEnd(text, ps, i); d > i {
				spans = append(spans, sentSpan{start, d + 1, false})
				start = d + 1
				i = d
				continue
			}
		}
		end, splitDot := boundaryAfter(text, ps, i, start, &par)
		if end < 0 {
			continue
		}
		spans = append(spans, sentSpan{start, end + 1, splitDot})
		start = end + 1
		i = end
	}
	if start < len(ps) {
		spans = append(spans, sentSpan{start, len(ps), endsWithMayEndAbbrev(text, ps[len(ps)-1])})
	}
	n := len(ps)
	for _, sp := range spans {
		if sp.splitDot {
			n++
		}
	}
	all := make([]story.Token, 0, n)
	out := make([]story.Sentence, len(spans))
	for k, sp := range spans {
		from := len(all)
		all = appendTokens(all, text, ps[sp.from:sp.to], sp.splitDot)
		sStart, sEnd := ps[sp.from].start, ps[sp.to-1].end
		out[k] = story.Sentence{Index: k, Text: text[sStart:sEnd], Start: sStart, End: sEnd, Tokens: all[from:len(all):len(all)]}
	}
	return out
}

// boundaryAfter decides whether a sentence ends at or shortly after piece i (the sentence began
// at piece start). It returns the index of the sentence's last piece, or -1, and whether that
// piece's abbreviation period must be split off as a token of its own. par caches the paragraph
// around a single line break for wrappedLine: in hard-wrapped running text a single line break
// is a space.
func boundaryAfter(text string, ps []piece, i, start int, par *para) (int, bool) {
	n := len(ps)
	if i+1 >= n {
		return -1, false // the caller closes the last sentence
	}
	if ps[i+1].nl >= 2 {
		return i, endsWithMayEndAbbrev(text, ps[i])
	}
	if i+1-start >= MaxTokens {
		return i, false
	}
	p := ps[i]
	switch {
	case p.kind == kTerm:
		// take closing quotes and brackets written right after the punctuation
		j := i
		for j+1 < n && j+1-start < MaxTokens && ps[j+1].kind == kCloser && !ps[j+1].space && ps[j+1].nl == 0 {
			j++
		}
		if j+1 >= n {
			return -1, false
		}
		q := ps[j+1]
		if q.nl >= 2 {
			return j, false
		}
		if !q.space {
			// "end.Next", "?!x", "(gone?)." are not boundaries; Chinese and Japanese put no
			// space after 。！？ nor before a sentence after "." "!" "?"
			if (hasIdeoTerm(text[p.start:p.end]) || startsWithIdeograph(text, q)) && startsSentence(text, q) {
				return j, false
			}
			return -1, false
		}
		if startsSentence(text, q) || (q.nl == 1 && !wrappedLine(text, ps, j, par)) {
			return j, false
		}
		// a lower-case word after "." "?" "!" (not an ellipsis, not inside quotes) starts a
		// sentence in informal text; the tokenizer has kept the periods of abbreviations
		if j == i && q.kind == kWord && !isEllipsis(text[p.start:p.end]) {
			return j, false
		}
		return -1, false
	case p.kind == kWord && p.abbrevDot:
		q := ps[i+1]
		if q.nl == 0 && !q.space {
			return -1, false
		}
		w := text[p.start : p.end-1]
		kind := abbrevKindOf(w)
		if kind == notAbbrev && utf8.RuneCountInString(w) == 1 {
			kind = abbrevTitle // an initial
		} else if kind == notAbbrev {
			kind = abbrevMayEnd // acronyms with inner periods: U.S., D.C., a.m.
		}
		if q.nl == 1 && kind == abbrevMayEnd && startsSentence(text, q) && !wrappedLine(text, ps, i, par) {
			return i, true
		}
		if kind == abbrevMayEnd && sentenceOpeners[text[q.start:q.end]] {
			return i, true
		}
		return -1, false
	}
	if ps[i+1].nl == 1 && lineEnds(text, ps, i, start) && !(wrapsAfter(text, p) && wrappedLine(text, ps, i, par)) {
		return i, false
	}
	return -1, false
}

// hasIdeoTerm reports whether the run of sentence-final punctuation w holds an ideographic one
// (isIdeoTerm: "。", "！", "？").
func hasIdeoTerm(w string) bool {
	for _, r := range w {
		if isIdeoTerm(r) {
			return true
		}
	}
	return false
}

// startsWithIdeograph reports whether piece q starts with a character of a script written
// without spaces between words and sentences: Han, Hiragana, Katakana.
func startsWithIdeograph(text string, q piece) bool {
	return isIdeographAt(text, q.start, q.end)
}

// isIdeographAt reports whether text[k:e] starts with a Han, Hiragana or Katakana character.
func isIdeographAt(text string, k, e int) bool {
	r, _ := utf8.DecodeRuneInString(text[k:e])
	return r >= 0x2E80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

func isEllipsis(w string) bool {
	return len(w) > 1 && (w[0] == '.' || w[0] == '\xe2') && w[len(w)-1] != '?' && w[len(w)-1] != '!'
}

// endsWithMayEndAbbrev reports whether p is an abbreviation with its period that can end a
// sentence ("Inc.", "U.S."), so that at a paragraph end its period is a token of its own.
func endsWithMayEndAbbrev(text string, p piece) bool {
	if p.kind != kWord || !p.abbrevDot {
		return false
	}
	w := text[p.start : p.end-1]
	if utf8.RuneCountInString(w) == 1 {
		return false
	}
	return abbrevKindOf(w) != abbrevTitle
}

// startsSentence reports whether piece q can begin a sentence: it starts with an upper-case
// letter, a digit, an opening quote or bracket, or a symbol such as a bullet.
func startsSentence(text string, q piece) bool {
	if q.kind == kOpener || q.kind == kDash {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[q.start:q.end])
	if unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.IsTitle(r) {
		return true
	}
	if unicode.IsLower(r) {
		return false
	}
	// scripts without case, and symbols
	return r != ',' && r != ';' && r != ':' && r != ')' && r != '%' && q.kind != kTerm && q.kind != kCloser
}

// lineEnds decides whether a single line break after piece i ends the sentence: the line is a
// headline or a paragraph of its own, not a hard-wrapped line. It does not when the line ends
// in a comma, hyphen, opener, conjunction, preposition or other word that needs a continuation,
// or when the next line starts with a lower-case letter. A line that ends in a spaced dash ends
// the sentence only when it also starts with a dash: a subheading such as "- We are the same -".
func lineEnds(text string, ps []piece, i, start int) bool {
	p := ps[i]
	q := ps[i+1]
	if !startsSentence(text, q) {
		return false
	}
	w := text[p.start:p.end]
	switch p.kind {
	case kDash:
		return p.space && lineStartsWithDash(ps, i, start)
	case kOpener:
		return false
	case kPunct:
		if w == "," || w == "&" || w == "/" {
			return false
		}
	case kWord:
		if lookupFold(lineJoiners, w) {
			r, _ := utf8.DecodeRuneInString(w)
			if unicode.IsLower(r) {
				return false
			}
		}
	}
	return true
}

// lineStartsWithDash reports whether the line of piece i (within the sentence that began at piece
// start) starts with a dash piece other than i.
func lineStartsWithDash(ps []piece, i, start int) bool {
	k := i
	for k > start && ps[k].nl == 0 {
		k--
	}
	return k < i && ps[k].kind == kDash
}

// datelineEnd recognises a news dateline at piece i, the start of a line: at most 12
// pieces of capitalised words, numbers, commas, periods and a parenthesised agency, with at least
// one all-capitals word, agency or month abbreviation, followed by a dash with white space
// before it ("SEOUL, Feb. 20 (Reuters) -", "WASHINGTON (AP) --"); or one to three all-capitals
// words and a colon ("ISLAMABAD:"). It returns the index of the dash or colon, or -1.
func datelineEnd(text string, ps []piece, i int) int {
	signal := false
	for k := i; k < len(ps) && k < i+13; k++ {
		p := ps[k]
		if k > i && p.nl > 0 {
			return -1
		}
		w := text[p.start:p.end]
		switch p.kind {
		case kDash:
			if k == i || !p.space || !signal || (w != "-" && w != "--" && w != "—" && w != "–") {
				return -1
			}
			if k+1 < len(ps) && !ps[k+1].space {
				return -1
			}
			return k
		case kOpener, kCloser:
			if w != "(" && w != ")" {
				return -1
			}
			if w == ")" {
				signal = true
			}
		case kPunct:
			if w == ":" && k > i && k-i <= 3 && allCapsRun(text, ps[i:k]) && k+1 < len(ps) && ps[k+1].space {
				return k // "ISLAMABAD:", "NEW DELHI:"
			}
			if w != "," {
				return -1
			}
		case kTerm:
			return -1
		case kWord:
			r, _ := utf8.DecodeRuneInString(w)
			if unicode.IsLower(r) {
				return -1
			}
			if p.abbrevDot && abbrevKindOf(w[:len(w)-1]) == abbrevTitle {
				signal = true
			}
			if allCaps(w) {
				signal = true
			}
		}
	}
	return -1
}

// allCapsRun reports whether every piece is an all-capitals word of at least three letters
// in total ("ISLAMABAD", "NEW DELHI").
func allCapsRun(text string, ps []piece) bool {
	n := 0
	for _, p := range ps {
		w := text[p.start:p.end]
		if p.kind != kWord || !allCaps(w) {
			return false
		}
		n += len(w)
	}
	return n >= 3
}

// allCaps reports whether w has at least two letters and no lower-case letter.
func allCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// appendTokens appends the tokens of the sentence made of pieces ps (non-empty) to toks.
func appendTokens(toks []story.Token, text string, ps []piece, splitDot bool) []story.Token {
	sStart := ps[0].start
	sEnd := ps[len(ps)-1].end
	first := len(toks)
	for k, p := range ps {
		end := p.end
		if splitDot && k == len(ps)-1 {
			end--
		}
		toks = append(toks, story.Token{Form: text[p.start:end], Start: p.start - sStart, End: end - sStart, Head: -1})
		if splitDot && k == len(ps)-1 {
			toks = append(toks, story.Token{Form: ".", Start: end - sStart, End: end + 1 - sStart, Head: -1})
		}
	}
	for k := first; k < len(toks); k++ {
		if k+1 < len(toks) {
			toks[k].SpaceAfter = toks[k+1].Start > toks[k].End
		} else {
			toks[k].SpaceAfter = sEnd >= len(text) || isSpaceAt(text, sEnd)
		}
	}
	return toks
}

// isSpaceAt reports whether a separator starts at text[i]: white space, a control character,
// or U+FFFD or an invalid byte (which separate tokens outside words).
func isSpaceAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r == utf8.RuneError || isSpaceRune(r)
}
