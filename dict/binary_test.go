package dict

import (
	"errors"
	"io"
	"io/fs"
	"strings"
	"testing"
	"unicode"
)

// binaryData is 3000 bytes of pseudo-random data, as an executable or a compressed file holds.
func binaryData() string {
	b := make([]byte, 3000)
	for i := range b {
		b[i] = byte(i*7919 + i/13)
	}
	return string(b)
}

// TestBinaryDictionary checks that every reader refuses binary data and UTF-16 text with an
// *fs.PathError naming the file (ErrBinary, ErrUTF16; ErrNotConfig for the configuration)
// instead of reporting its bytes line by line.
func TestBinaryDictionary(t *testing.T) {
	readers := map[string]func(io.Reader, string) error{
		"verbs":    func(r io.Reader, n string) error { _, _, err := ReadVerbs(r, n); return err },
		"actors":   func(r io.Reader, n string) error { _, _, err := ReadActors(r, n); return err },
		"agents":   func(r io.Reader, n string) error { _, _, err := ReadAgents(r, n); return err },
		"discards": func(r io.Reader, n string) error { _, _, err := ReadDiscards(r, n); return err },
		"issues":   func(r io.Reader, n string) error { _, _, err := ReadIssues(r, n); return err },
	}
	for kind, read := range readers {
		for _, tc := range []struct {
			data string
			want error
			msg  string
		}{
			{binaryData(), ErrBinary, "binary data, not a dictionary"},
			{"\xff\xfeF\x00R\x00A\x00 \x00[\x00F\x00R\x00A\x00]\x00\n\x00", ErrUTF16, "UTF-16 text; dictionaries are read as UTF-8 (save the file as UTF-8)"},
		} {
			err := read(strings.NewReader(tc.data), "/bin/ls")
			var pe *fs.PathError
			if !errors.Is(err, tc.want) || !errors.As(err, &pe) || pe.Path != "/bin/ls" || pe.Err.Error() != tc.msg {
				t.Errorf("%s: err = %v, want a PathError for /bin/ls: %s", kind, err, tc.msg)
			}
		}
		// A text file with one stray control byte is still read.
		text := "# a comment with a stray \x01 control byte\n" + strings.Repeat("# a plain comment line\n", 5)
		if err := read(strings.NewReader(text), "ok.txt"); err != nil {
			t.Errorf("%s: one control byte: %v", kind, err)
		}
	}
	_, _, err := ReadConfig(strings.NewReader(binaryData()), "/bin/ls")
	var pe *fs.PathError
	if !errors.Is(err, ErrNotConfig) || !errors.As(err, &pe) || pe.Path != "/bin/ls" ||
		pe.Err.Error() != "binary data, not a PETR_config.ini file" {
		t.Errorf("config: err = %v, want /bin/ls: binary data, not a PETR_config.ini file", err)
	}
}

// TestProblemsPrintable checks that problem messages quoting a line of the file escape its
// control bytes (a terminal escape sequence, a NUL) instead of printing them raw.
func TestProblemsPrintable(t *testing.T) {
	src := "FOO\x1bBAR [~GOV]\nFOO\x1bBAR [~MIL]\n"
	_, ps, err := ReadAgents(strings.NewReader(src), "agents.txt")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range ps {
		if strings.IndexFunc(p.String(), unicode.IsControl) >= 0 {
			t.Errorf("raw control byte in %q", p.String())
		}
		found = found || strings.Contains(p.Msg, `FOO\x1bBAR`)
	}
	if !found {
		t.Errorf("no problem quotes the phrase with its escape written as \\x1b: %v", ps)
	}
	if got, want := printable("a\x00b\tc\u0085d é"), `a\x00b\tc\u0085d é`; got != want {
		t.Errorf("printable = %q, want %q", got, want)
	}
}
