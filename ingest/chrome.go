package ingest

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/dyad-events/dyad/story"
)

// chromeLines are whole lines of site chrome, compared case-insensitively after trimming space
// and trailing ":", "|", "›", "»". Our own list, from what news sites put around a story
// (navigation, sharing buttons, section labels, advertising slots).
var chromeLines = map[string]bool{}

func init() {
	for _, l := range []string{
		"accessibility links", "accessibility help", "skip to content", "skip to main content",
		"skip to navigation", "skip to footer", "jump to content", "back to top", "go to top",
		"breaking news", "breaking", "live", "just in", "latest", "latest news", "top stories",
		"most read", "most popular", "most viewed", "trending", "trending now", "editor's picks",
		"share", "share this", "share this article", "share this story", "share this page",
		"share on facebook", "share on twitter", "share via email", "share this with",
		"copy link", "copy this link", "link copied", "print", "print this article", "email",
		"e-mail", "tweet", "facebook", "twitter", "whatsapp", "linkedin", "pinterest",
		"reddit", "messenger", "telegram", "comments", "comment", "view comments", "show comments",
		"leave a comment", "advertisement", "advertising", "ad", "sponsored", "sponsored content",
		"story continues below advertisement", "continue reading the main story",
		"continue reading", "read more", "read more:", "see more", "show more", "load more",
		"see all", "related", "related articles", "related stories", "related content",
		"related topics", "related coverage", "more on this story", "more from", "you may also like",
		"recommended", "recommended for you", "don't miss", "more stories", "subscribe",
		"subscribe now", "sign in", "sign up", "log in", "login", "register", "my account",
		"menu", "main menu", "navigation", "search", "close", "home", "listen", "listen to this article",
		"watch", "play", "play video", "video", "photos", "next", "previous", "next article",
		"previous article", "loading", "loading...", "image caption", "image copyright",
		"media caption", "image source", "getty images", "media playback is unsupported on your device",
		"these are external links and will open in a new window", "terms of use", "terms of service",
		"privacy policy", "cookie policy", "cookie settings", "manage cookies", "accept cookies",
		"accept all cookies", "accept", "reject all", "contact us", "about us", "all rights reserved",
		"follow us", "newsletter", "sign up for our newsletter", "toggle navigation", "open menu",
		"close menu", "font size", "text size", "audio", "podcast", "click here", "enlarge",
		"enlarge this image", "hide caption", "toggle caption", "view gallery", "full screen",
	} {
		chromeLines[l] = true
	}
}

var (
	// The marker of ../shared/data/news titles made from a first sentence.
	reNoHeadline = regexp.MustCompile(`^\(no (headline|title)[^)]*\)\s*`)
	// Cookie and consent notices.
	reCookie = regexp.MustCompile(`(?i)\bcookies?\b.*\b(use|uses|using|accept|consent|policy|settings|preferences|agree|continu)|\b(use|uses|accept|consent to)\b.*\bcookies?\b`)
	// Short lines of meta text: publication stamps, photo credits, copyright, follow prompts,
	// agency credits at the end of wire copy.
	reMetaLine = regexp.MustCompile(`(?i)^(published|updated|last updated|posted|first published|modified|date)\b[\s:]|` +
		`^(image|photo|picture|photograph|video|graphic|illustration)\s*(caption|copyright|credit|source)?\s*[:|©]|` +
		`^(©|copyright\b|\(c\)\s)|\ball rights reserved\b|` +
		`^(follow|like) us (on|at)\b|^follow @|^share (this|on|via)\b|^(read|see) (more|also)\s*:|^related\s*:|` +
		`^\(?(reporting|additional reporting|writing|editing|compiled) by\b|` +
		`^\d+\s+(comments?|shares?|min(ute)?s? read)$|^(sign up|subscribe) (for|to)\b`)
	// A byline: "By NAME NAME", "By Jane Doe, Associated Press", "By J. Smith and K. Lee | Reuters".
	reByline = regexp.MustCompile(`^(?:By|BY|Written by|Words by|From)\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|de|da|van|von|al|bin|la|le))*\s*(?:(?:[,|/–—;]|\s-)\s*.{0,60})?$`)
	// A dateline that begins the first paragraph: "Dec. 31, 2000 -- For ...".
	reDateDash = regexp.MustCompile(`^((?:(?:Mon|Tue|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|\d{4}-\d{2}-\d{2}))\s*(?:--|—|–|-)\s+`)
	// A wire dateline: "WASHINGTON (Reuters) - ", "BEIJING, Feb. 20 (Xinhua) -- ",
	// "SEOUL, South Korea (AP) — ", "GENEVA, 3 March 2015 – ".
	reWireDateline = regexp.MustCompile(`^\p{Lu}[\p{Lu}\s.'’-]{1,40}(?:,\s*[\p{L}.\s]{2,30}?)?(?:,\s*((?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)|(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?)))?\s*(?:\(([\p{L}\s./-]{2,30})\))?\s*(?:--|—|–|-|:)\s+`)
)

// headZone is how many non-blank lines from the top of a story may hold a headline, byline or
// dateline.
const headZone = 8

// StripChrome removes site chrome from a story body in plain text: whole lines that are
// navigation, sharing, advertising or consent text ("Accessibility links", "Breaking News",
// "Share", "Print", cookie notices), publication stamps and photo credits, and — within the first
// 8 non-blank lines — bylines, a headline line and a standalone or leading dateline
// ("Dec. 31, 2000 -- ", "WASHINGTON (Reuters) - "). Blank lines left behind by a dropped line are
// dropped too; every other byte is kept, so the result is the input minus whole lines (and minus
// a dateline prefix of the first paragraph).
//
// title is the known headline (may be ""): a head-zone line equal to it (ignoring case and
// space) is dropped. headline is the line dropped as the headline: the line equal to title, or,
// when title is empty, a head-zone line before the first paragraph that looksHeadline accepts
// (title case or capitals, no final punctuation, followed by a blank line, the end of the text
// or a longer line, chrome lines skipped). dateline is the date text of a dropped dateline, for
// the caller to parse ("" when none).
func StripChrome(text, title string) (clean, headline, dateline string) {
	return stripChrome(text, title, "", true)
}

// stripChrome is StripChrome; publisher is the story's publisher (for looksHeadline's page
// titles, "" when unknown); headlines false drops no line as the headline, neither one equal to
// title nor a guessed one (for a story whose only line is its headline, kept as its text).
func stripChrome(text, title, publisher string, headlines bool) (clean, headline, dateline string) {
	var b strings.Builder
	b.Grow(len(text))
	nonBlank := 0
	prevDropped := false
	keptAny := false
	firstPara := true // no body paragraph kept yet
	if reNoHeadline.MatchString(title) {
		title = "" // a placeholder whose rest is the first sentence, not a headline
	}
	normTitle := normLine(title)
	rest := text
	for len(rest) > 0 {
		var line string
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i+1], rest[i+1:]
		} else {
			line, rest = rest, ""
		}
		t := strings.TrimSpace(line)
		if t == "" {
			if prevDropped || !keptAny {
				continue // gap left by dropped chrome, or leading blank lines
			}
			b.WriteString(line)
			continue
		}
		nonBlank++
		inHead := nonBlank <= headZone && firstPara
		drop := isChrome(t)
		if !drop && inHead {
			switch {
			case headlines && normTitle != "" && normLine(t) == normTitle:
				drop = true
				if headline == "" {
					headline = t
				}
			case reByline.MatchString(t) && utf8.RuneCountInString(t) <= 100 && !strings.HasSuffix(t, "."):
				drop = true
			case dateline == "" && isDateLine(t):
				drop, dateline = true, strings.TrimSpace(stripMetaPrefix(t))
			case headlines && normTitle == "" && headline == "" && looksHeadline(t, rest, publisher):
				drop, headline = true, t
			}
		}
		if drop {
			prevDropped = true
			continue
		}
		prevDropped = false
		if firstPara {
			firstPara = false
			if m := reDateDash.FindStringSubmatchIndex(line); m != nil {
				if dateline == "" {
					dateline = line[m[2]:m[3]]
				}
				line = line[m[1]:]
			} else if m := reWireDateline.FindStringSubmatchIndex(line); m != nil && wireDatelineOK(line, m) {
				if dateline == "" && m[2] >= 0 {
					dateline = line[m[2]:m[3]]
				}
				line = line[m[1]:]
			}
		}
		keptAny = true
		b.WriteString(line)
	}
	return b.String(), headline, dateline
}

// wireDatelineOK checks that a reWireDateline match has an all-capital place name of at least
// two letters and is followed by a sentence (a capital letter or a quote).
func wireDatelineOK(line string, m []int) bool {
	place := line[:m[1]]
	if i := strings.IndexAny(place, ",(-–—:"); i >= 0 {
		place = place[:i]
	}
	letters := 0
	for _, r := range place {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			letters++
		}
	}
	if letters < 2 {
		return false
	}
	// A dash must follow the place, an agency or a date, not be part of the text.
	hasAgencyOrDate := m[2] >= 0 || m[4] >= 0
	after := line[m[1]:]
	r, _ := utf8.DecodeRuneInString(after)
	startsSentence := (r >= 'A' && r <= 'Z') || r == '"' || r == '“' || r == '\''
	sep := strings.TrimSpace(line[:m[1]])
	strongSep := strings.HasSuffix(sep, "--") || strings.HasSuffix(sep, "—") || strings.HasSuffix(sep, "–") || strings.HasSuffix(sep, ":")
	return startsSentence && (hasAgencyOrDate || strongSep)
}

// isChrome reports whether a trimmed line is chrome anywhere in a story.
func isChrome(t string) bool {
	k := strings.ToLower(strings.TrimRight(t, " :|›»>·•"))
	if chromeLines[k] {
		return true
	}
	n := utf8.RuneCountInString(t)
	// reCookie needs "cookie" (in any case): look for it first, the regular expression is slow.
	if n <= 400 && strings.Contains(k, "cookie") && reCookie.MatchString(t) && !strings.Contains(t, "\"") {
		return true
	}
	if n <= 120 && reMetaLine.MatchString(t) {
		return true
	}
	return false
}

var reMetaPrefix = regexp.MustCompile(`(?i)^(published|updated|last updated|posted|first published|date)\s*(on)?\s*:?\s*`)

func stripMetaPrefix(t string) string { return reMetaPrefix.ReplaceAllString(t, "") }

// isDateLine reports a short line that is only a date (optionally with a time and a
// "Published:" label).
func isDateLine(t string) bool {
	if len(t) > 60 || !strings.ContainsAny(t, "0123456789") {
		return false
	}
	_, prec, ok := quickDate(stripMetaPrefix(t))
	return ok && prec == PrecisionDay
}

// looksHeadline reports a line written as a headline — in title case or capitals (headlineCase),
// or a page title ending in the publisher's name (siteSuffix: "... in northern Iraq - Xinhua"
// for the publisher "Xinhua News Agency") — without final punctuation, short (10 to 160
// characters, at most 25 words) and followed by a blank line, the end of the text (rest "") or
// a longer line, chrome lines such as "Share" in between skipped: the shape of a headline above
// the first paragraph. A line in sentence case is never a headline, whatever its punctuation
// ("Iran threatened" above "Israel on Monday.", "Turkey condemned an Israeli raid on a Gaza aid
// flotilla").
//
// A short line directly above a dated first paragraph ("March 5, 2001 -- ...") is a headline
// even with a final full stop ("2 Dead, 13 Hurt in Calif."), when in title case.
func looksHeadline(t, rest, publisher string) bool {
	n := utf8.RuneCountInString(t)
	if n < 10 || n > 160 || len(strings.Fields(t)) > 25 || !(headlineCase(t) || siteSuffix(t, publisher)) {
		return false
	}
	next := nextContentLine(rest)
	if n <= 80 && reDateDash.MatchString(next) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune(".!?\"”',;:", last) {
		return false
	}
	return len(next) == 0 || utf8.RuneCountInString(next) > n
}

// siteSuffix reports a line that ends, after " - ", " | ", " – " or " — ", in the name of its
// publisher or the first words of it ("Xinhua" for "Xinhua News Agency"), compared ignoring
// case: the shape of a page's <title>. publisher "" never matches.
func siteSuffix(t, publisher string) bool {
	pub := strings.Fields(strings.ToLower(publisher))
	if len(pub) == 0 {
		return false
	}
	at, end := -1, -1 // the last separator: where it starts and ends
	for _, sep := range []string{" - ", " | ", " – ", " — "} {
		if j := strings.LastIndex(t, sep); j > at {
			at, end = j, j+len(sep)
		}
	}
	if at < 0 || strings.TrimSpace(t[:at]) == "" {
		return false
	}
	site := strings.Fields(strings.ToLower(t[end:]))
	if len(site) == 0 || len(site) > len(pub) {
		return false
	}
	for k, w := range site {
		if w != pub[k] {
			return false
		}
	}
	return true
}

// nextContentLine returns the first line of rest that is not chrome (isChrome), trimmed: ""
// when a blank line or the end of rest comes first.
func nextContentLine(rest string) string {
	for rest != "" {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		t := strings.TrimSpace(line)
		if t == "" || !isChrome(t) {
			return t
		}
	}
	return ""
}

func normLine(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// cleanStory runs StripChrome on a story's text unless keep, and sets the title from the
// headline line when the story had none (or had a "(no headline in source)" placeholder, as in
// ../shared/data/news). It returns the text and the dateline found. The rule is the same for
// every format (plain text, a page's main text, JSONL "text", a feed item's content or
// description).
//
// lone is the story's only line when that line is a headline (looksHeadline: title case or
// capitals, no final punctuation): the line dropped as the headline when nothing else but chrome
// was there, or the one line left, beside a title of another wording. text is then "" unless
// keepLone, which keeps the line as the text. A line dropped only for being equal to the title
// but not written as a headline ("Iran threatened Israel" with that title) is the story's text.
func cleanStory(s *story.Story, text string, keep, keepLone bool) (clean, dateline, lone string) {
	if keep {
		return text, "", ""
	}
	clean, headline, dateline := stripChrome(text, s.Title, s.Publisher, true)
	if s.Title == "" || reNoHeadline.MatchString(s.Title) {
		s.Title = headline
	}
	if strings.TrimSpace(clean) == "" && headline != "" {
		if looksHeadline(headline, "", s.Publisher) {
			lone = headline
		}
		if lone == "" || keepLone {
			// The line is the story's text: keep it, without its chrome.
			clean, _, dateline = stripChrome(text, "", "", false)
		} else {
			clean = ""
		}
		return clean, dateline, lone
	}
	if l, ok := onlyLine(clean); ok && looksHeadline(l, "", s.Publisher) {
		lone = l
		if !keepLone {
			clean = ""
		}
	}
	return clean, dateline, lone
}

// onlyLine returns the trimmed line of text when it has exactly one non-blank line.
func onlyLine(text string) (string, bool) {
	only := ""
	for _, line := range strings.Split(text, "\n") {
		if t := strings.TrimSpace(line); t != "" {
			if only != "" {
				return "", false
			}
			only = t
		}
	}
	return only, only != ""
}

// loneHeadlineProblem is the text of the problem for a story whose only line, lone, is a
// headline (see cleanStory), to follow "story ID has no text" or "item N (ID) has no text"; with
// keepLone, the warning that the line was kept, to follow "story ID".
func loneHeadlineProblem(s *story.Story, lone string, keepLone bool) string {
	switch {
	case keepLone:
		return "its only line is a headline (title case or capitals); kept as its text"
	case normLine(lone) == normLine(s.Title):
		return "its only line is a headline (title case or capitals), read as the title"
	default:
		return "its only line is a headline (title case or capitals), not coded"
	}
}
