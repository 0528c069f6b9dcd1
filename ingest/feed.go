package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"mime"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/dyad-events/dyad/story"
)

// ReadFeed reads an RSS (0.9x, 1.0, 2.0), Atom or JSON Feed document with gofeed and emits one
// story per item, in feed order: Title from the item title, Text from the item content or
// description (the longer), turned from HTML into plain text with one paragraph a line and
// cleaned of chrome as in ReadText (an item whose only line is a headline is skipped), URL
// from the item link, Publisher from the feed title, Date from the item's published or updated
// date (gofeed's parse, else ParseDate on the raw string, else the Dublin Core date). The story
// id is a slug of the item link, else of its GUID, else "BASE-N". Origin is "name#N" (N from 1).
//
// The document is transcoded to UTF-8 first (BOM, Content-Type charset, XML declaration;
// UTF-16 with a BOM or declared by contentType too). An item with an unreadable or missing date gets opts.DefaultDate and a warning naming the item;
// an item without text is skipped with a warning and counted in failed. err is an *InputError
// when the document is not a feed (binary, empty, broken XML), or the error of emit.
//
// With opts.FeedArticles, the page each item links to is fetched (opts.Fetch, four at a time)
// and its main text read with ReadHTML replaces the item's summary; the item's title and date
// win over the page's. An item whose page cannot be read keeps its summary, with a warning.
func ReadFeed(name string, data []byte, contentType string, opts Options, emit func(*story.Story) error, warn func(error)) (failed int, err error) {
	return readFeed(context.Background(), name, data, contentType, opts, emit, warn)
}

// feedArticleWorkers is how many article pages of one feed are fetched at once.
const feedArticleWorkers = 4

func readFeed(ctx context.Context, name string, data []byte, contentType string, opts Options, emit func(*story.Story) error, warn func(error)) (failed int, err error) {
	if warn == nil {
		warn = func(error) {}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return 0, inputErr(name, 0, "empty file")
	}
	data, is16, broken16 := decodeUTF16(data, contentType)
	if is16 {
		data, contentType = xmlDeclCharset(data), ""
	}
	if broken16 {
		warn(inputErr(name, 0, "broken UTF-16: bad characters replaced by U+FFFD"))
	}
	if isBinary(data) {
		return 0, inputErr(name, 0, "binary data, not a feed")
	}
	data, cerr := feedToUTF8(data, contentType)
	if cerr != nil {
		warn(inputErr(name, 0, "%v", cerr))
	}
	feed, perr := parseFeedSafe(data)
	if perr != nil {
		return 0, inputErr(name, 0, "not a readable RSS/Atom feed: %v", perr)
	}
	var pages []*articlePage
	if opts.FeedArticles {
		pages = fetchArticles(ctx, feed.Items, opts)
	}
	base := storyID(name)
	publisher := cleanLine(feed.Title)
	seen := map[string]int{}
	for i, it := range feed.Items {
		n := i + 1
		if it == nil {
			continue
		}
		s := &story.Story{Origin: name + "#" + strconv.Itoa(n), Publisher: publisher}
		itemWarn := func(format string, args ...any) {
			e := inputErr(name, 0, "item %d (%s): "+format, append([]any{n, s.ID}, args...)...)
			warn(e)
			s.Warnings = append(s.Warnings, e.Error())
		}
		s.URL = cleanURL(strings.TrimSpace(it.Link))
		switch {
		case isURL(s.URL):
			s.ID = urlID(s.URL)
		case strings.TrimSpace(it.GUID) != "":
			s.ID = itemIDSlug(it.GUID)
		}
		if s.ID == "" {
			s.ID = fmt.Sprintf("%s-%d", base, n)
		}
		if k := seen[s.ID]; k > 0 { // ids must stay unique within the feed
			s.ID = fmt.Sprintf("%s-%d", s.ID, n)
		}
		seen[s.ID]++
		s.Title = cleanLine(htmlToText(it.Title))
		var page *articlePage
		if pages != nil {
			page = pages[i]
		}
		var text, dateline string
		switch {
		case page != nil && page.err == nil:
			if page.cut != nil {
				var ie *InputError
				if errors.As(page.cut, &ie) {
					itemWarn("article page %v", ie.Err)
				}
			}
			text = page.s.Text // already cleaned by ReadHTML
			if s.Title == "" {
				s.Title = page.s.Title
			}
		default:
			if page != nil {
				itemWarn("article page not read (%v); using the feed's text", page.err)
			}
			body := it.Content
			if len(it.Description) > len(body) {
				body = it.Description
			}
			var bad bool
			text, bad = validUTF8(htmlToText(body))
			if bad {
				itemWarn("invalid UTF-8 replaced by U+FFFD")
			}
			var lone string
			text, dateline, lone = cleanStory(s, text, opts.KeepChrome, opts.KeepLoneHeadline)
			if lone != "" {
				if !opts.KeepLoneHeadline {
					failed++
					warn(inputErr(name, 0, "item %d (%s) has no text: %s; skipped", n, s.ID, loneHeadlineProblem(s, lone, false)))
					continue
				}
				itemWarn("%s", loneHeadlineProblem(s, lone, true))
			}
		}
		if strings.TrimSpace(text) == "" {
			failed++
			warn(inputErr(name, 0, "item %d (%s) has no text; skipped", n, s.ID))
			continue
		}
		s.Text = text
		t, raw, ok := itemDate(it, dateline)
		switch {
		case ok:
			s.Date = t
		case page != nil && page.err == nil && page.dated:
			s.Date = page.s.Date
		case raw != "":
			s.Date = resolveDate(raw, "", opts.DefaultDate, itemWarn)
		default:
			def := opts.DefaultDate
			if def.IsZero() {
				def = today()
			}
			itemWarn("%w; using %s", ErrNoDate, def.Format(time.DateOnly))
			s.Date = def
		}
		if e := emit(s); e != nil {
			return failed, e
		}
	}
	if len(feed.Items) == 0 {
		warn(inputErr(name, 0, "feed has no items"))
	}
	return failed, nil
}

// articlePage is the story read from a feed item's link.
type articlePage struct {
	s     *story.Story
	dated bool  // the page gave a publication date
	err   error // the page could not be read
	cut   error // the page's body broke off; its first part was read (wraps ErrBodyCut)
}

// fetchArticles fetches and extracts the linked page of every item with an http(s) link,
// feedArticleWorkers at a time; the result has one entry per item (nil when it has no link).
func fetchArticles(ctx context.Context, items []*gofeed.Item, opts Options) []*articlePage {
	pages := make([]*articlePage, len(items))
	sem := make(chan struct{}, feedArticleWorkers)
	var wg sync.WaitGroup
	for i, it := range items {
		if it == nil || !isURL(strings.TrimSpace(it.Link)) {
			continue
		}
		link := strings.TrimSpace(it.Link)
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			p := &articlePage{}
			body, ctype, err := Fetch(ctx, link, opts.Fetch)
			if errors.Is(err, ErrBodyCut) && len(body) > 0 {
				p.cut, err = err, nil
			}
			if err == nil {
				var s *story.Story
				var dated bool
				s, _, dated, err = readHTML(link, body, ctype, opts)
				p.s, p.dated = s, dated
			}
			if err != nil {
				var ie *InputError
				if errors.As(err, &ie) {
					err = ie.Err
				}
				p.err = err
			}
			pages[i] = p
		}()
	}
	wg.Wait()
	return pages
}

// itemDate finds an item's date: from the raw published, updated or Dublin Core string
// (ParseDate keeps the calendar day as written, where gofeed's parsed time may have been moved to
// another zone), gofeed's parsed times, or a dateline of the text. When none gives a day, ok is
// false and raw is the first date string the item had ("" when none).
func itemDate(it *gofeed.Item, dateline string) (t time.Time, raw string, ok bool) {
	raws := []string{it.Published, it.Updated}
	if it.DublinCoreExt != nil {
		raws = append(raws, it.DublinCoreExt.Date...)
	}
	for _, r := range raws {
		if t, prec, ok := ParseDate(r); ok && prec == PrecisionDay {
			return t, "", true
		}
	}
	for _, p := range []*time.Time{it.PublishedParsed, it.UpdatedParsed} {
		if p != nil && plausible(*p) {
			return day(*p), "", true
		}
	}
	if t, prec, ok := ParseDate(dateline); ok && prec == PrecisionDay {
		return t, "", true
	}
	for _, r := range raws {
		if r = strings.TrimSpace(r); r != "" {
			return time.Time{}, r, false
		}
	}
	return time.Time{}, "", false
}

var reGUID = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

func itemIDSlug(g string) string {
	g = strings.TrimSpace(g)
	if isURL(g) {
		return urlID(g)
	}
	id := strings.Trim(reGUID.ReplaceAllString(g, "-"), "-")
	if len(id) > 120 {
		id = id[len(id)-120:]
	}
	return id
}

// parseFeedSafe runs gofeed, turning a panic into an error.
func parseFeedSafe(data []byte) (f *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, errors.New("feed parser failed on this document")
		}
	}()
	f, err = gofeed.NewParser().Parse(bytes.NewReader(data))
	if err == nil && f == nil {
		err = errors.New("no feed")
	}
	return f, err
}

var reXMLEncoding = regexp.MustCompile(`^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)

// feedToUTF8 transcodes a feed to UTF-8 from the charset of its UTF-8 BOM, Content-Type or XML
// declaration, and rewrites the declaration to say UTF-8. (readFeed has decoded UTF-16 before.)
func feedToUTF8(data []byte, contentType string) ([]byte, error) {
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		return data[3:], nil
	}
	label := ""
	if contentType != "" {
		if _, params, err := mime.ParseMediaType(contentType); err == nil {
			label = params["charset"]
		}
	}
	if label == "" {
		if m := reXMLEncoding.FindSubmatch(data[:min(len(data), 512)]); m != nil {
			label = string(m[1])
		}
	}
	if label == "" {
		return data, nil
	}
	enc, canon := charset.Lookup(label)
	if enc == nil {
		return data, fmt.Errorf("unknown charset %q; read as UTF-8", label)
	}
	if canon == "utf-8" {
		return data, nil
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return data, fmt.Errorf("transcoding from %s: %v", canon, err)
	}
	return xmlDeclCharset(out), nil
}

// blockTags end a paragraph in htmlToText.
var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "blockquote": true, "tr": true, "table": true,
	"section": true, "article": true, "header": true, "footer": true, "figure": true,
	"figcaption": true, "pre": true, "hr": true, "dd": true, "dt": true, "main": true, "body": true,
	"aside": true, "nav": true, "details": true, "summary": true, "caption": true, "head": true,
}

// htmlToText turns an HTML fragment (a feed item's description or content) into plain text:
// one paragraph a line, white space collapsed inside paragraphs, entities decoded, script and
// style dropped. Plain text passes through with its white space collapsed per line.
func htmlToText(frag string) string {
	if !strings.ContainsAny(frag, "<&") {
		return collapseLines(frag)
	}
	z := html.NewTokenizer(strings.NewReader(frag))
	var paras []string
	var cur strings.Builder
	skip := 0
	flush := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			paras = append(paras, t)
		}
		cur.Reset()
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flush()
			return strings.Join(paras, "\n")
		case html.TextToken:
			if skip == 0 {
				cur.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			tn, _ := z.TagName()
			tag := string(tn)
			if tag == "script" || tag == "style" || tag == "noscript" {
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
				continue
			}
			if blockTags[tag] {
				flush()
			}
		}
	}
}

func collapseLines(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if t := strings.Join(strings.Fields(l), " "); t != "" {
			out = append(out, t)
		}
	}
	return strings.Join(out, "\n")
}
