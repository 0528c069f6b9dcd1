package coder

import (
	"github.com/dyad-events/dyad/dict"
	"github.com/dyad-events/dyad/story"
)

// storyIssueIgnores returns the issue sections cancelled for the whole story by a "~~" ignore
// phrase found in any of its sentences (§10, documented semantics).
func (c *Coder) storyIssueIgnores(sentWords [][]string) map[int]bool {
	out := map[int]bool{}
	for _, words := range sentWords {
		for p := 0; p < len(words); {
			n, is := c.set.Issues.Match(words[p:])
			if is == nil {
				p++
				continue
			}
			if is.Ignore == dict.IgnoreStory {
				out[is.Section] = true
			}
			p += n
		}
	}
	return out
}

// issues returns the issue codes of a sentence (its upper-cased words) with their counts, in order of first match (§10):
// phrases matched left to right on the sentence's tokens, consumed words skipped; a "~" ignore
// phrase cancels its section in this sentence, a "~~" one in the whole story.
func (c *Coder) issues(words []string, storyIgnores map[int]bool) []story.Issue {
	type hit struct {
		code    string
		section int
	}
	var hits []hit
	ignored := map[int]bool{}
	for p := 0; p < len(words); {
		n, is := c.set.Issues.Match(words[p:])
		if is == nil {
			p++
			continue
		}
		switch is.Ignore {
		case dict.NotIgnore:
			hits = append(hits, hit{is.Code, is.Section})
		default:
			ignored[is.Section] = true
		}
		p += n
	}
	var out []story.Issue
	for _, h := range hits {
		if ignored[h.section] || storyIgnores[h.section] {
			continue
		}
		found := false
		for i := range out {
			if out[i].Code == h.code {
				out[i].Count++
				found = true
			}
		}
		if !found {
			out = append(out, story.Issue{Code: h.code, Count: 1})
		}
	}
	return out
}
