package dict

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/sharedtest"
)

// Tests on the shared PETRARCH2 / Phoenix dictionaries (../shared/data/petrarch2). Expected
// counts are those of PETRARCH-FORMATS.md §5.1, §7, §8, §9, §10 where it gives them.

var (
	phoenixOnce sync.Once
	phoenixSet  *Set
	phoenixErr  error
)

func phoenixFiles(tb testing.TB) Files {
	d := filepath.Dir(sharedtest.Path(tb, "data/petrarch2/CAMEO.2.0.txt"))
	return Files{
		Verbs:    filepath.Join(d, "CAMEO.2.0.txt"),
		Actors:   []string{filepath.Join(d, "Phoenix.Countries.actors.txt"), filepath.Join(d, "Phoenix.International.actors.txt"), filepath.Join(d, "Phoenix.MilNonState.actors.txt")},
		Agents:   filepath.Join(d, "Phoenix.agents.txt"),
		Discards: filepath.Join(d, "Phoenix.discards.txt"),
		Issues:   filepath.Join(d, "Phoenix.IssueCoding.txt"),
	}
}

func phoenix(t *testing.T) *Set {
	t.Helper()
	files := phoenixFiles(t)
	phoenixOnce.Do(func() { phoenixSet, phoenixErr = Load(files) })
	if phoenixErr != nil {
		t.Fatal(phoenixErr)
	}
	return phoenixSet
}

// problemsAt returns the problems of the file whose base name is base, at line.
func problemsAt(s *Set, base string, line int) []Problem {
	var out []Problem
	for _, p := range s.Problems {
		if filepath.Base(p.File) == base && p.Line == line {
			out = append(out, p)
		}
	}
	return out
}

func countProblems(s *Set, base, substr string, sev Severity) int {
	n := 0
	for _, p := range s.Problems {
		if filepath.Base(p.File) == base && strings.Contains(p.Msg, substr) && p.Severity == sev {
			n++
		}
	}
	return n
}

func TestPhoenixVerbCounts(t *testing.T) {
	s := phoenix(t)
	v := s.Verbs
	if len(v.Synsets) != 40 {
		t.Errorf("%d synsets, want 40", len(v.Synsets))
	}
	members := 0
	for _, sy := range v.Synsets {
		members += len(sy.Members)
	}
	if members != 558 {
		t.Errorf("%d synset members, want 558", members)
	}
	if len(v.Blocks) != 397 {
		t.Errorf("%d blocks, want 397", len(v.Blocks))
	}
	lines := map[int]bool{}
	patterns, paired := 0, 0
	for _, b := range v.Blocks {
		for _, e := range b.Verbs {
			lines[e.Pos.Line] = true
		}
		patterns += len(b.Patterns)
		for _, p := range b.Patterns {
			if p.Code.Kind == CodePaired {
				paired++
			}
		}
	}
	// 1,817 verb lines; two ("SCRAP ... ;shan", "RIP ... ;shan") carry a TABARI ';' comment
	// and are read without it.
	if len(lines) != 1817 {
		t.Errorf("%d verb lines, want 1817", len(lines))
	}
	dups := countProblems(s, "CAMEO.2.0.txt", "duplicate pattern", Warning)
	rejected := 0
	for _, p := range s.Problems {
		if filepath.Base(p.File) == "CAMEO.2.0.txt" && p.Severity == Error && strings.HasPrefix(p.Msg, "pattern ") {
			rejected++
		}
	}
	// 4,668 pattern lines = kept + replaced duplicates + rejected.
	if patterns+dups+rejected != 4668 {
		t.Errorf("%d patterns kept + %d duplicates + %d rejected = %d, want 4668 pattern lines", patterns, dups, rejected, patterns+dups+rejected)
	}
	if patterns != 4370 || dups != 289 || rejected != 9 {
		t.Errorf("patterns %d, duplicates %d, rejected %d; want 4370, 289, 9", patterns, dups, rejected)
	}
	// 437 lines have a paired code [a:b]; 308 of them survive duplicate removal and rejection.
	if paired != 308 {
		t.Errorf("%d kept patterns with a paired code, want 308", paired)
	}
	if len(v.Transformations) != 8 {
		t.Errorf("%d transformations, want 8", len(v.Transformations))
	}
}

func TestPhoenixVerbDefects(t *testing.T) {
	s := phoenix(t)
	for line, want := range map[int]string{
		2406: "undefined synset &FIGHT_CRIM",
		3887: "undefined synset &FIGHT_GAMES",
		8443: "undefined synset &WEATHER",
		8444: "undefined synset &DEMONSTRATION",
		8781: "synset glued to a word in \"FIGHTER_&AIRCRAFT\"",
		5787: "bad event code [080!]",
	} {
		ps := problemsAt(s, "CAMEO.2.0.txt", line)
		if len(ps) != 1 || ps[0].Severity != Error || !strings.Contains(ps[0].Msg, want) {
			t.Errorf("line %d: problems %v, want one error with %q", line, ps, want)
		}
	}
	// TABARI tokens are reported: PETRARCH-FORMATS.md §5.4 counts 100 patterns with them.
	if n := countProblems(s, "CAMEO.2.0.txt", "TABARI token", Warning); n < 100 {
		t.Errorf("%d TABARI token warnings, want at least 100", n)
	}
	// Line 738 "- * (TO {BANNED PARTIES}) $ [1722]": the pattern is kept without '$'.
	found := false
	for _, b := range s.Verbs.Blocks {
		for _, p := range b.Patterns {
			if p.Pos.Line == 738 {
				found = true
				if len(p.Post) != 1 || p.Post[0].Kind != ItemPP || p.Post[0].Text != "(TO {BANNED PARTIES})" {
					t.Errorf("line 738 post = %+v", p.Post)
				}
			}
		}
	}
	if !found {
		t.Error("pattern of line 738 not kept")
	}
}

func findPattern(t *testing.T, v *Verbs, meaning, text string) *Pattern {
	t.Helper()
	for _, b := range v.Blocks {
		if b.Meaning != meaning {
			continue
		}
		for _, p := range b.Patterns {
			if p.Text == text {
				return p
			}
		}
	}
	t.Fatalf("no pattern %q in block %s", text, meaning)
	return nil
}

func TestPhoenixVerbEntries(t *testing.T) {
	v := phoenix(t).Verbs
	es := v.Lookup("RUSHED")
	if len(es) != 1 || es[0].Block.Meaning != "ACCELERATE" || es[0].Code.Kind != CodeNull || es[0].Lemma != "RUSH" {
		t.Fatalf("RUSHED = %+v", es)
	}
	// Listed forms replace generation: SPED, not SPEEDED.
	if len(v.Lookup("SPED")) != 1 || len(v.Lookup("SPEEDED")) != 0 {
		t.Error("SPEED {SPEEDING SPEEDS SPED}: listed forms must replace generated ones")
	}
	// Multi-word verb with its own code: "+CALL_OFF [160]", forms generated for the '+' word.
	var call *Verb
	for _, e := range v.Lookup("CALLED") {
		if len(e.Post) == 1 && e.Post[0] == "OFF" {
			call = e
		}
	}
	if call == nil || call.Code.String() != "160" || !call.OwnCode || call.Lemma != "CALL_OFF" {
		t.Fatalf("+CALLED_OFF = %+v", call)
	}
	if e, start, end := v.MatchVerb([]string{"SERBIA", "CALLED", "OFF", "TALKS"}, 1); e != call || start != 1 || end != 3 {
		t.Errorf("MatchVerb(SERBIA CALLED OFF TALKS) = %v, %d, %d", e, start, end)
	}
	// "+ASK_FOR" is defined twice (lines 913 [020] and 5415, block code 040): the last wins,
	// with a warning at line 5415.
	for _, e := range v.Lookup("ASKED") {
		if len(e.Post) == 1 && e.Post[0] == "FOR" && (e.Pos.Line != 5415 || e.Code.String() != "040") {
			t.Errorf("+ASKED_FOR = %+v, want the entry of line 5415", e)
		}
	}
	if ps := problemsAt(phoenix(t), "CAMEO.2.0.txt", 5415); len(ps) != 1 || !strings.Contains(ps[0].Msg, "ASKED FOR") {
		t.Errorf("line 5415: %v", ps)
	}
	// Entries with more particles come first.
	if es := v.Lookup("ASKED"); len(es) < 2 || len(es[0].Post)+len(es[0].Pre) == 0 {
		t.Errorf("ASKED entries not ordered by particles: %v", es)
	}

	rush := findPattern(t, v, "ACCELERATE", "- * POLICE (TO BORDER) [153]")
	if len(rush.Pre) != 0 || len(rush.Post) != 2 || rush.Code.String() != "153" {
		t.Fatalf("pattern = %+v", rush)
	}
	if p := rush.Post[0]; p.Kind != ItemNoun || len(p.Alts) != 1 || p.Alts[0].Head != "POLICE" {
		t.Errorf("POLICE item = %+v", p)
	}
	if p := rush.Post[1]; p.Kind != ItemPP || p.Prep != "TO" || len(p.Objects) != 1 || p.Objects[0].Alts[0].Head != "BORDER" {
		t.Errorf("(TO BORDER) item = %+v", p)
	}
	paired := findPattern(t, v, "ACCELERATE", "- * (TO) [042:043]")
	if paired.Code != (Code{Kind: CodePaired, A: "042", B: "043"}) {
		t.Errorf("code = %+v", paired.Code)
	}
	// §5.4 quirk: "(TO )" means "(TO)".
	fly := findPattern(t, v, "FLY", "- * (TO ) [036]")
	if len(fly.Post) != 1 || fly.Post[0].Prep != "TO" || len(fly.Post[0].Objects) != 0 {
		t.Errorf("(TO ) = %+v", fly.Post)
	}
	// Synset expansion with plurals, and the {A B} phrase with a synset word.
	food := findPattern(t, v, "ACCELERATE", "- * &FOOD [073]")
	if len(food.Post) != 1 || len(food.Post[0].Alts) != len(v.Synsets["FOOD"].Alts) || len(v.Synsets["FOOD"].Alts) <= len(v.Synsets["FOOD"].Members) {
		t.Errorf("&FOOD alternatives %d, synset %+v", len(food.Post[0].Alts), v.Synsets["FOOD"])
	}
	alert := findPattern(t, v, "ALERT", "- * &SECURITY (OVER {&WEAPON ATTACK}) [151]")
	obj := alert.Post[1].Objects[0]
	if obj.Kind != ItemPhrase || len(obj.Alts) != len(v.Synsets["WEAPON"].Alts) {
		t.Fatalf("{&WEAPON ATTACK} = %d alternatives, want %d", len(obj.Alts), len(v.Synsets["WEAPON"].Alts))
	}
	for _, a := range obj.Alts {
		if a.Head != "ATTACK" || len(a.Words) == 0 {
			t.Errorf("{&WEAPON ATTACK} alternative %+v", a)
		}
	}
	// §5.2 quirk: "+TEAR_GAS_" is the phrase {TEAR GAS}, without plural.
	var tear []Alt
	for _, sy := range v.Synsets {
		for _, a := range sy.Alts {
			if a.Head == "GAS" && len(a.Words) == 1 && a.Words[0] == "TEAR" {
				tear = append(tear, a)
			}
			if strings.HasSuffix(a.Head, "_") {
				t.Errorf("synset %s member head %q ends in '_'", sy.Name, a.Head)
			}
		}
	}
	if len(tear) != 1 {
		t.Errorf("TEAR GAS alternatives: %v", tear)
	}
	// §5.2: a label ending in '_' suppresses plurals.
	if a := v.Synsets["AUXVERB1"]; a == nil || !a.NoPlural || len(a.Alts) != len(a.Members) {
		t.Errorf("&AUXVERB1_ = %+v", a)
	}
	tr := v.Transformations[0]
	if tr.Source != "a" || tr.InnerSource != "a" || tr.InnerTarget != "b" || tr.InnerVerb != "ATTACK" || tr.OuterVerb != "SAY" || tr.NewCode != "015" || tr.Pos.Line != 9178 {
		t.Errorf("first transformation = %+v", tr)
	}
}

func TestPhoenixActors(t *testing.T) {
	s := phoenix(t)
	a := s.Actors
	// The three files hold 3,305 distinct codes (§7); Dyad rejects the restrictions with
	// malformed dates, so ARMUNR, IRQOCC and SDNSSDAUT, found only there, are not loaded.
	if a.Codes() != 3302 {
		t.Errorf("%d distinct actor codes, want 3302", a.Codes())
	}
	for _, lost := range []struct {
		file string
		line int
	}{{"Phoenix.Countries.actors.txt", 2039}, {"Phoenix.Countries.actors.txt", 22508}, {"Phoenix.Countries.actors.txt", 43613}} {
		if ps := problemsAt(s, lost.file, lost.line); len(ps) != 1 || ps[0].Severity != Error {
			t.Errorf("%s:%d: %v", lost.file, lost.line, ps)
		}
	}
	if a.Len() < 30000 {
		t.Errorf("%d actor phrases", a.Len())
	}
	date := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, tc := range []struct {
		tokens []string
		date   string
		n      int
		code   string
	}{
		{[]string{"KIM", "JONG", "IL", "SAID"}, "2005-06-01", 3, "PRKGOV"},
		{[]string{"U.N.", "OFFICIALS"}, "2015-01-01", 1, "IGOUNO"},
		{[]string{"WITNESS", "MANGWENDE"}, "2003-06-01", 2, "ZWEGOVBUS"},
		// §7 quirk: restrictions before the primary-line default.
		{[]string{"BOSNIA", "AND", "HERZEGOVINA"}, "1991-01-01", 3, "YUGBIH"},
		{[]string{"BOSNIA", "AND", "HERZEGOVINA"}, "2000-01-01", 3, "BIH"},
		{[]string{"BOSNIANS"}, "1991-01-01", 1, "YUGBIH"},
	} {
		n, act := a.Match(tc.tokens)
		if n != tc.n || act == nil {
			t.Errorf("Match(%v) = %d, %v; want %d tokens", tc.tokens, n, act, tc.n)
			continue
		}
		if code, ok := act.Resolve(date(tc.date)); !ok || code != tc.code {
			t.Errorf("%v on %s = %q, %v; want %s", tc.tokens, tc.date, code, ok, tc.code)
		}
	}
	// KIM JONG IL before his restriction starts: the phrase matches but yields no code.
	if _, act := a.Match([]string{"KIM", "JONG", "IL"}); act != nil {
		if code, ok := act.Resolve(date("2003-01-01")); ok {
			t.Errorf("KIM JONG IL in 2003 = %s, want no code", code)
		}
	}
	// "[KORGOVBUS 2004017-20061201]" is rejected with its line.
	ps := problemsAt(s, "Phoenix.International.actors.txt", 40)
	if len(ps) != 1 || ps[0].Severity != Error || !strings.Contains(ps[0].Msg, "KORGOVBUS 2004017-20061201") {
		t.Errorf("International line 40: %v", ps)
	}
	// Bare single dates are read as ">D" with a warning.
	ps = problemsAt(s, "Phoenix.Countries.actors.txt", 31715)
	if len(ps) != 1 || ps[0].Severity != Warning || !strings.Contains(ps[0].Msg, "MNEGOV >20121204") {
		t.Errorf("Countries line 31715: %v", ps)
	}
	// Records without any code (e.g. LEONID_BREZHNEV_) are reported once all files are read;
	// U.N._ (International line 22) gets its code from line 110 and is not.
	uncoded := 0
	for _, f := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"} {
		uncoded += countProblems(s, f, "has no code in any actor file", Warning)
	}
	if uncoded != 39 || len(problemsAt(s, "Phoenix.International.actors.txt", 22)) != 0 {
		t.Errorf("%d uncoded actor phrases reported, want 39 (U.N. excluded)", uncoded)
	}
	// Mixed-case phrases are upper-cased (§4 quirk).
	if n, act := a.Match([]string{"PEOPLE'S", "LIBERATION", "ARMY"}); n != 3 || act == nil {
		t.Errorf("PEOPLE'S LIBERATION ARMY not matched: %d", n)
	}
}

func TestPhoenixAgents(t *testing.T) {
	ag := phoenix(t).Agents
	if n := len(ag.CodeCounts()); n != 84 {
		t.Errorf("%d distinct agent codes, want 84", n)
	}
	prefix := 0
	for _, x := range ag.All() {
		if x.Form == Prefix {
			prefix++
		}
	}
	// 3 prefix-form entries (§8); with their plurals and {} forms.
	if prefix < 3 {
		t.Errorf("%d prefix-form agent phrases, want ≥ 3", prefix)
	}
	for _, tc := range []struct {
		tokens []string
		n      int
		code   string
		form   AgentForm
	}{
		{[]string{"CATTLEMEN"}, 1, "AGR", Suffix},
		{[]string{"FOREIGN", "AFFAIRS", "MINISTRY"}, 3, "GOV", Suffix},
		{[]string{"ATTORNEY", "GENERAL"}, 2, "GOV", Suffix},
		{[]string{"ATTORNEY", "GENERALS"}, 2, "GOV", Suffix},
		{[]string{"CHAMBERS", "OF", "COMMERCE"}, 3, "BUS", Suffix},
		{[]string{"PEACEKEEPING", "TROOPS"}, 2, "IGO", Prefix},
	} {
		n, x := ag.Match(tc.tokens)
		if n != tc.n || x == nil || x.Code != tc.code || x.Form != tc.form {
			t.Errorf("Match(%v) = %d, %+v; want %d, %s", tc.tokens, n, x, tc.n, tc.code)
		}
	}
	// "ANTI_RIOT_POLICE {} [~COP]": no plural; "CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE}":
	// only the listed plural.
	if n, _ := ag.Match([]string{"ANTI", "RIOT", "POLICES"}); n == 3 {
		t.Error("ANTI RIOT POLICES generated despite {}")
	}
	if n, _ := ag.Match([]string{"CHAMBER", "OF", "COMMERCES"}); n == 3 {
		t.Error("CHAMBER OF COMMERCES generated despite {CHAMBERS_OF_COMMERCE}")
	}
}

func TestPhoenixDiscardsAndIssues(t *testing.T) {
	s := phoenix(t)
	d := s.Discards
	story := 0
	for _, x := range d.All() {
		if x.Story {
			story++
		}
	}
	// 506 entries, 64 story-level; MANCHESTER UNITED occurs twice.
	if d.Len() != 505 || story != 64 {
		t.Errorf("%d discards (%d story), want 505 (64)", d.Len(), story)
	}
	// §9 quirks: match at the last token; story level before sentence level.
	if _, n, x := d.Find([]string{"THE", "TREATY", "WAS", "SIGNED", "IN", "1999"}); x == nil || x.Phrase != "1999" || x.Story || n != 1 {
		t.Errorf("year at the last token: %+v", x)
	}
	if st, n, x := d.Find([]string{"THE", "CHAMPIONS", "LEAGUE", "FINAL"}); x == nil || !x.Story || st != 1 || n != 2 {
		t.Errorf("CHAMPIONS LEAGUE: %d %d %+v", st, n, x)
	}
	if _, _, x := d.Find([]string{"PUTIN", "MET", "XI"}); x != nil {
		t.Errorf("no discard expected, got %+v", x)
	}

	is := s.Issues
	// §10 counts 110 codes; the file has 111 distinct bracketed codes, all on valid lines.
	if n := len(is.Codes()); n != 111 {
		t.Errorf("%d issue codes, want 111", n)
	}
	cats := map[string]bool{}
	ignores := 0
	for _, x := range is.All() {
		cats[x.Category] = true
		if x.Ignore != NotIgnore {
			ignores++
		}
	}
	delete(cats, "")
	maxSection := 0
	for _, x := range is.All() {
		maxSection = max(maxSection, x.Section)
	}
	// 52 <ISSUE> sections; KIDNAP and ELECTIONS have no phrase with a code.
	if len(cats) != 50 || maxSection != 52 {
		t.Errorf("%d categories with phrases, last section %d; want 50, 52", len(cats), maxSection)
	}
	if ignores < 181 {
		t.Errorf("%d ignore phrases, want ≥ 181 (181 lines)", ignores)
	}
	for _, tc := range []struct {
		tokens []string
		n      int
		code   string
	}{
		{[]string{"PRESCHOOLS"}, 1, "EARLY_CHILDHOOD_EDUCATION"},
		{[]string{"PRE-SCHOOL"}, 1, "EARLY_CHILDHOOD_EDUCATION"},
		{[]string{"PRE", "SCHOOLS"}, 2, "EARLY_CHILDHOOD_EDUCATION"},
		{[]string{"HEAD", "START"}, 2, "EARLY_CHILDHOOD_EDUCATION"},
	} {
		n, x := is.Match(tc.tokens)
		if n != tc.n || x == nil || x.Code != tc.code || x.Category != "EDUCATION" {
			t.Errorf("Match(%v) = %d, %+v", tc.tokens, n, x)
		}
	}
	if n, x := is.Match([]string{"A", "HEAD", "START"}); n != 3 || x == nil || x.Ignore != IgnoreSentence {
		t.Errorf("~a head start: %d %+v", n, x)
	}
}

// TestPhoenixProblemsHaveLines checks that every problem names its file and a line.
func TestPhoenixProblemsHaveLines(t *testing.T) {
	s := phoenix(t)
	for _, p := range s.Problems {
		if p.File == "" || p.Line <= 0 || p.Msg == "" {
			t.Errorf("problem without place: %+v", p)
		}
	}
	if s.Errors() == 0 || len(s.Problems) < 500 {
		t.Errorf("%d problems, %d errors", len(s.Problems), s.Errors())
	}
}

// TestLoadConfig loads the Phoenix set through a PETR_config.ini with paths relative to the
// configuration file's folder.
func TestLoadConfig(t *testing.T) {
	files := phoenixFiles(t)
	dir := t.TempDir()
	link := filepath.Join(dir, "dicts")
	if err := os.Symlink(filepath.Dir(files.Verbs), link); err != nil {
		t.Skip("symlink:", err)
	}
	ini := "[Dictionaries]\nverbfile_name = dicts/CAMEO.2.0.txt\n" +
		"actorfile_list = dicts/Phoenix.Countries.actors.txt, dicts/Phoenix.International.actors.txt,dicts/Phoenix.MilNonState.actors.txt\n" +
		"agentfile_name = dicts/Phoenix.agents.txt\ndiscardfile_name = dicts/Phoenix.discards.txt\nissuefile_name = dicts/Phoenix.IssueCoding.txt\n" +
		"[Options]\nrequire_dyad = False\nnew_actor_length = 3\ncode_by_sentence\n"
	cfg := filepath.Join(dir, "PETR_config.ini")
	if err := os.WriteFile(cfg, []byte(ini), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(Files{Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	if s.Config.RequireDyad || s.Config.NewActorLength != 3 || len(s.Config.Actors) != 3 || s.Config.Values["options.code_by_sentence"] != "true" {
		t.Errorf("config = %+v", s.Config)
	}
	if len(s.Verbs.Blocks) != 397 || s.Actors.Codes() != 3302 || len(s.Agents.CodeCounts()) != 84 {
		t.Errorf("loaded %d blocks, %d actor codes, %d agent codes", len(s.Verbs.Blocks), s.Actors.Codes(), len(s.Agents.CodeCounts()))
	}
	// A flag overrides the configuration.
	s2, err := Load(Files{Config: cfg, Discards: filepath.Join(filepath.Dir(files.Verbs), "PETR.Validate.discards.txt")})
	if err != nil {
		t.Fatal(err)
	}
	if s2.Discards.Len() >= 100 {
		t.Errorf("discards from the flag expected, got %d", s2.Discards.Len())
	}
}

func BenchmarkLoadPhoenix(b *testing.B) {
	files := phoenixFiles(b)
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := 0; i < b.N; i++ {
		if _, err := Load(files); err != nil {
			b.Fatal(err)
		}
	}
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/load")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/(1<<20)/float64(b.N), "MB-alloc/load")
}

func BenchmarkActorMatch(b *testing.B) {
	files := phoenixFiles(b)
	s, err := Load(files)
	if err != nil {
		b.Fatal(err)
	}
	sent := strings.Fields("THE UNITED NATIONS SECURITY COUNCIL CONDEMNED NORTH KOREA AND KIM JONG IL ON TUESDAY")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j := range sent {
			if n, act := s.Actors.Match(sent[j:]); act != nil {
				act.ResolveInt(20050601)
				_ = n
			}
			s.Agents.Match(sent[j:])
		}
	}
}
