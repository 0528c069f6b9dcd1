package wordnet

import (
	"bytes"
	"os"
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
