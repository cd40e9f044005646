package eval

import (
	"fmt"
	"io"
	"maps"
	"os"
	"strconv"
	"strings"
)

// PetrarchSuite is a PETRARCH validation file: the dictionaries it names
// and its records.
type PetrarchSuite struct {
	Name    string
	Env     PetrarchEnv
	Records []PetrarchRecord
}

// PetrarchEnv is the <Environment> block of a validation file: the
// dictionary files the records were written for (names relative to the
// dictionary directory) and the categories it includes.
type PetrarchEnv struct {
	Verbs    string   `json:"verbs,omitempty"`
	Actors   []string `json:"actors,omitempty"`
	Agents   []string `json:"agents,omitempty"`
	Discards string   `json:"discards,omitempty"`
	Issues   string   `json:"issues,omitempty"`
	Ontology string   `json:"ontology,omitempty"`
	Include  []string `json:"include,omitempty"`
}

// PetrarchRecord is one <Sentence> of a validation file.
type PetrarchRecord struct {
	ID       string
	Category string // the category attribute, or the older source attribute
	Date     int    // YYYYMMDD, 0 if missing or malformed
	// Evaluate is false for records the file marks evaluate="false" (or,
	// in the older files, sentence="false").
	Evaluate bool
	Text     string // whitespace collapsed
	Parse    string // the CoNLL-U lines of <Parse>
	Expected []PetrarchEvent
	NoEvents bool   // <EventCoding noevents="True">
	Error    string // <EventCoding error="..."> (dateline, storydiscard...)
	// Options are the <Config> options of the record: those of the
	// <Environment>, overridden by the <Config option="..." value="..."/>
	// elements between the previous record and this one. (The files place
	// each <Config> just before the record that tests it; PETRARCH's own
	// validation scripts read no <Config> at all.)
	Options map[string]string
	Line    int // line of the <Sentence> tag
}

// PetrarchEvent is an expected or coded event: source and target actor
// codes and the event code.
type PetrarchEvent struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Code   string `json:"code"`
}

func (e PetrarchEvent) String() string { return e.Code + " " + e.Source + " " + e.Target }

// Bounds on validation files, which are untrusted input.
const (
	maxSuiteBytes   = 64 << 20
	maxSuiteRecords = 100000
	maxRecordEvents = 1000
)

// readPetrarchFile reads the validation file at path.
func readPetrarchFile(path string) (*PetrarchSuite, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return ReadPetrarchSuite(fh, path)
}

// ReadPetrarchSuite reads a PETRARCH validation file. It does not require
// well-formed XML — several of the shared files are not — but scans for the
// elements it knows: <Environment>, <Config>, <Sentence> with its
// <EventCoding>, <Text> and <Parse>. Comments end at the first "-->".
// Errors name the file and line.
func ReadPetrarchSuite(r io.Reader, name string) (*PetrarchSuite, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxSuiteBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > maxSuiteBytes {
		return nil, fmt.Errorf("%s: larger than %d bytes", name, maxSuiteBytes)
	}
	sc := &xmlScanner{src: string(data), name: name, line: 1}
	suite := &PetrarchSuite{Name: name}
	envOptions := map[string]string{}
	pending := map[string]string{}
	var rec *PetrarchRecord
	inEnv := false
	for {
		tag, ok := sc.nextTag()
		if !ok {
			break
		}
		switch tag.name {
		case "Environment":
			inEnv = !tag.closing
		case "Verbfile", "Actorfile", "Agentfile", "Discardfile", "Issuefile", "PICOfile", "Include":
			if tag.closing || !inEnv {
				continue
			}
			v := strings.TrimSpace(sc.textUntil("</" + tag.name))
			switch tag.name {
			case "Verbfile":
				suite.Env.Verbs = v
			case "Actorfile":
				suite.Env.Actors = splitList(v)
			case "Agentfile":
				suite.Env.Agents = splitList(v)
			case "Discardfile":
				suite.Env.Discards = v
			case "Issuefile":
				suite.Env.Issues = v
			case "PICOfile":
				suite.Env.Ontology = v
			case "Include":
				suite.Env.Include = strings.Fields(v)
			}
		case "Config":
			if opt, ok := tag.attrs["option"]; ok && !tag.closing {
				k, v := strings.ToLower(strings.TrimSpace(opt)), strings.TrimSpace(tag.attrs["value"])
				if inEnv {
					envOptions[k] = v
				} else {
					pending[k] = v
				}
			}
		case "Sentence":
			if tag.closing {
				if rec != nil {
					suite.Records = append(suite.Records, *rec)
					rec = nil
				}
				continue
			}
			if rec != nil {
				// An unclosed record ends where the next one starts.
				suite.Records = append(suite.Records, *rec)
			}
			if len(suite.Records) >= maxSuiteRecords {
				return nil, fmt.Errorf("%s:%d: more than %d records", name, tag.line, maxSuiteRecords)
			}
			rec = &PetrarchRecord{
				ID:       tag.attrs["id"],
				Category: tag.attrs["category"],
				Evaluate: !strings.EqualFold(tag.attrs["evaluate"], "false") && !strings.EqualFold(tag.attrs["sentence"], "false"),
				Options:  maps.Clone(envOptions),
				Line:     tag.line,
			}
			maps.Copy(rec.Options, pending)
			clear(pending)
			if rec.Category == "" {
				rec.Category = tag.attrs["source"]
			}
			if d, err := strconv.Atoi(strings.TrimSpace(tag.attrs["date"])); err == nil && d > 10000000 && d < 100000000 {
				rec.Date = d
			}
		case "EventCoding":
			if rec == nil || tag.closing {
				continue
			}
			a := tag.attrs
			switch {
			case a["error"] != "":
				rec.Error = strings.TrimSpace(a["error"])
			case strings.EqualFold(a["noevents"], "true"):
				rec.NoEvents = true
			case a["eventcode"] != "" || a["sourcecode"] != "" || a["targetcode"] != "":
				if len(rec.Expected) >= maxRecordEvents {
					return nil, fmt.Errorf("%s:%d: more than %d expected events", name, tag.line, maxRecordEvents)
				}
				rec.Expected = append(rec.Expected, PetrarchEvent{
					Source: actorCode(a["sourcecode"]),
					Target: actorCode(a["targetcode"]),
					Code:   strings.TrimSpace(a["eventcode"]),
				})
			}
		case "Text":
			if rec == nil || tag.closing {
				continue
			}
			rec.Text = strings.Join(strings.Fields(decodeEntities(sc.textUntil("</Text"))), " ")
		case "Parse":
			if rec == nil || tag.closing {
				continue
			}
			rec.Parse = strings.Trim(sc.textUntil("</Parse"), "\r\n")
		}
	}
	if rec != nil {
		suite.Records = append(suite.Records, *rec)
	}
	if len(suite.Records) == 0 {
		return nil, fmt.Errorf("%s: no <Sentence> records", name)
	}
	return suite, nil
}

// actorCode normalises an expected actor code: "~" (an isolated agent) and
// an empty code are the null code.
func actorCode(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return "---"
	}
	return strings.ReplaceAll(s, "~", "---")
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// xmlScanner walks the tags of XML-like text without requiring it to be
// well-formed.
type xmlScanner struct {
	src  string
	pos  int
	line int
	name string
}

type xmlTag struct {
	name    string
	closing bool
	attrs   map[string]string
	line    int
}

// advance moves pos to p, counting newlines.
func (s *xmlScanner) advance(p int) {
	if p > len(s.src) {
		p = len(s.src)
	}
	s.line += strings.Count(s.src[s.pos:p], "\n")
	s.pos = p
}

// nextTag returns the next start, end or empty-element tag, skipping
// comments, processing instructions and text.
func (s *xmlScanner) nextTag() (xmlTag, bool) {
	for {
		i := strings.IndexByte(s.src[s.pos:], '<')
		if i < 0 {
			s.advance(len(s.src))
			return xmlTag{}, false
		}
		s.advance(s.pos + i)
		rest := s.src[s.pos:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			j := strings.Index(rest[4:], "-->")
			if j < 0 {
				s.advance(len(s.src))
				return xmlTag{}, false
			}
			s.advance(s.pos + 4 + j + 3)
			continue
		case strings.HasPrefix(rest, "<?"), strings.HasPrefix(rest, "<!"):
			j := strings.IndexByte(rest, '>')
			if j < 0 {
				s.advance(len(s.src))
				return xmlTag{}, false
			}
			s.advance(s.pos + j + 1)
			continue
		}
		// The tag ends at the next '>', unless a '<' comes first: then the
		// first '<' was stray text. Looking for both keeps the scan linear.
		j := strings.IndexAny(rest[1:], "<>")
		if j < 0 {
			s.advance(len(s.src))
			return xmlTag{}, false
		}
		j++
		if rest[j] == '<' {
			s.advance(s.pos + j)
			continue
		}
		body := rest[1:j]
		t := xmlTag{line: s.line}
		s.advance(s.pos + j + 1)
		if strings.HasPrefix(body, "/") {
			t.closing = true
			body = body[1:]
		}
		body = strings.TrimSuffix(strings.TrimSpace(body), "/")
		nameEnd := strings.IndexAny(body, " \t\r\n")
		if nameEnd < 0 {
			nameEnd = len(body)
		}
		t.name = body[:nameEnd]
		if t.name == "" {
			continue
		}
		t.attrs = parseAttrs(body[nameEnd:])
		return t, true
	}
}

// textUntil returns the raw text up to the next occurrence of end (or the
// end of input) and moves past it and its closing '>'.
func (s *xmlScanner) textUntil(end string) string {
	rest := s.src[s.pos:]
	i := strings.Index(rest, end)
	if i < 0 {
		s.advance(len(s.src))
		return rest
	}
	text := rest[:i]
	after := s.pos + i
	if k := strings.IndexByte(s.src[after:], '>'); k >= 0 {
		after += k + 1
	} else {
		after = len(s.src)
	}
	s.advance(after)
	return text
}

// parseAttrs reads name="value" pairs, also accepting single quotes and
// unquoted values.
func parseAttrs(s string) map[string]string {
	attrs := map[string]string{}
	for {
		s = strings.TrimLeft(s, " \t\r\n")
		eq := strings.IndexByte(s, '=')
		if eq <= 0 {
			return attrs
		}
		key := strings.TrimSpace(s[:eq])
		s = strings.TrimLeft(s[eq+1:], " \t\r\n")
		var val string
		if s != "" && (s[0] == '"' || s[0] == '\'') {
			q := s[0]
			k := strings.IndexByte(s[1:], q)
			if k < 0 {
				val, s = s[1:], ""
			} else {
				val, s = s[1:1+k], s[2+k:]
			}
		} else {
			k := strings.IndexAny(s, " \t\r\n")
			if k < 0 {
				k = len(s)
			}
			val, s = s[:k], s[k:]
		}
		if f := strings.Fields(key); len(f) > 0 {
			attrs[f[len(f)-1]] = decodeEntities(val)
		}
		if len(attrs) > 64 {
			return attrs
		}
	}
}

var entities = strings.NewReplacer("&quot;", `"`, "&apos;", "'", "&lt;", "<", "&gt;", ">", "&amp;", "&")

func decodeEntities(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return entities.Replace(s)
}
