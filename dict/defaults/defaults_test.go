package defaults_test

import (
	"bufio"
	"io/fs"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/dict"
	"github.com/dyad-events/dyad/dict/defaults"
)

// iso3166 lists the 249 officially assigned ISO 3166-1 alpha-3 codes (the ISO 3166 Maintenance
// Agency's list; CAMEO country codes are these, CAMEO 1.1b3 ch. 3). Every one must be the
// undated code of some phrase of the default country dictionary.
var iso3166 = strings.Fields(`
ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR
BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG
COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH
FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY
HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM
KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL
MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR
NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU
SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA
TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB
VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE`)

func load(t testing.TB) *dict.Set {
	t.Helper()
	s, err := dict.LoadDefault()
	if err != nil {
		t.Fatalf("LoadDefault: %v", err)
	}
	return s
}

func words(phrase string) []string { return strings.Fields(strings.ToUpper(phrase)) }

// TestFilesWellFormed: every embedded file is non-empty, is exposed by the package variables, and
// starts with a header comment that names the sources of its facts.
func TestFilesWellFormed(t *testing.T) {
	names, err := fs.Glob(defaults.FS, "*.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != 7 {
		t.Errorf("embedded files: %v, want 7", names)
	}
	exposed := map[string]string{
		defaults.VerbsFile: defaults.Verbs, defaults.AgentsFile: defaults.Agents,
		defaults.DiscardsFile: defaults.Discards, defaults.IssuesFile: defaults.Issues,
	}
	if len(defaults.Actors) != len(defaults.ActorFiles) {
		t.Fatalf("Actors has %d texts, ActorFiles %d names", len(defaults.Actors), len(defaults.ActorFiles))
	}
	for i, n := range defaults.ActorFiles {
		exposed[n] = defaults.Actors[i]
	}
	for _, n := range names {
		b, err := fs.ReadFile(defaults.FS, n)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		if exposed[n] != text {
			t.Errorf("%s: package variable differs from the embedded file", n)
		}
		if !strings.HasPrefix(text, "# "+n) {
			t.Errorf("%s: does not start with its header line %q", n, "# "+n)
		}
		header := text[:strings.Index(text, "\n\n")]
		if !strings.Contains(header, "Source") {
			t.Errorf("%s: header does not name its sources", n)
		}
		if strings.Contains(text, "\r") {
			t.Errorf("%s: CR characters; the files use LF line ends", n)
		}
		lines := 0
		sc := bufio.NewScanner(strings.NewReader(text))
		for sc.Scan() {
			if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
				lines++
			}
		}
		if lines < 50 {
			t.Errorf("%s: only %d entry lines", n, lines)
		}
	}
}

// TestLoadsWithoutProblems: the dict readers accept every default file with no error and no
// warning (PETRARCH-FORMATS.md §4-§10).
func TestLoadsWithoutProblems(t *testing.T) {
	s := load(t)
	for _, p := range s.Problems {
		t.Errorf("%s", p)
	}
	if s.Verbs == nil || s.Actors == nil || s.Agents == nil || s.Discards == nil || s.Issues == nil {
		t.Fatalf("LoadDefault left a dictionary nil: %+v", s)
	}
}

// TestCountryCodes: every ISO 3166-1 alpha-3 code is the undated code of some phrase.
func TestCountryCodes(t *testing.T) {
	if len(iso3166) != 249 {
		t.Fatalf("ISO list has %d codes, want 249", len(iso3166))
	}
	s := load(t)
	have := map[string]bool{}
	for _, a := range s.Actors.All() {
		for _, c := range a.Codes {
			if c.Kind == dict.Always {
				have[c.Code] = true
			}
		}
	}
	for _, c := range iso3166 {
		if !have[c] {
			t.Errorf("ISO 3166-1 code %s has no phrase", c)
		}
	}
}

// TestActorPhrases: phrases the seed story and common news need, and phrases that must stay out.
func TestActorPhrases(t *testing.T) {
	s := load(t)
	date := 20150220
	want := map[string]string{
		"NORTH KOREA":                            "PRK",
		"NORTH KOREAN":                           "PRK",
		"PYONGYANG":                              "PRK",
		"DPRK":                                   "PRK",
		"DEMOCRATIC PEOPLE 'S REPUBLIC OF KOREA": "PRK",
		"SOUTH KOREA":                            "KOR",
		"WASHINGTON":                             "USA",
		"U.S.":                                   "USA",
		"UNITED STATES":                          "USA",
		"WHITE HOUSE":                            "USAGOV",
		"KREMLIN":                                "RUSGOV",
		"G 7":                                    "IGOGOS", // "G-7" as the tokenizer splits it
		"HAYAT TAHRIR AL SHAM":                   "SYRREBHTS",
		"CZECH":                                  "CZE",
		"CZECH REPUBLIC":                         "CZE",
		"VOA KOREAN SERVICE":                     "USAMED",
		"KCNA":                                   "PRKMED",
		"KOSOVO":                                 "KSV",
		"U.N.":                                   "IGOUNO",
		"UN":                                     "IGOUNO",
		"THE US":                                 "USA",
		"UK":                                     "GBR",
		"UNITED NATIONS":                         "IGOUNO",
		"U.N. GENERAL ASSEMBLY":                  "IGOUNO",
		"U.N. SECURITY COUNCIL":                  "IGOUNO",
		"U.N. HUMAN RIGHTS COUNCIL":              "IGOUNOHRC",
		"UNHCR":                                  "IGOUNOHCR",
		"EUROPEAN UNION":                         "IGOEEC",
		"NATO":                                   "IGONAT",
		"ASEAN":                                  "IGOASN",
		"INTERNATIONAL CRIMINAL COURT":           "IGOICC",
		"IAEA":                                   "IGOUNOIAE",
		"WORLD HEALTH ORGANIZATION":              "IGOUNOWHO",
		"WORLD BANK":                             "IGOUNOWBK",
		"INTERNATIONAL MONETARY FUND":            "IGOIMF",
		"RED CROSS":                              "NGOIRC",
		"AMNESTY INTERNATIONAL":                  "NGOAMN",
		"HUMAN RIGHTS WATCH":                     "NGOHRW",
		"AFRICAN UNION":                          "IGOAFU",
		"YUGOSLAVIA":                             "",    // historical: no code in 2015
		"SOVIET UNION":                           "USR", // its name can only denote the USSR
		"HAMAS":                                  "PSEREBHMS",
		"WEST GERMANY":                           "DEU",
		"ABDELAZIZ BOUTEFLIKA":                   "DZAGOV",
		"CHARLES TAYLOR":                         "LBRELI",
		"RONALD REAGAN":                          "", // died 2004
		"KAMPUCHEAN":                             "KHM",
		"ZAIRIAN":                                "COD",
		"RHODESIA":                               "ZWE",
	}
	for p, code := range want {
		a := s.Actors.Lookup(words(p))
		if a == nil {
			t.Errorf("actor phrase %q missing", p)
			continue
		}
		got, _ := a.ResolveInt(date)
		if got != code {
			t.Errorf("%q on %d: code %q, want %q", p, date, got, code)
		}
	}
	// Short forms that collide with name parts or common words (PETRARCH-FORMATS.md §7).
	for _, p := range []string{"US", "WHO", "AMNESTY", "CHINA SEA", "SHARON", "MAY", "MALE", "VICTORIA"} {
		if n, a := s.Actors.Match(words(p)); a != nil && n == len(words(p)) {
			t.Errorf("ambiguous phrase %q is an actor (%s)", p, a.Pos)
		}
	}
	// "Kim Jong Un" is one actor; its last word is not the UN.
	if n, a := s.Actors.Match(words("KIM JONG UN MET XI")); a == nil || n != 3 {
		t.Errorf("Kim Jong Un: longest match %d words, want 3", n)
	}
}

// TestLeaderDates: office holders resolve to the right code on given story dates (half-open
// ranges, open ranges "D-", PETRARCH-FORMATS.md §7).
func TestLeaderDates(t *testing.T) {
	s := load(t)
	cases := []struct {
		phrase string
		date   int
		code   string // "" = no code that day
	}{
		{"KIM JONG UN", 20150220, "PRKGOV"},
		// Hyphenated names as the tokenizer splits them ("al - Bashir", PUNCT left out).
		{"OMAR AL BASHIR", 20000101, "SDNGOV"},
		{"OMAR EL BASHIR", 20000101, "SDNGOV"},
		{"JEAN CLAUDE JUNCKER", 20160101, "IGOEEC"},
		{"KIM JONG UN", 20111217, "PRKGOV"},
		{"KIM JONG UN", 20111216, ""},
		{"KIM JONG IL", 20111216, "PRKGOV"},
		{"KIM JONG IL", 20150220, ""},
		{"BARACK OBAMA", 20120601, "USAGOV"},
		{"BARACK OBAMA", 20200601, "USAELI"},
		{"OBAMA", 20090120, "USAGOV"},
		{"OBAMA", 20170120, "USAELI"},
		{"DONALD TRUMP", 20180101, "USAGOV"},
		{"DONALD TRUMP", 20220101, "USAELI"},
		{"DONALD TRUMP", 20260101, "USAGOV"},
		{"JOE BIDEN", 20220101, "USAGOV"},
		{"JOE BIDEN", 20120101, "USAGOV"},
		{"VLADIMIR PUTIN", 20050101, "RUSGOV"},
		{"XI JINPING", 20150220, "CHNGOV"},
		{"XI", 20221114, "CHNGOV"}, // the lone surname, as "Putin" and "Modi"
		{"XI", 20070101, ""},
		{"ANGELA MERKEL", 20150220, "DEUGOV"},
		{"ANGELA MERKEL", 20230101, "DEUELI"},
		{"OLAF SCHOLZ", 20230101, "DEUGOV"},
		{"FRIEDRICH MERZ", 20250506, "DEUGOV"},
		{"NARENDRA MODI", 20150220, "INDGOV"},
		{"SHINZO ABE", 20150220, "JPNGOV"},
		{"PARK GEUN-HYE", 20150220, "KORGOV"},
		{"BAN KI-MOON", 20150220, "IGOUNO"},
		{"BAN KI-MOON", 20050101, "KORGOV"},
		{"ANTONIO GUTERRES", 20200101, "IGOUNO"},
		{"SERGEI LAVROV", 20150220, "RUSGOV"},
		{"JOHN KERRY", 20150220, "USAGOV"},
		{"BENJAMIN NETANYAHU", 20220101, "ISROPP"},
		{"BENJAMIN NETANYAHU", 20240101, "ISRGOV"},
		{"BASHAR AL-ASSAD", 20150220, "SYRGOV"},
		{"BASHAR AL-ASSAD", 20250101, ""},
		{"VOLODYMYR ZELENSKY", 20220301, "UKRGOV"},
		{"JENS STOLTENBERG", 20150220, "IGONAT"},
		{"ROBERT KING", 20150220, "USAGOV"},
		{"KIM PYONG IL", 20150220, "PRKGOV"},
	}
	for _, c := range cases {
		a := s.Actors.Lookup(words(c.phrase))
		if a == nil {
			t.Errorf("leader %q missing", c.phrase)
			continue
		}
		got, _ := a.ResolveInt(c.date)
		if got != c.code {
			t.Errorf("%s on %d: %q, want %q", c.phrase, c.date, got, c.code)
		}
	}
}

// TestLeaderRanges: within each leader record the dated ranges are well ordered (From < To) and
// do not overlap, so the first applicable restriction is the only one.
func TestLeaderRanges(t *testing.T) {
	s := load(t)
	n := 0
	for _, a := range s.Actors.All() {
		if !strings.HasSuffix(a.Pos.File, defaults.LeadersFile) {
			continue
		}
		n++
		for i, c := range a.Codes {
			if c.Kind == dict.Between && c.From >= c.To {
				t.Errorf("%s %s: empty range %d-%d", a.Phrase, c.Pos, c.From, c.To)
			}
			for _, d := range a.Codes[i+1:] {
				if overlap(c, d) {
					t.Errorf("%s: ranges at %s and %s overlap", a.Phrase, c.Pos, d.Pos)
				}
			}
		}
	}
	if n < 300 {
		t.Errorf("leader phrases: %d, want at least 300", n)
	}
}

func overlap(a, b dict.DatedCode) bool {
	lo := func(d dict.DatedCode) int {
		if d.Kind == dict.From || d.Kind == dict.Between {
			return d.From
		}
		return 0
	}
	hi := func(d dict.DatedCode) int {
		if d.Kind == dict.Before || d.Kind == dict.Between {
			return d.To
		}
		return 99999999
	}
	return lo(a) < hi(b) && lo(b) < hi(a)
}

// TestVerbRoots: the verb dictionary codes every CAMEO root 01-20 through verbs or patterns, and
// every code it uses is a CAMEO 1.1b3 code (cameo-eventcodes-merged.tsv).
func TestVerbRoots(t *testing.T) {
	s := load(t)
	roots := map[string]int{}
	add := func(c dict.Code) {
		for _, x := range []string{c.A, c.B} {
			if x == "" {
				continue
			}
			if !cameoCodes[x] {
				t.Errorf("code %s is not a CAMEO 1.1b3 event code", x)
			}
			roots[x[:2]]++
		}
	}
	for _, b := range s.Verbs.Blocks {
		add(b.Code)
		for _, v := range b.Verbs {
			add(v.Code)
		}
		for _, p := range b.Patterns {
			add(p.Code)
		}
	}
	for r := 1; r <= 20; r++ {
		root := string([]byte{byte('0' + r/10), byte('0' + r%10)})
		if roots[root] == 0 {
			t.Errorf("root %s has no verb or pattern", root)
		}
	}
}

// TestVerbLookups: frequent news verbs resolve to the intended block codes.
func TestVerbLookups(t *testing.T) {
	s := load(t)
	want := map[string]string{
		"SAID": "---", "TOLD": "010", "ACCUSED": "112", "CRITICIZED": "111", "CONDEMNED": "111", "REJECTED": "120",
		"THREATENED": "130", "WARNED": "130", "AGREED": "030", "OFFERED": "030", "MET": "040:040",
		"VISITED": "042:043", "DISCUSSED": "040", "URGED": "020", "DEMANDED": "100",
		"SANCTIONED": "163", "ARRESTED": "173", "ATTACKED": "190", "KILLED": "190", "PROTESTED": "110",
		"DEMONSTRATED": "141", "PRAISED": "051", "SIGNED": "057", "INVESTIGATED": "090",
		"RELEASED": "084", "EXPELLED": "166", "SHELLED": "194", "KIDNAPPED": "181", "ASSASSINATED": "186",
		"CONSIDER": "---", "EXAMINE": "014", "DENIED": "016", "APOLOGIZED": "055", "NEGOTIATED": "046", "HOSTED": "043:042",
		"SUING": "115", "SUED": "115", "LODGED": "---",
	}
	for form, code := range want {
		vs := s.Verbs.Lookup(form)
		if len(vs) == 0 {
			t.Errorf("verb form %s missing", form)
			continue
		}
		v := vs[len(vs)-1] // the entry without particles
		if got := v.Code.String(); got != code {
			t.Errorf("%s: code %s, want %s", form, got, code)
		}
	}
	for _, phrase := range [][]string{{"CALLED", "FOR"}, {"CALLED", "ON"}} {
		v, _, _ := s.Verbs.MatchVerb(phrase, 0)
		if v == nil || v.Code.String() != "020" {
			t.Errorf("%v: %v, want an APPEAL verb with code 020", phrase, v)
		}
	}
	if len(s.Verbs.Transformations) < 5 {
		t.Errorf("transformations: %d, want at least 5", len(s.Verbs.Transformations))
	}
}

// TestAgents: the role nouns of the brief map to the CAMEO role codes.
func TestAgents(t *testing.T) {
	s := load(t)
	want := map[string]string{
		"DIPLOMAT": "GOV", "DIPLOMATS": "GOV", "AMBASSADOR": "GOV", "ENVOY": "GOV",
		"MINISTER": "GOV", "MINISTRY": "GOV", "FOREIGN MINISTRY": "GOV", "GOVERNMENT": "GOV",
		"PRESIDENT": "GOV", "ARMY": "MIL", "TROOPS": "MIL", "POLICE": "COP", "REBELS": "REB",
		"OPPOSITION": "OPP", "COURT": "JUD", "PARLIAMENT": "LEG", "LAWMAKERS": "LEG",
		"ACTIVISTS": "CVL", "REFUGEES": "REF", "JOURNALIST": "MED", "BUSINESSMEN": "BUS",
		"HUMAN RIGHTS ACTIVIST": "HRI", "EMBASSY": "GOV", "MINISTER-COUNSELOR": "GOV",
		"POINT MAN": "GOV", "NGO": "NGO",
	}
	for p, code := range want {
		n, a := s.Agents.Match(words(p))
		if a == nil || n != len(words(p)) {
			t.Errorf("agent %q missing", p)
			continue
		}
		if a.Code != code {
			t.Errorf("agent %q: %s, want %s", p, a.Code, code)
		}
	}
}

// TestDiscardsAndIssues: page chrome of the seed story is discarded; issue phrases of the seed
// story are found.
func TestDiscardsAndIssues(t *testing.T) {
	s := load(t)
	for _, p := range []string{"Accessibility links", "Breaking News"} {
		if n, d := s.Discards.Match(words(p)); d == nil || n != len(words(p)) || d.Story {
			t.Errorf("%q: want a sentence discard, got %v", p, d)
		}
	}
	if _, _, d := s.Discards.Find(words("North Korea will not honor human rights agreements")); d != nil {
		t.Errorf("the seed headline is discarded by %q", d.Phrase)
	}
	for p, code := range map[string]string{"HUMAN RIGHTS": "HUMAN_RIGHTS", "CRIMES AGAINST HUMANITY": "WAR_CRIMES",
		"NUCLEAR WEAPONS": "NUCLEAR", "REFUGEES": "REFUGEES", "TERRORISM": "TERRORISM", "ELECTIONS": "ELECTIONS"} {
		n, is := s.Issues.Match(words(p))
		if is == nil || n != len(words(p)) || is.Code != code {
			t.Errorf("issue %q: %v, want %s", p, is, code)
		}
	}
}

func BenchmarkLoadDefault(b *testing.B) {
	for b.Loop() {
		if _, err := dict.LoadDefault(); err != nil {
			b.Fatal(err)
		}
	}
}
