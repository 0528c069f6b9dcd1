package segment

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzSplit checks that Split never panics and always keeps its offset contract, that no token
// holds a control character or white space or begins or ends with U+FFFD, and that Sanitize
// always returns valid UTF-8.
func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"", "SEOUL, Feb. 20 (Reuters) - North Korea's leader didn't come.", "U.S.", "Inc.\n\nx",
		"a--b...c?!\"d\" 'e' ‘f’ “g” http://x.y/z. a@b.cc", "\xff\xfe\xc3(", "-5 -- - -x", "students'",
		"1,000.5% 10:30 9/11 $5", "n't 's ' '' `` ``x''", "\r\n\r\n\u2029\u00a0\u200b", "Mr. No. 5 et al. x",
		"Kim\x07met \x1b[31mPark\x1b[0m.\x1b]0;t\x07 \x1b(B\x1b7x\x1b[", "a\u0085b\u009b1mc\u009fd\x7f\x01.",
		"Seoul \uFFFD x. Gonz\uFFFDlez \uFFFDWe\uFFFD don't\uFFFDs S\xe1\xe9o", "中方反对制裁。美国拒绝！“好吗？”他说、二〇二〇年",
		"「让步。」【新华社】（王）ended.中方｡x？！", "U.S.中国 3.5。 a\uFFFD-\uFFFDb",
		"The foreign ministry in Ankara said on Monday that Turkey condemned\nSyria for the attack, and the U.S.\nEmbassy ...\nand Iran.\n",
		"Turkey Condemns Syria Over the Attack\r\n- Syria must go now or face war\r\n1. Iran x\n2) y\n• z.\n\n",
		"Turkey con\u00ADdemned \u00AD Syria\u2060\u200C\u200Dx \u200F\u202Ab\u202C\u2066\uFEFFc\u2069 don't\u00ADs \u200D",
		"North Korea＇s army; they don＇t; students＇ \uFF07s ＇",
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
				// control characters, white space and format characters never belong to a
				// token; U+FFFD, invalid bytes and the joiners (soft hyphen, ZWNJ, ZWJ, word
				// joiner) only inside it, never at its edges
				for k, r := range tk.Form {
					inside := k > 0 && k+utf8.RuneLen(r) < len(tk.Form)
					if unicode.IsControl(r) || (r != utf8.RuneError && isSpaceRune(r) && !(IsJoiner(r) && inside)) {
						t.Fatalf("token %q contains separator %U", tk.Form, r)
					}
				}
				if first, _ := utf8.DecodeRuneInString(tk.Form); first == utf8.RuneError {
					t.Fatalf("token %q starts with U+FFFD or an invalid byte", tk.Form)
				}
				if last, _ := utf8.DecodeLastRuneInString(tk.Form); last == utf8.RuneError {
					t.Fatalf("token %q ends with U+FFFD or an invalid byte", tk.Form)
				}
			}
		}
		clean, n := Sanitize(text)
		if !utf8.ValidString(clean) || (n == 0) != utf8.ValidString(text) {
			t.Fatalf("Sanitize(%q) = %q, %d", text, clean, n)
		}
		_ = Score(ss, Split(clean))
	})
}
