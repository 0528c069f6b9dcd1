package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// FetchOptions configure reading http(s) inputs; the zero value gives the defaults.
type FetchOptions struct {
	// Timeout bounds one whole request (connect, headers and body); default 30 s.
	Timeout time.Duration
	// MaxBytes caps the body of a URL and the size of an HTML or feed file, in bytes after
	// gzip decompression; longer inputs are cut there with a warning. Default 10 MiB.
	MaxBytes int
	// UserAgent is sent with every request; default "dyad/0.1 (+https://github.com/dyad-events/dyad)".
	UserAgent string
	// Client, when set, is used instead of a client built from Timeout (tests, proxies).
	Client *http.Client
}

// Defaults of FetchOptions.
const (
	DefaultFetchTimeout = 30 * time.Second
	DefaultMaxBytes     = 10 << 20
	DefaultUserAgent    = "dyad/0.1 (+https://github.com/dyad-events/dyad)"
)

func (o FetchOptions) withDefaults() FetchOptions {
	if o.Timeout <= 0 {
		o.Timeout = DefaultFetchTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	return o
}

// Fetch gets rawURL over HTTP(S) and returns its body, at most opts.MaxBytes bytes (a longer body is
// cut; len(body) == MaxBytes tells the caller), and its Content-Type. It sends opts.UserAgent and
// "Accept-Encoding: gzip", decompresses gzip bodies (also a gzip file served without
// Content-Encoding), and gives up after opts.Timeout. The body is returned in its own charset:
// ReadHTML and ReadFeed transcode it. Every error is an *InputError naming rawURL: a bad status
// ("HTTP 404 Not Found"), a timeout, a network or gzip failure. A body that breaks off after some
// data arrived is returned with an error wrapping ErrBodyCut: callers may read that part and
// report the error as a warning.
func Fetch(ctx context.Context, rawURL string, opts FetchOptions) (body []byte, contentType string, err error) {
	opts = opts.withDefaults()
	client := opts.Client
	if client == nil {
		client = &http.Client{Timeout: opts.Timeout}
	}
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, "", inputErr(rawURL, 0, "bad URL: %v", err)
	}
	req.Header.Set("User-Agent", opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")
	// Setting Accept-Encoding ourselves turns off the transport's transparent gzip, so that
	// the size cap applies to the decompressed body and both cases are handled in one place.
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := client.Do(req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) || isTimeout(err) {
			return nil, "", inputErr(rawURL, 0, "no answer within %v", opts.Timeout)
		}
		return nil, "", inputErr(rawURL, 0, "%v", unwrapURLError(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, "", inputErr(rawURL, 0, "HTTP %s", resp.Status)
	}
	var src io.Reader = resp.Body
	if resp.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, "", inputErr(rawURL, 0, "bad gzip body: %v", err)
		}
		src = zr
	} else if src, err = maybeGunzip(resp.Body); err != nil {
		return nil, "", inputErr(rawURL, 0, "%v", err)
	}
	body, err = readCapped(src, opts.MaxBytes)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) || isTimeout(err) {
			return nil, "", inputErr(rawURL, 0, "body not read within %v", opts.Timeout)
		}
		if len(bytes.TrimSpace(body)) == 0 {
			return nil, "", inputErr(rawURL, 0, "%w before any data arrived: %v", ErrBodyCut, err)
		}
		// A truncated body (connection closed early, fewer bytes than Content-Length, a broken
		// gzip tail) still yields its first part, with this error as a warning.
		of := ""
		if resp.ContentLength > 0 && resp.Header.Get("Content-Encoding") == "" {
			of = fmt.Sprintf(" of %d", resp.ContentLength)
		}
		return body, resp.Header.Get("Content-Type"),
			inputErr(rawURL, 0, "%w after %d%s bytes (%v); reading the part that arrived", ErrBodyCut, len(body), of, err)
	}
	return body, resp.Header.Get("Content-Type"), nil
}

// ErrBodyCut is wrapped by the error of Fetch when a body breaks off: the connection closed
// early, fewer bytes came than its Content-Length announced, or its gzip stream ends in the
// middle. When some data arrived, Fetch returns that first part too.
var ErrBodyCut = errors.New("body cut off")

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}

func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// toUTF8 transcodes an HTML document to UTF-8. The charset comes from, in order: a byte order
// mark; the HTTP Content-Type; a <meta charset> or <meta http-equiv> in the first 16 KiB (unless
// it names a single-byte charset while the bytes are valid UTF-8 with non-ASCII text, a common
// mislabelling); else UTF-8 when the bytes are valid UTF-8, else windows-1252 (the WHATWG
// default). Decoders come from golang.org/x/net/html/charset. It returns the charset name when it
// was not UTF-8.
func toUTF8(data []byte, contentType string) ([]byte, string, error) {
	enc, name, certain := charset.DetermineEncoding(data, contentType)
	if !certain {
		if m := reMetaCharset.FindSubmatch(data[:min(len(data), 16<<10)]); m != nil {
			if e, n := charset.Lookup(string(m[1])); e != nil {
				enc, name = e, n
			}
			if strings.HasPrefix(name, "utf-16") { // a page read as ASCII bytes is not UTF-16 (WHATWG)
				enc, name = nil, "utf-8"
			}
		}
		if name != "utf-8" && utf8.Valid(data) && (isSingleByte(name) || !hasMetaCharset(data)) {
			return data, "", nil
		}
	}
	if name == "utf-8" || enc == nil {
		return data, "", nil
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return data, name, fmt.Errorf("transcoding from %s: %v", name, err)
	}
	return out, name, nil
}

var reMetaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)`)

func hasMetaCharset(data []byte) bool {
	return reMetaCharset.Match(data[:min(len(data), 16<<10)])
}

// isSingleByte reports the Latin single-byte charsets that valid UTF-8 text is often mislabelled
// as.
func isSingleByte(name string) bool {
	return name == "windows-1252" || strings.HasPrefix(name, "iso-8859-") || strings.HasPrefix(name, "windows-125")
}

// xmlDeclCharset rewrites an XML declaration's encoding to UTF-8 once the document is
// transcoded, so that XML parsers do not decode it again.
func xmlDeclCharset(data []byte) []byte {
	if !bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n\xef\xbb\xbf"), []byte("<?xml")) {
		return data
	}
	end := bytes.Index(data, []byte("?>"))
	if end < 0 {
		return data
	}
	decl := data[:end]
	i := bytes.Index(decl, []byte("encoding="))
	if i < 0 {
		return data
	}
	q := i + len("encoding=")
	if q >= len(decl) || (decl[q] != '"' && decl[q] != '\'') {
		return data
	}
	j := bytes.IndexByte(decl[q+1:], decl[q])
	if j < 0 {
		return data
	}
	out := make([]byte, 0, len(data))
	out = append(out, data[:q+1]...)
	out = append(out, "UTF-8"...)
	out = append(out, data[q+1+j:]...)
	return out
}
