package dict

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/dyad-events/dyad/internal/sharedtest"
)

// Fuzz targets for every dictionary reader. Seeds: the snippets below (our own), plus, when
// ../shared is present, slices of the corresponding shared dictionary files (read at run time,
// never copied into the repository).

// addSharedSeeds adds up to 12 slices of 60 lines of each shared file as seeds.
func addSharedSeeds(f *testing.F, names ...string) {
	root := sharedtest.Root()
	if root == "" {
		return
	}
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			continue
		}
		lines := bytes.SplitAfter(data, []byte("\n"))
		step := max(len(lines)/12, 60)
		for i := 0; i < len(lines); i += step {
			j := min(i+60, len(lines))
			f.Add(string(bytes.Join(lines[i:j], nil)))
		}
	}
}

// checkProblems verifies the reader's problems name the file and a line inside the input.
func checkProblems(t *testing.T, src string, ps []Problem) {
	lines := strings.Count(src, "\n") + 1
	for _, p := range ps {
		if p.File != "fuzz" || p.Line < 0 || p.Line > lines || p.Msg == "" {
			t.Fatalf("bad problem %+v (input has %d lines)", p, lines)
		}
		if strings.IndexFunc(p.Msg, unicode.IsControl) >= 0 {
			t.Fatalf("raw control character in problem %q", p.Msg)
		}
	}
}

// notText reports the error a reader returns for binary data or UTF-16 text (checkText).
func notText(err error) bool { return errors.Is(err, ErrBinary) || errors.Is(err, ErrUTF16) }

func FuzzReadVerbs(f *testing.F) {
	f.Add(verbHeader + "&A\n+B_C\n+D\n####### VERB PATTERNS #######\n--- X [010] ---\nX {XS}\n+Y_Z [020]\n- &A * (TO {&A E}) [042:043]\n- * [---]\n~ a (a b X) X = a b 015\n")
	f.Add("--- A [:043] ---\nA\n- { * [1]\n- (* ) [12]\n- * (((( [99]\n- * &\n")
	f.Add("&\n+\n---\n-\n~\n<!--\n")
	addSharedSeeds(f, "data/petrarch2/CAMEO.2.0.txt", "data/universalpetrarch/PETR.Validate.verbs.2.0.txt", "data/petrarch2/PETR.Validate.verbs.txt")
	f.Fuzz(func(t *testing.T, src string) {
		v, ps, err := ReadVerbs(strings.NewReader(src), "fuzz")
		if err != nil {
			if notText(err) {
				return
			}
			t.Fatal(err)
		}
		checkProblems(t, src, ps)
		for form, es := range v.Forms {
			for _, e := range es {
				if e.Form != form || e.Block == nil {
					t.Fatalf("bad entry %+v", e)
				}
			}
			v.MatchVerb([]string{"A", form, "B"}, 1)
		}
		for _, b := range v.Blocks {
			for _, p := range b.Patterns {
				if p.Code.Kind == CodeNone {
					t.Fatalf("pattern without code: %+v", p)
				}
			}
		}
	})
}

func FuzzReadActors(f *testing.F) {
	f.Add("A_B [ABC]\n+C\n\t[DEF 20010101-20020101]\n\t[GHI >990101]\n\t[JKL <20000101][MNO 2001-]\nP [---]\n[Q]\n+R\n")
	f.Add("X [ABC 2004017-2006]\n\t[ 1-2 ]\n\t[A -]\n[[[\n]]]\n")
	addSharedSeeds(f, "data/petrarch2/Phoenix.Countries.actors.txt", "data/petrarch2/Phoenix.International.actors.txt",
		"data/petrarch2/Phoenix.MilNonState.actors.txt", "data/petrarch2/PETR.Validate.actors.txt")
	f.Fuzz(func(t *testing.T, src string) {
		a, ps, err := ReadActors(strings.NewReader(src), "fuzz")
		if err != nil {
			if notText(err) {
				return
			}
			t.Fatal(err)
		}
		checkProblems(t, src, ps)
		for _, act := range a.All() {
			if len(act.Codes) == 0 {
				t.Fatalf("actor without codes: %+v", act)
			}
			words := strings.Fields(act.Phrase)
			if n, m := a.Match(words); n != len(words) || m == nil {
				t.Fatalf("%q not matched by itself: %d", act.Phrase, n)
			}
			act.Resolve(time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC))
			act.Resolve(time.Time{})
		}
	})
}

func FuzzReadAgents(f *testing.F) {
	f.Add("!P! = MAN, MEN\nCATTLE!P! [~AGR]\nX_Y {X_YS} [~GOV]\nZ {} [NGO~]\nW [~]\n")
	f.Add("!! = \n!A!!B! [~GOV]\n{ [~\n")
	addSharedSeeds(f, "data/petrarch2/Phoenix.agents.txt", "data/petrarch2/PETR.Validate.agents.txt")
	f.Fuzz(func(t *testing.T, src string) {
		a, ps, err := ReadAgents(strings.NewReader(src), "fuzz")
		if err != nil {
			if notText(err) {
				return
			}
			t.Fatal(err)
		}
		checkProblems(t, src, ps)
		for _, x := range a.All() {
			words := strings.Fields(x.Phrase)
			if n, m := a.Match(words); n != len(words) || m == nil || x.Code == "" {
				t.Fatalf("%+v not matched by itself", x)
			}
		}
	})
}

func FuzzReadDiscards(f *testing.F) {
	f.Add("1999\n+CHAMPIONS LEAGUE\nYEARS_AGO_\n+\n")
	addSharedSeeds(f, "data/petrarch2/Phoenix.discards.txt", "data/petrarch2/PETR.Validate.discards.txt")
	f.Fuzz(func(t *testing.T, src string) {
		d, ps, err := ReadDiscards(strings.NewReader(src), "fuzz")
		if err != nil {
			if notText(err) {
				return
			}
			t.Fatal(err)
		}
		checkProblems(t, src, ps)
		for _, x := range d.All() {
			words := append([]string{"X"}, strings.Fields(x.Phrase)...)
			if _, _, m := d.Find(words); m == nil {
				t.Fatalf("%q not found", x.Phrase)
			}
		}
	})
}

func FuzzReadIssues(f *testing.F) {
	f.Add("<ISSUE CATEGORY=\"A\">\npre+n:school [X]\nv:purge it [Y]\n~a b\n~~c\n</ISSUE>\n")
	f.Add("n: [X]\nv: [Y]\n+ [Z]\na++b [W]\n")
	addSharedSeeds(f, "data/petrarch2/Phoenix.IssueCoding.txt")
	f.Fuzz(func(t *testing.T, src string) {
		is, ps, err := ReadIssues(strings.NewReader(src), "fuzz")
		if err != nil {
			if notText(err) {
				return
			}
			t.Fatal(err)
		}
		checkProblems(t, src, ps)
		for _, x := range is.All() {
			words := strings.Fields(x.Phrase)
			if n, m := is.Match(words); n != len(words) || m == nil {
				t.Fatalf("%q not matched by itself", x.Phrase)
			}
		}
	})
}

func FuzzReadConfig(f *testing.F) {
	f.Add("[Dictionaries]\nverbfile_name = V\nactorfile_list = A, B\n[Options]\nrequire_dyad = False\nnew_actor_length = 2\nflag\n")
	f.Add("[\nx=\n[a]\n=\n:\n")
	f.Fuzz(func(t *testing.T, src string) {
		_, ps, err := ReadConfig(strings.NewReader(src), "fuzz")
		if errors.Is(err, ErrNotConfig) {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		checkProblems(t, src, ps)
	})
}

func FuzzParseCode(f *testing.F) {
	for _, s := range []string{"042", "042:043", ":043", "---", "", "1:2:3", " 12 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCode(s)
		if err != nil {
			return
		}
		back, err := ParseCode(c.String())
		if err != nil || back != c {
			t.Fatalf("ParseCode(%q) = %+v; String %q reparses as %+v, %v", s, c, c.String(), back, err)
		}
	})
}
