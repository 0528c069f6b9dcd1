package segment

import "testing"

// TestSplitSeparators checks that control characters, terminal escape sequences and U+FFFD
// outside words separate tokens and never are or join one, with exact byte offsets.
func TestSplitSeparators(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"C0 controls and DEL", "Kim\x07met\x01Park\x08in\x7fSeoul\x1f.",
			"[0:23] Kim/0:3 met/4:7 Park/8:12 in/13:15 Seoul/16:21 ./22:23"},
		{"ANSI colour sequences", "North Korea\x07fired \x1b[31mmissiles\x1b[0m at\x08 Japan\x7f today.",
			"[0:53] North/0:5 Korea/6:11 fired/12:17 missiles/23:31 at/36:38 Japan/40:45 today/47:52_ ./52:53"},
		{"escape sequence ends a sentence", "Kim\x00met\x07Park.\x1b[0m Done.",
			"[0:13] Kim/0:3 met/4:7 Park/8:12_ ./12:13 | [18:23] Done/0:4_ ./4:5"},
		{"other escape sequences", "Title\x1b]0;my title\x07 and\x1b(B text\x1bM\x1b[2J\x1b[1;31;40mend",
			"[0:49] Title/0:5 and/19:22 text/26:30 end/46:49"},
		{"unfinished escape sequences leave their text", "a\x1b[31;\x07b\x1b]0;x\nc \x1b7d \x1b",
			"[0:19] a/0:1 [/2:3_ 31/3:5_ ;/5:6 b/7:8 ]/9:10_ 0/10:11_ ;/11:12_ x/12:13 c/14:15 7d/17:19"},
		// C1 controls are single separators, never CSI or command strings (they mostly come
		// from windows-1252 read as Latin-1)
		{"C1 controls", "Kim\u0085met\u0080Park\u009fin\u009b1mSeoul\u009d8;;x\u009c.",
			"[0:36] Kim/0:3 met/5:8 Park/10:14 in/16:18 1mSeoul/20:27 8/29:30_ ;/30:31_ ;/31:32_ x/32:33 ./35:36"},
		{"lone U+FFFD", "Seoul \uFFFD protested. \uFFFDWe will\uFFFD \uFFFD\uFFFD",
			"[0:20] Seoul/0:5 protested/10:19_ ./19:20 | [24:31] We/0:2 will/3:7"},
		{"U+FFFD inside a word", "Gonz\uFFFDlez met Jos\uFFFD in S\uFFFD\uFFFDo.",
			"[0:34] Gonz\uFFFDlez/0:10 met/11:14 Jos/15:18 in/22:24 S\uFFFD\uFFFDo/25:33_ ./33:34"},
		{"U+FFFD next to punctuation", "He met Kim,\uFFFD(Park)\uFFFD-\uFFFDLee",
			"[0:30] He/0:2 met/3:6 Kim/7:10_ ,/10:11 (/14:15_ Park/15:19_ )/19:20 -/23:24 Lee/27:30"},
		{"invalid UTF-8 bytes", "Gonz\xe1lez met Jos\xe9 \xff\xfe here.",
			"[0:26] Gonz\xe1lez/0:8 met/9:12 Jos/13:16 here/21:25_ ./25:26"},
	} {
		ss := Split(c.in)
		checkOffsets(t, c.in, ss)
		if got := offsetForms(ss); got != c.want {
			t.Errorf("%s: Split(%+q)\n got: %+q\nwant: %+q", c.name, c.in, got, c.want)
		}
	}
}

// TestSplitCJK checks Chinese and Japanese punctuation: 。！？ end sentences without a space after
// them, fullwidth and ideographic punctuation are tokens of their own, runs of Han characters
// stay whole.
func TestSplitCJK(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"中方坚决反对制裁。美国国务院拒绝置评！",
			"[0:27] 中方坚决反对制裁/0:24_ 。/24:27_ | [27:57] 美国国务院拒绝置评/0:27_ ！/27:30"},
		{"他说：“你好吗？”然后离开、二〇二〇年。",
			"[0:27] 他说/0:6_ ：/6:9_ “/9:12_ 你好吗/12:21_ ？/21:24_ ”/24:27_ | [27:60] 然后离开/0:12_ 、/12:15_ 二〇二〇年/15:30_ 。/30:33"},
		{"「我们不会让步。」他说。【新华社】北京电（记者 王）",
			"[0:27] 「/0:3_ 我们不会让步/3:21_ 。/21:24_ 」/24:27_ | [27:36] 他说/0:6_ 。/6:9_ | [36:76] 【/0:3_ 新华社/3:12_ 】/12:15_ 北京电/15:24_ （/24:27_ 记者/27:33 王/34:37_ ）/37:40"},
		{"首相は会談した｡中国は反対した？！日本語",
			"[0:24] 首相は会談した/0:21_ ｡/21:24_ | [24:51] 中国は反対した/0:21_ ？！/21:27_ | [51:60] 日本語/0:9"},
		// "." before a Han character ends a sentence, not an inner period as in "U.S"
		{"Talks ended.中方反对。", "[0:12] Talks/0:5 ended/6:11_ ./11:12_ | [12:27] 中方反对/0:12_ 。/12:15"},
		{"Kim said, “Yes。” The envoy left.",
			"[0:22] Kim/0:3 said/4:8_ ,/8:9 “/10:13_ Yes/13:16_ 。/16:19_ ”/19:22 | [23:38] The/0:3 envoy/4:9 left/10:14_ ./14:15"},
		// the fullwidth full stop "．" (U+FF0E) also writes a dot in names: punctuation, no terminator
		{"１，０００人が参加した．", "[0:36] １/0:3_ ，/3:6_ ０００人が参加した/6:33_ ．/33:36"},
		{"end.next 中国", "[0:15] end.next/0:8 中国/9:15"},
	} {
		ss := Split(c.in)
		checkOffsets(t, c.in, ss)
		if got := offsetForms(ss); got != c.want {
			t.Errorf("Split(%q)\n got: %s\nwant: %s", c.in, got, c.want)
		}
	}
}

// TestSplitFormatCharacters checks the invisible format characters: the bidi marks, embeddings,
// overrides and isolates and the BOM separate tokens wherever they stand (even inside a word),
// while the soft hyphen, ZWNJ, ZWJ and word joiner stay inside a word between two letters or
// digits and separate tokens elsewhere; offsets stay exact byte offsets.
func TestSplitFormatCharacters(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"soft hyphen inside a word", "Turkey con\u00ADdemned Syria.",
			"[0:25] Turkey/0:6 con\u00ADdemned/7:18 Syria/19:24_ ./24:25"},
		{"joiners between spaces or at a word's edge", "Kim \u00AD met\u00AD Park \u00ADLee\u2060 \u200Cand\u200D Moon.",
			"[0:42] Kim/0:3 met/7:10 Park/13:17 Lee/20:23 and/30:33 Moon/37:41_ ./41:42"},
		{"runs of joiners, ZWNJ in Persian, a joiner after a clitic",
			"Iran\u2060\u00ADian and \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 don't\u00ADs.",
			"[0:44] Iran\u2060\u00ADian/0:12 and/13:16 \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645/17:34 do/35:37_ n't/37:40 s/42:43_ ./43:44"},
		{"BOM at the start", "\uFEFFTurkey condemned Syria.",
			"[3:26] Turkey/0:6 condemned/7:16 Syria/17:22_ ./22:23"},
		{"bidi marks, embeddings, overrides, isolates, BOM",
			"\u200FAl Jazeera\u200E said \uFEFFit \u202Aworks\u202C \u2066x\u2069. Tur\u200Ekey\u202Eagreed.",
			"[3:48] Al/0:2 Jazeera/3:10 said/14:18 it/22:24 works/28:33 x/40:41 ./44:45 | [49:68] Tur/0:3 key/6:9 agreed/12:18_ ./18:19"},
	} {
		ss := Split(c.in)
		checkOffsets(t, c.in, ss)
		if got := offsetForms(ss); got != c.want {
			t.Errorf("%s: Split(%+q)\n got: %+q\nwant: %+q", c.name, c.in, got, c.want)
		}
	}
}
