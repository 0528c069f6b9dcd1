package ingest

import (
	"regexp"
	"strings"
	"sync"
	"time"

	dps "github.com/markusmobius/go-dateparser"
)

// Precision is how much of a date a string gave.
type Precision int

// Precisions of ParseDate.
const (
	PrecisionNone Precision = iota
	PrecisionYear
	PrecisionMonth
	PrecisionDay
)

func (p Precision) String() string {
	switch p {
	case PrecisionYear:
		return "year"
	case PrecisionMonth:
		return "month"
	case PrecisionDay:
		return "day"
	}
	return "none"
}

// Layouts tried before go-dateparser, most common first (ISO 8601, RFC 1123/822 as in RSS,
// news-style dates).
var dateLayouts = []string{
	time.RFC3339,
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04",
	time.DateOnly,
	"2006/01/02",
	"20060102",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"2 Jan 2006 15:04:05 -0700",
	time.RFC822Z,
	time.RFC822,
	"January 2, 2006",
	"Jan 2, 2006",
	"Jan. 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
	"Monday, January 2, 2006",
	"Monday, 2 January 2006",
}

var (
	reYearMonth = regexp.MustCompile(`^(\d{4})-(\d{2})$`)
	reYear      = regexp.MustCompile(`^\d{4}$`)
	// Ranges, decades and hedges that name no single day: "2001-2021", "1980s",
	// "c. 2017-2018", "exact date unknown".
	reVague = regexp.MustCompile(`(?i)\b\d{4}\s*[-–—/]\s*\d{4}\b|\b\d{4}s\b|\bunknown\b|\bc\.\s*\d|\bcirca\b|\bapprox|\bundated\b|\bn\.d\.`)
	// "Sept." is not in Go's layouts.
	reSept = regexp.MustCompile(`(?i)\bsept\b\.?`)
)

var (
	dpOnce   sync.Once
	dpParser *dps.Parser
	dpConfig *dps.Configuration
)

// ParseDate reads a publication date and returns it at midnight UTC of its calendar day (the
// day as written, whatever the time zone), with its precision. It accepts ISO 8601 dates and
// times, RFC 1123/822 (RSS), news styles ("Feb. 20, 2015", "20 February 2015"), partial ISO
// dates ("2010-09" → 2010-09-01, PrecisionMonth; "2010" → PrecisionYear), and other English or
// foreign forms through go-dateparser in strict mode (day, month and year required, nothing
// relative such as "yesterday"). Ranges, decades and hedged dates ("2001-2021", "1980s",
// "c. 2017-2018 (exact date unknown)", "unknown") are unreadable: ok is false.
func ParseDate(s string) (t time.Time, prec Precision, ok bool) {
	return parseDate(s, false)
}

// quickDate is ParseDate without go-dateparser: Go layouts only, for scanning many lines.
func quickDate(s string) (time.Time, Precision, bool) {
	return parseDate(s, true)
}

func parseDate(s string, quick bool) (t time.Time, prec Precision, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 200 {
		return time.Time{}, PrecisionNone, false
	}
	for _, l := range dateLayouts {
		if tt, err := time.Parse(l, s); err == nil {
			return day(tt), PrecisionDay, plausible(tt)
		}
	}
	if m := reYearMonth.FindStringSubmatch(s); m != nil {
		if tt, err := time.Parse("2006-01", s); err == nil {
			return day(tt), PrecisionMonth, plausible(tt)
		}
		return time.Time{}, PrecisionNone, false
	}
	if reYear.MatchString(s) {
		tt, _ := time.Parse("2006", s)
		return day(tt), PrecisionYear, plausible(tt)
	}
	if reVague.MatchString(s) {
		return time.Time{}, PrecisionNone, false
	}
	s2 := reSept.ReplaceAllString(s, "Sep")
	for _, l := range dateLayouts[18:] {
		if tt, err := time.Parse(l, s2); err == nil {
			return day(tt), PrecisionDay, plausible(tt)
		}
	}
	if quick {
		return time.Time{}, PrecisionNone, false
	}
	dpOnce.Do(func() {
		dpParser = &dps.Parser{ParserTypes: []dps.ParserType{dps.CustomFormat, dps.AbsoluteTime}}
		dpConfig = &dps.Configuration{
			StrictParsing:       true,
			RequiredParts:       []string{"day", "month", "year"},
			DefaultTimezone:     time.UTC,
			CurrentTime:         time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
			PreferredDateSource: dps.CurrentPeriod,
		}
	})
	d, err := dpParser.Parse(dpConfig, s)
	if err != nil || d.IsZero() {
		return time.Time{}, PrecisionNone, false
	}
	return day(d.Time), PrecisionDay, plausible(d.Time)
}

// day keeps the calendar day as written.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// plausible rejects years no news story has (PETRARCH data reach back to the 1940s; we allow
// 1800..2200).
func plausible(t time.Time) bool {
	y := t.Year()
	return y >= 1800 && y <= 2200
}
