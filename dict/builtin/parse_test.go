package builtin

import (
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"unknown entry", "nation IRQ Iraq\n", "f.txt:1: unknown entry \"nation\""},
		{"bad country code", "country Iraq\n", "f.txt:1: country needs a code of three-letter parts"},
		{"lower-case code", "org igouno United Nations\n", "f.txt:1: org needs a code"},
		{"two-letter part", "org IGOAU African Union\n", "f.txt:1: org needs a code"},
		{"orphan attribute", "# header\n    name: Iraq\n", "f.txt:2: indented line outside an entry"},
		{"unknown key", "country IRQ Iraq\n    nickname: Mesopotamia\n", "f.txt:2: unknown key \"nickname\""},
		{"no colon", "country IRQ Iraq\n    Republic of Iraq\n", "f.txt:2: want key: value"},
		{"bad name", "country IRQ Iraq\n    name: Iraq|Irak\n", "f.txt:2: name \"Iraq|Irak\" contains \"|\""},
		{"bad date", "person Someone\n    code: IRQGOV 2001-13-01..2002-01-01\n", "f.txt:2: date range"},
		{"reversed dates", "person Someone\n    code: IRQGOV 2005-01-01..2002-01-01\n", "ends before it starts"},
		{"empty range", "person Someone\n    code: IRQGOV ..\n", "at least one date"},
		{"person without code", "person Someone\n    name: S. One\n", "f.txt:1: person \"Someone\" has no code: line"},
		{"bad agent spec", "agent GOV government\n    noun: government\n", "f.txt:1: agent needs ~CODE"},
		{"agent without nouns", "agent ~GOV government\n", "f.txt:1: agent \"government\" has no noun: line"},
		{"unclosed plural", "agent ~MIL military\n    noun: man {men\n", "f.txt:2: noun \"man {men\""},
		{"bad agent key", "agent ~MIL military\n    word: army\n", "f.txt:2: unknown agent key"},
		{"bad set name", "set Truce: truce\n", "f.txt:1: want set NAME"},
		{"undefined set", "set a: @b\n", "set a refers to undefined set @b"},
		{"cyclic set", "set a: @b\nset b: @a\n", "refers to itself"},
		{"bad form", "form fight\n", "f.txt:1: want form LEMMA"},
		{"twice form", "form fight: fought\nform fight: fought\n", "f.txt:2: forms of \"fight\" given twice"},
		{"bad transform", "transform say: a a b attack => a b 015\n", "f.txt:1: want transform VERB"},
		{"transform unbound", "transform say: a (b . attack) => a c 112\n", "result actor \"c\" is not a variable"},
		{"transform code", "transform say: a (b . attack) => a b 999\n", "\"999\" is not a CAMEO code"},
		{"transform outer", "transform say: . (b . attack) => b b 112\n", "f.txt:1: want transform VERB"},
		{"bad event code", "event 999 nothing\n", "f.txt:1: event needs CAMEO codes"},
		{"bad reverse code", "event 042:999 visit\n", "f.txt:1: event needs CAMEO codes"},
		{"no anchor", "event 190 fight\n    SRC attack TGT\n", "f.txt:2: pattern \"SRC attack TGT\" has no anchor"},
		{"two anchors", "event 190 fight\n    SRC *attack *raid TGT\n", "has two anchors"},
		{"no actor", "event 190 fight\n    *attack\n", "names no actor"},
		{"slot twice", "event 190 fight\n    SRC *attack TGT and TGT\n", "names TGT twice"},
		{"pair and source", "event 190 fight\n    PAIR *fight SRC\n", "PAIR stands for both sides"},
		{"stray possessive", "event 190 fight\n    SRC *attack 's TGT\n", "'s must follow"},
		{"undefined set in pattern", "event 190 fight\n    SRC *attack @nothing TGT\n", "uses undefined set @nothing"},
		{"bad word", "event 190 fight\n    SRC *attack w%rd TGT\n", "bad word \"w%rd\""},
		{"duplicate pattern", "event 190 fight\n    SRC *attack TGT\nevent 191 block\n    SRC *attack TGT\n", "f.txt:4: pattern \"SRC *attack TGT\" already written at f.txt:2"},
		{"duplicate name", "country IRQ Iraq\ncountry IRN Iran\n    name: iraq\n", "f.txt:3: name \"iraq\" already names the entry at f.txt:1"},
		{"noun is actor", "country IRQ Iraq\nagent ~GOV government\n    noun: iraq\n", "noun \"iraq\" is also the name of the actor"},
		{"noun hides actor", "country ISR Israel\n    adjective: Israeli\nagent ~SET settlers\n    noun: Israeli settler\n", "f.txt:4: noun \"Israeli settler\" begins with \"israeli\""},
		{"duplicate noun", "agent ~GOV government\n    noun: cabinet\nagent ~MIL military\n    noun: cabinet\n", "noun \"cabinet\" already belongs"},
		{"control character", "country IRQ Ir\x01aq\n", "f.txt:1: control character"},
		{"invalid UTF-8", "country IRQ Ir\xffaq\n", "f.txt:1: line is not valid UTF-8"},
		{"long line", "set a: " + strings.Repeat("x", MaxLineBytes) + "\n", "f.txt:1: line longer than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewSet()
			errs := append(s.Read("f.txt", []byte(tt.in)), s.Check()...)
			err := errors.Join(errs...)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one containing %q", err, tt.want)
			}
			var e *Error
			if !errors.As(errs[0], &e) || e.Pos.File != "f.txt" {
				t.Errorf("first error %#v does not name the file", errs[0])
			}
		})
	}
}

const sample = `# A small dictionary in Dyad's format.
country IRQ Iraq
    name: Republic of Iraq   # a comment
    adjective: Iraqi
    people: Iraqis
    capital: Baghdad
    short: =IQ

group IRQREB Islamic Army in Iraq
    short: =Islamic Army

person Osama bin Laden
    name: Bin Laden
    code: IMGMUSALQ 1988-08-11..2011-05-02

agent ~UAF armed groups
    noun: fighter; gunman {gunmen}; mujahideen {}

agent ~ representatives
    noun: spokesman {spokesmen}

set truce: truce; cease-fire; @pause
set pause: lull

form fight: fought

event 0871 declare a truce
    SRC *declare @truce
    PAIR *agree to @truce
    *truce between PAIR

event 190:190 fighting
    SRC *clash with TGT
    SRC be *involve in clash|fighting with TGT

event 1056 demand de-escalation
    SRC *call on|upon TGT to refrain|stop

event 010 statement
    SRC *say TGT

event 190 attack
    SRC *attack|raid TGT

event 110 disapprove
    SRC *claim TGT
    SRC be at *odds with TGT

event 195 air strike
    SRC 's *air_strike on TGT

transform say|claim: a (b . attack|raid) => a b 112
`

func TestReadSample(t *testing.T) {
	s := NewSet()
	if errs := append(s.Read("sample.txt", []byte(sample)), s.Check()...); len(errs) > 0 {
		t.Fatal(errors.Join(errs...))
	}
	if len(s.Actors) != 3 || len(s.Agents) != 2 || len(s.Sets) != 2 || len(s.Patterns) != 11 || len(s.Transforms) != 1 {
		t.Fatalf("read %d actors, %d agents, %d sets, %d patterns, %d transforms", len(s.Actors), len(s.Agents), len(s.Sets), len(s.Patterns), len(s.Transforms))
	}
	if tr := s.Transforms[0]; !slices.Equal(tr.Verbs, []string{"say", "claim"}) || tr.Outer != "a" || tr.Inner != [3]string{"b", ".", "attack|raid"} || tr.Result != [3]string{"a", "b", "112"} {
		t.Errorf("transform %+v", tr)
	}
	iraq := s.Actors[0]
	var kinds []string
	for _, n := range iraq.Names {
		kinds = append(kinds, n.Kind.String()+"="+n.Text)
	}
	if got := strings.Join(kinds, " "); got != "name=Iraq name=Republic of Iraq adjective=Iraqi people=Iraqis capital=Baghdad short=IQ" {
		t.Errorf("Iraq's names: %s", got)
	}
	if !iraq.Names[5].Exact || iraq.Names[1].Exact || iraq.Kind != Country || iraq.Code != "IRQ" {
		t.Errorf("Iraq entry %+v", iraq)
	}
	obl := s.Actors[2]
	if obl.Kind != Person || obl.Code != "" || len(obl.Codes) != 1 || obl.Codes[0] != (DatedCode{Code: "IMGMUSALQ", From: 19880811, To: 20110502, Line: 14}) {
		t.Errorf("bin Laden entry %+v", obl)
	}
	uaf := s.Agents[0]
	if uaf.Code != "UAF" || uaf.Prefix || len(uaf.Nouns) != 3 || uaf.Nouns[0].Plurals != nil ||
		!slices.Equal(uaf.Nouns[1].Plurals, []string{"gunmen"}) || uaf.Nouns[2].Plurals == nil || len(uaf.Nouns[2].Plurals) != 0 {
		t.Errorf("UAF agent %+v", uaf)
	}
	if s.Agents[1].Code != "" {
		t.Errorf("representative agent has code %q", s.Agents[1].Code)
	}
	if got := s.Sets["truce"].Items; !slices.Equal(got, []string{"truce", "cease-fire", "@pause"}) {
		t.Errorf("truce set %q", got)
	}
	var nominal []string
	for _, p := range s.Nominal() {
		nominal = append(nominal, p.Text)
	}
	if !slices.Equal(nominal, []string{"*truce between PAIR", "SRC 's *air_strike on TGT"}) {
		t.Errorf("nominal patterns %q", nominal)
	}
	p := s.Patterns[4]
	if p.Code != "190" || p.Reverse != "190" || p.Elems[1].Kind != Be || p.Elems[p.Anchor].Alts[0] != "involve" || p.Root() != "19" {
		t.Errorf("pattern %+v", p)
	}
}

func TestConvertSample(t *testing.T) {
	s := NewSet()
	if errs := append(s.Read("sample.txt", []byte(sample)), s.Check()...); len(errs) > 0 {
		t.Fatal(errors.Join(errs...))
	}
	d, err := s.Dictionary()
	if err != nil {
		t.Fatal(err)
	}
	patterns := func(form string) []string {
		var out []string
		for _, v := range d.Verbs(form) {
			for _, p := range d.Patterns(v) {
				out = append(out, p.String())
			}
		}
		return out
	}
	tests := []struct {
		form string
		want []string
	}{
		{"DECLARED", []string{"- * &TRUCE [0871]"}},
		{"AGREES", []string{"- % * (TO) &TRUCE [0871]"}},
		{"CLASHING", []string{"- * (WITH +) [190:190]"}},
		{"INVOLVED", []string{"predicate - * (IN) &(CLASH|FIGHTING) (WITH +) [190:190]"}},
		{"CALLED", []string{"- * (ON +) (TO) &(REFRAIN|STOP) [1056]", "- * (UPON +) (TO) &(REFRAIN|STOP) [1056]"}},
		{"FOUGHT", nil},
		{"TRUCE", []string{"noun - * (BETWEEN %) [0871]"}},
		{"ODDS", []string{"predicate - * AT (WITH +) [110]"}},
		{"STRIKES", []string{"noun - $ * (ON +) [195]"}},
	}
	for _, tt := range tests {
		if got := patterns(tt.form); !slices.Equal(got, tt.want) {
			t.Errorf("%s: patterns %q, want %q", tt.form, got, tt.want)
		}
	}
	var transforms []string
	for _, tr := range d.Transforms {
		transforms = append(transforms, tr.String())
	}
	if want := []string{"~ a (b . ATTACK) SAY = a b 112", "~ a (b . RAID) SAY = a b 112", "~ a (b . ATTACK) CLAIM = a b 112", "~ a (b . RAID) CLAIM = a b 112"}; !slices.Equal(transforms, want) {
		t.Errorf("transforms %q, want %q", transforms, want)
	}
	for _, v := range d.Verbs("SAID") {
		if v.Code == nil || v.Code.String() != "010" || len(d.Patterns(v)) != 0 {
			t.Errorf("SAID: verb code %v and %d patterns; want the bare line as the verb's code 010", v.Code, len(d.Patterns(v)))
		}
	}
	var members []string
	for _, m := range d.SynsetMembers("TRUCE") {
		members = append(members, m.Words.String())
	}
	if want := []string{"TRUCE", "TRUCES", "CEASE-FIRE", "CEASE-FIRES", "CEASE FIRE", "CEASE FIRES", "LULL", "LULLS"}; !slices.Equal(members, want) {
		t.Errorf("TRUCE members %q, want %q", members, want)
	}
	codeOf := func(phrase string, date int) string {
		ws := strings.Fields(phrase)
		m, ok := d.MatchAt(ws, 0)
		if !ok || m.Len != len(ws) {
			return "no match"
		}
		if m.Agent != nil {
			return "~" + m.Agent.Code
		}
		c, _ := m.Actor.CodeAt(date)
		return c.Code
	}
	for phrase, want := range map[string]string{
		"IRAQIS": "IRQ", "BAGHDAD": "IRQ", "ISLAMIC ARMY": "IRQREB", "BIN LADEN": "IMGMUSALQ",
		"GUNMEN": "~UAF", "FIGHTERS": "~UAF", "MUJAHIDEEN": "~UAF", "MUJAHIDEENS": "no match",
		"SPOKESMEN": "~", "IQ": "IRQ",
	} {
		if got := codeOf(phrase, 20050101); got != want {
			t.Errorf("%s codes %s, want %s", phrase, got, want)
		}
	}
	for _, v := range d.Verbs("STRIKES") {
		if v.Words.String() != "AIR STRIKE" || v.Head != 1 {
			t.Errorf("STRIKES: verb %s with head %d, want AIR STRIKE with head 1 (a compound noun's head is its last word)", v.Words, v.Head)
		}
	}
	// An exact-case name matches only as written when the coder knows the
	// words' forms.
	for _, form := range []string{"IQ", "iq", "Iq"} {
		_, ok := d.MatchFormsAt([]string{"IQ"}, []string{form}, 0)
		if ok != (form == "IQ") {
			t.Errorf("MatchFormsAt(%q) = %v", form, ok)
		}
	}
	if got := codeOf("BIN LADEN", 20150101); got != "" {
		t.Errorf("BIN LADEN in 2015 codes %q, want nothing", got)
	}
}

func TestParseFS(t *testing.T) {
	fsys := fstest.MapFS{
		"b/verbs.txt": {Data: []byte("event 190 fight\n    SRC *attack TGT\n")},
		"a.txt":       {Data: []byte("country IRQ Iraq\n")},
		"notes.md":    {Data: []byte("not a dictionary\n")},
		"c.txt":       {Data: []byte("bogus\n")},
	}
	s, err := Parse(fsys, "dicts")
	if err == nil || err.Error() != `dicts/c.txt:1: unknown entry "bogus" (want country, org, group, person, agent, set, form, transform or event)` {
		t.Fatalf("error %v", err)
	}
	if !slices.Equal(s.Files, []string{"dicts/a.txt", "dicts/b/verbs.txt", "dicts/c.txt"}) {
		t.Errorf("files read %q", s.Files)
	}
	fsys["c.txt"] = &fstest.MapFile{Data: []byte(strings.Repeat("# padding\n", MaxFileBytes/10+1))}
	if _, err := Parse(fsys, "dicts"); err == nil || !strings.Contains(err.Error(), "dicts/c.txt: file larger than") {
		t.Errorf("oversized file: error %v", err)
	}
}

func TestConvertErrors(t *testing.T) {
	tests := map[string]string{
		"event 190 fight\n    SRC *fight in|on|at|by|for|with TGT in|on|at|by|for|with\n":                                         "f.txt:2: pattern \"SRC *fight in|on|at|by|for|with TGT in|on|at|by|for|with\": alternative prepositions make more than 32 patterns",
		"transform say: a (b . attack) => a b 112\n":                                                                              "f.txt:1: transformation names unknown verb SAY",
		"event 190 fight\n    SRC *attack TGT\nevent 191 block\n    SRC *attack TGT at\nevent 192 take\n    SRC *attack TGT at\n": "f.txt:6: pattern \"SRC *attack TGT at\" matches like \"SRC *attack TGT at\" at f.txt:4",
	}
	for in, want := range tests {
		s := NewSet()
		if errs := s.Read("f.txt", []byte(in)); len(errs) > 0 {
			t.Fatalf("%q: %v", in, errors.Join(errs...))
		}
		if _, err := s.Dictionary(); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want %q", in, err, want)
		}
	}
}

func TestPhrases(t *testing.T) {
	tests := map[string][]string{
		"Iraq":                   {"IRAQ"},
		"al-Qaeda":               {"AL-QAEDA", "AL QAEDA"},
		"Guinea-Bissau":          {"GUINEA-BISSAU", "GUINEA BISSAU"},
		"Washington, D.C.":       {"WASHINGTON D.C."},
		"Lord's Resistance Army": {"LORD 'S RESISTANCE ARMY"},
		"-":                      {"-"},
	}
	for in, want := range tests {
		var got []string
		for _, p := range phrases(in) {
			got = append(got, p.String())
		}
		if !slices.Equal(got, want) {
			t.Errorf("phrases(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPlural(t *testing.T) {
	for in, want := range map[string]string{"fighter": "fighters", "militia": "militias", "party": "parties",
		"bus": "buses", "church": "churches", "day": "days", "ARMY": "ARMIES", "BOX": "BOXES"} {
		if got := plural(in); got != want {
			t.Errorf("plural(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestForms(t *testing.T) {
	c := &converter{s: &Set{Forms: map[string][]string{"fight": {"fought"}}}}
	for base, want := range map[string][]string{
		"FIGHT": {"FIGHT", "FIGHTS", "FIGHTED", "FIGHTING", "FOUGHT"},
		"STOP":  {"STOP", "STOPS", "STOPED", "STOPING", "STOPPED", "STOPPING"},
		"VISIT": {"VISIT", "VISITS", "VISITED", "VISITING", "VISITTED", "VISITTING"},
		"SAY":   {"SAY", "SAYS", "SAYED", "SAYING"},
	} {
		if got := c.forms(base); !slices.Equal(got, want) {
			t.Errorf("forms(%s) = %q, want %q", base, got, want)
		}
	}
}

// TestLocalNames checks that a local: name is marked for the coder
// (dict.Name.Local) while the entry's other names are not, and that an
// exact-case name may begin a lower-case agent noun ("=Labour", "labour
// union") where a name matched in any case may not.
func TestLocalNames(t *testing.T) {
	s := NewSet()
	in := "org GBRPTY British Labour Party\n    name: =New Labour\n    local: =Labour; Labour Party\nagent ~LAB labour\n    noun: labour union\n"
	if errs := append(s.Read("f.txt", []byte(in)), s.Check()...); len(errs) > 0 {
		t.Fatal(errors.Join(errs...))
	}
	d, err := s.Dictionary()
	if err != nil {
		t.Fatal(err)
	}
	local := map[string]bool{}
	for _, n := range d.Actors[0].Names {
		local[strings.Join(n.Words, " ")] = n.Local
	}
	want := map[string]bool{"BRITISH LABOUR PARTY": false, "NEW LABOUR": false, "LABOUR": true, "LABOUR PARTY": true}
	if !maps.Equal(local, want) {
		t.Errorf("local names %v, want %v", local, want)
	}
	// Two countries' parties may share a local name, not a name of
	// another kind.
	s = NewSet()
	in = "org GBRPTY British Conservative Party\n    local: Conservatives\norg CANPTY Conservative Party of Canada\n    local: Conservatives\n"
	if errs := append(s.Read("f.txt", []byte(in)), s.Check()...); len(errs) > 0 {
		t.Errorf("a shared local name: %v", errors.Join(errs...))
	} else if d, err := s.Dictionary(); err != nil {
		t.Error(err)
	} else if ms := d.MatchAllFormsAt([]string{"CONSERVATIVES"}, []string{"Conservatives"}, 0); len(ms) != 2 {
		t.Errorf("MatchAllFormsAt found %d actors, want both parties", len(ms))
	}
	s = NewSet()
	in = "org GBRPTY British Conservative Party\n    local: Conservatives\norg CANPTY Conservative Party of Canada\n    name: Conservatives\n"
	if err := errors.Join(append(s.Read("f.txt", []byte(in)), s.Check()...)...); err == nil || !strings.Contains(err.Error(), "already names") {
		t.Errorf("a local name shared with a name: error %v", err)
	}
	s = NewSet()
	in = "org GBRPTY British Labour Party\n    local: Labour\nagent ~LAB labour\n    noun: labour union\n"
	if err := errors.Join(append(s.Read("f.txt", []byte(in)), s.Check()...)...); err == nil || !strings.Contains(err.Error(), "begins with") {
		t.Errorf("a name of any case hidden by a noun: error %v", err)
	}
}
