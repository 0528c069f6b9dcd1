package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/dyad-events/dyad/story"
)

// TestReadHTMLShortPage checks that short or minified pages, which trafilatura reads through its
// baseline (the whole <article> or <body> text as one paragraph), keep one paragraph a line and
// lose the headline line.
func TestReadHTMLShortPage(t *testing.T) {
	p1 := "Israel attacked Hamas militants in Gaza on Tuesday, officials said."
	p2 := "Russia accused Ukraine of shelling Donetsk."
	cases := []struct{ name, page string }{
		{"article", `<html><head><title>Talks</title></head><body><article><h1>Talks</h1><p>` + p1 + `</p><p>` + p2 + `</p></article></body></html>`},
		{"divs", `<html><head><title>Talks</title></head><body><h1>Talks</h1><div>` + p1 + `</div><div>` + p2 + `</div></body></html>`},
		{"list", `<html><head><title>Talks</title></head><body><article><h1>Talks</h1><ul><li>` + p1 + `</li><li>` + p2 + `</li></ul></article></body></html>`},
		{"nested", `<html><head><title>Talks</title></head><body><article><header><h1>Talks</h1></header><section><p>` + p1 + `</p></section><aside>Most read</aside><section><p>` + p2 + `</p></section></article></body></html>`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, _, err := ReadHTML("p.html", []byte(c.page), "", Options{DefaultDate: day0})
			if err != nil {
				t.Fatal(err)
			}
			if want := p1 + "\n" + p2 + "\n"; s.Text != want {
				t.Errorf("text %q, want %q", s.Text, want)
			}
			if s.Title != "Talks" {
				t.Errorf("title %q", s.Title)
			}
		})
	}
}

func TestRestoreBreaks(t *testing.T) {
	doc := mustParse(t, `<body><p>Alpha beta.</p><p>Gamma  delta.</p><p>Epsilon.</p><p>Other.</p></body>`)
	cases := []struct{ in, want string }{
		{"Alpha beta.Gamma delta.Epsilon.\n", "Alpha beta.\nGamma delta.\nEpsilon.\n"},
		{"Alpha beta. Gamma delta.", "Alpha beta.\nGamma delta."},
		{"Alpha beta.Epsilon.\n", "Alpha beta.\nEpsilon.\n"},       // a block dropped between
		{"Alpha beta.\n", "Alpha beta.\n"},                         // one block: unchanged
		{"Alpha beta.Zeta.\n", "Alpha beta.Zeta.\n"},               // not all blocks: unchanged
		{"Beta.Gamma delta.\n", "Beta.Gamma delta.\n"},             // not from a block start
		{"Gamma delta.Alpha beta.\n", "Gamma delta.Alpha beta.\n"}, // out of order
	}
	for _, c := range cases {
		if got := restoreBreaks(c.in, doc); got != c.want {
			t.Errorf("restoreBreaks(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func mustParse(t *testing.T, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestReadHTMLExtractionCap checks that pages are cut before extraction, at Options.MaxHTMLBytes
// and at maxHTMLParagraphs <p> tags, with a warning naming the file.
func TestReadHTMLExtractionCap(t *testing.T) {
	para := "<p>The army attacked rebels in the north of the country on Tuesday, officials said.</p>\n"
	page := "<html><head><title>Big</title></head><body><article>" + strings.Repeat(para, 2000) + "</article></body></html>"
	s, warns, err := ReadHTML("big.html", []byte(page), "", Options{DefaultDate: day0, MaxHTMLBytes: 64 << 10})
	if err != nil {
		t.Fatal(err)
	}
	want := "big.html: page cut at 64 KB of HTML for extraction (it has " + strconv.Itoa(len(page)) + " bytes)"
	if len(warns) == 0 || warns[0].Error() != want {
		t.Errorf("warnings %q, want first %q", warns, want)
	}
	if len(s.Text) > 64<<10 || len(s.Text) < 32<<10 {
		t.Errorf("text of %d bytes from a cut at 64 KB", len(s.Text))
	}

	// Many short paragraphs: cut at the paragraph cap, whatever the size.
	page = "<html><body><article>" + strings.Repeat("<p>Rebels fled.</p>", maxHTMLParagraphs+50) + "</article></body></html>"
	s, warns, err = ReadHTML("many.html", []byte(page), "", Options{DefaultDate: day0})
	if err != nil {
		t.Fatal(err)
	}
	want = "many.html: page cut after its first 10000 paragraphs (<p>) for extraction"
	if len(warns) == 0 || warns[0].Error() != want {
		t.Errorf("warnings %q, want first %q", warns, want)
	}
	if n := strings.Count(s.Text, "Rebels fled."); n == 0 || n > maxHTMLParagraphs {
		t.Errorf("%d paragraphs kept", n)
	}
}

func TestExtractionCut(t *testing.T) {
	cases := []struct {
		page  string
		limit int
		cut   int
		paras bool
	}{
		{"<p>a</p><p>b</p>", 100, 16, false},
		{"<p>a</p><div>bbbbbbbb</div>", 12, 8, false},    // before the tag that crosses the limit
		{"<p>aaaaaaaaaaaaaaaaaa", 10, 10, false},         // no tag in the second half: at the limit
		{"<p>aaaaaaaa\u00e9\u00e9\u00e9", 12, 11, false}, // not inside a UTF-8 sequence
		{"<P class=x>a", 100, 12, false},
		{"<pre>a</pre>", 100, 12, false},
	}
	for _, c := range cases {
		if cut, paras := extractionCut([]byte(c.page), c.limit); cut != c.cut || paras != c.paras {
			t.Errorf("extractionCut(%q, %d) = %d, %v; want %d, %v", c.page, c.limit, cut, paras, c.cut, c.paras)
		}
	}
	page := strings.Repeat("<p>x</p>", maxHTMLParagraphs+1)
	if cut, paras := extractionCut([]byte(page), 1<<30); cut != maxHTMLParagraphs*8 || !paras {
		t.Errorf("paragraph cap: cut %d, %v", cut, paras)
	}
}

func TestSizeText(t *testing.T) {
	for n, want := range map[int]string{10 << 20: "10 MB", 5 << 19: "2.5 MB", 256 << 10: "256 KB", 1536: "1.5 KB", 900: "900 bytes"} {
		if got := sizeText(n); got != want {
			t.Errorf("sizeText(%d) = %q, want %q", n, got, want)
		}
	}
}

// BenchmarkReadHTMLHuge extracts a 4 MB page of distinct paragraphs (cut at the caps): its time
// is bounded by the caps, whatever the page size.
func BenchmarkReadHTMLHuge(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("<html><head><title>Big</title></head><body><article>")
	for i := 0; sb.Len() < 4<<20; i++ {
		fmt.Fprintf(&sb, "<p>The army attacked rebels in district %d of the north on Tuesday, officials said.</p>\n", i)
	}
	sb.WriteString("</article></body></html>")
	page := []byte(sb.String())
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, _, err := ReadHTML("big.html", page, "", Options{DefaultDate: day0}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestReadStoryCap checks that Read cuts a story's text at Options.MaxStoryBytes, at a line or
// sentence end, with a warning naming the story.
func TestReadStoryCap(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("The army attacked rebels in the north. ", 100) // 3,900 bytes, one line
	writeFile(t, dir+"/a.txt", long)
	writeFile(t, dir+"/b.jsonl", `{"id": "b", "text": "`+strings.Repeat(`Police arrested protesters.\n`, 100)+`"}`+"\n")
	writeFile(t, dir+"/c.txt", "Short story about talks.\n")
	var got []*story.Story
	var warns []string
	failed, err := Read(context.Background(), []string{dir}, Options{DefaultDate: day0, MaxStoryBytes: 1000},
		func(s *story.Story) error { got = append(got, s); return nil },
		func(e error) { warns = append(warns, e.Error()) })
	if err != nil || failed != 0 || len(got) != 3 {
		t.Fatalf("failed %d, err %v, %d stories; warnings %q", failed, err, len(got), warns)
	}
	if want := strings.Repeat("The army attacked rebels in the north. ", 25); got[0].Text != strings.TrimSuffix(want, " ") {
		t.Errorf("a: text of %d bytes %q", len(got[0].Text), got[0].Text)
	}
	if want := strings.Repeat("Police arrested protesters.\n", 35); got[1].Text != want {
		t.Errorf("b: text of %d bytes", len(got[1].Text))
	}
	if got[2].Text != "Short story about talks.\n" {
		t.Errorf("c: %q", got[2].Text)
	}
	want := []string{
		dir + "/a.txt: story \"a\": text cut at 1000 bytes (it has 3900 bytes); the rest is not read",
		dir + "/b.jsonl:1: story \"b\": text cut at 1000 bytes (it has 2800 bytes); the rest is not read",
	}
	if warns := dated(warns); strings.Join(warns, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings\n%s\nwant\n%s", strings.Join(warns, "\n"), strings.Join(want, "\n"))
	}
	if w := dated(got[0].Warnings); len(w) != 1 || w[0] != want[0] {
		t.Errorf("story warnings %q", got[0].Warnings)
	}
}

func TestCapText(t *testing.T) {
	cases := []struct {
		text  string
		limit int
		want  string
	}{
		{"abc", 10, "abc"},
		{"aaaa\nbbbb\ncccc", 12, "aaaa\nbbbb\n"},
		{"One two. Three four five six", 12, "One two."},
		{"One two. Three four five six", 20, "One two. Three four "},
		{"abcdefgh\u00e9", 9, "abcdefgh"},
	}
	for _, c := range cases {
		if got := capText(c.text, c.limit); got != c.want {
			t.Errorf("capText(%q, %d) = %q, want %q", c.text, c.limit, got, c.want)
		}
	}
}

// TestReadDanglingLink checks that a symbolic link to nothing inside a walked folder is a failed
// input with a warning naming it, as it is when given directly.
func TestReadDanglingLink(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir+"/a.txt", "Police arrested protesters in the capital.\n")
	if err := os.Symlink(dir+"/missing.txt", dir+"/b.txt"); err != nil {
		t.Skip("no symbolic links:", err)
	}
	for _, inputs := range [][]string{{dir}, {dir + "/a.txt", dir + "/b.txt"}} {
		var ids, warns []string
		failed, err := Read(context.Background(), inputs, Options{DefaultDate: day0},
			func(s *story.Story) error { ids = append(ids, s.ID); return nil },
			func(e error) { warns = append(warns, e.Error()) })
		want := dir + "/b.txt: symbolic link to " + dir + "/missing.txt: no such file or directory"
		if err != nil || failed != 1 || strings.Join(ids, ",") != "a" || strings.Join(dated(warns), "\n") != want {
			t.Errorf("%v: failed %d, err %v, stories %v, warnings %q; want warning %q", inputs, failed, err, ids, warns, want)
		}
	}
}

// TestReadTextURL checks that a plain-text story read from a URL carries that URL unless its
// front matter gives one.
func TestReadTextURL(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if r.URL.Path == "/fm.txt" {
			io.WriteString(w, "---\nurl: https://example.org/original\n---\nPolice arrested protesters.\n")
			return
		}
		io.WriteString(w, "Police arrested protesters.\n")
	}))
	defer srv.Close()
	var got []*story.Story
	failed, err := Read(context.Background(), []string{srv.URL + "/plain.txt", srv.URL + "/fm.txt"}, Options{DefaultDate: day0},
		func(s *story.Story) error { got = append(got, s); return nil }, nil)
	if err != nil || failed != 0 || len(got) != 2 {
		t.Fatalf("failed %d, err %v, %d stories", failed, err, len(got))
	}
	if got[0].URL != srv.URL+"/plain.txt" || got[1].URL != "https://example.org/original" {
		t.Errorf("urls %q, %q", got[0].URL, got[1].URL)
	}
}

// TestReadOddText checks text inputs that used to be rejected or misreported: a stray NUL byte,
// UTF-16 with a byte order mark, a truncated gzip file, an empty file, invalid UTF-8 (the
// warning names the first bad line).
func TestReadOddText(t *testing.T) {
	dir := t.TempDir()
	story16 := "Police arrested protesters in Kyiv.\n"
	le, be := []byte{0xff, 0xfe}, []byte{0xfe, 0xff}
	for _, r := range story16 {
		le = append(le, byte(r), 0)
		be = append(be, 0, byte(r))
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	for i := range 3000 {
		fmt.Fprintf(zw, "Line %d: the army attacked rebels in district %d.\n", i, i*7919%10007)
	}
	zw.Close()
	bin := make([]byte, 600)
	for i := range bin {
		bin[i] = byte(i % 7) // many NULs and control bytes
	}
	files := map[string][]byte{
		"a-nul.txt":     []byte("Police arrested protesters.\nThe army\x00 attacked rebels.\n"),
		"b-utf16le.txt": le,
		"c-utf16be.txt": be,
		"d-cut.txt.gz":  gz.Bytes()[:gz.Len()/2],
		"e-cut0.txt.gz": gz.Bytes()[:12],
		"f-empty.txt":   nil,
		"g-badutf8.txt": []byte("---\ntitle: T\n---\nPolice arrested protesters.\nThe army \xff attacked.\n"),
		"h-binary.txt":  bin,
		"i-empty.jsonl": []byte("\n\n"),
	}
	for name, data := range files {
		if err := os.WriteFile(dir+"/"+name, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := map[string]*story.Story{}
	var warns []string
	failed, err := Read(context.Background(), []string{dir}, Options{DefaultDate: day0},
		func(s *story.Story) error { got[s.ID] = s; return nil },
		func(e error) { warns = append(warns, strings.TrimPrefix(e.Error(), dir+"/")) })
	if err != nil {
		t.Fatal(err)
	}
	// Failed: the gzip file cut before any text, the binary file.
	if failed != 2 || len(got) != 5 {
		t.Errorf("failed %d, stories %d; warnings %q", failed, len(got), warns)
	}
	if s := got["a-nul"]; s == nil || s.Text != "Police arrested protesters.\nThe army\uFFFD attacked rebels.\n" {
		t.Errorf("a-nul: %+v", s)
	}
	for _, id := range []string{"b-utf16le", "c-utf16be"} {
		if s := got[id]; s == nil || s.Text != story16 {
			t.Errorf("%s: %+v", id, s)
		}
	}
	if s := got["d-cut"]; s == nil || !strings.HasPrefix(s.Text, "Line 0: the army attacked rebels in district 0.\n") {
		t.Errorf("d-cut: %+v", s)
	}
	if s := got["g-badutf8"]; s == nil || s.Text != "Police arrested protesters.\nThe army \uFFFD attacked.\n" {
		t.Errorf("g-badutf8: %+v", s)
	}
	want := []string{
		`a-nul.txt:2: story "a-nul": NUL bytes replaced by U+FFFD`,
		`d-cut.txt.gz: bad gzip data: unexpected EOF after `,
		`e-cut0.txt.gz: bad gzip data: unexpected EOF`,
		`f-empty.txt: empty input; no story`,
		`g-badutf8.txt:5: story "g-badutf8": invalid UTF-8 replaced by U+FFFD`,
		`h-binary.txt: binary data`,
		`i-empty.jsonl: empty input; no story`,
	}
	warns = dated(warns)
	if len(warns) != len(want) {
		t.Errorf("warnings %q, want %q", warns, want)
	}
	for i := range min(len(warns), len(want)) {
		if !strings.HasPrefix(warns[i], want[i]) {
			t.Errorf("warning %d: %q, want %q...", i, warns[i], want[i])
		}
	}
}

// TestReadEmptyStdin checks that empty standard input is a warning, not a failure.
func TestReadEmptyStdin(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdin
	os.Stdin = r
	defer func() { os.Stdin = old }()
	w.Close()
	var warns []string
	failed, err := Read(context.Background(), []string{"-"}, Options{DefaultDate: day0},
		func(s *story.Story) error { t.Errorf("story %+v", s); return nil },
		func(e error) { warns = append(warns, e.Error()) })
	if err != nil || failed != 0 || strings.Join(warns, "\n") != "-: empty input; no story" {
		t.Errorf("failed %d, err %v, warnings %q", failed, err, warns)
	}
}

func TestIsBinary(t *testing.T) {
	cases := map[string]bool{
		"plain text\n":                 false,
		"one stray \x00 NUL":           false,
		"\x00\x00\x00 three NULs":      true,
		"\xff\xfeP\x00o\x00":           false, // UTF-16 with a BOM
		"\x01\x02\x03\x04 mostly ctrl": true,
		"":                             false,
	}
	for in, want := range cases {
		if got := isBinary([]byte(in)); got != want {
			t.Errorf("isBinary(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestGunzipBytesTruncated(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	for i := range 2000 {
		fmt.Fprintf(zw, "Line %d of a story about district %d.\n", i, i*7919%10007)
	}
	zw.Close()
	out, err := gunzipBytes(gz.Bytes()[:gz.Len()/2], 1<<20)
	if err == nil || err.Error() != "bad gzip data: unexpected EOF" || !bytes.HasPrefix(out, []byte("Line 0 of a story")) {
		t.Errorf("err %v, %d bytes", err, len(out))
	}
	out, err = gunzipBytes(gz.Bytes(), 1<<20)
	if err != nil || !bytes.HasSuffix(out, []byte("Line 1999 of a story about district 9014.\n")) {
		t.Errorf("whole: err %v, %d bytes", err, len(out))
	}
}
