package coder

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"dyad/dict"
	"dyad/nlp"
	"dyad/nlp/conllu"
)

// testDict loads the dictionaries in testdata, with the verb files
// extraVerbs added.
func testDict(t testing.TB, extraVerbs ...string) *dict.Dictionary {
	t.Helper()
	p := func(n string) string { return filepath.Join("testdata", n) }
	verbs := []string{p("verbs.txt")}
	for _, v := range extraVerbs {
		verbs = append(verbs, p(v))
	}
	d, err := dict.Load(dict.Files{
		Actors:   []string{p("actors.txt")},
		Agents:   []string{p("agents.txt")},
		Verbs:    verbs,
		Discards: []string{p("discards.txt")},
		Ontology: p("ontology.txt"),
	})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// anchorDict is testDict with the noun and predicate patterns of
// testdata/anchors.verbs.txt: a pattern whose comment starts with "noun"
// or "predicate" is anchored so.
func anchorDict(t testing.TB) *dict.Dictionary {
	t.Helper()
	d := testDict(t, "anchors.verbs.txt")
	for _, b := range d.Blocks {
		for _, p := range b.Patterns {
			switch {
			case strings.HasPrefix(p.Comment, "noun"):
				p.Anchor = dict.NounAnchor
			case strings.HasPrefix(p.Comment, "predicate"):
				p.Anchor = dict.PredicateAnchor
			}
		}
	}
	if err := d.Compile(); err != nil {
		t.Fatal(err)
	}
	return d
}

// readCases reads testdata/cases.conllu, or the named file of testdata.
func readCases(t testing.TB, name ...string) []nlp.Sentence {
	t.Helper()
	n := "cases.conllu"
	if len(name) > 0 {
		n = name[0]
	}
	f, err := os.Open(filepath.Join("testdata", n))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := conllu.ReadAll(f, n)
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

// comments returns the values of the "# key = value" comments of s.
func comments(s *nlp.Sentence, key string) []string {
	var out []string
	for _, c := range s.Comments {
		k, v, ok := strings.Cut(c, "=")
		if ok && strings.TrimSpace(k) == key {
			out = append(out, strings.TrimSpace(v))
		}
	}
	return out
}

// TestCases codes the sentences of testdata/cases.conllu and compares the
// events (and discards or problems) with those each one expects.
func TestCases(t *testing.T) {
	runCases(t, testDict(t), readCases(t))
}

// TestAnchors codes sentences whose events hang on nouns ("clashes
// between A and B") and predicates ("A is responsible for attacks on B").
func TestAnchors(t *testing.T) {
	runCases(t, anchorDict(t), readCases(t, "anchors.conllu"))
}

// petrarchOptions code as PETRARCH does, which the case files follow:
// whatever the modality (but negation only through the ontology's codes,
// see asPETRARCH), statements aimed at what they are about.
var petrarchOptions = Options{KeepModal: true, PETRARCH: true}

// asPETRARCH drops the negated events of r, which PETRARCH does not code.
func asPETRARCH(r Result) Result {
	r.Events = slices.DeleteFunc(r.Events, func(e Event) bool { return e.Modality == Negated })
	return r
}

// runCases codes sents with d as PETRARCH does and checks each against its
// "# expect" and "# expect-note" comments.
func runCases(t *testing.T, d *dict.Dictionary, sents []nlp.Sentence) {
	c, err := New(d, petrarchOptions)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sents {
		t.Run(s.ID, func(t *testing.T) {
			date := 0
			if d := comments(&s, "date"); len(d) > 0 {
				date, _ = strconv.Atoi(d[0])
			}
			r := asPETRARCH(c.Code(&s, date))
			var got []string
			for _, e := range r.Events {
				got = append(got, e.Code+" "+e.Source+" "+e.Target)
			}
			want := slices.DeleteFunc(comments(&s, "expect"), func(e string) bool { return e == "none" })
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("%s\n coded %q\n want  %q", s.Text, got, want)
			}
			note := ""
			if n := comments(&s, "expect-note"); len(n) > 0 {
				note = n[0]
			}
			var gotNote string
			switch {
			case r.Discard != nil && r.Discard.Story:
				gotNote = "story"
			case r.Discard != nil:
				gotNote = "sentence"
			case len(r.Problems) > 0:
				gotNote = r.Problems[0].Kind
			}
			if gotNote != note {
				t.Errorf("note = %q, want %q", gotNote, note)
			}
		})
	}
}

// TestProvenance checks that an event carries the spans of its words and
// the dictionary entries, with file and line, that produced it.
func TestProvenance(t *testing.T) {
	c, err := New(testDict(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var s nlp.Sentence
	for _, x := range readCases(t) {
		if x.ID == "pattern-pp" {
			s = x
		}
	}
	r := c.Code(&s, 0)
	if len(r.Events) != 1 {
		t.Fatalf("events = %+v, want one", r.Events)
	}
	e := r.Events[0]
	if e.Sentence != "pattern-pp" || e.Verb.Text != "condemned" || e.SourceSpan.Text != "Valdoria" || e.TargetSpan.Text != "an attack by Marskian rebels" {
		t.Errorf("spans: sentence %q verb %q source %q target %q", e.Sentence, e.Verb.Text, e.SourceSpan.Text, e.TargetSpan.Text)
	}
	var got []string
	for _, ev := range e.Evidence {
		got = append(got, ev.Role+" "+ev.Entry+" "+ev.Code+" "+filepath.Base(ev.Source.File)+":"+strconv.Itoa(ev.Source.Line))
	}
	want := []string{
		"verb CONDEMN (CONDEMN) 111 verbs.txt:10",
		"pattern - * ATTACK (BY) [112] 112 verbs.txt:12",
		"source actor VALDORIA VAL actors.txt:2",
		"target actor MARSKIAN MRK actors.txt:6",
		"target agent REBELS ~REB agents.txt:4",
	}
	if !slices.Equal(got, want) {
		t.Errorf("evidence =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if e.Rule != "pattern" {
		t.Errorf("rule = %q, want pattern", e.Rule)
	}
}

func TestOptions(t *testing.T) {
	d := testDict(t)
	sents := readCases(t)
	find := func(id string) *nlp.Sentence {
		for i := range sents {
			if sents[i].ID == id {
				return &sents[i]
			}
		}
		t.Fatalf("no case %s", id)
		return nil
	}
	tests := []struct {
		name string
		opts Options
		id   string
		want []string
	}{
		// "the budget" is not an actor: without AllowNullActor nothing is
		// coded, with it the event with a null target is.
		{"null target refused", petrarchOptions, "noted-that", []string{"010 VAL MRK"}},
		// By default a statement is not aimed at what it is about, and a
		// report without a target leaves the event it reports standing.
		{"statement about a clause", Options{}, "noted-that", nil},
		{"report of an attack", Options{}, "report-clause", []string{"190 MRK VAL"}},
		{"null actor allowed", Options{AllowNullActor: true}, "unknown-verb", nil},
		{"new actor", Options{NewActorLength: 2}, "slot-target", []string{"073 MRK VAL"}},
		// An unknown name in the object's phrase is an unknown target,
		// not a missing one, wherever the parser attached the phrase.
		{"unknown name in the object's phrase", Options{AllowNullActor: true}, "object-unknown-name", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := New(d, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range c.Code(find(tt.id), 0).Events {
				got = append(got, e.Code+" "+e.Source+" "+e.Target)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("coded %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNotCompiled(t *testing.T) {
	if _, err := New(&dict.Dictionary{}, Options{}); err != ErrNotCompiled {
		t.Errorf("New(uncompiled) error = %v, want ErrNotCompiled", err)
	}
}

// TestCasedNames checks that a name with Cased words codes only when
// written with that capitalisation: "IS" the group, not "is" the verb.
func TestCasedNames(t *testing.T) {
	d := testDict(t)
	d.Actors = append(d.Actors, &dict.Actor{
		Names: []dict.Name{{Words: dict.Phrase{"IS"}, Cased: dict.Phrase{"IS"}}},
		Codes: []dict.DatedCode{{Code: "IMGISI"}},
	})
	if err := d.Compile(); err != nil {
		t.Fatal(err)
	}
	c, err := New(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	tree := func(subj string) *nlp.Sentence {
		return &nlp.Sentence{ID: subj, Tokens: []nlp.Token{
			{ID: 1, Form: subj, Lemma: subj, UPOS: "PROPN", Head: 2, DepRel: "nsubj", Start: -1, End: -1},
			{ID: 2, Form: "condemned", Lemma: "condemn", UPOS: "VERB", Head: 0, DepRel: "root", Start: -1, End: -1},
			{ID: 3, Form: "Valdoria", Lemma: "Valdoria", UPOS: "PROPN", Head: 2, DepRel: "obj", Start: -1, End: -1},
		}}
	}
	for _, tt := range []struct {
		form string
		want int
	}{{"IS", 1}, {"Is", 0}, {"is", 0}} {
		if got := len(c.Code(tree(tt.form), 0).Events); got != tt.want {
			t.Errorf("%q as the subject: %d events, want %d", tt.form, got, tt.want)
		}
	}
	if _, ok := d.MatchFormsAt([]string{"IS"}, []string{"is"}, 0); ok {
		t.Error(`MatchFormsAt matched "is" with the cased name "IS"`)
	}
	if _, ok := d.MatchAt([]string{"IS"}, 0); !ok {
		t.Error("MatchAt, which has no forms, did not match IS")
	}
}

// TestDiscourse codes testdata/discourse.conllu as one text: pronouns,
// descriptions ("the rebels", "both sides", "the country") and shortened
// names ("the North") resolve to actors of earlier sentences; alone, each
// sentence codes what its "# alone" lines say.
func TestDiscourse(t *testing.T) {
	c, err := New(testDict(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	events := func(r Result) []string {
		var got []string
		for _, e := range r.Events {
			got = append(got, e.Code+" "+e.Source+" "+e.Target)
		}
		slices.Sort(got)
		return got
	}
	want := func(s *nlp.Sentence, key string) []string {
		w := slices.DeleteFunc(comments(s, key), func(e string) bool { return e == "none" })
		slices.Sort(w)
		return w
	}
	d := &Discourse{}
	for _, s := range readCases(t, "discourse.conllu") {
		if got, w := events(c.CodeIn(&s, 0, d)), want(&s, "expect"); !slices.Equal(got, w) {
			t.Errorf("%s %s\n in discourse %q\n want        %q", s.ID, s.Text, got, w)
		}
		if got, w := events(c.Code(&s, 0)), want(&s, "alone"); !slices.Equal(got, w) {
			t.Errorf("%s %s\n alone %q\n want  %q", s.ID, s.Text, got, w)
		}
	}
	if d.Sentences() != 6 {
		t.Errorf("discourse counted %d sentences, want 6", d.Sentences())
	}
}

// TestDiscourseEvidence checks that a resolved reference says what it
// stands for and why.
func TestDiscourseEvidence(t *testing.T) {
	c, err := New(testDict(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := &Discourse{}
	sents := readCases(t, "discourse.conllu")
	c.CodeIn(&sents[0], 0, d)
	r := c.CodeIn(&sents[1], 0, d)
	if len(r.Events) != 1 {
		t.Fatalf("events = %+v", r.Events)
	}
	var ref string
	for _, ev := range r.Events[0].Evidence {
		if ev.Role == "source reference" {
			ref = ev.Entry
		}
	}
	if want := `"The rebels" → "Marskian rebels" (salience 1.00, last mentioned in sentence 1)`; ref != want {
		t.Errorf("reference evidence %q, want %q", ref, want)
	}
}

// TestReferences checks that CodeIn lists the references it resolved.
func TestReferences(t *testing.T) {
	c, err := New(testDict(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := &Discourse{}
	var got []string
	for _, s := range readCases(t, "discourse.conllu") {
		for _, r := range c.CodeIn(&s, 0, d).References {
			got = append(got, s.ID+" "+r.Span.Text+" = "+strings.Join(r.Codes, " "))
		}
	}
	want := []string{"d2 The rebels = MRKREB", "d3 Both sides = MRKREB NMK", "d4 the country = NMK", "d5 They = MRKREB", "d5 the North = NMK"}
	if !slices.Equal(got, want) {
		t.Errorf("references\n got %q\nwant %q", got, want)
	}
}

// TestRepairs codes sentences parsed the way Dyad's parser gets them
// wrong (testdata/repairs.conllu): each must code as its correct parse
// would.
func TestRepairs(t *testing.T) {
	runCases(t, testDict(t, "repairs.verbs.txt"), readCases(t, "repairs.conllu"))
}

// TestBadTree codes a sentence whose heads form a cycle, which the
// CoNLL-U reader refuses but a caller may build: nothing is coded, and the
// problem says why.
func TestBadTree(t *testing.T) {
	sents, err := conllu.ReadAll(strings.NewReader("# sent_id = bad-tree\n"+
		"1\tValdoria\tValdoria\tPROPN\t_\t_\t2\tnsubj\t_\t_\n2\tmet\tmeet\tVERB\t_\t_\t0\troot\t_\t_\n"+
		"3\tMarsk\tMarsk\tPROPN\t_\t_\t2\tobj\t_\t_\n4\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n"), "bad-tree")
	if err != nil {
		t.Fatal(err)
	}
	s := sents[0]
	s.Tokens[1].Head, s.Tokens[1].DepRel = 1, "dep" // met ← Valdoria ← met
	c, err := New(testDict(t), petrarchOptions)
	if err != nil {
		t.Fatal(err)
	}
	r := c.Code(&s, 0)
	if len(r.Events) != 0 || len(r.Problems) != 1 || r.Problems[0].Kind != ProblemBadParse {
		t.Errorf("events %v, problems %v; want none and %s", r.Events, r.Problems, ProblemBadParse)
	}
}
