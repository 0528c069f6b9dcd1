package coder

import (
	"github.com/dyad-events/dyad/dict"
	"github.com/dyad-events/dyad/story"
)

// issueScan is the result of matching the issue dictionary on one sentence (§10): phrases matched
// left to right on the sentence's tokens, consumed words skipped.
type issueScan struct {
	hits     []issueHit
	ignored  map[int]bool // sections cancelled in this sentence by a "~" phrase
	storyIgn []int        // sections cancelled in the whole story by a "~~" phrase
}

type issueHit struct {
	code    string
	section int
}

func (c *Coder) scanIssues(words []string, ids []int32) issueScan {
	var sc issueScan
	for p := 0; p < len(words); {
		var n int
		var is *dict.Issue
		if ids != nil {
			n, is = c.set.Issues.MatchIDs(ids[p:])
		} else {
			n, is = c.set.Issues.Match(words[p:])
		}
		if is == nil {
			p++
			continue
		}
		switch is.Ignore {
		case dict.NotIgnore:
			sc.hits = append(sc.hits, issueHit{is.Code, is.Section})
		case dict.IgnoreStory:
			sc.storyIgn = append(sc.storyIgn, is.Section)
			fallthrough
		default:
			if sc.ignored == nil {
				sc.ignored = map[int]bool{}
			}
			sc.ignored[is.Section] = true
		}
		p += n
	}
	return sc
}

// scanStoryIssues scans every sentence of a story once and returns the scans and the sections
// cancelled story-wide.
func (c *Coder) scanStoryIssues(sentWords [][]string, sentIDs [][]int32) ([]issueScan, map[int]bool) {
	scans := make([]issueScan, len(sentWords))
	storyIgn := map[int]bool{}
	for i, w := range sentWords {
		scans[i] = c.scanIssues(w, sentIDs[i])
		for _, s := range scans[i].storyIgn {
			storyIgn[s] = true
		}
	}
	return scans, storyIgn
}

// issuesOf returns a sentence's issue codes with their counts in order of first match: a "~"
// ignore phrase cancels its section in the sentence, a "~~" one in the whole story (the
// documented semantics, not PETRARCH2's "any ignore cancels all", §10).
func issuesOf(sc issueScan, storyIgnores map[int]bool) []story.Issue {
	var out []story.Issue
	for _, h := range sc.hits {
		if sc.ignored[h.section] || storyIgnores[h.section] {
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
