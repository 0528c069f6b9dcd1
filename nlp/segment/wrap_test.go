package segment

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/sharedtest"
)

// TestSplitWrapped checks single line breaks: inside a hard-wrapped paragraph of running text
// they are spaces; after headlines, bylines, list items, lines of one sentence each (lines wider
// than maxWrapWidth) and in lists of headlines they still end the sentence; blank lines always
// do.
func TestSplitWrapped(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"wrapped running text",
			"The foreign ministry in Ankara said on Monday that Turkey condemned\nSyria for the attack, and officials in Tehran said Iran threatened\nIsrael with retaliation.\n",
			"The foreign ministry in Ankara said on Monday that Turkey condemned Syria for the attack , and officials in Tehran said Iran threatened Israel with retaliation ."},
		{"hand-wrapped, CRLF, two sentences",
			"Officials in Brasilia said the talks with Argentina went well, a US Deputy\r\nSecretary of Energy told reporters on Tuesday. The two countries\r\nwill sign the agreement in Buenos Aires next month.\r\n",
			"Officials in Brasilia said the talks with Argentina went well , a US Deputy Secretary of Energy told reporters on Tuesday . | The two countries will sign the agreement in Buenos Aires next month ."},
		{"abbreviation and ellipsis at a wrapped line's end",
			"Protesters gathered outside the building that houses the U.S.\nEmbassy in Ankara on Friday, and the police said the crowd grew ...\nand grew until the evening, when it left the square in silence.\n",
			"Protesters gathered outside the building that houses the U.S. Embassy in Ankara on Friday , and the police said the crowd grew ... and grew until the evening , when it left the square in silence ."},
		{"short line: headline, byline, dateline",
			"Turkey condemns Syria\nBy Jane Doe and John Smith\nANKARA (Reuters) - The foreign ministry in Ankara said on Monday that\nTurkey condemned Syria for the attack on the border town of Akcakale.",
			"Turkey condemns Syria | By Jane Doe and John Smith | ANKARA ( Reuters ) - | The foreign ministry in Ankara said on Monday that Turkey condemned Syria for the attack on the border town of Akcakale ."},
		{"title-case headline as long as the lines",
			"Turkey Condemns Syria for the Attack on the Border Town\nThe foreign ministry in Ankara said on Monday that Turkey condemned\nSyria for the attack on the border town of Akcakale on Sunday.",
			"Turkey Condemns Syria for the Attack on the Border Town | The foreign ministry in Ankara said on Monday that Turkey condemned Syria for the attack on the border town of Akcakale on Sunday ."},
		{"a list of headlines (no final punctuation) is no running text",
			"Turkey condemns Syria over deadly border attack\nIran threatens Israel with retaliation for strike\nUnited Nations calls for calm in the region",
			"Turkey condemns Syria over deadly border attack | Iran threatens Israel with retaliation for strike | United Nations calls for calm in the region"},
		{"list items after a colon",
			"The ministry listed its demands on Monday in a statement to the press:\n- Syria must withdraw its troops from the border region at once\n- Iran must stop sending weapons to the militias in the region.\n",
			"The ministry listed its demands on Monday in a statement to the press : | - Syria must withdraw its troops from the border region at once | - Iran must stop sending weapons to the militias in the region ."},
		{"numbered list items and bullets",
			"1. Syria must withdraw its troops from the border region at once\n2) Iran must stop sending weapons to the militias in the region\n• Israel must allow the inspectors into the sites this month.",
			"1 . | Syria must withdraw its troops from the border region at once | 2 ) Iran must stop sending weapons to the militias in the region | • Israel must allow the inspectors into the sites this month ."},
		{"one sentence a line: lines wider than a wrapping column",
			"Officials in Tehran said on Monday that Iran would not accept any new sanctions from the United Nations or the European Union, according to a university official in Tehran\nThe talks will resume in Geneva next week, the foreign ministry said on Tuesday in a statement to the press.",
			"Officials in Tehran said on Monday that Iran would not accept any new sanctions from the United Nations or the European Union , according to a university official in Tehran | The talks will resume in Geneva next week , the foreign ministry said on Tuesday in a statement to the press ."},
		{"full lines up to a short line without final punctuation are no running text",
			"Turkey condemns Syria over the deadly border attack in Akcakale\nIran threatens Israel\nThe foreign ministry said on Monday that it condemned the attack.",
			"Turkey condemns Syria over the deadly border attack in Akcakale | Iran threatens Israel | The foreign ministry said on Monday that it condemned the attack ."},
		{"title case inside running text: names",
			"The talks were chaired by the head of the United Nations Security Council\nWorking Group on Peacekeeping Operations and the European Union\nSpecial Representative for the Middle East Peace Process, officials said.",
			"The talks were chaired by the head of the United Nations Security Council Working Group on Peacekeeping Operations and the European Union Special Representative for the Middle East Peace Process , officials said ."},
		{"blank lines are hard boundaries",
			"The foreign ministry in Ankara said on Monday that Turkey condemned\n\nSyria for the attack, and officials in Tehran said Iran threatened\n\nIsrael with retaliation.",
			"The foreign ministry in Ankara said on Monday that Turkey condemned | Syria for the attack , and officials in Tehran said Iran threatened | Israel with retaliation ."},
		{"a line of emoticons or symbols ends its sentence",
			"I think the women at this salon know their business comes from referrals. :)\nThey were amazingly hospitable to all of us on that long afternoon.",
			"I think the women at this salon know their business comes from referrals . :) | They were amazingly hospitable to all of us on that long afternoon ."},
	} {
		ss := Split(c.in)
		checkOffsets(t, c.in, ss)
		if got := forms(ss); got != c.want {
			t.Errorf("%s: Split(%q)\n got: %s\nwant: %s", c.name, c.in, got, c.want)
		}
	}
	// offsets: the sentence spans the line breaks, which stay in its text
	in := "The foreign ministry in Ankara said on Monday that Turkey condemned\nSyria for the attack.\n"
	want := "[0:89] The/0:3 foreign/4:11 ministry/12:20 in/21:23 Ankara/24:30 said/31:35 on/36:38 Monday/39:45 that/46:50 Turkey/51:57 condemned/58:67 Syria/68:73 for/74:77 the/78:81 attack/82:88_ ./88:89"
	if got := offsetForms(Split(in)); got != want {
		t.Errorf("Split(%q)\n got: %s\nwant: %s", in, got, want)
	}
}

// TestSplitPetrarchText splits the <Text> blocks of the PETRARCH sample and unit-test records as
// they are written, hard-wrapped at about 80 columns: each block is one sentence (PETRARCH codes
// sentence by sentence), except in the unit-test records one text that has no final period and
// one that starts with the dateline "CEBU CITY:".
func TestSplitPetrarchText(t *testing.T) {
	re := regexp.MustCompile(`(?s)<Text>\s*(.*?)</Text>`)
	for _, c := range []struct {
		file     string
		maxSplit int
	}{
		{"data/petrarch2/GigaWord.sample.PETR.xml", 0},
		{"data/petrarch2/PETR.UnitTest.records.xml", 2},
	} {
		b, err := os.ReadFile(sharedtest.Path(t, c.file))
		if err != nil {
			t.Fatal(err)
		}
		texts, split := 0, 0
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			if strings.TrimSpace(m[1]) == "" {
				continue
			}
			texts++
			if ss := Split(m[1]); len(ss) != 1 {
				split++
				t.Logf("%s: %d sentences: %q", c.file, len(ss), m[1])
			}
		}
		if texts < 50 || split > c.maxSplit {
			t.Errorf("%s: %d of %d texts split into several sentences, want at most %d", c.file, split, texts, c.maxSplit)
		}
	}
}

// BenchmarkSplitWrapped splits the shared news articles hard-wrapped at 72 columns, where every
// line break asks wrappedLine.
func BenchmarkSplitWrapped(b *testing.B) { benchSplit(b, 72) }

// TestSplitNewsWrapped hard-wraps the shared news articles (one sentence or paragraph a line)
// at 72 columns and checks that the sentences stay those of the unwrapped text (sentence boundary
// F1 of Score: 0.994; 0.844 before wrapped lines were recognised).
func TestSplitNewsWrapped(t *testing.T) {
	text := strings.Join(newsCorpus(t), "\n\n")
	sc := Score(Split(text), Split(hardWrap(text, 72)))
	t.Logf("sentences P=%.4f R=%.4f F1=%.4f (unwrapped %d, wrapped %d)", sc.Sentences.Precision, sc.Sentences.Recall,
		sc.Sentences.F1, sc.Sentences.Gold, sc.Sentences.Predicted)
	if sc.Sentences.F1 < 0.99 || sc.Tokens.F1 < 0.9999 {
		t.Errorf("wrapped news: sentence F1 %.4f (want >= 0.99), token F1 %.4f (want 1)", sc.Sentences.F1, sc.Tokens.F1)
	}
}
