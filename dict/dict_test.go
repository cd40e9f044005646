package dict

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// loadTest loads the test set in testdata through its PETR_config.ini.
func loadTest(t testing.TB) *Dictionary {
	t.Helper()
	f, err := FilesFromDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Load(f)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestFilesFromDir(t *testing.T) {
	f, err := FilesFromDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	want := Files{
		Actors:   []string{filepath.Join("testdata", "actors.txt")},
		Agents:   []string{filepath.Join("testdata", "agents.txt")},
		Verbs:    []string{filepath.Join("testdata", "verbs.txt")},
		Discards: []string{filepath.Join("testdata", "discards.txt")},
		Issues:   []string{filepath.Join("testdata", "issues.txt")},
		Ontology: filepath.Join("testdata", "ontology.txt"),
	}
	if !slices.Equal(f.Actors, want.Actors) || !slices.Equal(f.Verbs, want.Verbs) || f.Ontology != want.Ontology ||
		!slices.Equal(f.Agents, want.Agents) || !slices.Equal(f.Discards, want.Discards) || !slices.Equal(f.Issues, want.Issues) {
		t.Errorf("FilesFromDir = %+v, want %+v", f, want)
	}
	if _, err := FilesFromDir(t.TempDir()); !errors.Is(err, ErrNoConfig) {
		t.Errorf("FilesFromDir(empty dir) error = %v, want ErrNoConfig", err)
	}
}

func TestMatchAt(t *testing.T) {
	d := loadTest(t)
	tests := []struct {
		words      string
		at         int
		name       string // matched name, "" for none
		actor      bool
		length     int
		code       string // actor code on date, or agent code
		date       int
		wantPrefix bool
	}{
		{words: "VALDORIA", name: "VALDORIA", actor: true, length: 1, code: "VAL"},
		{words: "THE VALDORIAN ARMY", at: 1, name: "VALDORIAN", actor: true, length: 1, code: "VAL"},
		{words: "THE VALDORIAN ARMY", at: 2, name: "ARMY", length: 1, code: "MIL"},
		{words: "NORTH MARSK", name: "NORTH_MARSK", actor: true, length: 2, code: "NMK"},
		{words: "MARSK", name: "MARSK", actor: true, length: 1, code: "MRK"},
		{words: "PORT ELLIS", name: "PORT_ELLIS", actor: true, length: 2, code: "VAL"},
		{words: "IRENE KOVAC", name: "IRENE_KOVAC", actor: true, length: 2, code: "VALGOV", date: 20050101},
		{words: "IRENE KOVAC", name: "IRENE_KOVAC", actor: true, length: 2, code: "VALELI", date: 20110101},
		{words: "IRENE KOVAC", name: "IRENE_KOVAC", actor: true, length: 2, code: "VALOPP", date: 19900101},
		{words: "IRENE KOVAC", name: "IRENE_KOVAC", actor: true, length: 2, code: "VALOPP"},
		// Blanks in a name allow words between its words.
		{words: "TELEVISION OF STATE-RUN VALDORIA", name: "TELEVISION OF VALDORIA", actor: true, length: 4, code: "VALMED"},
		{words: "POLICE", name: "POLICE", length: 1, code: "COP"},
		{words: "POLICES", name: ""},
		{words: "REBELS", name: "REBELS", length: 1, code: "REB"},
		{words: "CHAIRWOMEN", name: "CHAIRWOMEN", length: 1, code: "GOV"},
		{words: "MINISTRY OF FISHERIES", name: "MINISTRY_OF_FISHERIES", length: 3, code: "GOV"},
		{words: "ATTORNEYS GENERAL", name: "ATTORNEYS_GENERAL", length: 2, code: "JUD"},
		{words: "AID AGENCIES", name: "AID_AGENCIES", length: 2, code: "NGO", wantPrefix: true},
		{words: "GONDOR", name: ""},
	}
	for _, tt := range tests {
		t.Run(tt.words, func(t *testing.T) {
			m, ok := d.MatchAt(strings.Fields(tt.words), tt.at)
			if tt.name == "" {
				if ok {
					t.Fatalf("MatchAt = %v, want no match", m.Name)
				}
				return
			}
			if !ok {
				t.Fatalf("no match, want %s", tt.name)
			}
			if m.Name.String() != tt.name || m.Len != tt.length || (m.Actor != nil) != tt.actor {
				t.Errorf("MatchAt = %s (len %d, actor %v), want %s (len %d, actor %v)", m.Name, m.Len, m.Actor != nil, tt.name, tt.length, tt.actor)
			}
			var code string
			if m.Actor != nil {
				c, _ := m.Actor.CodeAt(tt.date)
				code = c.Code
			} else {
				code = m.Agent.Code
				if m.Agent.Prefix != tt.wantPrefix {
					t.Errorf("Prefix = %v, want %v", m.Agent.Prefix, tt.wantPrefix)
				}
			}
			if code != tt.code {
				t.Errorf("code = %s, want %s", code, tt.code)
			}
		})
	}
}

func TestCodeAt(t *testing.T) {
	d := loadTest(t)
	var old *Actor
	for _, a := range d.Actors {
		if a.Names[0].String() == "OLD_REPUBLIC" {
			old = a
		}
	}
	if old == nil {
		t.Fatal("OLD_REPUBLIC not read")
	}
	for _, tt := range []struct {
		date int
		ok   bool
	}{{19790101, true}, {19800101, true}, {19800102, false}, {0, false}} {
		if _, ok := old.CodeAt(tt.date); ok != tt.ok {
			t.Errorf("CodeAt(%d) ok = %v, want %v", tt.date, ok, tt.ok)
		}
	}
}

func TestVerbs(t *testing.T) {
	d := loadTest(t)
	tests := []struct {
		form  string
		block string
		words string
		code  string
	}{
		{"CONDEMNED", "CONDEMN", "CONDEMN", "111"},
		{"DENOUNCES", "CONDEMN", "DENOUNCE", "112"},
		{"RENEWED", "RESTORE", "RENEW", "050"},
		{"SENT", "SEND", "SEND", "070"},
		{"BROKE", "BREAK", "BREAK", "---"},
		{"ARRIVING", "ARRIVE", "ARRIVE", "042:043"},
		{"HOST", "HOST", "HOST", ":043"},
	}
	for _, tt := range tests {
		vs := d.Verbs(tt.form)
		if len(vs) == 0 {
			t.Errorf("Verbs(%s): none", tt.form)
			continue
		}
		v := vs[0]
		if v.Block.Name != tt.block || v.Words.String() != tt.words || v.EffectiveCode().String() != tt.code {
			t.Errorf("Verbs(%s) = %s in %s [%s], want %s in %s [%s]", tt.form, v.Words, v.Block.Name, v.EffectiveCode(), tt.words, tt.block, tt.code)
		}
	}
	// The multiword verb: BREAK is its verb, OFF follows it.
	var off *Verb
	for _, v := range d.Verbs("BROKEN") {
		if len(v.Words) == 2 {
			off = v
		}
	}
	if off == nil || off.Words.String() != "BREAK OFF" || off.Head != 0 {
		t.Errorf("multiword verb = %+v, want BREAK OFF with head 0", off)
	}
}

func TestPatterns(t *testing.T) {
	d := loadTest(t)
	want := map[string][]string{
		"CONDEMN": {"- * ATTACK (BY) [112]", "- * {MISSILE ATTACK} [190]"},
		"RESTORE": {"- * &TIES [051]", "- % * {DIPLOMATIC &TIES} [051:051]", "- * BUDGET [---]"},
		"SEND":    {"- * &AID (TO +) [073]", "- + * (FROM $) [071]"},
		"BREAK":   {"- * &ALLTIES [161]"}, // the pattern naming an undefined synset is left out
		"HOST":    {"- * (FOR TALKS) [046]"},
	}
	for _, b := range d.Blocks {
		w, ok := want[b.Name]
		if !ok {
			continue
		}
		var got []string
		for _, p := range b.Patterns {
			got = append(got, p.String())
			// Writing a pattern back and reading it again gives the same pattern.
			q, err := parsePatternLine(strings.TrimPrefix(p.String(), "-"), false)
			if err != nil || q.String() != p.String() {
				t.Errorf("round trip of %q = %v, %v", p, q, err)
			}
		}
		if !slices.Equal(got, w) {
			t.Errorf("%s patterns = %q, want %q", b.Name, got, w)
		}
	}
}

func TestSynsets(t *testing.T) {
	d := loadTest(t)
	var got []string
	for _, m := range d.SynsetMembers("ALLTIES") {
		got = append(got, m.Words.String())
	}
	// &TIES_ makes no plurals; &ALLTIES includes it and adds its own.
	if want := []string{"TIES", "RELATIONS", "LINKS"}; !slices.Equal(got, want) {
		t.Errorf("ALLTIES = %q, want %q", got, want)
	}
	var aid []string
	for _, m := range d.SynsetMembers("AID") {
		aid = append(aid, m.Words.String())
	}
	if !slices.Equal(aid, []string{"AID", "AIDS", "RELIEF", "FOOD AID", "FOOD AIDS"}) {
		t.Errorf("AID = %q", aid)
	}
}

func TestTransforms(t *testing.T) {
	d := loadTest(t)
	say := d.Block("SAY")
	trs := d.TransformsFor(say)
	if len(trs) != 2 {
		t.Fatalf("transformations of SAY = %v, want the CLAIM and SAY ones", trs)
	}
	if got := trs[0].String(); got != "~ a (a b ATTACK) CLAIM = a b 015" {
		t.Errorf("transformation = %q", got)
	}
	if !d.ReportedVerbMatches(trs[0], d.Block("ATTACK")) || d.ReportedVerbMatches(trs[0], say) {
		t.Error("ReportedVerbMatches: the reported verb is ATTACK's block only")
	}
}

func TestDiscards(t *testing.T) {
	d := loadTest(t)
	tests := []struct {
		text  string
		want  string
		story bool
	}{
		{"Valdoria won the cup final on Sunday.", "CUP FINAL", true},
		{"Marsk is a baseball-mad country.", "BASEBALL", false},
		{"The baseballs were seized.", "BASEBALL", false},
		{"He scored a goal.", "GOAL", false},
		{"They set a new goalpost.", "", false},
		{"The Formula  One race.", "FORMULA ONE", false},
		{"Valdoria restored ties with Marsk.", "", false},
	}
	for _, tt := range tests {
		dc := d.Discarded(tt.text)
		switch {
		case tt.want == "" && dc != nil:
			t.Errorf("Discarded(%q) = %q, want none", tt.text, dc.Text)
		case tt.want != "" && (dc == nil || dc.Text != tt.want || dc.Story != tt.story):
			t.Errorf("Discarded(%q) = %+v, want %s (story %v)", tt.text, dc, tt.want, tt.story)
		}
	}
}

func TestIssues(t *testing.T) {
	d := loadTest(t)
	got := d.IssuesIn(strings.Fields("THE DAMS ON THE CROSS-BORDER RIVER AND WATER SHARED"))
	want := []IssueCount{{"DAMS", 1}, {"RIVERS", 1}, {"WATER_SHARING", 1}}
	if !slices.Equal(got, want) {
		t.Errorf("IssuesIn = %v, want %v", got, want)
	}
	if got := d.IssuesIn(strings.Fields("A DAM GOOD DAM")); got != nil {
		t.Errorf("IssuesIn with an ignore phrase = %v, want none", got)
	}
}

func TestOntology(t *testing.T) {
	d := loadTest(t)
	o := d.Ontology
	tests := []struct {
		fn       func(string, string) (string, bool)
		a, b     string
		want     string
		wantOK   bool
		describe string
	}{
		{func(a, _ string) (string, bool) { return o.Negate(a) }, "110", "", "050", true, "not disapprove"},
		{func(a, _ string) (string, bool) { return o.Negate(a) }, "050", "", "", false, "no negated code"},
		{func(a, _ string) (string, bool) { return o.Negate(a) }, "999", "", "", false, "unknown code"},
		{o.Combine, "030", "070", "033", true, "intend to aid"},
		{o.Combine, "033", "070", "", false, "not a statement code"},
	}
	for _, tt := range tests {
		got, ok := tt.fn(tt.a, tt.b)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("%s: got %q %v, want %q %v", tt.describe, got, ok, tt.want, tt.wantOK)
		}
	}
	var nilO *Ontology
	if _, ok := nilO.Negate("110"); ok {
		t.Error("a nil ontology negated a code")
	}
}

// TestProblems checks that the lines the readers skip are reported with
// their file and line.
func TestProblems(t *testing.T) {
	d := loadTest(t)
	var got []string
	for _, p := range d.Problems {
		got = append(got, filepath.Base(p.Source.File)+":"+strconv.Itoa(p.Source.Line))
	}
	for _, want := range []string{
		"actors.txt:23",   // 2004017 is not a date
		"actors.txt:28",   // NOCODE_NAME has no code
		"agents.txt:14",   // no '~'
		"verbs.txt:41",    // undefined synset
		"verbs.txt:56",    // pattern without its '-'
		"verbs.txt:61",    // transformation naming an unknown verb
		"issues.txt:7",    // no code
		"ontology.txt:10", // not CODE:VALUE
	} {
		if !slices.Contains(got, want) {
			t.Errorf("no problem reported at %s; got %v", want, got)
		}
	}
}

func TestSyntaxErrors(t *testing.T) {
	tests := []struct {
		name, input, want string
	}{
		{"binary", "ARNOR [ARN]\n\x00\x01", "bad.txt:2: binary data"},
		{"long line", strings.Repeat("A", MaxLineBytes+10), "bad.txt:1: line longer than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &Dictionary{}
			err := d.ReadActors(strings.NewReader(tt.input), "bad.txt")
			var se *SyntaxError
			if !errors.As(err, &se) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want a SyntaxError containing %q", err, tt.want)
			}
		})
	}
	if _, err := Load(Files{Actors: []string{filepath.Join("testdata", "missing.txt")}}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Load(missing file) error = %v, want one wrapping os.ErrNotExist", err)
	}
}

func TestPETRARCH1Patterns(t *testing.T) {
	d := &Dictionary{}
	f, err := os.Open(filepath.Join("testdata", "verbs_p1.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := d.ReadVerbs(f, "verbs_p1.txt"); err != nil {
		t.Fatal(err)
	}
	if err := d.Compile(); err != nil {
		t.Fatal(err)
	}
	ps := d.Blocks[0].Patterns
	if len(ps) != 2 || !ps[0].Flat || ps[1].String() != "- $ * IN + [132]" {
		t.Errorf("patterns = %v, want two flat ones", ps)
	}
}

func TestUseBeforeCompile(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MatchAt on an uncompiled dictionary did not panic")
		}
	}()
	(&Dictionary{}).MatchAt([]string{"A"}, 0)
}
