package segment

import (
	"strings"
	"unicode/utf8"

	"github.com/dyad-events/dyad/story"
)

// PRF counts the units (tokens or sentences) of a gold and a predicted segmentation and the
// units found in both with the same boundaries, with precision, recall and F1 in [0,1].
type PRF struct {
	Gold, Predicted, Correct int
	Precision, Recall, F1    float64
}

// Scores are the token and sentence boundary scores of one segmentation against another.
type Scores struct {
	Tokens    PRF // syntactic words: both boundaries must agree
	Sentences PRF // sentences: both boundaries must agree
}

// Score compares predicted with gold, two segmentations of the same text (for example gold
// sentences read from a CoNLL-U file, whose "# text" lines are joined into one text, and
// Split of that text). A token or sentence counts as correct when its first and last
// character are the same in both. Positions are counted in non-white-space characters (code
// points), so the two sides may differ in white space and in sentence Start/End conventions.
//
// Token positions come from Token.Start/End (byte offsets into Sentence.Text) when they are
// valid; otherwise tokens are aligned to Sentence.Text by their forms, left to right, and a word
// whose form differs from the text (a multi-word token such as "dont" -> "do" "n't") takes the
// rest of the written word. Sentences with an empty Text are measured by their tokens' forms.
func Score(gold, predicted []story.Sentence) Scores {
	gt, gs := spans(gold)
	pt, ps := spans(predicted)
	return Scores{Tokens: prf(gt, pt), Sentences: prf(gs, ps)}
}

type span struct{ a, b int }

func prf(gold, pred []span) PRF {
	r := PRF{Gold: len(gold), Predicted: len(pred)}
	set := make(map[span]int, len(gold))
	for _, s := range gold {
		set[s]++
	}
	for _, s := range pred {
		if set[s] > 0 {
			set[s]--
			r.Correct++
		}
	}
	if r.Predicted > 0 {
		r.Precision = float64(r.Correct) / float64(r.Predicted)
	}
	if r.Gold > 0 {
		r.Recall = float64(r.Correct) / float64(r.Gold)
	}
	if r.Precision+r.Recall > 0 {
		r.F1 = 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
	}
	return r
}

// spans returns the token and sentence spans of a segmentation in non-white-space character
// positions.
func spans(sents []story.Sentence) (toks, ss []span) {
	base := 0
	for _, s := range sents {
		if s.Text == "" {
			// measured by forms only
			a := base
			for _, t := range s.Tokens {
				n := nonSpaceCount(t.Form)
				toks = append(toks, span{base, base + n})
				base += n
			}
			if base > a {
				ss = append(ss, span{a, base})
			}
			continue
		}
		bs := byteSpans(s)
		// prefix counts of non-space characters at each byte offset of s.Text
		pos := make([]int, len(s.Text)+1)
		c := 0
		for i := 0; i < len(s.Text); {
			r, w := utf8.DecodeRuneInString(s.Text[i:])
			for k := 0; k < w; k++ {
				pos[i+k] = c
			}
			if r == utf8.RuneError || !isSpaceRune(r) {
				c++
			}
			i += w
		}
		pos[len(s.Text)] = c
		for _, b := range bs {
			toks = append(toks, span{base + pos[b.a], base + pos[b.b]})
		}
		if c > 0 {
			ss = append(ss, span{base, base + c})
		}
		base += c
	}
	return toks, ss
}

// byteSpans returns each token's byte span in s.Text: its offsets when all are valid and in
// order, else an alignment of the forms to the text.
func byteSpans(s story.Sentence) []span {
	out := make([]span, 0, len(s.Tokens))
	valid := true
	prev := 0
	for _, t := range s.Tokens {
		if t.Start < prev || t.End < t.Start || t.End > len(s.Text) {
			valid = false
			break
		}
		prev = t.Start
		out = append(out, span{t.Start, t.End})
	}
	if valid {
		return out
	}
	out = out[:0]
	text := s.Text
	cur := 0
	for _, t := range s.Tokens {
		for cur < len(text) {
			r, w := utf8.DecodeRuneInString(text[cur:])
			if r == utf8.RuneError || !isSpaceRune(r) {
				break
			}
			cur += w
		}
		if t.Form != "" && strings.HasPrefix(text[cur:], t.Form) {
			out = append(out, span{cur, cur + len(t.Form)})
			cur += len(t.Form)
			continue
		}
		// the form is not written here: take the rest of the written word
		e := cur
		for e < len(text) {
			r, w := utf8.DecodeRuneInString(text[e:])
			if r != utf8.RuneError && isSpaceRune(r) {
				break
			}
			e += w
		}
		out = append(out, span{cur, e})
		cur = e
	}
	return out
}

func nonSpaceCount(s string) int {
	n := 0
	for _, r := range s {
		if r == utf8.RuneError || !isSpaceRune(r) {
			n++
		}
	}
	return n
}
