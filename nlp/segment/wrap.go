package segment

import (
	"unicode"
	"unicode/utf8"
)

// Hard-wrapped text. A mail client, an editor or a wire service (PETRARCH's GigaWord <Text>
// blocks) breaks the lines of a paragraph at a fixed width, so a single line break may fall
// anywhere in a sentence: "... said on Monday that Turkey condemned⏎Syria for the attack". Such a
// line break is a space. Other single line breaks end the line's sentence when the line looks
// like a headline, a list item, a byline or a sentence of its own (lineEnds). wrappedLine tells
// the two apart from the lengths of the paragraph's lines: the lines of a hard-wrapped paragraph
// are all about as long as the widest one, except the last, which ends the paragraph's last
// sentence.

const (
	// minWrapLine is the shortest line, in code points, that can be a hard-wrapped line of running
	// text; shorter lines (headlines, list items, datelines, bylines) keep ending their sentence.
	minWrapLine = 40
	// maxWrapWidth is the widest paragraph, in code points of its longest line, that can be
	// hard-wrapped: wrapping columns are 60-80 (mail and terminals), rarely 132 (line printers).
	// A paragraph with longer lines has one sentence or paragraph a line (the shared news
	// articles: 141 to 490 code points), where a line without final punctuation ends anyway.
	maxWrapWidth = 140
)

// para is the paragraph (the lines between two blank lines, or the text's start or end) around
// a single line break, for wrappedLine; its zero value describes no paragraph. assemble keeps
// one and refreshes it only when a line break falls outside it, so every paragraph is measured
// once.
type para struct {
	from, to int // its pieces, ps[from:to]
	// width is the length of its longest line in code points, from the line's first piece to its
	// last (leading and trailing white space left out).
	width int
	lines []paraLine
}

// paraLine is a line of a paragraph.
type paraLine struct {
	first, last int // its first and last pieces
	width       int // its length in code points
	// full says that the line is as long as the lines of a hard-wrapped paragraph: at least
	// minWrapLine code points and 3/4 of the paragraph's width, and at least five pieces.
	full bool
	// endStop says that the line ends with sentence-final punctuation: a period, "!", "?", an
	// ellipsis or an abbreviation's period, with any closing quotes or brackets after it; stop
	// says that it holds one, at its end or before white space inside it.
	endStop, stop bool
	// running says that the text after the line is running text: the lines after it, up to the
	// first one that is not full (where a wrapped paragraph ends) or the paragraph's last,
	// hold sentence-final punctuation. A list of headlines or items has none.
	running bool
}

// at makes c describe the paragraph that holds piece i.
func (c *para) at(text string, ps []piece, i int) {
	if c.to > c.from && i >= c.from && i < c.to {
		return
	}
	from := i
	for from > 0 && ps[from].nl < 2 {
		from--
	}
	to := i + 1
	for to < len(ps) && ps[to].nl < 2 {
		to++
	}
	c.from, c.to, c.width, c.lines = from, to, 0, c.lines[:0]
	ls := from
	stop := false
	for k := from; k < to; k++ {
		if ps[k].kind == kTerm && k+1 < to && ps[k+1].space && ps[k+1].nl == 0 {
			stop = true // a sentence ends inside the line
		}
		if k+1 < to && ps[k+1].nl == 0 {
			continue
		}
		n := lineWidth(text, ps, ls, k)
		if n > c.width {
			c.width = n
		}
		last := k
		for last > ls && ps[last].kind == kCloser && !ps[last].space {
			last--
		}
		endStop := ps[last].kind == kTerm || (ps[last].kind == kWord && ps[last].abbrevDot)
		c.lines = append(c.lines, paraLine{first: ls, last: k, width: n, endStop: endStop, stop: stop || endStop})
		ls, stop = k+1, false
	}
	for k := len(c.lines) - 1; k >= 0; k-- {
		l := &c.lines[k]
		l.full = l.width >= minWrapLine && 4*l.width >= 3*c.width && l.last-l.first >= 4
		if k+1 < len(c.lines) {
			next := c.lines[k+1]
			l.running = next.stop || (next.full && next.running)
		}
	}
}

// line returns the index in c.lines of the line that holds piece i.
func (c *para) line(i int) int {
	lo, hi := 0, len(c.lines)-1
	for lo < hi {
		m := (lo + hi) / 2
		if c.lines[m].last < i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// lineWidth returns the length in code points of the line made of pieces ps[a..b].
func lineWidth(text string, ps []piece, a, b int) int {
	return utf8.RuneCountInString(text[ps[a].start:ps[b].end])
}

// wrappedLine reports whether the single line break after piece i is a space because the
// paragraph is hard-wrapped running text. It is when all of these hold:
//
//   - the paragraph's last line ends with sentence-final punctuation (para.running);
//   - its longest line has at most maxWrapWidth code points;
//   - the line of piece i has at least minWrapLine code points and at least 3/4 of the longest
//     line's: the break came because the line was full (a greedy wrap leaves at most one word
//     less than the width; hand-wrapped text a little more);
//   - the next line does not start a list item (a dash, a bullet, "1." or "2)");
//   - the line is not in title case ("Turkey Condemns Syria Over Border Attack").
//
// c caches the paragraph around the line break.
func wrappedLine(text string, ps []piece, i int, c *para) bool {
	c.at(text, ps, i)
	if c.width > maxWrapWidth {
		return false
	}
	k := c.line(i)
	l := c.lines[k]
	if !l.full || !l.running || startsListItem(text, ps, i+1) {
		return false
	}
	// a line in title case is a headline when it starts a stretch of wrapped lines or follows
	// another one; inside running text it is a line full of names ("the Security Council Working
	// Group on Peacekeeping")
	if !titleCase(text, ps[l.first:i+1]) {
		return true
	}
	if k == 0 {
		return false
	}
	prev := c.lines[k-1]
	return prev.full && !prev.endStop && !titleCase(text, ps[prev.first:prev.last+1])
}

// wrapsAfter reports whether a line that ends in piece p can go on in the next line of a
// hard-wrapped paragraph: it ends in a word, a number, a closing quote or bracket, or a mark such
// as ":", ";", "%", "&", "/" (a dash has its own rule in lineEnds, an emoticon or a symbol ends
// a line of its own).
func wrapsAfter(text string, p piece) bool {
	switch p.kind {
	case kWord, kCloser:
		return true
	case kPunct:
		// not an emoticon (":)", ";-)") or a symbol such as an emoji
		w := text[p.start:p.end]
		if (w[0] == ':' || w[0] == ';') && len(w) > 1 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(w)
		return !unicode.In(r, unicode.So, unicode.Sk)
	}
	return false
}

// startsListItem reports whether piece k starts a list item: a hyphen before a capitalised word
// ("- Turkey condemned ..."), a bullet ("•", "*", "▪"),
// or a number of at most three digits with "." or ")" right after it and white space after
// that ("1. ", "12) ").
func startsListItem(text string, ps []piece, k int) bool {
	p := ps[k]
	w := text[p.start:p.end]
	switch {
	case p.kind == kDash:
		// "- Turkey condemned ..." or a rule ("-----"), not a dash in running text ("-- and",
		// "— or two years")
		if len(w) >= 3 && w[0] == '-' {
			return true
		}
		return k+1 < len(ps) && ps[k+1].space && startsSentence(text, ps[k+1])
	case p.kind == kPunct:
		r, _ := utf8.DecodeRuneInString(w)
		switch r {
		case '*', '•', '·', '‣', '◦', '▪', '▫', '●', '○', '■', '□', '►', '▶', '➢', '✓', '✔':
			return true
		}
		return false
	case p.kind == kWord && len(w) <= 3 && allDigits(w) && k+2 < len(ps):
		m := ps[k+1]
		mark := text[m.start:m.end]
		return !m.space && (mark == "." || mark == ")") && ps[k+2].space
	}
	return false
}

// titleCase reports whether the words of a line are in title case, as headlines are: at least
// three words start with a capital letter and every other word is a short function word
// ("a", "of", "in", "for", "with", ...: titleLower).
func titleCase(text string, ps []piece) bool {
	upper := 0
	for _, p := range ps {
		if p.kind != kWord {
			continue
		}
		w := text[p.start:p.end]
		if isURLOrEmail(w) {
			continue // "A Look at Slogans - http://..."
		}
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case r >= 'A' && r <= 'Z':
			upper++
		case r >= 'a' && r <= 'z':
			if !titleLower[w] {
				return false
			}
		case r >= utf8.RuneSelf && unicode.IsUpper(r):
			upper++
		case r >= utf8.RuneSelf && isWordRune(r):
			return false
		}
	}
	return upper >= 3
}

// titleLower are the words a title-case headline leaves in lower case (articles, short
// conjunctions and prepositions).
var titleLower = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "nor": true,
	"of": true, "in": true, "on": true, "at": true, "to": true, "for": true, "by": true,
	"with": true, "from": true, "into": true, "over": true, "as": true, "vs": true, "via": true,
	"per": true, "up": true, "off": true, "out": true,
}

// isURLOrEmail reports whether word w is a URL or an e-mail address, as urlOrEmail finds them.
func isURLOrEmail(w string) bool {
	return len(w) >= 5 && urlOrEmail(w, 0, len(w)) == len(w)
}
