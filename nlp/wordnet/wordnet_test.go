package wordnet

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/nlp/internal/linear"
)

// TestClasses checks the word classes read from a small hand-made folder in WordNet's layout
// (testdata) through the morphy rules.
func TestClasses(t *testing.T) {
	wn, err := Load("testdata")
	if err != nil {
		t.Fatal(err)
	}
	var buf []byte
	for _, c := range []struct {
		word string
		want uint16
	}{
		{"bombing", Noun},
		{"bombings", Plural},
		{"sanctions", Plural | VerbS},
		{"sanctioned", VerbEd},
		{"sanctioning", VerbIng},
		{"revoked", VerbEd},
		{"revoking", VerbIng},
		{"stopped", VerbEd}, // undoubled
		{"carried", VerbEd},
		{"carries", VerbS},
		{"boxes", Plural | VerbS},
		{"churches", Plural},
		{"children", Plural},
		{"went", VerbEd},
		{"broken", VerbEd},
		{"bigger", AdjCmp},
		{"happiest", AdjCmp},
		{"later", AdjCmp},
		{"late", Adj | Adv},
		{"better", AdjCmp},
		{"envoy", Noun},
		{"human_rights", None}, // multi-word lemmas are skipped
		{"xyzzy", None},
		{"1,000", 0},
		{"a", 0},
		{"", 0},
	} {
		if got := wn.Classes([]byte(c.word), &buf); got != c.want {
			t.Errorf("Classes(%q) = %b, want %b", c.word, got, c.want)
		}
	}
	if _, err := Load("testdata/no-such-folder"); err == nil {
		t.Error("Load of a missing folder: no error")
	}
	if _, err := Load("."); err == nil {
		t.Error("Load of a folder without WordNet files: no error")
	}
}

// TestWriteRead checks that the word classes survive writing and reading, byte for byte, and that
// nil writes as empty and reads back as nil.
func TestWriteRead(t *testing.T) {
	wn, err := Load("testdata")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	e := linear.NewEnc(&b)
	wn.WriteClasses(e)
	(*WordNet)(nil).WriteClasses(e)
	if err := e.Flush(); err != nil {
		t.Fatal(err)
	}
	d := linear.NewDec(bytes.NewReader(b.Bytes()))
	c, nc := ReadClasses(d), ReadClasses(d)
	if d.Err != nil || c == nil || nc != nil {
		t.Fatalf("read back %v %v, err %v", c, nc, d.Err)
	}
	var buf []byte
	if c.Classes([]byte("bombings"), &buf) != Plural || c.Classes([]byte("stopped"), &buf) != VerbEd {
		t.Error("read-back WordNet gives other classes")
	}
	var b2 bytes.Buffer
	e2 := linear.NewEnc(&b2)
	c.WriteClasses(e2)
	_ = e2.Flush()
	var b3 bytes.Buffer
	e3 := linear.NewEnc(&b3)
	wn.WriteClasses(e3)
	_ = e3.Flush()
	if !bytes.Equal(b2.Bytes(), b3.Bytes()) {
		t.Error("write → read → write changed the bytes")
	}
}

// TestSystem checks a few classes against the real WordNet 3.0 when it is installed (Debian package
// wordnet-base; training needs it, tagging does not).
func TestSystem(t *testing.T) {
	const dir = "/usr/share/wordnet"
	if _, err := os.Stat(dir + "/index.noun"); err != nil {
		t.Skip("WordNet 3.0 not installed at " + dir + " (Debian package wordnet-base)")
	}
	wn, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var buf []byte
	for word, want := range map[string]uint16{"bombings": Plural, "revoked": VerbEd, "abducted": VerbEd, "envoys": Plural} {
		if got := wn.Classes([]byte(word), &buf); got&want == 0 {
			t.Errorf("Classes(%q) = %b, want bit %b", word, got, want)
		}
	}
	if got := wn.Classes([]byte("the"), &buf); got != None {
		t.Errorf(`Classes("the") = %b, want None`, got)
	}
}

// FuzzClasses feeds arbitrary bytes to the word-class lookup: no panic, and forms without letters
// get no class.
func FuzzClasses(f *testing.F) {
	wn, err := Load("testdata")
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"stopped", "ies", "s", "ed", "\xff\xfe", "ßing", "12,5"} {
		f.Add([]byte(s))
	}
	var buf []byte
	f.Fuzz(func(t *testing.T, b []byte) {
		m := wn.Classes(b, &buf)
		letters := false
		for _, c := range b {
			if c >= 'a' && c <= 'z' || c >= 0x80 {
				letters = true
			}
		}
		if !letters && m != 0 {
			t.Errorf("Classes(%q) = %b for a form without letters", b, m)
		}
	})
}

// FuzzRead feeds arbitrary bytes to the model readers: errors, never a panic.
func FuzzRead(f *testing.F) {
	wn, _ := Load("testdata")
	var b bytes.Buffer
	e := linear.NewEnc(&b)
	wn.WriteClasses(e)
	_ = e.Flush()
	f.Add(b.Bytes())
	f.Add([]byte{1, 0, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		d := linear.NewDec(bytes.NewReader(data))
		_ = ReadClasses(d)
	})
}

// TestLoadBadFiles checks Load on damaged copies of the test folder: malformed lines are reported
// as FILE:LINE after all files are read, binary data is refused, and overlong lines are named.
func TestLoadBadFiles(t *testing.T) {
	copyDir := func(t *testing.T) string {
		dir := t.TempDir()
		for _, f := range Files {
			b, err := os.ReadFile(filepath.Join("testdata", f))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	for _, c := range []struct {
		file, content string
		want          []string // substrings of the error
	}{
		{"index.verb", "revoke v 1 1 @ 1 0 00000801\ngarbage\nstop n 1 1 @ 1 0 1\n", []string{"index.verb:2: not a WordNet index line", "index.verb:3: not a WordNet index line"}},
		{"verb.exc", "went go\nlonely\n", []string{"verb.exc:2: not a WordNet exception line"}},
		{"index.noun", "\x7fELF\x02\x01\x01\x00\x00", []string{"index.noun:1: binary data, not a WordNet file"}},
		{"adj.exc", "better good\n" + strings.Repeat("x", maxLine+10) + "\nbest good\n", []string{"adj.exc:2: line longer than"}},
		{"index.noun", "", []string{}}, // an empty noun index is fine while the other indexes give lemmas
	} {
		dir := copyDir(t)
		if err := os.WriteFile(filepath.Join(dir, c.file), []byte(c.content), 0o644); err != nil {
			t.Fatal(err)
		}
		wn, err := Load(dir)
		if len(c.want) == 0 {
			if err != nil || wn == nil {
				t.Errorf("%s %q: %v", c.file, c.content, err)
			}
			continue
		}
		if err == nil || wn != nil {
			t.Errorf("%s %q: no error", c.file, c.content)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), filepath.Join(dir, w)) && !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q lacks %q", c.file, err, w)
			}
		}
	}
	// No lemma at all.
	dir := copyDir(t)
	for _, f := range []string{"index.noun", "index.verb", "index.adj", "index.adv"} {
		_ = os.WriteFile(filepath.Join(dir, f), nil, 0o644)
	}
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "no WordNet lemmas") {
		t.Errorf("no lemmas: %v", err)
	}
}

// FuzzReadFile feeds arbitrary content to the file reader as each kind of WordNet file: no panic,
// and a file read without problems gives only lemmas without spaces.
func FuzzReadFile(f *testing.F) {
	f.Add([]byte("  1 licence\nbombing n 1 2 @ ~ 1 0 00000101\n"), uint8(0))
	f.Add([]byte("went go\nchildren child\n"), uint8(5))
	f.Add([]byte("x\x00y\n"), uint8(2))
	f.Add([]byte("a a 1\r\nb\n\n  \n"), uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		name := Files[int(which)%len(Files)]
		l := &WordNet{base: map[string]uint8{}, exc: map[string]uint16{}}
		var probs []string
		if err := l.read(bytes.NewReader(data), name, name, &probs); err != nil || len(probs) > 0 {
			return
		}
		for k := range l.base {
			if strings.ContainsAny(k, " \t\n") || k == "" {
				t.Errorf("lemma %q from %q", k, data)
			}
		}
	})
}
