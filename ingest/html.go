package ingest

import (
	"bytes"
	nurl "net/url"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	dps "github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"

	"github.com/dyad-events/dyad/story"
)

// ReadHTML extracts the story of one HTML page: its main text and metadata (title, publication
// date, canonical URL, site name) through go-trafilatura, which drops navigation, comments,
// sharing widgets and other boilerplate. name is the file path or URL (the story id is the file
// name without extension, or a slug of the URL); contentType is the HTTP Content-Type or "".
//
// The page is transcoded to UTF-8 first (BOM, Content-Type charset, <meta charset>, else
// windows-1252, per the WHATWG encoding sniffing rules; UTF-16 with a BOM or declared by
// contentType, EUC-KR, Shift_JIS, ISO-8859-x, ... are supported). Paragraphs of Story.Text are separated by "\n"; chrome lines left by the extractor
// are dropped as in StripChrome unless opts.KeepChrome. A page without a readable date gets
// opts.DefaultDate with a warning.
//
// err (an *InputError naming the input) reports a page that yields no story: binary data, an
// empty file, no article text found. warns are non-fatal problems, also in Story.Warnings.
func ReadHTML(name string, data []byte, contentType string, opts Options) (s *story.Story, warns []error, err error) {
	s, warns, _, err = readHTML(name, data, contentType, opts)
	return s, warns, err
}

// readHTML is ReadHTML that also tells whether the page gave a date.
func readHTML(name string, data []byte, contentType string, opts Options) (s *story.Story, warns []error, dated bool, err error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil, false, inputErr(name, 0, "empty file")
	}
	data, is16, broken16 := decodeUTF16(data, contentType)
	if is16 {
		contentType = "text/html; charset=utf-8"
	}
	if isBinary(data) {
		return nil, nil, false, inputErr(name, 0, "binary data, not an HTML page")
	}
	s = &story.Story{ID: storyID(name), Origin: name}
	warn := func(format string, args ...any) {
		e := inputErr(name, 0, format, args...)
		warns = append(warns, e)
		s.Warnings = append(s.Warnings, e.Error())
	}
	if broken16 {
		warn("broken UTF-16: bad characters replaced by U+FFFD")
	}
	utf, _, terr := toUTF8(data, contentType)
	if terr != nil {
		warn("%v", terr)
	}
	if cut, paras := extractionCut(utf, opts.maxHTMLBytes()); cut < len(utf) {
		if paras {
			warn("page cut after its first %d paragraphs (<p>) for extraction", maxHTMLParagraphs)
		} else {
			warn("page cut at %s of HTML for extraction (it has %d bytes)", sizeText(opts.maxHTMLBytes()), len(utf))
		}
		utf = utf[:cut]
	}
	doc, perr := html.Parse(bytes.NewReader(utf))
	if perr != nil { // x/net/html only fails on reader errors
		return nil, warns, false, inputErr(name, 0, "parsing HTML: %v", perr)
	}
	pruneDoc(doc)
	skipUnusedMetadata(doc)
	topts := trafilatura.Options{
		ExcludeComments: true,
		EnableFallback:  opts.HTMLFallback,
		HtmlDateMode:    trafilatura.Fast,
	}
	if isURL(name) {
		if u, e := nurl.Parse(name); e == nil {
			topts.OriginalURL = u
		}
	}
	res, xerr := extractSafe(doc, topts)
	if xerr != nil {
		// trafilatura's own messages ("text and comments are not long enough: 0 0") mean nothing
		// to a user; a panic of the extractor is named as such.
		if _, ok := xerr.(errPanic); ok {
			return nil, warns, false, inputErr(name, 0, "no article text found (%v)", xerr)
		}
		return nil, warns, false, inputErr(name, 0, "no article text found")
	}
	text := nodeText(res.ContentNode)
	if baselineShaped(res.ContentNode) {
		text = restoreBreaks(text, doc)
	}
	text = norm.NFC.String(text)
	text, bad := validUTF8(text)
	if bad {
		warn("story %q: invalid UTF-8 replaced by U+FFFD", s.ID)
	}
	md := res.Metadata
	s.Title = cleanLine(md.Title)
	s.Publisher = cleanLine(md.Sitename)
	s.URL = cleanURL(md.URL)
	if s.URL == "" && isURL(name) {
		s.URL = name
	}
	text, dateline, lone := cleanStory(s, text, opts.KeepChrome, opts.KeepLoneHeadline)
	if lone != "" {
		if !opts.KeepLoneHeadline {
			return nil, warns, false, inputErr(name, 0, "no article text found: story %q: %s", s.ID, loneHeadlineProblem(s, lone, false))
		}
		warn("story %q: %s", s.ID, loneHeadlineProblem(s, lone, true))
	}
	if strings.TrimSpace(text) == "" || (lone == "" && s.Title != "" && normLine(text) == normLine(s.Title)) {
		// Nothing but the page's title: go-trafilatura copies the <title> into the text of a page
		// without main text, so that line is no article text, whatever its case.
		return nil, warns, false, inputErr(name, 0, "no article text found")
	}
	s.Text = text
	if md.Date.IsZero() {
		// trafilatura ran go-htmldate in its fast mode; the extensive search (text patterns,
		// go-dateparser for other languages) is slower, so it is only run when that found nothing.
		md.Date = extensiveDate(doc, s.URL, md.Language)
	}
	if !md.Date.IsZero() && plausible(md.Date) {
		s.Date, dated = day(md.Date), true
	} else if t, prec, ok := ParseDate(dateline); ok && prec == PrecisionDay {
		s.Date, dated = t, true
	} else {
		def := opts.DefaultDate
		if def.IsZero() {
			def = today()
		}
		s.Date = def
		warn("story %q: %w; using %s", s.ID, ErrNoDate, def.Format(time.DateOnly))
	}
	return s, warns, dated, nil
}

// extensiveDate runs go-htmldate's extensive search on a page; zero when it finds nothing. lang
// is the ISO 639-1 code of the page's language (trafilatura's guess from its text) or "":
// go-dateparser then reads the page's date-like texts in that language and English only,
// instead of trying each of its 200-odd locales on every one, which made the search take
// 10-20 ms on some pages (the same dates on go-trafilatura's 983 labelled pages).
func extensiveDate(doc *html.Node, url, lang string) (t time.Time) {
	defer func() {
		if recover() != nil {
			t = time.Time{}
		}
	}()
	// go-htmldate's own go-dateparser settings, restricted to the page's language.
	dpc := &dps.Configuration{PreferredDateSource: dps.Past, StrictParsing: true}
	if lang != "" && dps.IsKnownLocale(lang) {
		dpc.Languages = []string{lang}
		if lang != "en" {
			dpc.Languages = append(dpc.Languages, "en")
		}
	}
	res, err := htmldate.FromDocument(doc, htmldate.Options{UseOriginalDate: true, URL: url, DateParserConfig: dpc})
	if err != nil {
		return time.Time{}
	}
	// A bare year ("© 2019 The Daily Example") comes back as 1 January: no day, no date.
	if _, m, d := res.DateTime.Date(); m == time.January && d == 1 && !reJan1.MatchString(res.SrcString) {
		return time.Time{}
	}
	return res.DateTime
}

var reJan1 = regexp.MustCompile(`(?i)\b0?1[-./]0?1\b|\bjan|\b1(st)?\s+(of\s+)?jan|\bjänner|\bjanvier|\benero|\bgennaio`)

// extractSafe runs trafilatura, turning a panic on a malformed page into an error: one bad page
// must not stop the others.
func extractSafe(doc *html.Node, opts trafilatura.Options) (res *trafilatura.ExtractResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, errPanic{r}
		}
	}()
	res, err = trafilatura.ExtractDocument(doc, opts)
	if err == nil && (res == nil || strings.TrimSpace(res.ContentText) == "") {
		err = errNoText
	}
	return res, err
}

type errPanic struct{ v any }

func (e errPanic) Error() string { return "extractor failed on this page" }

type textError string

func (e textError) Error() string { return string(e) }

const errNoText = textError("the page has no article text")

// nodeText renders the text of an extracted content tree with one paragraph (or list item,
// heading, table row, quote) a line and white space collapsed inside paragraphs.
func nodeText(root *html.Node) string {
	var paras []string
	var cur strings.Builder
	flush := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			paras = append(paras, t)
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "template":
				return
			case "td", "th":
				cur.WriteByte(' ')
			}
			if blockTags[n.Data] {
				flush()
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && blockTags[n.Data] {
			flush()
		}
	}
	if root != nil {
		walk(root)
	}
	flush()
	if len(paras) == 0 {
		return ""
	}
	return strings.Join(paras, "\n") + "\n"
}

// pruneDoc removes elements that never hold story text — comments, scripts (except JSON-LD
// metadata), styles, SVG, templates, iframes, navigation, asides, footers, menus, form controls
// (not forms: ASP.NET pages wrap the whole page in one) — and the white space between lines of
// text (see breaksText) before extraction, so that trafilatura's copies of the tree are smaller.
// trafilatura's own cleaning removes the same elements before it looks for the main text; done
// here, they are also gone from the trees its metadata and date searches walk.
func pruneDoc(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.CommentNode {
			n.RemoveChild(c)
		} else if c.Type == html.ElementNode {
			switch c.Data {
			case "script":
				if !isJSONLD(c) {
					n.RemoveChild(c)
				}
			case "style", "svg", "template", "iframe", "link", "noscript", "canvas", "video", "audio", "object", "embed",
				"nav", "button", "select", "input", "textarea", "aside", "footer", "menu":
				n.RemoveChild(c)
			default:
				pruneDoc(c)
			}
		} else {
			pruneDoc(c)
		}
		c = next
	}
	// Join the text nodes that removals left side by side, then drop white space between
	// lines: it is no text, yet a node that trafilatura copies and walks many times.
	if n.Type == html.ElementNode && (n.Data == "pre" || n.Data == "textarea") {
		return
	}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type != html.TextNode {
			c = next
			continue
		}
		if next != nil && next.Type == html.TextNode {
			var b strings.Builder
			b.WriteString(c.Data)
			for ; next != nil && next.Type == html.TextNode; next = c.NextSibling {
				b.WriteString(next.Data)
				n.RemoveChild(next)
			}
			c.Data = b.String()
		}
		if isBlank(c.Data) && breaksText(n, c.PrevSibling) && breaksText(n, c.NextSibling) {
			n.RemoveChild(c)
		}
		c = next
	}
}

// breaksText reports whether sib, a sibling of a text node in parent (nil at either end of
// parent), starts or ends a line of text by itself, so that white space next to it does not
// separate words.
func breaksText(parent, sib *html.Node) bool {
	if sib == nil {
		sib = parent
	}
	return sib.Type == html.DocumentNode || sib.Type == html.ElementNode && lineTags[sib.Data]
}

// lineTags are the elements that begin and end a line of text wherever they are (not <br>,
// <td> or <hr>: trafilatura glues the text on both sides of those when the white space between
// them is gone).
var lineTags = map[string]bool{"html": true, "head": true, "body": true, "meta": true, "link": true, "title": true,
	"script": true, "base": true, "div": true, "p": true, "ul": true, "ol": true, "li": true, "dl": true, "dd": true,
	"dt": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "table": true, "tbody": true,
	"thead": true, "tfoot": true, "tr": true, "section": true, "article": true, "header": true, "main": true,
	"figure": true, "figcaption": true, "blockquote": true, "form": true, "pre": true}

// isBlank reports whether s is empty or only HTML white space (space, tab, LF, CR, FF).
func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			return false
		}
	}
	return true
}

// skipUnusedMetadata adds to the <head> of doc a <meta> author, a <meta> article:tag and a
// JSON-LD WebPage with an articleSection, so that go-trafilatura's metadata step finds the
// author, tags and categories there and skips its searches of the whole page for them (the
// author search clones the page once more). Dyad uses none of the three: a story's metadata
// are its title, site name, URL and date, which the added elements do not carry.
func skipUnusedMetadata(doc *html.Node) {
	head := findElement(doc, "head", 2)
	if head == nil {
		return
	}
	for _, kv := range [][2]string{{"name", "author"}, {"property", "article:tag"}} {
		head.AppendChild(&html.Node{Type: html.ElementNode, Data: "meta", DataAtom: atom.Meta,
			Attr: []html.Attribute{{Key: kv[0], Val: kv[1]}, {Key: "content", Val: "Dyad Unused"}}})
	}
	ld := &html.Node{Type: html.ElementNode, Data: "script", DataAtom: atom.Script,
		Attr: []html.Attribute{{Key: "type", Val: "application/ld+json"}}}
	ld.AppendChild(&html.Node{Type: html.TextNode, Data: `{"@type":"WebPage","articleSection":"Dyad Unused"}`})
	head.AppendChild(ld)
}

// findElement returns the first element named name at most depth levels below n, or nil.
func findElement(n *html.Node, name string, depth int) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == name {
			return c
		}
		if depth > 1 {
			if f := findElement(c, name, depth-1); f != nil {
				return f
			}
		}
	}
	return nil
}

func isJSONLD(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "type" && strings.Contains(strings.ToLower(a.Val), "ld+json") {
			return true
		}
	}
	return false
}

// baselineShaped reports an extraction result of at most two <p> elements holding only text:
// the shape of trafilatura's baseline, which it falls back to when its main extraction finds
// fewer than 250 characters (short pages). The baseline takes the text content of the whole
// <article> or <body>, gluing paragraphs and the headline together ("TalksIsrael attacked ...
// said.Russia accused ...").
func baselineShaped(root *html.Node) bool {
	if root == nil {
		return false
	}
	n := 0
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		n++
		if n > 2 || c.Data != "p" {
			return false
		}
		for t := c.FirstChild; t != nil; t = t.NextSibling {
			if t.Type != html.TextNode {
				return false
			}
		}
	}
	return n > 0
}

// restoreBreaks splits each line of text that is the text of several consecutive block elements
// of doc (paragraphs, headings, list items, taken in document order; lines between them may be
// missing, as when trafilatura's cleaning dropped them) back into one line per block element.
// Lines are compared without white space, so "TalksIsrael" and "Talks Israel" both match the
// blocks "Talks" and "Israel ...". A line that does not match is kept as it is. The cost is
// linear in the size of doc for each line of text; callers use it on a few lines only.
func restoreBreaks(text string, doc *html.Node) string {
	var blocks []string // squeezed text of doc's block elements, in document order
	for _, l := range strings.Split(nodeText(doc), "\n") {
		if sq := squeeze(l); sq != "" {
			blocks = append(blocks, sq)
		}
	}
	if len(blocks) < 2 {
		return text
	}
	var b strings.Builder
	for _, line := range strings.SplitAfter(text, "\n") {
		body := strings.TrimSuffix(line, "\n")
		cuts := blockCuts(squeeze(body), blocks)
		if len(cuts) == 0 {
			b.WriteString(line)
			continue
		}
		// Map the cuts (byte offsets into the squeezed line) back to offsets into body.
		sq, k, start := 0, 0, 0
		for i, r := range body {
			if k == len(cuts) {
				break
			}
			if unicode.IsSpace(r) {
				continue
			}
			sq += utf8.RuneLen(r)
			if sq == cuts[k] {
				end := i + utf8.RuneLen(r)
				b.WriteString(strings.TrimSpace(body[start:end]))
				b.WriteByte('\n')
				start = end
				k++
			}
		}
		b.WriteString(strings.TrimSpace(body[start:]))
		if strings.HasSuffix(line, "\n") {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// blockCuts finds sq (a squeezed line) as the concatenation of consecutive blocks (some may be
// skipped between them) and returns the offsets in sq where one block ends and the next begins;
// nil when sq is not such a concatenation of at least two blocks. It tries the first 16 blocks
// that begin sq as starting points.
func blockCuts(sq string, blocks []string) []int {
	if sq == "" {
		return nil
	}
	tries := 0
	for i := range blocks {
		if !strings.HasPrefix(sq, blocks[i]) {
			continue
		}
		if tries++; tries > 16 {
			return nil
		}
		pos := len(blocks[i])
		var cuts []int
		for j := i + 1; j < len(blocks) && pos < len(sq); j++ {
			if strings.HasPrefix(sq[pos:], blocks[j]) {
				cuts = append(cuts, pos)
				pos += len(blocks[j])
			}
		}
		if pos == len(sq) && len(cuts) > 0 {
			return cuts
		}
	}
	return nil
}

// squeeze drops every white-space character of s.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// maxHTMLParagraphs caps the <p> elements of a page that the extractor reads (see
// extractionCut).
const maxHTMLParagraphs = 10000

// extractionCut returns where to cut a page before extraction: before its first tag after limit
// bytes, or before its (maxHTMLParagraphs+1)th <p> tag (paras true), whichever comes first;
// len(page) when neither applies. go-trafilatura's time grows with the product of a page's
// paragraph count and text size (it concatenates the text of every <p> one at a time for each
// candidate content node), so both are bounded: a page at the caps takes a few CPU-seconds.
func extractionCut(page []byte, limit int) (cut int, paras bool) {
	n := 0
	for i := 0; i+2 < len(page) && i < limit; i++ {
		j := bytes.IndexByte(page[i:min(len(page), limit)], '<')
		if j < 0 {
			break
		}
		i += j
		if i+2 >= len(page) || (page[i+1] != 'p' && page[i+1] != 'P') {
			continue
		}
		if c := page[i+2]; c == '>' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/' {
			if n++; n > maxHTMLParagraphs {
				return i, true
			}
		}
	}
	if len(page) <= limit {
		return len(page), false
	}
	cut = limit
	if i := bytes.LastIndexByte(page[:cut], '<'); i > cut/2 {
		cut = i
	}
	for cut > 0 && !utf8.RuneStart(page[cut]) {
		cut--
	}
	return cut, false
}
