package segment

import (
	"testing"
	"unicode/utf8"
)

// FuzzSplit checks that Split never panics and always keeps its offset contract, and that
// Sanitize always returns valid UTF-8.
func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"", "SEOUL, Feb. 20 (Reuters) - North Korea's leader didn't come.", "U.S.", "Inc.\n\nx",
		"a--b...c?!\"d\" 'e' ‘f’ “g” http://x.y/z. a@b.cc", "\xff\xfe\xc3(", "-5 -- - -x", "students'",
		"1,000.5% 10:30 9/11 $5", "n't 's ' '' `` ``x''", "\r\n\r\n\u2029\u00a0\u200b", "Mr. No. 5 et al. x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ss := Split(text)
		prevEnd := 0
		for i, s := range ss {
			if s.Index != i || s.Start < prevEnd || s.End < s.Start || s.End > len(text) || text[s.Start:s.End] != s.Text {
				t.Fatalf("sentence %d: bad offsets %d..%d", i, s.Start, s.End)
			}
			prevEnd = s.End
			prev := 0
			for _, tk := range s.Tokens {
				if tk.Start < prev || tk.End <= tk.Start || tk.End > len(s.Text) || s.Text[tk.Start:tk.End] != tk.Form {
					t.Fatalf("token %q: bad offsets %d..%d", tk.Form, tk.Start, tk.End)
				}
				prev = tk.End
			}
		}
		clean, n := Sanitize(text)
		if !utf8.ValidString(clean) || (n == 0) != utf8.ValidString(text) {
			t.Fatalf("Sanitize(%q) = %q, %d", text, clean, n)
		}
		_ = Score(ss, Split(clean))
	})
}
