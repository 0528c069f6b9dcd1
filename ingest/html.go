package ingest

import (
	"bytes"
	nurl "net/url"
	"regexp"
	"strings"
	"time"

	"github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"

	"github.com/dyad-events/dyad/story"
)

// ReadHTML extracts the story of one HTML page: its main text and metadata (title, publication
// date, canonical URL, site name) through go-trafilatura, which drops navigation, comments,
// sharing widgets and other boilerplate. name is the file path or URL (the story id is the file
// name without extension, or a slug of the URL); contentType is the HTTP Content-Type or "".
//
// The page is transcoded to UTF-8 first (BOM, Content-Type charset, <meta charset>, else
// windows-1252, per the WHATWG encoding sniffing rules; EUC-KR, Shift_JIS, ISO-8859-x, ... are
// supported). Paragraphs of Story.Text are separated by "\n"; chrome lines left by the extractor
// are dropped as in StripChrome unless opts.KeepChrome. A page without a readable date gets
// opts.DefaultDate with a warning.
//
// err (an *InputError naming the input) reports a page that yields no story: binary data, an
// empty file, no main text found. warns are non-fatal problems, also in Story.Warnings.
func ReadHTML(name string, data []byte, contentType string, opts Options) (s *story.Story, warns []error, err error) {
	s, warns, _, err = readHTML(name, data, contentType, opts)
	return s, warns, err
}

// readHTML is ReadHTML that also tells whether the page gave a date.
func readHTML(name string, data []byte, contentType string, opts Options) (s *story.Story, warns []error, dated bool, err error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil, false, inputErr(name, 0, "empty file")
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
	utf, _, terr := toUTF8(data, contentType)
	if terr != nil {
		warn("%v", terr)
	}
	doc, perr := html.Parse(bytes.NewReader(utf))
	if perr != nil { // x/net/html only fails on reader errors
		return nil, warns, false, inputErr(name, 0, "parsing HTML: %v", perr)
	}
	pruneDoc(doc)
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
		return nil, warns, false, inputErr(name, 0, "no main text found: %v", xerr)
	}
	text := norm.NFC.String(nodeText(res.ContentNode))
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
	text, dateline := cleanStory(s, text, opts.KeepChrome)
	if strings.TrimSpace(text) == "" {
		return nil, warns, false, inputErr(name, 0, "no main text found")
	}
	s.Text = text
	if md.Date.IsZero() {
		// trafilatura ran go-htmldate in its fast mode; the extensive search (text patterns,
		// go-dateparser for other languages) is slower, so it is only run when that found nothing.
		md.Date = extensiveDate(doc, s.URL)
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
		warn("story %q: no publication date found; using %s", s.ID, def.Format(time.DateOnly))
	}
	return s, warns, dated, nil
}

// extensiveDate runs go-htmldate's extensive search on a page; zero when it finds nothing.
func extensiveDate(doc *html.Node, url string) (t time.Time) {
	defer func() {
		if recover() != nil {
			t = time.Time{}
		}
	}()
	res, err := htmldate.FromDocument(doc, htmldate.Options{UseOriginalDate: true, URL: url})
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

// pruneDoc removes elements that never hold story text — scripts (except JSON-LD metadata),
// styles, SVG, templates, iframes, navigation, form controls (not forms: ASP.NET pages wrap the
// whole page in one) — before extraction, so that trafilatura's copies of the tree
// are smaller.
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
				"nav", "button", "select", "input", "textarea":
				n.RemoveChild(c)
			default:
				pruneDoc(c)
			}
		} else {
			pruneDoc(c)
		}
		c = next
	}
}

func isJSONLD(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "type" && strings.Contains(strings.ToLower(a.Val), "ld+json") {
			return true
		}
	}
	return false
}
