package dict

import (
	"io"
	"regexp"
	"strings"
)

// maxIssueForms bounds the phrases one issue line may expand to.
const maxIssueForms = 256

var categoryAttr = regexp.MustCompile(`(?i)CATEGORY\s*=\s*"([^"]*)"`)

// ReadIssues reads an issue dictionary (§10). "<ISSUE CATEGORY="..." ...>" and "</ISSUE>" delimit
// sections; "PHRASE [CODE]" lines are issue phrases; "~PHRASE" and "~~PHRASE" are sentence- and
// story-level ignore phrases of the enclosing section. In phrases, "n:WORD" expands to the word
// and its plural, "v:WORD" to the base, third person, past and gerund forms, and "A+B" to both
// "A B" (two tokens) and "A-B" (one token); markers combine. A phrase repeated with another code
// is reported and the first is kept. err is non-nil only when r fails or holds binary or UTF-16 data (ErrBinary, ErrUTF16).
func ReadIssues(r io.Reader, name string) (*Issues, []Problem, error) {
	lr, err := newLineReader(r, name)
	if err != nil {
		return nil, nil, err
	}
	is := &Issues{}
	seen := map[string]bool{}
	category, section, inSection := "", 0, false
	for lr.next() {
		t := strings.TrimSpace(lr.text)
		up := strings.ToUpper(t)
		switch {
		case strings.HasPrefix(up, "<ISSUE"):
			if inSection {
				lr.warnf("<ISSUE> section opened before the previous one was closed")
			}
			section++
			inSection = true
			category = ""
			if m := categoryAttr.FindStringSubmatch(t); m != nil {
				category = strings.ToUpper(m[1])
			} else {
				lr.warnf("<ISSUE> section without CATEGORY=\"...\"")
			}
			continue
		case strings.HasPrefix(up, "</ISSUE"):
			if !inSection {
				lr.warnf("</ISSUE> without an open section")
			}
			inSection, category = false, ""
			continue
		}
		ign := NotIgnore
		switch {
		case strings.HasPrefix(t, "~~"):
			ign, t = IgnoreStory, t[2:]
		case strings.HasPrefix(t, "~"):
			ign, t = IgnoreSentence, t[1:]
		}
		head, items, bad := bracketItems(t)
		if bad != "" {
			lr.errorf("bad issue line: %s; skipped", bad)
			continue
		}
		code := ""
		switch {
		case ign != NotIgnore && len(items) > 0:
			lr.warnf("ignore phrase with a code [%s]; the code is ignored", items[0])
		case ign == NotIgnore && len(items) == 0:
			lr.warnf("issue line %q has no [CODE]; skipped", shorten(t))
			continue
		case ign == NotIgnore:
			if len(items) > 1 {
				lr.errorf("issue line has %d codes; the first is used", len(items))
			}
			code = strings.ToUpper(items[0])
			if code == "" || strings.ContainsAny(code, " \t") {
				lr.errorf("bad issue code [%s]; skipped", items[0])
				continue
			}
		}
		forms, ok := lr.issueForms(head)
		if !ok {
			continue
		}
		if code != "" && !seen[code] {
			seen[code] = true
			is.codes = append(is.codes, code)
		}
		for _, words := range forms {
			x := Issue{Phrase: strings.Join(words, " "), Code: code, Ignore: ign, Category: category, Section: section, Pos: lr.pos()}
			if !inSection {
				x.Section = 0
			}
			if v, ok := is.trie.Get(words); ok {
				old := &is.issues[v]
				if old.Code != x.Code || old.Ignore != x.Ignore || old.Section != x.Section {
					lr.warnf("issue phrase %q already defined at %s; the first definition is kept", x.Phrase, old.Pos)
				}
				continue
			}
			is.trie.Insert(words, int32(len(is.issues)))
			is.issues = append(is.issues, x)
		}
	}
	return is, lr.problems, nil
}

// issueForms expands the n:, v: and + markers of an issue phrase into token sequences.
func (lr *lineReader) issueForms(s string) ([][]string, bool) {
	words := strings.FieldsFunc(strings.ToUpper(s), func(r rune) bool { return r == ' ' || r == '\t' || r == '_' })
	if len(words) == 0 {
		lr.errorf("issue line without a phrase; skipped")
		return nil, false
	}
	forms := [][]string{nil}
	for _, w := range words {
		alts := issueWord(w)
		if len(alts) == 0 {
			lr.errorf("bad word %q in issue phrase (empty part, bracket, or more than %d forms); line skipped", w, maxIssueForms)
			return nil, false
		}
		if len(forms)*len(alts) > maxIssueForms {
			lr.errorf("issue phrase expands to more than %d forms; skipped", maxIssueForms)
			return nil, false
		}
		next := make([][]string, 0, len(forms)*len(alts))
		for _, f := range forms {
			for _, a := range alts {
				next = append(next, append(append([]string{}, f...), a...))
			}
		}
		forms = next
	}
	return forms, true
}

// issueWord returns the token sequences one marked word stands for.
func issueWord(w string) [][]string {
	if i := strings.IndexByte(w, '+'); i >= 0 {
		left, right := issueWord(w[:i]), issueWord(w[i+1:])
		if len(left)*len(right)*2 > maxIssueForms {
			return nil
		}
		var out [][]string
		for _, l := range left {
			for _, r := range right {
				out = append(out, append(append([]string{}, l...), r...))
				// The hyphenated form joins the last token of l and the first of r.
				j := append(append([]string{}, l[:len(l)-1]...), l[len(l)-1]+"-"+r[0])
				out = append(out, append(j, r[1:]...))
			}
		}
		return out
	}
	switch {
	case strings.HasPrefix(w, "N:"):
		b := w[2:]
		if b == "" {
			return nil
		}
		return [][]string{{b}, {pluralNoun(b)}}
	case strings.HasPrefix(w, "V:"):
		b := w[2:]
		if b == "" {
			return nil
		}
		t, p, g := verbForms(b)
		return [][]string{{b}, {t}, {p}, {g}}
	case w == "" || strings.ContainsAny(w, "[]{}"):
		return nil
	}
	return [][]string{{w}}
}
