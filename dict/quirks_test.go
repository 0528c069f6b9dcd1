package dict

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"time"
)

// Table tests for the "PETRARCH2 quirk: do not reproduce" items of PETRARCH-FORMATS.md §4–§10
// and for the readers' handling of bad records, on small dictionaries written for the tests.

func readVerbs(t *testing.T, src string) (*Verbs, []Problem) {
	t.Helper()
	v, p, err := ReadVerbs(strings.NewReader(src), "t.verbs")
	if err != nil {
		t.Fatal(err)
	}
	return v, p
}

func hasProblem(ps []Problem, line int, sev Severity, substr string) bool {
	for _, p := range ps {
		if p.Line == line && p.Severity == sev && strings.Contains(p.Msg, substr) {
			return true
		}
	}
	return false
}

const verbHeader = "####### SYNONYM SETS #######\n"

func TestVerbQuirks(t *testing.T) {
	src := verbHeader + // 1
		"&VEHICLE\n" + // 2
		"+BUS\n" + // 3
		"+LORRY\n" + // 4
		"+DAY\n" + // 5
		"+TRUCK_\n" + // 6
		"+TEAR_GAS_\n" + // 7
		"&AUX_\n" + // 8
		"+WAS\n" + // 9
		"####### VERB PATTERNS #######\n" + // 10
		"<!-- a comment\n" + // 11
		"spanning lines -->\n" + // 12
		"---  SEND   [---]  ---\n" + // 13
		"SEND {SENDS SENT SENDING}\n" + // 14
		"PLAY\n" + // 15
		"WIRE_+TAP {WIRE_+TAPPED}\n" + // 16
		"- * (TO )  [036]\n" + // 17
		"- * &VEHICLE [070]\n" + // 18
		"- * &VEHICLE [073]\n" + // 19
		"- $ * &UNDEFINED [080]\n" + // 20
		"- * + AID [071]\n" + // 21
		"- &AUX * {&VEHICLE CONVOY} [:043]\n" + // 22
		"- * DOWN [0XX]\n" + // 23
		"- * FIGHTER_&VEHICLE [190]\n" + // 24
		"######## TRANSFORMATIONS ##########\n" + // 25
		"~ a (a b SEND) SEND = a b 015\n" + // 26
		"~ a (a b) SEND = a b 015\n" // 27
	v, ps := readVerbs(t, src)
	sy := v.Synsets["VEHICLE"]
	var heads []string
	for _, a := range sy.Alts {
		heads = append(heads, strings.Join(append(append([]string{}, a.Words...), a.Head), " "))
	}
	// §5.2: standard plurals (BUS→BUSES, LORRY→LORRIES, DAY→DAYS), none for TRUCK_ and for the
	// multi-word TEAR_GAS_, which is {TEAR GAS}.
	if got := strings.Join(heads, ","); got != "BUS,BUSES,LORRY,LORRIES,DAY,DAYS,TRUCK,TEAR GAS" {
		t.Errorf("synset alternatives = %s", got)
	}
	if a := v.Synsets["AUX"]; !a.NoPlural || len(a.Alts) != 1 {
		t.Errorf("&AUX_ = %+v", a)
	}
	// §5.1: <!-- --> spanning lines is a comment, patterns after it are read.
	b := v.Blocks[0]
	if b.Meaning != "SEND" || b.Pos.Line != 13 {
		t.Fatalf("block = %+v", b)
	}
	// §5.3: standard forms, PLAYS and PLAYED (not PLAIES); listed forms replace generation.
	for _, f := range []string{"SEND", "SENT", "SENDING", "PLAY", "PLAYS", "PLAYED", "PLAYING"} {
		if len(v.Lookup(f)) != 1 {
			t.Errorf("form %s missing", f)
		}
	}
	if len(v.Lookup("SENDED")) != 0 || len(v.Lookup("PLAIES")) != 0 {
		t.Error("unexpected generated form")
	}
	// §5.3: pre-verb particles are checked.
	if e, s, end := v.MatchVerb([]string{"THEY", "WIRE", "TAPPED", "PHONES"}, 2); e == nil || s != 1 || end != 3 {
		t.Errorf("WIRE TAPPED: %v %d %d", e, s, end)
	}
	if e, _, _ := v.MatchVerb([]string{"THEY", "TAPPED", "PHONES"}, 1); e != nil {
		t.Errorf("TAPPED without WIRE matched %+v", e)
	}
	// §5.4: (TO ) = (TO); duplicates keep the last with a warning; TABARI tokens dropped with a
	// warning; §5.2: undefined synset and glued synset are errors; bad code is an error.
	byLine := map[int]*Pattern{}
	for _, p := range b.Patterns {
		byLine[p.Pos.Line] = p
	}
	if p := byLine[17]; p == nil || len(p.Post) != 1 || p.Post[0].Prep != "TO" || len(p.Post[0].Objects) != 0 {
		t.Errorf("(TO ) = %+v", p)
	}
	if byLine[18] != nil || byLine[19] == nil || byLine[19].Code.A != "073" {
		t.Error("duplicate pattern: the last one must be kept")
	}
	if !hasProblem(ps, 19, Warning, "duplicate pattern") {
		t.Error("duplicate not reported")
	}
	if !hasProblem(ps, 20, Error, "undefined synset &UNDEFINED") || byLine[20] != nil {
		t.Error("undefined synset not rejected")
	}
	if !hasProblem(ps, 20, Warning, `TABARI token "$"`) || !hasProblem(ps, 21, Warning, `TABARI token "+"`) {
		t.Error("TABARI tokens not reported")
	}
	if p := byLine[21]; p == nil || len(p.Post) != 1 || p.Post[0].Alts[0].Head != "AID" {
		t.Errorf("pattern with '+' = %+v", p)
	}
	p := byLine[22]
	if p == nil || p.Code.Kind != CodePassive || p.Code.B != "043" || len(p.Pre) != 1 || p.Pre[0].Alts[0].Head != "WAS" {
		t.Fatalf("passive pattern = %+v", p)
	}
	if it := p.Post[0]; it.Kind != ItemPhrase || len(it.Alts) != 8 || it.Alts[0].Head != "CONVOY" || it.Alts[0].Words[0] != "BUS" {
		t.Errorf("{&VEHICLE CONVOY} = %+v", it)
	}
	if it := p.Post[0]; len(it.Alts[7].Words) != 2 || it.Alts[7].Words[1] != "GAS" {
		t.Errorf("{TEAR GAS CONVOY} = %+v", it.Alts[7])
	}
	if !hasProblem(ps, 23, Error, "bad event code") || !hasProblem(ps, 24, Error, "synset glued") {
		t.Errorf("problems: %v", ps)
	}
	if len(v.Transformations) != 1 || v.Transformations[0].InnerVerb != "SEND" || !hasProblem(ps, 27, Error, "transformation") {
		t.Errorf("transformations %+v, problems %v", v.Transformations, ps)
	}
}

func TestLegacyVerbsReported(t *testing.T) {
	src := "<!-- TABARI dictionary -->\n--- ABDUCT [181] ---\nABDUCT\n- + * BY_ $ [181]\n- $ * TO + [032:033]\n"
	_, ps := readVerbs(t, src)
	if !hasProblem(ps, 1, Error, "legacy TABARI/PETRARCH-1 verb syntax") {
		t.Errorf("legacy syntax not reported: %v", ps)
	}
}

func TestParseCode(t *testing.T) {
	for in, want := range map[string]Code{
		"042": {Kind: CodeSingle, A: "042"}, " 042:043 ": {Kind: CodePaired, A: "042", B: "043"},
		":043": {Kind: CodePassive, B: "043"}, "---": {Kind: CodeNull}, "1722": {Kind: CodeSingle, A: "1722"},
	} {
		got, err := ParseCode(in)
		if err != nil || got != want {
			t.Errorf("ParseCode(%q) = %+v, %v", in, got, err)
		}
		if s := got.String(); s != strings.TrimSpace(in) {
			t.Errorf("String() = %q, want %q", s, strings.TrimSpace(in))
		}
	}
	for _, bad := range []string{"", "0", "12345", "08a", "042:", "a:b", "---:042"} {
		if _, err := ParseCode(bad); err == nil {
			t.Errorf("ParseCode(%q) accepted", bad)
		}
	}
}

func TestActorQuirks(t *testing.T) {
	src := "# test actors\n" + // 1
		"KIM_JONG_UN_  [PRKELI]\n" + // 2
		"\t[PRKGOV 20111217-]\n" + // 3
		"OLD_LEADER\n" + // 4
		"\t[ABCGOV -19900101]\n" + // 5
		"BOSNIA_AND_HERZEGOVINA [BIH]\n" + // 6
		"+BOSNIAN\n" + // 7
		"\t[YUGBIH <920305]\n" + // 8
		"\t[BIH >920305]\n" + // 9
		"+Mixed_Case_Name\n" + // 10
		"KOREA_BUS [KORGOVBUS 2004017-20061201][KORBUS]\n" + // 11
		"MONTENEGRO_GOV [MNEGOV 20121204]\n" + // 12
		"U.N._\n" + // 13
		"U.N.\t[IGOUNO]\n" + // 14
		"U.N. [IGOWHO 20300101-20400101]\n" + // 15
		"UFFE_ELLEMANN_JENSEN_  [IGOEUREEC 820701-821231][IGOEUREEC 870701-871231]\n" + // 16
		"\t[BAD_CODE]\n" + // 17
		"\t[XYZ 19990231-]\n" + // 18
		"LAST_RECORD\n" + // 19
		"\t[ZWEGOVBUS 030101-040228]" // 20, no final newline
	a, ps, err := ReadActors(strings.NewReader(src), "t.actors")
	if err != nil {
		t.Fatal(err)
	}
	d := func(s string) time.Time { x, _ := time.Parse("20060102", s); return x }
	for _, tc := range []struct {
		phrase string
		date   string
		code   string
		ok     bool
	}{
		{"KIM JONG UN", "20200101", "PRKGOV", true},  // open range D- (quirk)
		{"KIM JONG UN", "20111216", "PRKELI", true},  // default used when no restriction applies
		{"KIM JONG UN", "20111217", "PRKGOV", true},  // range start inclusive
		{"OLD LEADER", "19891231", "ABCGOV", true},   // -D
		{"OLD LEADER", "19900101", "", false},        // no code applies: no code
		{"BOSNIAN", "19910101", "YUGBIH", true},      // restrictions before the primary default
		{"BOSNIAN", "19920305", "BIH", true},         // '>' inclusive, '<' exclusive
		{"MIXED CASE NAME", "20000101", "BIH", true}, // upper-cased at load (§4)
		{"KOREA BUS", "20050101", "KORBUS", true},    // 7-digit date rejected, default kept
		{"MONTENEGRO GOV", "20121203", "", false},    // bare date read as >D
		{"MONTENEGRO GOV", "20121204", "MNEGOV", true},
		{"U.N.", "20150101", "IGOUNO", true}, // merged across records
		{"U.N.", "20350101", "IGOWHO", true}, // dated entry of a later record first
		{"UFFE ELLEMANN JENSEN", "19870801", "IGOEUREEC", true},
		{"UFFE ELLEMANN JENSEN", "19850101", "", false},
		{"LAST RECORD", "20030601", "ZWEGOVBUS", true}, // last record of the file stored
		{"LAST RECORD", "20040228", "", false},         // range end exclusive
	} {
		act := a.Lookup(strings.Fields(tc.phrase))
		if act == nil {
			t.Errorf("%s not stored", tc.phrase)
			continue
		}
		code, ok := act.Resolve(d(tc.date))
		if code != tc.code || ok != tc.ok {
			t.Errorf("%s on %s = %q, %v; want %q, %v", tc.phrase, tc.date, code, ok, tc.code, tc.ok)
		}
	}
	// A zero date is "later than every dictionary date".
	if code, _ := a.Lookup([]string{"KIM", "JONG", "UN"}).Resolve(time.Time{}); code != "PRKGOV" {
		t.Errorf("zero date = %s", code)
	}
	for _, want := range []struct {
		line int
		sev  Severity
		msg  string
	}{
		{11, Error, "KORGOVBUS 2004017-20061201"},
		{12, Warning, "read as [MNEGOV >20121204]"},
		{17, Error, "BAD_CODE"},
		{18, Error, "not a calendar date"},
	} {
		if !hasProblem(ps, want.line, want.sev, want.msg) {
			t.Errorf("missing %s at line %d (%q): %v", want.sev, want.line, want.msg, ps)
		}
	}
	for _, p := range ps {
		if strings.Contains(p.Msg, "no code in any actor file") {
			t.Errorf("unexpected %v", p)
		}
	}
	b, ps2, _ := ReadActors(strings.NewReader("A_B\n+C\nD [XYZ]\n"), "t.actors")
	if b.Len() != 1 || len(ps2) != 1 || ps2[0].Line != 1 || !strings.Contains(ps2[0].Msg, "A B has no code") {
		t.Errorf("uncoded record: %d actors, %v", b.Len(), ps2)
	}
	// Longest match, and a phrase with no code is absent (U.N._ alone has none, but merged).
	if n, act := a.Match([]string{"KIM", "JONG", "UN", "MET"}); n != 3 || act.Phrase != "KIM JONG UN" {
		t.Errorf("Match = %d %+v", n, act)
	}
	if n, act := a.Match([]string{"KIM", "JONG"}); n != 0 || act != nil {
		t.Errorf("partial phrase matched: %d %+v", n, act)
	}
}

func TestDateForms(t *testing.T) {
	for in, want := range map[string]int{"20111217": 20111217, "041201": 20041201, "310101": 19310101, "300101": 20300101, "20000229": 20000229} {
		if got, err := ParseDate(in); err != nil || got != want {
			t.Errorf("ParseDate(%s) = %d, %v", in, got, err)
		}
	}
	for _, bad := range []string{"2004017", "19000229", "20111301", "abc", "", "201112170"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) accepted", bad)
		}
	}
}

func TestAgentQuirks(t *testing.T) {
	src := "!PERSON! = MAN, MEN, WOMAN\n" + // 1
		"CATTLE!PERSON! [~AGR]\n" + // 2
		"HUMAN_RIGHTS_BODY [NGO~]\n" + // 3
		"POLICY {} [~GOV]\n" + // 4
		"ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]\n" + // 5
		"BOSS [~BUS]\n" + // 6
		"ENVOY [~GOV]\n" + // 7
		"NO_CODE_HERE\n" + // 8
		"BROKEN [~GOV\n" + // 9
		"PLAIN [GOV]\n" + // 10
		"ODD!UNKNOWN! [~GOV]\n" + // 11
		"policies [~MIL]\n" // 12: explicit entry wins over nothing (POLICY had {})
	ag, ps, err := ReadAgents(strings.NewReader(src), "t.agents")
	if err != nil {
		t.Fatal(err)
	}
	for phrase, want := range map[string]string{
		"CATTLEMAN": "~AGR", "CATTLEMEN": "~AGR", "CATTLEWOMAN": "~AGR", "HUMAN RIGHTS BODY": "NGO~",
		"HUMAN RIGHTS BODIES": "NGO~", "POLICY": "~GOV", "POLICIES": "~MIL", "ATTORNEYS GENERAL": "~GOVATG",
		"BOSSES": "~BUS", "ENVOYS": "~GOV",
	} {
		n, x := ag.Match(strings.Fields(phrase))
		if x == nil || n != len(strings.Fields(phrase)) || x.codeString() != want {
			t.Errorf("%s = %d %+v, want %s", phrase, n, x, want)
		}
	}
	for _, bad := range []string{"CATTLEMANS", "ATTORNEY GENERALS", "ENVOIES"} {
		if n, _ := ag.Match(strings.Fields(bad)); n == len(strings.Fields(bad)) {
			t.Errorf("%s should not be an agent", bad)
		}
	}
	for line, msg := range map[int]string{8: "no [code]", 9: "without ']'", 10: "must be ~XXX", 11: "undefined substitution set"} {
		found := false
		for _, p := range ps {
			if p.Line == line && strings.Contains(p.Msg, msg) {
				found = true
			}
		}
		if !found {
			t.Errorf("line %d: want problem %q in %v", line, msg, ps)
		}
	}
}

func TestDiscardQuirks(t *testing.T) {
	src := "1999\nYEARS AGO\nCHAMPIONS\n+CHAMPIONS LEAGUE\n+Manchester_United_\nYEARS AGO\n"
	d, ps, err := ReadDiscards(strings.NewReader(src), "t.discards")
	if err != nil {
		t.Fatal(err)
	}
	if d.Len() != 5 || !hasProblem(ps, 6, Warning, "repeats") {
		t.Errorf("%d discards, problems %v", d.Len(), ps)
	}
	for _, tc := range []struct {
		tokens      string
		start, n    int
		phrase      string
		story, none bool
	}{
		{"SIGNED IN 1999", 2, 1, "1999", false, false},                                // last token
		{"MANY YEARS YEARS AGO", 2, 2, "YEARS AGO", false, false},                     // retry after a failed partial match
		{"CHAMPIONS WON THE CHAMPIONS LEAGUE", 3, 2, "CHAMPIONS LEAGUE", true, false}, // story first
		{"MANCHESTER UNITED WON", 0, 2, "MANCHESTER UNITED", true, false},
		{"YEARS LATER", 0, 0, "", false, true},
	} {
		st, n, x := d.Find(strings.Fields(tc.tokens))
		if tc.none {
			if x != nil {
				t.Errorf("%s: unexpected %+v", tc.tokens, x)
			}
			continue
		}
		if x == nil || st != tc.start || n != tc.n || x.Phrase != tc.phrase || x.Story != tc.story {
			t.Errorf("%s: %d %d %+v", tc.tokens, st, n, x)
		}
	}
}

func TestIssueForms(t *testing.T) {
	src := "<ISSUE CATEGORY=\"EDUCATION\" TYPE=\"ALL\">\n" + // 1
		"pre+n:school [EARLY_EDUCATION]\n" + // 2
		"ethnic v:purge [ID_ATROCITY]\n" + // 3
		"~a head start\n" + // 4
		"~~Armenian genocide\n" + // 5
		"no code here\n" + // 6
		"</ISSUE>\n" + // 7
		"n:city [URBAN]\n" // 8
	is, ps, err := ReadIssues(strings.NewReader(src), "t.issues")
	if err != nil {
		t.Fatal(err)
	}
	for phrase, code := range map[string]string{
		"PRE SCHOOL": "EARLY_EDUCATION", "PRE SCHOOLS": "EARLY_EDUCATION", "PRE-SCHOOL": "EARLY_EDUCATION",
		"PRE-SCHOOLS": "EARLY_EDUCATION", "ETHNIC PURGE": "ID_ATROCITY", "ETHNIC PURGES": "ID_ATROCITY",
		"ETHNIC PURGED": "ID_ATROCITY", "ETHNIC PURGING": "ID_ATROCITY", "CITIES": "URBAN",
	} {
		n, x := is.Match(strings.Fields(phrase))
		if x == nil || n != len(strings.Fields(phrase)) || x.Code != code {
			t.Errorf("%s = %d %+v", phrase, n, x)
		}
	}
	if _, x := is.Match(strings.Fields("A HEAD START")); x == nil || x.Ignore != IgnoreSentence || x.Category != "EDUCATION" || x.Section != 1 {
		t.Errorf("~ phrase = %+v", x)
	}
	if _, x := is.Match(strings.Fields("ARMENIAN GENOCIDE")); x == nil || x.Ignore != IgnoreStory {
		t.Errorf("~~ phrase = %+v", x)
	}
	if _, x := is.Match([]string{"CITY"}); x == nil || x.Section != 0 || x.Category != "" {
		t.Errorf("phrase outside sections = %+v", x)
	}
	if !hasProblem(ps, 6, Warning, "no [CODE]") {
		t.Errorf("problems %v", ps)
	}
	if got := is.Codes(); len(got) != 3 || got[0] != "EARLY_EDUCATION" {
		t.Errorf("codes %v", got)
	}
}

func TestConfig(t *testing.T) {
	src := "; comment\n[Dictionaries]\nverbfile_name = CAMEO.2.0.txt\nactorfile_list = A.txt,B.txt, C.txt\n" +
		"[Options]\nrequire_dyad = maybe\nnew_actor_length = x\nwrite_actor_root = True\ntextfile_name = in.xml\nbare\nstray\n"
	c, ps, err := ReadConfig(strings.NewReader(src), "t.ini")
	if err != nil {
		t.Fatal(err)
	}
	if c.Verbs != "CAMEO.2.0.txt" || len(c.Actors) != 3 || c.Actors[2] != "C.txt" || !c.RequireDyad || !c.WriteActorRoot ||
		!c.WriteEventText || len(c.TextFiles) != 1 || c.Values["options.bare"] != "true" {
		t.Errorf("config %+v", c)
	}
	if !hasProblem(ps, 6, Error, "require_dyad") || !hasProblem(ps, 7, Error, "new_actor_length") {
		t.Errorf("problems %v", ps)
	}
	if _, ps, _ := ReadConfig(strings.NewReader("key = 1\n[Options]\nrequire_dyad = true\n"), "t.ini"); !hasProblem(ps, 1, Error, "outside any [section]") {
		t.Errorf("problems %v", ps)
	}
}

// TestNotConfig checks that a file with no key of the §3 table — a story, a dictionary, an INI
// file of another program, an empty file — is refused as a configuration (ErrNotConfig, naming
// the file) instead of being read as one that names nothing.
func TestNotConfig(t *testing.T) {
	for _, src := range []string{
		"France praised Germany on Tuesday.\nThe story goes on.\n",
		"FRANCE [FRA]\n",
		"[core]\nbare = false\n[Options]\nverbose = 1\n",
		"",
	} {
		_, _, err := ReadConfig(strings.NewReader(src), "story.txt")
		var pe *fs.PathError
		if !errors.Is(err, ErrNotConfig) || !errors.As(err, &pe) || pe.Path != "story.txt" ||
			!strings.HasPrefix(pe.Err.Error(), "not a PETR_config.ini file: no [Dictionaries] or [Options] key that PETRARCH reads") {
			t.Errorf("%q: err = %v, want story.txt: not a PETR_config.ini file: ...", src, err)
		}
	}
	for _, src := range []string{"[Options]\nrequire_dyad = false\n", "[DICTIONARIES]\nVerbfile_Name: V.txt\n"} {
		if _, _, err := ReadConfig(strings.NewReader(src), "ok.ini"); err != nil {
			t.Errorf("%q: %v", src, err)
		}
	}
}

// TestProseDiscards checks that lines of running text in a discard list (a story given as
// one) are errors and skipped, while phrases, even long ones or ones ending in an abbreviation,
// are kept.
func TestProseDiscards(t *testing.T) {
	src := "France praised Germany on Tuesday.\nThe story goes on!\n" +
		"a b c d e f g h i j k l m\n" +
		"MADE A JOKE ABOUT HAVING A BOMB\n+WORLD CUP\nVISIT OF THE U.S.\nSIGN UP FOR OUR NEWSLETTER\nTALKS.\n"
	d, ps, err := ReadDiscards(strings.NewReader(src), "story.txt")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, x := range d.All() {
		got = append(got, x.Phrase)
	}
	if want := "MADE A JOKE ABOUT HAVING A BOMB|WORLD CUP|VISIT OF THE U.S.|SIGN UP FOR OUR NEWSLETTER|TALKS."; strings.Join(got, "|") != want {
		t.Errorf("phrases %q, want %q", got, want)
	}
	if len(ps) != 3 || !hasProblem(ps, 1, Error, `"France praised Germany on Tuesday." reads as a sentence of text (5 words ending in ".")`) ||
		!hasProblem(ps, 2, Error, `(4 words ending in "!")`) || !hasProblem(ps, 3, Error, "(13 words)") {
		t.Errorf("problems %v", ps)
	}
}

func TestCommentsAndLineEnds(t *testing.T) {
	src := "<!-- header\r\n# inside\r\n-->\r\nA_B [ABC] # comment\r\n<!DOCTYPE x>\r\nC <!-- inline --> D [DEF]\r\n<!-- never closed\r\nE [GHI]\r\n"
	a, ps, err := ReadActors(strings.NewReader(src), "t.actors")
	if err != nil {
		t.Fatal(err)
	}
	if a.Len() != 2 || a.Lookup([]string{"A", "B"}) == nil || a.Lookup([]string{"C", "D"}) == nil {
		t.Errorf("%d actors: %+v", a.Len(), a.All())
	}
	if !hasProblem(ps, 7, Error, "never closed") {
		t.Errorf("problems %v", ps)
	}
}

func TestTrie(t *testing.T) {
	var tr Trie
	if n, v := tr.Longest([]string{"A"}); n != 0 || v != -1 {
		t.Error("empty trie matched")
	}
	tr.Insert([]string{"A"}, 1)
	tr.Insert([]string{"A", "B", "C"}, 2)
	if old, ok := tr.Insert([]string{"A"}, 3); !ok || old != 1 {
		t.Errorf("Insert returned %d %v", old, ok)
	}
	if n, v := tr.Longest([]string{"A", "B", "C", "D"}); n != 3 || v != 2 {
		t.Errorf("Longest = %d %d", n, v)
	}
	if n, v := tr.Longest([]string{"A", "B", "X"}); n != 1 || v != 3 {
		t.Errorf("Longest = %d %d", n, v)
	}
	if n, v := tr.Shortest([]string{"A", "B", "C"}); n != 1 || v != 3 {
		t.Errorf("Shortest = %d %d", n, v)
	}
	if _, ok := tr.Get([]string{"A", "B"}); ok {
		t.Error("Get of an inner node")
	}
	if allocs := testing.AllocsPerRun(100, func() { tr.Longest([]string{"A", "B", "C"}) }); allocs != 0 {
		t.Errorf("Longest allocates %v times", allocs)
	}
}

func TestLoadDefault(t *testing.T) {
	s, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	if s.Verbs == nil || s.Actors == nil || s.Agents == nil || s.Discards == nil || s.Issues == nil {
		t.Fatalf("incomplete default set: %+v", s)
	}
	if s.Actors.Len() == 0 || len(s.Verbs.Blocks) == 0 {
		t.Errorf("default set: %d actors, %d verb blocks", s.Actors.Len(), len(s.Verbs.Blocks))
	}
	for _, p := range s.Problems {
		if !strings.HasPrefix(p.File, "defaults/") {
			t.Errorf("problem file %q", p.File)
		}
	}
}

func TestLoadMissingFile(t *testing.T) {
	s, err := Load(Files{Verbs: "/nonexistent/verbs.txt"})
	if err == nil || !strings.Contains(err.Error(), "/nonexistent/verbs.txt") {
		t.Errorf("err = %v", err)
	}
	if s == nil || s.Actors == nil {
		t.Error("the other dictionaries must still be loaded")
	}
}

func TestIssueExpansionBounded(t *testing.T) {
	src := strings.Repeat("a+", 40) + "b [X]\n"
	is, ps, err := ReadIssues(strings.NewReader(src), "t.issues")
	if err != nil {
		t.Fatal(err)
	}
	if is.Len() != 0 || !hasProblem(ps, 1, Error, "more than") {
		t.Errorf("%d phrases, problems %v", is.Len(), ps)
	}
}

// TestMatchersDoNotAllocate checks the hot-path helpers allocate nothing.
func TestMatchersDoNotAllocate(t *testing.T) {
	a, _, _ := ReadActors(strings.NewReader("KIM_JONG_IL_\n\t[PRKGOV >041201]\n"), "a")
	ag, _, _ := ReadAgents(strings.NewReader("FOREIGN_MINISTER [~GOV]\n"), "g")
	d, _, _ := ReadDiscards(strings.NewReader("+CHAMPIONS LEAGUE\n1999\n"), "d")
	is, _, _ := ReadIssues(strings.NewReader("n:school [SCHOOLS]\n"), "i")
	v, _ := readVerbs(t, "--- CANCEL [---] ---\n+CALL_OFF [160]\n")
	tokens := strings.Fields("KIM JONG IL AND THE FOREIGN MINISTER CALLED OFF SCHOOLS IN 1999")
	allocs := testing.AllocsPerRun(200, func() {
		for i := range tokens {
			if _, x := a.Match(tokens[i:]); x != nil {
				x.ResolveInt(20050101)
			}
			ag.Match(tokens[i:])
			is.Match(tokens[i:])
			v.MatchVerb(tokens, i)
		}
		d.Find(tokens)
	})
	if allocs != 0 {
		t.Errorf("matchers allocate %v times per sentence", allocs)
	}
}
