package segment

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/sharedtest"
	"github.com/dyad-events/dyad/story"
)

// ewtDoc reads a UD CoNLL-U file into gold sentences (Text from "# text", tokens = syntactic
// words with byte offsets into Text) and the raw text of the file: sentences joined by join (" ",
// or "\n" for one sentence a line) within a paragraph and by a blank line between paragraphs
// ("# newpar", "# newdoc"), or by join everywhere when paragraphs is false. Gold sentence
// Start/End are offsets into that text.
func ewtDoc(t testing.TB, path, join string, paragraphs bool) ([]story.Sentence, string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var (
		gold   []story.Sentence
		raw    strings.Builder
		cur    story.Sentence
		newpar bool
		cursor int    // byte offset in cur.Text
		mwtEnd int    // last word id of the current multi-word token, 0 when none
		mwtSur string // its surface
		mwtWds []string
		mwtPos int
	)
	flushMWT := func() {
		// place the words of a multi-word token inside its surface
		for cursor < len(cur.Text) && cur.Text[cursor] == ' ' {
			cursor++
		}
		s := cursor
		if strings.Join(mwtWds, "") == mwtSur {
			for _, w := range mwtWds {
				cur.Tokens = append(cur.Tokens, story.Token{Form: w, Start: s, End: s + len(w), Head: -1})
				s += len(w)
			}
		} else {
			for k, w := range mwtWds {
				e := s
				if k == 0 {
					e = s + len(mwtSur)
				}
				cur.Tokens = append(cur.Tokens, story.Token{Form: w, Start: e - (e - s), End: e, Head: -1})
				s = e
			}
		}
		cursor = mwtPos + len(mwtSur)
		mwtWds = mwtWds[:0]
		mwtEnd = 0
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# newpar") || strings.HasPrefix(line, "# newdoc"):
			newpar = true
		case strings.HasPrefix(line, "# text = "):
			cur = story.Sentence{Text: strings.TrimPrefix(line, "# text = ")}
			cursor = 0
		case line == "":
			if cur.Text == "" {
				continue
			}
			if raw.Len() > 0 {
				if newpar && paragraphs {
					raw.WriteString("\n\n")
				} else {
					raw.WriteString(join)
				}
			}
			cur.Start = raw.Len()
			raw.WriteString(cur.Text)
			cur.End = raw.Len()
			gold = append(gold, cur)
			cur = story.Sentence{}
			newpar = false
		case strings.HasPrefix(line, "#"):
		default:
			cols := strings.Split(line, "\t")
			if len(cols) < 2 || strings.Contains(cols[0], ".") {
				continue
			}
			if a, b, ok := strings.Cut(cols[0], "-"); ok {
				_ = a
				mwtEnd = atoi(b)
				mwtSur = cols[1]
				for cursor < len(cur.Text) && cur.Text[cursor] == ' ' {
					cursor++
				}
				mwtPos = cursor
				continue
			}
			if mwtEnd > 0 {
				mwtWds = append(mwtWds, cols[1])
				if atoi(cols[0]) == mwtEnd {
					flushMWT()
				}
				continue
			}
			for cursor < len(cur.Text) && cur.Text[cursor] == ' ' {
				cursor++
			}
			w := cols[1]
			e := cursor + len(w)
			if !strings.HasPrefix(cur.Text[cursor:], w) {
				// form differs from the text (rare): take the written word
				e = cursor
				for e < len(cur.Text) && cur.Text[e] != ' ' {
					e++
				}
			}
			cur.Tokens = append(cur.Tokens, story.Token{Form: w, Start: cursor, End: e, Head: -1})
			cursor = e
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return gold, raw.String()
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// TestEWT measures token and sentence boundary F1 against UD English EWT dev and test and UD
// English PUD (news and Wikipedia), with paragraph (PUD: document) breaks as blank lines, as in
// news, and with all sentences joined by spaces; then with one sentence a line (a single line
// break between the sentences of a paragraph, which must still end them) and with every
// paragraph hard-wrapped at 72 columns (wrap72: the line breaks inside sentences must not end
// them).
func TestEWT(t *testing.T) {
	for _, c := range []struct {
		file                  string
		paragraphs            bool
		layout                string // "" (spaces), "lines" or "wrap72"
		tokenFloor, sentFloor float64
	}{
		{"en_ewt-ud-dev.conllu", true, "", 0.98, 0.84},
		{"en_ewt-ud-test.conllu", true, "", 0.98, 0.83},
		{"en_ewt-ud-dev.conllu", false, "", 0.98, 0.67},
		{"en_ewt-ud-test.conllu", false, "", 0.98, 0.61},
		{"en_pud-ud-test.conllu", true, "", 0.995, 0.99},
		{"en_pud-ud-test.conllu", false, "", 0.995, 0.99},
		{"en_ewt-ud-test.conllu", true, "lines", 0.98, 0.93},
		{"en_pud-ud-test.conllu", true, "lines", 0.995, 0.99},
		{"en_ewt-ud-test.conllu", true, "wrap72", 0.98, 0.83},
		{"en_pud-ud-test.conllu", true, "wrap72", 0.995, 0.99},
	} {
		dir := "data/ud-english-ewt/"
		if strings.HasPrefix(c.file, "en_pud") {
			dir = "data/ud-english-pud/"
		}
		path := sharedtest.Path(t, dir+c.file)
		join := " "
		if c.layout == "lines" {
			join = "\n"
		}
		gold, raw := ewtDoc(t, path, join, c.paragraphs)
		if c.layout == "wrap72" {
			raw = hardWrap(raw, 72)
		}
		pred := Split(raw)
		sc := Score(gold, pred)
		t.Logf("%s paragraphs=%v %s: tokens P=%.4f R=%.4f F1=%.4f (gold %d); sentences P=%.4f R=%.4f F1=%.4f (gold %d, predicted %d)",
			c.file, c.paragraphs, c.layout, sc.Tokens.Precision, sc.Tokens.Recall, sc.Tokens.F1, sc.Tokens.Gold,
			sc.Sentences.Precision, sc.Sentences.Recall, sc.Sentences.F1, sc.Sentences.Gold, sc.Sentences.Predicted)
		if sc.Tokens.F1 < c.tokenFloor {
			t.Errorf("%s: token F1 %.4f below floor %.2f", c.file, sc.Tokens.F1, c.tokenFloor)
		}
		if sc.Sentences.F1 < c.sentFloor {
			t.Errorf("%s: sentence F1 %.4f below floor %.2f", c.file, sc.Sentences.F1, c.sentFloor)
		}
		// sanity: gold against itself is perfect
		if self := Score(gold, gold); self.Tokens.F1 != 1 || self.Sentences.F1 != 1 {
			t.Errorf("self score %+v", self)
		}
	}
}

// hardWrap wraps every line of text greedily at width code points, as a mail client or editor
// does: a space becomes a line break where the next word would pass the width. Offsets stay the
// same (one byte for one byte).
func hardWrap(text string, width int) string {
	b := []byte(text)
	col, lastSpace, lastSpaceCol := 0, -1, 0
	for i, r := range text {
		switch r {
		case '\n':
			col, lastSpace = 0, -1
			continue
		case ' ':
			lastSpace, lastSpaceCol = i, col
		}
		col++
		if col > width && lastSpace >= 0 {
			b[lastSpace] = '\n'
			col -= lastSpaceCol + 1
			lastSpace = -1
		}
	}
	return string(b)
}
